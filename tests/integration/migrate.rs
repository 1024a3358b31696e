//! Format versions and migration: a fixture for every released version opens in this build, every migration
//! step is exercised by a fixture, a newer file is refused whole with its own message, and fields this build
//! does not know are kept (written back on save) and reported with their path.

use crate::common;

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use wuzha::format::migrate::{self, Step};
use wuzha::{ErrorKind, FieldError, Lang, WarningKind, FORMAT_VERSION};

fn fixture_dir(version: u32) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(format!("format-v{version}"))
}

/// Every `*.json` fixture of `version`, with its text.
fn fixtures(version: u32) -> Vec<(PathBuf, String)> {
    let mut found: Vec<(PathBuf, String)> = std::fs::read_dir(fixture_dir(version))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
                .map(|path| {
                    let text = std::fs::read_to_string(&path).unwrap_or_default();
                    (path, text)
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

#[test]
fn a_fixture_of_every_released_version_opens_validates_and_simulates() {
    for version in migrate::OLDEST_VERSION..=FORMAT_VERSION {
        let files = fixtures(version);
        assert!(
            !files.is_empty(),
            "no fixture in {} for released format version {version}",
            fixture_dir(version).display()
        );
        for (path, text) in files {
            let imported = wuzha::import(&text).unwrap_or_else(|errors| panic!("{}: {errors:?}", path.display()));
            assert_eq!(imported.from_version, version, "{}", path.display());
            assert_eq!(imported.file.format_version, FORMAT_VERSION, "{}: not migrated", path.display());
            let migrated = imported.warnings.iter().any(|w| matches!(w.kind, WarningKind::Migrated { .. }));
            assert_eq!(migrated, version < FORMAT_VERSION, "{}: {:?}", path.display(), imported.warnings);
            let scenario =
                wuzha::validate(&imported.file).unwrap_or_else(|errors| panic!("{}: {errors:?}", path.display()));
            let outcome = wuzha::simulate(&scenario);
            assert!(outcome.totals.cash_yuan.is_finite() && outcome.totals.cash_yuan > 0.0, "{}", path.display());
        }
    }
    assert!(!fixture_dir(FORMAT_VERSION + 1).exists(), "a fixture directory for a version this build does not write");
}

#[test]
fn every_migration_step_is_exercised_by_a_fixture() {
    for step in migrate::STEPS {
        // A fixture of version v passes through every step from v up to the current version.
        let exercised = (migrate::OLDEST_VERSION..=step.from).any(|version| !fixtures(version).is_empty());
        assert!(
            exercised,
            "migration step {} → {} ({}) is exercised by no fixture",
            step.from,
            step.from + 1,
            step.change
        );
    }
    assert_eq!(migrate::STEPS.len() as u32, FORMAT_VERSION - migrate::OLDEST_VERSION);
}

fn rename_population(file: &mut Value) -> Result<(), FieldError> {
    for village in file["villages"].as_array_mut().into_iter().flatten() {
        if let Some(object) = village.as_object_mut() {
            if let Some(people) = object.remove("people") {
                object.insert("residents".into(), people);
            }
        }
    }
    Ok(())
}

fn refuse_everything(_: &mut Value) -> Result<(), FieldError> {
    Err(FieldError::new("villages", ErrorKind::Missing))
}

/// A made-up history: version 1 called residents `people`; version 2 → 3 changed nothing.
const MADE_UP: &[Step] = &[
    Step { from: 1, change: "villages[].people is renamed residents", apply: rename_population },
    Step { from: 2, change: "nothing", apply: |_| Ok(()) },
];

#[test]
fn steps_run_in_order_and_set_the_version() {
    let mut file = common::minimal();
    file["villages"][0]["people"] = file["villages"][0]["residents"].take();
    if let Some(village) = file["villages"][0].as_object_mut() {
        village.remove("residents");
    }
    let passed = migrate::run_steps(&mut file, 1, 3, MADE_UP).expect("a chain 1 → 3");
    assert_eq!(passed, vec![1, 2]);
    assert_eq!(file["format_version"], json!(3));
    assert_eq!(file["villages"][0]["residents"], json!(1000));
    assert_eq!(migrate::run_steps(&mut file, 3, 3, MADE_UP).map(|passed| passed.len()), Ok(0));
}

#[test]
fn a_missing_or_failing_step_refuses_the_file() {
    let mut file = common::minimal();
    let missing = migrate::run_steps(&mut file, 1, 4, MADE_UP).err().map(|error| error.kind);
    assert!(matches!(missing, Some(ErrorKind::UnsupportedVersion { found: 1, supported: 4 })), "{missing:?}");
    let failing = [Step { from: 1, change: "fails", apply: refuse_everything }];
    assert_eq!(migrate::run_steps(&mut file, 1, 2, &failing).err().map(|error| error.path), Some("villages".into()));
}

#[test]
fn a_newer_file_is_refused_whole_with_its_own_message() {
    for newer in [u64::from(FORMAT_VERSION) + 1, 99, u64::MAX] {
        let mut value = common::minimal();
        value["format_version"] = json!(newer);
        value["villages"] = json!("even a broken rest of the file gives only this error");
        let errors = wuzha::import(&value.to_string()).err().unwrap_or_default();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].kind, ErrorKind::NewerVersion { found: newer, newest: FORMAT_VERSION });
        let zh = errors[0].message(Lang::Zh);
        assert!(
            zh.starts_with("format_version: ") && zh.contains("更新版本") && zh.contains(&newer.to_string()),
            "{zh}"
        );
        assert!(errors[0].message(Lang::En).contains("saved by a newer Wuzha"));
    }
    let mut value = common::minimal();
    value["format_version"] = json!(0);
    let errors = wuzha::import(&value.to_string()).err().unwrap_or_default();
    assert!(matches!(errors[0].kind, ErrorKind::UnsupportedVersion { found: 0, .. }), "{errors:?}");
    value["format_version"] = json!("1");
    assert_eq!(common::error_paths(&value.to_string()), vec!["format_version".to_string()]);
}

#[test]
fn unknown_fields_are_kept_reported_and_written_back() {
    let text = std::fs::read_to_string(fixture_dir(1).join("bom-and-extras.json")).unwrap_or_default();
    let imported = wuzha::import(&text).expect("a file with extra fields opens");
    let paths: Vec<&str> = imported.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(paths, ["villages[0].population_2020", "products[0].q.reviewed_by", "county_code"]);
    for warning in &imported.warnings {
        assert_eq!(warning.kind, WarningKind::UnknownField);
        assert!(warning.message(Lang::Zh).contains("已原样保留"), "{}", warning.message(Lang::Zh));
        assert!(warning.message(Lang::En).starts_with(&format!("{}: unknown field", warning.path)));
    }
    // Save → open: the fields are written back where they were and the plan is unchanged.
    let saved = wuzha::format::json::to_json(&imported.file);
    let saved_value: Value = serde_json::from_str(&saved).expect("saved JSON");
    assert_eq!(saved_value["county_code"], json!("431224"));
    assert_eq!(saved_value["villages"][0]["population_2020"], json!(3105));
    assert_eq!(saved_value["products"][0]["q"]["reviewed_by"], json!("县反诈中心"));
    assert!(saved.trim_start().starts_with("{\n  \"format_version\": 1,"), "field order kept: {}", &saved[..40]);
    let reopened = wuzha::import(&saved).expect("the saved file opens");
    assert_eq!(reopened.file, imported.file);
    assert_eq!(reopened.warnings, imported.warnings);
    // The same plan without the extras simulates identically; the fingerprint tells the two files apart.
    let plain = wuzha::import(&std::fs::read_to_string(fixture_dir(1).join("qiaojiang-2021.json")).unwrap_or_default())
        .expect("plain fixture");
    assert_eq!(wuzha::validate(&plain.file), wuzha::validate(&imported.file));
    assert_ne!(
        wuzha::format::fingerprint::fingerprint(&plain.file),
        wuzha::format::fingerprint::fingerprint(&imported.file)
    );
}
