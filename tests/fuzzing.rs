//! The fuzz targets in fuzz/ (docs/TESTING.md, "Fuzzing") cover the C API, and their seed corpora
//! are the code tables:
//! - every function herr.h declares is called by at least one fuzz target;
//! - `fuzz/seeds/{from_name,from_vendor,codes}` hold exactly what the tables give (every name,
//!   every vendor spelling, every code); `HERR_BLESS=1 cargo test` rewrites them.
// Not under Miri: this test reads files and runs no unsafe code of ours.
#![cfg(not(miri))]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use herr::{Code, Vendor};

#[test]
fn every_function_of_the_header_is_fuzzed() {
    let root = common::root();
    let header = fs::read_to_string(root.join("include/herr.h")).unwrap();
    // Declarations start a line; a function's name is the `herr_` word before its `(`.
    let functions: Vec<&str> = header
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()) && !line.starts_with("typedef"))
        .filter_map(|line| line.split_once('(')?.0.rsplit([' ', '*']).next())
        .filter(|name| name.starts_with("herr_"))
        .collect();
    assert!(functions.len() >= 21, "herr.h declares {} functions?", functions.len());
    let mut targets = String::new();
    for entry in fs::read_dir(root.join("fuzz/fuzz_targets")).unwrap() {
        targets.push_str(&fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    let missed: Vec<&&str> = functions.iter().filter(|f| !targets.contains(&format!("{f}("))).collect();
    assert!(missed.is_empty(), "no fuzz target calls {missed:?}");
}

/// The seed files of every target, by file name.
fn seeds() -> BTreeMap<&'static str, BTreeMap<String, Vec<u8>>> {
    let mut names = BTreeMap::new();
    let mut spellings = BTreeMap::new();
    let mut codes: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for code in Code::all() {
        for name in code.aliases() {
            names.insert(name.to_string(), name.as_bytes().to_vec());
        }
        let vendor = code.vendor();
        let spelling = code.vendor_code();
        if !spelling.is_empty() {
            let mut input = vendor.value().to_le_bytes().to_vec();
            input.extend_from_slice(spelling.as_bytes());
            spellings.insert(format!("{}-{}", vendor.name(), code.value()), input);
        }
        // A record: the code, and an HTTP status of it (for herr_for_status).
        let mut record = i64::from(code.value()).to_le_bytes().to_vec();
        record.extend_from_slice(&i32::from(code.http_status().unwrap_or(0)).to_le_bytes());
        codes.insert(format!("{}-{}", vendor.name(), code.value()), record);
    }
    // InspireFace 1.2.3+'s numbers as InspireFace returns them (`102`), which every function
    // reads as that numbering's codes: not codes of their own, so not in `Code::all`.
    for code in (0..Vendor::Sophon.base()).filter_map(Code::new).filter(|c| c.vendor() == Vendor::InspirefaceV2) {
        let record = [i64::from(code.value()).to_le_bytes().as_slice(), &0i32.to_le_bytes()].concat();
        codes.insert(format!("{}-bare-{}", code.vendor().name(), code.value()), record);
    }
    // The values a C caller gets wrong: past every range, negative, beyond 32 bits.
    let end = Vendor::ALL.len() as i64 * 1_000_000;
    let edges = [-1i64, end, end - 1, i64::from(i32::MAX), i64::from(i32::MIN), i64::MAX, i64::MIN, 1 << 32];
    codes.insert(
        "edges".into(),
        edges.iter().flat_map(|e| [e.to_le_bytes().as_slice(), &(-1i32).to_le_bytes()].concat()).collect(),
    );
    BTreeMap::from([("from_name", names), ("from_vendor", spellings), ("codes", codes)])
}

#[test]
fn seed_corpora_are_the_code_tables() {
    if Vendor::ALL.iter().any(|v| !herr::ffi::herr_vendor_enabled(v.value())) {
        common::skip("the seed corpora are made from a build with every vendor");
        return;
    }
    let root = common::root().join("fuzz/seeds");
    for (target, files) in seeds() {
        let dir = root.join(target);
        let committed: BTreeMap<String, Vec<u8>> = fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .map(|e| e.unwrap().path())
            .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), fs::read(&p).unwrap()))
            .collect();
        if committed == files {
            continue;
        }
        if common::bless() {
            write(&dir, &files);
            continue;
        }
        let stale: Vec<&String> = committed.keys().filter(|k| files.get(*k) != committed.get(*k)).collect();
        let lacking: Vec<&String> = files.keys().filter(|k| !committed.contains_key(*k)).collect();
        panic!(
            "fuzz/seeds/{target} is not what the tables give (differing {stale:?}, lacking {lacking:?}): \
             run `HERR_BLESS=1 cargo test --test fuzzing` and commit the files"
        );
    }
}

fn write(dir: &Path, files: &BTreeMap<String, Vec<u8>>) {
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(dir).unwrap();
    for (name, bytes) in files {
        fs::write(dir.join(name), bytes).unwrap();
    }
}
