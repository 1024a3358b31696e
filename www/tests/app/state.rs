//! Tests of the reducer: edits change the scenario file and the outcome; bad input keeps the last valid
//! outcome and names the field; selections and template switches reset the controls' text.

#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;
use wuzha_www::state::{Action, Field, State};
use wuzha_www::words::Lang;
use yew::Reducible;

fn start() -> Rc<State> {
    Rc::new(State::new(Lang::Zh))
}

/// The state after `actions`, starting from the default (洪林镇 2022).
fn after(actions: &[Action]) -> Rc<State> {
    actions.iter().cloned().fold(start(), |state, action| state.reduce(action))
}

/// Typing `text` into `field` (an `input` event).
fn set(field: Field, text: &str) -> Action {
    Action::control(field, text, false)
}

/// Leaving `field` with `text` in it (a `change` event).
fn commit(field: Field, text: &str) -> Action {
    Action::control(field, text, true)
}

fn messages(state: &State) -> Vec<&str> {
    state.errors.iter().map(|error| error.message.as_str()).collect()
}

fn file(state: &State) -> &wuzha::ScenarioFile {
    state.file.as_ref().expect("the embedded templates parse")
}

fn outcome(state: &State) -> &wuzha::Outcome {
    &state.result.as_ref().expect("the embedded templates are valid").outcome
}

#[test]
fn the_default_is_honglin_2022_simulated_once() {
    let state = start();
    assert_eq!(state.template_idx, 0);
    assert!(file(&state).name.contains("洪林镇"));
    assert!(state.result.is_some());
    assert!(state.errors.is_empty() && !state.is_stale());
    assert_eq!(state.n_simulations, 1);
    let inputs: Vec<&str> = Field::ALL.iter().map(|field| state.inputs.get(*field)).collect();
    assert_eq!(inputs, ["2", "80000", "80", "2022-06-30", "2022-03-10", "2022-03-13", "2022"]);
    assert!(state.file_is_valid());
    assert_eq!(
        &state.template_labels[..],
        ["洪林镇 · 2022年", "桥江镇 · 2021年", "滨州经济技术开发区 · 2021年", "通用模板"].map(String::from)
    );
}

#[test]
fn a_new_reward_changes_the_file_and_the_outcome() {
    let before = start();
    let state = before.clone().reduce(set(Field::Reward, "5"));
    assert!(file(&state).rewards.iter().all(|reward| reward.yuan_per_install == 5.0));
    assert_eq!(state.n_simulations, 2);
    assert!(
        outcome(&state).totals.rewards_paid_yuan > outcome(&before).totals.rewards_paid_yuan,
        "a higher reward pays more"
    );
    assert!(state.errors.is_empty());
}

#[test]
fn repeating_the_same_text_changes_nothing_and_does_not_simulate() {
    let state = after(&[set(Field::Reward, "5")]);
    let again = state.clone().reduce(set(Field::Reward, "5"));
    assert!(Rc::ptr_eq(&state, &again), "the same Rc: no re-render");
    // The change event after the input events only ends the undo step: the same scenario, no new simulation.
    let committed = state.clone().reduce(commit(Field::Reward, "5"));
    assert_eq!(committed.file, state.file);
    assert_eq!(committed.n_simulations, state.n_simulations);
    assert!(Rc::ptr_eq(&committed, &committed.clone().reduce(commit(Field::Reward, "5"))), "then it is a no-op");
    // A different text for the same number updates the text but does not simulate again.
    let same_number = state.clone().reduce(set(Field::Reward, "5.0"));
    assert_eq!(same_number.inputs.get(Field::Reward), "5.0");
    assert_eq!(same_number.n_simulations, state.n_simulations);
}

