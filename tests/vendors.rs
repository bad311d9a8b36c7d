//! Vendor codes, against the vendors' error code pages and official lists (copies in
//! `tests/fixtures/`), through the Rust API and through the C functions called from Rust.
//! Needs every vendor feature (the default).
#![cfg(feature = "vendors")]

mod common;

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::ffi::{CStr, CString, c_char, c_int, c_long};
use std::ptr;

use herr::ffi::*;
use herr::{Code, Kind, Vendor};

fn text(p: *const c_char) -> Option<String> {
    (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_string())
}

/// What every vendor code must have, whatever its vendor.
fn assert_well_formed(code: Code, vendor: Vendor, spelling: &str) {
    let what = format!("{vendor} {spelling}");
    assert_eq!(code.vendor(), vendor, "{what}");
    assert_eq!(Vendor::of_code(code.value().into()), vendor, "{what}");
    assert_eq!(code.vendor_code(), spelling, "{what}: the spelling round-trips");
    assert_eq!(Code::from_vendor(vendor, code.vendor_code()), Some(code), "{what}");
    assert!(!code.message().is_empty() && code.message().is_ascii(), "{what}: message");
    assert_ne!(code.kind(), Kind::Ok, "{what}: only success is OK");
    // herr_name is InspireFace's: a code only its 1.2.3+ numbering has is named there.
    let name = (vendor == Vendor::InspirefaceV2).then_some(spelling);
    assert_eq!(code.name(), name, "{what}: herr_name is InspireFace's only");
    let nearest = code.to_inspireface();
    assert_eq!(nearest.vendor(), Vendor::Inspireface, "{what}: nearest");
    assert!(nearest.name().is_some_and(|n| !n.ends_with("_BASE")), "{what}: nearest is an error");
    assert!(code.http_statuses().iter().all(|s| (100..600).contains(s)), "{what}: HTTP status");
    // The C functions give the same answers.
    let c = code.value() as c_long;
    assert_eq!(text(herr_to_string(c)).as_deref(), Some(code.message()));
    assert_eq!(text(herr_vendor_code(c)).as_deref(), Some(spelling));
    assert_eq!(herr_vendor_of(c), vendor);
    assert_eq!(herr_kind(c), code.kind());
    assert_eq!(herr_to_inspireface(c), nearest.value() as c_long);
    assert_eq!(herr_http_status(c), code.http_status().map_or(0, c_int::from));
    assert_eq!(herr_is_retryable(c), code.is_retryable());
    assert_eq!(text(herr_name(c)).as_deref(), name);
    let cs = CString::new(spelling).unwrap();
    let mut out: c_long = 0;
    assert!(herr_from_vendor(vendor.value(), cs.as_ptr(), &mut out), "{what}");
    assert_eq!(out, c);
}

#[test]
fn sophon_documented_codes() {
    let rows = common::fixture("documented_sophon.tsv");
    assert_eq!(rows.len(), 41);
    for r in rows {
        let code = Code::from_vendor(Vendor::Sophon, &r[1]).unwrap_or_else(|| panic!("{}", r[1]));
        assert_eq!(
            i64::from(code.value()),
            1_000_000 + r[0].parse::<i64>().unwrap(),
            "{}: 1000000 + its index in the documentation",
            r[1]
        );
        assert_well_formed(code, Vendor::Sophon, &r[1]);
    }
    let no_face = Code::from_vendor(Vendor::Sophon, "NO_FACE_ERROR").unwrap();
    assert_eq!((no_face.kind(), no_face.message()), (Kind::NoFace, "No face found."));
}

#[test]
fn tencent_iai_documented_codes() {
    let rows = common::fixture("documented_tencent_iai.tsv");
    let unique: BTreeSet<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!((rows.len(), unique.len()), (91, 90), "InternalError is listed twice");
    for r in &rows {
        let code = Code::from_vendor(Vendor::TencentIai, &r[0]).unwrap_or_else(|| panic!("{}", r[0]));
        assert_well_formed(code, Vendor::TencentIai, &r[0]);
        assert_eq!(code.message(), r[1].trim(), "{}: the documented text", r[0]);
    }
    // The error page's codes are numbered first, in its order.
    let first = Code::from_vendor(Vendor::TencentIai, "AuthFailure.InvalidSecretId").unwrap();
    assert_eq!(first.value(), 2_000_001);
    let no_face = Code::from_vendor(Vendor::TencentIai, "InvalidParameterValue.NoFaceInPhoto").unwrap();
    assert_eq!((no_face.value(), no_face.kind()), (2_000_062, Kind::NoFace));
}

