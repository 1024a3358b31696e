// e2e/results.test.mjs: the further charts and comparing budget options in the built site: pin A, change the plan,
// pin B, see both overlaid and listed, load an option back, unpin.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  appSession,
  canvasSummary,
  kpiTexts,
  screenshot,
  tid,
  typeInto,
  openView,
} from './lib.mjs';

const MORE_CHARTS = ['chart-segments', 'chart-reach', 'chart-channel-cost', 'chart-phase-cost', 'chart-loss'];

const { withApp } = appSession();

async function hashes(page, ids) {
  const out = {};
  for (const id of ids) out[id] = await canvasSummary(page, id);
  return out;
}

test('the further charts are drawn and follow an edit', async () => {
  await withApp(async (page) => {
    const before = await hashes(page, MORE_CHARTS);
    for (const id of MORE_CHARTS) {
      assert.equal(before[id].blank, false, `${id} is drawn`);
      assert.ok(before[id].distinctColours >= 3, `${id} has more than a fill`);
    }
    await typeInto(page, 'reward-per-install', '6');
    const after = await hashes(page, MORE_CHARTS);
    for (const id of ['chart-channel-cost', 'chart-phase-cost', 'chart-segments']) {
      assert.notEqual(after[id].hash, before[id].hash, `${id} changes with the reward`);
    }
  });
});

test('pinned options are overlaid on the charts and compared in two tables', async () => {
  await withApp(async (page) => {
    await openView(page, 'compare');
    await page.click(tid('pin-option'));
    await page.waitForSelector(tid('option-A'));
    await openView(page, 'results');
    const adoptionWithA = (await canvasSummary(page, 'chart-adoption')).hash;
    await typeInto(page, 'reward-per-install', '5');
    await openView(page, 'compare');
    await page.click(tid('pin-option'));
    await page.waitForSelector(tid('option-B'));
    await typeInto(page, 'budget-total', '120000');

    const figures = await page.$$eval(`${tid('compare-figures')} tr`, (rows) => rows.map((row) => row.innerText.split('\t')));
    assert.deepEqual(figures[0].map((cell) => cell.trim()), ['项目', '方案A', '方案B', '当前方案']);
    const cost = figures.find((row) => row[0].startsWith('总费用'));
    assert.ok(cost, 'a total cost row');
    assert.match(cost[2], /（\+[\d.]+万元）/, `B costs more than A, with the change: ${cost[2]}`);

    const inputs = await page.$$eval(`${tid('compare-inputs')} tbody tr`, (rows) => rows.map((row) => row.innerText.split('\t')));
    const budget = inputs.find((row) => row[0].startsWith('预算'));
    assert.deepEqual(budget?.slice(1), ['80000', '80000', '120000'], 'the budget of A, B and the current plan');
    const reward = inputs.find((row) => row[0].startsWith('奖励'));
    assert.deepEqual(reward?.slice(1), ['2', '5', '5'], 'the reward of A, B and the current plan');

    await screenshot(page, 'compare-options');
    await openView(page, 'results');
    const legend = await page.$$eval('canvas', (canvases) => canvases.length);
    assert.ok(legend >= 8);
    assert.notEqual((await canvasSummary(page, 'chart-adoption')).hash, adoptionWithA, 'B is drawn too');
    await screenshot(page, 'compare-options-charts');
    await openView(page, 'compare');

    // Load A back: the plan is A's again (one undo step), the options stay.
    const kpiB = (await kpiTexts(page))['kpi-total-cost'];
    await page.click(tid('load-option-A'));
    await page.waitForFunction(() => document.querySelector('[data-testid="reward-per-install"]').value === '2');
    assert.equal(await page.inputValue(tid('budget-total')), '80000');
    assert.notEqual((await kpiTexts(page))['kpi-total-cost'], kpiB);
    assert.ok(await page.isVisible(tid('option-B')), 'loading an option keeps the others');
    const same = await page.$$eval(`${tid('compare-inputs')} tbody tr`, (rows) => rows.length);
    assert.ok(same >= 1, 'B still differs from the current plan (A)');
    await page.click(tid('undo'));
    await page.waitForFunction(() => document.querySelector('[data-testid="reward-per-install"]').value === '5');

    await page.click(tid('unpin-option-A'));
    await page.waitForSelector(tid('option-A'), { state: 'detached' });
    await page.click(tid('clear-options'));
    await page.waitForSelector(tid('compare-figures'), { state: 'detached' });
  });
});

test('the comparison reads in English after the toggle', async () => {
  await withApp(async (page) => {
    await openView(page, 'compare');
    await page.click(tid('pin-option'));
    await typeInto(page, 'reward-per-install', '4');
    await page.click(tid('lang-toggle'));
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const text = await page.innerText(tid('compare'));
    assert.match(text, /Compare options/);
    assert.match(text, /Option A/);
    assert.match(text, /Current plan/);
    assert.match(text, /Rewards · /);
    const withoutIds = text.replace(/[a-z_]+ × [a-z_]+/g, '');
    assert.doesNotMatch(withoutIds, /[方案项目当前费用]/, 'no Chinese UI words left');
    await screenshot(page, 'compare-options-en');
  });
});