#[test]
fn an_out_of_range_reward_keeps_the_last_outcome_and_names_the_field() {
    let before = start();
    let state = before.clone().reduce(set(Field::Reward, "-3"));
    let (kept, last) = (state.result.as_ref(), before.result.as_ref());
    assert!(kept.zip(last).is_some_and(|(kept, last)| Rc::ptr_eq(kept, last)), "last valid result kept");
    assert_eq!(state.inputs.get(Field::Reward), "-3", "the edit is not lost");
    assert_eq!(messages(&state), ["奖励标准：数值 -3 超出允许范围（0 – 1000）"]);
    assert_eq!(state.errors[0].field, Some(Field::Reward));
    assert!(state.is_stale());

    // Back to the original value: no error, the same figures as before.
    let fixed = state.reduce(set(Field::Reward, "2"));
    assert!(fixed.errors.is_empty());
    assert_eq!(outcome(&fixed), outcome(&before));
}

#[test]
fn text_that_is_not_a_number_is_reported_and_not_applied() {
    let check = |field: Field, text: &str, expected: &str| {
        let before = start();
        let state = before.clone().reduce(set(field, text)).reduce(commit(field, text));
        assert_eq!(messages(&state), [expected], "{field:?} = {text:?}");
        assert_eq!(state.inputs.get(field), text);
        assert_eq!(state.file, before.file, "the file is unchanged");
        assert_eq!(state.n_simulations, before.n_simulations);
    };
    check(Field::Reward, "abc", "奖励标准：“abc”不是有效的数值");
    check(Field::Reward, "", "奖励标准：请输入数值");
    check(Field::Reward, "NaN", "奖励标准：“NaN”不是有效的数值");
    check(Field::Budget, "abc", "总预算：“abc”不是有效的数值");
    check(Field::Threshold, "八十", "目标值：“八十”不是有效的数值");
}

#[test]
fn numbers_are_read_the_way_people_type_them() {
    let budget = |text: &str| file(&after(&[set(Field::Budget, text)])).budget.total_yuan;
    assert_eq!(budget("50000"), Some(50_000.0));
    assert_eq!(budget("5万"), Some(50_000.0));
    assert_eq!(budget("１２，０００元"), Some(12_000.0), "full-width digits and separators");
    let reward = |text: &str| file(&after(&[set(Field::Reward, text)])).rewards[0].yuan_per_install;
    assert_eq!(reward("2.5"), 2.5);
    assert_eq!(reward(" 3 "), 3.0);
}

#[test]
fn an_empty_box_waits_until_the_user_leaves_it() {
    let typing = after(&[set(Field::Reward, "")]);
    assert!(typing.errors.is_empty(), "no error flashes while the user clears the box to retype");
    assert_eq!(typing.inputs.get(Field::Reward), "");
    let retyped = typing.reduce(set(Field::Reward, "4"));
    assert_eq!(file(&retyped).rewards[0].yuan_per_install, 4.0);
    let left_empty = after(&[set(Field::Threshold, ""), commit(Field::Threshold, "")]);
    assert_eq!(messages(&left_empty), ["目标值：请输入数值"]);
}

#[test]
fn an_empty_budget_means_no_cap_once_the_user_leaves_the_box() {
    let typing = after(&[set(Field::Budget, "")]);
    assert_eq!(file(&typing).budget.total_yuan, Some(80_000.0), "not applied while typing");
    assert!(typing.errors.is_empty());
    assert_eq!(typing.n_simulations, 1);
    let left = typing.reduce(commit(Field::Budget, ""));
    assert_eq!(file(&left).budget.total_yuan, None);
    assert_eq!(outcome(&left).budget.total_cap_yuan, None);
    // Typing a figure after clearing the box applies the figure.
    let retyped = after(&[set(Field::Budget, ""), set(Field::Budget, "9"), set(Field::Budget, "90000")]);
    assert_eq!(file(&retyped).budget.total_yuan, Some(90_000.0));
}

