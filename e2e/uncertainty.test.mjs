// e2e/uncertainty.test.mjs: Monte Carlo in the browser: runs in a Web Worker, badges and sentences per target,
// fans on the charts, the score histogram, the runs setting, the seed, the cache, and typing while 1 000 runs go.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  appSession,
  canvasSummary,
  kpiTexts,
  pollUntil,
  screenshot,
  tid,
  typeInto,
  openView,
} from './lib.mjs';

const session = appSession();
/** Opens the app in the uncertainty view, then runs `body`. */
const withApp = (body, options) =>
  session.withApp(async (page, s) => {
    await openView(page, 'uncertainty');
    await body(page, s);
  }, options);

/** The uncertainty panel's data attributes. */
async function panel(page) {
  return page.$eval(tid('uncertainty'), (el) => ({
    runsDone: el.dataset.runsDone ? Number(el.dataset.runsDone) : null,
    elapsedMs: el.dataset.elapsedMs ? Number(el.dataset.elapsedMs) : null,
    sampleBytes: el.dataset.sampleBytes ? Number(el.dataset.sampleBytes) : null,
    current: el.dataset.current === 'true',
    busy: el.getAttribute('aria-busy') === 'true',
    text: el.innerText,
  }));
}

/** Waits until runs of the current plan are shown and none are under way. */
async function waitForRuns(page, nRuns, timeout = 120_000) {
  await page.waitForFunction(
    (n) => {
      const el = document.querySelector('[data-testid="uncertainty"]');
      return el && el.dataset.current === 'true' && el.getAttribute('aria-busy') === 'false' && Number(el.dataset.runsDone) === n;
    },
    nRuns,
    { timeout },
  );
}

test('runs start by themselves in a worker and give a badge and a sentence per target', async () => {
  await withApp(async (page) => {
    await waitForRuns(page, 200);
    const workers = page.workers().map((worker) => worker.url());
    assert.ok(workers.some((url) => url.endsWith('/worker.js')), `a Web Worker ran the batch: ${workers.join(', ')}`);
    const state = await panel(page);
    assert.match(state.text, /200 次模拟，用时 [\d.]+ 秒，种子 2022/);
    const items = await page.$$eval(`${tid('uncertainty')} li[data-testid^="mc-target-"]`, (lis) =>
      lis.map((li) => ({
        badge: li.querySelector('[data-testid="mc-badge"]').textContent,
        text: li.innerText,
      })),
    );
    assert.equal(items.length, 7, '洪林镇 2022 has seven targets');
    for (const item of items) {
      assert.match(item.badge, /^(<1%|>99%|\d{1,3}%)$/);
      assert.match(item.text, /约(10|100)次中有\d+次|每次模拟都|没有一次模拟/);
    }
    assert.match(items[0].text, /6月30日前达到80%/);
    const alone = await page.textContent(tid('mc-chance-alone'));
    assert.match(alone, /仅因偶然波动，全年报案数高于去年（26起）的概率也约有\d+%/);
    const kpis = await kpiTexts(page);
    assert.match(kpis['kpi-rate-at-deadline'], /达成概率/);
    assert.match(kpis['kpi-score'], /P10–P90/);
    const histogram = await canvasSummary(page, 'chart-score');
    assert.equal(histogram.blank, false, 'the score histogram is drawn');
    assert.ok(histogram.distinctColours >= 3);
    await screenshot(page, 'uncertainty-zh');
  });
});

