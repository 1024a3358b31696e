//! Words of the comparison of pinned options.

use super::*;

words! {
    /// A fixed text of the comparison of pinned options.
    Compare {
        /// Heading of the comparison panel.
        CompareHeading => ("方案比较", "Compare options"),
        /// What the comparison panel does, under its heading.
        CompareIntro => (
            "把当前方案固定为方案A，修改后再固定为方案B、C……各图中以虚线叠加显示，下表列出不同的输入和主要结果。",
            "Pin the current plan as option A, change it and pin B, C, …; every chart overlays them as dashed lines, and \
             the tables list the inputs that differ and the key figures.",
        ),
        /// The pin button.
        PinOption => ("固定为比较方案", "Pin as an option"),
        /// The pin button when every slot is taken.
        PinFull => ("最多固定4个方案", "At most 4 options"),
        /// Unpin every option.
        ClearOptions => ("全部取消", "Unpin all"),
        /// Load an option back as the current plan.
        LoadOption => ("载入", "Load"),
        /// Remove one option (accessible label prefix).
        UnpinOption => ("取消固定", "Unpin"),
        /// Column of the current plan.
        CurrentPlan => ("当前方案", "Current plan"),
        /// Heading of the inputs that differ.
        CompareInputs => ("不同的输入", "Inputs that differ"),
        /// Shown when the plans do not differ.
        CompareNoDifferences => ("各方案的输入完全相同", "The plans have the same inputs"),
        /// Heading of the key figures compared.
        CompareFigures => ("主要结果（括号内为与方案A之差）", "Key figures (change from option A in brackets)"),
        /// Row: loss averted.
        CompareLossAverted => ("减少损失", "Loss averted"),
        /// Column of the input or figure names.
        CompareItem => ("项目", "Item"),
        /// Shown when more inputs differ than are listed.
        CompareMoreDifferences => ("还有更多不同之处未列出", "More inputs differ than are listed"),
    }
}

/// The name of a pinned option, e.g. `方案A`.
pub fn option_name(lang: Lang, letter: char) -> String {
    match lang {
        Lang::Zh => format!("方案{letter}"),
        Lang::En => format!("Option {letter}"),
    }
}