#[test]
fn thresholds_are_percent_for_shares_and_for_year_on_year_targets() {
    let state = after(&[set(Field::Threshold, "60")]);
    assert_eq!(file(&state).targets[0].threshold, 0.6);
    assert_eq!(outcome(&state).targets[0].threshold, 0.6);

    // 洪林镇's fourth target is 上半年发案数同比下降 (threshold 0).
    let state = after(&[Action::SelectTarget(3)]);
    assert!(!state.target_is_share());
    assert_eq!(state.inputs.get(Field::Threshold), "0");
    assert_eq!(state.inputs.get(Field::Deadline), "2022-06-30");
    let state = state.reduce(set(Field::Threshold, "-10"));
    assert_eq!(file(&state).targets[3].threshold, -0.1);
    assert_eq!(file(&state).targets[0].threshold, 0.8, "other targets untouched");
}

#[test]
fn date_errors_name_the_control_or_the_target() {
    let state = after(&[set(Field::Deadline, "2023-01-05")]);
    assert_eq!(messages(&state), ["截止日期：日期 2023-01-05 不在方案期间 2022-01-01 至 2022-12-31 内"]);
    assert_eq!(state.errors[0].field, Some(Field::Deadline));
    // With another target selected, the message names the target whose deadline is wrong.
    let state = state.reduce(Action::SelectTarget(1));
    assert_eq!(
        messages(&state),
        ["目标“国家反诈中心App安装率6月底达80%”的截止日期：日期 2023-01-05 不在方案期间 2022-01-01 至 2022-12-31 内"]
    );
    assert_eq!(state.errors[0].field, None);

    let state = after(&[set(Field::PhaseEnd, "2022-03-01")]);
    assert_eq!(messages(&state), ["结束日期：结束日期 2022-03-01 早于开始日期 2022-03-10"]);
    let state = after(&[set(Field::PhaseStart, "")]);
    assert_eq!(messages(&state), ["开始日期：“”不是有效日期（格式 YYYY-MM-DD，2000-2100年）"]);
}

#[test]
fn moving_a_phase_changes_the_outcome() {
    // The priority push (phase 3) carries the reward: starting it three weeks later pays less.
    let before = after(&[Action::SelectPhase(3)]);
    assert_eq!(before.inputs.get(Field::PhaseStart), "2022-03-21");
    let state = before.clone().reduce(set(Field::PhaseStart, "2022-04-11"));
    assert!(state.errors.is_empty(), "{:?}", messages(&state));
    assert!(outcome(&state).totals.rewards_paid_yuan < outcome(&before).totals.rewards_paid_yuan);
}

#[test]
fn switching_templates_loads_the_file_and_forgets_errors() {
    let state = after(&[set(Field::Reward, "-3"), Action::LoadTemplate(1)]);
    assert_eq!(state.template_idx, 1);
    assert!(file(&state).name.contains("桥江镇") || file(&state).township.name == "桥江镇");
    assert!(state.errors.is_empty());
    assert_eq!(state.inputs.get(Field::Reward), "0", "桥江镇 has no rewards");
    assert_eq!(state.n_simulations, 2, "one simulation for the load");

    // Setting a reward adds one for the first target's product (金钟罩) in every phase.
    let state = state.reduce(set(Field::Reward, "3"));
    let file = file(&state);
    assert_eq!(file.rewards.len(), file.phases.len());
    assert!(file.rewards.iter().all(|reward| reward.product == "jinzhongzhao" && reward.yuan_per_install == 3.0));
    assert!(outcome(&state).totals.rewards_paid_yuan > 0.0);

    // Out-of-range indices are ignored.
    let same = state.clone().reduce(Action::SelectTarget(999));
    assert!(Rc::ptr_eq(&same, &state));
    assert_eq!(after(&[Action::LoadTemplate(99)]).template_idx, 3, "clamped to the last template");
}

