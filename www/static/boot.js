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

// The module is compiled here, once, and kept on globalThis so the Monte Carlo worker can be given it
// instead of fetching and compiling the wasm again (see www/src/runner.rs). A build that inlines the wasm
// (the single-file build) sets globalThis.__wuzhaWasmBytes instead of serving pkg/wuzha_www_bg.wasm.
async function compileModule() {
  if (globalThis.__wuzhaWasmBytes) {
    return WebAssembly.compile(globalThis.__wuzhaWasmBytes);
  }
  const url = new URL('./pkg/wuzha_www_bg.wasm', import.meta.url);
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${url.pathname}: HTTP ${response.status}`);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

try {
  const { default: init, mount_app } = await import('./pkg/wuzha_www.js');
  const module = await compileModule();
  globalThis.__wuzhaModule = module;
  await init({ module_or_path: module });
  mount_app();
} catch (error) {
  showFailure(error);
}
