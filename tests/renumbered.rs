//! InspireFace 1.2.3 and later renumbered its codes, and herr reads its numbers as InspireFace
//! returns them: for each, every function that says what a code means gives the answer it
//! gives for the code `herr_from_vendor_number(HERR_VENDOR_INSPIREFACE_V2, n, &code)` gives;
//! `herr_vendor_of` and `herr_vendor_code` say it is 1.2.3+'s. Through the Rust API and the C
//! functions called from Rust (tests/c/api.c does the same from C). The numbers come from
//! InspireFace's headers (`tests/fixtures/inspireface_headers.tsv`, the newest release) and its
//! 1.2.4 library (`tests/fixtures/inspireface_1.2.4_library.tsv`), not from codes/.
#![cfg(feature = "inspireface-v2")]
// `c_long` is `i64` here but `i32` on other targets: the casts are needed there.
#![allow(clippy::unnecessary_cast)]

mod common;

use std::collections::BTreeSet;
use std::ffi::{CStr, c_char, c_int, c_long};
use std::ptr;

use herr::ffi::*;
use herr::{Code, Error, Lang, Vendor, check};

/// Every macro of InspireFace 1.2.3 and later, and its number: the newest release's header.
fn numbers() -> Vec<(String, i64)> {
    common::c::inspireface_v2_numbers()
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
    // The newest release has every macro of 1.2.3, the first of this numbering.
    for (name, n) in common::inspireface_header("1.2.3") {
        assert!(numbers.contains(&(name.clone(), n)), "{name} = {n} of 1.2.3 is gone");
    }
    for (name, n) in numbers {
        let code = Code::from_vendor_number(Vendor::InspirefaceV2, n).unwrap_or_else(|| panic!("{name} {n}"));
        let raw = Code::new(n).unwrap_or_else(|| panic!("{name}: {n} as it comes is not known"));
        // The Rust API. A code that releases up to 1.2.2 name twice (1300) has one name and
        // one meaning in this numbering (105): its own, not the code's joined text.
        let two_names = n > 2 && code.aliases().count() > 1;
        if two_names {
            assert_eq!(raw.aliases().collect::<Vec<_>>(), [name.as_str()]);
            assert!(code.message().starts_with(raw.message()) && raw.message() != code.message(), "{name}");
            assert_ne!(raw.message_in(Lang::Zh), code.message_in(Lang::Zh), "{name}");
        } else {
            assert_eq!(raw.message(), code.message(), "{name}");
            assert_eq!(raw.message_in(Lang::Zh), code.message_in(Lang::Zh), "{name}");
            assert_eq!(raw.name(), code.name(), "{name}");
            assert_eq!(raw.aliases().collect::<Vec<_>>(), code.aliases().collect::<Vec<_>>(), "{name}");
        }
        if n > 2 {
            assert_eq!(raw.name(), Some(name.as_str()), "its name in its numbering");
        }
        assert_eq!(raw.kind(), code.kind(), "{name}");
        assert_eq!((raw.to_inspireface_v2(), code.to_inspireface_v2()), (n as i32, n as i32), "{name}");
        assert_eq!(raw.to_inspireface(), code.to_inspireface(), "{name}");
        assert_eq!(raw.http_statuses(), code.http_statuses(), "{name}");
        assert_eq!(raw.http_status(), code.http_status(), "{name}");
        assert_eq!(raw.is_retryable(), code.is_retryable(), "{name}");
        for status in [0, 200, 400, 413, 504, u16::MAX] {
            assert_eq!(raw.for_status(status), code.for_status(status), "{name} {status}");
        }
        if !two_names {
            assert_eq!(raw.to_string(), code.to_string());
            assert_eq!(check(n).map_err(|e| e.to_string()), check(code.value()).map_err(|e| e.to_string()));
        }
        // The C functions.
        let (c, r) = (code.value() as c_long, n as c_long);
        if !two_names {
            assert_eq!(herr_to_string(r), herr_to_string(c), "{name}");
            for lang in [Lang::En as c_int, Lang::Zh as c_int, -1, 99] {
                assert_eq!(herr_to_string_lang(r, lang), herr_to_string_lang(c, lang), "{name}");
            }
            assert_eq!(herr_name(r), herr_name(c), "{name}");
            assert_eq!(aliases(r), aliases(c), "{name}");
        }
        assert_eq!((herr_to_inspireface_v2(r), herr_to_inspireface_v2(c)), (r, r), "{name}");
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
        assert_eq!(text(herr_name(r)), Some(name.as_str()), "{name}");
        assert_eq!(Code::from_name(&name), Some(code), "every name of every release names its code");
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

/// What InspireFace 1.2.4's own library says: every number its HFGetErrorMessage knows (51) is a
/// code herr knows, read as it comes, with the name its header gives it; the numbers it does not
/// know (the range bases, 3 of the 1.2.2-only ranges) say "Unknown error code" there.
#[test]
fn every_number_the_1_2_4_library_knows_is_known() {
    let rows = common::fixture("inspireface_1.2.4_library.tsv");
    let known: Vec<&Vec<String>> = rows.iter().filter(|r| r[3] != "-").collect();
    assert_eq!(known.len(), 51, "the fixture lists 51 numbers that the 1.2.4 library knows");
    for r in known {
        let (name, n) = (r[0].as_str(), r[1].parse::<i64>().unwrap());
        let code = Code::new(n).unwrap_or_else(|| panic!("{name} = {n}, which the 1.2.4 library returns, is unknown"));
        assert_ne!(code.message(), "", "{name}");
        if n > 2 {
            assert_eq!(code.name(), Some(name), "{n}");
            assert_eq!(code.vendor(), Vendor::InspirefaceV2, "{name}");
        }
        assert_eq!(Code::from_vendor_number(Vendor::InspirefaceV2, n).map(Code::to_inspireface_v2), Some(n as i32));
    }
}

/// herr_to_inspireface_v2 gives each code of releases up to 1.2.2 a number of 1.2.3 and later:
/// the same error's where the newest header names it, else the nearest one's, never a range
/// base; every vendor's code through its nearest InspireFace code. Bad input: HERR_UNKNOWN.
#[test]
fn every_code_has_a_number_in_the_1_2_3_numbering() {
    let v2 = numbers();
    let newest: std::collections::HashMap<&str, i64> = v2.iter().map(|(n, v)| (n.as_str(), *v)).collect();
    for r in common::fixture("documented_inspireface.tsv") {
        let (name, value) = (r[0].as_str(), r[1].parse::<i64>().unwrap());
        let number = herr_to_inspireface_v2(value as c_long) as i64;
        match newest.get(name) {
            // Same value, same meaning: 1 is HERR_BASIC_BASE and HERR_UNKNOWN in both.
            Some(n) => assert!(*n == number || value <= 2, "{name}: {number}, its header says {n}"),
            None => {
                // An error of that numbering, not only a range base (1 is both).
                let there = v2.iter().find(|(n, v)| *v == number && !n.ends_with("_BASE")).map(|(n, _)| n.as_str());
                assert!(there.is_some(), "{name}: {number} is no error of 1.2.3+");
            }
        }
    }
    for code in Code::all().step_by(common::miri_step(101)) {
        let number = code.to_inspireface_v2();
        assert_eq!(herr_to_inspireface_v2(code.value() as c_long) as i64, i64::from(number));
        if code.vendor() != Vendor::InspirefaceV2 {
            assert_eq!(number, code.to_inspireface().to_inspireface_v2(), "{}", code.value());
        }
        assert!(v2.iter().any(|(_, v)| *v == i64::from(number)), "{}: {number}", code.value());
    }
    for bad in [-1, c_long::MIN, c_long::MAX, 24, 249, 999_999, 6_000_000, 6_000_999, i32::MAX as c_long] {
        assert_eq!(herr_to_inspireface_v2(bad), herr::HERR_UNKNOWN, "{bad}");
    }
}

/// The release herr's tables match, from C and Rust, is the newest the fixtures hold; a number
/// of a module that herr does not know is named by its module.
#[test]
fn the_release_and_the_modules_of_unknown_numbers() {
    let release = common::newest_inspireface_release();
    assert_eq!(herr::inspireface_release(), release);
    assert_eq!(text(herr_inspireface_release()), Some(release.as_str()));
    assert_eq!(herr_inspireface_release(), herr_inspireface_release(), "a static string");
    let module = |n: i64| herr::inspireface_module(n).map(|m| (m.base(), m.first(), m.last()));
    assert_eq!(module(249), Some(("HERR_FT_HUB_BASE", 200, 249)));
    assert_eq!(module(206), Some(("HERR_FT_HUB_BASE", 200, 249)));
    assert_eq!(module(15), Some(("HERR_BASIC_BASE", 1, 99)));
    assert_eq!(module(405), Some(("HERR_CAPTURE_BASE", 400, 449)), "the narrowest range");
    assert_eq!(module(450), Some(("HERR_EXTENSION_BASE", 350, 549)));
    for outside in [-1, 0, 550, 1279, 1280, 6_000_206, i64::MAX] {
        assert_eq!(module(outside), None, "{outside}");
    }
    // Each *_BASE of the newest header names a module that starts at its value.
    for (name, value) in numbers().into_iter().filter(|(n, _)| n.ends_with("_BASE")) {
        assert_eq!(module(value).map(|m| (m.0, m.1)), Some((name.as_str(), value as i32)), "{name}");
    }
}