#[test]
fn switching_the_language_rewords_labels_and_shown_errors() {
    let state = Rc::new(State::new(Lang::Zh));
    let state = state.reduce(Action::control(Field::Budget, "abc", true));
    let state = state.reduce(Action::control(Field::Reward, "-3", true));
    assert_eq!(state.errors.len(), 2, "{:?}", state.errors);
    let has_han = |text: &str| text.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch));
    assert!(state.errors.iter().all(|error| has_han(&error.message)));

    let english = state.clone().reduce(Action::SetLang(Lang::En));
    assert_eq!(english.lang, Lang::En);
    assert_eq!(english.errors.len(), 2);
    for error in &english.errors {
        assert!(!has_han(&error.message), "untranslated: {}", error.message);
    }
    assert_eq!(english.result, state.result, "switching language does not re-simulate");
    assert!(english.template_labels.iter().all(|label| !label.is_empty()));

    let back = english.reduce(Action::SetLang(Lang::Zh));
    assert_eq!(back.errors, state.errors);
}

#[test]
fn opening_a_valid_file_replaces_the_scenario() {
    let state = Rc::new(State::new(Lang::Zh));
    let text = include_str!("../../../scenarios/template.json");
    let opened = state.reduce(Action::OpenFile { name: "示例.json".into(), text: text.into() });
    assert_eq!(opened.opened_file.as_deref(), Some("示例.json"));
    assert_eq!(opened.file.as_ref().map(|file| file.township.name.as_str()), Some("示例镇"));
    assert!(opened.errors.is_empty() && opened.refused_file_messages().is_empty());
    assert!(opened.result.is_some());
}

#[test]
fn an_opened_file_with_unknown_fields_keeps_them_and_says_so() {
    let state = Rc::new(State::new(Lang::Zh));
    let text = include_str!("../../../scenarios/template.json").replacen("{", "{\n  \"county_code\": \"431224\",", 1);
    let opened = state.reduce(Action::OpenFile { name: "新字段.json".into(), text });
    let messages: Vec<String> = opened.file_warnings.iter().map(|warning| warning.message(Lang::Zh)).collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].starts_with("county_code: 本程序不认识此字段"), "{messages:?}");
    let saved = opened.session().map(|session| session.scenario_json).unwrap_or_default();
    assert!(saved.contains("\"county_code\": \"431224\""), "autosave keeps the field");
    let template = opened.reduce(Action::LoadTemplate(0));
    assert!(template.file_warnings.is_empty(), "a template has nothing to note");
}

#[test]
fn an_imported_plan_opens_as_a_draft_in_one_undo_step() {
    let state = Rc::new(State::new(Lang::Zh));
    let before = state.file.clone();
    let text = include_str!("../../../tests/fixtures/office/001_859f813bdd779a68.txt");
    let draft = wuzha::office::read_plan(text, Some(2022), wuzha::Lang::Zh);
    assert!(!draft.review.is_empty(), "the reader lists what it could not read");
    let name = format!("{}（导入草稿）", draft.file.name);
    let opened = state.reduce(Action::OpenDraft { name: name.clone(), file: Box::new(draft.file.clone()) });
    assert_eq!(opened.opened_file.as_deref(), Some(name.as_str()));
    assert_eq!(opened.file.as_ref(), Some(&draft.file));
    let phases: Vec<&str> = file(&opened).phases.iter().map(|phase| phase.name.as_str()).collect();
    assert_eq!(phases, ["动员部署", "集中宣传", "总结巩固"]);
    assert_eq!(file(&opened).township.name, "桥江镇");
    assert!(opened.errors.is_empty() && opened.result.is_some(), "the draft validates and is simulated");
    let undone = opened.reduce(Action::Undo);
    assert_eq!(undone.file, before, "one undo step goes back to the plan before the import");
    assert!(!undone.can_undo());
}

#[test]
fn a_bad_file_is_refused_with_every_reason_and_the_scenario_is_untouched() {
    let state = Rc::new(State::new(Lang::Zh));
    let before = state.file.clone();
    let text = include_str!("../../../scenarios/template.json").replacen("\"residents\": ", "\"residents\": -", 1);
    let refused = state.reduce(Action::OpenFile { name: "坏文件.json".into(), text });
    assert_eq!(refused.file, before, "the current scenario is left as it was");
    assert!(refused.opened_file.is_none());
    let messages = refused.refused_file_messages();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].starts_with("villages[0].residents: 数值 -"), "{messages:?}");

    let too_large = refused.reduce(Action::OpenRefused {
        name: "大文件.json".into(),
        refusal: wuzha_www::state::OpenRefusal::TooLarge(9.0 * 1024.0 * 1024.0),
    });
    assert_eq!(too_large.refused_file_messages(), ["大文件.json：文件过大（9.0 MB，上限 5 MB），未打开"]);
    let edited = too_large.reduce(Action::control(Field::Reward, "3", true));
    assert!(edited.refused_file_messages().is_empty(), "the next edit clears the notice");
}

