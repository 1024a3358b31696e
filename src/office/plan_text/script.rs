//! Script and form normalisation of a plan's text: traditional characters to simplified, full-width digits and
//! letters to ASCII, pinyin glosses removed ("鎮(zhèn)" → "镇"), line ends unified.
//!
//! The traditional → simplified table (`t2s.txt`, 2 734 one-character pairs) is the table of the `fast2s` crate
//! (MIT licence, © 2021 Tyr Chen), vendored instead of depended on: the crate loads it through `lazy_static`,
//! `bincode` and `hashbrown` 0.12 (which pulls `ahash` and `getrandom`, a problem for wasm32), while the table
//! alone is 22 KB. Characters are mapped one by one, which is what the genre needs: plan texts use the common
//! vocabulary (镇、诈骗、阶段、宣传), where a character has one simplified form.

/// The vendored table, one `traditional simplified` pair per line.
const T2S_TABLE: &str = include_str!("t2s.txt");

/// A traditional → simplified converter (the table sorted once for binary search).
pub struct Converter {
    pairs: Vec<(char, char)>,
}

impl Converter {
    /// Builds the converter from the vendored table.
    pub fn new() -> Converter {
        let mut pairs: Vec<(char, char)> = T2S_TABLE
            .lines()
            .filter_map(|line| {
                let mut chars = line.chars();
                let traditional = chars.next()?;
                let _space = chars.next()?;
                let simplified = chars.next()?;
                Some((traditional, simplified))
            })
            .collect();
        pairs.sort_unstable();
        pairs.dedup_by_key(|pair| pair.0);
        Converter { pairs }
    }

    /// The simplified form of one character (itself when it has none).
    pub fn simplify_char(&self, ch: char) -> char {
        match self.pairs.binary_search_by_key(&ch, |pair| pair.0) {
            Ok(idx) => self.pairs[idx].1,
            Err(_) => ch,
        }
    }

    /// How many characters of `text` are traditional forms this table knows.
    pub fn count_traditional(&self, text: &str) -> usize {
        text.chars().filter(|ch| self.pairs.binary_search_by_key(ch, |pair| pair.0).is_ok()).count()
    }
}

impl Default for Converter {
    fn default() -> Converter {
        Converter::new()
    }
}

/// True for a CJK ideograph (the basic block and extension A) or 〇.
pub fn is_cjk(ch: char) -> bool {
    matches!(ch, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '〇')
}

/// Latin letters that occur in pinyin, with tone marks.
fn is_pinyin_letter(ch: char) -> bool {
    ch.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňḿ".contains(ch)
}

/// Full-width ASCII forms (digits, letters, %, parentheses, ...) to ASCII; the ideographic space to a space.
/// Chinese punctuation (，。；：、) is kept.
fn fold_width(ch: char) -> char {
    match ch {
        '\u{3000}' => ' ',
        '（' => '(',
        '）' => ')',
        '～' => '~',
        '－' => '-',
        '％' => '%',
        '\u{ff10}'..='\u{ff19}' | '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}' => {
            char::from_u32(ch as u32 - 0xff10 + 0x30).unwrap_or(ch)
        }
        '\u{00a0}' | '\t' => ' ',
        _ => ch,
    }
}

/// The text in simplified script with full-width forms folded and pinyin glosses dropped; lines end with `\n`.
pub fn normalise(text: &str, converter: &Converter) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let chars: Vec<char> = text.chars().map(fold_width).collect();
    let mut out = String::with_capacity(text.len());
    let mut idx = 0;
    while idx < chars.len() {
        let ch = chars[idx];
        // A pinyin gloss: "(zhèn)" right after an ideograph.
        if ch == '(' && idx > 0 && is_cjk(chars[idx - 1]) {
            let mut end = idx + 1;
            while end < chars.len() && (is_pinyin_letter(chars[end]) || chars[end] == ' ') && end - idx < 16 {
                end += 1;
            }
            let is_gloss = end < chars.len()
                && chars[end] == ')'
                && end > idx + 1
                && chars[idx + 1..end].iter().all(|ch| is_pinyin_letter(*ch) || *ch == ' ');
            if is_gloss {
                idx = end + 1;
                continue;
            }
        }
        match ch {
            '\r' if chars.get(idx + 1) == Some(&'\n') => {}
            '\r' | '\u{2028}' | '\u{2029}' | '\u{0b}' | '\u{0c}' => out.push('\n'),
            _ => out.push(converter.simplify_char(ch)),
        }
        idx += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_becomes_simplified_and_glosses_go() {
        let converter = Converter::new();
        assert_eq!(normalise("謀劃動(dòng)員階段(3月10日——3月13日)", &converter), "谋划动员阶段(3月10日——3月13日)");
        assert_eq!(normalise("（一）１２月底％", &converter), "(一)12月底%");
        assert_eq!(normalise("APP安裝情況截圖(APP)", &converter), "APP安装情况截图(APP)");
        assert_eq!(normalise("a\r\nb\rc", &converter), "a\nb\nc");
        assert!(converter.count_traditional("鎮詐騙") == 3);
    }
}
