//! The office commands: `import-plan` (a 实施方案 as .txt or .docx → a scenario draft), `export --format xlsx`
//! (the workbook) and `report` (the 实施方案 draft as .docx). The documents are built by `wuzha::office`; this
//! file reads and writes the files.

use std::path::Path;
use wuzha::office::{self, PlanDraft};
use wuzha::Lang;

/// The usage lines of these commands.
pub const USAGE: &str = "\
OFFICE COMMANDS:
    wuzha import-plan FILE.txt|FILE.docx [--year YYYY] [--out F.json] [--format json|text] [--lang zh|en]
                Read a 实施方案 (simplified or traditional script) into a scenario draft. --out writes the
                scenario file; stdout gets the draft (json: file, review list, escalation rules, sources) or a
                readable summary (text, the default). --year gives the year of \"20xx\" and of dates without one.
    wuzha export FILE --format xlsx|csv --out F [--runs N] [--seed S] [--lang zh|en]
                Write the Excel workbook of a scenario and its simulation (inputs, daily series, months against
                last year, villages, costs; with --runs N also the Monte Carlo bands), or the daily CSV.
    wuzha report FILE --out F.docx [--runs N] [--seed S] [--lang zh|en]
                Write the 实施方案 draft (A4, 公文 layout) with an annex of projected results.";

/// The largest plan document read (bytes).
const MAX_PLAN_BYTES: u64 = 20 * 1024 * 1024;

/// Parsed `import-plan` arguments.
#[derive(Debug, PartialEq)]
pub struct ImportArgs {
    /// The plan's file.
    pub path: String,
    /// `--year`.
    pub year: Option<i32>,
    /// `--out`.
    pub out: Option<String>,
    /// `--format json`.
    pub json: bool,
    /// `--lang`.
    pub lang: Lang,
}

/// Parses `import-plan` arguments (after the command name).
pub fn parse_import(args: &[String]) -> Result<ImportArgs, String> {
    let mut iter = args.iter();
    let mut parsed = ImportArgs { path: String::new(), year: None, out: None, json: false, lang: Lang::Zh };
    while let Some(arg) = iter.next() {
        let mut value = |name: &str| iter.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--year" => {
                let text = value("--year")?;
                parsed.year = match text.parse::<i32>() {
                    Ok(year) if (2000..=2100).contains(&year) => Some(year),
                    _ => return Err(format!("--year takes a year from 2000 to 2100, not {text}")),
                };
            }
            "--out" => parsed.out = Some(value("--out")?),
            "--format" => {
                parsed.json = match value("--format")?.as_str() {
                    "json" => true,
                    "text" => false,
                    other => return Err(format!("--format takes json or text, not {other}")),
                }
            }
            "--lang" => {
                parsed.lang = match value("--lang")?.as_str() {
                    "zh" => Lang::Zh,
                    "en" => Lang::En,
                    other => return Err(format!("--lang takes zh or en, not {other}")),
                }
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            file if parsed.path.is_empty() => parsed.path = file.to_string(),
            extra => return Err(format!("unexpected argument {extra}")),
        }
    }
    if parsed.path.is_empty() {
        return Err("missing FILE".into());
    }
    Ok(parsed)
}

/// Reads a file of at most `max` bytes.
pub fn read_bytes(path: &str, max: u64, lang: Lang) -> Result<Vec<u8>, String> {
    let zh = lang == Lang::Zh;
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() > max => {
            return Err(if zh {
                format!("{path}: 文件过大（{} 字节，上限 {max} 字节）", meta.len())
            } else {
                format!("{path}: file too large ({} bytes, limit {max})", meta.len())
            })
        }
        Ok(_) => {}
        Err(error) => {
            return Err(if zh {
                format!("{path}: 无法读取文件（{error}）")
            } else {
                format!("{path}: cannot read ({error})")
            })
        }
    }
    std::fs::read(path).map_err(|error| {
        if zh {
            format!("{path}: 无法读取文件（{error}）")
        } else {
            format!("{path}: cannot read ({error})")
        }
    })
}

/// Writes bytes to a file, with a message in `lang` on failure.
pub fn write_bytes(path: &str, bytes: &[u8], lang: Lang) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|error| {
        if lang == Lang::Zh {
            format!("{path}: 无法写入（{error}）")
        } else {
            format!("{path}: cannot write ({error})")
        }
    })
}