test('the fans change the charts once runs finish, and the seed reproduces or changes them', async () => {
  await withApp(async (page) => {
    await waitForRuns(page, 200);
    const firstStatus = (await panel(page)).text;
    await openView(page, 'results');
    const withFans = (await canvasSummary(page, 'chart-adoption')).hash;
    await openView(page, 'uncertainty');

    await typeInto(page, 'mc-seed', '7');
    await pollUntil(() => panel(page), (s) => s.current && !s.busy && /种子 7/.test(s.text), { timeout: 60_000 });
    const seven = await panel(page);
    assert.match(seven.text, /种子 7/);
    await openView(page, 'results');
    const sevenFans = (await canvasSummary(page, 'chart-adoption')).hash;
    assert.notEqual(sevenFans, withFans, 'another seed draws other fans');
    await openView(page, 'uncertainty');

    // Back to 2022: the earlier batch comes from the cache at once (nothing runs).
    await typeInto(page, 'mc-seed', '2022');
    const back = await pollUntil(() => panel(page), (s) => s.current && /种子 2022/.test(s.text), { timeout: 5_000 });
    assert.ok(back.current && !back.busy, 'the cached batch is shown without running');
    assert.equal(back.text, firstStatus, 'the same seed gives the same figures');

    await typeInto(page, 'mc-seed', '1.5');
    const error = await page.textContent(tid('mc-seed-error'));
    assert.match(error, /随机种子：“1\.5”不是有效的种子，应为 0 到 9007199254740991 之间的整数/, 'a bad seed is named, with the range');
    assert.equal(await page.getAttribute(tid('mc-seed'), 'aria-invalid'), 'true');
    await typeInto(page, 'mc-seed', '2022');
  });
});

test('typing stays live while 1 000 runs go, and the latest plan wins', async () => {
  await withApp(async (page) => {
    await waitForRuns(page, 200);
    await page.selectOption(tid('mc-runs'), '1000');
    await page.waitForSelector(tid('mc-progress'));
    const progressBefore = await page.$eval(`${tid('mc-progress')} progress`, (p) => Number(p.value));

    // Type a new reward while the batch runs: the KPIs follow each keystroke straight away.
    const kpiBefore = (await kpiTexts(page))['kpi-total-cost'];
    const typingStarted = Date.now();
    await typeInto(page, 'reward-per-install', '5');
    const kpiAfter = await pollUntil(() => kpiTexts(page), (k) => k['kpi-total-cost'] !== kpiBefore, { timeout: 5_000 });
    const typingMs = Date.now() - typingStarted;
    assert.notEqual(kpiAfter['kpi-total-cost'], kpiBefore, 'the deterministic result follows the edit during the runs');
    assert.equal(await page.inputValue(tid('reward-per-install')), '5');
    const during = await panel(page);
    assert.ok(during.busy, 'runs of the new plan are under way');
    assert.ok(progressBefore < 1000);

    await waitForRuns(page, 1000, 300_000);
    const done = await panel(page);
    assert.ok(done.current, 'the runs shown are of the plan with reward 5');
    assert.ok(done.sampleBytes > 1e6, `1 000 runs hold their samples: ${done.sampleBytes} bytes`);
    console.log(
      `# 1000 runs in the worker: ${(done.elapsedMs / 1000).toFixed(1)} s (${((1000 * 1000) / done.elapsedMs).toFixed(1)} runs/s); ` +
        `samples held ${(done.sampleBytes / 1e6).toFixed(1)} MB; typing a reward during the runs took ${typingMs} ms to show`,
    );
    await page.waitForTimeout(200);
    await screenshot(page, 'uncertainty-1000-runs');
  });
});

test('the panel speaks English after the toggle', async () => {
  await withApp(async (page) => {
    await waitForRuns(page, 200);
    await page.click(tid('lang-toggle'));
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const text = (await panel(page)).text;
    assert.match(text, /Uncertainty: many runs/);
    assert.match(text, /200 runs in [\d.]+ s, seed 2022/);
    assert.match(text, /(about \d+ in (10|100) runs|all runs|no runs) (reach|show)/);
    const withoutNames = text.replace(/\([^)]*\)/g, '');
    assert.doesNotMatch(withoutNames, /[模拟次种子概率达成偶然]/, 'no Chinese left in the panel (names aside)');
    await screenshot(page, 'uncertainty-en');
  });
});
