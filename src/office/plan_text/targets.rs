//! Targets: shares with a rate word (安装率, 注册率, 关注率, 覆盖率), 两降 and 同比下降, each with its deadline.

use super::*;

/// The product a clause speaks of: 金钟罩, 国家反诈中心 App, or follows of an account.
pub(super) fn products_in(text: &str) -> Vec<&'static str> {
    let mut products = Vec::new();
    if text.contains("国家反诈中心") || text.contains("反诈APP") || text.contains("反诈App") || text.contains("反诈app")
    {
        products.push("national_app");
    }
    if text.contains("金钟罩") {
        products.push("jinzhongzhao");
    }
    if text.contains("关注")
        && (text.contains("公众号") || text.contains("快手") || text.contains("抖音") || text.contains("关注率"))
    {
        products.push("follow");
    }
    products
}

pub(super) fn product_name(product: &str) -> &'static str {
    match product {
        "national_app" => "国家反诈中心App",
        "jinzhongzhao" => "“金钟罩”",
        "follow" => "反诈公众号",
        _ => "产品",
    }
}

pub(super) fn mmdd(date: Date) -> String {
    format!("{:02}{:02}", date.month(), date.day())
}

#[allow(clippy::too_many_arguments)]
pub(super) fn push_target(
    targets: &mut Vec<(TargetFile, String)>,
    metric: Metric,
    product: Option<&str>,
    segment: Option<&str>,
    denominator: Denominator,
    threshold: f64,
    deadline: Date,
    quote: &str,
) {
    let duplicate = targets.iter().any(|(target, _)| {
        target.metric == metric
            && target.product.as_deref() == product
            && target.segment.as_deref() == segment
            && target.deadline == deadline.to_string()
            && (target.threshold - threshold).abs() < 1e-9
    });
    if duplicate {
        return;
    }
    let pct = (threshold * 100.0).round() as i64;
    let segment_label = match segment {
        Some("adults_19_45") => "重点人群",
        Some("students") => "学生",
        Some("elderly_60plus") => "老年人",
        _ => "",
    };
    let (id, name) = match metric {
        Metric::Adoption => {
            let product = product.unwrap_or("national_app");
            let rate = if product == "follow" {
                "关注率"
            } else if quote.contains("注册") && !quote.contains("安装") || product == "jinzhongzhao" {
                "注册率"
            } else {
                "安装率"
            };
            (
                format!("{product}_{pct}_by_{}", mmdd(deadline)),
                format!("{segment_label}{}{rate}{}前达{pct}%", product_name(product), deadline.zh_month_day()),
            )
        }
        Metric::Reach => (
            format!("reach_{pct}_by_{}", mmdd(deadline)),
            format!("{segment_label}宣传覆盖率{}前达{pct}%", deadline.zh_month_day()),
        ),
        Metric::Awareness => (
            format!("aware_{pct}_by_{}", mmdd(deadline)),
            format!("{segment_label}知晓率{}前达{pct}%", deadline.zh_month_day()),
        ),
        Metric::YoyCases => (
            format!("cases_down_by_{}", mmdd(deadline)),
            if pct == 0 {
                format!("截至{}发案数同比下降", deadline.zh_month_day())
            } else {
                format!("截至{}发案数同比下降{}%", deadline.zh_month_day(), -pct)
            },
        ),
        Metric::YoyLoss => (
            format!("loss_down_by_{}", mmdd(deadline)),
            if pct == 0 {
                format!("截至{}损失同比下降", deadline.zh_month_day())
            } else {
                format!("截至{}损失同比下降{}%", deadline.zh_month_day(), -pct)
            },
        ),
    };
    let mut unique = id.clone();
    let mut n = 2;
    while targets.iter().any(|(target, _)| target.id == unique) {
        unique = format!("{id}_{n}");
        n += 1;
    }
    let target = TargetFile {
        id: unique,
        name,
        metric,
        product: product.map(str::to_string),
        segment: segment.map(str::to_string),
        village: None,
        denominator,
        threshold,
        deadline: deadline.to_string(),
        note: Some(quote_note(quote)),
    };
    targets.push((target, quote.to_string()));
}

/// The deadline a clause states (the end of its last date), if any.
pub(super) fn deadline_in(spans: &[Span], year: i32) -> Option<Date> {
    spans.iter().rev().filter(|span| !span.unreadable).find_map(|span| span.end.filter(|end| end.year() == year))
}

pub(super) fn segment_in(text: &str) -> Option<&'static str> {
    if text.contains("19") && text.contains("45岁") || text.contains("重点人群") {
        Some("adults_19_45")
    } else if text.contains("学生") {
        Some("students")
    } else if text.contains("老年人") || text.contains("老人") {
        Some("elderly_60plus")
    } else {
        None
    }
}

