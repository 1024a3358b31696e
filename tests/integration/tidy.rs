//! Tidy checks in the manner of rust-analyzer's `tidy.rs`: simple text scans of the sources that keep the house in
//! order. Each failure names the file, the line and the rule it breaks.
//!
//! The rules, for the target layout of the core (ARCHITECTURE.md):
//! 1. every `.rs` file under `src/` and `www/src/` opens with a `//!` comment saying what it is;
//! 2. no function in the core (`src/`, not `src/bin/`) is longer than [`MAX_FUNCTION_LINES`] lines;
//! 3. the dependency rule ([`PARTS_MUST_NOT_USE`]), under the parts' names or the old aliases: the leaves (date,
//!    error, vocab) use no other part; the file format uses only the leaves; the model never uses the engine; the
//!    engine never uses the file format, uncertainty (Monte Carlo), the planner, the exports or the office documents.
//!
//! The scans read code with comments and the contents of string and character literals blanked out, so a word in
//! a comment or a message never counts; they assume `cargo fmt` layout.

use std::path::{Path, PathBuf};

/// The longest a core function may be, from its `fn` line to its closing brace.
const MAX_FUNCTION_LINES: usize = 150;

/// The old paths that `src/lib.rs` keeps as aliases, with the part each belongs to.
const ALIASES: [(&str, &str); 9] = [
    ("wire", "format"),
    ("import", "format"),
    ("migrate", "format"),
    ("link", "format"),
    ("validate", "model"),
    ("simulate", "engine"),
    ("outcome", "engine"),
    ("montecarlo", "uncertainty"),
    ("optimise", "planner"),
];

/// The dependency rule, one row a part: the part (a folder under `src/`, or a leaf file without `.rs`) and the
/// parts it must never name. The layers, bottom up: the leaves date, error and vocab; format; model; engine;
/// uncertainty and export; planner and office.
const PARTS_MUST_NOT_USE: [(&str, &[&str]); 9] = [
    ("date", &["error", "vocab", "format", "model", "engine", "uncertainty", "planner", "export", "office"]),
    ("error", &["date", "vocab", "format", "model", "engine", "uncertainty", "planner", "export", "office"]),
    ("vocab", &["date", "error", "format", "model", "engine", "uncertainty", "planner", "export", "office"]),
    ("format", &["model", "engine", "uncertainty", "planner", "export", "office"]),
    ("model", &["engine", "uncertainty", "planner", "export", "office"]),
    ("engine", &["format", "uncertainty", "planner", "export", "office"]),
    ("uncertainty", &["planner", "office"]),
    ("export", &["uncertainty", "planner", "office"]),
    ("planner", &["office"]),
];

