//! The file-format docs (`scenarios/README.md`) against the core's field table (`wuzha::model::fields`): for
//! every field of the table, the docs' row states the same unit, default and range. A failure names the field.
//!
//! The docs' tables under "字段 · Fields" have one row per field (`| `field` | unit | default | range | meaning |`,
//! a row may name several fields: `` `id`, `name` ``); a heading `### … · `villages[]`` gives the path prefix.
//! A field of an object described in its parent's row (`township.name`, `budget.total_yuan`) is read from the
//! parent's text: the range is the first `[min, max]` after the field's name.
//!
//! How the docs write the facts: a range is `[min, max]` (numbers such as `2 000 000`, `1e9`, `2^53`, `−1`; or a
//! field of the same row group, `[0, `points_max`]`, meaning that field's own bound); with several ranges in
//! one cell (`比例类 [0, 1]；同比类 [−1, 10]`) the table holds the widest. A default is a number, a parameter's
//! `value (low-high)`, or a formula (`0.9 × `points_max``) for a field with no single default; an empty cell,
//! `—` or words mean no default. A unit is the first word of the unit cell, after a map's `… id → `.

use wuzha::model::fields::{self, FieldDefault, FieldSpec, Unit};

const README: &str = include_str!("../../scenarios/README.md");

/// One row of a docs table: the field's full path (as the table writes patterns, without `[]`/`.*` at the
/// end) and its cells.
struct Row {
    path: String,
    cells: Vec<String>,
}

/// Every row of the field tables, with the section's prefix applied.
fn rows() -> Vec<Row> {
    let start = README.find("## 字段 · Fields").expect("the docs have a Fields section");
    let rest = &README[start + 1..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    let mut prefix = String::new();
    let mut rows = Vec::new();
    for line in rest[..end].lines() {
        if let Some(heading) = line.strip_prefix("### ") {
            prefix = heading.split('`').nth(1).map(str::to_string).unwrap_or_default();
            continue;
        }
        let Some(inner) = line.strip_prefix('|') else { continue };
        let cells: Vec<String> = inner.split('|').map(|cell| cell.trim().to_string()).collect();
        if cells.len() < 4 || !cells[0].starts_with('`') {
            continue;
        }
        for name in cells[0].split(',').map(|name| name.trim().trim_matches('`')) {
            let path = if prefix.is_empty() { name.to_string() } else { format!("{prefix}.{name}") };
            rows.push(Row { path, cells: cells.clone() });
        }
    }
    rows
}

/// A table pattern as the docs name it: `channels[].affinity.*` → `channels[].affinity`.
fn doc_path(field: &FieldSpec) -> &'static str {
    field.path.trim_end_matches(".*").trim_end_matches("[]")
}

/// A number as the docs write it.
fn number(text: &str) -> Option<f64> {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect::<String>().replace('−', "-");
    if let Some((base, exponent)) = text.split_once('^') {
        return Some(base.parse::<f64>().ok()?.powf(exponent.parse().ok()?));
    }
    text.parse().ok()
}

/// Every `[min, max]` in `text`, a bound that names a field (`` `points_max` ``) resolved by `resolve`.
fn ranges(text: &str, resolve: &dyn Fn(&str) -> Option<f64>) -> Result<Vec<(f64, f64)>, String> {
    let mut out = Vec::new();
    let mut rest = text;
    // `[a, b]` or, for an open lower bound, `(a, b]`.
    while let Some(open) = rest.find(['[', '(']) {
        let after = &rest[open + 1..];
        let close = after.find([']', ')']).ok_or_else(|| format!("an unclosed range in {text:?}"))?;
        let (low, high) =
            after[..close].split_once(',').ok_or_else(|| format!("a range without a comma in {text:?}"))?;
        let bound = |part: &str| match part.trim().strip_prefix('`').and_then(|name| name.strip_suffix('`')) {
            Some(name) => resolve(name).ok_or_else(|| format!("the bound `{name}` is no field with a bound")),
            None => number(part).ok_or_else(|| format!("the bound {part:?} is not a number")),
        };
        out.push((bound(low)?, bound(high)?));
        rest = &after[close + 1..];
    }
    Ok(out)
}

/// The docs' default cell as a table default: `Ok(None)` for none (or a formula), else the number or parameter.
fn default_of(cell: &str) -> Result<Option<FieldDefault>, String> {
    let lead: String = cell.chars().take_while(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '−' | 'e')).collect();
    let Some(value) = number(&lead) else { return Ok(None) };
    let rest = cell[lead.len()..].trim_start();
    if rest.starts_with('×') {
        return Ok(None);
    }
    let range = rest.strip_prefix('(').and_then(|inner| inner.split_once(')')).map(|(inner, _)| inner);
    match range.and_then(|inner| inner.split_once('-')) {
        Some((low, high)) => {
            let (low, high) = (number(low), number(high));
            match (low, high) {
                (Some(low), Some(high)) => Ok(Some(FieldDefault::Param { value, low, high })),
                _ => Err(format!("the default {cell:?} has an unreadable range")),
            }
        }
        None => Ok(Some(FieldDefault::Number(value))),
    }
}

/// The words the docs may write for a unit (the first word of the unit cell).
fn unit_words(unit: Unit) -> &'static [&'static str] {
    match unit {
        Unit::None => &["—", "文本", "日期", "整数", "倍"],
        Unit::People => &["人", "人次/单位"],
        Unit::Households => &["户"],
        Unit::Count => &["个"],
        Unit::Share => &["0-1"],
        Unit::Yuan => &["元", "元/单位", "元/个"],
        Unit::PerDay => &["每天"],
        Unit::Days => &["天"],
        Unit::Hours => &["小时"],
        Unit::HouseholdsPerHour => &["户/小时"],
        Unit::ContactsPerPerson => &["次/人"],
        Unit::Units => &["单位"],
        Unit::Cases => &["起"],
        Unit::Points => &["分", "分/百分点"],
        Unit::Percent => &["%"],
        Unit::Weight => &["权重"],
    }
}

