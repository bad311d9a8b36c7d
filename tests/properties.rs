//! Properties over every code and over arbitrary bytes (proptest), through the C API as a C
//! program calls it:
//! - for every code herr knows: name -> code -> name and spelling -> code -> spelling;
//! - for any bytes and any vendor value, the lookups and the reply parser answer without a
//!   panic, and the functions that take a length (`herr_from_vendor_n`, `herr_parse_response`,
//!   `herr_json_unescape`) never read past it: bytes after `len` never change the answer.
//!
//! Under Miri the same properties run on fewer cases, where Miri also checks every pointer.

mod common;

use std::ffi::{CStr, CString, c_char, c_int, c_long};

use herr::ffi::*;
use herr::{Code, Lang, Vendor, herr_response_t};
use proptest::prelude::*;
use proptest::test_runner::Config;

fn config() -> Config {
    Config { cases: if cfg!(miri) { 4 } else { 2_000 }, failure_persistence: None, ..Config::default() }
}

/// Every vendor value a C caller might pass: the real ones and some that are not.
fn vendor_value() -> impl Strategy<Value = c_int> {
    prop_oneof![-2..10, any::<c_int>()]
}

fn static_str(p: *const c_char) -> Option<&'static str> {
    // SAFETY: herr returns NULL or static NUL-terminated strings.
    (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_str().unwrap())
}

#[test]
fn every_name_and_spelling_round_trips() {
    for code in Code::all().step_by(common::miri_step(37)) {
        let c = c_long::from(code.value());
        // name -> code -> name: every name gives the code, whose first name is herr_name's.
        let mut names = [std::ptr::null(); 4];
        let n = herr_aliases(c, names.as_mut_ptr(), names.len());
        for name in &names[..n] {
            let mut back: c_long = -7;
            assert!(herr_from_name(*name, &mut back) && back == c, "{:?}", static_str(*name));
            assert_eq!(herr_name(back), names[0]);
        }
        // The statuses through a buffer, as C passes one: the count, and no more than capacity.
        let mut statuses = [-1 as c_int; 2];
        let count = herr_http_statuses(c, statuses.as_mut_ptr(), 1);
        assert_eq!(count, code.http_statuses().len());
        assert_eq!(statuses[1], -1, "wrote past the capacity");
        // spelling -> code -> spelling.
        let Some(spelling) = static_str(herr_vendor_code(c)) else { continue };
        let vendor = herr_vendor_of(c) as c_int;
        let mut back: c_long = -7;
        assert!(herr_from_vendor_n(vendor, spelling.as_ptr().cast(), spelling.len(), &mut back), "{spelling}");
        // A spelling with several meanings by HTTP status gives its status-less code.
        assert!(back == c || herr_for_status(back, herr_http_status(c)) == c, "{spelling}: {back} for {c}");
        assert_eq!(static_str(herr_vendor_code(back)), Some(spelling));
    }
}

