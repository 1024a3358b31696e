//! Tests of the editor's pure edits (`wuzha_www::edit`) and of the editor actions of the reducer: a field
//! set by path, rows added, removed and pasted, a phase moved, bad text kept with a message, undo.

#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;
use wuzha_www::edit::{self, EditError, Kind};
use wuzha_www::state::{Action, State};
use wuzha_www::words::Lang;
use yew::Reducible;

fn honglin() -> wuzha::ScenarioFile {
    wuzha::format::json::parse_json(include_str!("../../../scenarios/honglin-2022.json")).expect("the template parses")
}

fn after(actions: &[Action]) -> Rc<State> {
    actions.iter().cloned().fold(Rc::new(State::new(Lang::Zh)), |state, action| state.reduce(action))
}

fn edit(path: &str, text: &str) -> Action {
    Action::edit(path, text, true)
}

fn file(state: &State) -> &wuzha::ScenarioFile {
    state.file.as_ref().expect("a file")
}

fn cash(state: &State) -> f64 {
    state.result.as_ref().expect("a result").outcome.totals.cash_yuan
}

#[test]
fn paths_split_into_keys_and_indices() {
    use edit::Step::{Index, Key};
    let check = |path: &str, expected: Option<Vec<edit::Step>>| assert_eq!(edit::parse_path(path), expected, "{path}");
    check("villages[3].residents", Some(vec![Key("villages".into()), Index(3), Key("residents".into())]));
    check("last_year.cases_monthly[11]", Some(vec![Key("last_year".into()), Key("cases_monthly".into()), Index(11)]));
    check("budget.total_yuan", Some(vec![Key("budget".into()), Key("total_yuan".into())]));
    check("villages[x].name", None);
    check("villages[3", None);
    check("", None);
}

#[test]
fn specs_give_kind_and_range_as_validate_checks_them() {
    let check = |path: &str, kind: Kind, min: Option<f64>, max: Option<f64>| {
        let spec = edit::spec(path);
        assert_eq!((spec.kind, spec.min, spec.max), (kind, min, max), "{path}");
    };
    check("villages[0].residents", Kind::Int, Some(1.0), Some(2e6));
    check("products[0].q", Kind::Param, Some(0.0), Some(0.5));
    check("products[0].q.low", Kind::ParamBound, Some(0.0), Some(0.5));
    check("channels[2].adoption_lift.national_app", Kind::OptParam, Some(0.0), Some(10.0));
    check("budget.per_phase_yuan.mobilise", Kind::OptNumber, Some(0.0), Some(1e11));
    check("behaviour.awareness_half_life_days", Kind::Param, Some(1.0), Some(3650.0));
    check("schedule[0].village", Kind::OptRef, None, None);
    check("phases[1].start", Kind::Date, None, None);
}

#[test]
fn specs_take_range_unit_and_default_from_the_core_field_table() {
    use wuzha::model::fields::{self, FieldKind, Unit};
    for field in fields::fields() {
        let path = field.path.replace("[]", "[0]").replace(".*", ".some_id");
        let spec = edit::spec(&path);
        assert_eq!((spec.min, spec.max), field.limits(), "{path}");
        assert_eq!((spec.unit, spec.default), (field.unit, field.default), "{path}");
        let kinds: &[Kind] = match field.kind {
            FieldKind::Text => &[Kind::Text],
            FieldKind::Date => &[Kind::Date],
            FieldKind::Integer => &[Kind::Int],
            FieldKind::Number | FieldKind::Share => &[Kind::Number, Kind::OptNumber],
            FieldKind::Param => &[Kind::Param, Kind::OptParam],
        };
        assert!(kinds.contains(&spec.kind), "{path}: {:?} for {:?}", spec.kind, field.kind);
    }
    assert_eq!(edit::spec("villages[0].residents").unit, Unit::People);
    assert_eq!(edit::spec("assessment[1].points").kind, Kind::OptNumber);
}

