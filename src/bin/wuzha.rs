//! The `wuzha` command-line tool: check a scenario file, or simulate it and print CSV or a JSON summary;
//! the planner's commands (`optimise`, `frontier`, `sensitivity`) live in `cli/optimise.rs`.
//!
//! Exit codes: 0 success, 1 usage error, 2 the file cannot be read or is invalid. The only I/O of the
//! project's native side lives here; everything else is the pure `wuzha` library.

#[path = "cli/office.rs"]
mod office_cli;
#[path = "cli/optimise.rs"]
mod optimise_cli;

use std::process::ExitCode;
use wuzha::model::validate;
use wuzha::uncertainty::{self as montecarlo, MonteCarloConfig, MAX_RUNS};
use wuzha::{export, Lang};

/// Files larger than this are refused before reading: the core's limit, shared with the app.
const MAX_FILE_BYTES: u64 = wuzha::MAX_FILE_BYTES as u64;

const USAGE: &str = "\
wuzha — 无诈推演 township anti-fraud campaign planner

USAGE:
    wuzha check FILE [--lang zh|en]
    wuzha simulate FILE [--format json|csv] [--lang zh|en]
    wuzha simulate FILE --runs N [--seed S] [--format json|csv] [--lang zh|en]

COMMANDS:
    check       Validate a scenario file: a one-line summary (exit 0) or every bad field (exit 2)
    simulate    Run the deterministic simulation: --format json (default) prints a summary of targets,
                totals, budget, checkpoints and the assessment; --format csv prints one row per day.
                With --runs N (1-100000), run N Monte Carlo runs (parameter draws and process noise)
                instead: json prints each target's probability of being met, the cases moved by chance
                alone, distributions of cash, cases, loss and the score, and monthly bands; csv prints
                one row per day with <series>_p10, _p50, _p90 and _mean columns. --seed S (0 to 2^64-1)
                replaces the scenario's seed; it needs --runs. More runs than fit in about 30 s by an
                estimate from the file's size are refused (exit 2) with the largest N that fits.

FILE may be - for standard input. At most 5 MB is read from any file, pipe or device. A job estimated
to take more than about 30 s (--runs N here, --runs and --points for the planner) is refused before it
starts, with the estimate and the most that fits (exit 1).

Exit codes: 0 ok, 1 usage error (or a job over the work budget), 2 unreadable or invalid file.";

#[derive(Debug, PartialEq)]
enum Command {
    Check,
    Simulate { format: Format, monte_carlo: Option<MonteCarloArgs> },
}

/// `--runs` and `--seed` as given.
#[derive(Debug, PartialEq, Clone, Copy)]
struct MonteCarloArgs {
    n_runs: usize,
    /// `None`: the scenario's seed.
    seed: Option<u64>,
}

#[derive(Debug, PartialEq, Clone, Copy)]
enum Format {
    Json,
    Csv,
}

#[derive(Debug)]
struct Args {
    command: Command,
    path: String,
    lang: Lang,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut iter = args.iter();
    let command_name = iter.next().ok_or("missing command")?;
    let mut path = None;
    let mut format = Format::Json;
    let mut format_given = false;
    let mut lang = Lang::Zh;
    let mut n_runs: Option<usize> = None;
    let mut seed: Option<u64> = None;
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--runs" => {
                let value = iter.next().map(String::as_str).unwrap_or("nothing");
                n_runs = match value.parse::<usize>() {
                    Ok(0) => return Err("--runs must be at least 1".into()),
                    Ok(n) if n <= MAX_RUNS => Some(n),
                    Ok(_) => return Err(format!("--runs takes at most {MAX_RUNS} runs, not {value}")),
                    Err(_) if value.bytes().all(|byte| byte.is_ascii_digit()) && !value.is_empty() => {
                        return Err(format!("--runs takes at most {MAX_RUNS} runs, not {value}"))
                    }
                    Err(_) => return Err(format!("--runs takes a whole number of runs (1-{MAX_RUNS}), not {value}")),
                };
            }
            "--seed" => {
                let value = iter.next().map(String::as_str).unwrap_or("nothing");
                seed = match value.parse::<u64>() {
                    Ok(seed) => Some(seed),
                    Err(_) => return Err(format!("--seed takes a whole number from 0 to 2^64-1, not {value}")),
                };
            }
            "--format" => {
                format_given = true;
                format = match iter.next().map(String::as_str) {
                    Some("json") => Format::Json,
                    Some("csv") => Format::Csv,
                    other => return Err(format!("--format takes json or csv, not {}", other.unwrap_or("nothing"))),
                }
            }
            "--lang" => {
                lang = match iter.next().map(String::as_str) {
                    Some("zh") => Lang::Zh,
                    Some("en") => Lang::En,
                    other => return Err(format!("--lang takes zh or en, not {}", other.unwrap_or("nothing"))),
                }
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            file if path.is_none() => path = Some(file.to_string()),
            extra => return Err(format!("unexpected argument {extra}")),
        }
    }
    let path = path.ok_or("missing FILE")?;
    let command = match command_name.as_str() {
        "check" if format_given => return Err("check takes no --format".into()),
        "check" if n_runs.is_some() || seed.is_some() => return Err("check takes no --runs or --seed".into()),
        "check" => Command::Check,
        "simulate" => {
            let monte_carlo = match (n_runs, seed) {
                (None, Some(_)) => {
                    return Err("--seed needs --runs (the deterministic simulation draws nothing)".into())
                }
                (None, None) => None,
                (Some(n_runs), seed) => Some(MonteCarloArgs { n_runs, seed }),
            };
            Command::Simulate { format, monte_carlo }
        }
        other => return Err(format!("unknown command {other}")),
    };
    Ok(Args { command, path, lang })
}

