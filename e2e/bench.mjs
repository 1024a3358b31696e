// e2e/bench.mjs: hand-run benchmark (not a test) of the built site: time to first render and input → redraw latency.
//
// Usage: scripts/build-web && node e2e/bench.mjs [--reps 20] [--loads 5] [--event input|change] [--mc-runs 1000] [--url URL]
//   Without --url it serves dist/ itself on a free 127.0.0.1 port. --mc-runs 0 skips the Monte Carlo part.
// Measures:
//   first render  navigation start → all five KPIs have text (performance.now() in the page, via a MutationObserver)
//   update wall   performance.now() around: set reward-per-install + dispatch the event, until the app rewrites
//                 [data-testid=app]@data-last-update-ms, then one requestAnimationFrame (the frame is painted)
//   update app    the app's own figure for simulate + redraw, read from data-last-update-ms
//   monte carlo   the app's own figure for N runs of 洪林镇 in its Web Worker (request → summary back), from
//                 [data-testid=uncertainty]@data-elapsed-ms, and the bytes of samples the batch held; when
//                 target/release/wuzha exists (cargo build --release), the same N runs natively on one thread
//                 through the CLI, for the WASM/native ratio

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { KPI_IDS, REPO_ROOT, launchBrowser, openPage, problemList, startSite, tid, waitForApp } from './lib.mjs';

const { values: opts } = parseArgs({
  options: {
    reps: { type: 'string', default: '20' },
    loads: { type: 'string', default: '5' },
    event: { type: 'string', default: 'input' },
    url: { type: 'string' },
    'mc-runs': { type: 'string', default: '1000' },
  },
});
const mcRuns = Number(opts['mc-runs']);
const reps = Number(opts.reps);
const loads = Number(opts.loads);
if (!Number.isInteger(reps) || reps < 1 || !Number.isInteger(loads) || loads < 1) {
  console.error('bench: --reps and --loads take positive integers');
  process.exit(2);
}
if (opts.event !== 'input' && opts.event !== 'change') {
  console.error('bench: --event is input or change');
  process.exit(2);
}

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function stats(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    min: sorted[0] ?? NaN,
    max: sorted.at(-1) ?? NaN,
  };
}

function row(label, s) {
  const f = (x) => (Number.isFinite(x) ? x.toFixed(1).padStart(8) : '       -');
  return `${label.padEnd(40)} ${String(s.n).padStart(3)} ${f(s.median)} ${f(s.p90)} ${f(s.min)} ${f(s.max)}`;
}

/** 洪林镇 2022 with its villages repeated up to `nVillages` (as benches/simulate.rs widens it). */
function widened(nVillages) {
  const file = JSON.parse(readFileSync(path.join(REPO_ROOT, 'scenarios', 'honglin-2022.json'), 'utf8'));
  const originals = file.villages;
  file.villages = Array.from({ length: nVillages }, (_, idx) => ({
    ...originals[idx % originals.length],
    id: `${originals[idx % originals.length].id}_${idx}`,
    name: `${originals[idx % originals.length].name}${idx >= originals.length ? `（${Math.floor(idx / originals.length) + 1}）` : ''}`,
  }));
  file.targets = file.targets.filter((target) => target.village === undefined);
  file.schedule = file.schedule.filter((entry) => entry.village === undefined);
  return file;
}

// Runs in the page before any script: records when every KPI first has text.
function firstRenderProbe(ids) {
  const done = () =>
    ids.every((id) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      return el !== null && el.textContent.trim().length > 0;
    });
  const observer = new MutationObserver(() => {
    if (window.__wuzhaFirstRender === undefined && done()) {
      window.__wuzhaFirstRender = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

// Runs in the page: one programmatic edit, timed until the app reports its update and a frame is painted.
async function timeOneUpdate({ value, eventName }) {
  const root = document.querySelector('[data-testid="app"]');
  const input = document.querySelector('[data-testid="reward-per-install"]');
  if (root === null || input === null) throw new Error('app root or reward-per-install missing');
  const reported = new Promise((resolve) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve(false);
    }, 5000);
    const observer = new MutationObserver((records) => {
      if (records.some((r) => r.attributeName === 'data-last-update-ms')) {
        clearTimeout(timer);
        observer.disconnect();
        resolve(true);
      }
    });
    observer.observe(root, { attributes: true, attributeFilter: ['data-last-update-ms'] });
  });
  const t0 = performance.now();
  input.value = value;
  input.dispatchEvent(new Event(eventName, { bubbles: true }));
  const seen = await reported;
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const t1 = performance.now();
  return { seen, wall: t1 - t0, app: Number(root.getAttribute('data-last-update-ms')) };
}

