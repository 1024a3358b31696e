//! Words of the error list and of every error message.

use super::*;

words! {
    /// A fixed text of the error list and of every error message.
    Errors {
        /// Heading of the error list.
        ErrorsHeading => ("请检查以下输入", "Please check these inputs"),
        /// Heading of the error list while the last valid result stays on screen.
        StaleNotice => ("输入有误，请修改后继续：", "Invalid input; please correct it:"),
        /// Ribbon over the results while they are those of the last valid input.
        StaleRibbon => ("以下指标和图表显示的是上一次有效的推演结果", "The figures and charts below show the last valid result"),
        /// Shown when no valid result exists at all.
        NoResult => ("暂无有效的推演结果", "No valid result yet"),
    }
}

/// A field of another target or phase than the selected one, e.g. `目标“6月底注册率80%”的截止日期`.
pub fn field_of(lang: Lang, owner: Text, owner_name: &str, field: Text) -> String {
    match lang {
        Lang::Zh => format!("{}“{owner_name}”的{}", text(lang, owner), text(lang, field)),
        Lang::En => format!("{} of {} \"{owner_name}\"", text(lang, field), text(lang, owner).to_lowercase()),
    }
}

/// An error message: the field's name, then why.
pub fn field_error(lang: Lang, field: &str, reason: &str) -> String {
    match lang {
        Lang::Zh => format!("{field}：{reason}"),
        Lang::En => format!("{field}: {reason}"),
    }
}

/// Why an entry is not a number.
pub fn not_a_number(lang: Lang, raw: &str) -> String {
    match (lang, raw.trim().is_empty()) {
        (Lang::Zh, true) => "请输入数值".to_string(),
        (Lang::En, true) => "please enter a number".to_string(),
        (Lang::Zh, false) => format!("“{}”不是有效的数值", raw.trim()),
        (Lang::En, false) => format!("\"{}\" is not a number", raw.trim()),
    }
}

/// An allowed range, e.g. `允许 1 – 2000000 的整数`; empty when the field has no range.
pub fn allowed_range(lang: Lang, min: Option<f64>, max: Option<f64>, whole: bool) -> String {
    let show = |value: f64| crate::numbers::decimal(value, 6);
    let range = match (min, max) {
        (Some(min), Some(max)) => format!("{} – {}", show(min), show(max)),
        (Some(min), None) => format!("≥ {}", show(min)),
        (None, Some(max)) => format!("≤ {}", show(max)),
        (None, None) => return String::new(),
    };
    match (lang, whole) {
        (Lang::Zh, true) => format!("允许 {range} 的整数"),
        (Lang::Zh, false) => format!("允许 {range}"),
        (Lang::En, true) => format!("a whole number in {range}"),
        (Lang::En, false) => format!("allowed {range}"),
    }
}

/// Why a typed value was not used, with the field's allowed range, e.g.
/// `常住人口：“abc”不是有效的数值（允许 1 – 2000000 的整数）`.
pub fn edit_error(lang: Lang, label: &str, error: &crate::edit::EditError, range: &str) -> String {
    use crate::edit::EditError;
    let with_range = |reason: String| {
        if range.is_empty() {
            reason
        } else if lang == Lang::Zh {
            format!("{reason}（{range}）")
        } else {
            format!("{reason} ({range})")
        }
    };
    let reason = match error {
        EditError::NotANumber(raw) => with_range(not_a_number(lang, raw)),
        EditError::NotWhole(raw) => with_range(match lang {
            Lang::Zh => format!("“{raw}”不是整数"),
            Lang::En => format!("\"{raw}\" is not a whole number"),
        }),
        EditError::NotASeed(raw) => not_a_seed(lang, raw),
        EditError::BadDate(raw) => match lang {
            Lang::Zh => format!("“{raw}”不是有效日期（格式 YYYY-MM-DD）"),
            Lang::En => format!("\"{raw}\" is not a date (YYYY-MM-DD)"),
        },
        EditError::BadPath(path) => match lang {
            Lang::Zh => format!("方案中没有字段 {path}"),
            Lang::En => format!("the plan has no field {path}"),
        },
        EditError::TooMany(max) => match lang {
            Lang::Zh => format!("最多 {max} 行"),
            Lang::En => format!("at most {max} rows"),
        },
        EditError::PasteCell { row, column, key, reason } => {
            let inner = edit_error(lang, editor_field(lang, key), reason, "");
            match lang {
                Lang::Zh => format!("粘贴的第 {row} 行第 {column} 列 {inner}；未添加任何行"),
                Lang::En => format!("pasted row {row}, column {column}: {inner}; no rows were added"),
            }
        }
        EditError::NothingToPaste => match lang {
            Lang::Zh => "没有可粘贴的行".to_string(),
            Lang::En => "there are no rows to paste".to_string(),
        },
        EditError::Rejected(error) => error.reason(lang),
    };
    field_error(lang, label, &reason)
}

/// A field of a row, e.g. `村/社区“桃园村”的常住人口` or `Residents of village "桃园村"`.
pub fn row_field(lang: Lang, table_label: &str, row_name: &str, field: &str) -> String {
    match lang {
        Lang::Zh => format!("{table_label}“{row_name}”的{field}"),
        Lang::En => format!("{field} of {} \"{row_name}\"", table_label.to_lowercase()),
    }
}

/// Two fields that contradict each other, e.g. `与“常住人口”矛盾` (more households than residents).
pub fn conflicts_with(lang: Lang, other: &str) -> String {
    match lang {
        Lang::Zh => format!("与“{other}”矛盾"),
        Lang::En => format!("contradicts {other}"),
    }
}

/// Why a seed cannot be read.
pub fn not_a_seed(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Zh => format!("“{text}”不是有效的种子，应为 0 到 9007199254740991 之间的整数"),
        Lang::En => format!("\"{text}\" is not a valid seed: use a whole number from 0 to 9007199254740991"),
    }
}

/// Why a number box's text cannot be used: not a number, or outside `[min, max]`.
pub fn not_in_range(lang: Lang, text: &str, min: &str, max: &str) -> String {
    match lang {
        Lang::Zh => format!("“{}”无效，应为 {min} 到 {max} 之间的数", text.trim()),
        Lang::En => format!("\"{}\" cannot be used: enter a number from {min} to {max}", text.trim()),
    }
}
