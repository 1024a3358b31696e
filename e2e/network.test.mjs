// e2e/network.test.mjs: privacy: every network request while a planner loads a template, edits, opens a file, exports CSV and PNG and shares a link stays on the app's own origin and asks only for the app's own files.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DIST_DIR, appSession, kpiTexts, pollUntil, recordRequests, tid, typeInto, waitForApp } from './lib.mjs';

const { withApp, siteUrl } = appSession();

test('a whole working session requests nothing beyond the app’s own files', async () => {
  const origin = new URL(siteUrl()).origin;
  const inMemory = (url) => url.startsWith('data:') || url.startsWith('blob:');
  // Every request from the first navigation on is recorded; one to another origin is aborted (and fails below).
  const beforeLoad = (session) =>
    recordRequests(session.context, (url) => inMemory(url) || new URL(url).origin === origin);
  await withApp(async (page, session) => {
    const requests = session.prepared;
    // Loading (done by withApp), and choosing another template.
    await page.selectOption(tid('template-select'), '1');
    await pollUntil(() => page.textContent(tid('scenario-name')), (text) => !/洪林镇/.test(text));
    await page.selectOption(tid('template-select'), '0');
    await pollUntil(() => page.textContent(tid('scenario-name')), (text) => /洪林镇/.test(text));

    // Editing (simulation re-runs).
    const before = await kpiTexts(page);
    await typeInto(page, 'reward-per-install', '5');
    await pollUntil(() => kpiTexts(page), (now) => now['kpi-total-cost'] !== before['kpi-total-cost']);

    // Opening a file.
    const template = fs.readFileSync(new URL('../scenarios/template.json', import.meta.url));
    await page.setInputFiles(tid('file-open'), { name: 'template.json', mimeType: 'application/json', buffer: template });
    await pollUntil(() => page.textContent(tid('scenario-name')), (text) => !/洪林镇/.test(text));

    // Saving and exporting: JSON, daily CSV, village CSV, a chart as PNG.
    for (const id of ['file-save', 'export-csv', 'export-village-csv', 'export-png-chart-adoption']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid(id))]);
      assert.ok(fs.statSync(await download.path()).size > 0, `${id}: an empty download`);
    }

    // Sharing by link, and opening the link.
    await page.click(tid('share-link'));
    const link = await page.inputValue(tid('share-link-text'));
    await page.goto(link, { waitUntil: 'load' });
    await waitForApp(page);

    const outside = requests.filter((req) => !inMemory(req.url) && new URL(req.url).origin !== origin);
    assert.deepEqual(outside, [], 'requests beyond the app’s origin');
    for (const req of requests.filter((r) => !inMemory(r.url))) {
      const file = decodeURIComponent(new URL(req.url).pathname);
      const onDisk = path.join(DIST_DIR, file.endsWith('/') ? `${file}index.html` : file);
      assert.ok(fs.existsSync(onDisk), `${req.url} (${req.resourceType}) is not one of the app’s files`);
    }
    assert.ok(requests.length >= 4, `the recorder saw the page load (${requests.length} requests)`);
  }, { beforeLoad });
});
