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
    /// A number in the vendor's own numbering (InspireFace 1.2.3+, FaceID SaaS).
    VendorNumber,
    /// A name or spelling of the vendor (`HERR_*`, `FRS.0019`, `IMAGE_DECODE_ERROR`).
    Spelling,
}

/// A code a query names, with every reading that gives it.
#[derive(Clone, Debug)]
pub struct Match {
    pub code: Code,
    pub readings: Vec<Reading>,
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

/// Every code `query` names, in the order found, each with its readings; only readings of
/// `vendor` when one is given.
pub fn lookup(query: &[u8], vendor: Option<Vendor>) -> Vec<Match> {
    let mut readings: Vec<(Code, Reading)> = Vec::new();
    let text = std::str::from_utf8(query).ok().map(str::trim);
    if let Some(n) = text.and_then(number) {
        // herr's own space: InspireFace's numbers (herr.h, releases up to 1.2.2) and the
        // vendor codes (vendor x 1,000,000 + n). A number only InspireFace 1.2.3+ uses (`102`)
        // is one of herr's too, standing for that numbering's code: the reading below says so.
        let bare = |c: &Code| c.vendor() == Vendor::InspirefaceV2 && i64::from(c.value()) < Vendor::Sophon.base();
        if let Some(code) = Code::new(n).filter(|c| !bare(c)) {
            readings.push((code, Reading { vendor: code.vendor(), how: How::HerrCode }));
        }
        // The vendors that number their codes: InspireFace 1.2.3+ and FaceID SaaS.
        for v in Vendor::ALL.iter().copied().filter(|v| *v != Vendor::Inspireface) {
            if let Some(code) = Code::from_vendor_number(v, n) {
                readings.push((code, Reading { vendor: v, how: How::VendorNumber }));
            }
        }
    } else {
        for v in Vendor::ALL {
            if let Some(code) = Code::from_vendor(v, query) {
                readings.push((code, Reading { vendor: v, how: How::Spelling }));
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
            None => matches.push(Match { code, readings: vec![reading] }),
        }
    }
    matches
}

/// Every code of `vendor` (all vendors when `None`), in code order.
pub fn list(vendor: Option<Vendor>) -> Vec<Code> {
    Code::all().filter(|c| vendor.is_none_or(|v| c.vendor() == v)).collect()
}

/// The codes whose names, spelling or messages (both languages) hold every word of `words`,
/// case-insensitively.
pub fn search(words: &[String], vendor: Option<Vendor>) -> Vec<Code> {
    let words: Vec<String> = words.iter().flat_map(|w| w.split_whitespace()).map(str::to_lowercase).collect();
    if words.is_empty() {
        return Vec::new();
    }
    list(vendor)
        .into_iter()
        .filter(|c| {
            let mut haystack: Vec<String> = c.aliases().map(str::to_lowercase).collect();
            haystack.push(c.vendor_code().to_lowercase());
            haystack.push(c.message_in(herr::Lang::En).to_lowercase());
            haystack.push(c.message_in(herr::Lang::Zh).to_lowercase());
            words.iter().all(|w| haystack.iter().any(|h| h.contains(w.as_str())))
        })
        .collect()
}
