// e2e/lib.mjs: helpers for Wuzha's end-to-end tests and bench: serve dist/, drive Debian's Chromium with playwright-core, collect problems, screenshots.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { after, before } from 'node:test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(E2E_DIR, '..');
/** The built site; WUZHA_DIST overrides (e.g. to test these helpers against another build). */
export const DIST_DIR = process.env.WUZHA_DIST ? path.resolve(process.env.WUZHA_DIST) : path.join(REPO_ROOT, 'dist');
export const ARTIFACTS_DIR = path.join(E2E_DIR, 'artifacts');

/** Debian's Chromium; CHROMIUM_PATH overrides (playwright-core cannot download a browser here). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]);

export const KPI_IDS = Object.freeze([
  'kpi-rate-at-deadline',
  'kpi-total-cost',
  'kpi-cost-per-install',
  'kpi-cases-averted',
  'kpi-score',
]);

export const CHART_IDS = Object.freeze(['chart-adoption', 'chart-cost', 'chart-cases']);

/** `[data-testid=ID]` */
export const tid = (id) => `[data-testid="${id}"]`;

/** Serves dist/ on a free 127.0.0.1 port. Resolves to { url, port, close }. */
export async function startSite() {
  if (!existsSync(path.join(DIST_DIR, 'index.html'))) {
    throw new Error(`${DIST_DIR}/index.html not found: run scripts/build-web first`);
  }
  return startServer({ root: DIST_DIR, port: 0 });
}

/**
 * Launches headless Chromium. playwright's launch() gives it a fresh, empty profile in a new temp dir
 * (removed again on close), so no state leaks between runs. Resolves to { browser, close }.
 */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: run scripts/setup (Debian package chromium)`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  return { browser, close: () => browser.close() };
}

/**
 * A new context and page (default 1366×768) that records console errors, uncaught page errors, failed
 * requests and HTTP error responses in `problems`.
 */
export async function openPage(browser, { width = 1366, height = 768 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [], failedRequests: [], httpErrors: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      problems.consoleErrors.push(`${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => problems.pageErrors.push(String(err?.stack || err)));
  page.on('requestfailed', (req) =>
    problems.failedRequests.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText ?? 'failed'}`),
  );
  page.on('response', (res) => {
    if (res.status() >= 400) problems.httpErrors.push(`${res.status()} ${res.url()}`);
  });
  return { context, page, problems, close: () => context.close() };
}

/** All recorded problems as one list of lines (empty when the page behaved). */
export function problemList(problems) {
  return [
    ...problems.consoleErrors.map((p) => `console error: ${p}`),
    ...problems.pageErrors.map((p) => `page error: ${p}`),
    ...problems.failedRequests.map((p) => `request failed: ${p}`),
    ...problems.httpErrors.map((p) => `HTTP error: ${p}`),
  ];
}

/** Saves a full-page PNG to e2e/artifacts/NAME.png and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Waits until the app has rendered: root present and every KPI has text. */
export async function waitForApp(page, { timeout = 30_000 } = {}) {
  await page.waitForSelector(tid('app'), { timeout });
  await page.waitForFunction(
    (ids) =>
      ids.every((id) => {
        const el = document.querySelector(`[data-testid="${id}"]`);
        return el !== null && el.textContent.trim().length > 0;
      }),
    KPI_IDS,
    { timeout },
  );
}

/** Trimmed text of each KPI, keyed by test id (null when the element is missing). */
export async function kpiTexts(page) {
  return page.evaluate((ids) => {
    const out = {};
    for (const id of ids) {
      const el = document.querySelector(`[data-testid="${id}"]`);
      out[id] = el === null ? null : el.innerText.replace(/\s+/g, ' ').trim();
    }
    return out;
  }, KPI_IDS);
}

/**
 * The deterministic figures of each KPI, keyed by test id: as `kpiTexts`, without the Monte Carlo parts (the
 * chance line and the P10–P90 bands), which arrive whenever the runs in the worker finish. A test that compares
 * the plan's results before and after an edit uses this, so a batch finishing in between is no difference.
 */
export async function planKpiTexts(page) {
  return page.evaluate((ids) => {
    const out = {};
    for (const id of ids) {
      const el = document.querySelector(`[data-testid="${id}"]`);
      if (el === null) {
        out[id] = null;
        continue;
      }
      const copy = el.cloneNode(true);
      copy.querySelectorAll('.kpi-chance').forEach((part) => part.remove());
      copy.querySelectorAll('.kpi-detail').forEach((part) => {
        if (part.textContent.includes('P10')) part.remove();
      });
      out[id] = copy.textContent.replace(/\s+/g, ' ').trim();
    }
    return out;
  }, KPI_IDS);
}

/**
 * A summary of the pixels of the canvas with test id `id`:
 *   { width, height, hash, blank, distinctColours, nonBackgroundShare }
 * `blank` is true when toDataURL equals that of an untouched canvas of the same size; `hash` is
 * FNV-1a over the RGBA pixels; `nonBackgroundShare` is the share of pixels that differ from the
 * most common colour; `distinctColours` stops counting at 4096.
 */
export async function canvasSummary(page, id) {
  return page.evaluate((testId) => {
    const canvas = document.querySelector(`[data-testid="${testId}"]`);
    if (!(canvas instanceof HTMLCanvasElement)) return { missing: true };
    const { width, height } = canvas;
    if (width === 0 || height === 0) return { width, height, blank: true, hash: 0, distinctColours: 0, nonBackgroundShare: 0 };
    const empty = document.createElement('canvas');
    empty.width = width;
    empty.height = height;
    const blank = canvas.toDataURL() === empty.toDataURL();
    const ctx = canvas.getContext('2d');
    const pixels = new Uint32Array(ctx.getImageData(0, 0, width, height).data.buffer);
    let hash = 0x811c9dc5;
    const counts = new Map();
    for (let i = 0; i < pixels.length; i++) {
      const p = pixels[i];
      hash = Math.imul(hash ^ p, 0x01000193) >>> 0;
      const c = counts.get(p);
      if (c !== undefined) counts.set(p, c + 1);
      else if (counts.size < 4096) counts.set(p, 1);
    }
    let top = 0;
    for (const c of counts.values()) top = Math.max(top, c);
    return {
      width,
      height,
      hash,
      blank,
      distinctColours: counts.size,
      nonBackgroundShare: 1 - top / pixels.length,
    };
  }, id);
}

/** Summaries of all three charts keyed by test id. */
export async function chartSummaries(page) {
  const out = {};
  for (const id of CHART_IDS) out[id] = await canvasSummary(page, id);
  return out;
}

/** Polls `read()` until `accept(value)` holds; returns the last value (check it yourself). */
export async function pollUntil(read, accept, { timeout = 10_000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, interval));
    value = await read();
  }
  return value;
}

/** The app's own figure for its last simulate + redraw, from `[data-testid=app]@data-last-update-ms`. */
export async function lastUpdateMs(page) {
  return page.getAttribute(tid('app'), 'data-last-update-ms');
}

/**
 * Replaces the text of input `id` with `value` the way a user would (select all, type, Tab),
 * so the app sees `input` events while typing and a `change` event on blur.
 */
export async function typeInto(page, id, value) {
  const input = page.locator(tid(id));
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.press('Backspace');
  if (value.length > 0) await input.pressSequentially(value);
  await input.press('Tab');
}

/** Sets a date (YYYY-MM-DD) input; playwright's fill dispatches `input` and `change`. */
export async function setDate(page, id, isoDate) {
  await page.locator(tid(id)).fill(isoDate);
}

/** `YYYY-MM-DD` shifted by `days`. */
export function addDays(isoDate, days) {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days from `a` to `b` (both `YYYY-MM-DD`). */
export function daysBetween(a, b) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * Records every request the context makes (pages, workers, downloads) as { url, resourceType }, and aborts any whose
 * URL `allowed(url)` refuses, so a leak both fails and is recorded. Call before the first navigation.
 */
export async function recordRequests(context, allowed) {
  const requests = [];
  context.on('request', (req) => requests.push({ url: req.url(), resourceType: req.resourceType() }));
  await context.route('**/*', (route) => (allowed(route.request().url()) ? route.continue() : route.abort()));
  return requests;
}

// Editor and timeline helpers (e2e/editor.test.mjs).

/** Opens the app's view `view` (`results`, `edit`, `compare`, `uncertainty`, `optimise`) by its tab. */
export async function openView(page, view) {
  await page.click(tid(`nav-${view}`));
  await page.waitForSelector(tid(`view-${view}`));
}

/**
 * Opens the editor tab `key` (e.g. `villages`, `behaviour`: see www/src/components/editor/mod.rs), in the edit
 * view (`#/edit`), which it opens first when another view is shown.
 */