pub(super) fn find_targets(
    sentences: &[Sentence],
    lines: &[Line],
    context: &DateContext,
    phases: &[PhaseDraft],
    lang: Lang,
    review: &mut Vec<ReviewItem>,
) -> Vec<(TargetFile, String)> {
    let year_end = Date::from_ymd(context.year, 12, 31);
    let mut targets = Vec::new();
    for (sentence_idx, sentence) in sentences.iter().enumerate() {
        let norm = &sentence.norm;
        // Assessment scales ("上升20%以上的不得分") are not targets.
        let scoring =
            ["得分", "记分", "扣分", "减分", "不得分", "满分", "加分", "百分点"].iter().any(|word| norm.contains(word))
                || has_points(norm);
        let past = ["截至目前", "截止目前", "已累计", "累计"].iter().any(|word| norm.contains(word));
        // Products named in this sentence or the one before it (same line).
        let mut context_products = products_in(norm);
        if context_products.is_empty() && sentence_idx > 0 && sentences[sentence_idx - 1].line == sentence.line {
            context_products = products_in(&sentences[sentence_idx - 1].norm);
        }
        let mut carried_metric: Option<(Metric, Vec<&str>)> = None;
        let mut carried_deadline: Option<Date> = None;
        for (clause_idx, clause) in clauses_of(norm).into_iter().enumerate() {
            let quote = focus(&sentence.text, clause_idx);
            let spans = find_spans(&clause, context);
            if let Some(deadline) = deadline_in(&spans, context.year) {
                carried_deadline = Some(deadline);
            }
            let chars: Vec<char> = clause.chars().collect();
            // Shares: "80%".
            for (idx, ch) in chars.iter().enumerate() {
                if *ch != '%' || scoring || past {
                    continue;
                }
                let Some((value, number_start)) = numbers::number_before(&chars, idx) else { continue };
                let before: String = chars[..number_start].iter().collect();
                let after: String = chars[idx + 1..].iter().collect();
                let around = format!("{before}{after}");
                let metric = share_metric(&around, &context_products, &carried_metric);
                let Some((metric, products)) = metric else { continue };
                if !states_goal(&around) {
                    continue;
                }
                carried_metric = Some((metric, products.clone()));
                // No date in the sentence: the end of the phase it is written under, else the year's end.
                let phase_end = phase_of_line(phases, lines, sentence.line).and_then(|idx| phases[idx].end);
                let deadline = carried_deadline.or(phase_end).or(year_end);
                let Some(deadline) = deadline else { continue };
                if carried_deadline.is_none() && phase_end.is_none() {
                    review.push(ReviewItem {
                        path: Some("targets".into()),
                        message: say(
                            lang,
                            "目标未写期限：按年底（12月31日）设定，请核对",
                            "a target with no deadline: set at 31 December",
                        ),
                        quote: Some(clip(&sentence.text, 160)),
                    });
                }
                let share = (value / 100.0).clamp(0.0, 1.0);
                let segment = segment_in(&clause);
                if segment.is_none() && (clause.contains("干部") || clause.contains("职工")) {
                    review.push(ReviewItem {
                        path: Some("targets".into()),
                        message: say(
                            lang,
                            "目标针对干部职工：模板没有这一人群，目标按全镇设定，请增加人群后改正",
                            "a target on cadres: the template has no such segment, so it is township-wide",
                        ),
                        quote: Some(clip(&sentence.text, 160)),
                    });
                }
                let residents = ["人口", "群众", "居民", "户籍"].iter().any(|word| around.contains(word));
                match metric {
                    Metric::Adoption => {
                        let denominator =
                            if residents { Denominator::Residents } else { Denominator::SmartphoneHolders };
                        for product in products {
                            push_target(
                                &mut targets,
                                metric,
                                Some(product),
                                segment,
                                denominator,
                                share,
                                deadline,
                                &quote,
                            );
                        }
                    }
                    Metric::Reach | Metric::Awareness => push_target(
                        &mut targets,
                        metric,
                        None,
                        segment,
                        Denominator::Residents,
                        share,
                        deadline,
                        &quote,
                    ),
                    Metric::YoyCases | Metric::YoyLoss => {
                        push_target(&mut targets, metric, None, None, Denominator::Residents, -share, deadline, &quote)
                    }
                }
            }
        }
        // 两降 and 同比下降 without a number.
        if scoring || past {
            continue;
        }
        decline_targets(sentence, context, lang, review, &mut targets);
    }
    targets
}

