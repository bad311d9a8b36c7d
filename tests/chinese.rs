//! The Simplified Chinese texts (the `zh` column of the tables, `Code::message_in`):
//! - every code herr knows has one, with Chinese in it, and English stays herr_to_string's;
//! - one English term, one Chinese term: `codes/glossary.tsv` lists them, and every text
//!   written for herr (all but those of the tables that say they are the vendor's own words:
//!   SOPHON's, ArcSoft's, Baidu's, Alibaba Cloud's) keeps to it;
//! - the same English message always has the same Chinese text.
#![cfg(feature = "zh")]

mod common;
#[allow(dead_code)]
#[path = "../src/registry.rs"]
mod registry;

use std::collections::{BTreeMap, HashMap};
use std::fs;

use herr::{Code, Lang, Vendor};

/// The vendors whose Chinese texts are their own words (SOPHON's documentation, ArcSoft's header
/// comments, ...), not written for herr: their tables say so in the comment line
/// `# zh: the vendor's own words`.
fn own_words() -> Vec<Vendor> {
    Vendor::ALL
        .into_iter()
        .filter(|v| {
            let table = registry::VENDORS[v.value() as usize].table;
            let text = fs::read_to_string(common::root().join("codes").join(table)).unwrap();
            text.lines().any(|l| l == "# zh: the vendor's own words")
        })
        .collect()
}

/// Whether `text` has a CJK unified ideograph.
fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_code_has_a_chinese_text() {
    for code in Code::all().step_by(common::miri_step(5)) {
        let (en, zh) = (code.message_in(Lang::En), code.message_in(Lang::Zh));
        assert_eq!(en, code.message(), "{code}");
        assert!(has_chinese(zh), "{code}: {zh:?} has no Chinese");
        assert!(!zh.contains(['\t', '\n', '\0']), "{code}: {zh:?}");
    }
    let count = Code::all().count();
    assert!(count >= 559, "{count} codes?");
    // Codes that share a value join their meanings, as in English.
    assert_eq!(Code::new(1300).unwrap().message_in(Lang::Zh), "输入的关键点数量不匹配，或无效的索引号");
    assert_eq!(Code::new(herr::HSUCCEED).unwrap().message_in(Lang::Zh), "成功");
}

/// The glossary: (Chinese term, its English spellings).
fn glossary() -> Vec<(String, Vec<String>)> {
    let text = fs::read_to_string(common::root().join("codes/glossary.tsv")).unwrap();
    let mut rows = text.lines().filter(|l| !l.starts_with('#'));
    assert_eq!(rows.next(), Some("zh\ten"), "glossary.tsv's header");
    rows.map(|line| {
        let (zh, en) = line.split_once('\t').unwrap_or_else(|| panic!("glossary.tsv: {line:?} has no tab"));
        assert!(has_chinese(zh), "glossary.tsv: {zh:?}");
        (zh.to_string(), en.split(',').map(|s| s.trim().to_lowercase()).collect())
    })
    .collect()
}

/// Where `term` occurs in `text` as whole words: no ASCII letter, digit or `_` right before or
/// after it (so the "token" of `refresh_token`, a field name, is not the word).
fn find_word(text: &str, term: &str) -> Option<usize> {
    let word = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = text.get(from..)?.find(term).map(|i| i + from) {
        let end = at + term.len();
        if !word(at.checked_sub(1).and_then(|i| bytes.get(i))) && !word(bytes.get(end)) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[test]
fn the_glossary_is_consistent() {
    let glossary = glossary();
    let mut seen = HashMap::new();
    for (zh, spellings) in &glossary {
        for en in spellings {
            assert!(!en.is_empty(), "glossary.tsv: empty spelling for {zh}");
            assert!(seen.insert(en.clone(), zh.clone()).is_none(), "glossary.tsv: {en:?} is listed twice");
        }
    }
    assert!(find_word("a face-model version", "face").is_some());
    assert!(find_word("FaceMatchThreshold", "face").is_none());
    assert!(find_word("interface", "face").is_none());
}

#[test]
fn every_chinese_text_uses_the_glossary() {
    // Longest spellings first, each blanked out once matched: "real person" is 真人, and the
    // "person" inside it does not also ask for 人员.
    let mut terms: Vec<(String, String)> =
        glossary().into_iter().flat_map(|(zh, ens)| ens.into_iter().map(move |en| (en, zh.clone()))).collect();
    terms.sort_by_key(|(en, _)| std::cmp::Reverse(en.len()));
    let mut misses = Vec::new();
    let mut used: BTreeMap<&str, usize> = BTreeMap::new();
    let own = own_words();
    assert!(own.contains(&Vendor::Sophon), "codes/sophon.tsv says its zh is SOPHON's own");
    for code in Code::all().filter(|c| !own.contains(&c.vendor())).step_by(common::miri_step(9)) {
        let zh = code.message_in(Lang::Zh);
        let mut en = code.message().to_lowercase();
        for (term, chinese) in &terms {
            while let Some(at) = find_word(&en, term) {
                if !zh.contains(chinese.as_str()) {
                    misses.push(format!(
                        "{code} ({}): {:?} says {term:?}, so {zh:?} needs {chinese}",
                        code.vendor_code(),
                        code.message()
                    ));
                }
                *used.entry(term.as_str()).or_default() += 1;
                en.replace_range(at..at + term.len(), &" ".repeat(term.len()));
            }
        }
    }
    assert!(misses.is_empty(), "{} texts miss the glossary:\n{}", misses.len(), misses.join("\n"));
    // Every spelling of the glossary is used somewhere: no dead rows (a question for every
    // code, so not under Miri's sample).
    if cfg!(miri) {
        return;
    }
    let unused: Vec<&String> = terms.iter().map(|(en, _)| en).filter(|en| !used.contains_key(en.as_str())).collect();
    assert!(unused.is_empty(), "glossary.tsv spellings no message uses: {unused:?}");
}

#[test]
fn the_same_english_has_the_same_chinese() {
    let mut by_english: HashMap<&str, (Code, &str)> = HashMap::new();
    let mut differ = Vec::new();
    // Under Miri, the codes whose message length is a multiple of five: all the codes of one
    // message, or none.
    let step = common::miri_step(5);
    let own = own_words();
    for code in Code::all().filter(|c| !own.contains(&c.vendor()) && c.message().len() % step == 0) {
        let (en, zh) = (code.message(), code.message_in(Lang::Zh));
        match by_english.get(en) {
            Some((first, other)) if *other != zh => differ.push(format!("{en:?}: {first} {other:?}, {code} {zh:?}")),
            Some(_) => {}
            None => {
                by_english.insert(en, (code, zh));
            }
        }
    }
    assert!(differ.is_empty(), "one English text, several Chinese:\n{}", differ.join("\n"));
}