/// Reads the file (or standard input for `-`) as UTF-8 text, refusing huge or non-text input with a message in
/// `lang`. The limit is on the stream itself: at most `MAX_FILE_BYTES + 1` bytes are ever read, so a pipe, a
/// device (`/dev/zero`) or a file whose reported size is wrong cannot make the tool read forever.
fn read_text(path: &str, lang: Lang) -> Result<String, String> {
    use std::io::Read;
    let zh = lang == Lang::Zh;
    let cannot_read = |error: std::io::Error| {
        if zh {
            format!("{path}: 无法读取文件（{error}）")
        } else {
            format!("{path}: cannot read ({error})")
        }
    };
    let too_large = |size: String| {
        if zh {
            format!("{path}: 文件过大（{size} 字节，上限 {MAX_FILE_BYTES} 字节）")
        } else {
            format!("{path}: file too large ({size} bytes, limit {MAX_FILE_BYTES})")
        }
    };
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin().lock().take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(cannot_read)?;
    } else {
        let file = std::fs::File::open(path).map_err(cannot_read)?;
        // A regular file that says it is too large is refused without reading; the reported size is only a
        // shortcut, the `take` below is the limit.
        if let Ok(size) = file.metadata().map(|meta| meta.len()) {
            if size > MAX_FILE_BYTES {
                return Err(too_large(size.to_string()));
            }
        }
        file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(cannot_read)?;
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(if zh {
            format!("超过 {MAX_FILE_BYTES}")
        } else {
            format!("more than {MAX_FILE_BYTES}")
        }));
    }
    wuzha::format::import::decode_text(bytes).map_err(|error| format!("{path}: {}", error.reason(lang)))
}

/// Runs `check` or `simulate`; `Err((exit code, message))`: 2 for an unreadable or invalid file, 1 for a job
/// over the work budget (a usage error: the flag asks for too much).
fn run(args: &Args) -> Result<String, (u8, String)> {
    let text = read_text(&args.path, args.lang).map_err(|message| (2, message))?;
    let to_lines = |errors: &[wuzha::FieldError]| {
        errors.iter().map(|error| format!("{}: {}", args.path, error.message(args.lang))).collect::<Vec<_>>().join("\n")
    };
    let imported = wuzha::import(&text).map_err(|errors| (2, to_lines(&errors)))?;
    // Warnings (a migrated version, unknown fields kept) go to stderr, so stdout stays clean JSON or CSV.
    // At most the first 20 in full, then a count of the rest.
    let label = if args.lang == Lang::Zh { "提示" } else { "warning" };
    for line in wuzha::error::warning_lines(&imported.warnings, args.lang) {
        eprintln!("{}: {label}: {line}", args.path);
    }
    let scenario = validate::validate(&imported.file).map_err(|errors| (2, to_lines(&errors)))?;
    match args.command {
        Command::Check => Ok(format!("{}\n", scenario.summary_line(args.lang))),
        Command::Simulate { format, monte_carlo: Some(monte_carlo) } => {
            // The work budget, before any work: refuse a job that would run for minutes or hours (exit 1, naming
            // --runs, the estimate and the most runs that fit).
            if let Some(refusal) = wuzha::uncertainty::runs_refusal(&scenario, monte_carlo.n_runs, "--runs", args.lang)
            {
                return Err((1, refusal));
            }
            let config = MonteCarloConfig {
                n_runs: monte_carlo.n_runs,
                seed: monte_carlo.seed.unwrap_or(scenario.seed),
                noise: true,
            };
            let summary = montecarlo::run_batch(&scenario, &config, |_| {});
            match format {
                Format::Csv => Ok(summary.daily_csv()),
                Format::Json => serde_json::to_string_pretty(&summary.compact())
                    .map(|json| json + "\n")
                    .map_err(|error| (2, format!("internal error: {error}"))),
            }
        }
        Command::Simulate { format, monte_carlo: None } => {
            let outcome = wuzha::simulate(&scenario);
            match format {
                Format::Csv => Ok(export::daily_csv(&outcome)),
                Format::Json => serde_json::to_string_pretty(&outcome.summary())
                    .map(|json| json + "\n")
                    .map_err(|error| (2, format!("internal error: {error}"))),
            }
        }
    }
}

