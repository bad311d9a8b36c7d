//! Adding a vendor is a table, one registry row and one feature line (CONTRIBUTING.md, "Adding a
//! vendor"): in a scratch copy of the crate, this test adds an eighth vendor exactly so,
//! builds the C library, and looks its codes up from C.
// Not under Miri, which cannot start processes: this test builds a scratch copy of the crate.
#![cfg(not(miri))]

mod common;

use std::fs;
use std::path::Path;

use common::c::{self, Build};

const TABLE: &str = "\
# A vendor for the test: two codes and a spelling of success.
code\tvendor_code\tkind\tnearest\thttp\tretry\tmessage\tzh\tnote
HSUCCEED\tACME_OK\t\t\t\t\t\t\tsuccess
7000001\tACME_NO_FACE\tNO_FACE\tHERR_INVALID_FACE_TOKEN\t0\tno\tNo face in the picture.\t图片中没有人脸。\t
7000002\tACME_BUSY\tRATE_LIMITED\tHERR_UNKNOWN\t429\tyes\tToo many requests.\t请求过多。\t
";

const ROW: &str = r#"    VendorInfo {
        name: c"acme",
        table: "acme.tsv",
        title: "ACME face box",
        about: "ACME face box (`ACME_NO_FACE`).",
        format: Format::Names,
        reply: Some(ReplyShape {
            root: &[],
            code: &["err", "id"],
            message: &["err", "text"],
            request_id: &["trace"],
            result: &[],
            description: &[],
        }),
        bare: &[],
    },
"#;

const PROGRAM: &str = r#"
#include <string.h>
#include "herr.h"
#include "check.h"

int main(void) {
    long code = -7;
    int statuses[2];
    CHECK(herr_vendor_enabled(7));
    CHECK(strcmp(herr_vendor_name(7), "acme") == 0);
    CHECK(herr_from_vendor(7, "ACME_NO_FACE", &code) && code == 7000001);
    CHECK(herr_kind(code) == HERR_KIND_NO_FACE);
    CHECK(strcmp(herr_to_string(code), "No face in the picture.") == 0);
    CHECK(herr_to_inspireface(code) == HERR_INVALID_FACE_TOKEN);
    CHECK(herr_from_vendor_n(7, " ACME_BUSY\n", 11, &code) && code == 7000002);
    CHECK(herr_http_status(code) == 429 && herr_http_statuses(code, statuses, 2) == 1 && herr_is_retryable(code));
    CHECK(strcmp(herr_vendor_code(code), "ACME_BUSY") == 0);
    CHECK(herr_from_vendor(7, "ACME_OK", &code) && code == HSUCCEED);
    CHECK(!herr_from_vendor(7, "ACME_NOPE", NULL));
    CHECK(herr_vendor_of(7000002) == 7 && herr_vendor_of(8000000) == HERR_VENDOR_UNKNOWN);
    /* The other vendors are off in this build; InspireFace's codes are always there. */
    CHECK(!herr_vendor_enabled(HERR_VENDOR_SOPHON));
    CHECK(herr_kind(HERR_SESS_REC_BLOCK_FULL) == HERR_KIND_LIMIT_EXCEEDED);
    /* Its reply shape is a registry field too. */
    {
        static const char body[] = "{\"trace\": \"t-1\", \"err\": {\"id\": \"ACME_BUSY\", \"text\": \"later\"}}";
        herr_response_t out;
        CHECK(herr_parse_response(7, body, sizeof body - 1, 429, &out) == HERR_RESPONSE_OK && out.code == 7000002);
        CHECK(out.message_len == 5 && memcmp(out.message, "later", 5) == 0);
        CHECK(out.request_id_len == 3 && memcmp(out.request_id, "t-1", 3) == 0);
        CHECK(herr_parse_response(7, "{}", 2, 200, &out) == HERR_RESPONSE_OK && out.code == HSUCCEED);
        CHECK(herr_parse_response(HERR_VENDOR_HUAWEI_FRS, "{}", 2, 200, &out) == HERR_RESPONSE_UNSUPPORTED_VENDOR);
    }
    return failures ? 1 : 0;
}
"#;