/// The metric a share ("80%") is about, from the words around it; "达到" alone carries the clause before's.
pub(super) fn share_metric(
    around: &str,
    context_products: &[&'static str],
    carried_metric: &Option<(Metric, Vec<&'static str>)>,
) -> Option<(Metric, Vec<&'static str>)> {
    let declining = around.contains("下降") || around.contains("减少");
    if (around.contains("发案") || around.contains("案件") || around.contains("警情")) && declining {
        Some((Metric::YoyCases, Vec::new()))
    } else if around.contains("损失") && declining {
        Some((Metric::YoyLoss, Vec::new()))
    } else if around.contains("关注") {
        Some((Metric::Adoption, vec!["follow"]))
    } else if around.contains("注册") || around.contains("安装") || around.contains("下载") {
        let mut products = products_in(around);
        if products.is_empty() {
            products = context_products.iter().copied().filter(|product| *product != "follow").collect();
        }
        if products.is_empty() {
            products.push(if around.contains("注册") && !around.contains("App") {
                "jinzhongzhao"
            } else {
                "national_app"
            });
        }
        Some((Metric::Adoption, products))
    } else if around.contains("知晓率") || around.contains("知晓") {
        Some((Metric::Awareness, Vec::new()))
    } else if around.contains("覆盖") {
        Some((Metric::Reach, Vec::new()))
    } else if around.contains("达到") || around.contains("达") {
        carried_metric.clone()
    } else {
        None
    }
}

/// True when the words around a share state a goal: "占比30%" of a description is not one, nor "已安装".
pub(super) fn states_goal(around: &str) -> bool {
    // A target needs a goal word; "占比30%" of a description is not one.
    let goal = [
        "达到",
        "达",
        "确保",
        "力争",
        "不低于",
        "以上",
        "至少",
        "实现",
        "提高",
        "超过",
        "下降",
        "减少",
        "率",
        "下载",
        "注册",
        "安装",
        "关注",
    ]
    .iter()
    .any(|word| around.contains(word));
    // "已安装" describes, it does not aim.
    goal && !around.contains("已安装") && !around.contains("已注册") && !around.contains("已关注")
}

/// 两降 and 同比下降 without a number; a registration task without a share; 警情 targets.
pub(super) fn decline_targets(
    sentence: &Sentence,
    context: &DateContext,
    lang: Lang,
    review: &mut Vec<ReviewItem>,
    targets: &mut Vec<(TargetFile, String)>,
) {
    let norm = &sentence.norm;
    let year_end = Date::from_ymd(context.year, 12, 31);
    let task_without_share = (norm.contains("完成注册")
        || norm.contains("完成安装")
        || norm.contains("人人注册")
        || norm.contains("全部注册"))
        && !norm.contains('%');
    if task_without_share {
        review.push(ReviewItem {
            path: Some("targets".into()),
            message: say(
                lang,
                "注册/安装任务没有比例：未设为目标，请按需要增加（如有智能手机者的95%）",
                "a registration/install task with no share: no target set",
            ),
            quote: Some(clip(&sentence.text, 160)),
        });
    }
    let both = norm.contains("两降")
        || norm.contains("双降")
        || (norm.contains("发案") && (norm.contains("损失") || norm.contains("受损")) && norm.contains("下降"));
    let cases_only = !both
        && (norm.contains("发案") || norm.contains("案件数") || norm.contains("警情"))
        && norm.contains("同比下降");
    let loss_only = !both && norm.contains("损失") && norm.contains("同比下降");
    if !(both || cases_only || loss_only) || norm.contains("%") {
        return;
    }
    let spans = find_spans(norm, context);
    let deadlines: Vec<Date> = {
        let mut found: Vec<Date> = spans
            .iter()
            .filter(|span| !span.unreadable && matches!(span.kind, SpanKind::Until | SpanKind::Single))
            .filter_map(|span| span.end.filter(|end| end.year() == context.year))
            .collect();
        found.dedup();
        if found.is_empty() {
            year_end.into_iter().collect()
        } else {
            found
        }
    };
    for deadline in deadlines {
        if both || cases_only {
            push_target(targets, Metric::YoyCases, None, None, Denominator::Residents, 0.0, deadline, &sentence.text);
        }
        if both || loss_only {
            push_target(targets, Metric::YoyLoss, None, None, Denominator::Residents, 0.0, deadline, &sentence.text);
        }
    }
    if norm.contains("警情") {
        review.push(ReviewItem {
            path: Some("targets".into()),
            message: say(
                lang,
                "警情目标按发案数（yoy_cases）设定：模型中警情与发案成比例",
                "an alerts (警情) target was set on cases: alerts are proportional to cases in the model",
            ),
            quote: Some(clip(&sentence.text, 160)),
        });
    }
}

/// True when the text gives points ("记45分"): a digit before 分 that is not 分钟 or 分之.
pub(super) fn has_points(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(3)
        .any(|window| window[0].is_ascii_digit() && window[1] == '分' && !matches!(window[2], '钟' | '之' | '别'))
        || chars.ends_with(&['分']) && chars.len() >= 2 && chars[chars.len() - 2].is_ascii_digit()
}
