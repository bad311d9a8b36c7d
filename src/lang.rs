//! The languages of herr's messages, and how a locale name picks one.

/// A language of herr's messages. English is herr_to_string's text; Simplified Chinese is
/// UTF-8, from the `zh` column of the code tables.
///
/// The values are fixed. A value received from C is checked: one herr does not know gives
/// English.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English (herr_to_string's text).
    #[default]
    En = 0,
    /// Simplified Chinese, UTF-8. In a build without the `zh` feature (firmware archives unless
    /// asked for) the texts are English.
    Zh = 1,
}

/// A language of herr's messages: `enum herr_lang`.
#[allow(non_camel_case_types)]
pub type herr_lang_t = Lang;

// The doc line below keeps cbindgen from exporting these Rust-only items to herr.h.
/// cbindgen:ignore
impl Lang {
    /// Every language, in value order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The language of a value (`HERR_LANG_*`), or `None` for a value herr does not know.
    pub fn from_value(value: impl Into<i64>) -> Option<Lang> {
        match value.into() {
            0 => Some(Lang::En),
            1 => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The language's short name: "en" or "zh".
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The language a locale name asks for: [`Lang::Zh`] for Chinese written in simplified
    /// characters, [`Lang::En`] for everything else.
    ///
    /// The name is a POSIX locale (`language[_territory][.codeset][@modifier]`, as in `$LANG`
    /// or `setlocale(LC_MESSAGES, NULL)`) or a BCP 47 tag (`zh-Hans-CN`). It asks for Chinese
    /// when its language is `zh` and
    /// - its script is `Hans`, or it has no script and its territory is `CN`, `SG` or `MY`, or
    ///   neither (`zh` alone); a `Hant` script, and every other territory (`TW`, `HK`, `MO`),
    ///   use traditional characters, which herr does not have;
    /// - its codeset, if it names one, is UTF-8 (`UTF-8`, `utf8`, any case): herr's Chinese
    ///   texts are UTF-8, and would print as garbage in a GB 2312, GBK or GB 18030 locale.
    ///
    /// A script is four letters, a territory two; letters match in any case; `_` and `-` both
    /// separate. So `zh`, `zh_CN`, `zh_CN.UTF-8`,
    /// `zh_SG`, `zh-Hans` and `zh-Hans-CN` ask for Chinese; `""`, `C`, `POSIX`, `en_US.UTF-8`,
    /// `zh_TW`, `zh-Hant`, `zh_CN.GB18030` and anything malformed do not.
    ///
    /// Windows names, as the C runtime's `setlocale(LC_ALL, "")` gives them
    /// (`language_territory.codepage`, the language and territory spelled out in English), ask
    /// for Chinese when the language is `Chinese (Simplified)` (or `Chinese-Simplified`, `chs`),
    /// or `Chinese` with the territory `China`, `People's Republic of China`, `Singapore` or
    /// none; and the code page is that of simplified Chinese or UTF-8 (`936`, `54936`, `65001`,
    /// `utf8`) or none. There the code page is the program's ANSI code page, not the console's:
    /// a console shows the UTF-8 texts once the program calls `SetConsoleOutputCP(CP_UTF8)`
    /// (README, "Windows"). So `Chinese (Simplified)_China.936`, `Chinese_China.936` and
    /// `Chinese (Simplified)_Singapore.utf8` ask for Chinese, `Chinese (Traditional)_Taiwan.950`
    /// and `Chinese_Hong Kong SAR.950` do not. Windows also takes BCP 47 names (`zh-CN`,
    /// `zh-CN.utf8`), read as above; the code page `65001` is UTF-8 everywhere.
    ///
    /// ```
    /// use herr::Lang;
    /// assert_eq!(Lang::from_locale(b"zh_CN.UTF-8"), Lang::Zh);
    /// assert_eq!(Lang::from_locale(b"zh_TW.UTF-8"), Lang::En);
    /// assert_eq!(Lang::from_locale(b"en_US.UTF-8"), Lang::En);
    /// ```
    pub fn from_locale(locale: &[u8]) -> Lang {
        // `@modifier` says nothing about the script or the codeset we need: drop it.
        let locale = locale.split(|b| *b == b'@').next().unwrap_or_default();
        let mut parts = locale.splitn(2, |b| *b == b'.');
        let name = parts.next().unwrap_or_default();
        let codeset = parts.next();
        if let Some(simplified) = windows_language(name) {
            let code_page_ok = codeset.is_none_or(|c| is_utf8(c) || [&b"936"[..], b"54936"].contains(&c));
            return if simplified && code_page_ok { Lang::Zh } else { Lang::En };
        }
        if codeset.is_some_and(|c| !is_utf8(c)) {
            return Lang::En;
        }
        let mut subtags = name.split(|b| *b == b'_' || *b == b'-');
        if !subtags.next().is_some_and(|language| language.eq_ignore_ascii_case(b"zh")) {
            return Lang::En;
        }
        let (mut script, mut territory) = (None, None);
        for subtag in subtags {
            if !subtag.iter().all(u8::is_ascii_alphabetic) {
                return Lang::En;
            }
            let slot = match subtag.len() {
                4 if script.is_none() && territory.is_none() => &mut script,
                2 if territory.is_none() => &mut territory,
                _ => return Lang::En,
            };
            *slot = Some(subtag);
        }
        let simplified = match (script, territory) {
            (Some(script), _) => script.eq_ignore_ascii_case(b"Hans"),
            (None, Some(territory)) => [b"CN", b"SG", b"MY"].iter().any(|t| territory.eq_ignore_ascii_case(*t)),
            (None, None) => true,
        };
        if simplified { Lang::Zh } else { Lang::En }
    }
}

/// UTF-8 as a codeset names it: `UTF-8`, `utf8` (any case) or Windows' code page `65001`.
fn is_utf8(codeset: &[u8]) -> bool {
    codeset.eq_ignore_ascii_case(b"UTF-8") || codeset.eq_ignore_ascii_case(b"utf8") || codeset == b"65001"
}

/// For a Windows locale name whose language is Chinese spelled out (`Chinese (Simplified)_China`,
/// without the code page), whether it is written in simplified characters; `None` for any
/// other name (POSIX and BCP 47 names, other languages).
fn windows_language(name: &[u8]) -> Option<bool> {
    let mut parts = name.splitn(2, |b| *b == b'_');
    let language = parts.next().unwrap_or_default();
    let territory = parts.next();
    let is = |words: &[&[u8]]| words.iter().any(|w| language.eq_ignore_ascii_case(w));
    if is(&[b"Chinese (Simplified)", b"Chinese-Simplified", b"chs"]) {
        Some(true)
    } else if is(&[b"Chinese (Traditional)", b"Chinese-Traditional", b"cht"]) {
        Some(false)
    } else if is(&[b"Chinese"]) {
        let mainland: [&[u8]; 3] = [b"China", b"People's Republic of China", b"Singapore"];
        Some(territory.is_none_or(|t| mainland.iter().any(|m| t.eq_ignore_ascii_case(m))))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn locales_pick_simplified_chinese_only() {
        for zh in [
            "zh",
            "zh_CN",
            "zh_CN.UTF-8",
            "zh_CN.utf8",
            "zh_SG",
            "zh-Hans",
            "zh-Hans-CN",
            "zh_Hans_SG",
            "ZH_cn",
            "zh_MY.UTF-8",
            "zh_CN.UTF-8@pinyin",
            "zh-CN",
            "zh-CN.utf8",
            "zh_CN.65001",
            // Windows' own names.
            "Chinese (Simplified)_China.936",
            "Chinese (Simplified)_People's Republic of China.936",
            "Chinese (Simplified)_Singapore.936",
            "Chinese (Simplified)_China.utf8",
            "Chinese (Simplified)_China.65001",
            "Chinese (Simplified)_China.54936",
            "Chinese (Simplified)_China",
            "Chinese_China.936",
            "Chinese_People's Republic of China.936",
            "chinese",
            "Chinese-Simplified",
            "chs",
        ] {
            assert_eq!(Lang::from_locale(zh.as_bytes()), Lang::Zh, "{zh}");
        }
        for en in [
            "",
            "C",
            "POSIX",
            "C.UTF-8",
            "en_US.UTF-8",
            "zh_TW",
            "zh_TW.UTF-8",
            "zh_HK",
            "zh-Hant",
            "zh-Hant-CN",
            "zh_CN.GB18030",
            "zh_CN.GBK",
            "zh_CN.",
            "zh_",
            "zh__CN",
            "zhx",
            "z",
            "zh_CN_SG",
            "zh-CN-Hans",
            "zh-Hans-12",
            "zh_C1",
            "zh\u{0}CN",
            "\u{ff}\u{fe}",
            "zh_CN.936",
            "English_United States.1252",
            "English_United States.utf8",
            "Chinese (Traditional)_Taiwan.950",
            "Chinese (Traditional)_Hong Kong SAR.950",
            "Chinese (Simplified)_China.950",
            "Chinese (Simplified)_China.1252",
            "Chinese_Taiwan.950",
            "Chinese_Hong Kong SAR.936",
            "Chinese-Traditional",
            "cht",
            "Chinese (Simplified)x_China.936",
            ".utf8",
            ".936",
        ] {
            assert_eq!(Lang::from_locale(en.as_bytes()), Lang::En, "{en:?}");
        }
        assert_eq!(Lang::from_locale(&[0x7a, 0x68, 0x5f, 0xff]), Lang::En);
    }

    #[test]
    fn values_are_fixed_and_checked() {
        for (value, lang) in Lang::ALL.iter().enumerate() {
            assert_eq!(*lang as i64, value as i64);
            assert_eq!(Lang::from_value(value as i64), Some(*lang));
        }
        for bad in [-1, 2, i64::from(i32::MAX), i64::MIN] {
            assert_eq!(Lang::from_value(bad), None);
        }
    }
}
