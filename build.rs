//! Build script: turns the code tables in `codes/` into the Rust the library includes, and
//! generates `herr.h` with cbindgen.
//!
//! Outputs (all in `OUT_DIR`):
//! - `inspireface.rs`: the `HERR_*` constants, from `codes/inspireface.tsv`;
//! - `tables.rs`: names, messages, kinds and perfect hashes, for the tables whose cargo
//!   feature is on;
//! - `CODES.md`: every code, for the docs (`docs/CODES.md` is its committed copy);
//! - `herr.h`: the C header. `include/herr.h` is its committed copy; `tests/header.rs`
//!   fails when the two differ (`HERR_BLESS=1 cargo test` updates the copy).

// The library's own definitions of kinds, vendors and the hash, so the build and the
// library cannot disagree about them.
#[allow(dead_code)]
#[path = "src/kind.rs"]
mod kind;
#[allow(dead_code)]
#[path = "src/phf.rs"]
mod phf;
#[allow(dead_code)]
#[path = "src/vendor.rs"]
mod vendor;

// The build script's own parts.
#[path = "codegen/chd.rs"]
mod chd;
#[path = "codegen/docs.rs"]
mod docs;
#[path = "codegen/emit.rs"]
mod emit;
#[path = "codegen/pool.rs"]
mod pool;
#[path = "codegen/tables.rs"]
mod tables;

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for path in ["build.rs", "codegen", "codes", "src", "cbindgen.toml"] {
        println!("cargo::rerun-if-changed={path}");
    }

    let codes = manifest.join("codes");
    let core = tables::read_core(&codes);
    let mut vendors: Vec<tables::VendorTable> =
        tables::VENDOR_FILES.iter().map(|entry| tables::read_vendor(&codes, &core, *entry)).collect();
    vendors.push(tables::read_v2(&codes, &core));
    // Every table is read and checked whatever the features, so a feature-reduced build
    // cannot hide a mistake in a table it leaves out.
    tables::check_space(&vendors);

    let chosen: Vec<(&'static str, Option<&tables::VendorTable>)> = vendors
        .iter()
        .map(|t| {
            let on = env::var_os(format!("CARGO_FEATURE_{}", t.feature.to_uppercase().replace('-', "_"))).is_some();
            (emit::static_name(t.feature), on.then_some(t))
        })
        .collect();
    let constants = out.join("inspireface.rs");
    write(&constants, &emit::constants(&core));
    let version = out.join("version.rs");
    let part = |name: &str| env::var(name).ok().and_then(|v| v.parse().ok()).expect("cargo sets the version");
    write(
        &version,
        &emit::version(
            part("CARGO_PKG_VERSION_MAJOR"),
            part("CARGO_PKG_VERSION_MINOR"),
            part("CARGO_PKG_VERSION_PATCH"),
        ),
    );
    soname(part("CARGO_PKG_VERSION_MAJOR"), part("CARGO_PKG_VERSION_MINOR"));
    write(&out.join("tables.rs"), &emit::tables(&core, &chosen));
    write(&out.join("CODES.md"), &docs::codes(&core, &vendors));
    let template = manifest.join("codegen/herr.hpp.in");
    write(&out.join("herr.hpp"), &emit::hpp(&fs::read_to_string(&template).expect("codegen/herr.hpp.in")));
    header(&manifest, &core, &[&constants, &version], &out.join("herr.h"));
}

fn write(path: &Path, text: &str) {
    fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Runs cbindgen over the crate and the generated constants. The InspireFace check in the
/// header's preamble compares with HERR_SESS_BASE's value from the table, so that number too
/// is written only once.
fn header(manifest: &Path, core: &[tables::CoreRow], generated: &[&Path], path: &Path) {
    let mut config = cbindgen::Config::from_file(manifest.join("cbindgen.toml")).expect("cbindgen.toml");
    let sess_base =
        core.iter().find(|r| r.name == "HERR_SESS_BASE").expect("codes/inspireface.tsv defines HERR_SESS_BASE").value;
    let version = env::var("CARGO_PKG_VERSION").expect("cargo sets CARGO_PKG_VERSION");
    config.after_includes = config
        .after_includes
        .map(|text| text.replace("@HERR_SESS_BASE@", &sess_base.to_string()).replace("@HERR_VERSION@", &version));
    let mut builder = cbindgen::Builder::new().with_crate(manifest).with_config(config);
    for src in generated {
        builder = builder.with_src(src);
    }
    builder.generate().expect("cbindgen could not generate herr.h").write_to_file(path);
}

/// The SONAME of libherr.so on ELF systems, as cargo-c names it: `libherr.so.MAJOR`, or
/// `libherr.so.0.MINOR` before 1.0 (where every minor release may break the ABI). The CMake
/// build installs `libherr.so.MAJOR.MINOR.PATCH` with the SONAME and `libherr.so` as links.
fn soname(major: u32, minor: u32) {
    let family = env::var("CARGO_CFG_TARGET_FAMILY").unwrap_or_default();
    let vendor = env::var("CARGO_CFG_TARGET_VENDOR").unwrap_or_default();
    if !family.split(',').any(|f| f == "unix") || vendor == "apple" {
        return;
    }
    let version = if major == 0 { format!("0.{minor}") } else { major.to_string() };
    println!("cargo::rustc-cdylib-link-arg=-Wl,-soname,libherr.so.{version}");
}
