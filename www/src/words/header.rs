//! Words of the page header, the file menu, saving, sharing and exports.

use super::*;

words! {
    /// A fixed text of the page header, the file menu, saving, sharing and exports.
    Header {
        /// The app's name in the header.
        AppName => ("无诈推演", "Wuzha"),
        /// Accessible name of the row of view tabs.
        ViewsLabel => ("视图", "Views"),
        /// View tab: key figures, charts and the village table.
        ViewResults => ("结果", "Results"),
        /// View tab: the scenario editor and the phase timeline.
        ViewEdit => ("编辑方案", "Edit"),
        /// View tab: pinned options side by side.
        ViewCompare => ("方案比较", "Compare"),
        /// View tab: Monte Carlo runs.
        ViewUncertainty => ("不确定性", "Uncertainty"),
        /// View tab: the optimiser.
        ViewOptimise => ("优化", "Optimise"),
        /// What the app does, under its name.
        AppTagline => ("乡镇反电诈宣传方案推演", "Township anti-fraud campaign planner"),
        /// Label of the template selector.
        TemplateLabel => ("方案", "Scenario"),
        /// Shown when the scenario was restored from the autosave of an earlier visit.
        RestoredNotice => ("已恢复上次编辑的方案", "Restored the plan from your last visit"),
        /// Chart button: download the chart as a PNG image.
        ExportPng => ("导出图片", "Save as PNG"),
        /// Print button.
        Print => ("打印", "Print"),
        /// Print button's tooltip.
        PrintHelp => ("按A4纸打印方案的输入、关键指标和图表", "Print the inputs, key figures and charts on A4"),
        /// The name an opened share link is shown under.
        SharedLinkName => ("分享链接", "shared link"),
        /// Share button.
        ShareLink => ("分享链接", "Share link"),
        /// Above the share link: how to use it.
        ShareLinkHelp => ("复制下面的链接发给他人，打开即得到同一方案：", "Copy this link; opening it gives the same plan:"),
        /// Download the daily series as CSV.
        ExportDailyCsv => ("导出每日数据（CSV）", "Daily data (CSV)"),
        /// Download the village table as CSV.
        ExportVillageCsv => ("导出表格（CSV）", "Table (CSV)"),
        /// File name stem of the daily CSV.
        DailyCsvName => ("每日推演数据", "daily results"),
        /// File name stem of the village CSV.
        VillageCsvName => ("各村情况", "villages"),
        /// Undo button.
        Undo => ("撤销", "Undo"),
        /// Undo button's tooltip.
        UndoHelp => ("撤销上一步修改（Ctrl+Z）", "Undo the last change (Ctrl+Z)"),
        /// Redo button.
        Redo => ("重做", "Redo"),
        /// Redo button's tooltip.
        RedoHelp => ("重做撤销的修改（Ctrl+Y）", "Redo the undone change (Ctrl+Y)"),
        /// File menu: open.
        FileOpen => ("打开文件", "Open file"),
        /// File menu: import a 实施方案 (the button and the dialog's name).
        ImportPlan => ("导入实施方案", "Import a plan document"),
        /// The import button's tooltip.
        ImportPlanHelp => (
            "粘贴或打开实施方案（.txt/.docx），按规则读出阶段、目标、奖励和下限，打开为草稿",
            "Paste or open a 实施方案 (.txt/.docx): its phases, targets, rewards and floors are read into a draft",
        ),
        /// The import dialog: the text box's label.
        ImportPlanTextLabel => ("粘贴实施方案全文：", "Paste the plan's text:"),
        /// The import dialog: open a file instead.
        ImportPlanFile => ("打开 .txt/.docx", "Open .txt/.docx"),
        /// The import dialog: the year box's label.
        ImportPlanYear => ("年份：", "Year:"),
        /// The import dialog: the year box when the text states no year.
        ImportPlanYearAsk => ("如2024", "e.g. 2024"),
        /// The import dialog: open the draft.
        ImportPlanOpen => ("打开为草稿", "Open as draft"),
        /// What an imported draft is shown under, after its title.
        ImportPlanDraftName => ("导入草稿", "imported draft"),
        /// The import dialog: above the review list.
        ImportPlanReview => ("待核对（未能读出或沿用模板的内容）", "To check (not read, or taken from the template)"),
        /// The import dialog: above the sources.
        ImportPlanSources => ("读出内容的原文", "Where each filled field came from"),
        /// File menu: save.
        FileSave => ("保存文件", "Save file"),
        /// File menu: the fingerprint's label.
        FingerprintLabel => ("指纹 ", "Fingerprint "),
        /// File menu: what the fingerprint is for.
        FingerprintHelp => (
            "文件内容的简短指纹：两份文件指纹相同，内容即相同",
            "A short fingerprint of the file's content: two files with the same fingerprint hold the same plan",
        ),
        /// The template selector's entry for an opened file.
        OpenedFileOption => ("已打开的文件", "Opened file"),
        /// The language button: the name of the other language.
        LangToggle => ("English", "中文"),
        /// The language button's accessible label.
        LangToggleLabel => ("切换为英文界面", "Switch to Chinese"),
        /// Shown by the panic hook before the panic message.
        PanicMessage => ("程序出错，请刷新页面后重试。错误信息：", "The app failed; please reload the page. Error:"),
        /// Shown when the page has no `#app` element to mount into.
        NoMountPoint => ("页面缺少 #app 元素，无法启动。", "The page has no #app element to start in."),
        /// Label for the generic template in the selector.
        TemplateGeneric => ("通用模板", "Generic template"),
        // Uncertainty (Monte Carlo),
    }
}

/// A template in the selector, e.g. `洪林镇 · 2022年`.
pub fn template_option(lang: Lang, township: &str, year: i32) -> String {
    match lang {
        Lang::Zh => format!("{township} · {year}年"),
        Lang::En => format!("{township} · {year}"),
    }
}

