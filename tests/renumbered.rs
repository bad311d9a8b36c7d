//! InspireFace 1.2.3 and later renumbered its codes, and herr reads its numbers as InspireFace
//! returns them: for each, every function that says what a code means gives the answer it
//! gives for the code `herr_from_vendor_number(HERR_VENDOR_INSPIREFACE_V2, n, &code)` gives;
//! `herr_vendor_of` and `herr_vendor_code` say it is 1.2.3+'s. Through the Rust API and the C
//! functions called from Rust (tests/c/api.c does the same from C). The numbers come from
//! InspireFace's documentation (`tests/fixtures/inspireface_v2_drift.tsv`), not from codes/.
#![cfg(feature = "inspireface-v2")]
// `c_long` is `i64` here but `i32` on other targets: the casts are needed there.
#![allow(clippy::unnecessary_cast)]

mod common;

use std::collections::BTreeSet;
use std::ffi::{CStr, c_char, c_int, c_long};
use std::ptr;

use herr::ffi::*;
use herr::{Code, Error, Lang, Vendor, check};

/// Every macro of InspireFace 1.2.3 and later, and its number.
fn numbers() -> Vec<(String, i64)> {
    let mut out: Vec<(String, i64)> = common::fixture("inspireface_v2_drift.tsv")
        .into_iter()
        .filter(|r| r[3] != "removed")
        .map(|r| (r[0].clone(), r[2].split_whitespace().next().unwrap().parse().unwrap()))
        .collect();
    // The bases the documentation's table leaves out, as 1.2.3's herror.h defines them.
    out.extend(
        [("HERR_FT_HUB_BASE", 200), ("HERR_ARCHIVE_BASE", 250), ("HERR_EXTENSION_BASE", 350)]
            .map(|(n, v)| (n.to_string(), v)),
    );
    out
}

fn text(p: *const c_char) -> Option<&'static str> {
    (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_str().unwrap())
}

fn aliases(code: c_long) -> Vec<*const c_char> {
    let mut names = [ptr::null(); 4];
    let n = herr_aliases(code, names.as_mut_ptr(), names.len());
    names[..n].to_vec()
}

fn statuses(code: c_long) -> Vec<c_int> {
    let mut list = [0; 8];
    let n = herr_http_statuses(code, list.as_mut_ptr(), list.len());
    list[..n].to_vec()
}

