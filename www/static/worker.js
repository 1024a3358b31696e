// worker.js: the Web Worker that runs Monte Carlo batches for the app, so the page stays responsive.
//
// Messages in:  { kind: 'init', module }            the page's compiled WebAssembly.Module (optional)
//               { kind: 'run', id, scenario, n_runs } run a batch; a newer 'run' supersedes an older one
//               { kind: 'plan', id, scenario, request } optimise (request is JSON text); the page runs each plan
//                                                       in a worker of its own and cancels by terminating it
// Messages out: { kind: 'progress', id, n_done, n_runs }
//               { kind: 'done', id, summary, elapsed_ms, bytes_held }   summary is JSON text
//               { kind: 'plan-progress', id, phase, progress?, points_done?, points_total? }
//               { kind: 'plan-done', id, answer, elapsed_ms }          answer is JSON text
//               { kind: 'failed', id, message }
//
// A batch runs in slices of about 40 ms; between slices the worker yields so that a newer request is seen
// and the older batch is dropped (latest input wins).

import init, { initSync, MonteCarloJob, PlanJob } from './pkg/wuzha_www.js';

const SLICE_MS = 40;
let ready = null;
let latest = 0;

function initialise(module) {
  if (ready === null) {
    ready = module ? Promise.resolve(initSync({ module })) : init();
  }
  return ready;
}

const yieldToMessages = () => new Promise((resolve) => setTimeout(resolve, 0));

async function run({ id, scenario, n_runs }) {
  latest = id;
  await initialise(null);
  const started = performance.now();
  const job = new MonteCarloJob(scenario, n_runs);
  try {
    while (!job.is_done()) {
      if (latest !== id) {
        return;
      }
      const sliceStart = performance.now();
      do {
        job.step(1);
      } while (!job.is_done() && performance.now() - sliceStart < SLICE_MS);
      postMessage({ kind: 'progress', id, n_done: job.n_done(), n_runs: job.n_runs() });
      await yieldToMessages();
    }
    if (latest !== id) {
      return;
    }
    const bytes_held = job.bytes_held();
    const summary = job.finish();
    postMessage({ kind: 'done', id, summary, elapsed_ms: performance.now() - started, bytes_held });
  } finally {
    job.free();
  }
}

async function plan({ id, scenario, request }) {
  await initialise(null);
  const started = performance.now();
  const job = new PlanJob(scenario, request);
  try {
    let phase = 'optimise';
    while (phase !== 'done') {
      phase = job.step(20, (points_done, points_total) => {
        postMessage({ kind: 'plan-progress', id, phase: 'frontier', points_done, points_total });
        return true;
      });
      postMessage({ kind: 'plan-progress', id, phase, progress: job.progress_json() });
      await yieldToMessages();
    }
    postMessage({ kind: 'plan-done', id, answer: job.answer(), elapsed_ms: performance.now() - started });
  } finally {
    job.free();
  }
}

self.onmessage = async (event) => {
  const message = event.data || {};
  try {
    if (message.kind === 'init') {
      await initialise(message.module);
    } else if (message.kind === 'run') {
      await run(message);
    } else if (message.kind === 'plan') {
      await plan(message);
    }
  } catch (error) {
    postMessage({ kind: 'failed', id: message.id, message: error && error.message ? error.message : String(error) });
  }
};