export async function editorTab(page, key) {
  if ((await page.$(tid('view-edit'))) === null) {
    await openView(page, 'edit');
  }
  await page.click(tid(`editor-tab-${key}`));
  await page.waitForSelector(tid(`editor-panel-${key}`));
}

/**
 * Drags the element with test id `id` horizontally by `dx` pixels with the mouse (pointer events), in
 * `steps` moves, and releases it.
 */
export async function dragBy(page, id, dx, { steps = 8 } = {}) {
  const box = await page.locator(tid(id)).boundingBox();
  if (box === null) throw new Error(`${id} is not visible`);
  const x = box.x + Math.min(box.width / 2, 40);
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y, { steps });
  await page.mouse.up();
}

/** Saves a PNG of the element with test id `id` only to e2e/artifacts/NAME.png and returns its path. */
export async function screenshotOf(page, id, name) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.locator(tid(id)).screenshot({ path: file });
  return file;
}

/**
 * The one session helper of the e2e files. For a test file: registers node:test hooks that serve dist/ (unless
 * `serve: false`, for a file opened from disk) and launch Chromium once for the file, and returns
 * `withApp(body, options)`, which opens the app in a fresh context, waits for the first render, runs
 * `body(page, session)`, then checks the page logged no problem; and `siteUrl()`.
 *
 * `options` is a viewport (`{ width, height }`, by default 1366×768) or `{ viewport, url, beforeLoad }`: `url` is
 * the address to open (by default the served site), `beforeLoad(session)` runs in the fresh context before the
 * first navigation (init scripts, request recorders, listeners) and may return a value, passed on as
 * `session.prepared`.
 */
export function appSession({ serve = true } = {}) {
  let site;
  let chromium;
  before(async () => {
    if (serve) site = await startSite();
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium?.close();
    await site?.close();
  });
  async function withApp(body, options = {}) {
    const { viewport = { width: 1366, height: 768 }, url, beforeLoad } =
      'width' in options || 'height' in options ? { viewport: options } : options;
    const session = await openPage(chromium.browser, viewport);
    try {
      if (beforeLoad) session.prepared = await beforeLoad(session);
      await session.page.goto(url ?? siteUrl(), { waitUntil: 'load' });
      await waitForApp(session.page);
      await body(session.page, session);
      assert.deepEqual(problemList(session.problems), [], 'the page logged errors or had failed requests');
    } finally {
      await session.close();
    }
  }
  /** The served site's address, e.g. `http://127.0.0.1:40123/` (once the hooks have run). */
  function siteUrl() {
    if (!site) throw new Error('appSession({ serve: false }) serves no site: pass withApp a `url`');
    return site.url;
  }
  return { withApp, siteUrl };
}
