//! What a query names: every reading of a number or a text, in every vendor herr knows.

use herr::{Code, Vendor};

/// One way a query names a code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// The vendor whose numbering or spelling this reading is.
    pub vendor: Vendor,
    /// How the query was read: a number of that vendor, a name, a spelling, a herr code.
    pub how: How,
}

/// How a query was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// A code of herr's space (`vendor x 1,000,000 + n`; InspireFace's own codes included).
    HerrCode,
    /// A number in the vendor's own numbering (InspireFace 1.2.3+, FaceID SaaS, ArcSoft, Baidu).
    VendorNumber,
    /// A name or spelling of the vendor (`HERR_*`, `FRS.0019`, `IMAGE_DECODE_ERROR`).
    Spelling,
}

/// A code a query names, with every reading that gives it.
#[derive(Clone, Debug)]
pub struct Match {
    pub code: Code,
    pub readings: Vec<Reading>,
    /// The code as the query names it, where that differs from [`Match::code`] in what it
    /// means: a number of InspireFace 1.2.3 and later (`105`) stands for a code of herr's
    /// numbering (1300) but has one name and one meaning where 1300 has two.
    pub as_read: Option<Code>,
}

impl Match {
    /// The code whose names and message the match shows.
    pub fn meaning(&self) -> Code {
        self.as_read.unwrap_or(self.code)
    }
}

/// A number as people write it: decimal (`1304`, `-1`) or hexadecimal (`0x518`, `0X518`).
pub fn number(text: &str) -> Option<i64> {
    match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => i64::from_str_radix(hex, 16).ok(),
        Some(_) => None,
        None => {
            let digits = text.strip_prefix('-').unwrap_or(text);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            text.parse().ok()
        }
    }
}

/// A number of InspireFace's that herr does not know: in the range its header gives one of
/// its modules, but a code of neither numbering herr's tables hold. A release newer than the
/// one herr's tables match ([`herr::inspireface_release`]) may have added it.
#[derive(Clone, Copy, Debug)]
pub struct Unknown {
    pub number: i64,
    pub module: herr::InspirefaceModule,
}

/// The query as an InspireFace number herr does not know ([`Unknown`]), if it is one.
pub fn unknown_inspireface(query: &[u8], vendor: Option<Vendor>) -> Option<Unknown> {
    if vendor.is_some_and(|v| v != Vendor::Inspireface && v != Vendor::InspirefaceV2) {
        return None;
    }
    let n = number(std::str::from_utf8(query).ok()?.trim())?;
    if Code::new(n).is_some() || Code::from_vendor_number(Vendor::InspirefaceV2, n).is_some() {
        return None;
    }
    herr::inspireface_module(n).map(|module| Unknown { number: n, module })
}

/// Every code `query` names, in the order found, each with its readings; only readings of
/// `vendor` when one is given. InspireFace's readings come first: a number as a code of herr's
/// own space (InspireFace's, releases up to 1.2.2, or a vendor's `vendor x 1,000,000 + n`),
/// then as a number of InspireFace 1.2.3 and later, then the other vendors'.
pub fn lookup(query: &[u8], vendor: Option<Vendor>) -> Vec<Match> {
    let mut readings: Vec<(Code, Reading)> = Vec::new();
    let mut as_read: Option<(Code, Code)> = None;
    let text = std::str::from_utf8(query).ok().map(str::trim);
    if let Some(n) = text.and_then(number) {
        // herr's own space: InspireFace's numbers (herr.h, releases up to 1.2.2) and the
        // vendor codes (vendor x 1,000,000 + n). A number only InspireFace 1.2.3+ uses (`102`)
        // is one of herr's too, standing for that numbering's code: the reading below says so.
        let bare = |c: &Code| c.vendor() == Vendor::InspirefaceV2 && i64::from(c.value()) < Vendor::Sophon.base();
        if let Some(code) = Code::new(n).filter(|c| !bare(c)) {
            readings.push((code, Reading { vendor: code.vendor(), how: How::HerrCode }));
        }
        // Then the vendors that number their codes (InspireFace 1.2.3+ first, FaceID SaaS,
        // ArcSoft, Baidu), and those with a code spelled as a number (Azure's `401`).
        let others = Vendor::ALL.iter().copied().filter(|v| *v != Vendor::Inspireface && *v != Vendor::InspirefaceV2);
        for v in std::iter::once(Vendor::InspirefaceV2).chain(others) {
            if let Some(code) = Code::from_vendor_number(v, n) {
                readings.push((code, Reading { vendor: v, how: How::VendorNumber }));
                if v == Vendor::InspirefaceV2 {
                    as_read = Code::new(n).filter(|raw| *raw != code).map(|raw| (code, raw));
                }
            } else if let Some(code) = Code::from_vendor(v, query) {
                readings.push((code, Reading { vendor: v, how: How::Spelling }));
            }
        }
    } else {
        for v in Vendor::ALL {
            if let Some(code) = Code::from_vendor(v, query) {
                readings.push((code, Reading { vendor: v, how: How::Spelling }));
            }
        }
        // Names and spellings in any case: `herr_sess_rec_block_full`, `frs.0501`,
        // `failedoperation.comparefail`.
        if readings.is_empty() {
            if let Some(text) = text {
                readings.extend(any_case(text));
            }
        }
    }
    let mut matches: Vec<Match> = Vec::new();
    for (code, reading) in readings {
        if vendor.is_some_and(|v| v != reading.vendor) {
            continue;
        }
        match matches.iter_mut().find(|m| m.code == code) {
            Some(m) => m.readings.push(reading),
            None => {
                let raw =
                    as_read.filter(|(c, _)| *c == code && reading.vendor == Vendor::InspirefaceV2).map(|(_, r)| r);
                matches.push(Match { code, readings: vec![reading], as_read: raw })
            }
        }
    }
    matches
}

