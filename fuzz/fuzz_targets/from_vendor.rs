//! herr_from_vendor, herr_from_vendor_n and Code::from_vendor on any bytes and any vendor
//! value a C caller can pass (the 256 values around the real ones, and any other `int`).
//!
//! Checks, beyond "no crash, no sanitizer report":
//! - `_n` reads only its `len` bytes: the text sits in an allocation of exactly that size, so
//!   AddressSanitizer reports any read past it; and it agrees with herr_from_vendor on the same
//!   text NUL-terminated (when it holds no NUL) and with the Rust API;
//! - `*out` is written on a match only, and only for a vendor value that is a vendor whose
//!   table is in the build;
//! - what matched is right: the text (C's `isspace` trimmed) is the code's own spelling
//!   (herr_vendor_code; the status-less code for a spelling with several meanings), another
//!   form the vendor's documentation gives it (a number in the vendor's format, AWS's
//!   `namespace#`, an older ArcSoft header's name), an InspireFace name, or a success
//!   spelling; the code is the vendor's own, HSUCCEED, or (InspireFace 1.2.3+) an InspireFace
//!   code it renames;
//! - every exact spelling of the vendor matches, from a plain map built from `Code::all`.
//!
//! The input: 4 bytes of vendor value (little-endian; the first byte alone when shorter), then
//! the text.
#![no_main]

use std::collections::HashMap;
use std::ffi::{CStr, CString, c_int, c_long};
use std::sync::OnceLock;

use herr::ffi::{herr_from_vendor, herr_from_vendor_n, herr_vendor_code, herr_vendor_enabled, herr_vendor_of};
use herr::{Code, Vendor};
use libfuzzer_sys::fuzz_target;

/// Every exact spelling, by vendor value: the code it gives.
fn spellings() -> &'static HashMap<(i32, &'static [u8]), i64> {
    static SPELLINGS: OnceLock<HashMap<(i32, &'static [u8]), i64>> = OnceLock::new();
    SPELLINGS.get_or_init(|| {
        let mut map = HashMap::new();
        for c in Code::all() {
            let spelling = c.vendor_code().as_bytes();
            if !spelling.is_empty() {
                // A spelling with several meanings by status gives its first (status-less) code.
                map.entry((c.vendor().value(), spelling)).or_insert(i64::from(c.value()));
            }
        }
        map
    })
}

fn vendor_value(data: &[u8]) -> (c_int, &[u8]) {
    match data {
        [a, b, c, d, rest @ ..] => (c_int::from_le_bytes([*a, *b, *c, *d]), rest),
        [a, rest @ ..] => (c_int::from(*a) - 8, rest),
        [] => (0, data),
    }
}

fuzz_target!(|data: &[u8]| {
    let (vendor, text) = vendor_value(data);
    // Exactly `text.len()` bytes on the heap: a read past them is an ASan report.
    let exact: Box<[u8]> = text.into();
    let mut out: c_long = -7;
    let found = herr_from_vendor_n(vendor, exact.as_ptr().cast(), exact.len(), &mut out);
    assert!(herr_from_vendor_n(vendor, exact.as_ptr().cast(), exact.len(), std::ptr::null_mut()) == found);
    if let Ok(c_text) = CString::new(text) {
        let mut out_c: c_long = -7;
        assert_eq!(herr_from_vendor(vendor, c_text.as_ptr(), &mut out_c), found);
        assert_eq!(out_c, out);
    }
    let real = Vendor::from_value(i64::from(vendor)).filter(|v| *v != Vendor::Unknown);
    let rust = real.and_then(|v| Code::from_vendor(v, text)).map(|c| i64::from(c.value()));
    assert_eq!(rust, found.then_some(i64::from(out)));
    if !found {
        assert_eq!(out, -7, "out written without a match");
    }
    // herr trims C's `isspace` set, which holds `\v` (Rust's `trim_ascii` does not).
    let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let start = text.iter().position(|b| !space(b)).unwrap_or(text.len());
    let end = text.iter().rposition(|b| !space(b)).map_or(start, |i| i + 1);
    let trimmed = &text[start..end];
    if let Some(code) = spellings().get(&(vendor, trimmed)) {
        assert!(found, "a spelling of the vendor did not match");
        assert_eq!(i64::from(out), *code);
    }
    if !found {
        return;
    }
    assert!(real.is_some() && herr_vendor_enabled(vendor), "a match for a vendor not in the build");

    let code = Code::new(i64::from(out)).expect("a match is a code herr knows");
    let own = herr_vendor_of(out).value() == vendor;
    let renamed = vendor == Vendor::InspirefaceV2.value() && code.vendor() == Vendor::Inspireface;
    assert!(own || code.is_success() || renamed, "{vendor} matched {out}, another vendor's code");
    // SAFETY: herr_vendor_code returns NULL or a static NUL-terminated string.
    let spelling = unsafe { herr_vendor_code(out).as_ref().map(|p| CStr::from_ptr(p).to_bytes()) };
    let name = std::str::from_utf8(trimmed).ok().and_then(Code::from_name) == Some(code);
    let real = real.expect("checked above");
    assert!(
        spelling == Some(trimmed)
            || other_spelling(real, trimmed, spelling.unwrap_or(b""))
            || name
            || code.is_success(),
        "{:?} matched {out}, whose spelling is {spelling:?}",
        String::from_utf8_lossy(text)
    );
});

/// Whether `text` is another way the vendor writes the code it spells `spelling`, by the
/// vendor's documented formats (not by herr's tables). A `match` without a catch-all: a new
/// vendor does not compile until its formats are stated here.
fn other_spelling(vendor: Vendor, text: &[u8], spelling: &[u8]) -> bool {
    let digits = |t: &[u8]| (1..=9).contains(&t.len()) && t.iter().all(u8::is_ascii_digit);
    let hex = |t: &[u8]| {
        t.strip_prefix(b"0x")
            .or_else(|| t.strip_prefix(b"0X"))
            .is_some_and(|h| (1..=8).contains(&h.len()) && h.iter().all(u8::is_ascii_hexdigit))
    };
    let macro_name = |t: &[u8], prefix: &[u8]| {
        t.starts_with(prefix) && t.iter().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_')
    };
    match vendor {
        // Numbers in decimal; 1.2.3+'s names of codes 1.2.2 has (the `renamed` case above).
        Vendor::Inspireface | Vendor::InspirefaceV2 | Vendor::TencentFaceidSaas => digits(text),
        // Names only, exactly as listed.
        Vendor::Sophon | Vendor::TencentIai | Vendor::TencentFaceid | Vendor::AzureFace | Vendor::AliyunFacebody => {
            false
        }
        // The public gateway's APIGW.NNNN for APIG.NNNN.
        Vendor::HuaweiFrs => ["FRS.", "APIG.", "APIGW."]
            .iter()
            .any(|p| text.strip_prefix(p.as_bytes()).is_some_and(|d| d.len() == 4 && digits(d))),
        // The value in decimal or C hex, or another header release's macro name of it.
        Vendor::Arcsoft => digits(text) || hex(text) || macro_name(text, b"MERR"),
        // `namespace#Name`, and `Name:url` of older services (aws-sdk-go-v2's SanitizeErrorCode).
        Vendor::AwsRekognition => {
            let cut = text.iter().position(|b| *b == b':').map_or(text, |i| &text[..i]);
            let name = cut.iter().position(|b| *b == b'#').map_or(cut, |i| &cut[i + 1..]);
            name == spelling
        }
        // The service's numbers in decimal; the SDKs' strings are spellings of their own.
        Vendor::BaiduFace => digits(text),
        Vendor::Unknown => false,
    }
}
