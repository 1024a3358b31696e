//! The text of a .docx (Word / WPS) file, paragraph by paragraph, for the plan reader: a small reader of the
//! zip container (central directory, stored or deflated entries, inflated with `miniz_oxide`) and of
//! `word/document.xml` (paragraphs `w:p`, runs' text `w:t`, tabs and breaks). Nothing else of the format is read.

use std::fmt;

/// Why a .docx could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocxError {
    /// Not a zip file, or a damaged one.
    NotZip,
    /// A zip file without `word/document.xml`.
    NoDocument,
    /// An entry compressed with a method other than stored or deflate, or damaged.
    Compression,
    /// The document is larger than the reader's limit.
    TooLarge,
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DocxError::NotZip => "not a .docx file (no zip directory)",
            DocxError::NoDocument => "not a Word document (no word/document.xml)",
            DocxError::Compression => "the document's compression cannot be read",
            DocxError::TooLarge => "the document is too large",
        })
    }
}

impl DocxError {
    /// The message in Chinese.
    pub fn zh(&self) -> &'static str {
        match self {
            DocxError::NotZip => "不是 .docx 文件（无 zip 目录）",
            DocxError::NoDocument => "不是 Word 文档（缺少 word/document.xml）",
            DocxError::Compression => "文档的压缩方式无法读取",
            DocxError::TooLarge => "文档过大",
        }
    }
}

/// The largest inflated `document.xml` read (bytes).
const MAX_XML_BYTES: usize = 64 * 1024 * 1024;

fn u16_at(bytes: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes([*bytes.get(at)?, *bytes.get(at + 1)?]) as usize)
}

fn u32_at(bytes: &[u8], at: usize) -> Option<usize> {
    let slice = bytes.get(at..at + 4)?;
    Some(u32::from_le_bytes([slice[0], slice[1], slice[2], slice[3]]) as usize)
}

/// One entry of a zip file, by name, inflated.
pub fn zip_entry(bytes: &[u8], name: &str) -> Result<Vec<u8>, DocxError> {
    // The end-of-central-directory record: the last "PK\x05\x06" (a comment may follow it).
    let eocd = (0..bytes.len().saturating_sub(21))
        .rev()
        .take(66_000)
        .find(|at| bytes[*at..].starts_with(&[0x50, 0x4b, 0x05, 0x06]))
        .ok_or(DocxError::NotZip)?;
    let n_entries = u16_at(bytes, eocd + 10).ok_or(DocxError::NotZip)?;
    let mut at = u32_at(bytes, eocd + 16).ok_or(DocxError::NotZip)?;
    for _ in 0..n_entries {
        if bytes.get(at..at + 4) != Some(&[0x50, 0x4b, 0x01, 0x02]) {
            return Err(DocxError::NotZip);
        }
        let method = u16_at(bytes, at + 10).ok_or(DocxError::NotZip)?;
        let compressed = u32_at(bytes, at + 20).ok_or(DocxError::NotZip)?;
        let name_len = u16_at(bytes, at + 28).ok_or(DocxError::NotZip)?;
        let extra_len = u16_at(bytes, at + 30).ok_or(DocxError::NotZip)?;
        let comment_len = u16_at(bytes, at + 32).ok_or(DocxError::NotZip)?;
        let local = u32_at(bytes, at + 42).ok_or(DocxError::NotZip)?;
        let entry_name = bytes.get(at + 46..at + 46 + name_len).ok_or(DocxError::NotZip)?;
        if entry_name == name.as_bytes() {
            if bytes.get(local..local + 4) != Some(&[0x50, 0x4b, 0x03, 0x04]) {
                return Err(DocxError::NotZip);
            }
            let local_name = u16_at(bytes, local + 26).ok_or(DocxError::NotZip)?;
            let local_extra = u16_at(bytes, local + 28).ok_or(DocxError::NotZip)?;
            let data_start = local + 30 + local_name + local_extra;
            let data = bytes.get(data_start..data_start + compressed).ok_or(DocxError::NotZip)?;
            return match method {
                0 => Ok(data.to_vec()),
                8 => {
                    miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_XML_BYTES).map_err(|error| match error
                        .status
                    {
                        miniz_oxide::inflate::TINFLStatus::HasMoreOutput => DocxError::TooLarge,
                        _ => DocxError::Compression,
                    })
                }
                _ => Err(DocxError::Compression),
            };
        }
        at += 46 + name_len + extra_len + comment_len;
    }
    Err(DocxError::NoDocument)
}

/// Decodes the five XML entities and numeric character references.
fn unescape(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(idx) = rest.find('&') {
        out.push_str(&rest[..idx]);
        rest = &rest[idx..];
        let Some(end) = rest.find(';').filter(|end| *end < 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ if entity.starts_with("#x") => u32::from_str_radix(&entity[2..], 16).ok().and_then(char::from_u32),
            _ if entity.starts_with('#') => entity[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match decoded {
            Some(ch) => {
                out.push(ch);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

/// The text of `word/document.xml`: one line per paragraph (`w:p`), tabs as spaces, line breaks as new lines.
pub fn document_text(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len() / 4);
    let mut rest = xml;
    let mut in_text = false;
    while let Some(open) = rest.find('<') {
        if in_text {
            unescape(&rest[..open], &mut out);
        }
        let Some(close) = rest[open..].find('>') else { break };
        let tag = &rest[open + 1..open + close];
        let (closing, bare) = match tag.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, tag),
        };
        let bare = bare.split([' ', '/', '\t', '\n']).next().unwrap_or("");
        let name = if closing { format!("/{bare}") } else { bare.to_string() };
        let name = name.as_str();
        let self_closing = tag.ends_with('/');
        match name {
            "w:t" => in_text = !self_closing,
            "/w:t" => in_text = false,
            "/w:p" => out.push('\n'),
            "w:tab" => out.push(' '),
            "w:br" | "w:cr" => out.push('\n'),
            _ => {}
        }
        rest = &rest[open + close + 1..];
    }
    out
}

/// The text of a .docx file, one line per paragraph (tables' cells are paragraphs too).
pub fn docx_text(bytes: &[u8]) -> Result<String, DocxError> {
    let xml = zip_entry(bytes, "word/document.xml")?;
    let xml = String::from_utf8_lossy(&xml);
    Ok(document_text(&xml))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_entities() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>一、工作目标</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">A &amp; B</w:t><w:tab/><w:t>&#x4e2d;</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(document_text(xml), "一、工作目标\nA & B 中\n");
        assert_eq!(docx_text(b"not a zip"), Err(DocxError::NotZip));
    }
}
