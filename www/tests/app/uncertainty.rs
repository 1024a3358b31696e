//! Native tests of Monte Carlo in the app: the batch job a worker steps through, the reducer that picks which
//! runs are wanted and shown (latest input wins, cache), and the sentences read off a summary.

#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;
use wuzha::uncertainty::{run_batch, MonteCarloConfig, MonteCarloSummary};
use wuzha_www::uncertainty::{self, BatchJob, McAction, McState, Tone, DEFAULT_RUNS};
use wuzha_www::words::Lang;

const HONGLIN: &str = include_str!("../../../scenarios/honglin-2022.json");

fn summary_of(json: &str, n_runs: usize) -> MonteCarloSummary {
    let (_, scenario) = wuzha::parse_scenario(json).expect("valid scenario");
    run_batch(&scenario, &MonteCarloConfig::for_scenario(&scenario, n_runs), |_| {})
}

#[test]
fn a_job_stepped_in_slices_equals_one_batch() {
    let mut job = BatchJob::new(HONGLIN, 12).expect("valid scenario");
    assert_eq!((job.n_done(), job.n_runs(), job.is_done()), (0, 12, false));
    assert_eq!(job.step(5), 5);
    assert_eq!(job.step(0), 6, "a step runs at least one run");
    assert_eq!(job.step(100), 12, "never more than asked for");
    assert!(job.is_done());
    assert!(job.bytes_held() > 0);
    assert_eq!(job.finish().fingerprint(), summary_of(HONGLIN, 12).fingerprint());
}

#[test]
fn a_job_of_an_invalid_file_lists_its_errors_and_runs_are_clamped() {
    let errors = BatchJob::new("{\"format_version\": 1}", 10).err().expect("not a scenario");
    assert!(!errors.is_empty());
    assert!(BatchJob::new("not json", 10).is_err());
    assert_eq!(BatchJob::new(HONGLIN, 0).expect("valid").n_runs(), 1);
}

fn want(state: &McState, fingerprint: &str) -> McState {
    state.next(McAction::Want { fingerprint: fingerprint.to_string(), scenario_json: Rc::from(HONGLIN) })
}

fn finish(state: &McState, summary: &Rc<MonteCarloSummary>) -> McState {
    let id = state.job.as_ref().expect("a job under way").id;
    state.next(McAction::Finished { id, summary: summary.clone(), elapsed_ms: 10.0 })
}

#[test]
fn every_new_plan_starts_a_batch_and_the_latest_one_wins() {
    let summary = Rc::new(summary_of(HONGLIN, 10));
    let state = McState::default();
    assert_eq!(state.n_runs, DEFAULT_RUNS);
    assert!(state.job.is_none() && state.current().is_none());

    let a = want(&state, "aaaa-aaaa");
    let job_a = a.job.clone().expect("plan A runs");
    assert_eq!(job_a.key.fingerprint, "aaaa-aaaa");
    assert_eq!(want(&a, "aaaa-aaaa").job, a.job, "asking again for the same plan does not restart it");

    let progressed = a.next(McAction::Progress { id: job_a.id, n_done: 7 });
    assert_eq!(progressed.job.as_ref().map(|job| job.n_done), Some(7));

    // Plan B is asked for before A finishes: A's late messages are ignored.
    let b = want(&progressed, "bbbb-bbbb");
    let job_b = b.job.clone().expect("plan B runs");
    assert!(job_b.id > job_a.id);
    let late = b.next(McAction::Finished { id: job_a.id, summary: summary.clone(), elapsed_ms: 1.0 });
    assert_eq!(late.shown, None, "a superseded batch is not shown");
    let late = late.next(McAction::Progress { id: job_a.id, n_done: 9 });
    assert_eq!(late.job.as_ref().map(|job| job.n_done), Some(0));

    let done = finish(&late, &summary);
    assert!(done.job.is_none());
    assert_eq!(done.current().map(|finished| finished.key.fingerprint.as_str()), Some("bbbb-bbbb"));
    assert!(!done.is_outdated());
}

#[test]
fn an_earlier_plan_comes_back_from_the_cache_and_the_runs_setting_reruns() {
    let summary = Rc::new(summary_of(HONGLIN, 10));
    let a = finish(&want(&McState::default(), "aaaa-aaaa"), &summary);
    let b = want(&a, "bbbb-bbbb");
    assert!(b.is_outdated(), "A is shown while B runs");
    let b = finish(&b, &summary);
    let back = want(&b, "aaaa-aaaa");
    assert!(back.job.is_none(), "A is cached: nothing runs");
    assert_eq!(back.current().map(|finished| finished.key.fingerprint.as_str()), Some("aaaa-aaaa"));

    let more = back.next(McAction::SetRuns(1000));
    assert_eq!(more.n_runs, 1000);
    assert_eq!(more.job.as_ref().map(|job| job.key.n_runs), Some(1000));
    assert_eq!(McState::default().next(McAction::SetRuns(7)).n_runs, DEFAULT_RUNS, "only offered choices");

    let failed = more.next(McAction::Failed { id: more.job.as_ref().map_or(0, |job| job.id), message: "x".into() });
    assert!(failed.job.is_none());
    assert_eq!(failed.failure.as_deref(), Some("x"));
}

#[test]
fn target_sentences_say_how_often_in_plain_words() {
    let summary = summary_of(HONGLIN, 40);
    let (_, scenario) = wuzha::parse_scenario(HONGLIN).expect("valid");
    let chances = uncertainty::target_chances(Lang::Zh, &scenario, &summary);
    assert_eq!(chances.len(), scenario.targets.len());
    for (chance, target) in chances.iter().zip(&scenario.targets) {
        assert!(chance.sentence.contains(&target.name), "{}", chance.sentence);
        assert!((0.0..=1.0).contains(&chance.probability));
        assert!(chance.badge.ends_with('%'));
        assert_eq!(chance.tone, Tone::of(chance.probability));
    }
    let english = uncertainty::target_chances(Lang::En, &scenario, &summary);
    for chance in &english {
        let words = chance.sentence.split(" (").next().unwrap_or_default();
        assert!(words.is_ascii() && words.contains(" by "), "English words only (names aside): {}", chance.sentence);
    }

    assert_eq!(wuzha_www::words::how_often(Lang::Zh, 0.7), "约10次中有7次");
    assert_eq!(wuzha_www::words::how_often(Lang::En, 0.7), "about 7 in 10 runs");
    assert_eq!(wuzha_www::words::how_often(Lang::Zh, 0.003), "约100次中有1次");
    assert_eq!(wuzha_www::words::how_often(Lang::Zh, 0.999), "约100次中有99次");
    assert_eq!(wuzha_www::words::how_often(Lang::Zh, 1.0), "每次模拟都");
    assert_eq!(wuzha_www::words::how_often(Lang::En, 0.0), "no runs");
    assert_eq!(uncertainty::probability(0.004), "<1%");
    assert_eq!(uncertainty::probability(0.996), ">99%");
    assert_eq!(uncertainty::probability(1.0), "100%");
    assert_eq!(uncertainty::probability(0.725), "73%");

    let alone = uncertainty::chance_alone(Lang::Zh, &summary);
    assert!(alone[0].contains("仅因偶然"), "{}", alone[0]);
    let rows = uncertainty::distribution_rows(Lang::En, &summary);
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[4].name, "Assessment score");
}
