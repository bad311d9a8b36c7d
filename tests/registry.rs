//! Adding a vendor is a table, one registry row and one feature line (CONTRIBUTING.md, "Adding a
//! vendor"): in a scratch copy of the crate, this test adds one more vendor exactly so (whatever
//! the number of vendors), runs the tests that list vendors once with `HERR_BLESS=1` and once
//! without, builds the C library, and looks its codes up from C.
// Not under Miri, which cannot start processes: this test builds a scratch copy of the crate.
#![cfg(not(miri))]

mod common;

use std::fs;
use std::path::Path;

use common::c::{self, Build};

/// The made-up vendor's table, for the value it gets: the next one after the registry's last.
fn table(value: usize) -> String {
    let base = value * 1_000_000;
    format!(
        "# A vendor for the test: two codes and a spelling of success.\n\
         code\tvendor_code\tkind\tnearest\thttp\tretry\tmessage\tzh\tnote\n\
         HSUCCEED\tACME_OK\t\t\t\t\t\t\tsuccess\n\
         {}\tACME_NO_FACE\tNO_FACE\tHERR_INVALID_FACE_TOKEN\t0\tno\tNo face in the picture.\t图片中没有人脸。\t\n\
         {}\tACME_BUSY\tRATE_LIMITED\tHERR_UNKNOWN\t429\tyes\tToo many requests.\t请求过多。\t\n",
        base + 1,
        base + 2
    )
}

/// The value the made-up vendor gets: one past the registry's last.
fn acme() -> usize {
    herr::Vendor::ALL.len()
}

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

/// The C program that looks the made-up vendor's codes up, for its value.
fn program(value: usize) -> String {
    let base = value * 1_000_000;
    r#"
#include <string.h>
#include "herr.h"
#include "check.h"

int main(void) {
    long code = -7;
    int statuses[2];
    CHECK(HERR_VENDOR_COUNT == @VENDOR@ + 1 && @VENDOR@ == @VALUE@);
    CHECK(herr_vendor_enabled(@VENDOR@));
    CHECK(strcmp(herr_vendor_name(@VENDOR@), "acme") == 0);
    CHECK(herr_from_vendor(@VENDOR@, "ACME_NO_FACE", &code) && code == @BASE@ + 1);
    CHECK(herr_kind(code) == HERR_KIND_NO_FACE);
    CHECK(strcmp(herr_to_string(code), "No face in the picture.") == 0);
    CHECK(herr_to_inspireface(code) == HERR_INVALID_FACE_TOKEN);
    CHECK(herr_from_vendor_n(@VENDOR@, " ACME_BUSY\n", 11, &code) && code == @BASE@ + 2);
    CHECK(herr_http_status(code) == 429 && herr_http_statuses(code, statuses, 2) == 1 && herr_is_retryable(code));
    CHECK(strcmp(herr_vendor_code(code), "ACME_BUSY") == 0);
    CHECK(herr_from_vendor(@VENDOR@, "ACME_OK", &code) && code == HSUCCEED);
    CHECK(!herr_from_vendor(@VENDOR@, "ACME_NOPE", NULL));
    CHECK(herr_vendor_of(@BASE@ + 2) == @VENDOR@ && herr_vendor_of(@BASE@ + 1000000L) == HERR_VENDOR_UNKNOWN);
    /* The other vendors are off in this build; InspireFace's codes are always there. */
    CHECK(!herr_vendor_enabled(HERR_VENDOR_SOPHON));
    CHECK(herr_kind(HERR_SESS_REC_BLOCK_FULL) == HERR_KIND_LIMIT_EXCEEDED);
    /* Its reply shape is a registry field too. */
    {
        static const char body[] = "{\"trace\": \"t-1\", \"err\": {\"id\": \"ACME_BUSY\", \"text\": \"later\"}}";
        herr_response_t out;
        CHECK(herr_parse_response(@VENDOR@, body, sizeof body - 1, 429, &out) == HERR_RESPONSE_OK && out.code == @BASE@ + 2);
        CHECK(out.message_len == 5 && memcmp(out.message, "later", 5) == 0);
        CHECK(out.request_id_len == 3 && memcmp(out.request_id, "t-1", 3) == 0);
        CHECK(herr_parse_response(@VENDOR@, "{}", 2, 200, &out) == HERR_RESPONSE_OK && out.code == HSUCCEED);
        CHECK(herr_parse_response(HERR_VENDOR_HUAWEI_FRS, "{}", 2, 200, &out) == HERR_RESPONSE_UNSUPPORTED_VENDOR);
    }
    return failures ? 1 : 0;
}
"#
    .replace("@VENDOR@", "HERR_VENDOR_ACME")
    .replace("@BASE@", &format!("{base}L"))
    .replace("@VALUE@", &value.to_string())
}