#[test]
fn a_new_vendor_is_a_table_a_registry_row_and_a_feature() {
    let dir = c::scratch("registry");
    let crate_dir = dir.join("herr");
    common::copy_crate(&crate_dir);

    // 1. The table.
    fs::write(crate_dir.join("codes/acme.tsv"), TABLE).unwrap();
    // 2. One registry row, at the end of VENDORS.
    let registry = crate_dir.join("src/registry.rs");
    let text = fs::read_to_string(&registry).unwrap();
    let end = text.find("\n];").expect("src/registry.rs ends VENDORS with `];`");
    fs::write(&registry, format!("{}\n{}{}", &text[..end], ROW.trim_end_matches('\n'), &text[end..])).unwrap();
    // 3. One feature line, named in the `vendors` list.
    let manifest = crate_dir.join("Cargo.toml");
    let text = fs::read_to_string(&manifest).unwrap();
    let text = text.replacen("\"inspireface-v2\"]", "\"inspireface-v2\", \"acme\"]", 1);
    let text = text.replacen("[features]\n", "[features]\nacme = []\n", 1);
    fs::write(&manifest, text).unwrap();

    let out = std::process::Command::new(env!("CARGO"))
        .args(["rustc", "--quiet", "--release", "--lib", "--crate-type", "staticlib", "--no-default-features"])
        .args(["--features", "acme"])
        .arg("--manifest-path")
        .arg(&manifest)
        .arg("--target-dir")
        .arg(dir.join("target"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the crate with an eighth vendor does not build:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let source = dir.join("acme.c");
    fs::write(&source, PROGRAM).unwrap();
    let exe = dir.join("acme");
    Build {
        compiler: &c::c11(),
        sources: vec![source],
        includes: vec![c::include_dir(), c::c_dir()],
        defines: vec![],
        flags: vec![],
        archive: Some(dir.join("target/release/libherr.a")),
        output: exe.clone(),
    }
    .ok();
    let run = c::this().command(&exe).output().unwrap();
    assert!(run.status.success(), "the eighth vendor's lookups:\n{}", String::from_utf8_lossy(&run.stderr));
}

#[test]
fn a_vendor_without_its_feature_line_stops_the_build() {
    let dir = c::scratch("registry_no_feature");
    let crate_dir = dir.join("herr");
    common::copy_crate(&crate_dir);
    fs::write(crate_dir.join("codes/acme.tsv"), TABLE).unwrap();
    let registry = crate_dir.join("src/registry.rs");
    let text = fs::read_to_string(&registry).unwrap();
    let end = text.find("\n];").unwrap();
    fs::write(&registry, format!("{}\n{}{}", &text[..end], ROW.trim_end_matches('\n'), &text[end..])).unwrap();
    let out = std::process::Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--lib", "--no-default-features", "--manifest-path"])
        .arg(crate_dir.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(dir.join("target"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && stderr.contains("the registry's vendor acme has no cargo feature"), "{stderr}");
}

/// Checks the scratch crate's library (its build script runs); returns the build's stderr and
/// whether it succeeded.
fn build(crate_dir: &Path) -> (bool, String) {
    let out = std::process::Command::new(env!("CARGO"))
        .args(["check", "--quiet", "--lib", "--no-default-features", "--features", "std,inspireface-v2"])
        .arg("--manifest-path")
        .arg(crate_dir.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(crate_dir.with_file_name("target"))
        .output()
        .unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The line of `text` that starts with `start`, counted from 1.
fn line_of(text: &str, start: &str) -> usize {
    1 + text.lines().position(|l| l.starts_with(start)).unwrap()
}

/// Writes `changed` into the scratch crate's `table` (under codes/), checks that the build stops
/// with each of `parts` (which `parts` makes from the changed text) among its messages, and puts
/// the table back.
fn stops(crate_dir: &Path, table: &str, changed: impl Fn(&str) -> String, parts: impl Fn(&str) -> Vec<String>) {
    let path = crate_dir.join("codes").join(table);
    let original = fs::read_to_string(&path).unwrap();
    let text = changed(&original);
    assert_ne!(text, original, "the change did not apply");
    fs::write(&path, &text).unwrap();
    let (ok, stderr) = build(crate_dir);
    assert!(!ok, "{table} built after the change");
    for part in parts(&text) {
        assert!(stderr.contains(&part), "no {part:?} in:\n{stderr}");
    }
    fs::write(&path, original).unwrap();
}

/// herr reads InspireFace 1.2.3+'s numbers as InspireFace returns them, beside the numbers of
/// releases up to 1.2.2: a table change that would make one number mean two things stops the
/// build, with a message that names the number and both rows.
#[test]
fn a_number_that_would_mean_two_things_stops_the_build() {
    let crate_dir = c::scratch("registry_numberings").join("herr");
    common::copy_crate(&crate_dir);
    let v1 = fs::read_to_string(crate_dir.join("codes/inspireface.tsv")).unwrap();
    let v2 = fs::read_to_string(crate_dir.join("codes/inspireface_v2.tsv")).unwrap();
    let (ok, stderr) = build(&crate_dir);
    assert!(ok, "the tables as they are: {stderr}");

    // 1.2.3's HERR_INVALID_PARAM moved to 25, which releases up to 1.2.2 use for another error.
    stops(
        &crate_dir,
        "inspireface_v2.tsv",
        |t| t.replacen("\t(HERR_BASIC_BASE + 1)\t", "\t(HERR_BASIC_BASE + 24)\t", 1),
        |t| {
            vec![
                "number 25 means two different things".to_string(),
                format!(
                    "HERR_INVALID_IMAGE_STREAM_HANDLE in codes/inspireface.tsv:{} (herr code 25)",
                    line_of(&v1, "HERR_INVALID_IMAGE_STREAM_HANDLE\t")
                ),
                format!(
                    "HERR_INVALID_PARAM in codes/inspireface_v2.tsv:{} (herr code 2)",
                    line_of(t, "HERR_INVALID_PARAM\t")
                ),
            ]
        },
    );
    // A new code of releases up to 1.2.2 at 102, which 1.2.3 uses for the tracker.
    stops(
        &crate_dir,
        "inspireface.tsv",
        |t| {
            t.replacen(
                "HERR_SESS_BASE\t0X500\t",
                "HERR_NEW_ONE\t102\tINTERNAL\tA new one\t新的\t\nHERR_SESS_BASE\t0X500\t",
                1,
            )
        },
        |t| {
            vec![
                "number 102 means two different things".to_string(),
                format!("HERR_NEW_ONE in codes/inspireface.tsv:{} (herr code 102)", line_of(t, "HERR_NEW_ONE\t")),
                format!(
                    "HERR_SESS_TRACKER_FAILURE in codes/inspireface_v2.tsv:{} (herr code 1283)",
                    line_of(&v2, "HERR_SESS_TRACKER_FAILURE\t")
                ),
            ]
        },
    );
    // A new 1.2.3 code at 40, in the part of the space releases up to 1.2.2 number.
    stops(
        &crate_dir,
        "inspireface_v2.tsv",
        |t| {
            let row = "6000040\tHERR_FORTY\t(HERR_BASIC_BASE + 39)\tINTERNAL\tHERR_UNKNOWN\t\tno\tForty\t四十\t\n";
            t.replacen("HERR_SESS_BASE\tHERR_SESS_BASE\t", &format!("{row}HERR_SESS_BASE\tHERR_SESS_BASE\t"), 1)
        },
        |t| {
            let line = line_of(t, "6000040\t");
            vec![format!("number 40 (HERR_FORTY in codes/inspireface_v2.tsv:{line} (herr code 6000040)) lies outside")]
        },
    );
}
