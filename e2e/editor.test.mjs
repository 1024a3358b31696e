// e2e/editor.test.mjs: end-to-end tests of the scenario editor and the phase timeline in headless Chromium: edit, add, remove and paste rows, inline errors, drag a phase, undo, parameter hints, English.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  appSession,
  dragBy,
  editorTab,
  kpiTexts,
  planKpiTexts,
  openView,
  pollUntil,
  screenshot,
  screenshotOf,
  tid,
  typeInto,
} from './lib.mjs';

const app = appSession();
const siteUrl = app.siteUrl;

/** Opens the app, waits for the first render, opens the edit view and waits for the editor, runs `body`, then checks the page logged no problem. */
const withApp = (viewport, body) =>
  app.withApp(async (page, session) => {
    await openView(page, 'edit');
    await page.waitForSelector(tid('editor'));
    await body(page, session);
  }, viewport);

/** Waits until some KPI differs from `before`; returns the new texts. */
async function kpisChangedFrom(page, before) {
  const now = await pollUntil(() => kpiTexts(page), (k) => JSON.stringify(k) !== JSON.stringify(before));
  assert.notDeepEqual(now, before, 'no KPI changed');
  return now;
}

const value = (page, id) => page.locator(tid(id)).inputValue();
const rowCount = (page, table) => page.locator(`${tid(`${table}-table`)} tbody tr`).count();

test('editing a village population re-runs the simulation; undo restores it', async () => {
  await withApp({ width: 1366, height: 768 }, async (page) => {
    const before = await kpiTexts(page);
    const original = await value(page, 'villages-row-3-residents');
    assert.equal(original, '3210', 'the template figure of 大塘村');
    await typeInto(page, 'villages-row-3-residents', '30000');
    await kpisChangedFrom(page, before);
    assert.equal(await page.locator(tid('input-error')).count(), 0, 'a valid edit shows an error');
    await page.locator(tid('villages-row-3-residents')).scrollIntoViewIfNeeded();
    await screenshot(page, 'editor-villages-1366x768');
    await page.click(tid('undo'));
    await pollUntil(() => value(page, 'villages-row-3-residents'), (v) => v === original);
    assert.equal(await value(page, 'villages-row-3-residents'), original);
    assert.deepEqual(await pollUntil(() => kpiTexts(page), (k) => JSON.stringify(k) === JSON.stringify(before)), before);
  });
});

test('a row is added and removed, and two rows pasted from Excel/WPS', async () => {
  await withApp({ width: 1366, height: 768 }, async (page) => {
    const before = await kpiTexts(page);
    assert.equal(await rowCount(page, 'villages'), 12);
    await page.click(tid('villages-add-row'));
    await pollUntil(() => rowCount(page, 'villages'), (n) => n === 13);
    assert.equal(await rowCount(page, 'villages'), 13);
    assert.equal(await value(page, 'villages-row-12-name'), '新村13');
    await kpisChangedFrom(page, before);
    await page.click(tid('villages-row-12-remove'));
    await pollUntil(() => rowCount(page, 'villages'), (n) => n === 12);
    assert.deepEqual(await pollUntil(() => kpiTexts(page), (k) => JSON.stringify(k) === JSON.stringify(before)), before);

    await page.click(tid('villages-paste'));
    await page.fill(tid('villages-paste-text'), '村名\t常住人口\t户数\t网格\t网格员\r\n甲村\t3000\t1000\t4\t4\r\n乙村\t2,000\t700\t3\t3\r\n');
    await screenshot(page, 'editor-paste-box');
    await page.click(tid('villages-paste-apply'));
    await pollUntil(() => rowCount(page, 'villages'), (n) => n === 14);
    assert.equal(await value(page, 'villages-row-12-name'), '甲村');
    assert.equal(await value(page, 'villages-row-13-name'), '乙村');
    assert.equal(await value(page, 'villages-row-13-residents'), '2000');
    await kpisChangedFrom(page, before);

    // A paste with a bad cell is refused whole and says where.
    await page.click(tid('villages-paste'));
    await page.fill(tid('villages-paste-text'), '丙村\t3000\t1000\t4\t4\n丁村\t很多\t700\t3\t3\n');
    await page.click(tid('villages-paste-apply'));
    const refusal = await page.locator(tid('villages-row-error')).innerText();
    assert.match(refusal, /第 2 行第 2 列/, refusal);
    assert.match(refusal, /常住人口/, refusal);
    assert.equal(await rowCount(page, 'villages'), 14, 'nothing added');
  });
});