#[test]
fn undo_and_redo_walk_every_change_and_typing_in_one_box_is_one_step() {
    let start = Rc::new(State::new(Lang::Zh));
    assert!(!start.can_undo() && !start.can_redo());
    let original = start.file.clone();
    // Typing "10" key by key, then leaving the box: one step.
    let typed = start
        .reduce(Action::control(Field::Reward, "1", false))
        .reduce(Action::control(Field::Reward, "10", false))
        .reduce(Action::control(Field::Reward, "10", true));
    let budget = typed.clone().reduce(Action::control(Field::Budget, "120000", true));
    let template = budget.clone().reduce(Action::LoadTemplate(3));
    assert!(template.can_undo());

    let back1 = template.reduce(Action::Undo);
    assert_eq!(back1.file, budget.file, "undo a template switch");
    assert_eq!(back1.inputs.get(Field::Budget), "120000");
    let back2 = back1.reduce(Action::Undo);
    assert_eq!(back2.file, typed.file);
    let back3 = back2.reduce(Action::Undo);
    assert_eq!(back3.file, original, "the whole typed entry is one step");
    assert!(!back3.can_undo());
    assert_eq!(back3.inputs.get(Field::Reward), "2");

    let forward = back3.reduce(Action::Redo).reduce(Action::Redo);
    assert_eq!(forward.file, budget.file);
    let branched = forward.reduce(Action::control(Field::Reward, "5", true));
    assert!(!branched.can_redo(), "a new change clears the redo steps");
}

#[test]
fn an_autosaved_session_is_restored_and_a_corrupt_one_is_ignored() {
    let edited = Rc::new(State::new(Lang::Zh)).reduce(Action::control(Field::Reward, "7", true));
    let session = edited.session().expect("a scenario to save");
    let restored = State::restore(Lang::Zh, &session);
    assert!(restored.restored);
    assert_eq!(restored.file, edited.file);
    assert_eq!(restored.inputs.get(Field::Reward), "7");
    assert!(restored.result.is_some());

    let corrupt = wuzha_www::state::Session { scenario_json: "{\"format_version\": 1".into(), ..session };
    let fallback = State::restore(Lang::Zh, &corrupt);
    assert!(!fallback.restored);
    assert_eq!(fallback.file, State::new(Lang::Zh).file, "the default scenario instead");
}

#[test]
fn a_share_link_opens_like_a_file_and_a_broken_one_is_refused() {
    let file =
        wuzha::format::json::parse_json(include_str!("../../../scenarios/template.json")).expect("valid template");
    let fragment = format!("#{}", wuzha::format::link::encode_fragment(&file));
    let state = Rc::new(State::new(Lang::Zh));
    let opened = state.clone().reduce(Action::OpenLink { fragment: fragment.clone() });
    assert_eq!(opened.file.as_ref(), Some(&file));
    assert_eq!(opened.opened_file.as_deref(), Some("分享链接"));
    assert!(opened.can_undo(), "opening a link can be undone");

    let cut = fragment[..fragment.len() / 2].to_string();
    let refused = state.clone().reduce(Action::OpenLink { fragment: cut });
    assert_eq!(refused.file, state.file, "the plan is untouched");
    let messages = refused.refused_file_messages();
    assert!(messages.len() == 1 && messages[0].starts_with("#scenario: "), "{messages:?}");
    let unrelated = state.clone().reduce(Action::OpenLink { fragment: "#top".into() });
    assert!(Rc::ptr_eq(&state, &unrelated), "an ordinary fragment changes nothing");
}