#[test]
fn a_field_is_set_through_the_core_reader() {
    let file = honglin();
    let edited = edit::apply_text(&file, "villages[3].residents", "4000").expect("a whole number");
    assert_eq!(edited.villages[3].residents, 4000);
    assert_eq!(edit::apply_text(&file, "villages[3].residents", "4000.5"), Err(EditError::NotWhole("4000.5".into())));
    assert_eq!(edit::apply_text(&file, "villages[3].residents", "abc"), Err(EditError::NotANumber("abc".into())));
    // A parameter keeps its range and source when its value changes; its range can be given to a bare number.
    let q = edit::apply_text(&file, "products[0].q", "0.004").expect("a number");
    assert_eq!((q.products[0].q.value, q.products[0].q.low), (0.004, Some(0.001)));
    let bare = edit::apply_text(&file, "channels[0].staff_hours_per_unit", "3").expect("a number");
    assert_eq!(bare.channels[0].staff_hours_per_unit, 3.0);
    let ranged = edit::apply_text(&file, "behaviour.case_trend.high", "1.3").expect("a number");
    assert_eq!(ranged.behaviour.case_trend.high, Some(1.3));
    // Empty removes optional fields: the budget cap, a schedule line's village.
    let no_cap = edit::apply_text(&file, "budget.total_yuan", "").expect("no cap");
    assert_eq!(no_cap.budget.total_yuan, None);
    // A new map entry is created.
    let lifted = edit::apply_text(&file, "channels[0].adoption_lift.national_app", "0.5").expect("a number");
    assert_eq!(lifted.channels[0].adoption_lift["national_app"].value, 0.5);
    let unlifted = edit::apply_text(&lifted, "channels[0].adoption_lift.national_app", "").expect("removed");
    assert!(unlifted.channels[0].adoption_lift.is_empty(), "an emptied map entry is removed");
    check_spec_of_visits();
    assert_eq!(edit::apply_text(&file, "phases[0].start", "3月10日"), Err(EditError::BadDate("3月10日".into())));
}

#[test]
fn rows_are_added_and_removed_with_valid_defaults() {
    let file = honglin();
    for (table, _) in edit::TABLES {
        let added = edit::add_row(&file, table, "新行", "个").unwrap_or_else(|error| panic!("{table}: {error:?}"));
        let before = edit::to_value(&file).get(table).and_then(|rows| rows.as_array().map(Vec::len)).unwrap_or(0);
        let after = edit::to_value(&added).get(table).and_then(|rows| rows.as_array().map(Vec::len)).unwrap_or(0);
        assert!(after == before + 1 || (table == "assessment" && after > before), "{table}: {before} → {after}");
    }
    let added = edit::add_row(&file, "villages", "新村13", "个").expect("a row");
    assert_eq!(added.villages.len(), 13);
    assert_eq!(added.villages[12].id, "v01");
    assert!(wuzha::validate(&added).is_ok(), "a new village is valid");
    let removed = edit::remove_row(&added, "villages", 0).expect("a row");
    assert_eq!(removed.villages.len(), 12);
    assert_eq!(removed.villages[0].id, "hl02");
    assert!(matches!(edit::remove_row(&file, "villages", 99), Err(EditError::BadPath(_))));
    assert!(matches!(edit::add_row(&file, "nonsense", "x", "个"), Err(EditError::BadPath(_))));
}

#[test]
fn tab_separated_rows_parse_as_excel_and_wps_copy_them() {
    let check = |text: &str, expected: &[&[&str]]| {
        let rows = edit::parse_tsv(text);
        let expected: Vec<Vec<String>> =
            expected.iter().map(|row| row.iter().map(|c| c.to_string()).collect()).collect();
        assert_eq!(rows, expected, "{text:?}");
    };
    check("a\tb\r\nc\td\r\n", &[&["a", "b"], &["c", "d"]]);
    check("a\tb\nc\td", &[&["a", "b"], &["c", "d"]]);
    check("\n\na\t\"x\ty\"\n\n", &[&["a", "x\ty"]]);
    check("\"say \"\"hi\"\"\"\t2", &[&["say \"hi\"", "2"]]);
    check("", &[]);
}

