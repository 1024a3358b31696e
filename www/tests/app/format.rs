//! Tests of number reading and writing: money in 元/万元/亿元, percents, dates, typed numbers.

#![cfg(not(target_arch = "wasm32"))]

use wuzha::Date;
use wuzha_www::format;
use wuzha_www::words::Lang;

#[test]
fn money_reads_as_planners_write_it() {
    let check = |yuan: f64, zh: &str, en: &str| {
        assert_eq!(format::yuan(Lang::Zh, yuan), zh, "{yuan}");
        assert_eq!(format::yuan(Lang::En, yuan), en, "{yuan}");
    };
    check(0.0, "0元", "0 yuan");
    check(8_500.0, "8500元", "8,500 yuan");
    check(9_999.4, "9999元", "9,999 yuan");
    check(32_000.0, "3.2万元", "32,000 yuan");
    check(80_000.0, "8万元", "80,000 yuan");
    check(456_789.0, "45.7万元", "456,789 yuan");
    check(1_234_567.0, "123万元", "1,234,567 yuan");
    check(250_000_000.0, "2.5亿元", "250,000,000 yuan");
    check(-32_000.0, "-3.2万元", "-32,000 yuan");
    assert_eq!(format::yuan_parts(Lang::Zh, 78_000.0), ("7.8".to_string(), "万元"));
    assert_eq!(format::yuan_small(4.4949), "4.49");
}

#[test]
fn shares_changes_and_counts() {
    let check = |got: String, expected: &str| assert_eq!(got, expected);
    check(format::percent(0.724), "72.4%");
    check(format::percent(0.8), "80.0%");
    check(format::percent(0.56), "56.0%");
    check(format::percent(0.561), "56.1%");
    check(format::percent_level(0.8), "80%");
    check(format::percent_level(0.725), "72.5%");
    check(format::percent(1.0), "100.0%");
    check(format::percent_change(-0.074), "-7.4%");
    check(format::percent_change(0.052), "+5.2%");
    check(format::percent_change(0.0), "0.0%");
    check(format::percent_change(-0.0001), "0.0%");
    check(format::percent_change(-0.12), "-12.0%");
    check(format::people(Lang::Zh, 17_234.0), "1.7万");
    check(format::people(Lang::Zh, 950.0), "950");
    check(format::people(Lang::En, 17_234.0), "17,234");
    check(format::cases(24.06), "24.1");
    check(format::points(80.0), "80");
    check(format::decimal(f64::NAN, 1), "—");
    check(format::input_number(0.8 * 100.0), "80");
    check(format::input_number(2.5), "2.5");
}

#[test]
fn dates_are_month_and_day() {
    let date = Date::from_ymd(2022, 6, 30).expect("a real date");
    assert_eq!(format::date(Lang::Zh, date), "6月30日");
    assert_eq!(format::date(Lang::En, date), "30 Jun");
}

#[test]
fn typed_numbers_are_read_leniently_but_never_as_nan() {
    let check = |text: &str, expected: Option<f64>| assert_eq!(format::parse_number(text), expected, "{text:?}");
    check("2", Some(2.0));
    check(" -3 ", Some(-3.0));
    check("2.50", Some(2.5));
    check(".5", Some(0.5));
    check("1e3", Some(1000.0));
    check("80%", Some(80.0));
    check("5万", Some(50_000.0));
    check("3.2万元", Some(32_000.0));
    check("12,000", Some(12_000.0));
    check("１２３．５", Some(123.5));
    check("－５", Some(-5.0));
    check("", None);
    check("   ", None);
    check("-", None);
    check("abc", None);
    check("NaN", None);
    check("inf", None);
    check("infinity", None);
    check("1e999", None);
    check("e5", None);
    check("2元3", None);
    check("万", None);
}