const site = opts.url ? null : await startSite();
const url = opts.url ?? site.url;
const chromium = await launchBrowser();
let failed = false;
try {
  // Time to first render, each load in a fresh context (cold page, warm HTTP server).
  const firstRender = [];
  for (let i = 0; i < loads; i++) {
    const session = await openPage(chromium.browser);
    await session.page.addInitScript(firstRenderProbe, KPI_IDS);
    await session.page.goto(url, { waitUntil: 'load' });
    await waitForApp(session.page);
    firstRender.push(await session.page.evaluate(() => window.__wuzhaFirstRender));
    const problems = problemList(session.problems);
    if (problems.length > 0) console.warn(`load ${i + 1}: ${problems.join('\n  ')}`);
    await session.close();
  }

  // Update latency, for 洪林镇 (12 villages) and for it widened to 50 villages (opened as a file, as a user
  // would). Monte Carlo runs in the worker meanwhile, as it does for a user.
  const results = [];
  for (const nVillages of [null, 50]) {
    const session = await openPage(chromium.browser);
    await session.page.goto(url, { waitUntil: 'load' });
    await waitForApp(session.page);
    if (nVillages !== null) {
      await session.page.setInputFiles(tid('file-open'), {
        name: `honglin-${nVillages}-villages.json`,
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(widened(nVillages))),
      });
      await session.page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="village-table"] tbody tr').length === n,
        nVillages,
        { timeout: 30_000 },
      );
    }
    const original = await session.page.locator(tid('reward-per-install')).inputValue();
    // One warm-up edit, not counted.
    await session.page.evaluate(timeOneUpdate, { value: '2.5', eventName: opts.event });
    const wall = [];
    const app = [];
    let missed = 0;
    for (let i = 0; i < reps; i++) {
      const value = String(3 + i * 0.5);
      const r = await session.page.evaluate(timeOneUpdate, { value, eventName: opts.event });
      if (!r.seen) missed += 1;
      wall.push(r.wall);
      app.push(r.app);
    }
    await session.page.evaluate(timeOneUpdate, { value: original, eventName: opts.event });
    const problems = problemList(session.problems);
    if (problems.length > 0) {
      console.warn(`page problems:\n  ${problems.join('\n  ')}`);
      failed = true;
    }
    await session.close();
    results.push({ label: nVillages === null ? '洪林镇 (12 villages)' : `widened to ${nVillages} villages`, wall, app, missed });
  }

  console.log(`Wuzha bench: ${url}  (${reps} edits of reward-per-install via '${opts.event}', ${loads} page loads)`);
  console.log(`${'ms'.padEnd(40)} ${'n'.padStart(3)} ${'median'.padStart(8)} ${'p90'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)}`);
  console.log(row('first render (nav → KPIs)', stats(firstRender)));
  for (const { label, wall, app, missed } of results) {
    console.log(row(`update, wall (edit → frame), ${label}`, stats(wall)));
    console.log(row(`update, app-reported, ${label}`, stats(app)));
    if (missed > 0) {
      console.log(`warning: ${missed} of ${reps} edits never rewrote data-last-update-ms within 5 s (${label})`);
      failed = true;
    }
  }

  if ([100, 200, 500, 1000, 2000].includes(mcRuns)) {
    const mc = await openPage(chromium.browser);
    await mc.page.goto(url, { waitUntil: 'load' });
    await waitForApp(mc.page);
    const doneWith = (n) =>
      mc.page.waitForFunction(
        (runs) => {
          const el = document.querySelector('[data-testid="uncertainty"]');
          return el && el.dataset.current === 'true' && el.getAttribute('aria-busy') === 'false' && Number(el.dataset.runsDone) === runs;
        },
        n,
        { timeout: 600_000 },
      );
    const started = Date.now();
    if (mcRuns !== 200) {
      await doneWith(200);
      await mc.page.selectOption(tid('mc-runs'), String(mcRuns));
    }
    await doneWith(mcRuns);
    const wallMs = Date.now() - started;
    const figures = await mc.page.$eval(tid('uncertainty'), (el) => ({
      elapsedMs: Number(el.dataset.elapsedMs),
      sampleBytes: Number(el.dataset.sampleBytes),
    }));
    await mc.close();
    const wasmRate = (mcRuns * 1000) / figures.elapsedMs;
    console.log(
      `monte carlo, ${mcRuns} runs (worker)   ${(figures.elapsedMs / 1000).toFixed(2)} s = ${wasmRate.toFixed(1)} runs/s; ` +
        `samples held ${(figures.sampleBytes / 1e6).toFixed(1)} MB` +
        (mcRuns !== 200 ? '' : `; wall from load ${(wallMs / 1000).toFixed(1)} s`),
    );
    const cli = path.join(REPO_ROOT, 'target', 'release', 'wuzha');
    if (existsSync(cli)) {
      const scenario = path.join(REPO_ROOT, 'scenarios', 'honglin-2022.json');
      const t0 = performance.now();
      const native = spawnSync(cli, ['simulate', scenario, '--runs', String(mcRuns)], { maxBuffer: 1 << 30 });
      const nativeMs = performance.now() - t0;
      if (native.status === 0) {
        const nativeRate = (mcRuns * 1000) / nativeMs;
        console.log(
          `monte carlo, ${mcRuns} runs (native)   ${(nativeMs / 1000).toFixed(2)} s = ${nativeRate.toFixed(1)} runs/s ` +
            `(CLI, one thread, incl. JSON output); WASM/native = ${(wasmRate / nativeRate).toFixed(2)}`,
        );
      } else {
        console.log(`native CLI failed: ${native.stderr}`);
      }
    } else {
      console.log('(no target/release/wuzha: cargo build --release for the native comparison)');
    }
  }
} finally {
  await chromium.close();
  await site?.close();
}
process.exitCode = failed ? 1 : 0;
