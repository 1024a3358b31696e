// worker.js: the Web Worker that runs Monte Carlo batches and plans for the app, so the page stays responsive.
//
// Every message in and out is one `WorkerMessage` (www/src/messages.rs), tagged by `kind`:
//   in:  'init' (module), 'run' (id, scenario, n_runs), 'plan' (id, scenario, request)
//   out: 'progress', 'done', 'plan-progress', 'plan-done' (built in Rust by the jobs' *_message methods),
//        'failed' (id, message; built here, since the module may be what failed to load)
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
      postMessage(job.progress_message(id));
      await yieldToMessages();
    }
    if (latest !== id) {
      return;
    }
    postMessage(job.done_message(id, performance.now() - started));
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
        postMessage(PlanJob.frontier_message(id, points_done, points_total));
        return true;
      });
      postMessage(job.progress_message(id));
      await yieldToMessages();
    }
    postMessage(job.done_message(id, performance.now() - started));
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