#[test]
fn the_seed_is_a_whole_number_and_a_bad_one_is_named() {
    let state = after(&[commit(Field::Seed, " 7 ")]);
    assert_eq!(file(&state).seed, 7);
    assert!(state.errors.is_empty() && state.file_is_valid());
    for bad in ["-1", "1.5", "abc", "9007199254740992", ""] {
        let state = after(&[commit(Field::Seed, bad)]);
        assert_eq!(file(&state).seed, 2022, "{bad:?} leaves the seed as it was");
        assert_eq!(state.errors.len(), 1, "{bad:?}");
        assert_eq!(state.errors[0].field, Some(Field::Seed));
        assert!(state.errors[0].message.starts_with("随机种子："), "{}", state.errors[0].message);
    }
    assert_eq!(wuzha_www::state::parse_seed("9007199254740991"), Some(wuzha_www::state::MAX_SEED));
    let undone = after(&[commit(Field::Seed, "7"), Action::Undo]);
    assert_eq!(file(&undone).seed, 2022, "a new seed is one undo step");
}

mod views {
    use std::rc::Rc;
    use wuzha_www::views::{link_part, View, ViewAction, ViewState};
    use yew::Reducible;

    #[test]
    fn every_view_has_its_own_fragment_read_back_as_the_same_view() {
        for view in View::ALL {
            assert_eq!(View::from_fragment(&view.fragment()), Some(view), "{view:?}");
            assert_eq!(ViewState::from_fragment(&view.fragment()).view, view);
        }
        let slugs: std::collections::BTreeSet<_> = View::ALL.iter().map(|view| view.slug()).collect();
        assert_eq!(slugs.len(), View::ALL.len(), "distinct URLs");
        assert_eq!(View::from_fragment("#/edit?scenario=1.abc"), Some(View::Edit));
        assert_eq!(View::from_fragment("#/nowhere"), None);
        assert_eq!(View::from_fragment("#scenario=1.abc"), None);
    }

    #[test]
    fn the_page_starts_in_the_results_unless_the_address_names_a_view() {
        assert_eq!(ViewState::from_fragment("").view, View::Results);
        assert_eq!(ViewState::from_fragment("#scenario=1.abc").view, View::Results);
        assert_eq!(ViewState::from_fragment("#/optimise").view, View::Optimise);
    }

    #[test]
    fn tabs_and_the_address_bar_move_between_views() {
        let state = Rc::new(ViewState::default());
        let edit = state.reduce(ViewAction::Show(View::Edit));
        assert_eq!(edit.view, View::Edit);
        let back = edit.clone().reduce(ViewAction::Fragment("#/compare".into()));
        assert_eq!(back.view, View::Compare, "back or forward to another view's address");
        let unknown = back.clone().reduce(ViewAction::Fragment("#something-else".into()));
        assert_eq!(unknown.view, View::Compare, "a fragment naming no view leaves the view alone");
        let link = unknown.reduce(ViewAction::Fragment("#scenario=1.abc".into()));
        assert_eq!(link.view, View::Results, "a bare share link opens into the results");
        let into = link.reduce(ViewAction::Fragment("#/uncertainty?scenario=1.abc".into()));
        assert_eq!(into.view, View::Uncertainty, "a share link into a view");
        let same = Rc::new(ViewState { view: View::Edit });
        assert!(Rc::ptr_eq(&same.clone().reduce(ViewAction::Show(View::Edit)), &same), "no change, no render");
    }

    #[test]
    fn share_links_are_found_in_both_forms() {
        assert_eq!(link_part("#scenario=1.abc"), Some("scenario=1.abc"));
        assert_eq!(link_part("#/edit?scenario=1.abc"), Some("scenario=1.abc"));
        assert_eq!(link_part("#/edit?lang=en&scenario=1.abc"), Some("scenario=1.abc"));
        assert_eq!(link_part("#/edit"), None);
        assert_eq!(link_part(""), None);
    }
}
