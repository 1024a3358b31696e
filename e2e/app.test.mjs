// e2e/app.test.mjs: end-to-end tests of the built Wuzha site (dist/) in headless Chromium: default scenario, controls, errors, JS API.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import {
  CHART_IDS,
  KPI_IDS,
  addDays,
  appSession,
  canvasSummary,
  chartSummaries,
  daysBetween,
  kpiTexts,
  lastUpdateMs,
  pollUntil,
  screenshot,
  setDate,
  tid,
  typeInto,
  waitForApp,
} from './lib.mjs';

const app = appSession();
const siteUrl = app.siteUrl;

/** Opens the app in a fresh context, waits for the first render, runs `body`, then checks the page logged no problem. */
const withApp = (viewport, body) => app.withApp(body, viewport);

/** A chart summary is "drawn": not a blank canvas and more than a flat fill. */
function assertDrawn(id, s) {
  assert.ok(!s.missing, `${id}: no <canvas data-testid="${id}">`);
  assert.ok(s.width > 0 && s.height > 0, `${id}: zero-sized canvas ${s.width}×${s.height}`);
  assert.equal(s.blank, false, `${id}: canvas is blank`);
  assert.ok(s.distinctColours >= 3, `${id}: only ${s.distinctColours} colour(s) drawn`);
  assert.ok(s.nonBackgroundShare > 0.002, `${id}: only ${(s.nonBackgroundShare * 100).toFixed(3)}% of pixels drawn`);
}

const CJK = /[\u4e00-\u9fff]/;

test('default scenario 洪林镇 2022 loads with KPIs, three drawn charts and no console errors', async () => {
  await withApp({ width: 1366, height: 768 }, async (page) => {
    const name = await page.locator(tid('scenario-name')).innerText();
    assert.match(name, /洪林镇/, `scenario-name is "${name}"`);

    const kpis = await kpiTexts(page);
    for (const id of KPI_IDS) {
      assert.ok(kpis[id] !== null, `${id} missing`);
      assert.ok(kpis[id].length > 0, `${id} has no text`);
    }

    const charts = await pollUntil(
      () => chartSummaries(page),
      (all) => CHART_IDS.every((id) => !all[id].missing && !all[id].blank),
      { timeout: 10_000 },
    );
    for (const id of CHART_IDS) assertDrawn(id, charts[id]);

    const ms = Number(await lastUpdateMs(page));
    assert.ok(Number.isFinite(ms) && ms >= 0, `data-last-update-ms is not a duration: ${await lastUpdateMs(page)}`);

    await screenshot(page, 'app-1366x768');
    await page.setViewportSize({ width: 1024, height: 768 });
    await pollUntil(
      () => chartSummaries(page),
      (all) => CHART_IDS.every((id) => !all[id].missing && !all[id].blank),
      { timeout: 5_000 },
    );
    await screenshot(page, 'app-1024x768');
  });
});

test('the page also renders at 1024×768 from the start', async () => {
  await withApp({ width: 1024, height: 768 }, async (page) => {
    const charts = await pollUntil(
      () => chartSummaries(page),
      (all) => CHART_IDS.every((id) => !all[id].missing && !all[id].blank),
    );
    for (const id of CHART_IDS) assertDrawn(id, charts[id]);
    await screenshot(page, 'app-1024x768-initial');
  });
});

test('changing reward-per-install updates the rate KPI and the adoption chart', async () => {
  await withApp({ width: 1366, height: 768 }, async (page) => {
    const before = await kpiTexts(page);
    const chartBefore = await canvasSummary(page, 'chart-adoption');
    const updateBefore = await lastUpdateMs(page);
    const rewardBefore = await page.locator(tid('reward-per-install')).inputValue();
    assert.notEqual(rewardBefore.trim(), '10', 'default reward is already 10: the test would prove nothing');

    await page.locator(tid('reward-per-install')).fill('10');
    await page.locator(tid('reward-per-install')).press('Tab');

    const after = await pollUntil(
      () => kpiTexts(page),
      (k) => k['kpi-rate-at-deadline'] !== before['kpi-rate-at-deadline'],
    );
    assert.notEqual(after['kpi-rate-at-deadline'], before['kpi-rate-at-deadline'], 'kpi-rate-at-deadline did not change');

    const chartAfter = await pollUntil(
      () => canvasSummary(page, 'chart-adoption'),
      (s) => s.hash !== chartBefore.hash,
    );
    assert.notEqual(chartAfter.hash, chartBefore.hash, 'chart-adoption pixels did not change');
    assertDrawn('chart-adoption', chartAfter);

    const updateAfter = await lastUpdateMs(page);
    assert.ok(Number.isFinite(Number(updateAfter)) && Number(updateAfter) >= 0, `data-last-update-ms: ${updateAfter}`);
    assert.equal(await page.locator(tid('input-error')).count(), 0, 'a valid reward shows an error');
    // The figure may repeat by chance; the attribute must at least stay present through updates.
    assert.ok(updateBefore !== null && updateAfter !== null);
    await screenshot(page, 'reward-10');
  });
});