#[test]
fn tencent_faceid_documented_codes() {
    let rows = common::fixture("documented_tencent_faceid.tsv");
    let mut seen_faces = false;
    for r in &rows {
        let (kind, spelling, description) = (r[0].as_str(), r[1].as_str(), r[2].trim());
        if spelling == "Success" || spelling == "0" {
            let vendor = if kind == "paas" { Vendor::TencentFaceid } else { Vendor::TencentFaceidSaas };
            assert_eq!(Code::from_vendor(vendor, spelling), Some(Code::SUCCESS));
            continue;
        }
        if kind == "saas" {
            let n: i64 = spelling.parse().unwrap();
            let code = Code::from_vendor(Vendor::TencentFaceidSaas, spelling).unwrap_or_else(|| panic!("{spelling}"));
            assert_eq!(i64::from(code.value()), 4_000_000 + n);
            assert_eq!(Code::from_vendor_number(Vendor::TencentFaceidSaas, n), Some(code));
            assert_well_formed(code, Vendor::TencentFaceidSaas, spelling);
            assert_eq!(code.message(), description, "{spelling}: the documented text");
            continue;
        }
        // The page's second FailedOperation.LifePhotoDetectFaces row is LifePhotoDetectNoFaces.
        let real = if spelling == "FailedOperation.LifePhotoDetectFaces" && seen_faces {
            "FailedOperation.LifePhotoDetectNoFaces"
        } else {
            spelling
        };
        seen_faces |= spelling == "FailedOperation.LifePhotoDetectFaces";
        let code = Code::from_vendor(Vendor::TencentFaceid, real).unwrap_or_else(|| panic!("{real}"));
        assert_well_formed(code, Vendor::TencentFaceid, real);
        assert_eq!(code.message(), description, "{real}: the documented text");
    }
    let faces = Code::from_vendor(Vendor::TencentFaceid, "FailedOperation.LifePhotoDetectFaces").unwrap();
    let no_faces = Code::from_vendor(Vendor::TencentFaceid, "FailedOperation.LifePhotoDetectNoFaces").unwrap();
    assert_eq!((faces.kind(), no_faces.kind()), (Kind::MultipleFaces, Kind::NoFace));
    assert_eq!(Code::from_vendor(Vendor::TencentFaceidSaas, "2016").unwrap().kind(), Kind::MatchFailed);
    assert_eq!(Code::from_vendor(Vendor::TencentFaceidSaas, "2012").unwrap().kind(), Kind::MultipleFaces);
}

#[test]
fn huawei_frs_documented_codes() {
    let rows = common::fixture("documented_huawei_frs.tsv");
    assert_eq!(rows.len(), 55);
    for r in rows {
        let (spelling, statuses) = (r[0].as_str(), r[1].as_str());
        let code = Code::from_vendor(Vendor::HuaweiFrs, spelling).unwrap_or_else(|| panic!("{spelling}"));
        let (prefix, digits) = spelling.split_once('.').unwrap();
        let offset = if prefix == "FRS" { 5_000_000 } else { 5_100_000 };
        assert_eq!(i64::from(code.value()), offset + digits.parse::<i64>().unwrap(), "{spelling}");
        assert_well_formed(code, Vendor::HuaweiFrs, spelling);
        let documented: Vec<u16> = statuses.split('/').map(|s| s.parse().unwrap()).collect();
        assert_eq!(code.http_status(), Some(documented[0]), "{spelling}: the documented status");
        assert_eq!(
            &code.http_statuses()[..documented.len()],
            &documented[..],
            "{spelling}: the documented statuses come first"
        );
        if prefix == "APIG" {
            let gw = Code::from_vendor(Vendor::HuaweiFrs, format!("APIGW.{digits}"));
            assert_eq!(gw, Some(code), "APIGW.{digits} is APIG.{digits}");
        }
    }
    let multi = Code::from_vendor(Vendor::HuaweiFrs, "APIG.0201").unwrap();
    assert_eq!(multi.http_statuses(), [413, 504, 400, 414, 494, 502, 500]);
    let mut out = [0 as c_int; 3];
    assert_eq!(herr_http_statuses(multi.value() as c_long, out.as_mut_ptr(), 3), 7);
    assert_eq!(out, [413, 504, 400]);
    assert_eq!(herr_http_statuses(multi.value() as c_long, ptr::null_mut(), 3), 7);
    // The documented text for FRS.0708/0709 is the remedy; the message is the meaning.
    assert_eq!(Code::from_vendor(Vendor::HuaweiFrs, "FRS.0708").unwrap().kind(), Kind::FaceQuality);
    assert_eq!(Code::from_vendor(Vendor::HuaweiFrs, "FRS.0709").unwrap().kind(), Kind::MultipleFaces);
    for no_face in ["FRS.0304", "FRS.0404", "FRS.0501", "FRS.0707"] {
        assert_eq!(Code::from_vendor(Vendor::HuaweiFrs, no_face).unwrap().kind(), Kind::NoFace, "{no_face}");
    }
}

