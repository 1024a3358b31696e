//! Native tests of the planner in the app: the job a worker runs (optimise → tornado → frontier), the panel's
//! reducer (latest request wins, cancel), and the frontier and tornado charts drawn to SVG.

#![cfg(not(target_arch = "wasm32"))]

use plotters::prelude::*;
use std::rc::Rc;
use wuzha_www::charts::{self, ChartStyle};
use wuzha_www::planning::{ObjectiveChoice, Phase, PlanAction, PlanJob, PlanRequest, PlanState};
use wuzha_www::words::Lang;

const HONGLIN: &str = include_str!("../../../scenarios/honglin-2022.json");

fn run_to_end(request: &PlanRequest) -> wuzha_www::planning::PlanAnswer {
    let mut job = PlanJob::new(HONGLIN, request).expect("valid scenario and request");
    let mut phases = vec![job.phase()];
    let mut points = Vec::new();
    while job.phase() != Phase::Done {
        let phase = job.step(50, |done, total| {
            points.push((done, total));
            true
        });
        if phases.last() != Some(&phase) {
            phases.push(phase);
        }
        assert!(phases.len() < 10, "the job moves forward");
    }
    if request.with_frontier {
        assert_eq!(phases, [Phase::Optimise, Phase::Tornado, Phase::Frontier, Phase::Done]);
        assert_eq!(points.first(), Some(&(0, wuzha_www::planning::FRONTIER_POINTS)));
    }
    job.answer().expect("an answer once done")
}

#[test]
fn a_job_optimises_then_tests_the_numbers_then_draws_the_frontier() {
    let request = PlanRequest { with_frontier: true, ..PlanRequest::default() };
    let answer = run_to_end(&request);
    assert!(answer.result.complete);
    assert!(answer.result.suggested.objective >= answer.result.draft.objective, "never worse than the draft");
    assert!(answer.result.suggested.cost_yuan <= 80_000.0 + 1e-6, "within the file's budget");
    assert!(!answer.tornado.bars.is_empty());
    let frontier = answer.frontier.as_ref().expect("a frontier was asked for");
    let objectives: Vec<f64> = frontier.points.iter().filter_map(|point| point.objective).collect();
    assert!(objectives.windows(2).all(|pair| pair[1] >= pair[0] - 1e-12), "the frontier never goes down");
    // The applied file is the suggestion: valid, and simulating it gives the suggested cost.
    let (_, scenario) =
        wuzha::parse_scenario(&wuzha::format::json::to_json(&answer.applied)).expect("applied file is valid");
    let outcome = wuzha::simulate(&scenario);
    assert!((outcome.totals.cash_yuan - answer.result.suggested.cost_yuan).abs() < 1e-6);

    let style = ChartStyle::default();
    let mut text = String::new();
    {
        let area = SVGBackend::with_string(&mut text, (600, 300)).into_drawing_area();
        let chart = charts::frontier_chart(Lang::Zh, frontier, Some(&answer.result));
        assert!(chart.suggested.is_some(), "the suggestion is marked on its own objective's frontier");
        charts::draw_frontier(&area, &chart, &style).expect("frontier");
    }
    assert!(text.contains("预算（万元）") && text.contains("避免发案（起）"));
    let mut text = String::new();
    {
        let area = SVGBackend::with_string(&mut text, (600, 300)).into_drawing_area();
        let chart = charts::tornado_chart(Lang::En, &answer.tornado);
        assert!(chart.bars.len() <= charts::plan::TORNADO_BARS);
        charts::draw_tornado(&area, &chart, &style).expect("tornado");
    }
    assert!(text.contains("Cases averted"));
}