/// The codes whose names or spellings are `text` but for case, with their readings.
fn any_case(text: &str) -> Vec<(Code, Reading)> {
    let mut out = Vec::new();
    for v in Vendor::ALL {
        // Names and spellings written in capitals (HERR_*, FRS.NNNN, APIGW.NNNN, SOPHON's).
        if let Some(code) = Code::from_vendor(v, text.to_ascii_uppercase()) {
            out.push((code, Reading { vendor: v, how: How::Spelling }));
        }
    }
    for (spelling, code, vendor) in spellings() {
        if spelling.eq_ignore_ascii_case(text) && !out.iter().any(|(c, _)| *c == code) {
            // Found by the spelling as written, so that each vendor reads it as its own.
            if let Some(code) = Code::from_vendor(vendor, spelling) {
                out.push((code, Reading { vendor, how: How::Spelling }));
            }
        }
    }
    out
}

/// Every name and spelling herr knows: (text, code, vendor).
fn spellings() -> Vec<(&'static str, Code, Vendor)> {
    let mut out = Vec::new();
    for code in Code::all() {
        // A code only InspireFace 1.2.3+ has is named by its vendor spelling below.
        if code.vendor() == Vendor::Inspireface {
            out.extend(code.aliases().map(|name| (name, code, Vendor::Inspireface)));
        }
        if !code.vendor_code().is_empty() {
            out.push((code.vendor_code(), code, code.vendor()));
        }
    }
    out
}

/// The name or spelling closest to `query` when it is a near miss (a letter or two off, in any
/// case), for a "did you mean"; `None` when nothing is that close. Only `vendor`'s when given.
pub fn suggest(query: &[u8], vendor: Option<Vendor>) -> Option<&'static str> {
    let query = std::str::from_utf8(query).ok()?.trim().to_ascii_lowercase();
    if query.len() < 4 || query.len() > 80 {
        return None;
    }
    let limit = 1 + query.len() / 12;
    spellings()
        .into_iter()
        .filter(|(_, code, v)| vendor.is_none_or(|want| want == *v || want == code.vendor()))
        .map(|(text, ..)| (distance(&query, &text.to_ascii_lowercase()), text))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, text)| (*d, text.len()))
        .map(|(_, text)| text)
}

/// The Levenshtein distance between two ASCII texts (insertions, deletions, substitutions).
fn distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(x != y));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Each match's code as the meaning it has under HTTP status `status` (Huawei's APIG.0201 with
/// 413 is 5110001); matches that become one code merge.
pub fn under_status(matches: &mut Vec<Match>, status: u16) {
    let mut merged: Vec<Match> = Vec::new();
    for m in matches.drain(..) {
        let code = m.code.for_status(status);
        let as_read = m.as_read.filter(|_| code == m.code);
        match merged.iter_mut().find(|x| x.code == code) {
            Some(x) => x.readings.extend(m.readings),
            None => merged.push(Match { code, readings: m.readings, as_read }),
        }
    }
    *matches = merged;
}

/// Every code of `vendor` (all vendors when `None`), in code order.
pub fn list(vendor: Option<Vendor>) -> Vec<Code> {
    Code::all().filter(|c| vendor.is_none_or(|v| c.vendor() == v)).collect()
}

/// The codes whose names, spelling or messages (both languages) hold every word of `words`:
/// whole words, in any case, or a word's plural in -s or -es (`face` finds "faces"); a word in
/// Chinese anywhere in a Chinese message (Chinese has no spaces between words).
pub fn search(words: &[String], vendor: Option<Vendor>) -> Vec<Code> {
    let wanted: Vec<String> = words.iter().flat_map(|w| split_words(w)).collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    list(vendor)
        .into_iter()
        .filter(|c| {
            let mut fields: Vec<&str> = c.aliases().collect();
            fields.push(c.vendor_code());
            fields.push(c.message_in(herr::Lang::En));
            let chinese = c.message_in(herr::Lang::Zh);
            fields.push(chinese);
            let have: Vec<String> = fields.iter().flat_map(|f| split_words(f)).collect();
            wanted.iter().all(|w| {
                if !w.is_ascii() {
                    chinese.to_lowercase().contains(w.as_str())
                } else {
                    have.iter().any(|h| h == w || h.strip_suffix('s') == Some(w) || h.strip_suffix("es") == Some(w))
                }
            })
        })
        .collect()
}

/// The words of `text`, in lower case: runs of letters and digits, also split where a lower-case
/// letter meets a capital (`NoFaceInPhoto` is no, face, in, photo; `HERR_SESS_BASE` is herr,
/// sess, base; `FRS.0501` is frs, 0501). A run of other characters (Chinese) is one word.
fn split_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut previous: Option<char> = None;
    for ch in text.chars() {
        let boundary = match previous {
            None => false,
            Some(p) => {
                !ch.is_alphanumeric()
                    || !p.is_alphanumeric()
                    || (p.is_lowercase() && ch.is_uppercase())
                    || (p.is_ascii() != ch.is_ascii())
            }
        };
        if boundary && !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if ch.is_alphanumeric() {
            word.extend(ch.to_lowercase());
        }
        previous = Some(ch);
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}
