// e2e/views.test.mjs: the app's views (results, edit, compare, uncertainty, optimise) in headless Chromium: each
// opens by its URL and by its tab, back and forward move between them, a share link opens (into the results or
// the view it names), the key figures stay in sight, and no view scrolls sideways at 1366×768 or 1024×768.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KPI_IDS, appSession, kpiTexts, openView, pollUntil, screenshot, tid, typeInto, waitForApp } from './lib.mjs';

const VIEWS = ['results', 'edit', 'compare', 'uncertainty', 'optimise'];
const { withApp, siteUrl } = appSession();

/** The view shown: the one root `view-<view>` on the page, and the tab marked selected. */
async function shown(page) {
  return page.evaluate((views) => {
    const roots = views.filter((view) => document.querySelector(`[data-testid="view-${view}"]`));
    const selected = views.filter(
      (view) => document.querySelector(`[data-testid="nav-${view}"]`)?.getAttribute('aria-selected') === 'true',
    );
    return { roots, selected, hash: location.hash };
  }, VIEWS);
}

async function assertShown(page, view) {
  const now = await pollUntil(
    () => shown(page),
    (s) => s.roots.join() === view && s.selected.join() === view,
  );
  assert.deepEqual(now.roots, [view], `only the ${view} view is on the page`);
  assert.deepEqual(now.selected, [view], `the ${view} tab is selected`);
}

/** Sideways overflow of the page in px (0 when it fits). */
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test('every view opens by its URL and by its tab, and only it is rendered', async () => {
  await withApp(async (page) => {
    await assertShown(page, 'results');
    for (const view of VIEWS) {
      await page.goto(`${siteUrl()}#/${view}`, { waitUntil: 'load' });
      await waitForApp(page);
      await assertShown(page, view);
      for (const id of KPI_IDS) assert.ok((await kpiTexts(page))[id], `${id} is shown in the ${view} view`);
    }
    for (const view of [...VIEWS].reverse()) {
      await openView(page, view);
      await assertShown(page, view);
      assert.equal((await shown(page)).hash, `#/${view}`, 'the tab sets the address');
    }
    // Hidden charts are not drawn: the results' charts are only in the results view.
    await openView(page, 'edit');
    assert.equal(await page.$(tid('chart-adoption')), null, 'no chart canvas outside the results view');
    await openView(page, 'results');
    assert.notEqual(await page.$(tid('chart-adoption')), null);
  });
});

test('back and forward move between views; the keyboard reaches the tabs', async () => {
  await withApp(async (page) => {
    await openView(page, 'edit');
    await openView(page, 'compare');
    await openView(page, 'optimise');
    await page.goBack();
    await assertShown(page, 'compare');
    await page.goBack();
    await assertShown(page, 'edit');
    await page.goForward();
    await assertShown(page, 'compare');

    await page.focus(tid('nav-uncertainty'));
    await page.keyboard.press('Enter');
    await assertShown(page, 'uncertainty');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'tab');
  });
});

test('a share link opens into the results, and into the view it names', async () => {
  let link;
  await withApp(async (page) => {
    await typeInto(page, 'reward-per-install', '6');
    await pollUntil(() => page.inputValue(tid('reward-per-install')), (value) => value === '6');
    await page.click(tid('share-link'));
    link = await page.inputValue(tid('share-link-text'));
    assert.match(link, /#scenario=1\./);
  });
  await withApp(async (page) => {
    await page.goto(link, { waitUntil: 'load' });
    await waitForApp(page);
    await pollUntil(() => page.inputValue(tid('reward-per-install')), (value) => value === '6');
    await assertShown(page, 'results');
    assert.equal(await page.evaluate(() => location.hash), '', 'the link leaves the address bar once read');
  });
  await withApp(async (page) => {
    const into = link.replace('#scenario=', '#/edit?scenario=');
    await page.goto(into, { waitUntil: 'load' });
    await waitForApp(page);
    await assertShown(page, 'edit');
    await page.waitForSelector(tid('editor'));
    await openView(page, 'results');
    assert.equal(await page.inputValue(tid('reward-per-install')), '6', 'the linked plan is open');
    await openView(page, 'edit');
    assert.equal(await page.evaluate(() => location.hash), '#/edit', 'the view stays in the address, the link goes');
  });
});

for (const [width, height] of [
  [1366, 768],
  [1024, 768],
]) {
  test(`no view scrolls sideways at ${width}×${height}, and the key figures stay in sight`, async () => {
    await withApp(
      async (page) => {
        for (const view of VIEWS) {
          await openView(page, view);
          await assertShown(page, view);
          await page.waitForTimeout(300);
          const sideways = await overflow(page);
          assert.ok(sideways <= 0, `the ${view} view scrolls sideways by ${sideways}px at ${width}×${height}`);
          await screenshot(page, `view-${view}-${width}x${height}`);
          // Scrolled down, the KPI strip is still on screen.
          await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
          await page.waitForTimeout(100);
          const kpi = await page.locator(tid(KPI_IDS[0])).boundingBox();
          assert.ok(kpi && kpi.y >= -1 && kpi.y < height, `${KPI_IDS[0]} in sight at the bottom of ${view}: ${JSON.stringify(kpi)}`);
          await page.evaluate(() => window.scrollTo(0, 0));
        }
      },
      { width, height },
    );
  });
}