/// Whether `name` (a crate-root module or alias) belongs to one of `parts`.
fn names_a_part(name: &str, parts: &[&str]) -> bool {
    let part = ALIASES.iter().find(|(alias, _)| *alias == name).map_or(name, |(_, part)| *part);
    parts.contains(&part)
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir` (relative to the repository root), sorted, `target/` left out.
fn rust_files(dir: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if path.file_name().is_some_and(|name| name != "target") {
                    walk(&path, found);
                }
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(&root().join(dir), &mut found);
    found.sort();
    found
}

/// The path relative to the repository root, with `/`, for messages.
fn display(path: &Path) -> String {
    path.strip_prefix(root()).unwrap_or(path).to_string_lossy().replace('\\', "/")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Fails with every violation, one per line, if there are any.
fn report(rule: &str, violations: &[String]) {
    assert!(
        violations.is_empty(),
        "{} violation(s) of the rule \"{rule}\":\n{}",
        violations.len(),
        violations.join("\n")
    );
}

/// The code of `text` with comments and the contents of string and character literals replaced by spaces; line
/// breaks are kept, so line numbers stay the same.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut idx = 0;
    while idx < chars.len() {
        let c = chars[idx];
        let next = chars.get(idx + 1).copied();
        if c == '/' && next == Some('/') {
            while idx < chars.len() && chars[idx] != '\n' {
                out.push(' ');
                idx += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0usize;
            while idx < chars.len() {
                if chars[idx] == '/' && chars.get(idx + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    idx += 2;
                } else if chars[idx] == '*' && chars.get(idx + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    idx += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[idx]));
                    idx += 1;
                }
            }
        } else if c == 'r'
            && (next == Some('#') || next == Some('"'))
            && !is_ident_char(idx.checked_sub(1).map(|i| chars[i]))
        {
            // A raw string r"…" or r#"…"#.
            let mut hashes = 0;
            let mut end = idx + 1;
            while chars.get(end) == Some(&'#') {
                hashes += 1;
                end += 1;
            }
            if chars.get(end) != Some(&'"') {
                out.push(c);
                idx += 1;
                continue;
            }
            out.push_str(&" ".repeat(end - idx + 1));
            idx = end + 1;
            while idx < chars.len() {
                if chars[idx] == '"' && (1..=hashes).all(|k| chars.get(idx + k) == Some(&'#')) {
                    out.push_str(&" ".repeat(hashes + 1));
                    idx += hashes + 1;
                    break;
                }
                out.push(blank(chars[idx]));
                idx += 1;
            }
        } else if c == '"' {
            out.push(' ');
            idx += 1;
            while idx < chars.len() && chars[idx] != '"' {
                if chars[idx] == '\\' {
                    out.push(' ');
                    idx += 1;
                }
                if idx < chars.len() {
                    out.push(blank(chars[idx]));
                    idx += 1;
                }
            }
            out.push(' ');
            idx += 1;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{7b}') or a lifetime ('a, which has no closing quote).
            let close = if next == Some('\\') {
                (idx + 2..chars.len().min(idx + 12)).find(|&i| chars[i] == '\'')
            } else if chars.get(idx + 2) == Some(&'\'') {
                Some(idx + 2)
            } else {
                None
            };
            match close {
                Some(close) => {
                    out.push_str(&" ".repeat(close - idx + 1));
                    idx = close + 1;
                }
                None => {
                    out.push(c);
                    idx += 1;
                }
            }
        } else {
            out.push(c);
            idx += 1;
        }
    }
    out
}

fn is_ident_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// The name of the function a code line declares (`pub(crate) const fn name<T>(…)` → `name`), if it declares one.
fn declared_fn(line: &str) -> Option<&str> {
    let mut words = line.split_whitespace();
    loop {
        let word = words.next()?;
        let qualifier = word == "pub"
            || word.starts_with("pub(")
            || matches!(word, "const" | "async" | "unsafe" | "extern" | "default")
            || word.chars().all(|c| c == ' ' || c == '"');
        if word == "fn" {
            let name = words.next()?;
            let end = name.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(name.len());
            return (end > 0).then(|| &name[..end]);
        }
        if !qualifier {
            return None;
        }
    }
}

/// Every function of `code` with a body: (name, 1-based line of `fn`, lines from `fn` to the closing brace).
fn functions(code: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = code.lines().collect();
    let mut found = Vec::new();
    for (line_idx, line) in lines.iter().enumerate() {
        let Some(name) = declared_fn(line) else { continue };
        let mut depth = 0usize;
        let mut opened = false;
        'scan: for (end_idx, body_line) in lines.iter().enumerate().skip(line_idx) {
            for c in body_line.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => {
                        depth = depth.saturating_sub(1);
                        if opened && depth == 0 {
                            found.push((name.to_string(), line_idx + 1, end_idx - line_idx + 1));
                            break 'scan;
                        }
                    }
                    // A declaration without a body (a trait method, an extern fn).
                    ';' if !opened => break 'scan,
                    _ => {}
                }
            }
        }
    }
    found
}

/// The crate-root names a file's code refers to through `crate::…` or `super::…` paths, with their 1-based lines.
/// `module_depth` is how deep the file's module sits (src/engine/mod.rs: 1; src/engine/step.rs: 2), so that a
/// chain of `super::` that climbs to the crate root is read like `crate::`.
fn crate_root_names(code: &str, module_depth: usize) -> Vec<(usize, String)> {
    let chars: Vec<char> = code.chars().collect();
    let mut line_starts = vec![0];
    line_starts.extend(chars.iter().enumerate().filter(|(_, c)| **c == '\n').map(|(idx, _)| idx + 1));
    let line_of = |idx: usize| line_starts.partition_point(|&start| start <= idx);
    let mut found = Vec::new();
    let mut idx = 0;
    while idx < chars.len() {
        if is_ident_char(idx.checked_sub(1).map(|i| chars[i])) {
            idx += 1;
            continue;
        }
        let start = idx;
        // Count `crate::` (depth 0 at once) or a chain of `super::`.
        let mut at = idx;
        let reaches_root = if starts_with(&chars, at, "crate") {
            at = skip_separator(&chars, at + 5);
            at > start + 5
        } else {
            let mut n_super = 0;
            while starts_with(&chars, at, "super") {
                let after = skip_separator(&chars, at + 5);
                if after == at + 5 {
                    break;
                }
                n_super += 1;
                at = after;
            }
            n_super > 0 && n_super >= module_depth
        };
        if !reaches_root {
            idx += 1;
            continue;
        }
        for name in names_at(&chars, at) {
            found.push((line_of(start), name));
        }
        idx = at.max(idx + 1);
    }
    found
}

fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    let word: Vec<char> = word.chars().collect();
    chars.len() >= at + word.len()
        && chars[at..at + word.len()] == word[..]
        && !is_ident_char(chars.get(at + word.len()).copied())
}

/// The index after `::` (with any spaces or line breaks around it) at `at`, or `at` if there is none.
fn skip_separator(chars: &[char], at: usize) -> usize {
    let mut idx = at;
    while chars.get(idx).is_some_and(|c| c.is_whitespace()) {
        idx += 1;
    }
    if chars.get(idx) == Some(&':') && chars.get(idx + 1) == Some(&':') {
        idx += 2;
        while chars.get(idx).is_some_and(|c| c.is_whitespace()) {
            idx += 1;
        }
        idx
    } else {
        at
    }
}

/// The first path segment at `at` (`format` in `format::wire`), or every first segment of a `{…}` group
/// (`format`, `model` in `{format::wire, model::Scenario}`).
fn names_at(chars: &[char], at: usize) -> Vec<String> {
    let ident_at = |idx: usize| -> String { chars[idx..].iter().take_while(|c| is_ident_char(Some(**c))).collect() };
    if chars.get(at) != Some(&'{') {
        let name = ident_at(at);
        return if name.is_empty() { Vec::new() } else { vec![name] };
    }
    let mut names = Vec::new();
    let mut depth = 0usize;
    let mut expect_name = true;
    for (idx, &c) in chars.iter().enumerate().skip(at) {
        match c {
            '{' => {
                depth += 1;
                expect_name = depth == 1;
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => expect_name = true,
            c if expect_name && depth == 1 && is_ident_char(Some(c)) => {
                names.push(ident_at(idx));
                expect_name = false;
            }
            _ => {}
        }
    }
    names
}

/// How deep the module of a file under `src/` sits: src/lib.rs 0, src/engine/mod.rs 1, src/engine/step.rs 2.
fn module_depth(relative_to_src: &Path) -> usize {
    let n_parts = relative_to_src.components().count();
    match relative_to_src.file_name().and_then(|name| name.to_str()) {
        Some("mod.rs") | Some("lib.rs") | Some("main.rs") => n_parts - 1,
        _ => n_parts,
    }
}

#[test]
fn every_source_file_opens_with_a_doc_comment() {
    let mut violations = Vec::new();
    let files: Vec<PathBuf> = rust_files("src").into_iter().chain(rust_files("www/src")).collect();
    assert!(files.len() > 10, "found only {} source files under src/ and www/src/", files.len());
    for path in files {
        let text = read(&path);
        if !text.trim_start_matches('\u{feff}').starts_with("//!") {
            let first = text.lines().next().unwrap_or("");
            violations.push(format!("{}:1: does not open with `//!` (it opens with {first:?})", display(&path)));
        }
    }
    report("every .rs file under src/ and www/src/ opens with a `//!` comment saying what it is", &violations);
}

