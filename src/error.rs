//! Validation errors: each names the field by its path in the file and says why, in zh-CN and English.
//!
//! These are the only errors the core produces. Once a file has passed validation, simulation cannot fail.

use serde::Serialize;
use std::fmt;

/// The language of user-facing text. zh-CN is the default: it is our users' working language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// 简体中文.
    #[default]
    Zh,
    /// English.
    En,
}

/// What kind of thing an id refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RefKind {
    /// A village (村/社区).
    Village,
    /// A segment (人群).
    Segment,
    /// A product.
    Product,
    /// A channel (宣传载体).
    Channel,
    /// A phase (阶段).
    Phase,
    /// A target (目标).
    Target,
    /// An assessment rule (考核项).
    Rule,
}

impl RefKind {
    fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (RefKind::Village, Lang::Zh) => "村/社区",
            (RefKind::Segment, Lang::Zh) => "人群",
            (RefKind::Product, Lang::Zh) => "产品",
            (RefKind::Channel, Lang::Zh) => "宣传载体",
            (RefKind::Phase, Lang::Zh) => "阶段",
            (RefKind::Target, Lang::Zh) => "目标",
            (RefKind::Rule, Lang::Zh) => "考核项",
            (RefKind::Village, Lang::En) => "village",
            (RefKind::Segment, Lang::En) => "segment",
            (RefKind::Product, Lang::En) => "product",
            (RefKind::Channel, Lang::En) => "channel",
            (RefKind::Phase, Lang::En) => "phase",
            (RefKind::Target, Lang::En) => "target",
            (RefKind::Rule, Lang::En) => "assessment rule",
        }
    }
}

/// What a file that is not UTF-8 most likely is (see [`crate::format::import::decode_text`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EncodingGuess {
    /// UTF-16 (a byte-order mark FF FE or FE FF, or many NUL bytes): Notepad's "Unicode".
    Utf16,
    /// GBK/GB 18030 (ANSI on a Chinese Windows): every non-ASCII byte pairs into a GBK character.
    Gbk,
    /// Neither: probably not a text file at all.
    Unknown,
}

/// Why a field is wrong.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ErrorKind {
    /// The text is not valid JSON, or a value has the wrong type; `detail` is the parser's message.
    Syntax { detail: String },
    /// The file's `format_version` is not one this build reads (zero, or a version never released).
    UnsupportedVersion { found: u64, supported: u32 },
    /// The file was written by a newer Wuzha: its `format_version` is above the newest this build reads.
    /// Nothing of it is loaded.
    NewerVersion { found: u64, newest: u32 },
    /// The file is larger than this build opens (bytes); it is refused before it is read.
    FileTooLarge { bytes: u64, max: u64 },
    /// An id that differs from an earlier one (`other_path`, `other_id`) only in case, spaces, full-width forms
    /// or look-alike letters: the two would look like one village (segment, ...) to a reader.
    LookalikeId { id: String, other_id: String, other_path: String },
    /// A share above 0 but below `min`: too small to mean anything, and small enough to underflow.
    TooSmallShare { found: f64, min: f64 },
    /// Phases nested in a cycle: `chain` lists the ids around it (`a → b → a`).
    NestingCycle { chain: String },
    /// Last year's cases are absurd for the population: `per_thousand` cases per 1 000 residents in the year
    /// (`residents` in all villages), above `max`.
    TooManyCases { cases: f64, residents: f64, per_thousand: f64, max: f64 },
    /// A `\uD800`-`\uDFFF` escape that is not half of a surrogate pair: it stands for no character.
    LoneSurrogate { code_point: u32, line: u64 },
    /// A number that must be strictly greater than `min` (e.g. a sum of weights that must be above 0).
    NotAbove { found: f64, min: f64 },
    /// The bytes are not UTF-8 text (from byte `at` on); `guess` says what they most likely are, so that the
    /// message can say how to save the file as UTF-8.
    NotUtf8 { at: u64, guess: EncodingGuess },
    /// An id holds an invisible or direction-changing character (zero-width space, right-to-left override…),
    /// which would make two ids that look the same differ; `code_point` is the first one found.
    InvisibleCharacter { code_point: u32 },
    /// A name, id or list must not be empty.
    Empty,
    /// A number outside its allowed range (either bound may be open).
    OutOfRange { found: f64, min: Option<f64>, max: Option<f64> },
    /// A count that must be a whole number.
    NotWhole { found: f64 },
    /// Not a date `YYYY-MM-DD` between 2000 and 2100.
    BadDate { found: String },
    /// An end date before its start date.
    EndBeforeStart { start: String, end: String },
    /// A date outside the scenario period.
    OutsidePeriod { found: String, start: String, end: String },
    /// A reference to an id that does not exist.
    UnknownId { refers_to: RefKind, id: String },
    /// The same id used twice in one list.
    DuplicateId { id: String },
    /// Shares that must sum to 1 do not.
    SharesDoNotSum { sum: f64 },
    /// A list with the wrong number of entries.
    WrongLength { expected: usize, found: usize },
    /// A list longer than this build accepts.
    TooMany { max: usize, found: usize },
    /// A required field for this kind of entry is absent.
    Missing,
    /// Two fields contradict each other, e.g. more households than residents; `other` is the other field's path.
    Conflict { other: String },
    /// A field that does not apply here (e.g. `product` on a reach target).
    NotApplicable,
}