/// A header of the daily CSV for people (Excel, WPS), with its unit.
pub fn daily_column(lang: Lang, column: wuzha::export::DailyColumn, product_names: &[String]) -> String {
    use wuzha::export::DailyColumn as Column;
    let zh = lang == Lang::Zh;
    let pick = |zh_text: &str, en_text: &str| if zh { zh_text.to_string() } else { en_text.to_string() };
    match column {
        Column::Date => pick("日期", "Date"),
        Column::Reached => pick("宣传覆盖（占常住人口）", "Reached (share of residents)"),
        Column::Aware => pick("知晓率（占常住人口）", "Aware (share of residents)"),
        Column::Adopted(product_idx) => {
            let name = product_names.get(product_idx).map_or("", String::as_str);
            if zh {
                format!("{name}安装率（占常住人口）")
            } else {
                format!("{name} adoption (share of residents)")
            }
        }
        Column::CashCostCum => pick("累计费用（元）", "Cash to date (yuan)"),
        Column::RewardsPaidCum => pick("累计奖励（元）", "Rewards to date (yuan)"),
        Column::RewardsDeadweightCum => {
            pick("累计无效奖励（不宣传也会安装，元）", "Deadweight rewards to date (installs that happen anyway, yuan)")
        }
        Column::StaffHoursCum => pick("累计工时（小时）", "Staff hours to date"),
        Column::CasesExpectedCum => pick("累计预计发案（起）", "Expected cases to date"),
        Column::CasesReportedCum => pick("累计报案（起）", "Reported cases to date"),
        Column::CounterfactualCasesCum => pick("不开展宣传累计发案（起）", "Cases to date with no campaign"),
        Column::LastYearCasesCum => pick("去年同期累计发案（起）", "Cases to date last year"),
    }
}

/// Village table: the adoption column for a product.
pub fn adopted_column(lang: Lang, product: &str) -> String {
    match lang {
        Lang::Zh => format!("{product}安装率"),
        Lang::En => format!("{product} adoption"),
    }
}

/// Village table: the selected target's column.
pub fn village_target_column(lang: Lang, target: &str, deadline: &str) -> String {
    match lang {
        Lang::Zh => format!("{target}（{deadline}）"),
        Lang::En => format!("{target} ({deadline})"),
    }
}

/// The message when a plan is too large for a link.
pub fn link_too_long(lang: Lang, n_chars: usize, limit: usize) -> String {
    match lang {
        Lang::Zh => format!("方案过大，链接有 {n_chars} 个字符（上限 {limit}），在微信等聊天工具中可能被截断。请用“保存文件”发送文件。"),
        Lang::En => format!(
            "The plan is too large for a link ({n_chars} characters, limit {limit}); chat apps may cut it. Use Save file and send the file."
        ),
    }
}

/// The heading above the reasons a file was refused.
pub fn file_refused_heading(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("文件“{name}”未打开，当前方案保持不变："),
        Lang::En => format!("The file \"{name}\" was not opened; the current plan is unchanged:"),
    }
}

/// The heading of the notes about a file that was opened with warnings (unknown fields kept, version converted).
pub fn file_warnings_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "文件已打开，请注意：",
        Lang::En => "The file was opened; please note:",
    }
}

/// The banner when autosave is refused: `unavailable` when the browser offers no storage, else it is full.
pub fn storage_refused(lang: Lang, unavailable: bool) -> &'static str {
    match (lang, unavailable) {
        (Lang::Zh, true) => "浏览器不允许本页保存数据（隐私模式或已禁用网站数据），关闭页面后修改将丢失。请下载备份文件。",
        (Lang::Zh, false) => "浏览器存储空间已满，最近的修改未能自动保存。请下载备份文件。",
        (Lang::En, true) => {
            "This browser does not let the page keep data (private mode or site data disabled): edits are lost when the page closes. Download a backup."
        }
        (Lang::En, false) => "The browser's storage is full: the latest edits were not autosaved. Download a backup.",
    }
}

/// The label of the button that downloads the current plan as a file.
pub fn download_backup(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "下载备份文件",
        Lang::En => "Download backup",
    }
}

/// The notice when another tab of the app saved a different plan.
pub fn other_tab_saved(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "另一个标签页中的无诈推演保存了不同的方案。两个标签页会互相覆盖自动保存：请只在一个标签页中编辑，或先下载本页的备份。",
        Lang::En => {
            "Another tab of Wuzha saved a different plan. The two tabs overwrite each other's autosave: edit in one tab only, or download this tab's backup first."
        }
    }
}

/// The label of the crash banner's download button.
pub const DOWNLOAD_MY_DATA: &str = "下载我的数据 Download my data";

/// A file refused for its size.
pub fn file_too_large(lang: Lang, name: &str, bytes: f64, limit: f64) -> String {
    let (mb, limit_mb) = (bytes / 1_048_576.0, limit / 1_048_576.0);
    match lang {
        Lang::Zh => format!("{name}：文件过大（{mb:.1} MB，上限 {limit_mb:.0} MB），未打开"),
        Lang::En => format!("{name}: file too large ({mb:.1} MB, limit {limit_mb:.0} MB); not opened"),
    }
}

/// A file whose text could not be read.
pub fn file_unreadable(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("{name}：无法读取该文件的文本，未打开"),
        Lang::En => format!("{name}: the file's text cannot be read; not opened"),
    }
}

/// The parser-style detail (English, like serde's) when the JS API gets neither an object nor JSON text;
/// it appears inside the core's localised "malformed" message.
pub fn not_a_scenario(found_type: &str) -> String {
    format!("expected a scenario object or its JSON text, found {found_type}")
}
