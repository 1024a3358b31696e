// e2e/offline.test.mjs: the single-file build dist/wuzha.html opened from disk (file://) in Chromium with every network request blocked: it renders the default plan, an edit recomputes, nothing is fetched.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, test } from 'node:test';
import { DIST_DIR, KPI_IDS, appSession, kpiTexts, openView, pollUntil, recordRequests, screenshot, tid, typeInto } from './lib.mjs';

const SINGLE = path.join(DIST_DIR, 'wuzha.html');

before(() => {
  assert.ok(fs.existsSync(SINGLE), `${SINGLE} not found: run scripts/build-web (it calls scripts/build-single)`);
});

// The file is opened from disk: no site is served.
const { withApp } = appSession({ serve: false });

/** Only the file itself and what it makes in memory; anything else is aborted and fails the test. */
const local = (url) => url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:');

test('wuzha.html is one file with a strict CSP and no remote source', () => {
  const html = fs.readFileSync(SINGLE, 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval';/);
  assert.match(csp, /connect-src 'none'/);
  assert.doesNotMatch(csp, /\s'unsafe-eval'|https?:|\*/, 'no eval, no remote origin, no wildcard');
  assert.doesNotMatch(html, /<script[^>]+src=|<link rel="stylesheet"/, 'no external script or stylesheet');
  assert.equal((html.match(/<script type="module">/g) || []).length, 1, 'one inline script, the hashed one');
});

test('opened from file:// with the network blocked, the app renders, recomputes after an edit, runs Monte Carlo in its worker, and fetches nothing', async () => {
  const warnings = [];
  const beforeLoad = (session) => {
    session.page.on('console', (msg) => msg.type() === 'warning' && warnings.push(msg.text()));
    return recordRequests(session.context, local);
  };
  await withApp(async (page, session) => {
    const requests = session.prepared;
    assert.equal(await page.$(tid('fatal-error')), null, 'no fatal error');
    assert.match(await page.textContent(tid('scenario-name')), /洪林镇/);
    const before = await kpiTexts(page);
    for (const id of KPI_IDS) assert.ok(before[id], `${id} has text`);
    assert.equal(await page.evaluate(() => globalThis.__wuzhaModule instanceof WebAssembly.Module), true);

    await typeInto(page, 'reward-per-install', '9');
    const afterEdit = await pollUntil(
      () => kpiTexts(page),
      (now) => now['kpi-total-cost'] !== before['kpi-total-cost'],
    );
    assert.notEqual(afterEdit['kpi-total-cost'], before['kpi-total-cost'], 'the edit recomputed the plan');
    // Monte Carlo runs in the inlined worker (a blob: classic worker), not on the page.
    await openView(page, 'uncertainty');
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="uncertainty"]');
      return el && el.dataset.current === 'true' && el.getAttribute('aria-busy') === 'false';
    }, null, { timeout: 120_000 });
    assert.match(await page.textContent(tid('mc-status')), /200 次模拟/);
    const workers = page.workers().map((worker) => worker.url());
    assert.ok(workers.some((url) => url.startsWith('blob:')), `the runs went to the inlined worker: ${workers}`);
    await screenshot(page, 'offline-single-file');
    assert.deepEqual(warnings.filter((text) => /worker failed/.test(text)), [], 'the worker did not fall back');

    const outside = requests.filter((req) => !local(req.url));
    assert.deepEqual(outside, [], 'no request left the file');
  }, { url: pathToFileURL(SINGLE).href, beforeLoad });
});