/// The three steps of CONTRIBUTING.md's "Adding a vendor", for the made-up vendor, in the
/// scratch copy `crate_dir`: its table, its registry row, its feature line (`feature`: or not).
fn add_vendor(crate_dir: &Path, feature: bool) {
    // 1. The table.
    fs::write(crate_dir.join("codes/acme.tsv"), table(acme())).unwrap();
    // 2. One registry row, at the end of VENDORS.
    let registry = crate_dir.join("src/registry.rs");
    let text = fs::read_to_string(&registry).unwrap();
    let end = text.find("\n];").expect("src/registry.rs ends VENDORS with `];`");
    fs::write(&registry, format!("{}\n{}{}", &text[..end], ROW.trim_end_matches('\n'), &text[end..])).unwrap();
    if !feature {
        return;
    }
    // 3. One feature line, named in the `vendors` list (its last entry, whatever it is).
    let manifest = crate_dir.join("Cargo.toml");
    let text = fs::read_to_string(&manifest).unwrap();
    let list = text.find("\nvendors = [").expect("Cargo.toml has a `vendors` feature");
    let close = list + text[list..].find(']').unwrap();
    let text = format!("{}, \"acme\"{}", text[..close].trim_end().trim_end_matches(','), &text[close..]);
    let text = text.replacen("[features]\n", "[features]\nacme = []\n", 1);
    fs::write(&manifest, text).unwrap();
}

#[test]
fn a_new_vendor_is_a_table_a_registry_row_and_a_feature() {
    let dir = c::scratch("registry");
    let crate_dir = dir.join("herr");
    common::copy_crate_and_tests(&crate_dir);
    add_vendor(&crate_dir, true);

    let manifest = crate_dir.join("Cargo.toml");
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
        "the crate with one more vendor does not build:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // herr.h of the scratch crate, as its `HERR_BLESS=1 cargo test` writes it: the vendor
    // and the count are there.
    let header = scratch_header(&crate_dir, &dir);
    assert!(header.contains(&format!("HERR_VENDOR_ACME = {},", acme())), "no enumerator in herr.h");
    assert!(header.contains(&format!("#define HERR_VENDOR_COUNT {}", acme() + 1)), "no count in herr.h");
    let include = dir.join("include");
    fs::create_dir_all(&include).unwrap();
    fs::write(include.join("herr.h"), header).unwrap();

    let source = dir.join("acme.c");
    fs::write(&source, program(acme())).unwrap();
    let exe = dir.join("acme");
    Build {
        compiler: &c::c11(),
        sources: vec![source],
        includes: vec![include, c::c_dir()],
        defines: vec![],
        flags: vec![],
        archive: Some(dir.join("target/release/libherr.a")),
        output: exe.clone(),
    }
    .ok();
    let run = c::this().command(&exe).output().unwrap();
    assert!(run.status.success(), "the new vendor's lookups:\n{}", String::from_utf8_lossy(&run.stderr));
}