#[test]
fn pasted_rows_are_appended_and_a_header_is_skipped() {
    let file = honglin();
    let text = "村名\t常住人口\t户数\t网格\t网格员\r\n新华村\t3100\t1000\t4\t5\r\n光明村\t2,800\t900\t3\t4\r\n";
    let pasted = edit::paste_rows(&file, "villages", text, "新村", "个").expect("two rows");
    assert_eq!(pasted.villages.len(), 14);
    assert_eq!((pasted.villages[12].name.as_str(), pasted.villages[12].residents), ("新华村", 3100));
    assert_eq!((pasted.villages[13].name.as_str(), pasted.villages[13].residents), ("光明村", 2800));
    assert_ne!(pasted.villages[12].id, pasted.villages[13].id, "fresh ids");
    let with_ids = edit::paste_rows(&file, "villages", "x1\t甲村\t100\t30\t1\t1", "新村", "个").expect("a row");
    assert_eq!(with_ids.villages[12].id, "x1");
    let bad = edit::paste_rows(&file, "villages", "甲村\t100\t30\t1\t1\n乙村\t很多\t30\t1\t1", "新村", "个");
    assert!(matches!(bad, Err(EditError::PasteCell { row: 2, column: 2, key: "residents", .. })), "{bad:?}");
    assert_eq!(edit::paste_rows(&file, "villages", "\n\n", "新村", "个"), Err(EditError::NothingToPaste));
}

#[test]
fn moving_a_phase_moves_its_nested_phases_and_resizing_does_not() {
    let file = honglin();
    let roll_out = file.phases.iter().position(|phase| phase.id == "rollout").expect("roll-out phase");
    let children = edit::descendants(&file, "rollout");
    assert!(!children.is_empty(), "the priority push is nested in roll-out");
    let child = children[0];
    let moved = edit::move_phase(&file, roll_out, "2022-03-22", "2023-01-01").expect("dates");
    assert_eq!(moved.phases[roll_out].start, "2022-03-22");
    assert_eq!(moved.phases[child].start, "2022-03-22", "the child moved one day too");
    let resized = edit::move_phase(&file, roll_out, "2022-03-21", "2022-11-30").expect("dates");
    assert_eq!(resized.phases[child], file.phases[child], "a resize leaves the child alone");
    assert_eq!(edit::phase_depth(&file, child), 1);
    let order = edit::phase_order(&file);
    let at = |idx: usize| order.iter().position(|other| *other == idx).expect("listed");
    assert_eq!(at(child), at(roll_out) + 1, "a child right after its parent");
    assert!(edit::overlaps(&file).iter().all(|(a, b)| *a != roll_out || *b != child), "nesting is not overlap");
}

#[test]
fn an_edit_changes_the_file_and_the_result_and_undo_restores_it() {
    let before = after(&[]);
    let state = after(&[edit("villages[0].residents", "20000")]);
    assert_eq!(file(&state).villages[0].residents, 20000);
    assert!(state.n_simulations > before.n_simulations);
    assert_ne!(cash(&state), cash(&before), "more residents, more reward paid");
    assert!(state.errors.is_empty());
    let undone = state.clone().reduce(Action::Undo);
    assert_eq!(file(&undone).villages[0].residents, file(&before).villages[0].residents);
}

#[test]
fn keystrokes_in_one_cell_make_one_undo_step() {
    let typing = |text: &str| Action::edit("villages[0].residents", text, false);
    let state = after(&[typing("7"), typing("70"), typing("700"), edit("villages[0].residents", "700")]);
    assert_eq!(file(&state).villages[0].residents, 700);
    let undone = state.reduce(Action::Undo);
    assert_eq!(file(&undone).villages[0].residents, 6120, "one step back to the template's figure");
}

#[test]
fn unreadable_text_is_kept_with_a_message_naming_the_field_and_range() {
    let good = after(&[]);
    let state = good.clone().reduce(edit("villages[3].residents", "abc"));
    assert_eq!(state.file, good.file, "the file is unchanged");
    assert_eq!(state.result, good.result, "the last valid result stays");
    assert_eq!(state.cell_texts.get("villages[3].residents").map(String::as_str), Some("abc"));
    let message = state.cell_errors.get("villages[3].residents").expect("an inline message");
    assert!(message.contains("常住人口") && message.contains("1 – 2000000"), "{message}");
    assert!(state.errors.iter().any(|error| error.message.contains("大塘村")), "the list names the village");
    let english = state.reduce(Action::SetLang(Lang::En));
    let message = english.cell_errors.get("villages[3].residents").expect("an inline message");
    assert!(message.starts_with("Residents") && message.contains("1 – 2000000"), "{message}");
}