/// One bad field: where it is and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldError {
    /// Path of the field in the file, e.g. `villages[3].residents` (`.` for the whole file).
    pub path: String,
    /// Why it is wrong.
    #[serde(flatten)]
    pub kind: ErrorKind,
}

impl FieldError {
    /// An error at `path` of the given kind.
    pub fn new(path: impl Into<String>, kind: ErrorKind) -> FieldError {
        FieldError { path: path.into(), kind }
    }

    /// An error from the JSON parser (syntax or type) at `path`.
    pub fn from_serde(path: &str, detail: &str) -> FieldError {
        let path = if path.is_empty() { "." } else { path };
        FieldError::new(path, ErrorKind::Syntax { detail: detail.to_string() })
    }

    /// The full message, `path: reason`, in the given language.
    pub fn message(&self, lang: Lang) -> String {
        format!("{}: {}", clip(&self.path, 120), self.reason(lang))
    }

    /// The reason alone, in the given language.
    pub fn reason(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        // Text copied from a file (a bad date, an id, the parser's detail) is shown shortened: a hostile file
        // must not turn one message into megabytes.
        let clipped = |text: &str| clip(text, 60);
        match &self.kind {
            ErrorKind::Syntax { detail } => {
                let detail = clip(detail, 200);
                if zh {
                    format!("格式或类型错误（{detail}）")
                } else {
                    format!("malformed or wrong type ({detail})")
                }
            }
            ErrorKind::UnsupportedVersion { found, supported } => {
                if zh {
                    format!("文件格式版本 {found} 无法读取，本程序读取版本 {supported}")
                } else {
                    format!("format version {found} cannot be read; this build reads version {supported}")
                }
            }
            ErrorKind::NewerVersion { found, newest } => {
                if zh {
                    format!(
                        "此文件由更新版本的无诈推演保存（format_version 为 {found}，本程序最多读取版本 {newest}），\
                         未读取任何内容。请使用新版无诈推演打开"
                    )
                } else {
                    format!(
                        "this file was saved by a newer Wuzha (format_version {found}; this build reads up to \
                         version {newest}); nothing was loaded. Open it with a newer Wuzha"
                    )
                }
            }
            ErrorKind::FileTooLarge { bytes, max } => {
                if zh {
                    format!("文件过大（{bytes} 字节，上限 {max} 字节），未读取")
                } else {
                    format!("file too large ({bytes} bytes, limit {max}); not read")
                }
            }
            ErrorKind::NotUtf8 { at, guess } => not_utf8(*at, *guess, lang),
            ErrorKind::LoneSurrogate { .. }
            | ErrorKind::NotAbove { .. }
            | ErrorKind::LookalikeId { .. }
            | ErrorKind::TooSmallShare { .. }
            | ErrorKind::NestingCycle { .. }
            | ErrorKind::TooManyCases { .. } => limit_reason(&self.kind, lang),
            ErrorKind::InvisibleCharacter { code_point } => {
                if zh {
                    format!("含有不可见或改变文字方向的字符 U+{code_point:04X}，id 中不允许使用")
                } else {
                    format!("contains an invisible or direction-changing character (U+{code_point:04X}), not allowed in an id")
                }
            }
            ErrorKind::Empty => if zh { "不能为空" } else { "must not be empty" }.to_string(),
            ErrorKind::OutOfRange { found, min, max } => {
                let range = describe_range(*min, *max, lang);
                if zh {
                    format!("数值 {} 超出允许范围（{range}）", show_number(*found))
                } else {
                    format!("value {} is out of range ({range})", show_number(*found))
                }
            }
            ErrorKind::NotWhole { found } => {
                if zh {
                    format!("必须是整数，而不是 {}", show_number(*found))
                } else {
                    format!("must be a whole number, not {}", show_number(*found))
                }
            }
            ErrorKind::BadDate { found } => {
                let found = clipped(found);
                if zh {
                    format!("“{found}”不是有效日期（格式 YYYY-MM-DD，2000-2100年）")
                } else {
                    format!("\"{found}\" is not a valid date (YYYY-MM-DD, years 2000-2100)")
                }
            }
            ErrorKind::EndBeforeStart { start, end } => {
                if zh {
                    format!("结束日期 {end} 早于开始日期 {start}")
                } else {
                    format!("end date {end} is before start date {start}")
                }
            }
            ErrorKind::OutsidePeriod { found, start, end } => {
                if zh {
                    format!("日期 {found} 不在方案期间 {start} 至 {end} 内")
                } else {
                    format!("date {found} is outside the scenario period {start} to {end}")
                }
            }
            ErrorKind::UnknownId { refers_to, id } => {
                let id = clipped(id);
                if zh {
                    format!("没有 id 为“{id}”的{}", refers_to.name(lang))
                } else {
                    format!("there is no {} with id \"{id}\"", refers_to.name(lang))
                }
            }
            ErrorKind::DuplicateId { id } => {
                let id = clipped(id);
                if zh {
                    format!("id“{id}”重复")
                } else {
                    format!("id \"{id}\" is used more than once")
                }
            }
            ErrorKind::SharesDoNotSum { sum } => {
                if zh {
                    format!("各项占比之和应为 1，现为 {}", show_number(*sum))
                } else {
                    format!("shares must sum to 1, they sum to {}", show_number(*sum))
                }
            }
            ErrorKind::WrongLength { expected, found } => {
                if zh {
                    format!("应有 {expected} 项，现有 {found} 项")
                } else {
                    format!("must have {expected} entries, has {found}")
                }
            }
            ErrorKind::TooMany { max, found } => {
                if zh {
                    format!("最多 {max} 项，现有 {found} 项")
                } else {
                    format!("at most {max} entries, has {found}")
                }
            }
            ErrorKind::Missing => if zh { "缺少此项" } else { "is required here" }.to_string(),
            ErrorKind::Conflict { other } => {
                if zh {
                    format!("与 {other} 矛盾")
                } else {
                    format!("contradicts {other}")
                }
            }
            ErrorKind::NotApplicable => if zh { "此处不适用" } else { "does not apply here" }.to_string(),
        }
    }
}