test('a bad value shows an inline message naming the field and its range and keeps the results', async () => {
  await withApp({ width: 1366, height: 768 }, async (page) => {
    const before = await planKpiTexts(page);
    await typeInto(page, 'villages-row-3-residents', 'abc');
    const inline = page.locator(tid('villages-row-3-residents-error'));
    await inline.waitFor({ state: 'visible', timeout: 10_000 });
    const message = await inline.innerText();
    assert.match(message, /常住人口/, message);
    assert.match(message, /1 – 2000000/, message);
    assert.equal(await value(page, 'villages-row-3-residents'), 'abc', 'the typed text is kept');
    assert.deepEqual(await planKpiTexts(page), before, 'the last valid results stay');
    assert.match(await page.locator(tid('input-error')).innerText(), /大塘村/, 'the error list names the village');
    await screenshot(page, 'editor-inline-error');

    await typeInto(page, 'villages-row-3-residents', '-5');
    await pollUntil(() => inline.innerText(), (text) => text.includes('-5'));
    const range = await inline.innerText();
    assert.match(range, /常住人口/, range);
    assert.match(range, /1 – 2000000/, range);
    assert.deepEqual(await planKpiTexts(page), before, 'the last valid results stay');

    await typeInto(page, 'villages-row-3-residents', '3210');
    await inline.waitFor({ state: 'detached', timeout: 10_000 });
    assert.deepEqual(await planKpiTexts(page), before);
  });
});

test('dragging a phase bar moves its dates, re-runs the plan, and undo restores it', async () => {
  await withApp({ width: 1366, height: 768 }, async (page) => {
    // Phase 3 is the priority push (3/21-6/21), nested in roll-out: moving it right keeps it inside.
    const bar = page.locator(tid('timeline-phase-3'));
    await page.locator(tid('timeline')).scrollIntoViewIfNeeded();
    assert.equal(await bar.getAttribute('data-start'), '2022-03-21');
    const before = await kpiTexts(page);
    await dragBy(page, 'timeline-phase-3-bar', 60);
    const start = await pollUntil(() => bar.getAttribute('data-start'), (s) => s !== '2022-03-21');
    assert.ok(start > '2022-03-21', `moved right: ${start}`);
    const end = await bar.getAttribute('data-end');
    assert.ok(end > '2022-06-21', `the end moved too: ${end}`);
    assert.equal(await value(page, 'timeline-phase-3-start'), start, 'the typed date follows the bar');
    await kpisChangedFrom(page, before);
    await screenshot(page, 'timeline-dragged-1366x768');
    await screenshotOf(page, 'timeline', 'timeline-only-1366x768');

    // Resizing by the end handle changes only the end.
    await dragBy(page, 'timeline-phase-3-end-handle', -40);
    const resizedEnd = await pollUntil(() => bar.getAttribute('data-end'), (e) => e !== end);
    assert.ok(resizedEnd < end, `shorter: ${resizedEnd}`);
    assert.equal(await bar.getAttribute('data-start'), start);

    // Each drag is one undo step.
    await page.keyboard.press('Control+z');
    await pollUntil(() => bar.getAttribute('data-end'), (e) => e === end);
    await page.keyboard.press('Control+z');
    await pollUntil(() => bar.getAttribute('data-start'), (s) => s === '2022-03-21');
    assert.equal(await bar.getAttribute('data-end'), '2022-06-21');
    assert.deepEqual(await pollUntil(() => kpiTexts(page), (k) => JSON.stringify(k) === JSON.stringify(before)), before);

    // With the bar focused, the arrow keys move it by a day (one undo step each).
    await page.locator(tid('timeline-phase-3-bar')).focus();
    await page.keyboard.press('ArrowRight');
    await pollUntil(() => bar.getAttribute('data-start'), (s) => s === '2022-03-22');
    assert.equal(await bar.getAttribute('data-start'), '2022-03-22');
    assert.equal(await bar.getAttribute('data-end'), '2022-06-22');
    await page.keyboard.press('Control+z');
    await pollUntil(() => bar.getAttribute('data-start'), (s) => s === '2022-03-21');

    // Typed dates beside the bar move it too.
    await typeInto(page, 'timeline-phase-3-start', '2022-04-01');
    await pollUntil(() => bar.getAttribute('data-start'), (s) => s === '2022-04-01');
    assert.equal(await bar.getAttribute('data-start'), '2022-04-01');
    // Deadlines of the targets are drawn on the same axis.
    assert.ok((await page.locator('[data-testid^="timeline-deadline-"]').count()) >= 1, 'no deadline marker');
  });
});