test('invalid entries show a Chinese error naming the field and keep the last valid KPIs', async () => {
  await withApp({ width: 1366, height: 768 }, async (page) => {
    const labelOf = async (id) => (await page.locator(`label[for="${id}"]`).innerText()).trim();
    const before = await kpiTexts(page);
    const rewardOriginal = await page.locator(tid('reward-per-install')).inputValue();
    const budgetOriginal = await page.locator(tid('budget-total')).inputValue();
    assert.equal(await page.locator(tid('input-error')).count(), 0, 'error shown before any edit');

    // Negative reward.
    await typeInto(page, 'reward-per-install', '-3');
    const errorBox = page.locator(tid('input-error'));
    await errorBox.waitFor({ state: 'visible', timeout: 10_000 });
    const rewardError = await errorBox.innerText();
    const rewardLabel = await labelOf('reward-per-install');
    assert.match(rewardError, CJK, `error is not in Chinese: ${rewardError}`);
    assert.ok(rewardLabel.length > 0 && rewardError.includes(rewardLabel), `error "${rewardError}" does not name "${rewardLabel}"`);
    assert.deepEqual(await kpiTexts(page), before, 'KPIs changed while the reward is invalid');
    await screenshot(page, 'error-reward-negative');

    // Back to a valid reward: the error goes away, KPIs are those of the original input again.
    await typeInto(page, 'reward-per-install', rewardOriginal);
    await errorBox.waitFor({ state: 'detached', timeout: 10_000 });
    assert.deepEqual(await kpiTexts(page), before, 'restoring the reward did not restore the KPIs');

    // Text in the budget.
    await typeInto(page, 'budget-total', 'abc');
    await errorBox.waitFor({ state: 'visible', timeout: 10_000 });
    const budgetError = await errorBox.innerText();
    const budgetLabel = await labelOf('budget-total');
    assert.match(budgetError, CJK, `error is not in Chinese: ${budgetError}`);
    assert.ok(budgetLabel.length > 0 && budgetError.includes(budgetLabel), `error "${budgetError}" does not name "${budgetLabel}"`);
    assert.deepEqual(await kpiTexts(page), before, 'KPIs changed while the budget is invalid');
    await screenshot(page, 'error-budget-text');

    await typeInto(page, 'budget-total', budgetOriginal);
    await errorBox.waitFor({ state: 'detached', timeout: 10_000 });
    assert.deepEqual(await kpiTexts(page), before);
  });
});

