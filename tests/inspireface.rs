//! InspireFace's codes, against its documentation (`tests/fixtures/documented_inspireface.tsv`), through
//! the Rust API and through the C functions called from Rust. `tests/c_api.rs` does the same
//! from C.

// `c_long` is `i64` here but `i32` on other targets: the casts are needed there.
#![allow(clippy::unnecessary_cast)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::{CStr, CString, c_char, c_long};
use std::ptr;

use herr::ffi::*;
use herr::{Code, Error, Kind, Vendor, check};

struct Row {
    name: String,
    code: i64,
    comment: String,
}

fn documented() -> Vec<Row> {
    common::fixture("documented_inspireface.tsv")
        .into_iter()
        .map(|r| Row { name: r[0].clone(), code: r[1].parse().unwrap(), comment: r[2].clone() })
        .collect()
}

fn text(p: *const c_char) -> Option<String> {
    (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_string())
}

/// The names of each value, in the documentation's order.
fn names_by_value() -> BTreeMap<i64, Vec<String>> {
    let mut m: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for r in documented() {
        m.entry(r.code).or_default().push(r.name);
    }
    m
}

#[test]
fn the_documentation_has_58_names_and_herr_knows_each() {
    let rows = documented();
    assert_eq!(rows.len(), 58);
    for r in &rows {
        let code = Code::from_name(&r.name).unwrap_or_else(|| panic!("{} unknown", r.name));
        assert_eq!(i64::from(code.value()), r.code, "{}", r.name);
        assert_eq!(Code::new(r.code), Some(code));
        assert_eq!(code.vendor(), Vendor::Inspireface);
        assert!(code.aliases().any(|a| a == r.name), "{} not among the aliases", r.name);
        assert_eq!(Some(code.vendor_code()), code.name());
        assert_eq!(code.to_inspireface(), code, "an InspireFace code is its own nearest");
        assert_eq!(code.http_status(), None);
        assert!(!code.is_retryable(), "InspireFace codes are local and deterministic");
        assert_eq!(Code::from_vendor(Vendor::Inspireface, &r.name), Some(code));
        assert_eq!(Code::from_vendor(Vendor::Inspireface, r.code.to_string()), Some(code));
        assert_eq!(Code::from_vendor_number(Vendor::Inspireface, r.code), Some(code));
    }
}

#[test]
fn messages_are_the_documented_ones_but_for_the_known_quirks() {
    let by_value = names_by_value();
    for r in documented() {
        let message = Code::new(r.code).unwrap().message();
        match r.name.as_str() {
            // The documented comment for 1301 is a copy of the line above it.
            "HERR_SESS_LANDMARK_NOT_ENABLE" => {
                assert_eq!(r.comment, "The number of input landmark points does not match");
                assert_eq!(message, "The landmark model is not enabled");
            }
            // 1300 has two names: its text names both meanings.
            "HERR_SESS_LANDMARK_NUM_NOT_MATCH" | "HERR_SESS_REC_INVALID_INDEX" => {
                assert_eq!(message, "The number of input landmark points does not match, or invalid index number");
            }
            // 1 is both the base of a range and HERR_UNKNOWN: its text is HERR_UNKNOWN's.
            "HERR_BASIC_BASE" => assert_eq!(message, "Unknown error"),
            // Every other name is the only error name of its value (HERR_UNKNOWN shares 1
            // with a base): its message is the documented comment.
            _ => {
                let errors = by_value[&r.code].iter().filter(|n| !n.ends_with("_BASE")).count();
                assert!(errors <= 1, "{} shares its value with another error", r.name);
                assert_eq!(message, r.comment, "{}", r.name);
            }
        }
    }
}