/// Something a reader should know about a file that was read anyway: where it is and what it is.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldWarning {
    /// Path of the field in the file, e.g. `villages[0].population` (`.` for the whole file).
    pub path: String,
    /// What it is.
    #[serde(flatten)]
    pub kind: WarningKind,
}

/// The kind of a [`FieldWarning`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WarningKind {
    /// A field this build does not know (a misspelling, or written by a newer tool): it is kept and written back
    /// on save, but nothing uses it.
    UnknownField,
    /// The file was written in an older format version and converted when opened; saving writes version `to`.
    Migrated { from: u32, to: u32 },
    /// `last_year.loss_total_yuan` is given but last year's cases are 0: the loss is spread over no cases, so it
    /// is not used.
    LossWithoutCases,
}

impl FieldWarning {
    /// The full message, `path: what`, in the given language.
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let what = match &self.kind {
            WarningKind::UnknownField => {
                if zh {
                    "本程序不认识此字段：已原样保留（保存时写回），但不参与推演；如是拼写错误，请改正".to_string()
                } else {
                    "unknown field: kept as it is (written back on save) but not used; correct it if it is misspelt"
                        .to_string()
                }
            }
            WarningKind::LossWithoutCases => {
                if zh {
                    "填写了去年损失金额，但去年发案数为 0：损失无法分摊到各月，不参与推演；请核对发案数".to_string()
                } else {
                    "last year's loss is given but last year's cases are 0: the loss cannot be spread over months and \
                     is not used; check the cases"
                        .to_string()
                }
            }
            WarningKind::Migrated { from, to } => {
                if zh {
                    format!("文件为旧格式版本 {from}，打开时已转换为版本 {to}；保存时将写为版本 {to}")
                } else {
                    format!("the file is in the older format version {from}, converted to version {to} on opening; saving writes version {to}")
                }
            }
        };
        format!("{}: {what}", clip(&self.path, 120))
    }
}

