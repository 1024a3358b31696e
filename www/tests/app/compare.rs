//! Native tests of comparing options: pinning (letters, duplicates, room), the inputs that differ and the key
//! figures side by side with the change from option A.

#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;
use wuzha_www::compare::{self, CompareAction, CompareState, MAX_OPTIONS};
use wuzha_www::state::{Action, Field, State};
use wuzha_www::words::Lang;
use yew::Reducible;

fn state_after(actions: &[Action]) -> Rc<State> {
    actions.iter().cloned().fold(Rc::new(State::new(Lang::Zh)), |state, action| state.reduce(action))
}

fn pin(compare: &CompareState, state: &State) -> CompareState {
    compare.next(CompareAction::Pin {
        file: Box::new(state.file.clone().expect("a file")),
        result: state.result.clone().expect("a result"),
    })
}

fn set(field: Field, text: &str) -> Action {
    Action::control(field, text, true)
}

#[test]
fn options_take_the_first_free_letter_and_a_plan_is_pinned_once() {
    let a = state_after(&[]);
    let b = state_after(&[set(Field::Reward, "5")]);
    let compare = pin(&CompareState::default(), &a);
    assert_eq!(pin(&compare, &a), compare, "the same plan is not pinned twice");
    let compare = pin(&compare, &b);
    assert_eq!(compare.options.iter().map(|option| option.letter).collect::<String>(), "AB");
    let compare = compare.next(CompareAction::Unpin('A'));
    let c = state_after(&[set(Field::Budget, "90000")]);
    let compare = pin(&compare, &c);
    assert_eq!(compare.options.iter().map(|option| option.letter).collect::<String>(), "AB", "A is free again");
    let mut full = compare.clone();
    for reward in ["6", "7", "8"] {
        full = pin(&full, &state_after(&[set(Field::Reward, reward)]));
    }
    assert_eq!(full.options.len(), MAX_OPTIONS);
    assert!(!full.has_room());
    assert_eq!(full.next(CompareAction::Clear).options.len(), 0);
}

#[test]
fn the_inputs_that_differ_are_listed_by_name_with_every_plans_value() {
    let a = state_after(&[]);
    let current = state_after(&[set(Field::Reward, "5"), set(Field::Budget, "")]);
    let compare = pin(&CompareState::default(), &a);
    let differences = compare::differences(Lang::Zh, &compare.options, current.file.as_ref().expect("file"), 100);
    let reward_rows: Vec<_> = differences.iter().filter(|row| row.path.ends_with("yuan_per_install")).collect();
    assert!(!reward_rows.is_empty());
    assert_eq!(reward_rows[0].values, ["2", "5"]);
    assert!(reward_rows[0].label.starts_with("奖励 · "), "{}", reward_rows[0].label);
    let budget = differences.iter().find(|row| row.path == "budget.total_yuan").expect("the budget differs");
    assert_eq!(budget.values, ["80000", "—"]);
    assert_eq!(budget.label, "预算 · total_yuan");
    assert!(differences.iter().all(|row| row.values.len() == 2));
    let same = compare::differences(Lang::Zh, &compare.options, a.file.as_ref().expect("file"), 100);
    assert!(same.is_empty(), "a plan does not differ from itself: {same:?}");
}

#[test]
fn key_figures_show_each_plan_and_the_change_from_option_a() {
    let a = state_after(&[]);
    let b = state_after(&[set(Field::Reward, "5")]);
    let current = state_after(&[set(Field::Reward, "8")]);
    let compare = pin(&pin(&CompareState::default(), &a), &b);
    let rows = compare::figure_rows(Lang::Zh, &compare.options, current.result.as_ref().expect("result"));
    assert_eq!(rows.len(), 6);
    for row in &rows {
        assert_eq!(row.values.len(), 3, "A, B and the current plan");
        assert_eq!(row.deltas.len(), 2, "B and the current plan against A");
    }
    let cost = rows.iter().find(|row| row.name == "总费用").expect("total cost row");
    assert!(cost.deltas.iter().all(|delta| delta.starts_with('+')), "higher rewards cost more: {:?}", cost.deltas);
    let english = compare::figure_rows(Lang::En, &compare.options, current.result.as_ref().expect("result"));
    assert!(english.iter().any(|row| row.name == "Total cost" && row.values[0].ends_with("yuan")));
}