#[test]
fn every_official_code_is_known() {
    let rows = common::fixture("official_codes.tsv");
    let mut per_vendor: BTreeMap<&str, usize> = BTreeMap::new();
    for r in rows.iter().step_by(common::miri_step(9)) {
        let vendor = Vendor::from_name(&r[0]).unwrap();
        let code = Code::from_vendor(vendor, &r[1]).unwrap_or_else(|| panic!("{} {}", r[0], r[1]));
        if code == Code::SUCCESS {
            assert!(["Success", "0", "MOK", "MERR_NONE", "ASF_MOK"].contains(&r[1].as_str()), "{} is success?", r[1]);
            continue;
        }
        // Another name of a code (an older ArcSoft header's): the code, under its own spelling.
        assert_well_formed(code, vendor, code.vendor_code());
        if let Ok(status) = r[2].parse::<u16>() {
            assert!(code.http_statuses().contains(&status), "{}: status {status}", r[1]);
        }
        *per_vendor.entry(&r[0]).or_default() += 1;
    }
    // Every code of a vendor the list has is one of the list's (or a common code of both
    // Tencent products): no code is made up. (InspireFace's are held to its documentation in
    // tests/inspireface.rs and tests/renumbered.rs.)
    let official: BTreeSet<(&str, &str)> = rows.iter().map(|r| (r[0].as_str(), r[1].as_str())).collect();
    let listed: BTreeSet<&str> = official.iter().map(|(v, _)| *v).collect();
    let unlisted: Vec<&str> =
        Vendor::ALL.iter().map(|v| v.name()).filter(|v| !listed.contains(v) && !v.starts_with("inspireface")).collect();
    println!("vendors without an official list here: {unlisted:?}");
    let iai: BTreeSet<&str> = official.iter().filter(|(v, _)| *v == "tencent-iai").map(|(_, c)| *c).collect();
    for code in Code::all().step_by(common::miri_step(9)) {
        let v = code.vendor();
        if !listed.contains(v.name()) {
            continue;
        }
        let known = official.contains(&(v.name(), code.vendor_code()))
            || (v == Vendor::TencentFaceid && iai.contains(code.vendor_code()));
        assert!(known, "{code:?} is in no official list");
    }
    println!("official codes per vendor: {per_vendor:?}");
}

#[test]
fn tencent_common_codes_mean_the_same_in_both_products() {
    for code in Code::all().filter(|c| c.vendor() == Vendor::TencentFaceid) {
        if let Some(iai) = Code::from_vendor(Vendor::TencentIai, code.vendor_code()) {
            if !code.vendor_code().contains('.') || code.vendor_code().starts_with("AuthFailure.") {
                assert_eq!(iai.message(), code.message(), "{}", code.vendor_code());
                assert_eq!(iai.kind(), code.kind(), "{}", code.vendor_code());
                assert_ne!(iai.value(), code.value(), "each product has its own number");
            }
        }
    }
}

#[test]
fn inspireface_1_2_3_numbers_map_to_the_1_2_2_codes() {
    let mut added = 0;
    for r in common::fixture("inspireface_v2_drift.tsv") {
        let (name, old, current, status) = (r[0].as_str(), r[1].as_str(), r[2].as_str(), r[3].as_str());
        if status == "removed" {
            continue;
        }
        let number: i64 = current.split_whitespace().next().unwrap().parse().unwrap();
        let code = Code::from_vendor_number(Vendor::InspirefaceV2, number).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(Code::from_vendor(Vendor::InspirefaceV2, current.split_whitespace().next().unwrap()), Some(code));
        assert_eq!(Code::from_vendor(Vendor::InspirefaceV2, name), Some(code), "{name}");
        if status == "added" {
            added += 1;
            assert_eq!(i64::from(code.value()), 6_000_000 + number, "{name}");
            assert_well_formed(code, Vendor::InspirefaceV2, name);
        } else {
            assert_eq!(i64::from(code.value()), old.parse::<i64>().unwrap(), "{name}: same error, 1.2.2's number");
            assert_eq!(code.vendor(), Vendor::Inspireface);
        }
    }
    assert_eq!(added, 7);
    // What later releases added: every macro of the newest header that 1.2.3's lacks is a code
    // of its own, 6000000 + its number.
    let first: Vec<(String, i64)> = common::inspireface_header("1.2.3");
    for (name, number) in common::inspireface_header(&common::newest_inspireface_release()) {
        if first.iter().any(|(n, _)| *n == name) {
            continue;
        }
        let code = Code::from_vendor_number(Vendor::InspirefaceV2, number).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(i64::from(code.value()), 6_000_000 + number, "{name}");
        assert_well_formed(code, Vendor::InspirefaceV2, &name);
    }
    // Removed names and unused numbers are not 1.2.3 codes.
    assert_eq!(Code::from_vendor(Vendor::InspirefaceV2, "HERR_SESS_REC_BLOCK_FULL"), None);
    assert_eq!(Code::from_vendor_number(Vendor::InspirefaceV2, 1304), None);
    assert_eq!(Code::from_vendor_number(Vendor::InspirefaceV2, 357), None);
}