#[test]
fn shared_values_have_one_name_and_every_alias() {
    assert_eq!(Code::new(1).unwrap().name(), Some("HERR_UNKNOWN"));
    assert_eq!(Code::new(1300).unwrap().name(), Some("HERR_SESS_LANDMARK_NUM_NOT_MATCH"));
    for (value, names) in names_by_value() {
        let code = Code::new(value).unwrap();
        let aliases: BTreeSet<&str> = code.aliases().collect();
        let expected: BTreeSet<&str> = names.iter().map(String::as_str).collect();
        assert_eq!(aliases, expected, "aliases of {value}");
        assert_eq!(code.aliases().next(), code.name(), "the first alias is the name");
        // From C: the count, and at most `capacity` names stored.
        let mut out = [ptr::null(); 4];
        let n = herr_aliases(value as c_long, out.as_mut_ptr(), 4);
        assert_eq!(n, names.len());
        assert_eq!(text(out[0]).as_deref(), code.name());
        assert!(out[n..].iter().all(|p| p.is_null()), "nothing stored past the count");
        let mut one = [ptr::null(); 1];
        assert_eq!(herr_aliases(value as c_long, one.as_mut_ptr(), 1), names.len());
        assert_eq!(text(one[0]).as_deref(), code.name());
        assert_eq!(herr_aliases(value as c_long, ptr::null_mut(), 4), names.len());
    }
}

#[test]
fn kinds_follow_what_the_caller_should_do() {
    let kind = |name: &str| Code::from_name(name).unwrap().kind();
    assert_eq!(kind("HSUCCEED"), Kind::Ok);
    assert_eq!(kind("HERR_UNKNOWN"), Kind::Unknown);
    assert_eq!(kind("HERR_SESS_TRACKER_FAILURE"), Kind::NotReady);
    assert_eq!(kind("HERR_ARCHIVE_NOT_LOAD"), Kind::NotReady);
    assert_eq!(kind("HERR_SESS_REC_BLOCK_FULL"), Kind::LimitExceeded);
    assert_eq!(kind("HERR_FT_HUB_EXECUTING_FAILURE"), Kind::Storage);
    assert_eq!(kind("HERR_SESS_REC_ID_ALREADY_EXIST"), Kind::AlreadyExists);
    assert_eq!(kind("HERR_INVALID_FACE_FEATURE"), Kind::FeatureInvalid);
    assert_eq!(kind("HERR_DEVICE_CUDA_UNKNOWN_ERROR"), Kind::Hardware);
    // Only success is OK, and every error has a kind.
    for r in documented() {
        let k = Code::new(r.code).unwrap().kind();
        assert_eq!(k == Kind::Ok, r.code == 0, "{}", r.name);
    }
}

#[test]
fn unknown_codes_get_defined_answers() {
    let known: BTreeSet<i64> = documented().iter().map(|r| r.code).collect();
    let probes = (-5..=3000).step_by(common::miri_step(13)).chain([
        c_long::MAX as i64,
        c_long::MIN as i64,
        -(c_long::MAX as i64),
        i32::MAX as i64,
        i32::MIN as i64,
        999_999,
        herr::Vendor::ALL.len() as i64 * 1_000_000,
    ]);
    for value in probes {
        // The numbers only InspireFace 1.2.3+ uses are its codes as it returns them (tests/renumbered.rs).
        if known.contains(&value) {
            continue;
        }
        // The numbers only InspireFace 1.2.3+ uses are its codes as it returns them, not
        // InspireFace's own (tests/renumbered.rs).
        if Vendor::of_code(value) == Vendor::InspirefaceV2 {
            assert!(!herr_from_vendor_number(Vendor::Inspireface.value(), value as c_long, ptr::null_mut()), "{value}");
            continue;
        }
        assert_eq!(Code::new(value), None, "{value}");
        let c = value as c_long;
        assert_eq!(text(herr_to_string(c)).as_deref(), Some("Unknown error code"));
        assert_eq!(herr_name(c), ptr::null());
        assert_eq!(herr_vendor_code(c), ptr::null());
        assert_eq!(herr_kind(c), Kind::Unknown);
        assert_eq!(herr_to_inspireface(c), herr::HERR_UNKNOWN);
        assert_eq!(herr_http_status(c), 0);
        assert!(!herr_is_retryable(c));
        assert_eq!(herr_aliases(c, ptr::null_mut(), 0), 0);
        assert!(!herr_from_vendor_number(Vendor::Inspireface.value(), c, ptr::null_mut()));
    }
}