#[test]
fn a_bad_request_is_refused_and_the_panel_follows_the_latest_request() {
    let bad = PlanRequest { objective: ObjectiveChoice::TargetValue, target: 99, ..PlanRequest::default() };
    let errors = PlanJob::new(HONGLIN, &bad).err().expect("target 99 does not exist");
    assert!(errors.iter().any(|error| error.path.contains("target")), "{errors:?}");

    let request = PlanRequest { with_frontier: false, ..PlanRequest::default() };
    let state = PlanState::default();
    let first_id = state.next_id();
    let state = state.next(PlanAction::Start { request: request.clone(), fingerprint: "aaaa".into() });
    assert_eq!(state.running.as_ref().map(|running| running.id), Some(first_id));
    let second_id = state.next_id();
    let state = state.next(PlanAction::Start { request: request.clone(), fingerprint: "bbbb".into() });
    let answer = Rc::new(run_to_end(&request));
    let late = state.next(PlanAction::Finished { id: first_id, answer: answer.clone() });
    assert!(late.answer.is_none() && late.running.is_some(), "an older request's answer is ignored");
    let done = late.next(PlanAction::Finished { id: second_id, answer });
    assert!(done.running.is_none());
    assert_eq!(done.answer.as_ref().map(|(_, fingerprint)| fingerprint.as_str()), Some("bbbb"));
    let cancelled = done.next(PlanAction::Start { request, fingerprint: "cccc".into() }).next(PlanAction::Cancel);
    assert!(cancelled.running.is_none());
    assert!(cancelled.answer.is_some(), "cancelling keeps the last answer");
}

#[test]
fn applying_a_suggested_plan_then_undoing_restores_the_scenario_exactly() {
    use wuzha_www::state::{Action, State};
    use yew::Reducible;
    let answer = run_to_end(&PlanRequest { with_frontier: false, ..PlanRequest::default() });
    let start = Rc::new(State::new(Lang::Zh));
    let original = start.file.clone().expect("the default plan");
    let applied = start.clone().reduce(Action::ApplyPlan(Box::new(answer.applied.clone())));
    assert_eq!(applied.file.as_ref(), Some(&answer.applied));
    assert_ne!(applied.file.as_ref(), Some(&original), "the suggestion changes the plan");
    let cost = applied.result.as_ref().map(|computed| computed.outcome.totals.cash_yuan).unwrap_or_default();
    assert!((cost - answer.result.suggested.cost_yuan).abs() < 1e-6, "the app's result is the suggestion's");
    let undone = applied.reduce(Action::Undo);
    assert_eq!(undone.file.as_ref(), Some(&original), "undo restores the file exactly");
    let redone = undone.reduce(Action::Redo);
    assert_eq!(redone.file.as_ref(), Some(&answer.applied));
}

/// The work budget in the page: the estimate beside 开始优化 and the run disabled over 30 s in the browser.
#[test]
fn the_optimise_panel_offers_only_jobs_that_fit_the_browser_budget() {
    use wuzha_www::planning::{estimate_text, plan_estimate, BROWSER_BUDGET_SECONDS, BROWSER_SPEED};
    let (_file, scenario) = wuzha::parse_scenario(HONGLIN).expect("valid scenario");
    let quick = PlanRequest { with_frontier: false, include_rewards: false, ..PlanRequest::default() };
    let estimate = plan_estimate(&scenario, &quick);
    assert!(estimate.fits && estimate.seconds > 0.0 && estimate.seconds <= BROWSER_BUDGET_SECONDS, "{estimate:?}");
    assert!(estimate_text(Lang::Zh, &estimate).starts_with("预计约 "), "{}", estimate_text(Lang::Zh, &estimate));
    assert!(estimate_text(Lang::En, &estimate).ends_with(" s expected"), "{}", estimate_text(Lang::En, &estimate));
    // The browser estimate is the native one over the browser's speed.
    let native = wuzha::model::budget::estimate(
        &scenario,
        wuzha::model::budget::Job::Optimise { variables: scenario.schedule.len(), runs: 0 },
    );
    assert!((estimate.seconds - native.seconds / BROWSER_SPEED).abs() < 1e-9);
    // The probability objective with its Monte Carlo runs per evaluation and the frontier does not fit.
    let slow = PlanRequest { objective: ObjectiveChoice::TargetProbability, ..PlanRequest::default() };
    let estimate = plan_estimate(&scenario, &slow);
    assert!(!estimate.fits && estimate.seconds > BROWSER_BUDGET_SECONDS, "{estimate:?}");
    let reason = wuzha_www::words::text(Lang::Zh, wuzha_www::words::Text::OptimiseTooLong);
    assert!(reason.contains("30 秒"), "{reason}");
    assert!(wuzha_www::words::text(Lang::En, wuzha_www::words::Text::OptimiseTooLong).contains("30 s"));
    // The panel's default (the cases averted, rewards too, with the frontier) fits.
    assert!(plan_estimate(&scenario, &PlanRequest::default()).fits);
}