#[test]
fn the_code_space_is_sound() {
    let all: Vec<Code> = Code::all().collect();
    let unique: HashSet<i32> = all.iter().map(|c| c.value()).collect();
    assert_eq!(unique.len(), all.len(), "no number names two codes");
    let mut count: BTreeMap<Vendor, usize> = BTreeMap::new();
    for c in &all {
        assert!(c.value() >= 0, "numbers fit in 31 bits");
        assert_eq!(Code::new(c.value()), Some(*c));
        *count.entry(c.vendor()).or_default() += 1;
    }
    // Every vendor of the registry has codes of its own (the snapshot, tests/snapshots/codes.tsv,
    // holds them one by one); InspireFace 1.2.3+'s are the macros of its newest header that
    // releases up to 1.2.2 lack (range bases included: 1.2.2 has no FeatureHub base).
    for v in Vendor::ALL {
        assert!(count.get(&v).is_some_and(|n| *n > 0), "{v} has no codes");
    }
    assert_eq!(count.get(&Vendor::Inspireface), Some(&56));
    let up_to_1_2_2: Vec<String> =
        common::fixture("documented_inspireface.tsv").into_iter().map(|r| r[0].clone()).collect();
    let newest = common::inspireface_header(&common::newest_inspireface_release());
    let own = newest.iter().filter(|(name, _)| !up_to_1_2_2.contains(name)).count();
    assert_eq!(count.get(&Vendor::InspirefaceV2), Some(&own));
    // The vendor of a number is its range, known or not.
    assert_eq!(Vendor::of_code(1_000_999), Vendor::Sophon);
    assert_eq!(Vendor::of_code(6_999_999), Vendor::InspirefaceV2);
    // The numbers only InspireFace 1.2.3+ uses, as it returns them (tests/renumbered.rs).
    assert_eq!(
        (Vendor::of_code(2), Vendor::of_code(3), Vendor::of_code(24)),
        (Vendor::Inspireface, Vendor::InspirefaceV2, Vendor::InspirefaceV2)
    );
    assert_eq!(
        (Vendor::of_code(25), Vendor::of_code(99), Vendor::of_code(100)),
        (Vendor::Inspireface, Vendor::Inspireface, Vendor::InspirefaceV2)
    );
    assert_eq!((Vendor::of_code(1279), Vendor::of_code(1280)), (Vendor::InspirefaceV2, Vendor::Inspireface));
    assert!(
        all.iter().all(|c| c.vendor() != Vendor::InspirefaceV2 || c.value() >= 6_000_000),
        "bare numbers are not listed"
    );
    assert_eq!(Vendor::of_code(Vendor::ALL.len() as i64 * 1_000_000), Vendor::Unknown);
    assert_eq!(Vendor::of_code(-1), Vendor::Unknown);
    assert_eq!(herr_vendor_of(c_long::MIN), Vendor::Unknown);
    assert_eq!(herr_vendor_of(c_long::MAX), Vendor::Unknown);
}

#[test]
fn text_is_trimmed_and_numbers_are_decimal() {
    let nf = Code::from_vendor(Vendor::TencentIai, "InvalidParameterValue.NoFaceInPhoto").unwrap();
    assert_eq!(Code::from_vendor(Vendor::TencentIai, " \t\r\nInvalidParameterValue.NoFaceInPhoto\x0b\x0c "), Some(nf));
    assert_eq!(Code::from_vendor(Vendor::TencentIai, "invalidparametervalue.nofaceinphoto"), None, "exact spelling");
    assert_eq!(Code::from_vendor(Vendor::TencentIai, "InvalidParameterValue.NoFaceInPhoto."), None);
    assert_eq!(
        Code::from_vendor(Vendor::TencentFaceid, "InvalidParameterValue.NoFaceInPhoto"),
        None,
        "IAI's, not FaceID's"
    );
    assert_eq!(
        Code::from_vendor(Vendor::TencentFaceidSaas, "02016"),
        Code::from_vendor(Vendor::TencentFaceidSaas, "2016")
    );
    for junk in ["", " ", "-2016", "+2016", "2016.0", "0x7e0", "2 016", "4002016", "99999999999"] {
        assert_eq!(Code::from_vendor(Vendor::TencentFaceidSaas, junk), None, "{junk:?}");
    }
    for junk in ["FRS.501", "FRS.00501", "frs.0501", "FRS0501", "FRS.0000", "APIG.0000", "APIGX.0301", "5000501"] {
        assert_eq!(Code::from_vendor(Vendor::HuaweiFrs, junk), None, "{junk:?}");
    }
    // Numbered vendors only, for herr_from_vendor_number.
    for v in [Vendor::Sophon, Vendor::TencentIai, Vendor::TencentFaceid, Vendor::HuaweiFrs, Vendor::Unknown] {
        assert_eq!(Code::from_vendor_number(v, 501), None, "{v}");
    }
    assert_eq!(Code::from_vendor_number(Vendor::TencentFaceidSaas, 0), Some(Code::SUCCESS));
    assert_eq!(Code::from_vendor_number(Vendor::TencentFaceidSaas, -2016), None);
    assert_eq!(Code::from_vendor_number(Vendor::TencentFaceidSaas, i64::MAX), None);
}