/// The usage text: the simulator's commands, then the planner's.
fn usage() -> String {
    format!("{USAGE}\n\n{}\n\n{}", optimise_cli::USAGE, office_cli::USAGE)
}

/// `optimise`, `frontier` or `sensitivity`: parse, read and validate the file, run; exit 0, 1 or 2.
fn run_planner(command: optimise_cli::PlanCommand, raw: &[String]) -> ExitCode {
    // The language first, so that every later message can be in it.
    let lang = match raw.iter().position(|arg| arg == "--lang").and_then(|idx| raw.get(idx + 1)) {
        Some(value) if value == "en" => Lang::En,
        _ => Lang::Zh,
    };
    let args = match optimise_cli::parse(command, &raw[1..], lang) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("wuzha: {message}\n\n{}", usage());
            return ExitCode::from(1);
        }
    };
    let parsed = read_text(&args.path, lang).and_then(|text| {
        validate::parse_scenario(&text).map_err(|errors| {
            errors.iter().map(|error| format!("{}: {}", args.path, error.message(lang))).collect::<Vec<_>>().join("\n")
        })
    });
    let (file, scenario) = match parsed {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    match optimise_cli::run(&args, &file, &scenario) {
        Ok(output) => {
            use std::io::Write;
            let _ = std::io::stdout().lock().write_all(output.as_bytes());
            ExitCode::SUCCESS
        }
        Err((code, message)) => {
            eprintln!("wuzha: {message}");
            ExitCode::from(code)
        }
    }
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    if raw.iter().any(|arg| arg == "--help" || arg == "-h") || raw.is_empty() {
        println!("{}", usage());
        return if raw.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS };
    }
    if let Some(code) = office_cli::dispatch(&raw) {
        return code;
    }
    if let Some(command) = raw.first().and_then(|name| optimise_cli::PlanCommand::from_name(name)) {
        return run_planner(command, &raw);
    }
    let args = match parse_args(&raw) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("wuzha: {message}\n\n{}", usage());
            return ExitCode::from(1);
        }
    };
    match run(&args) {
        Ok(output) => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (e.g. `| head`) is not an error worth a panic.
            let _ = stdout.write_all(output.as_bytes());
            ExitCode::SUCCESS
        }
        Err((code, message)) => {
            eprintln!("{message}");
            ExitCode::from(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<Args, String> {
        parse_args(&line.split_whitespace().map(String::from).collect::<Vec<_>>())
    }

    #[test]
    fn parses_commands_and_options() {
        let args = parse("simulate a.json --format csv --lang en").expect("valid");
        assert_eq!(args.command, Command::Simulate { format: Format::Csv, monte_carlo: None });
        assert_eq!(args.path, "a.json");
        assert_eq!(args.lang, Lang::En);
        let args = parse("simulate a.json --runs 50 --seed 9").expect("valid");
        assert_eq!(
            args.command,
            Command::Simulate { format: Format::Json, monte_carlo: Some(MonteCarloArgs { n_runs: 50, seed: Some(9) }) }
        );
        let args = parse("simulate a.json --runs 100000").expect("valid");
        assert_eq!(
            args.command,
            Command::Simulate {
                format: Format::Json,
                monte_carlo: Some(MonteCarloArgs { n_runs: 100_000, seed: None })
            }
        );
        assert_eq!(parse("check a.json").expect("valid").command, Command::Check);
        for bad in [
            "check",
            "simulate a.json --format xml",
            "frobnicate a.json",
            "check a.json b.json",
            "check a.json --format csv",
            "check a.json --verbose",
            "simulate a.json --seed 7",
            "simulate a.json --runs 0",
            "simulate a.json --runs 100001",
            "simulate a.json --runs 99999999999999999999999",
            "simulate a.json --runs -3",
            "simulate a.json --runs 1.5",
            "simulate a.json --runs",
            "simulate a.json --runs 10 --seed -1",
            "simulate a.json --runs 10 --seed x",
            "check a.json --runs 10",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