#[test]
fn names_from_c_are_exact_and_null_safe() {
    let names = names_by_value();
    for r in documented() {
        let name = CString::new(r.name.clone()).unwrap();
        let mut out: c_long = -7;
        assert!(herr_from_name(name.as_ptr(), &mut out));
        assert_eq!(out as i64, r.code);
        assert!(herr_from_name(name.as_ptr(), ptr::null_mut()), "NULL out: a check only");
        let code = r.code as c_long;
        assert!(text(herr_to_string(code)).is_some());
        let first = names[&r.code][0].clone();
        let expected = if r.code == 1 { "HERR_UNKNOWN".to_string() } else { first };
        assert_eq!(text(herr_name(code)), Some(expected));
    }
    let mut out: c_long = -7;
    for junk in [
        &b""[..],
        b" HERR_UNKNOWN",
        b"HERR_UNKNOWN ",
        b"herr_unknown",
        b"HERR_",
        b"\xff\xfe",
        b"HERR_UNKNOWN\xff",
        b"1304",
    ] {
        let junk = CString::new(junk).unwrap();
        assert!(!herr_from_name(junk.as_ptr(), &mut out), "{junk:?}");
    }
    assert!(!herr_from_name(ptr::null(), &mut out));
    assert_eq!(out, -7, "out is written only on success");
}

#[test]
fn kind_names_from_c_check_the_integer() {
    for (i, k) in Kind::ALL.iter().enumerate() {
        assert_eq!(k.value() as usize, i, "Kind::ALL is in value order");
        assert_eq!(text(herr_kind_name(k.value())).as_deref(), Some(k.name()));
        assert_eq!(Kind::from_name(k.name()), Some(*k));
    }
    let names: BTreeSet<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
    assert_eq!(names.len(), Kind::ALL.len(), "kind names are unique");
    for bad in [-1, 31, 1000, i32::MAX, i32::MIN] {
        assert_eq!(text(herr_kind_name(bad)).as_deref(), Some("UNKNOWN"), "{bad}");
    }
}

#[test]
fn check_turns_return_values_into_results() {
    assert_eq!(check(0), Ok(()));
    assert_eq!(check(herr::HSUCCEED), Ok(()));
    let err = check(herr::HERR_SESS_REC_BLOCK_FULL).unwrap_err();
    assert_eq!(err, Error::Known(Code::new(1304).unwrap()));
    assert_eq!(err.to_string(), "Feature vector block full");
    assert_eq!((err.value(), err.kind(), err.is_retryable()), (1304, Kind::LimitExceeded, false));
    assert_eq!(check(1_i32).unwrap_err().to_string(), "Unknown error");
    let unknown = check(-1_i64).unwrap_err();
    assert_eq!(unknown, Error::Unknown(-1));
    assert_eq!((unknown.code(), unknown.kind()), (None, Kind::Unknown));
    assert_eq!(unknown.to_string(), "Unknown error code -1");
    let boxed: Box<dyn std::error::Error> = Box::new(err);
    assert_eq!(boxed.to_string(), "Feature vector block full");
}

#[test]
fn rust_constants_have_the_documented_values() {
    // A sample here; the C tests compare every macro of herr.h with the documentation.
    assert_eq!(herr::HSUCCEED, 0);
    assert_eq!(herr::HERR_BASIC_BASE, 1);
    assert_eq!(herr::HERR_UNKNOWN, 1);
    assert_eq!(herr::HERR_INVALID_IMAGE_BITMAP_HANDLE, 38);
    assert_eq!(herr::HERR_SESS_BASE, 1280);
    assert_eq!(herr::HERR_SESS_LANDMARK_NUM_NOT_MATCH, 1300);
    assert_eq!(herr::HERR_SESS_REC_INVALID_INDEX, 1300);
    assert_eq!(herr::HERR_ARCHIVE_NOT_LOAD, 1364);
    assert_eq!(herr::HERR_DEVICE_CUDA_DISABLE, 2325);
}

#[test]
fn every_code_lists_once_in_value_order() {
    let all: Vec<Code> = Code::all().filter(|c| c.vendor() == Vendor::Inspireface).collect();
    assert_eq!(all.len(), names_by_value().len());
    assert!(all.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn lookups_are_reentrant_across_threads() {
    let expected: Vec<(i64, &str)> =
        documented().iter().map(|r| (r.code, Code::new(r.code).unwrap().message())).collect();
    // Miri checks the threads for data races on 2 rounds; natively they make 200.
    let rounds = if cfg!(miri) { 2 } else { 200 };
    std::thread::scope(|s| {
        for _ in 0..8 {
            s.spawn(|| {
                for _ in 0..rounds {
                    for (code, message) in &expected {
                        assert_eq!(text(herr_to_string(*code as c_long)).as_deref(), Some(*message));
                    }
                }
            });
        }
    });
}