/// The C functions look a text up as it is first, and trim it only when that misses (no
/// spelling starts or ends with whitespace): every spelling, with ASCII whitespace before it,
/// after it or both, gives through both C functions the code it gives bare, and the Rust API
/// agrees; whitespace alone, or inside a spelling, gives nothing.
#[test]
fn c_lookups_ignore_whitespace_around_every_spelling() {
    let c_lookup = |vendor: Vendor, text: &[u8]| {
        let mut out: c_long = -7;
        let found = herr_from_vendor(vendor.value(), CString::new(text).unwrap().as_ptr(), &mut out);
        let mut out_n: c_long = -7;
        let found_n = herr_from_vendor_n(vendor.value(), text.as_ptr().cast(), text.len(), &mut out_n);
        assert_eq!((found, out), (found_n, out_n), "{vendor} {:?}: the two C functions", String::from_utf8_lossy(text));
        let rust = Code::from_vendor(vendor, text).map(|c| c_long::from(c.value()));
        assert_eq!(found.then_some(out), rust, "{vendor} {:?}: C and Rust", String::from_utf8_lossy(text));
        rust
    };
    let pads: [(&[u8], &[u8]); 4] = [(b" ", b""), (b"", b"\t"), (b"\r\n ", b"\x0b\x0c"), (b"\x0c", b"  \n")];
    let spellings: Vec<(Vendor, String)> = Code::all()
        .filter(|c| !c.vendor_code().is_empty())
        .map(|c| (c.vendor(), c.vendor_code().to_string()))
        .collect();
    let numbers =
        [(Vendor::TencentFaceidSaas, "2016"), (Vendor::TencentFaceidSaas, "0002016"), (Vendor::Inspireface, "1300")];
    let all = spellings.iter().map(|(v, s)| (*v, s.as_str())).chain(numbers);
    for (i, (vendor, spelling)) in all.enumerate().step_by(common::miri_step(8)) {
        let bare = c_lookup(vendor, spelling.as_bytes());
        assert!(bare.is_some(), "{vendor} {spelling}");
        let (before, after) = pads[i % pads.len()];
        let padded = [before, spelling.as_bytes(), after].concat();
        assert_eq!(c_lookup(vendor, &padded), bare, "{vendor} {:?}", String::from_utf8_lossy(&padded));
        if spelling.len() > 1 {
            let (head, tail) = spelling.as_bytes().split_at(spelling.len() / 2);
            assert_eq!(c_lookup(vendor, &[head, b" ", tail].concat()), None, "{vendor} {spelling} split by a space");
        }
    }
    for vendor in Vendor::ALL {
        for blank in [&b""[..], b" ", b"\t\r\n\x0b\x0c "] {
            assert_eq!(c_lookup(vendor, blank), None, "{vendor} {blank:?}");
        }
    }
}

#[test]
fn c_lookups_check_every_pointer_and_integer() {
    let good = CString::new("NO_FACE_ERROR").unwrap();
    let mut out: c_long = -7;
    // NULL text, bad vendors, junk: false, out untouched.
    assert!(!herr_from_vendor(Vendor::Sophon.value(), ptr::null(), &mut out));
    assert!(!herr_from_vendor_n(Vendor::Sophon.value(), ptr::null(), 13, &mut out));
    assert!(!herr_from_vendor_n(Vendor::Sophon.value(), ptr::null(), 0, &mut out));
    for vendor in [-2, -1, herr::HERR_VENDOR_COUNT, herr::HERR_VENDOR_COUNT + 1, 1000, c_int::MAX, c_int::MIN] {
        assert!(!herr_from_vendor(vendor, good.as_ptr(), &mut out), "{vendor}");
        assert!(!herr_from_vendor_n(vendor, good.as_ptr(), 13, &mut out), "{vendor}");
        assert!(!herr_from_vendor_number(vendor, 2016, &mut out), "{vendor}");
        assert_eq!(text(herr_vendor_name(vendor)).as_deref(), Some("unknown"));
        assert!(!herr_vendor_enabled(vendor));
    }
    for junk in [&b""[..], b"\xff\xfe\xfd", b"NO_FACE_ERROR\xff", b"NO_FACE", b"NO_FACE_ERRORS", b"no_face_error"] {
        let junk = CString::new(junk).unwrap();
        assert!(!herr_from_vendor(Vendor::Sophon.value(), junk.as_ptr(), &mut out), "{junk:?}");
    }
    assert_eq!(out, -7, "out is written only on success");
    // NULL out: a check only.
    assert!(herr_from_vendor(Vendor::Sophon.value(), good.as_ptr(), ptr::null_mut()));
    assert!(herr_from_vendor_number(Vendor::TencentFaceidSaas.value(), 2016, ptr::null_mut()));
    // The length-taking variant reads `len` bytes and no more.
    let buffer = b"NO_FACE_ERROR\",\"message\":\"x\"}";
    assert!(herr_from_vendor_n(Vendor::Sophon.value(), buffer.as_ptr().cast(), 13, &mut out));
    assert_eq!(out, 1_000_034);
    assert!(!herr_from_vendor_n(Vendor::Sophon.value(), buffer.as_ptr().cast(), 12, &mut out));
    assert!(!herr_from_vendor_n(Vendor::Sophon.value(), buffer.as_ptr().cast(), 14, &mut out));
    assert!(!herr_from_vendor_n(Vendor::Sophon.value(), buffer.as_ptr().cast(), 0, &mut out));
    assert!(
        !herr_from_vendor_n(Vendor::Sophon.value(), buffer.as_ptr().cast(), usize::MAX, &mut out),
        "impossible length"
    );
    let with_nul = b"NO_FACE_ERROR\0";
    assert!(!herr_from_vendor_n(Vendor::Sophon.value(), with_nul.as_ptr().cast(), 14, &mut out), "NUL inside");
    let padded = b"  FRS.0501\n";
    assert!(herr_from_vendor_n(Vendor::HuaweiFrs.value(), padded.as_ptr().cast(), padded.len(), &mut out));
    assert_eq!(out, 5_000_501);
    // Vendor names and switches.
    for v in Vendor::ALL {
        assert_eq!(text(herr_vendor_name(v.value())).as_deref(), Some(v.name()));
        assert!(herr_vendor_enabled(v.value()), "{v}");
        assert_eq!(Vendor::from_name(v.name()), Some(v));
    }
    assert_eq!(text(herr_vendor_name(Vendor::HuaweiFrs.value())).as_deref(), Some("huawei-frs"));
}

