// e2e/optimise.test.mjs: the optimise panel in the built site: run in a worker with progress, the suggested plan
// as a diff with marginal returns and a summary, apply (undoable), cancel, bad input, frontier and tornado charts.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  appSession,
  canvasSummary,
  screenshot,
  tid,
  openView,
} from './lib.mjs';

const session = appSession();
/** Opens the app in the optimise view, then runs `body`. */
const withApp = (body, options) =>
  session.withApp(async (page, s) => {
    await openView(page, 'optimise');
    await body(page, s);
  }, options);

const idle = (page, timeout = 120_000) =>
  page.waitForFunction(() => document.querySelector('[data-testid="optimise"]')?.getAttribute('aria-busy') === 'false', null, {
    timeout,
  });

test('optimising shows progress, a summary, the changed items and the frontier and tornado; apply is undoable', async () => {
  await withApp(async (page) => {
    const costFigure = () => page.innerText(`${tid('kpi-total-cost')} .kpi-value`);
    const costBefore = await costFigure();
    const rewardBefore = await page.inputValue(tid('reward-per-install'));
    const started = Date.now();
    await page.click(tid('optimise-run'));
    await page.waitForSelector(tid('optimise-progress'));
    await idle(page);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const summary = await page.textContent(tid('optimise-summary'));
    assert.match(summary, /预算 80000 元：建议方案使避免发案数从 [\d.]+ 变为 [\d.]+/);
    assert.match(summary, /收益最大/);
    const rows = await page.$$eval(`${tid('optimise-variables')} tbody tr`, (trs) => trs.map((tr) => tr.innerText.split('\t')));
    assert.ok(rows.length >= 1, 'at least one item changes');
    assert.ok(rows.every((row) => row.length === 5));
    for (const id of ['chart-frontier', 'chart-tornado']) {
      const chart = await canvasSummary(page, id);
      assert.equal(chart.blank, false, `${id} is drawn`);
    }
    console.log(`# optimising 洪林镇 (plan, tornado and a 20-budget frontier) in the browser: ${seconds} s`);
    await screenshot(page, 'optimise');

    await page.click(tid('optimise-apply'));
    await page.waitForFunction((before) => {
      const el = document.querySelector('[data-testid="kpi-total-cost"] .kpi-value');
      return el && el.innerText !== before;
    }, costBefore);
    assert.ok(await page.isVisible(tid('optimise-outdated')), 'the answer is marked as of the earlier plan');
    await page.click(tid('undo'));
    await page.waitForFunction((before) => {
      const el = document.querySelector('[data-testid="kpi-total-cost"] .kpi-value');
      return el && el.innerText === before;
    }, costBefore);
    assert.equal(await costFigure(), costBefore);
    assert.equal(await page.inputValue(tid('reward-per-install')), rewardBefore, 'undo restores the plan');
  });
});

test('a run can be cancelled, and a bad bound is named with its range', async () => {
  await withApp(async (page) => {
    await page.click(tid('optimise-run'));
    await page.waitForSelector(tid('optimise-cancel'));
    await page.click(tid('optimise-cancel'));
    await idle(page, 5_000);
    assert.equal(await page.$(tid('optimise-answer')), null, 'nothing is shown for a cancelled run');

    await page.fill(tid('optimise-high'), '0.1');
    const errors = await page.textContent(tid('optimise-errors'));
    assert.match(errors, /每项投入上限：“0\.1”无效，应为 0\.5 到 10 之间的数/);
    assert.equal(await page.isDisabled(tid('optimise-run')), true);
    await page.fill(tid('optimise-high'), '2');
    assert.equal(await page.isDisabled(tid('optimise-run')), false);
  });
});

test('the cheapest plan to a target', async () => {
  await withApp(async (page) => {
    await page.selectOption(tid('optimise-objective'), 'min_cost');
    await page.selectOption(tid('optimise-target'), '2');
    await page.uncheck(tid('optimise-frontier'));
    await page.click(tid('optimise-run'));
    await idle(page);
    const summary = await page.textContent(tid('optimise-summary'));
    assert.ok(summary.length > 20, summary);
    const figures = await page.innerText(tid('optimise-figures'));
    assert.match(figures, /总费用/);
    assert.equal(await page.$(tid('chart-frontier')), null, 'no frontier when not asked for');
  });
});

test('the optimise panel reads in English after the toggle (names from the file aside)', async () => {
  await withApp(async (page) => {
    await page.click(tid('lang-toggle'));
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.uncheck(tid('optimise-frontier'));
    await page.click(tid('optimise-run'));
    await idle(page);
    const summary = await page.textContent(tid('optimise-summary'));
    assert.match(summary, /^Budget 80000 yuan: the suggested plan takes cases averted from/);
    const head = await page.$$eval(`${tid('optimise-variables')} thead th`, (ths) => ths.map((th) => th.textContent));
    assert.deepEqual(head, ['Item', 'Unit', 'Current', 'Suggested', 'Gain per next 1 000 yuan']);
    const units = await page.$$eval(`${tid('optimise-variables')} tbody tr td:first-of-type`, (tds) => tds.map((td) => td.textContent));
    for (const unit of units) {
      assert.doesNotMatch(unit, /阶段|每村|全镇|网格员|元\/户|[天周月]$/, `a unit in English words: ${unit}`);
    }
    const labels = await page.$$eval(`${tid('optimise-variables')} tbody th`, (ths) => ths.map((th) => th.textContent));
    assert.ok(labels.every((label) => !label.endsWith('奖励')), 'rewards are named in English');
    const form = await page.innerText('.optimise-form');
    assert.doesNotMatch(form, /[\u4e00-\u9fff]/, 'the form is all English');
  });
});
