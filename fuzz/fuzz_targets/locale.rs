//! herr_lang_from_locale and Lang::from_locale on any bytes.
//!
//! Checks, beyond "no crash, no sanitizer report":
//! - the C function and the Rust one agree;
//! - both agree with an oracle written here from the documented rule, the other way round:
//!   it lists what asks for Chinese (every spelling of language, script, territory and
//!   codeset the rule allows, in every case) and compares;
//! - a NULL locale gives HERR_LANG_EN.
//!
//! The input is the locale name; C sees it up to its first NUL, in an allocation of exactly
//! that size (so AddressSanitizer reports any read past the NUL).
#![no_main]

use std::ffi::CString;

use herr::Lang;
use herr::ffi::herr_lang_from_locale;
use libfuzzer_sys::fuzz_target;

/// Whether `name` asks for Simplified Chinese, by the documented rule (src/lang.rs, herr.h),
/// spelled as a list: POSIX and BCP 47 names, and Windows' own.
fn oracle(name: &[u8]) -> bool {
    // Bytes that are not UTF-8 never spell a part that matters: as U+FFFD they match nothing.
    let lower = String::from_utf8_lossy(name).to_ascii_lowercase();
    let base = lower.split('@').next().unwrap_or_default();
    let (base, codeset) = match base.split_once('.') {
        Some((b, c)) => (b, Some(c)),
        None => (base, None),
    };
    let utf8 = |c: &str| c == "utf-8" || c == "utf8" || c == "65001";
    // Windows' own names: the language spelled out, then the territory, then the code page.
    let (language, territory) = match base.split_once('_') {
        Some((l, t)) => (l, Some(t)),
        None => (base, None),
    };
    let simplified = match language {
        "chinese (simplified)" | "chinese-simplified" | "chs" => Some(true),
        "chinese (traditional)" | "chinese-traditional" | "cht" => Some(false),
        "chinese" => Some(matches!(territory, None | Some("china" | "people's republic of china" | "singapore"))),
        _ => None,
    };
    if let Some(simplified) = simplified {
        return simplified && codeset.is_none_or(|c| utf8(c) || c == "936" || c == "54936");
    }
    if codeset.is_some_and(|c| !utf8(c)) {
        return false;
    }
    let base = base.replace('-', "_");
    let chinese = ["zh", "zh_cn", "zh_sg", "zh_my", "zh_hans"];
    if chinese.contains(&base.as_str()) {
        return true;
    }
    // zh_hans_<any two letters>
    base.strip_prefix("zh_hans_").is_some_and(|t| t.len() == 2 && t.bytes().all(|b| b.is_ascii_alphabetic()))
}

fuzz_target!(|data: &[u8]| {
    let text = data.split(|b| *b == 0).next().unwrap_or_default();
    let locale = CString::new(text).expect("no NUL before the first NUL");
    let c = herr_lang_from_locale(locale.as_ptr());
    let rust = Lang::from_locale(text);
    assert_eq!(c, rust);
    assert_eq!(rust == Lang::Zh, oracle(text), "{:?}", String::from_utf8_lossy(text));
    assert_eq!(herr_lang_from_locale(std::ptr::null()), Lang::En);
});