/// A small deterministic generator for the junk test.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn junk_and_near_misses_never_match_wrongly() {
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    let spellings: Vec<(Vendor, String)> = Code::all().map(|c| (c.vendor(), c.vendor_code().to_string())).collect();
    let mut inputs: Vec<Vec<u8>> = Vec::new();
    // Miri runs this in minutes with a sample (every 16th spelling, 200 random inputs), where
    // the full set would take hours.
    let random = if cfg!(miri) { 200 } else { 20_000 };
    for (_, s) in spellings.iter().step_by(common::miri_step(16)) {
        let b = s.as_bytes().to_vec();
        // Near misses: one byte changed, one dropped, one added.
        let i = (rng.next() as usize) % b.len();
        let mut changed = b.clone();
        changed[i] ^= 1 << (rng.next() % 7);
        inputs.push(changed);
        let mut dropped = b.clone();
        dropped.remove(i);
        inputs.push(dropped);
        let mut added = b.clone();
        added.insert(i, b'X');
        inputs.push(added);
    }
    for _ in 0..random {
        let len = (rng.next() % 72) as usize;
        inputs.push((0..len).map(|_| rng.next() as u8).collect());
    }
    let exact: HashSet<(Vendor, &[u8])> = spellings.iter().map(|(v, s)| (*v, s.as_bytes())).collect();
    for input in &inputs {
        for v in Vendor::ALL {
            if let Some(code) = Code::from_vendor(v, input) {
                // Whatever matched must be a real spelling of that vendor (or a number form).
                let trimmed = input.trim_ascii();
                let matched = exact.contains(&(v, trimmed))
                    || code.is_success()
                    || code.vendor_code().as_bytes() == trimmed
                    || trimmed.iter().all(u8::is_ascii_digit)
                    || trimmed.starts_with(b"APIGW.")
                    || v == Vendor::InspirefaceV2;
                assert!(matched, "{v} matched {:?} as {code:?}", String::from_utf8_lossy(input));
            }
        }
    }
}

/// The code of ArcSoft's value `value` (an `MRESULT`).
fn arcsoft(value: i64) -> Option<Code> {
    Code::from_vendor_number(Vendor::Arcsoft, value)
}