#[test]
fn values_out_of_range_are_named_beside_their_cell() {
    let state = after(&[edit("villages[2].households", "999999")]);
    let message = state.cell_errors.get("villages[2].households").expect("the conflict with residents");
    assert_eq!(message, "户数：与“常住人口”矛盾");
    assert!(state.is_stale(), "the last valid result stays on screen");
    let param = after(&[edit("behaviour.case_trend", "20")]);
    let message = param.cell_errors.get("behaviour.case_trend").expect("out of range");
    assert!(message.contains("0 – 10"), "{message}");
}

#[test]
fn rows_are_added_removed_and_pasted_by_actions() {
    let added = after(&[Action::AddRow { table: "villages".into() }]);
    assert_eq!(file(&added).villages.len(), 13);
    assert_eq!(file(&added).villages[12].name, "新村13");
    assert!(added.errors.is_empty());
    let removed = added.clone().reduce(Action::RemoveRow { table: "villages".into(), index: 12 });
    assert_eq!(file(&removed).villages.len(), 12);
    let pasted = removed.reduce(Action::PasteRows {
        table: "villages".into(),
        text: "甲村\t100\t30\t1\t1\n乙村\t200\t60\t1\t1".into(),
    });
    assert_eq!(file(&pasted).villages.len(), 14);
    let refused = pasted
        .clone()
        .reduce(Action::PasteRows {
            table: "villages".into(), text: "甲村\tx\t30\t1\t1\n乙村\t很多\t30\t1\t1".into()
        });
    assert_eq!(refused.file, pasted.file);
    let (table, message) = refused.row_error.clone().expect("a message");
    assert_eq!(table, "villages");
    assert!(message.contains("第 2 行第 2 列"), "{message}");
    let back = pasted.reduce(Action::Undo).reduce(Action::Undo).reduce(Action::Undo);
    assert_eq!(file(&back).villages.len(), 12);
}

#[test]
fn a_moved_phase_is_one_step_and_changes_the_result() {
    let before = after(&[]);
    let idx = file(&before).phases.iter().position(|phase| phase.id == "priority_push").expect("the priority push");
    let moved = |start: &str, end: &str| Action::MovePhase { index: idx, start: start.into(), end: end.into() };
    let state = before.clone().reduce(moved("2022-04-01", "2022-06-21"));
    assert_eq!(file(&state).phases[idx].start, "2022-04-01");
    assert!(state.errors.is_empty());
    assert_ne!(cash(&state), cash(&before), "ten days less of rewards");
    assert_eq!(file(&state.clone().reduce(Action::Undo)).phases[idx].start, "2022-03-21");
    // Out of its parent (roll-out starts on 21 March): named beside the date, the last result kept.
    let outside = before.clone().reduce(moved("2022-03-01", "2022-06-21"));
    assert!(outside.is_stale());
    assert_eq!(outside.result, before.result);
    assert!(
        outside.cell_errors.keys().any(|path| path.starts_with(&format!("phases[{idx}]"))),
        "{:?}",
        outside.cell_errors
    );
}

#[test]
fn text_typed_on_the_way_to_a_number_is_kept_as_typed() {
    let typing = |text: &str| Action::edit("targets[0].threshold", text, false);
    let cleared = after(&[typing("")]);
    assert!(cleared.errors.is_empty(), "an emptied box is held back while typing");
    assert!(!cleared.can_undo(), "nothing changed yet");
    let state = after(&[typing(""), typing("0"), typing("0."), typing("0.5")]);
    assert_eq!(file(&state).targets[0].threshold, 0.5);
    let half_typed = after(&[typing(""), typing("0"), typing("0.")]);
    assert_eq!(half_typed.cell_texts.get("targets[0].threshold").map(String::as_str), Some("0."));
    let undone = state.reduce(Action::Undo);
    assert_eq!(file(&undone).targets[0].threshold, 0.8, "one step for the whole typing");
}

/// Every leaf of `value` with its path, as the core's errors write paths.
fn leaves(value: &serde_json::Value, path: String, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                let next = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                leaves(child, next, out);
            }
        }
        serde_json::Value::Array(items) => {
            for (idx, child) in items.iter().enumerate() {
                leaves(child, format!("{path}[{idx}]"), out);
            }
        }
        _ => out.push(path),
    }
}