test('target threshold, target deadline and phase start each update KPIs and charts', async () => {
  await withApp({ width: 1366, height: 768 }, async (page) => {
    const change = async (label, edit) => {
      const kBefore = await kpiTexts(page);
      const cBefore = await chartSummaries(page);
      await edit();
      const kAfter = await pollUntil(
        () => kpiTexts(page),
        (k) => JSON.stringify(k) !== JSON.stringify(kBefore),
      );
      assert.notDeepEqual(kAfter, kBefore, `${label}: no KPI changed`);
      const cAfter = await pollUntil(
        () => chartSummaries(page),
        (c) => CHART_IDS.some((id) => c[id].hash !== cBefore[id].hash),
      );
      assert.ok(
        CHART_IDS.some((id) => cAfter[id].hash !== cBefore[id].hash),
        `${label}: no chart changed`,
      );
      for (const id of CHART_IDS) assertDrawn(`${id} after ${label}`, cAfter[id]);
      assert.equal(await page.locator(tid('input-error')).count(), 0, `${label}: error shown for a valid value`);
      return { kBefore, kAfter, cBefore, cAfter };
    };

    // Threshold: a share target, shown in percent (80 by default for 洪林镇).
    const threshold = await page.locator(tid('target-threshold')).inputValue();
    const newThreshold = Number(threshold) === 60 ? '70' : '60';
    const t = await change('target-threshold', async () => {
      await typeInto(page, 'target-threshold', newThreshold);
    });
    assert.notEqual(t.kAfter['kpi-rate-at-deadline'], t.kBefore['kpi-rate-at-deadline'], 'rate KPI ignores the threshold');
    assert.notEqual(t.cAfter['chart-adoption'].hash, t.cBefore['chart-adoption'].hash, 'target line did not move');

    // Deadline: three months later (still inside the scenario year).
    const deadline = await page.locator(tid('target-deadline')).inputValue();
    assert.match(deadline, /^\d{4}-\d{2}-\d{2}$/, `target-deadline value "${deadline}"`);
    const newDeadline = deadline.slice(5) <= '09-30' ? addDays(deadline, 90) : addDays(deadline, -90);
    const d = await change('target-deadline', () => setDate(page, 'target-deadline', newDeadline));
    assert.notEqual(d.kAfter['kpi-rate-at-deadline'], d.kBefore['kpi-rate-at-deadline'], 'rate KPI ignores the deadline');

    // Phase start: pick the priority phase (it carries the rewards) when the select offers it, then
    // start it later, keeping it inside its end date.
    const phaseSelect = page.locator(tid('phase-select'));
    const options = await phaseSelect.locator('option').allInnerTexts();
    const priority = options.findIndex((o) => o.includes('重点人群'));
    if (priority >= 0) {
      const value = await phaseSelect.locator('option').nth(priority).getAttribute('value');
      await phaseSelect.selectOption(value);
    }
    const start = await page.locator(tid('phase-start')).inputValue();
    const end = await page.locator(tid('phase-end')).inputValue();
    assert.match(start, /^\d{4}-\d{2}-\d{2}$/, `phase-start value "${start}"`);
    assert.match(end, /^\d{4}-\d{2}-\d{2}$/, `phase-end value "${end}"`);
    const span = daysBetween(start, end);
    assert.ok(span >= 2, `selected phase ${start}..${end} too short to move its start`);
    const newStart = addDays(start, Math.min(21, Math.floor(span / 2)));
    await change('phase-start', () => setDate(page, 'phase-start', newStart));
    await screenshot(page, 'targets-and-phase-changed');
  });
});

test('JS API: check and simulate on the bundled scenario, structured errors for a bad one', async () => {
  await withApp({ width: 1366, height: 768 }, async (page) => {
    const result = await page.evaluate(async () => {
      const m = await import('/pkg/wuzha_www.js');
      await m.default();
      const response = await fetch('/scenarios/honglin-2022.json');
      const scenario = await response.json();
      const checked = m.check(scenario);
      const simulated = m.simulate(scenario);
      const bad = m.check({ format_version: 1 });
      return {
        exports: Object.keys(m).sort(),
        status: response.status,
        checkedOk: checked?.ok,
        checkedType: typeof checked,
        simType: typeof simulated,
        datesIsArray: Array.isArray(simulated?.dates),
        datesLength: simulated?.dates?.length,
        firstDate: simulated?.dates?.[0],
        lastDate: simulated?.dates?.at?.(-1),
        targetsIsArray: Array.isArray(simulated?.targets),
        targetsLength: simulated?.targets?.length,
        scenarioTargets: scenario.targets.length,
        badOk: bad?.ok,
        badErrors: Array.isArray(bad?.errors)
          ? bad.errors.map((e) => ({ path: e?.path, message_zh: e?.message_zh }))
          : bad?.errors,
      };
    });
    assert.ok(result.exports.includes('check') && result.exports.includes('simulate'), `exports: ${result.exports}`);
    assert.equal(result.status, 200);
    assert.equal(result.checkedType, 'object');
    assert.equal(result.checkedOk, true, 'check(honglin-2022) is not ok');
    assert.equal(result.simType, 'object');
    assert.equal(result.datesIsArray, true, 'simulate().dates is not an array');
    assert.equal(result.datesLength, 365, 'simulate().dates should cover 2022 day by day');
    if (typeof result.firstDate === 'string') {
      assert.match(result.firstDate, /2022-01-01/, 'first simulated day');
      assert.match(result.lastDate, /2022-12-31/, 'last simulated day');
    }
    assert.equal(result.targetsIsArray, true, 'simulate().targets is not an array');
    assert.equal(result.targetsLength, result.scenarioTargets, 'one result per target');

    assert.equal(result.badOk, false, 'check({format_version: 1}) is ok');
    assert.ok(Array.isArray(result.badErrors) && result.badErrors.length > 0, `errors: ${JSON.stringify(result.badErrors)}`);
    for (const e of result.badErrors) {
      assert.equal(typeof e.path, 'string', `error without a path: ${JSON.stringify(e)}`);
      assert.ok(e.path.length > 0, `error with an empty path: ${JSON.stringify(e)}`);
      assert.equal(typeof e.message_zh, 'string', `error without message_zh: ${JSON.stringify(e)}`);
      assert.match(e.message_zh, CJK, `message_zh not in Chinese: ${JSON.stringify(e)}`);
    }
  });
});