#[test]
fn no_core_function_is_longer_than_150_lines() {
    let mut violations = Vec::new();
    for path in rust_files("src") {
        if path.starts_with(root().join("src/bin")) {
            continue;
        }
        for (name, line, n_lines) in functions(&code_only(&read(&path))) {
            if n_lines > MAX_FUNCTION_LINES {
                violations.push(format!(
                    "{}:{line}: fn {name} is {n_lines} lines (at most {MAX_FUNCTION_LINES}); split it into named steps",
                    display(&path)
                ));
            }
        }
    }
    report("no function in the core (src/, not src/bin/) is longer than 150 lines", &violations);
}

#[test]
fn every_part_keeps_the_dependency_rule() {
    let mut violations = Vec::new();
    for (part, forbidden) in PARTS_MUST_NOT_USE {
        let dir = root().join("src").join(part);
        let file = root().join("src").join(format!("{part}.rs"));
        let paths = if dir.is_dir() {
            rust_files(&format!("src/{part}"))
        } else if file.is_file() {
            vec![file]
        } else {
            violations.push(format!("src/{part}:0: missing; the layout has a part {part} (a folder, or a leaf file)"));
            continue;
        };
        for path in paths {
            let relative = path.strip_prefix(root().join("src")).unwrap_or(&path).to_path_buf();
            let code = code_only(&read(&path));
            for (line, name) in crate_root_names(&code, module_depth(&relative)) {
                if names_a_part(&name, forbidden) {
                    violations.push(format!("{}:{line}: {part} uses crate::{name}", display(&path)));
                }
            }
        }
    }
    report(
        "dependency rule: date, error, vocab <- format <- model <- engine <- uncertainty, export <- planner, office",
        &violations,
    );
}

/// The scans themselves, on small inputs, so a broken scan cannot pass the checks above by finding nothing.
#[test]
fn the_scans_find_what_they_look_for() {
    let code = code_only(
        "//! Doc.\nuse crate::{model::X, format::wire};\nfn short() { let _ = \"crate::office {\"; }\n\
         pub(crate) fn long(\n    a: u8,\n) -> u8 {\n    let c = '{';\n    /* } */ a\n}\ntrait T { fn decl(&self); }\n",
    );
    assert_eq!(functions(&code), vec![("short".to_string(), 3, 1), ("long".to_string(), 4, 6)]);
    assert_eq!(crate_root_names(&code, 1), vec![(2, "model".to_string()), (2, "format".to_string())]);
    assert_eq!(crate_root_names("use super::super::export::csv;", 2), vec![(1, "export".to_string())]);
    assert_eq!(crate_root_names("use super::step::Buffers;", 2), Vec::<(usize, String)>::new());
    assert_eq!(crate_root_names("use super::format;", 1), vec![(1, "format".to_string())]);
    assert_eq!(module_depth(Path::new("engine/mod.rs")), 1);
    assert_eq!(module_depth(Path::new("engine/assemble/costs.rs")), 3);
    assert_eq!(declared_fn("    pub(crate) const fn name<T>(x: T) {"), Some("name"));
    assert_eq!(declared_fn("    let fn_name = 3;"), None);
}