/// The plan's text from a .docx or a text file (UTF-8, or UTF-16 with a byte-order mark).
pub fn plan_text(path: &str, bytes: &[u8], lang: Lang) -> Result<String, String> {
    let is_docx = Path::new(path).extension().is_some_and(|ext| ext.eq_ignore_ascii_case("docx"))
        || bytes.starts_with(b"PK\x03\x04");
    if is_docx {
        return office::docx_text(bytes).map_err(|error| match lang {
            Lang::Zh => format!("{path}: {}", error.zh()),
            Lang::En => format!("{path}: {error}"),
        });
    }
    if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        let units: Vec<u16> = rest.chunks_exact(2).map(|pair| u16::from_le_bytes([pair[0], pair[1]])).collect();
        return Ok(String::from_utf16_lossy(&units));
    }
    String::from_utf8(bytes.to_vec()).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        match lang {
            Lang::Zh => format!("{path}: 不是 UTF-8 文本（第 {at} 字节处）；请另存为 UTF-8 或 .docx"),
            Lang::En => format!("{path}: not UTF-8 text (at byte {at}); save it as UTF-8 or .docx"),
        }
    })
}

/// A readable summary of a draft.
pub fn draft_summary(draft: &PlanDraft, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let file = &draft.file;
    let mut out = String::new();
    let line = |out: &mut String, text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(&mut out, format!("{}: {}", if zh { "方案" } else { "plan" }, file.name));
    line(
        &mut out,
        format!(
            "{}: {} ({} – {})",
            if zh { "乡镇" } else { "township" },
            file.township.name,
            file.start_date,
            file.end_date
        ),
    );
    line(&mut out, format!("{}:", if zh { "阶段" } else { "phases" }));
    for phase in &file.phases {
        let parent = phase.parent.as_ref().map(|parent| format!(" ⊂ {parent}")).unwrap_or_default();
        line(&mut out, format!("  {} {} {} – {}{parent}", phase.id, phase.name, phase.start, phase.end));
    }
    line(&mut out, format!("{}:", if zh { "目标" } else { "targets" }));
    for target in &file.targets {
        line(&mut out, format!("  {} {:?} {} {}", target.name, target.metric, target.threshold, target.deadline));
    }
    line(&mut out, format!("{}:", if zh { "奖励" } else { "rewards" }));
    for reward in &file.rewards {
        line(&mut out, format!("  {} {} {} 元", reward.phase, reward.product, reward.yuan_per_install));
    }
    line(&mut out, format!("{}:", if zh { "下限" } else { "floors" }));
    for floor in &file.floors {
        line(
            &mut out,
            format!("  {} ≥ {} {}", floor.channel, floor.min_units_per_village, floor.phase.as_deref().unwrap_or("-")),
        );
    }
    if !draft.escalations.is_empty() {
        line(&mut out, format!("{}:", if zh { "问责升级" } else { "escalations" }));
        for rule in &draft.escalations {
            line(&mut out, format!("  {:?}: {}", rule.action, rule.trigger));
        }
    }
    line(&mut out, format!("{} ({}):", if zh { "待核对" } else { "to review" }, draft.review.len()));
    for item in &draft.review {
        line(
            &mut out,
            format!(
                "  - {}{}",
                item.path.as_deref().map(|path| format!("[{path}] ")).unwrap_or_default(),
                item.message
            ),
        );
    }
    out
}

/// Runs `import-plan`: the output for stdout, or (exit code, message).
pub fn run_import(args: &ImportArgs) -> Result<String, (u8, String)> {
    let bytes = read_bytes(&args.path, MAX_PLAN_BYTES, args.lang).map_err(|message| (2, message))?;
    let text = plan_text(&args.path, &bytes, args.lang).map_err(|message| (2, message))?;
    let draft = office::read_plan(&text, args.year, args.lang);
    if let Some(out) = &args.out {
        write_bytes(out, wuzha::format::json::to_json(&draft.file).as_bytes(), args.lang)
            .map_err(|message| (2, message))?;
    }
    if args.json {
        serde_json::to_string_pretty(&draft)
            .map(|json| json + "\n")
            .map_err(|error| (2, format!("internal error: {error}")))
    } else {
        Ok(draft_summary(&draft, args.lang))
    }
}

/// Parsed `export` / `report` arguments.
#[derive(Debug, PartialEq)]
pub struct DocumentArgs {
    /// The scenario file.
    pub path: String,
    /// `--out`.
    pub out: String,
    /// `--format xlsx` (true) or `csv`; `report` is always .docx.
    pub xlsx: bool,
    /// `--runs`.
    pub n_runs: Option<usize>,
    /// `--seed`.
    pub seed: Option<u64>,
    /// `--lang`.
    pub lang: Lang,
}