/// One bless run suffices: after the three steps, `HERR_BLESS=1 cargo test` of the tests that
/// list vendors (generated files, snapshots, the C API, the vendors, the command) rewrites what
/// is generated, and then they pass as they are. Returns the scratch crate's herr.h.
fn scratch_header(crate_dir: &Path, dir: &Path) -> String {
    let tests = ["generated", "snapshot", "vendors", "chinese", "reply", "fuzzing"];
    let run = |bless: bool| {
        let mut cmd = std::process::Command::new(env!("CARGO"));
        cmd.args(["test", "--quiet", "--manifest-path"])
            .arg(crate_dir.join("Cargo.toml"))
            .arg("--target-dir")
            .arg(dir.join("target"));
        for t in tests {
            cmd.args(["--test", t]);
        }
        cmd.env_remove("HERR_BLESS");
        if bless {
            cmd.env("HERR_BLESS", "1");
        }
        cmd.output().unwrap()
    };
    let output = |out: &std::process::Output| {
        format!("{}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
    };
    let blessed = run(true);
    assert!(blessed.status.success(), "HERR_BLESS=1 cargo test failed:\n{}", output(&blessed));
    let again = run(false);
    assert!(again.status.success(), "after one bless run, cargo test still fails:\n{}", output(&again));
    fs::read_to_string(crate_dir.join("include/herr.h")).unwrap()
}

#[test]
fn a_vendor_without_its_feature_line_stops_the_build() {
    let dir = c::scratch("registry_no_feature");
    let crate_dir = dir.join("herr");
    common::copy_crate(&crate_dir);
    add_vendor(&crate_dir, false);
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
            let row =
                "6000040\tHERR_FORTY\t(HERR_BASIC_BASE + 39)\tINTERNAL\tHERR_UNKNOWN\t\tno\tForty\t四十\t\t\t1.2.5\n";
            t.replacen("HERR_SESS_BASE\tHERR_SESS_BASE\t", &format!("{row}HERR_SESS_BASE\tHERR_SESS_BASE\t"), 1)
        },
        |t| {
            let line = line_of(t, "6000040\t");
            vec![format!("number 40 (HERR_FORTY in codes/inspireface_v2.tsv:{line} (herr code 6000040)) lies outside")]
        },
    );
}

/// InspireFace's herror.h of `release` as the release writes it, from the fixture that holds
/// each release's macros (tests/fixtures/inspireface_headers.tsv): its section comments with
/// their ranges, `#define NAME replacement-list  // comment (N)`.
fn herror_h_of(release: &str) -> String {
    let mut out = String::from("#ifndef INSPIRE_FACE_HERROR_H\n#define INSPIRE_FACE_HERROR_H\n\n// [Anchor-Begin]\n\n");
    for r in common::fixture("inspireface_headers.tsv").into_iter().filter(|r| r[0] == release) {
        let (name, value, expr, range, comment) = (&r[1], &r[2], &r[3], &r[4], &r[5]);
        if !range.is_empty() {
            out.push_str(&format!("\n// {comment} ({range})\n"));
        }
        out.push_str(&format!("#define {name} {expr}  // {comment} ({value})\n"));
    }
    out.push_str("\n// [Anchor-End]\n\n#endif  // INSPIRE_FACE_HERROR_H\n");
    out
}

