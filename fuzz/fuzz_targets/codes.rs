//! Every function that takes a code (or a kind, vendor or status integer) on any 64-bit value,
//! checked against the header's promises and the Rust API.
//!
//! Checks, beyond "no crash, no sanitizer report":
//! - never NULL where herr.h says so (herr_to_string, herr_kind_name, herr_vendor_name,
//!   herr_version), and every string returned is UTF-8;
//! - a code herr does not know reads as unknown everywhere: "Unknown error code", HERR_KIND_UNKNOWN,
//!   no name, no spelling, HTTP status 0, not retryable, herr_for_status gives it back;
//! - names round-trip: every name of a code (herr_aliases, herr_name first) gives the code back
//!   through herr_from_name;
//! - spellings round-trip: herr_vendor_code gives the code back through herr_from_vendor (for a
//!   spelling with several meanings, its status-less code, which herr_for_status with the
//!   code's HTTP status turns back into the code);
//! - herr_to_inspireface always lands on an InspireFace code herr knows, by name;
//!   herr_to_inspireface_v2 on a number of InspireFace 1.2.3+ that herr knows (HERR_UNKNOWN for
//!   a code herr does not know), the number itself for such a number;
//! - herr_http_statuses and herr_http_status agree; buffers are filled up to their capacity
//!   only;
//! - herr_from_vendor_number agrees with herr_from_vendor on the number's decimal text;
//! - a number of InspireFace 1.2.3+ as InspireFace returns it (`102`) answers everywhere as
//!   the code herr_from_vendor_number(HERR_VENDOR_INSPIREFACE_V2, ...) gives it, but for
//!   herr_vendor_of, which says it is 1.2.3+'s, and for the name and text of a code with two
//!   names (1300), where the number (105) has its one name's;
//! - herr_to_string_lang gives herr_to_string's very pointer for HERR_LANG_EN and for any
//!   language value herr does not know, and for HERR_LANG_ZH a text with Chinese in it
//!   ("未知的错误码" for an unknown code) equal to `Code::message_in(Lang::Zh)`;
//! - the C answers equal the Rust API's (`Code`, `Kind`, `Vendor`).
//!
//! The input is a sequence of 12-byte records (the last padded with zeros): an `i64` code, then
//! an `i32` used as a kind, a vendor value and an HTTP status.
#![no_main]

use std::ffi::{CStr, c_char, c_int, c_long};

use herr::ffi::*;
use herr::{Code, Kind, Lang, Vendor};
use libfuzzer_sys::fuzz_target;

/// The static string at `p`, which must not be NULL.
fn text(p: *const c_char) -> &'static str {
    assert!(!p.is_null());
    // SAFETY: herr returns static NUL-terminated strings.
    unsafe { CStr::from_ptr(p) }.to_str().expect("herr's strings are UTF-8")
}