/// `f` on `bytes` in an allocation of exactly their size, and on the same bytes followed by
/// `after` with the length saying where they end: the two answers must be equal.
fn same_with_bytes_after<R: PartialEq + std::fmt::Debug>(bytes: &[u8], after: &[u8], f: impl Fn(&[u8]) -> R) {
    let exact: Box<[u8]> = bytes.into();
    let mut longer = bytes.to_vec();
    longer.extend_from_slice(after);
    assert_eq!(f(&exact), f(&longer[..bytes.len()]));
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn from_vendor_n_reads_only_len_bytes(vendor in vendor_value(), text in prop::collection::vec(any::<u8>(), 0..80),
                                          after in prop::collection::vec(any::<u8>(), 0..8)) {
        same_with_bytes_after(&text, &after, |t| {
            let mut out: c_long = -7;
            let found = herr_from_vendor_n(vendor, t.as_ptr().cast(), t.len(), &mut out);
            (found, out)
        });
        // And the Rust API agrees.
        let mut out: c_long = -7;
        let found = herr_from_vendor_n(vendor, text.as_ptr().cast(), text.len(), &mut out);
        let rust = Vendor::from_value(i64::from(vendor)).and_then(|v| Code::from_vendor(v, &text));
        prop_assert_eq!(rust.map(|c| c_long::from(c.value())), found.then_some(out));
    }

    #[test]
    fn spellings_with_bytes_after_still_match(code_index in any::<prop::sample::Index>(),
                                              after in prop::collection::vec(any::<u8>(), 1..8)) {
        let codes: Vec<Code> = Code::all().filter(|c| !c.vendor_code().is_empty()).collect();
        let code = codes[code_index.index(codes.len())];
        let spelling = code.vendor_code().as_bytes();
        same_with_bytes_after(spelling, &after, |t| {
            let mut out: c_long = -7;
            (herr_from_vendor_n(code.vendor().value(), t.as_ptr().cast(), t.len(), &mut out), out)
        });
    }

    #[test]
    fn from_name_never_panics(text in prop::collection::vec(1..=255u8, 0..64)) {
        let name = CString::new(text.clone()).unwrap();
        let mut out: c_long = -7;
        let found = herr_from_name(name.as_ptr(), &mut out);
        let rust = std::str::from_utf8(&text).ok().and_then(Code::from_name);
        prop_assert_eq!(rust.map(|c| c_long::from(c.value())), found.then_some(out));
    }

    #[test]
    fn lang_from_locale_agrees_with_rust(text in prop::collection::vec(1..=255u8, 0..24)) {
        let locale = CString::new(text.clone()).unwrap();
        prop_assert_eq!(herr_lang_from_locale(locale.as_ptr()), Lang::from_locale(&text));
    }

    #[test]
    fn to_string_lang_is_never_null(code in any::<c_long>(), lang in any::<c_int>()) {
        let text = static_str(herr_to_string_lang(code, lang));
        prop_assert!(text.is_some());
        let english = herr_to_string(code);
        let chinese = cfg!(feature = "zh") && Lang::from_value(lang) == Some(Lang::Zh);
        prop_assert_eq!(herr_to_string_lang(code, lang) == english, !chinese);
    }

    #[test]
    fn parse_response_reads_only_len_bytes(vendor in vendor_value(), status in any::<c_int>(),
                                           body in prop::collection::vec(any::<u8>(), 0..200),
                                           after in prop::collection::vec(any::<u8>(), 0..8)) {
        same_with_bytes_after(&body, &after, |b| parse(vendor, b, status));
    }

    #[test]
    fn parse_response_of_a_reply_reads_only_len_bytes(code_index in any::<prop::sample::Index>(), status in 0..600,
                                                      after in prop::collection::vec(any::<u8>(), 0..8)) {
        // A real-shaped reply, then garbage after it that would spoil it if it were read.
        let codes: Vec<Code> = Code::all().filter(|c| c.vendor() == Vendor::TencentIai).collect();
        if codes.is_empty() {
            return Ok(());
        }
        let code = codes[code_index.index(codes.len())];
        let body = format!(r#"{{"Response":{{"Error":{{"Code":"{}","Message":"m"}},"RequestId":"r"}}}}"#, code.vendor_code());
        same_with_bytes_after(body.as_bytes(), &after, |b| parse(Vendor::TencentIai.value(), b, status));
        // OK, but for a status that is none (1 to 99), which is refused.
        let expected = if status == 0 || status >= 100 { 0 } else { -5 };
        prop_assert_eq!(parse(Vendor::TencentIai.value(), body.as_bytes(), status).0, expected);
    }

    #[test]
    fn json_unescape_reads_only_len_bytes(text in prop::collection::vec(any::<u8>(), 0..80),
                                          after in prop::collection::vec(any::<u8>(), 0..8), capacity in 0usize..40) {
        same_with_bytes_after(&text, &after, |t| {
            let mut buf = vec![0xAAu8; capacity];
            let n = herr_json_unescape(t.as_ptr().cast(), t.len(), buf.as_mut_ptr().cast(), capacity);
            (n, buf)
        });
    }
}

/// herr_parse_response's status and answer, the texts as offsets into the body.
fn parse(vendor: c_int, body: &[u8], status: c_int) -> (i32, c_long, [Option<(usize, usize)>; 3]) {
    let mut out = herr_response_t {
        code: -7,
        vendor_code: std::ptr::null(),
        vendor_code_len: 0,
        message: std::ptr::null(),
        message_len: 0,
        request_id: std::ptr::null(),
        request_id_len: 0,
    };
    let got = herr_parse_response(vendor, body.as_ptr().cast(), body.len(), status, &mut out) as i32;
    let at = |p: *const c_char, n: usize| (!p.is_null()).then(|| ((p as usize) - (body.as_ptr() as usize), n));
    (
        got,
        out.code,
        [
            at(out.vendor_code, out.vendor_code_len),
            at(out.message, out.message_len),
            at(out.request_id, out.request_id_len),
        ],
    )
}