test('a behavioural parameter shows its unit, range and source on hover and in the side note', async () => {
  await withApp({ width: 1366, height: 768 }, async (page) => {
    await editorTab(page, 'behaviour');
    const trend = page.locator(tid('behaviour-case_trend'));
    const title = await trend.getAttribute('title');
    assert.match(title, /单位/, title);
    assert.match(title, /0\.9 – 1\.2/, title);
    assert.match(title, /seed 000/, title);
    await trend.focus();
    const note = await page.locator(tid('param-hint')).innerText();
    assert.match(note, /发案趋势/, note);
    assert.match(note, /0\.9 – 1\.2/, note);
    assert.match(note, /来源/, note);
    assert.match(note, /允许 0 – 10/, note);
    await screenshot(page, 'editor-behaviour-1366x768');

    // A product's q, and a parameter with no source is labelled an assumption.
    await editorTab(page, 'products');
    const q = await page.locator(tid('products-row-0-q')).getAttribute('title');
    assert.match(q, /每天/, q);
    assert.match(q, /0\.001 – 0\.01/, q);
    await editorTab(page, 'channels');
    const fixed = await page.locator(tid('channels-row-0-hill_alpha')).getAttribute('title');
    assert.match(fixed, /Robyn|假设/, fixed);
    await screenshot(page, 'editor-channels-1366x768');

    // An out-of-range parameter is named beside its cell with the allowed range.
    await editorTab(page, 'behaviour');
    await typeInto(page, 'behaviour-case_trend', '20');
    const message = await page.locator(tid('behaviour-case_trend-error')).innerText();
    assert.match(message, /发案趋势/, message);
    assert.match(message, /0 – 10/, message);
  });
});

