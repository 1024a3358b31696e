//! The `wuzha` command-line tool: check a scenario file, or simulate it and print CSV or a JSON summary.
//!
//! Exit codes: 0 success, 1 usage error, 2 the file cannot be read or is invalid. The only I/O of the
//! project's native side lives here; everything else is the pure `wuzha` library.

use std::process::ExitCode;
use wuzha::{export, validate, Lang};

/// Files larger than this are refused before parsing (a scenario is normally well under 1 MB).
const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

const USAGE: &str = "\
wuzha — 无诈推演 township anti-fraud campaign planner

USAGE:
    wuzha check FILE [--lang zh|en]
    wuzha simulate FILE [--format json|csv] [--lang zh|en]

COMMANDS:
    check       Validate a scenario file: a one-line summary (exit 0) or every bad field (exit 2)
    simulate    Run the deterministic simulation: --format json (default) prints a summary of targets,
                totals, budget, checkpoints and the assessment; --format csv prints one row per day

Exit codes: 0 ok, 1 usage error, 2 unreadable or invalid file.";

#[derive(Debug, PartialEq)]
enum Command {
    Check,
    Simulate { format: Format },
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
    while let Some(arg) = iter.next() {
        match arg.as_str() {
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
        "check" => Command::Check,
        "simulate" => Command::Simulate { format },
        other => return Err(format!("unknown command {other}")),
    };
    Ok(Args { command, path, lang })
}

/// Reads the file as UTF-8 text, refusing huge or non-text files with a message in `lang`.
fn read_text(path: &str, lang: Lang) -> Result<String, String> {
    let zh = lang == Lang::Zh;
    let size = std::fs::metadata(path).map(|meta| meta.len());
    match size {
        Err(error) => {
            return Err(if zh {
                format!("{path}: 无法读取文件（{error}）")
            } else {
                format!("{path}: cannot read ({error})")
            })
        }
        Ok(size) if size > MAX_FILE_BYTES => {
            return Err(if zh {
                format!("{path}: 文件过大（{size} 字节，上限 {MAX_FILE_BYTES} 字节）")
            } else {
                format!("{path}: file too large ({size} bytes, limit {MAX_FILE_BYTES})")
            })
        }
        Ok(_) => {}
    }
    let bytes = std::fs::read(path).map_err(|error| {
        if zh {
            format!("{path}: 无法读取文件（{error}）")
        } else {
            format!("{path}: cannot read ({error})")
        }
    })?;
    String::from_utf8(bytes).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        if zh {
            format!("{path}: 不是 UTF-8 文本（第 {at} 字节处）")
        } else {
            format!("{path}: not UTF-8 text (at byte {at})")
        }
    })
}

fn run(args: &Args) -> Result<String, String> {
    let text = read_text(&args.path, args.lang)?;
    let (_file, scenario) = validate::parse_scenario(&text).map_err(|errors| {
        errors.iter().map(|error| format!("{}: {}", args.path, error.message(args.lang))).collect::<Vec<_>>().join("\n")
    })?;
    match args.command {
        Command::Check => Ok(format!("{}\n", scenario.summary_line(args.lang))),
        Command::Simulate { format } => {
            let outcome = wuzha::simulate(&scenario);
            match format {
                Format::Csv => Ok(export::daily_csv(&outcome)),
                Format::Json => serde_json::to_string_pretty(&outcome.summary())
                    .map(|json| json + "\n")
                    .map_err(|error| format!("internal error: {error}")),
            }
        }
    }
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    if raw.iter().any(|arg| arg == "--help" || arg == "-h") || raw.is_empty() {
        println!("{USAGE}");
        return if raw.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS };
    }
    let args = match parse_args(&raw) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("wuzha: {message}\n\n{USAGE}");
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
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
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
        assert_eq!(args.command, Command::Simulate { format: Format::Csv });
        assert_eq!(args.path, "a.json");
        assert_eq!(args.lang, Lang::En);
        assert_eq!(parse("check a.json").expect("valid").command, Command::Check);
        for bad in [
            "check",
            "simulate a.json --format xml",
            "frobnicate a.json",
            "check a.json b.json",
            "check a.json --format csv",
            "check a.json --verbose",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