#[test]
fn arcsoft_desktop_headers_by_name_value_and_hex() {
    let rows = common::fixture("documented_arcsoft.tsv");
    assert!(rows.len() >= 110, "{} rows", rows.len());
    for r in rows.iter().step_by(common::miri_step(7)) {
        let (name, hex) = (r[0].as_str(), r[1].as_str());
        let value = i64::from_str_radix(hex.trim_start_matches("0x"), 16).unwrap();
        let by_name = Code::from_vendor(Vendor::Arcsoft, name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(arcsoft(value), Some(by_name), "{name} = {hex}");
        assert_eq!(Code::from_vendor(Vendor::Arcsoft, hex), Some(by_name), "{hex}");
        assert_eq!(Code::from_vendor(Vendor::Arcsoft, hex.to_uppercase().replace("0X", "0x")), Some(by_name));
        assert_eq!(Code::from_vendor(Vendor::Arcsoft, value.to_string()), Some(by_name), "{value}");
        if value == 0 {
            assert_eq!(by_name, Code::SUCCESS, "{name}");
            continue;
        }
        assert_eq!(i64::from(by_name.value()), 7_000_000 + value, "{name}: code = 7,000,000 + the MRESULT");
        // 4.0's misspelling FACEDATE is a second name of 4.1's FACEDATD.
        let own = if name == "MERR_FSDK_FACEFEATURE_FACEDATE" { "MERR_FSDK_FACEFEATURE_FACEDATD" } else { name };
        assert_well_formed(by_name, Vendor::Arcsoft, own);
        // An activation or licence failure is the account's business, not the caller's input.
        if name.contains("ACTIV") || name.contains("LICENSE") || name.contains("LICENCE") {
            assert!(
                !matches!(by_name.kind(), Kind::InvalidArgument | Kind::MissingArgument),
                "{name}: {}",
                by_name.kind()
            );
        }
    }
    assert_eq!(Code::from_vendor(Vendor::Arcsoft, "MERR_ASF_NOT_ACTIVATED").unwrap().kind(), Kind::Account);
    for junk in ["0x", "0x16003 ", "0x100000000", "16003h", "-0x1", "0x1g", "merr_asf_not_activated"] {
        assert_eq!(Code::from_vendor(Vendor::Arcsoft, junk.trim_end_matches(' ').to_string() + "?"), None, "{junk}");
    }
    assert_eq!(Code::from_vendor(Vendor::Arcsoft, " 0x16003\n"), arcsoft(0x16003), "trimmed");
    assert_eq!(arcsoft(-1), None);
    assert_eq!(arcsoft(0x16FFF), None);
}

/// Where ArcSoft's header releases give one value two meanings, herr gives the 4.x desktop
/// headers' (codes/arcsoft.tsv and README's "ArcSoft" say why).
#[test]
fn arcsoft_values_with_two_meanings_read_as_the_desktop_headers() {
    let name = |value: i64| arcsoft(value).map(|c| c.vendor_code());
    assert_eq!(name(0x16005), Some("MERR_ASF_ACTIVEFILE_SDKTYPE_MISMATCH"));
    assert_eq!(name(0x16007), Some("MERR_ASF_UNIQUE_IDENTIFIER_ILLEGAL"));
    assert_eq!(name(0x16009), Some("MERR_ASF_LIVENESS_EXPIRED"));
    // ios-asf-sdk's network block numbers the same errors differently.
    assert_eq!(name(0x17001), Some("MERR_ASF_NETWORK_COULDNT_RESOLVE_HOST"));
    assert_eq!(name(0x17002), Some("MERR_ASF_NETWORK_COULDNT_CONNECT_SERVER"));
    assert_eq!(name(0x17003), Some("MERR_ASF_NETWORK_CONNECT_TIMEOUT"));
    assert_eq!(name(0x17004), Some("MERR_ASF_NETWORK_UNKNOWN_ERROR"));
    assert_eq!(arcsoft(0x17009), arcsoft(0x17004), "its UNKNOWN_ERROR, 0x17004 elsewhere");
    for (value, own) in [
        (0x17005, "MERR_ASF_NETWORK_CONNECT_FAILURE"),
        (0x17006, "MERR_ASF_NETWORK_CONNECT_LOSS"),
        (0x17007, "MERR_ASF_NETWORK_NOT_CONNECTED"),
        (0x17008, "MERR_ASF_NETWORK_OPERATION_NOT_COMPLETED"),
    ] {
        assert_eq!(name(value), Some(own), "values only ios-asf-sdk uses are codes of their own");
        assert_eq!(arcsoft(value).unwrap().kind(), Kind::Network);
    }
    // The names of those headers for values the desktop headers give another error: unknown.
    for other in [
        "MERR_ASF_VERION_MISMATCH",
        "MERR_ASF_UNIQUE_IDENTIFIER_MISMATCH",
        "MERR_ASF_SDK_EXPIRED",
        "MERR_ASF_NETWORK_SERVER_EXCEPTION",
        "MERR_ASF_NETWORK_NONSUPPORTED_URL",
    ] {
        assert_eq!(Code::from_vendor(Vendor::Arcsoft, other), None, "{other}");
    }
    // Their names of the same errors are second names.
    assert_eq!(
        Code::from_vendor(Vendor::Arcsoft, "MERR_ASF_SDK_INVALID_APP_ID"),
        Code::from_vendor(Vendor::Arcsoft, "MERR_FSDK_INVALID_APP_ID")
    );
    // The mobile package's moved names: each name is its desktop value, each moved value the
    // same error's desktop code.
    for (moved, desktop, moved_name) in [
        (0x20001, 0x1601A, "MERR_ASF_ACTIVE_FILE_NO_EXIST"),
        (0x20004, 0x16006, "MERR_ASF_DEVICE_MISMATCH"),
        (0x20005, 0x1601C, "MERR_ASF_CURRENT_DEVICE_TIME_INCORRECT"),
        (0x20006, 0x16011, "MERR_ASF_ACTIVATION_DATA_DESTROYED"),
        (0x20007, 0x16014, "MERR_ASF_ACTIVEFILE_SDK_MISMATCH"),
        (0x21001, 0x1600A, "MERR_ASF_VERSION_NOT_SUPPORT"),
        (0x21003, 0x16004, "MERR_ASF_SCALE_NOT_SUPPORT"),
        (0x22001, 0x1600E, "MERR_ASF_COLOR_SPACE_NOT_SUPPORT"),
        (0x22002, 0x1600F, "MERR_ASF_IMAGE_WIDTH_HEIGHT_NOT_SUPPORT"),
        (0x22003, 0x1601B, "MERR_ASF_DETECT_MODEL_UNSUPPORTED"),
        (0x23002, 0x16016, "MERR_ASF_LOCAL_TIME_NOT_CALIBRATED"),
        (0x2300B, 0x1600C, "MERR_ASF_DATABASE_ERROR"),
        (0x2300C, 0x16012, "MERR_ASF_SERVER_UNKNOWN_ERROR"),
    ] {
        let code = arcsoft(desktop).unwrap();
        assert_eq!(arcsoft(moved), Some(code), "{moved_name} {moved:#x}");
        assert_eq!(Code::from_vendor(Vendor::Arcsoft, moved_name), Some(code));
        assert_eq!(Code::from_vendor(Vendor::Arcsoft, format!("{moved:#x}")), Some(code));
    }
    // ASF_MOK of the mobile and iOS headers is success, as MOK and MERR_NONE.
    for success in ["ASF_MOK", "200", "0xC8", "MOK", "MERR_NONE", "0"] {
        assert_eq!(Code::from_vendor(Vendor::Arcsoft, success), Some(Code::SUCCESS), "{success}");
    }
}

#[test]
fn aws_error_types_with_or_without_a_namespace() {
    let plain = Code::from_vendor(Vendor::AwsRekognition, "ThrottlingException").unwrap();
    assert_eq!((plain.kind(), plain.is_retryable()), (Kind::RateLimited, true));
    assert_eq!(plain.http_statuses(), [500, 400], "the model says 500, the guide and the common errors page 400");
    for form in [
        "com.amazonaws.rekognition#ThrottlingException",
        "RekognitionService#ThrottlingException",
        "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/",
        "com.amazonaws.rekognition#ThrottlingException:http://internal.amazon.com/",
        " #ThrottlingException\n",
    ] {
        assert_eq!(Code::from_vendor(Vendor::AwsRekognition, form), Some(plain), "{form}");
    }
    for junk in ["com.amazonaws.rekognition#", "ThrottlingException#x", "throttlingexception", "Throttling"] {
        assert_eq!(Code::from_vendor(Vendor::AwsRekognition, junk), None, "{junk}");
    }
    // The AWS common errors are there too.
    assert_eq!(
        Code::from_vendor(Vendor::AwsRekognition, "InvalidClientTokenId").unwrap().kind(),
        Kind::Unauthenticated
    );
    assert_eq!(
        Code::from_vendor(Vendor::AwsRekognition, "HumanLoopQuotaExceededException").unwrap().http_status(),
        Some(402)
    );
}

#[test]
fn azure_codes_and_statuses() {
    let code = |text: &str| Code::from_vendor(Vendor::AzureFace, text).unwrap_or_else(|| panic!("{text}"));
    assert_eq!((code("401").kind(), code("401").http_status()), (Kind::Unauthenticated, Some(401)));
    assert_eq!((code("429").kind(), code("429").is_retryable()), (Kind::RateLimited, true));
    // Several statuses, one meaning: for_status keeps the code.
    let face = code("FaceNotFound");
    assert_eq!(face.http_statuses(), [404, 400]);
    assert_eq!((face.for_status(400), face.for_status(404)), (face, face));
    // Several statuses, two things to do: for_status picks.
    for name in ["PersonGroupNotTrained", "LargePersonGroupNotTrained", "LargeFaceListNotTrained"] {
        let plain = code(name);
        assert_eq!(plain.http_statuses(), [400, 404], "{name}");
        let (identify, status) = (plain.for_status(400), plain.for_status(404));
        assert!(identify != plain && status != plain && identify != status, "{name}");
        assert_eq!((identify.kind(), status.kind()), (Kind::NotReady, Kind::NotFound), "{name}");
        assert_eq!((identify.vendor_code(), status.vendor_code()), (name, name));
        assert_eq!(plain.for_status(500), plain);
    }
    assert_eq!(Code::from_vendor(Vendor::AzureFace, "badargument"), None, "exact spelling");
}

#[test]
fn baidu_numbers_and_sdk_strings() {
    let no_face = Code::from_vendor_number(Vendor::BaiduFace, 222_202).unwrap();
    assert_eq!((no_face.value(), no_face.kind()), (10_222_202, Kind::NoFace));
    assert_eq!(Code::from_vendor(Vendor::BaiduFace, "222202"), Some(no_face));
    assert_eq!(Code::from_vendor_number(Vendor::BaiduFace, 0), Some(Code::SUCCESS));
    let sdk = Code::from_vendor(Vendor::BaiduFace, "SDK108").unwrap();
    assert_eq!((sdk.value(), sdk.kind(), sdk.vendor_code()), (10_900_108, Kind::Timeout, "SDK108"));
    // SDKnnn are strings: no number stands for them.
    assert_eq!(Code::from_vendor_number(Vendor::BaiduFace, 900_108), None);
    assert_eq!(Code::from_vendor(Vendor::BaiduFace, "900108"), None);
    // The partial table: a documented gap is unknown, and says so.
    assert_eq!(Code::from_vendor_number(Vendor::BaiduFace, 222_207), None);
    // Baidu's own Chinese.
    assert_eq!(no_face.message_in(herr::Lang::Zh), "图片中没有人脸");
}

#[test]
fn aliyun_codes() {
    let code = Code::from_vendor(Vendor::AliyunFacebody, "InvalidApi.NotPurchase").unwrap();
    assert_eq!((code.kind(), code.http_status()), (Kind::Account, Some(403)));
    assert_eq!(Code::from_vendor(Vendor::AliyunFacebody, "InvalidFile.Download"), None, "past the readable page");
}