test('every tab edits its part of the file: schedule, rewards, targets, last year, assessment', async () => {
  await withApp({ width: 1366, height: 768 }, async (page) => {
    let before = await kpiTexts(page);
    await editorTab(page, 'schedule');
    await typeInto(page, 'schedule-row-0-units', '9');
    before = await kpisChangedFrom(page, before);
    await editorTab(page, 'rewards');
    await typeInto(page, 'rewards-row-0-yuan_per_install', '6');
    before = await kpisChangedFrom(page, before);
    // The controls column is beside the results, not the editor.
    await openView(page, 'results');
    assert.equal(await value(page, 'reward-per-install'), '6', 'the controls column follows the file');
    await openView(page, 'edit');
    await editorTab(page, 'targets');
    await typeInto(page, 'targets-row-0-threshold', '0.5');
    before = await kpisChangedFrom(page, before);
    await editorTab(page, 'last_year');
    const monthly = await page.locator(tid('last_year-cases_monthly-row-0')).count();
    const caseField = monthly > 0 ? 'last_year-cases_monthly-row-0' : 'last_year-cases_total';
    await typeInto(page, caseField, '40');
    before = await kpisChangedFrom(page, before);
    await editorTab(page, 'assessment');
    await page.click(tid('assessment-add-row'));
    await page.waitForSelector(tid('assessment-table'));
    await typeInto(page, 'assessment-row-2-points', '10');
    await kpisChangedFrom(page, before);
    // Shares that no longer sum to 1 are named under the segments table; the results stay.
    await editorTab(page, 'segments');
    const share = await value(page, 'segments-row-0-share');
    const kept = await kpiTexts(page);
    await typeInto(page, 'segments-row-0-share', '0.9');
    assert.equal(await value(page, 'segments-row-0-share'), '0.9', 'typed key by key while the table error appears');
    const sum = await page.locator(tid('segments-table-error')).innerText();
    assert.match(sum, /人口占比/, sum);
    assert.match(sum, /1/, sum);
    assert.deepEqual(await kpiTexts(page), kept);
    await screenshot(page, 'editor-segments-sum-error');
    await typeInto(page, 'segments-row-0-share', share);
    await page.locator(tid('segments-table-error')).waitFor({ state: 'detached', timeout: 10_000 });
    for (const key of ['township', 'segments', 'products', 'channels', 'phases', 'behaviour']) {
      await editorTab(page, key);
    }
    assert.equal(await page.locator(tid('input-error')).count(), 0, 'valid edits show no error');
  });
});

test('in English no editor or timeline text is left in Chinese', async () => {
  await withApp({ width: 1366, height: 768 }, async (page) => {
    const scenario = await (await fetch(`${siteUrl()}scenarios/honglin-2022.json`)).json();
    const fileTexts = [
      scenario.name, scenario.township.name,
      ...['villages', 'segments', 'products', 'channels', 'phases', 'targets'].flatMap((list) => scenario[list].map((row) => row.name)),
    ].sort((a, b) => b.length - a.length);
    const han = /[\u4e00-\u9fff]/;
    const leftovers = async (id) => {
      let text = await page.evaluate((testId) => {
        const root = document.querySelector(`[data-testid="${testId}"]`).cloneNode(true);
        // Drop-downs list names from the file.
        root.querySelectorAll('select').forEach((el) => el.remove());
        document.body.appendChild(root);
        const shown = root.innerText;
        root.remove();
        return shown;
      }, id);
      for (const name of fileTexts) text = text.split(name).join(' ');
      return text.split('\n').filter((line) => han.test(line));
    };
    await page.click(tid('lang-toggle'));
    await pollUntil(() => page.evaluate(() => document.documentElement.lang), (lang) => lang === 'en');
    assert.deepEqual(await leftovers('timeline'), [], 'untranslated timeline text');
    await typeInto(page, 'villages-row-3-residents', 'abc');
    assert.match(await page.locator(tid('villages-row-3-residents-error')).innerText(), /^Residents.*1 – 2000000/);
    for (const key of ['township', 'segments', 'products', 'channels', 'schedule', 'phases', 'rewards', 'targets', 'last_year', 'assessment', 'behaviour']) {
      await editorTab(page, key);
      assert.deepEqual(await leftovers('editor'), [], `untranslated text in the ${key} tab`);
    }
    await screenshot(page, 'editor-english');
  });
});

test('the editor and timeline fit a 1024×768 projector', async () => {
  await withApp({ width: 1024, height: 768 }, async (page) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await page.locator(tid('timeline')).scrollIntoViewIfNeeded();
    await screenshot(page, 'editor-1024x768');
    await editorTab(page, 'channels');
    const wide = await page.evaluate(() => {
      const editor = document.querySelector('[data-testid="editor"]').getBoundingClientRect();
      return editor.right <= window.innerWidth;
    });
    assert.ok(wide, 'the editor is wider than the screen');
    await screenshot(page, 'editor-channels-1024x768');
    await screenshotOf(page, 'editor', 'editor-channels-only-1024x768');
    await screenshotOf(page, 'timeline', 'timeline-only-1024x768');
  });
});
