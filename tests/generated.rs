//! The committed generated files are exactly what the build generates from the tables:
//! `include/herr.h` (cbindgen), `include/herr.hpp` (its template with the kinds) and
//! `docs/CODES.md`. `HERR_BLESS=1 cargo test` updates them.

mod common;

use std::fs;
use std::path::Path;

fn generated(name: &str) -> String {
    fs::read_to_string(Path::new(env!("OUT_DIR")).join(name)).unwrap()
}

#[test]
fn committed_header_is_the_generated_one() {
    common::same_or_bless(&common::root().join("include/herr.h"), &generated("herr.h"));
}

#[test]
fn committed_cpp_header_is_the_generated_one() {
    common::same_or_bless(&common::root().join("include/herr.hpp"), &generated("herr.hpp"));
}

#[test]
fn committed_code_list_is_the_generated_one() {
    common::same_or_bless(&common::root().join("docs/CODES.md"), &generated("CODES.md"));
}

#[test]
fn header_is_ascii() {
    // Firmware toolchains and old editors read herr.h too.
    let header = fs::read_to_string(common::root().join("include/herr.h")).unwrap();
    let bad: Vec<(usize, &str)> =
        header.lines().enumerate().filter(|(_, l)| !l.is_ascii()).map(|(i, l)| (i + 1, l)).collect();
    assert!(bad.is_empty(), "herr.h has non-ASCII lines: {bad:?}");
}

#[test]
fn header_exports_only_herr_names() {
    // Every identifier herr.h defines belongs to herr or is InspireFace's.
    let header = fs::read_to_string(common::root().join("include/herr.h")).unwrap();
    for line in header.lines() {
        if let Some(rest) = line.strip_prefix("#define ") {
            let name = rest.split_whitespace().next().unwrap();
            assert!(
                name.starts_with("HERR_") || name == "HSUCCEED" || name == "INSPIRE_FACE_HERROR_H",
                "herr.h defines {name}"
            );
        }
        if line.contains('(') && line.ends_with(");") && !line.starts_with(' ') && !line.starts_with('#') {
            assert!(line.contains(" herr_") || line.contains("*herr_"), "herr.h declares {line}");
        }
    }
}
