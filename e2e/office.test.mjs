// e2e/office.test.mjs: 导入实施方案 in the app: paste a seed plan's text, the year box follows the text, open the draft, and its phases are in the editor with the reader's review list beside them; undo goes back.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT, appSession, editorTab, screenshot, tid } from './lib.mjs';

const { withApp } = appSession();

const seed = (name) => fs.readFileSync(path.join(REPO_ROOT, 'tests/fixtures/office', name), 'utf8');

test('a pasted 实施方案 opens as an editable draft with its review list', async () => {
  await withApp(async (page) => {
    await editorTab(page, 'phases');
    const before = await page.$$eval(`${tid('editor-panel-phases')} input`, (inputs) => inputs.map((input) => input.value));
    assert.ok(!before.some((value) => value.includes('创建活动')), 'the default plan has no 创建活动 phase');
    await page.click(tid('import-plan'));
    await page.fill(tid('import-plan-text'), seed('000_a150d3aa45f5cca6.txt'));
    assert.equal(await page.inputValue(tid('import-plan-year')), '2022', 'the year is read from the text');
    await page.click(tid('import-plan-open'));
    await page.waitForSelector(tid('import-plan-review'));
    const review = await page.textContent(tid('import-plan-review'));
    assert.match(review, /沿用模板/, 'the review list says what came from the template');
    assert.match(await page.textContent(tid('import-plan-sources')), /原文|阶段|谋划动员/);
    await editorTab(page, 'phases');
    const panel = await page.textContent(tid('editor-panel-phases'));
    const values = await page.$$eval(`${tid('editor-panel-phases')} input`, (inputs) => inputs.map((input) => input.value));
    const shown = panel + values.join(' ');
    for (const name of ['谋划动员', '工作准备', '整体推进', '创建活动']) assert.ok(shown.includes(name), `phase ${name} is in the editor`);
    assert.ok(values.includes('2022-03-10'), 'the first phase starts on 10 March 2022');
    await screenshot(page, 'office-import-plan');
    await page.click(tid('undo'));
    await page.waitForFunction(
      (selector) => ![...document.querySelectorAll(`${selector} input`)].some((input) => input.value.includes('创建活动')),
      tid('editor-panel-phases'),
    );
  });
});

test('a text without a year asks for one, and the year typed is used', async () => {
  await withApp(async (page) => {
    await page.click(tid('import-plan'));
    await page.fill(tid('import-plan-text'), '桥江镇防范电信网络诈骗宣传实施方案\n一、工作安排\n（一）动员部署阶段（3月1日—3月15日）\n（二）集中宣传阶段（3月16日—6月30日）');
    assert.equal(await page.inputValue(tid('import-plan-year')), '', 'no year in the text: the box asks');
    await page.fill(tid('import-plan-year'), '2024');
    await page.click(tid('import-plan-open'));
    await page.waitForSelector(tid('import-plan-review'));
    await editorTab(page, 'phases');
    const values = await page.$$eval(`${tid('editor-panel-phases')} input`, (inputs) => inputs.map((input) => input.value));
    assert.ok(values.includes('2024-03-01'), `the phases are dated in 2024: ${values.join(' ')}`);
  });
});