test('the language toggle switches every interface text to English and back', async () => {
  await withApp({ width: 1366, height: 768 }, async (page) => {
    const scenario = await (await fetch(`${siteUrl()}scenarios/honglin-2022.json`)).json();
    // Names that come from the scenario file stay as the planner wrote them.
    const fileTexts = [
      scenario.name, scenario.township.name,
      ...scenario.products.map((p) => p.name), ...scenario.phases.map((p) => p.name),
      ...scenario.targets.map((t) => t.name), ...scenario.segments.map((s) => s.name),
      ...scenario.villages.map((v) => v.name),
    ].sort((a, b) => b.length - a.length);
    const han = /[\u4e00-\u9fff]/;
    const interfaceText = async () => {
      // The template picker lists townships by name, and the toggle names the other language in its own
      // script (中文): both are meant to stay as they are.
      let text = await page.evaluate(() => {
        const root = document.querySelector('[data-testid="app"]').cloneNode(true);
        root.querySelectorAll('[data-testid="template-select"], [data-testid="lang-toggle"]').forEach((el) => el.remove());
        document.body.appendChild(root);
        const shown = root.innerText;
        root.remove();
        return shown;
      });
      for (const name of fileTexts) text = text.split(name).join(' ');
      return text;
    };
    assert.match(await interfaceText(), han, 'the default interface is Chinese');
    await typeInto(page, 'budget-total', 'abc');
    await page.click(tid('lang-toggle'));
    await pollUntil(() => page.evaluate(() => document.documentElement.lang), (lang) => lang === 'en');
    const english = await interfaceText();
    const leftovers = english.split('\n').filter((line) => han.test(line));
    assert.deepEqual(leftovers, [], 'untranslated interface text after switching to English');
    assert.match(await page.textContent(tid('input-error')), /budget/i, 'the shown error is worded in English');
    await screenshot(page, 'lang-english');
    await page.click(tid('lang-toggle'));
    await pollUntil(() => page.evaluate(() => document.documentElement.lang), (lang) => lang === 'zh-CN');
    assert.match(await page.textContent(tid('input-error')), /总预算/);
  });
});

test('save then open gives the same scenario; a dropped file opens; a bad file is refused and the plan kept', async () => {
  await withApp({ width: 1366, height: 768 }, async (page) => {
    await typeInto(page, 'reward-per-install', '7');
    await pollUntil(() => page.inputValue(tid('reward-per-install')), (value) => value === '7');
    const fingerprint = (await page.textContent(tid('file-fingerprint'))).trim();
    assert.match(fingerprint, /[0-9a-f]{4}-[0-9a-f]{4}$/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('file-save'))]);
    assert.match(download.suggestedFilename(), /洪林镇.*\.json$/);
    const savedPath = await download.path();
    const saved = JSON.parse(fs.readFileSync(savedPath, 'utf8'));
    assert.equal(saved.format_version, 1);
    assert.ok(saved.rewards.every((reward) => reward.yuan_per_install === 7), 'the edit is in the saved file');

    // Another template, then the saved file again: the same plan, the same fingerprint.
    await page.selectOption(tid('template-select'), '3');
    await pollUntil(() => page.textContent(tid('file-fingerprint')), (text) => text.trim() !== fingerprint);
    await page.setInputFiles(tid('file-open'), savedPath);
    await pollUntil(() => page.textContent(tid('file-fingerprint')), (text) => text.trim() === fingerprint);
    assert.match(await page.textContent(tid('scenario-name')), /洪林镇/);
    assert.equal(await page.inputValue(tid('reward-per-install')), '7');

    // A broken file: the reasons are shown and the plan on screen stays.
    const kpisBefore = await kpiTexts(page);
    await page.setInputFiles(tid('file-open'), {
      name: 'broken.json', mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...saved, villages: [{ ...saved.villages[0], residents: -5 }] })),
    });
    await page.waitForSelector(tid('file-error'));
    const notice = await page.textContent(tid('file-error'));
    assert.match(notice, /broken\.json/);
    assert.match(notice, /villages\[0\]\.residents/);
    assert.equal((await page.textContent(tid('file-fingerprint'))).trim(), fingerprint, 'the scenario is untouched');
    assert.deepEqual(await kpiTexts(page), kpisBefore);
    await screenshot(page, 'file-refused');

    // Drag and drop: the template file dropped on the page opens.
    const template = fs.readFileSync(new URL('../scenarios/template.json', import.meta.url), 'utf8');
    await page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'template.json', { type: 'application/json' }));
      document.querySelector('[data-testid="app"]').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, template);
    await pollUntil(() => page.textContent(tid('scenario-name')), (text) => !/洪林镇/.test(text));
    assert.equal(await page.$(tid('file-error')), null, 'a good file clears the notice');
  });
});

