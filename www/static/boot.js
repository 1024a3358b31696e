// boot.js: loads the WebAssembly app and mounts it into #app; if anything fails, says so on the page.
//
// The module is imported dynamically so that a missing or unreadable pkg/ is caught here too and shown,
// instead of leaving the loading message on screen forever.

function showFailure(error) {
  const detail = error && error.message ? error.message : String(error);
  const box = document.createElement('div');
  box.className = 'fatal';
  box.setAttribute('role', 'alert');
  box.setAttribute('data-testid', 'fatal-error');
  box.textContent =
    '无法启动推演程序（' + detail + '）。请使用较新的浏览器（Chrome、Edge、Firefox 或 360 浏览器极速模式），' +
    '并通过网址打开本页面，不要直接双击 HTML 文件。';
  const app = document.getElementById('app');
  if (app) {
    app.replaceChildren(box);
  } else {
    document.body.prepend(box);
  }
  console.error(error);
}

try {
  const { default: init, mount_app } = await import('./pkg/wuzha_www.js');
  await init();
  mount_app();
} catch (error) {
  showFailure(error);
}