#[test]
fn every_field_of_every_template_has_a_spec_a_label_and_round_trips() {
    for template in wuzha_www::templates::TEMPLATES {
        let file = wuzha::format::json::parse_json(template.json).expect("the template parses");
        let root = edit::to_value(&file);
        let mut paths = Vec::new();
        leaves(&root, String::new(), &mut paths);
        assert!(paths.len() > 50, "{}: only {} fields", template.id, paths.len());
        for path in paths {
            if path == "format_version" {
                continue;
            }
            let spec = edit::spec(&path);
            assert!(!spec.key.is_empty(), "{}: no spec for {path}", template.id);
            for lang in [Lang::Zh, Lang::En] {
                let label = wuzha_www::words::editor_field(lang, spec.key);
                assert!(label != "字段" && label != "Field", "{}: no label for {path}", template.id);
            }
            // Writing a field's own text back leaves the file as it was.
            let text = edit::cell_text(&root, &path);
            if spec.kind != Kind::IdList && spec.kind != Kind::Bool {
                let again = edit::apply_text(&file, &path, &text).unwrap_or_else(|error| panic!("{path}: {error:?}"));
                assert_eq!(again, file, "{}: {path} = {text:?} changed the file", template.id);
            }
        }
    }
}

#[test]
fn errors_about_a_whole_list_are_kept_by_their_path() {
    let state = after(&[edit("segments[0].share", "0.9")]);
    let message = state.cell_errors.get("segments[*].share").expect("the shares no longer sum to 1");
    assert!(message.starts_with("人口占比"), "{message}");
    assert!(state.is_stale());
}

#[test]
fn the_error_list_names_rows_by_their_name() {
    let state = after(&[edit("villages[2].households", "999999")]);
    let messages: Vec<&str> = state.errors.iter().map(|error| error.message.as_str()).collect();
    assert!(messages.iter().any(|message| message.starts_with("村/社区“桃园村”的户数：")), "{messages:?}");
    let english = state.reduce(Action::SetLang(Lang::En));
    let messages: Vec<&str> = english.errors.iter().map(|error| error.message.as_str()).collect();
    assert!(messages.iter().any(|message| message.starts_with("Households of village \"桃园村\": ")), "{messages:?}");
}

fn check_spec_of_visits() {
    assert_eq!(edit::spec("channels[2].visits_per_hour").kind, Kind::OptParam);
    assert_eq!(edit::spec("channels[2].visits_per_hour.low").kind, Kind::ParamBound);
    assert_eq!(edit::spec("channels[2].affinity.students").kind, Kind::OptNumber);
}

#[test]
fn a_share_typed_key_by_key_lands_in_the_file() {
    let typing = |text: &str| Action::edit("segments[0].share", text, false);
    let state = after(&[typing(""), typing("0"), typing("0."), typing("0.9"), edit("segments[0].share", "0.9")]);
    assert_eq!(file(&state).segments[0].share, 0.9);
}

#[test]
fn phases_sharing_one_boundary_day_do_not_overlap_but_longer_shared_spans_do() {
    let mut file = honglin();
    let tops: Vec<usize> = (0..file.phases.len()).filter(|idx| file.phases[*idx].parent.is_none()).collect();
    assert!(tops.len() >= 2, "two top-level phases in 洪林镇");
    let (a, b) = (tops[0], tops[1]);
    let dates = |file: &mut wuzha::ScenarioFile, a_dates: (&str, &str), b_dates: (&str, &str)| {
        file.phases[a].start = a_dates.0.to_string();
        file.phases[a].end = a_dates.1.to_string();
        file.phases[b].start = b_dates.0.to_string();
        file.phases[b].end = b_dates.1.to_string();
    };
    let pair = |file: &wuzha::ScenarioFile| edit::overlaps(file).contains(&(a, b));
    dates(&mut file, ("2022-03-10", "2022-03-13"), ("2022-03-13", "2022-03-21"));
    assert!(!pair(&file), "3/10-3/13 then 3/13-3/21 share only their boundary day");
    dates(&mut file, ("2022-03-13", "2022-03-21"), ("2022-03-10", "2022-03-13"));
    assert!(!pair(&file), "in either order");
    dates(&mut file, ("2022-03-10", "2022-03-14"), ("2022-03-13", "2022-03-21"));
    assert!(pair(&file), "two shared days are an overlap");
    dates(&mut file, ("2022-03-13", "2022-03-13"), ("2022-03-13", "2022-03-21"));
    assert!(pair(&file), "a one-day phase on the other's first day lies inside it");
}