fn check(code: c_long, extra: c_int) {
    let rust = Code::new(code);
    let message = text(herr_to_string(code));
    assert_eq!(herr_to_string_lang(code, Lang::En as c_int), herr_to_string(code));
    if Lang::from_value(extra).is_none() {
        assert_eq!(herr_to_string_lang(code, extra), herr_to_string(code));
    }
    let chinese = text(herr_to_string_lang(code, Lang::Zh as c_int));
    assert!(chinese.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{code}: {chinese:?}");
    assert_eq!(chinese, rust.map_or("未知的错误码", |c| c.message_in(Lang::Zh)));
    let kind = herr_kind(code);
    assert_eq!(text(herr_kind_name(kind as c_int)), kind.name());
    let kind_name = text(herr_kind_name(extra));
    assert_eq!(kind_name, Kind::from_value(i64::from(extra)).unwrap_or(Kind::Unknown).name());
    let vendor_name = text(herr_vendor_name(extra));
    assert_eq!(vendor_name, Vendor::from_value(i64::from(extra)).unwrap_or(Vendor::Unknown).name());
    assert_eq!(herr_vendor_enabled(extra), herr_vendor_enabled(extra)); // defined for any int
    assert_eq!(herr_vendor_of(code), Vendor::of_code(code));

    let mut statuses = [-1 as c_int; 4];
    let cap = (extra as u32 % 5) as usize; // 0 to 4 slots offered
    let n_statuses = herr_http_statuses(code, statuses.as_mut_ptr(), cap);
    assert!(statuses[n_statuses.min(cap)..].iter().all(|s| *s == -1), "wrote past the count or capacity");
    let status = herr_http_status(code);
    let mut names = [std::ptr::null(); 4];
    let n_names = herr_aliases(code, names.as_mut_ptr(), names.len());

    // The code as a numbered vendor's number: the same answer as its decimal text.
    let mut by_number: c_long = -7;
    let numbered = herr_from_vendor_number(extra, code, &mut by_number);
    let rust_number = Vendor::from_value(i64::from(extra))
        .filter(|v| *v != Vendor::Unknown)
        .and_then(|v| Code::from_vendor_number(v, code))
        .map(|c| i64::from(c.value()));
    assert_eq!(rust_number, numbered.then_some(i64::from(by_number)));
    if !numbered {
        assert_eq!(by_number, -7, "out written without a match");
    } else if (0..1_000_000_000).contains(&code) {
        let decimal = std::ffi::CString::new(code.to_string()).unwrap();
        let mut by_text: c_long = -7;
        assert!(herr_from_vendor(extra, decimal.as_ptr(), &mut by_text));
        assert_eq!(by_text, by_number);
    }

    let Some(c) = rust else {
        // Unknown everywhere.
        assert_eq!(message, "Unknown error code");
        assert_eq!(kind, Kind::Unknown);
        assert!(herr_name(code).is_null() && herr_vendor_code(code).is_null());
        assert_eq!((status, n_statuses, n_names), (0, 0, 0));
        assert!(!herr_is_retryable(code));
        assert_eq!(herr_for_status(code, extra), code);
        assert_eq!(herr_to_inspireface(code), c_long::from(herr::HERR_UNKNOWN));
        assert_eq!(herr_to_inspireface_v2(code), c_long::from(herr::HERR_UNKNOWN));
        return;
    };
    assert_eq!(message, c.message());
    assert_eq!(kind, c.kind());
    assert_eq!(herr_is_retryable(code), c.is_retryable());
    assert_eq!(i64::from(status), c.http_status().map_or(0, i64::from));
    assert_eq!(n_statuses, c.http_statuses().len());
    for (got, want) in statuses.iter().zip(c.http_statuses()).take(cap) {
        assert_eq!(i64::from(*got), i64::from(*want));
    }
    if n_statuses > 0 && cap > 0 {
        assert_eq!(statuses[0], status);
    }

    // A number of InspireFace 1.2.3+ as InspireFace returns it (`102`) stands for the herr code
    // herr_from_vendor_number gives it (1283): every answer is that code's, but herr_vendor_of
    // and herr_vendor_code, which say it is 1.2.3+'s.
    let mut canonical: c_long = code;
    let v2 = Vendor::InspirefaceV2.value();
    if (0..1_000_000).contains(&code) && herr_vendor_of(code) == Vendor::InspirefaceV2 {
        assert!(herr_from_vendor_number(v2, code, &mut canonical), "{code} is known but no 1.2.3 number");
        assert_eq!(herr_vendor_of(canonical) == Vendor::InspirefaceV2, canonical >= 6_000_000, "{code} -> {canonical}");
        if herr_aliases(canonical, std::ptr::null_mut(), 0) > 1 {
            // 105: one name (1300's first) and that name's text, the first part of 1300's.
            assert_eq!(herr_aliases(code, std::ptr::null_mut(), 0), 1);
            assert!(text(herr_to_string(canonical)).starts_with(message), "{code}");
        } else {
            assert_eq!(herr_to_string(code), herr_to_string(canonical));
            assert_eq!(herr_to_string_lang(code, Lang::Zh as c_int), herr_to_string_lang(canonical, Lang::Zh as c_int));
            assert_eq!(herr_name(code), herr_name(canonical));
            assert_eq!(herr_aliases(code, std::ptr::null_mut(), 0), herr_aliases(canonical, std::ptr::null_mut(), 0));
        }
        assert_eq!(herr_to_inspireface_v2(code), code, "a 1.2.3+ number is its own number there");
        assert_eq!(herr_kind(code), herr_kind(canonical));
        assert_eq!(herr_to_inspireface(code), herr_to_inspireface(canonical));
        assert_eq!(herr_is_retryable(code), herr_is_retryable(canonical));
        assert_eq!(
            herr_http_statuses(code, std::ptr::null_mut(), 0),
            herr_http_statuses(canonical, std::ptr::null_mut(), 0)
        );
        assert_eq!(herr_for_status(code, extra), herr_for_status(canonical, extra));
        assert!(!herr_from_vendor_number(Vendor::Inspireface.value(), code, std::ptr::null_mut()));
    }

    // Names round-trip (to the code a 1.2.3+ number stands for).
    assert!(n_names <= names.len());
    assert_eq!(n_names > 0, !herr_name(code).is_null());
    for (i, p) in names[..n_names].iter().enumerate() {
        if i == 0 {
            assert_eq!(*p, herr_name(code));
        }
        let name = text(*p);
        let mut back: c_long = -7;
        assert!(herr_from_name(*p, &mut back), "{name} does not look up");
        assert_eq!(back, canonical, "{name}");
    }

    // Spellings round-trip, through the status for a spelling with several meanings.
    let vendor = herr_vendor_of(code) as c_int;
    if !herr_vendor_code(code).is_null() {
        let spelling = text(herr_vendor_code(code));
        let mut back: c_long = -7;
        assert!(herr_from_vendor(vendor, herr_vendor_code(code), &mut back), "{spelling} does not look up");
        assert!(
            back == canonical || herr_for_status(back, status) == canonical,
            "{spelling} gives {back}, not {canonical}"
        );
    }
    // A status outside 0-65535 is no status (0).
    let meaning = i64::from(c.for_status(u16::try_from(extra).unwrap_or(0)).value());
    assert_eq!(i64::from(herr_for_status(code, extra)), meaning);

    // herr_to_inspireface lands on a named InspireFace code.
    let nearest = herr_to_inspireface(code);
    assert_eq!(herr_vendor_of(nearest), Vendor::Inspireface);
    assert!(!herr_name(nearest).is_null(), "{code} -> {nearest}, which has no name");
    assert_eq!(i64::from(nearest), i64::from(c.to_inspireface().value()));

    // herr_to_inspireface_v2 lands on a number InspireFace 1.2.3+ uses, which herr knows.
    let v2_number = herr_to_inspireface_v2(code);
    assert_eq!(i64::from(v2_number), i64::from(c.to_inspireface_v2()));
    assert!(herr_from_vendor_number(v2, v2_number, std::ptr::null_mut()), "{code} -> {v2_number}");
}

fuzz_target!(|data: &[u8]| {
    assert!(!herr_version().is_null());
    assert_eq!(text(herr_inspireface_release()), herr::inspireface_release());
    for record in data.chunks(12) {
        let mut bytes = [0u8; 12];
        bytes[..record.len()].copy_from_slice(record);
        let code = i64::from_le_bytes(bytes[..8].try_into().unwrap());
        let extra = i32::from_le_bytes(bytes[8..].try_into().unwrap());
        check(code as c_long, extra as c_int);
    }
});