impl fmt::Display for FieldWarning {
    /// The English message (logs and tests).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl fmt::Display for FieldError {
    /// The English message (logs and tests); the UI calls [`FieldError::message`] with its language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for FieldError {}

/// The reasons of the errors that guard the hard limits (lone surrogates, open bounds, look-alike ids, tiny
/// shares, nesting cycles, absurd case counts); [`FieldError::reason`] sends those kinds here.
fn limit_reason(kind: &ErrorKind, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let clip_id = |text: &str| clip(text, 60);
    match kind {
        ErrorKind::LoneSurrogate { code_point, line } => {
            if zh {
                format!(
                    "第 {line} 行的转义 \\u{code_point:04X} 是单独的代理项（surrogate），不代表任何字符；\
                         请删除它，或写成完整的一对（如 \\uD83D\\uDE00）"
                )
            } else {
                format!(
                    "the escape \\u{code_point:04X} on line {line} is a lone surrogate, which stands for no \
                         character; remove it or write a whole pair (such as \\uD83D\\uDE00)"
                )
            }
        }
        ErrorKind::NotAbove { found, min } => {
            if zh {
                format!("数值 {} 必须大于 {}", show_number(*found), show_number(*min))
            } else {
                format!("value {} must be greater than {}", show_number(*found), show_number(*min))
            }
        }
        ErrorKind::LookalikeId { id, other_id, other_path } => {
            let (id, other_id) = (clip_id(id), clip_id(other_id));
            if zh {
                format!(
                    "id“{id}”与 {other_path} 的“{other_id}”只在大小写、空格、全角/半角或形近字母上不同，\
                         看起来是同一个；请改用明显不同的 id"
                )
            } else {
                format!(
                    "id \"{id}\" differs from \"{other_id}\" at {other_path} only in case, spaces, full-width \
                         forms or look-alike letters, so the two look the same; use clearly different ids"
                )
            }
        }
        ErrorKind::TooSmallShare { found, min } => {
            if zh {
                format!("占比 {} 过小：应为 0 或至少 {}", show_number(*found), show_number(*min))
            } else {
                format!("share {} is too small: it must be 0 or at least {}", show_number(*found), show_number(*min))
            }
        }
        ErrorKind::NestingCycle { chain } => {
            let chain = clip(chain, 200);
            if zh {
                format!("阶段的上级阶段（parent）构成循环：{chain}")
            } else {
                format!("phases are nested in a cycle through their parents: {chain}")
            }
        }
        ErrorKind::TooManyCases { cases, residents, per_thousand, max } => {
            if zh {
                format!(
                    "去年发案 {} 起，常住人口 {} 人，相当于每千人 {} 起，超过上限每千人 {} 起；请核对数字",
                    show_number(*cases),
                    show_number(*residents),
                    show_number(*per_thousand),
                    show_number(*max)
                )
            } else {
                format!(
                    "{} cases last year for {} residents is {} per 1 000 residents, above the limit of {} per \
                         1 000; check the figures",
                    show_number(*cases),
                    show_number(*residents),
                    show_number(*per_thousand),
                    show_number(*max)
                )
            }
        }
        // Every other kind has its reason in `FieldError::reason`.
        _ => String::new(),
    }
}

/// The message for bytes that are not UTF-8, with how to save the file as UTF-8 when the encoding is recognised.
fn not_utf8(at: u64, guess: EncodingGuess, lang: Lang) -> String {
    const HOW_ZH: &str = "请用记事本打开，“另存为”时把“编码”选为 UTF-8；或在 WPS 中“文件 → 另存为”，\
                          选择“纯文本”并把编码选为 UTF-8，然后重新打开";
    const HOW_EN: &str = "open it in Notepad and \"Save As\" with Encoding \"UTF-8\", or in WPS use \
                          File → Save As, plain text, encoding UTF-8; then open it again";
    match (guess, lang) {
        (EncodingGuess::Utf16, Lang::Zh) => {
            format!("不是 UTF-8 文本：看起来是 UTF-16 编码（记事本的“Unicode”）。{HOW_ZH}")
        }
        (EncodingGuess::Utf16, Lang::En) => {
            format!("not UTF-8 text: it looks like UTF-16 (Notepad's \"Unicode\"); {HOW_EN}")
        }
        (EncodingGuess::Gbk, Lang::Zh) => {
            format!("不是 UTF-8 文本（第 {at} 字节处）：看起来是 GBK/ANSI 编码。{HOW_ZH}")
        }
        (EncodingGuess::Gbk, Lang::En) => {
            format!("not UTF-8 text (at byte {at}): it looks like GBK/ANSI (Chinese Windows); {HOW_EN}")
        }
        (EncodingGuess::Unknown, Lang::Zh) => {
            format!("不是 UTF-8 文本（第 {at} 字节处），可能不是方案文件（方案文件是 UTF-8 编码的 JSON 文本）")
        }
        (EncodingGuess::Unknown, Lang::En) => {
            format!("not UTF-8 text (at byte {at}); it may not be a scenario file (those are JSON text in UTF-8)")
        }
    }
}

/// `text` cut to at most `max_chars` characters, with `…` when something was cut.
fn clip(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

fn describe_range(min: Option<f64>, max: Option<f64>, lang: Lang) -> String {
    match (min, max, lang) {
        // A range whose ends come from other fields (e.g. at most a segment's smartphone share) can be empty
        // when one of those is wrong: say so rather than print it upside down.
        (Some(min), Some(max), Lang::Zh) if min > max => {
            format!("没有可取的值：上限 {} 小于下限 {}，上限取决于另一项，请先改正它", show_number(max), show_number(min))
        }
        (Some(min), Some(max), Lang::En) if min > max => format!(
            "no value fits: the upper bound {} is below the lower bound {}; it depends on another field, correct that first",
            show_number(max),
            show_number(min)
        ),
        (Some(min), Some(max), _) => format!("{} – {}", show_number(min), show_number(max)),
        (Some(min), None, _) => format!("≥ {}", show_number(min)),
        (None, Some(max), _) => format!("≤ {}", show_number(max)),
        (None, None, Lang::Zh) => "有限数值".to_string(),
        (None, None, Lang::En) => "a finite number".to_string(),
    }
}

/// A number as a person would write it: no trailing zeros, no exponent for ordinary sizes, and a short
/// exponent form (`1.0e308`, `4.9e-324`, six significant digits at most) for huge and tiny ones.
pub fn show_number(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let magnitude = value.abs();
    if magnitude >= 1e15 || (magnitude != 0.0 && magnitude < 1e-4) {
        let text = format!("{value:.5e}");
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        let mantissa = mantissa.trim_end_matches('0');
        let mantissa = if mantissa.ends_with('.') { format!("{mantissa}0") } else { mantissa.to_string() };
        return format!("{mantissa}e{exponent}");
    }
    if value == value.trunc() {
        return format!("{value:.0}");
    }
    let text = format!("{value:.6}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Warning messages for a reader: the first [`MAX_WARNINGS_SHOWN`] in full, then one line counting the rest, so a
/// file with 100 000 unknown fields gives 21 lines, not 100 000.
pub fn warning_lines(warnings: &[FieldWarning], lang: Lang) -> Vec<String> {
    let mut lines: Vec<String> =
        warnings.iter().take(MAX_WARNINGS_SHOWN).map(|warning| warning.message(lang)).collect();
    let rest = warnings.len().saturating_sub(MAX_WARNINGS_SHOWN);
    if rest > 0 {
        lines.push(match lang {
            Lang::Zh => format!("……另有 {rest} 条提示未列出（共 {} 条）", warnings.len()),
            Lang::En => format!("… and {rest} more warnings not shown ({} in all)", warnings.len()),
        });
    }
    lines
}

/// How many warnings [`warning_lines`] shows in full.
pub const MAX_WARNINGS_SHOWN: usize = 20;

#[cfg(test)]
mod tests {
    use super::*;

    fn check(kind: ErrorKind, zh: &str, en: &str) {
        let error = FieldError::new("villages[2].residents", kind);
        assert_eq!(error.message(Lang::Zh), format!("villages[2].residents: {zh}"));
        assert_eq!(error.message(Lang::En), format!("villages[2].residents: {en}"));
    }

    #[test]
    fn numbers_are_short_and_ranges_never_upside_down() {
        assert_eq!(show_number(1e308), "1.0e308");
        assert_eq!(show_number(5e-324), "4.94066e-324");
        assert_eq!(show_number(-2.5e20), "-2.5e20");
        assert_eq!(show_number(1e-7), "1.0e-7");
        assert_eq!(show_number(38_000.0), "38000");
        assert_eq!(show_number(0.125), "0.125");
        check(
            ErrorKind::OutOfRange { found: 1e308, min: Some(1.0), max: Some(2e6) },
            "数值 1.0e308 超出允许范围（1 – 2000000）",
            "value 1.0e308 is out of range (1 – 2000000)",
        );
        check(
            ErrorKind::OutOfRange { found: 0.5, min: Some(0.0), max: Some(-1.0) },
            "数值 0.5 超出允许范围（没有可取的值：上限 -1 小于下限 0，上限取决于另一项，请先改正它）",
            "value 0.5 is out of range (no value fits: the upper bound -1 is below the lower bound 0; it depends on \
             another field, correct that first)",
        );
        check(ErrorKind::NotAbove { found: 0.0, min: 0.0 }, "数值 0 必须大于 0", "value 0 must be greater than 0");
    }

    #[test]
    fn warnings_are_capped_with_a_count_of_the_rest() {
        let warnings: Vec<FieldWarning> =
            (0..100_000).map(|idx| FieldWarning { path: format!("x{idx}"), kind: WarningKind::UnknownField }).collect();
        let lines = warning_lines(&warnings, Lang::En);
        assert_eq!(lines.len(), MAX_WARNINGS_SHOWN + 1);
        assert_eq!(lines[MAX_WARNINGS_SHOWN], "… and 99980 more warnings not shown (100000 in all)");
        assert_eq!(warning_lines(&warnings[..3], Lang::Zh).len(), 3);
    }

    #[test]
    fn messages_name_the_field_in_both_languages() {
        check(
            ErrorKind::OutOfRange { found: -5.0, min: Some(1.0), max: None },
            "数值 -5 超出允许范围（≥ 1）",
            "value -5 is out of range (≥ 1)",
        );
        check(ErrorKind::NotWhole { found: 2.5 }, "必须是整数，而不是 2.5", "must be a whole number, not 2.5");
        check(
            ErrorKind::UnknownId { refers_to: RefKind::Phase, id: "rollout".into() },
            "没有 id 为“rollout”的阶段",
            "there is no phase with id \"rollout\"",
        );
        check(
            ErrorKind::SharesDoNotSum { sum: 0.95 },
            "各项占比之和应为 1，现为 0.95",
            "shares must sum to 1, they sum to 0.95",
        );
    }
}