/// CONTRIBUTING.md, "A new InspireFace release", in a scratch copy of the crate whose 1.2.3+
/// table is as it was before the newest release the fixtures hold: `cargo xtask inspireface`
/// reads that release's herror.h, reports each macro herr lacks, and writes its row with the
/// header's spelling, text, range and release, and TODO for what a person decides; the build
/// refuses the table until the TODOs are gone; with them filled in as codes/ has them, the
/// table is codes/'s again, byte for byte, and the build passes.
#[test]
fn a_new_inspireface_release_is_imported_and_refused_until_finished() {
    let releases = common::inspireface_releases();
    let [.., before, newest] = releases.as_slice() else { panic!("the fixture holds one release") };
    let scratch = c::scratch("registry_import");
    let crate_dir = scratch.join("herr");
    common::copy_crate(&crate_dir);
    let fixtures = crate_dir.join("tests/fixtures");
    fs::create_dir_all(&fixtures).unwrap();
    fs::copy(common::root().join("tests/fixtures/inspireface_headers.tsv"), fixtures.join("inspireface_headers.tsv"))
        .unwrap();
    let table_path = crate_dir.join("codes/inspireface_v2.tsv");
    let original = fs::read_to_string(&table_path).unwrap();
    // The table before the newest release: without its rows, matching the release before it.
    let since = |line: &str| line.rsplit('\t').next().unwrap_or_default().to_string();
    let new_rows: Vec<&str> = original.lines().filter(|l| !l.starts_with('#') && since(l) == *newest).collect();
    assert!(!new_rows.is_empty(), "codes/inspireface_v2.tsv has no row of {newest}");
    let old: String = original
        .lines()
        .filter(|l| l.starts_with('#') || since(l) != *newest)
        .map(|l| if l.starts_with("# release:") { format!("# release: {before}\n") } else { format!("{l}\n") })
        .collect();
    fs::write(&table_path, &old).unwrap();

    let header = scratch.join("herror.h");
    fs::write(&header, herror_h_of(newest)).unwrap();
    let out = std::process::Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--manifest-path"])
        .arg(crate_dir.join("xtask/Cargo.toml"))
        .arg("--target-dir")
        .arg(scratch.join("target"))
        .args(["--", "inspireface", "--release", newest])
        .arg(&header)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{report}{}", String::from_utf8_lossy(&out.stderr));
    assert!(report.contains(&format!("  adds: {}\n", new_rows.len())), "{report}");
    for row in &new_rows {
        let name = row.split('\t').nth(1).unwrap();
        assert!(report.contains(&format!("    {name} = ")), "{name} is not reported:\n{report}");
    }
    assert!(report.contains("renames (same number, new name): 0") && report.contains("renumbers or respells: 0"));

    // The rows are written, unfinished; the build refuses them.
    let imported = fs::read_to_string(&table_path).unwrap();
    assert!(imported.contains(&format!("# release: {newest}\n")), "the release line");
    let (ok, stderr) = build(&crate_dir);
    assert!(!ok, "the build took unfinished rows");
    assert!(stderr.contains("this row is not finished: its kind is TODO"), "{stderr}");

    // A person fills in what the importer left: kind, nearest and zh (and a note); everything
    // else the importer wrote is the header's.
    let columns: Vec<&str> = original.lines().find(|l| l.starts_with("code\t")).unwrap().split('\t').collect();
    let mine = ["kind", "nearest", "zh", "note"];
    let finished: String = imported
        .lines()
        .map(|line| {
            if line.starts_with('#') || !line.contains("TODO") {
                return format!("{line}\n");
            }
            let cells: Vec<&str> = line.split('\t').collect();
            let theirs = new_rows.iter().find(|r| r.split('\t').nth(1) == Some(cells[1])).expect("a row of codes/");
            let want: Vec<&str> = theirs.split('\t').collect();
            for (i, column) in columns.iter().enumerate().filter(|(_, c)| !mine.contains(c)) {
                assert_eq!(cells.get(i), want.get(i), "{}: the importer's {column}", cells[1]);
            }
            format!("{theirs}\n")
        })
        .collect();
    assert_eq!(finished, original, "once finished, the table is codes/'s, rows in place");
    fs::write(&table_path, &finished).unwrap();
    let (ok, stderr) = build(&crate_dir);
    assert!(ok, "{stderr}");
    // The fixture of headers holds the release as before (it was written from that header).
    let fixture = fs::read_to_string(fixtures.join("inspireface_headers.tsv")).unwrap();
    let rows = |text: &str| -> Vec<String> {
        text.lines().filter(|l| l.starts_with(&format!("{newest}\t"))).map(String::from).collect()
    };
    assert_eq!(
        rows(&fixture),
        rows(&fs::read_to_string(common::root().join("tests/fixtures/inspireface_headers.tsv")).unwrap())
    );
}