#[test]
fn every_1_2_3_number_answers_as_its_code() {
    let numbers = numbers();
    assert_eq!(numbers.len(), 49, "InspireFace 1.2.3's herror.h has 49 macros");
    for (name, n) in numbers {
        let code = Code::from_vendor_number(Vendor::InspirefaceV2, n).unwrap_or_else(|| panic!("{name} {n}"));
        let raw = Code::new(n).unwrap_or_else(|| panic!("{name}: {n} as it comes is not known"));
        // The Rust API.
        assert_eq!(raw.message(), code.message(), "{name}");
        assert_eq!(raw.message_in(Lang::Zh), code.message_in(Lang::Zh), "{name}");
        assert_eq!(raw.kind(), code.kind(), "{name}");
        assert_eq!(raw.name(), code.name(), "{name}");
        assert_eq!(raw.aliases().collect::<Vec<_>>(), code.aliases().collect::<Vec<_>>(), "{name}");
        assert_eq!(raw.to_inspireface(), code.to_inspireface(), "{name}");
        assert_eq!(raw.http_statuses(), code.http_statuses(), "{name}");
        assert_eq!(raw.http_status(), code.http_status(), "{name}");
        assert_eq!(raw.is_retryable(), code.is_retryable(), "{name}");
        for status in [0, 200, 400, 413, 504, u16::MAX] {
            assert_eq!(raw.for_status(status), code.for_status(status), "{name} {status}");
        }
        assert_eq!(raw.to_string(), code.to_string());
        assert_eq!(check(n).map_err(|e| e.to_string()), check(code.value()).map_err(|e| e.to_string()));
        // The C functions.
        let (c, r) = (code.value() as c_long, n as c_long);
        assert_eq!(herr_to_string(r), herr_to_string(c), "{name}");
        for lang in [Lang::En as c_int, Lang::Zh as c_int, -1, 99] {
            assert_eq!(herr_to_string_lang(r, lang), herr_to_string_lang(c, lang), "{name}");
        }
        assert_eq!(herr_name(r), herr_name(c), "{name}");
        assert_eq!(aliases(r), aliases(c), "{name}");
        assert_eq!(herr_kind(r), herr_kind(c), "{name}");
        assert_eq!(herr_to_inspireface(r), herr_to_inspireface(c), "{name}");
        assert_eq!(herr_http_status(r), herr_http_status(c), "{name}");
        assert_eq!(statuses(r), statuses(c), "{name}");
        assert_eq!(herr_is_retryable(r), herr_is_retryable(c), "{name}");
        for status in [0, 400, 413, 504, -1, 65536, c_int::MAX, c_int::MIN] {
            assert_eq!(herr_for_status(r, status), herr_for_status(c, status), "{name} {status}");
        }
        let mut out: c_long = -7;
        assert!(herr_from_vendor_number(Vendor::InspirefaceV2.value(), r, &mut out) && out == c, "{name}");
        // Which numbering it is: 0, 1 and 2 mean the same in both; the rest are 1.2.3+'s.
        if n <= 2 {
            assert_eq!((raw, raw.vendor(), herr_vendor_of(r)), (code, Vendor::Inspireface, Vendor::Inspireface));
            continue;
        }
        assert_eq!((raw.vendor(), herr_vendor_of(r)), (Vendor::InspirefaceV2, Vendor::InspirefaceV2), "{name}");
        assert_eq!((raw.vendor_code(), text(herr_vendor_code(r))), (name.as_str(), Some(name.as_str())));
        assert_eq!(raw.value() as i64, n, "a number keeps its value");
        assert_eq!(check(n), Err(Error::Known(raw)));
        // It is not a number of InspireFace's releases up to 1.2.2.
        let mut out: c_long = -7;
        assert!(!herr_from_vendor_number(Vendor::Inspireface.value(), r, &mut out) && out == -7, "{name}");
        assert_eq!(Code::from_vendor(Vendor::Inspireface, n.to_string()), None, "{name}");
        assert_eq!(Code::from_vendor_number(Vendor::Inspireface, n), None, "{name}");
    }
}

/// Every number of InspireFace's range is either a code of releases up to 1.2.2 (answered as
/// today), a number of 1.2.3+, or unknown everywhere; the 1.2.3+ range is 3-24 and 100-1279.
#[test]
fn the_rest_of_inspireface_s_range_is_unknown() {
    let v2: BTreeSet<i64> = numbers().into_iter().map(|(_, n)| n).collect();
    let up_to_1_2_2: BTreeSet<i64> =
        common::fixture("documented_inspireface.tsv").iter().map(|r| r[1].parse().unwrap()).collect();
    for n in (0..2400).step_by(common::miri_step(7)) {
        let vendor = herr_vendor_of(n as c_long);
        let bare = (3..=24).contains(&n) || (100..=1279).contains(&n);
        assert_eq!(vendor, if bare { Vendor::InspirefaceV2 } else { Vendor::Inspireface }, "{n}");
        let known = Code::new(n);
        match (up_to_1_2_2.contains(&n), v2.contains(&n)) {
            (true, _) => assert_eq!(known.map(Code::vendor), Some(Vendor::Inspireface), "{n}"),
            (false, true) => assert_eq!(known.map(Code::vendor), Some(Vendor::InspirefaceV2), "{n}"),
            (false, false) => {
                assert_eq!(known, None, "{n}");
                let c = n as c_long;
                assert_eq!(text(herr_to_string(c)), Some("Unknown error code"));
                assert!(herr_name(c).is_null() && herr_vendor_code(c).is_null(), "{n}");
                assert_eq!(herr_for_status(c, 400), c);
                assert_eq!(herr_to_inspireface(c), herr::HERR_UNKNOWN);
            }
        }
    }
}

/// Code::all lists each code once, in herr's numbering: a 1.2.3+ number as it comes is not a
/// code of its own.
#[test]
fn all_lists_codes_not_1_2_3_numbers() {
    let listed: Vec<i64> = Code::all().map(|c| i64::from(c.value())).collect();
    for (name, n) in numbers() {
        let code = i64::from(Code::from_vendor_number(Vendor::InspirefaceV2, n).unwrap().value());
        assert!(listed.contains(&code), "{name}");
        assert_eq!(listed.contains(&n), n <= 2, "{name}: {n}");
    }
}