/// The unit word of a unit cell: the first word after a map's `… → `.
fn unit_word(cell: &str) -> &str {
    let cell = cell.rsplit_once('→').map_or(cell, |(_, unit)| unit).trim();
    cell.split(|c: char| c.is_whitespace() || c == '（').next().unwrap_or("")
}

/// A default that equals a table default, a parameter with no range being a bare number.
fn same_default(doc: Option<FieldDefault>, table: Option<FieldDefault>) -> bool {
    match (doc, table) {
        (Some(FieldDefault::Number(doc)), Some(FieldDefault::Param { value, low, high })) => {
            doc == value && low == value && high == value
        }
        (doc, table) => doc == table,
    }
}

/// What is wrong with the docs of `field`, if anything.
fn check(field: &FieldSpec, rows: &[Row]) -> Result<(), String> {
    let path = doc_path(field);
    let bound_of = |name: &str| {
        let (parent, _) = path.rsplit_once('.').unwrap_or(("", path));
        let sibling = if parent.is_empty() { name.to_string() } else { format!("{parent}.{name}") };
        fields::fields().iter().find(|other| doc_path(other) == sibling).and_then(|other| other.limits().1)
    };
    let (range_text, default_cell, unit_cell) = match rows.iter().find(|row| row.path == path) {
        Some(row) => (row.cells[3].clone(), Some(row.cells[2].as_str()), Some(row.cells[1].as_str())),
        None => {
            // Described in its parent's row: `township` says `name`, `budget` says `total_yuan`（…, [0, 1e11]）.
            let (parent, name) = path.rsplit_once('.').ok_or("no row in the docs")?;
            let row = rows.iter().find(|row| row.path == parent).ok_or("no row in the docs (nor its parent's)")?;
            let meaning = row.cells.get(4).map_or("", String::as_str);
            let at = meaning.find(&format!("`{name}`")).ok_or("its parent's row does not mention it")?;
            let after = &meaning[at..];
            let mention = after.split_once('）').map_or(after, |(mention, _)| mention);
            (mention.to_string(), None, None)
        }
    };
    let found = ranges(&range_text, &bound_of)?;
    let widest =
        found.iter().copied().reduce(|(low, high), (other_low, other_high)| (low.min(other_low), high.max(other_high)));
    let table = field.limits();
    match (widest, table) {
        (None, (None, None)) => {}
        (Some((low, high)), (Some(min), Some(max))) if low == min && high == max => {}
        (doc, table) => return Err(format!("the docs give the range {doc:?}, the table {table:?}")),
    }
    if let Some(cell) = default_cell {
        let doc = default_of(cell)?;
        if !same_default(doc, field.default) {
            return Err(format!("the docs give the default {doc:?} ({cell:?}), the table {:?}", field.default));
        }
    }
    if let Some(cell) = unit_cell {
        let word = unit_word(cell);
        if !unit_words(field.unit).contains(&word) {
            return Err(format!("the docs give the unit {word:?} ({cell:?}), the table {:?}", field.unit));
        }
    }
    Ok(())
}

#[test]
fn the_docs_state_every_fields_range_default_and_unit_as_the_table() {
    let rows = rows();
    assert!(rows.len() > 60, "read only {} rows of field tables from scenarios/README.md", rows.len());
    let disagreements: Vec<String> = fields::fields()
        .iter()
        .filter_map(|field| check(field, &rows).err().map(|why| format!("{}: {why}", field.path)))
        .collect();
    assert!(
        disagreements.is_empty(),
        "scenarios/README.md and src/model/fields.rs disagree on {} field(s):\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

#[test]
fn the_docs_reader_reads_what_the_docs_write() {
    let none = |_: &str| None;
    assert_eq!(ranges("整数 [1, 2 000 000]，≤ `residents`", &none), Ok(vec![(1.0, 2e6)]));
    assert_eq!(ranges("比例类 [0, 1]；同比类 [−1, 10]", &none), Ok(vec![(0.0, 1.0), (-1.0, 10.0)]));
    assert_eq!(ranges("[0, 2^53]", &none), Ok(vec![(0.0, 9_007_199_254_740_992.0)]));
    assert_eq!(
        ranges("[0, `points_max`]", &|name: &str| (name == "points_max").then_some(1000.0)),
        Ok(vec![(0.0, 1000.0)])
    );
    assert!(ranges("[0, `nothing`]", &none).is_err());
    assert_eq!(
        default_of("0.0005 (0.0001-0.002)"),
        Ok(Some(FieldDefault::Param { value: 0.0005, low: 0.0001, high: 0.002 }))
    );
    assert_eq!(default_of("1（未列出的人群 unlisted segments）"), Ok(Some(FieldDefault::Number(1.0))));
    assert_eq!(default_of("0.9 × `points_max`"), Ok(None));
    assert_eq!(default_of("春节高峰分布"), Ok(None));
    assert_eq!(default_of(""), Ok(None));
    assert_eq!(unit_word("产品 id → 0-1"), "0-1");
    assert_eq!(unit_word("—（比例 0-1 或变化率 a share or a change）"), "—");
    assert_eq!(unit_word("人 people"), "人");
}