/// Parses `export` (with `--format`) or `report` arguments (after the command name).
pub fn parse_document(args: &[String], report: bool) -> Result<DocumentArgs, String> {
    let mut iter = args.iter();
    let mut path = None;
    let mut out = None;
    let mut xlsx = None;
    let mut n_runs = None;
    let mut seed = None;
    let mut lang = Lang::Zh;
    while let Some(arg) = iter.next() {
        let mut value = |name: &str| iter.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--out" => out = Some(value("--out")?),
            "--format" if !report => {
                xlsx = Some(match value("--format")?.as_str() {
                    "xlsx" => true,
                    "csv" => false,
                    other => return Err(format!("--format takes xlsx or csv, not {other}")),
                })
            }
            "--runs" => {
                let text = value("--runs")?;
                n_runs = match text.parse::<usize>() {
                    Ok(n) if (1..=wuzha::uncertainty::MAX_RUNS).contains(&n) => Some(n),
                    _ => return Err(format!("--runs takes 1 to {} runs, not {text}", wuzha::uncertainty::MAX_RUNS)),
                };
            }
            "--seed" => {
                let text = value("--seed")?;
                seed = Some(text.parse::<u64>().map_err(|_| format!("--seed takes a whole number, not {text}"))?);
            }
            "--lang" => {
                lang = match value("--lang")?.as_str() {
                    "zh" => Lang::Zh,
                    "en" => Lang::En,
                    other => return Err(format!("--lang takes zh or en, not {other}")),
                }
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            file if path.is_none() => path = Some(file.to_string()),
            extra => return Err(format!("unexpected argument {extra}")),
        }
    }
    if seed.is_some() && n_runs.is_none() {
        return Err("--seed needs --runs".into());
    }
    let path = path.ok_or("missing FILE")?;
    let out = out.ok_or("missing --out F")?;
    let xlsx = if report { false } else { xlsx.ok_or("export needs --format xlsx or csv")? };
    Ok(DocumentArgs { path, out, xlsx, n_runs, seed, lang })
}

/// Runs `export` or `report`: reads and simulates the scenario, writes the document; the line for stdout.
pub fn run_document(args: &DocumentArgs, report: bool) -> Result<String, (u8, String)> {
    let bytes = read_bytes(&args.path, wuzha::MAX_FILE_BYTES as u64, args.lang).map_err(|message| (2, message))?;
    let text = String::from_utf8(bytes).map_err(|_| (2, format!("{}: not UTF-8 text", args.path)))?;
    let (file, scenario) = wuzha::model::validate::parse_scenario(&text).map_err(|errors| {
        let lines: Vec<String> =
            errors.iter().map(|error| format!("{}: {}", args.path, error.message(args.lang))).collect();
        (2, lines.join("\n"))
    })?;
    let outcome = wuzha::simulate(&scenario);
    let monte_carlo = args.n_runs.map(|n_runs| {
        let config =
            wuzha::uncertainty::MonteCarloConfig { n_runs, seed: args.seed.unwrap_or(scenario.seed), noise: true };
        wuzha::uncertainty::run_batch(&scenario, &config, |_| {})
    });
    let bytes = if report {
        office::plan_document(&file, &outcome, monte_carlo.as_ref(), args.lang)
    } else if args.xlsx {
        office::workbook(&file, &outcome, monte_carlo.as_ref(), args.lang)
    } else {
        wuzha::export::for_spreadsheets(&wuzha::export::daily_csv(&outcome)).into_bytes()
    };
    write_bytes(&args.out, &bytes, args.lang).map_err(|message| (2, message))?;
    Ok(if args.lang == Lang::Zh {
        format!("已写入 {}（{} 字节）\n", args.out, bytes.len())
    } else {
        format!("wrote {} ({} bytes)\n", args.out, bytes.len())
    })
}

/// Runs an office command if `raw` (the arguments after the program name) names one.
pub fn dispatch(raw: &[String]) -> Option<std::process::ExitCode> {
    use std::io::Write;
    let lang = match raw.iter().position(|arg| arg == "--lang").and_then(|idx| raw.get(idx + 1)) {
        Some(value) if value == "en" => Lang::En,
        _ => Lang::Zh,
    };
    let result = match raw.first().map(String::as_str) {
        Some("import-plan") => match parse_import(&raw[1..]) {
            Ok(args) => run_import(&args),
            Err(message) => Err((1, format!("{message}\n\n{USAGE}"))),
        },
        Some(name @ ("export" | "report")) => {
            let report = name == "report";
            match parse_document(&raw[1..], report) {
                Ok(args) => run_document(&args, report),
                Err(message) => Err((1, format!("{message}\n\n{USAGE}"))),
            }
        }
        _ => return None,
    };
    let _ = lang;
    Some(match result {
        Ok(output) => {
            let _ = std::io::stdout().lock().write_all(output.as_bytes());
            std::process::ExitCode::SUCCESS
        }
        Err((code, message)) => {
            eprintln!("wuzha: {message}");
            std::process::ExitCode::from(code)
        }
    })
}