test('undo and redo by button and by Ctrl+Z / Ctrl+Y restore every edit', async () => {
  await withApp({ width: 1366, height: 768 }, async (page) => {
    const rate = () => page.textContent(tid('kpi-rate-at-deadline'));
    const original = await rate();
    assert.equal(await page.isDisabled(tid('undo')), true, 'nothing to undo at first');
    await typeInto(page, 'reward-per-install', '10');
    await pollUntil(rate, (text) => text !== original);
    const withReward = await rate();
    await typeInto(page, 'budget-total', '150000');
    await pollUntil(() => page.textContent(tid('kpi-total-cost')), (text) => /15/.test(text));

    await page.click(tid('undo'));
    await pollUntil(() => page.inputValue(tid('budget-total')), (value) => value === '80000');
    await page.keyboard.press('Control+z');
    await pollUntil(() => page.inputValue(tid('reward-per-install')), (value) => value === '2');
    assert.equal(await rate(), original, 'typing 10 was one step');
    assert.equal(await page.isDisabled(tid('undo')), true);

    await page.keyboard.press('Control+y');
    await pollUntil(() => page.inputValue(tid('reward-per-install')), (value) => value === '10');
    assert.equal(await rate(), withReward);
    await page.click(tid('redo'));
    await pollUntil(() => page.inputValue(tid('budget-total')), (value) => value === '150000');
    assert.equal(await page.isDisabled(tid('redo')), true);
    await screenshot(page, 'undo-redo');
  });
});

test('autosave: an edit survives a reload, and corrupt saved data falls back to the default plan', async () => {
  await withApp({ width: 1366, height: 768 }, async (page) => {
    assert.equal(await page.$(tid('restored-notice')), null, 'a first visit restores nothing');
    await typeInto(page, 'reward-per-install', '7');
    await pollUntil(() => page.inputValue(tid('reward-per-install')), (value) => value === '7');
    const fingerprint = (await page.textContent(tid('file-fingerprint'))).trim();

    await page.reload({ waitUntil: 'load' });
    await waitForApp(page);
    await page.waitForSelector(tid('restored-notice'));
    assert.equal(await page.inputValue(tid('reward-per-install')), '7');
    assert.equal((await page.textContent(tid('file-fingerprint'))).trim(), fingerprint);
    await screenshot(page, 'autosave-restored');

    await page.evaluate(() => localStorage.setItem('wuzha.v1.scenario', '{"format_version": 1, "name": '));
    await page.reload({ waitUntil: 'load' });
    await waitForApp(page);
    assert.equal(await page.inputValue(tid('reward-per-install')), '2', 'the default 洪林镇 plan');
    assert.equal(await page.$(tid('restored-notice')), null);
  });
});

test('the village table lists every village with its gap to the selected target, coloured', async () => {
  await withApp({ width: 1366, height: 768 }, async (page) => {
    const scenario = await (await fetch(`${siteUrl()}scenarios/honglin-2022.json`)).json();
    const rows = await page.$$(`${tid('village-table')} ${tid('village-row')}`);
    assert.equal(rows.length, scenario.villages.length);
    const first = await rows[0].innerText();
    assert.match(first, new RegExp(scenario.villages[0].name));
    assert.match(first, /%/);
    const coloured = await page.$$eval(`${tid('village-table')} td.gap-met, ${tid('village-table')} td.gap-near, ${tid('village-table')} td.gap-far`, (cells) => cells.length);
    assert.equal(coloured, scenario.villages.length, 'one coloured target cell per village');
    // Lowering the threshold far enough turns every village green.
    await typeInto(page, 'target-threshold', '10');
    await pollUntil(() => page.$$eval(`${tid('village-table')} td.gap-met`, (cells) => cells.length), (n) => n === scenario.villages.length);
    await page.locator(tid('village-table')).scrollIntoViewIfNeeded();
    await screenshot(page, 'village-table');
  });
});

