//! Adding a vendor is a table, one registry row and one feature line (README, "Adding a
//! vendor"): in a scratch copy of the crate, this test adds an eighth vendor exactly so,
//! builds the C library, and looks its codes up from C.
// Not under Miri, which cannot start processes: this test builds a scratch copy of the crate.
#![cfg(not(miri))]

mod common;

use std::fs;

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
