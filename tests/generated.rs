//! The committed generated files are exactly what the sources generate, and this test is where
//! they are generated: `include/herr.h` (cbindgen, pinned, over the crate and the Rust that
//! build.rs writes from the registry, with InspireFace's macros written from the tables by
//! codegen/headers.rs), `include/herr.hpp` (its template with the kinds) and
//! `docs/CODES.md` (from the tables). `HERR_BLESS=1 cargo test` rewrites them. cbindgen is a
//! dev-dependency, as in rustls-ffi: no user's build compiles it.
// Not under Miri: cbindgen over the whole crate would take hours there, and this test runs no
// unsafe code of ours.
#![cfg(not(miri))]

// The parts of the build this test shares (the same files build.rs compiles).
#[allow(dead_code)]
#[path = "../codegen/docs.rs"]
mod docs;
#[allow(dead_code)]
#[path = "../src/format.rs"]
mod format;
#[allow(dead_code)]
#[path = "../codegen/headers.rs"]
mod headers;
#[allow(dead_code)]
#[path = "../src/kind.rs"]
mod kind;
#[allow(dead_code)]
#[path = "../codegen/names.rs"]
mod names;
#[allow(dead_code)]
#[path = "../src/registry.rs"]
mod registry;
#[allow(dead_code)]
#[path = "../codegen/tables.rs"]
mod tables;

mod common;
// The one TSV reader, as `crate::tsv` for codegen/tables.rs.
use common::tsv;

use std::fs;
use std::path::Path;

fn read_tables() -> tables::Tables {
    tables::Tables::read(&common::root().join("codes"))
}

/// herr.h as cbindgen writes it, once per run: the tests of its contents read this, not the
/// committed file (which `committed_header_is_the_generated_one` holds equal to it), so that one
/// `HERR_BLESS=1 cargo test` run is enough after a change.
fn header() -> &'static str {
    static HEADER: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HEADER.get_or_init(generate_header)
}

/// herr.h as cbindgen writes it from the crate and from the Rust build.rs generated.
fn generate_header() -> String {
    let root = common::root();
    let tables = read_tables();
    let mut config = cbindgen::Config::from_file(root.join("cbindgen.toml")).expect("cbindgen.toml");
    config.after_includes =
        config.after_includes.map(|text| headers::preamble(&text, &tables, env!("CARGO_PKG_VERSION")));
    let out = Path::new(env!("OUT_DIR"));
    let mut builder = cbindgen::Builder::new().with_crate(&root).with_config(config);
    // Not inspireface.rs: herr.h's HERR_* macros come from the preamble (codegen/headers.rs).
    for generated in ["version.rs", "vendor_enum.rs"] {
        builder = builder.with_src(out.join(generated));
    }
    let mut bytes = Vec::new();
    builder.generate().expect("cbindgen could not generate herr.h").write(&mut bytes);
    headers::header(&String::from_utf8(bytes).unwrap())
}

#[test]
fn committed_header_is_the_generated_one() {
    common::same_or_bless(&common::root().join("include/herr.h"), header());
}

#[test]
fn committed_cpp_header_is_the_generated_one() {
    let template = fs::read_to_string(common::root().join("codegen/herr.hpp.in")).unwrap();
    common::same_or_bless(&common::root().join("include/herr.hpp"), &headers::hpp(&template));
}

#[test]
fn committed_code_list_is_the_generated_one() {
    common::same_or_bless(&common::root().join("docs/CODES.md"), &docs::codes(&read_tables()));
}

/// README.md's vendor table and reply table are the registry's: the lines between each
/// `<!-- BEGIN name -->` and `<!-- END name -->`.
#[test]
fn readme_tables_are_the_registry() {
    let path = common::root().join("README.md");
    let mut readme = fs::read_to_string(&path).unwrap();
    for (name, lines) in docs::readme_parts(&read_tables()) {
        let (begin, end) = (format!("<!-- BEGIN {name} -->\n"), format!("<!-- END {name} -->"));
        let start = readme.find(&begin).unwrap_or_else(|| panic!("README.md has no {begin:?}")) + begin.len();
        let stop = start + readme[start..].find(&end).unwrap_or_else(|| panic!("README.md has no {end:?}"));
        readme.replace_range(start..stop, &lines);
    }
    common::same_or_bless(&path, &readme);
}

#[test]
fn header_is_ascii() {
    // Firmware toolchains and old editors read herr.h too.
    let header = header();
    let bad: Vec<(usize, &str)> =
        header.lines().enumerate().filter(|(_, l)| !l.is_ascii()).map(|(i, l)| (i + 1, l)).collect();
    assert!(bad.is_empty(), "herr.h has non-ASCII lines: {bad:?}");
}

#[test]
fn header_exports_only_herr_names() {
    // Every identifier herr.h defines belongs to herr or is InspireFace's.
    let header = header();
    for line in header.lines() {
        if let Some(rest) = line.strip_prefix("#define ") {
            let name = rest.split_whitespace().next().unwrap();
            assert!(name.starts_with("HERR_") || name == "HSUCCEED", "herr.h defines {name}");
        }
        if line.contains('(') && line.ends_with(");") && !line.starts_with(' ') && !line.starts_with('#') {
            assert!(line.contains(" herr_") || line.contains("*herr_"), "herr.h declares {line}");
        }
    }
}

#[test]
fn header_has_an_enumerator_per_registry_vendor() {
    let header = header();
    for (value, v) in registry::VENDORS.iter().enumerate() {
        let name = format!("HERR_VENDOR_{} = {value},", names::upper_snake(v.name.to_str().unwrap()));
        assert!(header.contains(&name), "herr.h lacks {name}");
    }
}