test('each chart downloads as a PNG, and the print layout keeps inputs, figures and charts on A4', async () => {
  await withApp({ width: 1366, height: 768 }, async (page) => {
    for (const id of CHART_IDS) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid(`export-png-${id}`))]);
      assert.match(download.suggestedFilename(), /\.png$/);
      const bytes = fs.readFileSync(await download.path());
      assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], `${id}: a PNG file`);
      assert.ok(bytes.length > 5000, `${id}: the PNG has a drawn chart (${bytes.length} bytes)`);
    }
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible(tid('file-save')), false, 'buttons are not printed');
    assert.equal(await page.isVisible(tid('reward-per-install')), true, 'the inputs are printed');
    assert.equal(await page.isVisible(tid('kpi-score')), true, 'the key figures are printed');
    await page.setViewportSize({ width: 794, height: 1123 });
    await screenshot(page, 'print-a4');
  });
});

test('CSV exports open in Excel and WPS: UTF-8 with BOM, CRLF, Chinese headers, one row per day or village', async () => {
  await withApp({ width: 1366, height: 768 }, async (page) => {
    const scenario = await (await fetch(`${siteUrl()}scenarios/honglin-2022.json`)).json();
    const fetchCsv = async (id) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid(id))]);
      assert.match(download.suggestedFilename(), /洪林镇.*\.csv$/);
      const bytes = fs.readFileSync(await download.path());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${id}: starts with a UTF-8 byte-order mark`);
      const text = bytes.subarray(3).toString('utf8');
      assert.ok(text.endsWith('\r\n') && !/[^\r]\n/.test(text), `${id}: CRLF line ends`);
      return text.trimEnd().split('\r\n').map((line) => line.split(','));
    };
    const daily = await fetchCsv('export-csv');
    assert.equal(daily[0][0], '日期');
    assert.ok(daily[0].some((header) => header.startsWith('累计费用')), daily[0].join('|'));
    assert.equal(daily.length, 1 + 365);
    assert.equal(daily[1][0], '2022-01-01');
    assert.ok(daily.slice(1).every((row) => row.length === daily[0].length && row.slice(1).every((cell) => Number.isFinite(Number(cell)))));

    const villages = await fetchCsv('export-village-csv');
    assert.equal(villages[0][0], '村/社区');
    assert.equal(villages.length, 1 + scenario.villages.length);
    assert.equal(villages[1][0], scenario.villages[0].name);
    assert.equal(Number(villages[1][1]), scenario.villages[0].residents);
  });
});

test('share by link: the link opens the same plan elsewhere, and a cut-off link is refused', async () => {
  let link;
  let fingerprint;
  await withApp({ width: 1366, height: 768 }, async (page) => {
    await typeInto(page, 'reward-per-install', '6');
    await pollUntil(() => page.inputValue(tid('reward-per-install')), (value) => value === '6');
    fingerprint = (await page.textContent(tid('file-fingerprint'))).trim();
    await page.click(tid('share-link'));
    link = await page.inputValue(tid('share-link-text'));
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#scenario=1\.[A-Za-z0-9_-]+$/);
    await screenshot(page, 'share-link');
  });
  await withApp({ width: 1366, height: 768 }, async (page) => {
    await page.goto(link, { waitUntil: 'load' });
    await waitForApp(page);
    await pollUntil(() => page.textContent(tid('file-fingerprint')), (text) => text.trim() === fingerprint);
    assert.equal(await page.inputValue(tid('reward-per-install')), '6');
    assert.equal(await page.evaluate(() => location.hash), '', 'the link leaves the address bar once read');

    await page.goto(link.slice(0, Math.floor(link.length * 0.6)), { waitUntil: 'load' });
    await waitForApp(page);
    await page.waitForSelector(tid('file-error'));
    assert.match(await page.textContent(tid('file-error')), /#scenario/);
  });
});
