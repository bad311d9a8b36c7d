//! The C ABI from C: `tests/c/*.c` compiled (strict warnings) against include/herr.h and the
//! libherr.a of this build, run, and checked against the Rust API; the header under the
//! compile matrix; herr.h beside InspireFace's herror.h; the drop-in herror.h.
#![cfg(feature = "vendors")]

mod common;

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;

use common::c::{self, Build, Compiler};
use herr::Code;

fn archive() -> PathBuf {
    let a = c::lib_dir().join("libherr.a");
    assert!(a.exists(), "{} is missing: cargo test builds it with the tests", a.display());
    a
}

/// What the Rust API says about `value`, in api.c's line format.
fn expected_line(value: i64) -> String {
    let code = Code::new(value);
    let dash = |s: Option<&str>| s.unwrap_or("-").to_string();
    let aliases: Vec<&str> = code.map(|c| c.aliases().collect()).unwrap_or_default();
    let statuses: Vec<String> =
        code.map(|c| c.http_statuses().iter().map(u16::to_string).collect()).unwrap_or_default();
    format!(
        "{value}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        code.map_or("Unknown error code", Code::message),
        dash(code.and_then(Code::name)),
        code.map_or(herr::Kind::Unknown, Code::kind),
        herr::Vendor::of_code(value).value(),
        dash(code.map(Code::vendor_code)),
        code.map_or(1, |c| i64::from(c.to_inspireface().value())),
        code.and_then(Code::http_status).unwrap_or(0),
        u8::from(code.is_some_and(Code::is_retryable)),
        aliases.join(","),
        statuses.join(","),
    )
}

/// Builds tests/c/api.c, with its generated cases, in a scratch directory of that name.
fn build_api(name: &str) -> PathBuf {
    let dir = c::scratch(name);
    c::seed_headers(&dir);
    let exe = dir.join("api");
    Build {
        compiler: &c::c11(),
        sources: vec![c::c_dir().join("api.c")],
        includes: vec![c::include_dir(), c::c_dir(), dir.clone()],
        defines: vec![],
        flags: vec![],
        archive: Some(archive()),
        output: exe.clone(),
    }
    .ok();
    exe
}

#[test]
fn api_from_c_agrees_with_rust_for_every_code() {
    let exe = build_api("c_api");
    let out = c::this().command(&exe).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "api.c failed:\n{}", String::from_utf8_lossy(&out.stderr));

    let mut codes = 0;
    let mut resolved = HashMap::new();
    for line in stdout.lines() {
        let cells: Vec<&str> = line.split('\t').collect();
        match cells[0] {
            "resolved" => {
                resolved.insert((cells[1].to_string(), cells[2].to_string()), cells[3].parse::<i64>().unwrap());
            }
            "kind" => {
                let k = herr::Kind::from_value(cells[1].parse().unwrap()).unwrap_or(herr::Kind::Unknown);
                assert_eq!(cells[2], k.name(), "{line}");
            }
            "vendor" => {
                let v = herr::Vendor::from_value(cells[1].parse().unwrap()).unwrap_or(herr::Vendor::Unknown);
                assert_eq!(cells[2], v.name(), "{line}");
            }
            number => {
                let value: i64 = number.parse().unwrap();
                assert_eq!(line, expected_line(value), "C and Rust disagree about {value}");
                codes += 1;
            }
        }
    }
    // Every vendor spelling resolved from C to the code Rust gives it.
    let cases = c::vendor_cases();
    assert_eq!(resolved.len(), cases.len());
    for (vendor, spelling, _) in cases {
        let rust = Code::from_vendor(herr::Vendor::from_value(vendor.into()).unwrap(), &spelling).unwrap();
        assert_eq!(resolved[&(vendor.to_string(), spelling.clone())], i64::from(rust.value()), "{spelling}");
    }
    // One line per seed row, per resolved vendor code, per extreme value, per number -2..=2400.
    let vendor_codes = resolved.values().filter(|c| **c != 0).count();
    assert_eq!(codes, 58 + vendor_codes + 16 + 2403, "api.c printed {codes} code lines");

    // The same answers on every CPU: the output, but for the values a 32-bit `long` cannot hold
    // (api.c prints LONG_MAX and friends), sorted, is the snapshot made on x86-64. With
    // `cargo test --target` this compares i686, AArch64 and ARMv7 (under qemu) with it.
    let portable: std::collections::BTreeSet<&str> = stdout
        .lines()
        .filter(|line| {
            line.split('\t').next().and_then(|v| v.parse::<i64>().ok()).is_none_or(|v| i32::try_from(v).is_ok())
        })
        .collect();
    let snapshot: String = portable.iter().map(|line| format!("{line}\n")).collect();
    common::same_or_bless(&common::root().join("tests/snapshots/api.tsv"), &snapshot);
}

#[test]
fn api_from_c_is_clean_under_valgrind() {
    if !c::this().is_host() {
        println!("note: valgrind checks the host's programs only: skipped");
        return;
    }
    if !c::need("valgrind") {
        return;
    }
    let exe = build_api("c_api_valgrind");
    let out = Command::new("valgrind")
        .args(["--quiet", "--error-exitcode=99", "--leak-check=full", "--errors-for-leak-kinds=definite"])
        .arg(&exe)
        .output()
        .unwrap();
    assert!(out.status.success(), "valgrind found errors:\n{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn header_compiles_cleanly_across_the_matrix() {
    let dir = c::scratch("c_matrix");
    c::seed_headers(&dir);
    let matrix = c::matrix();
    for compiler in &matrix {
        let exe = dir.join(format!("header_{}_{}", compiler.command, compiler.std));
        Build {
            compiler,
            sources: vec![c::c_dir().join("header_compile.c")],
            includes: vec![c::include_dir(), dir.clone()],
            defines: vec![],
            flags: vec![],
            archive: Some(archive()),
            output: exe.clone(),
        }
        .ok();
        let status = c::this().command(&exe).status().unwrap();
        assert!(status.success(), "{} -std={}: header_compile exited {status}", compiler.command, compiler.std);
    }
    let names: Vec<String> = matrix.iter().map(|c| format!("{} -std={}", c.command, c.std)).collect();
    println!("compile matrix: {}", names.join(", "));
}

fn coexist(compiler: &Compiler, fixture: &str, herror_first: bool) -> std::process::Output {
    let dir = c::scratch(&format!("coexist_{}_{}_{fixture}_{herror_first}", compiler.command, compiler.std));
    c::seed_headers(&dir);
    Build {
        compiler,
        sources: vec![c::c_dir().join("coexist.c")],
        // The fixture's herror.h comes before include/ (which holds herr's drop-in herror.h).
        includes: vec![c::c_dir().join("fixtures").join(fixture), c::include_dir(), dir.clone()],
        defines: if herror_first { vec!["HERR_TEST_HERROR_FIRST"] } else { vec![] },
        flags: vec![],
        archive: Some(archive()),
        output: dir.join("coexist"),
    }
    .run()
}

#[test]
fn herr_h_and_inspireface_herror_h_coexist_in_either_order() {
    for compiler in c::matrix() {
        for herror_first in [true, false] {
            let out = coexist(&compiler, "inspireface-1.2.2", herror_first);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                out.status.success() && stderr.trim().is_empty(),
                "{} -std={} (herror.h first: {herror_first}):\n{stderr}",
                compiler.command,
                compiler.std
            );
        }
    }
}

#[test]
fn herr_h_stops_the_build_after_a_renumbered_herror_h() {
    for compiler in c::matrix() {
        let out = coexist(&compiler, "inspireface-1.2.3", true);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{} -std={} accepted a 1.2.3 herror.h", compiler.command, compiler.std);
        assert!(stderr.contains("release 1.2.3 or later"), "{}: {stderr}", compiler.command);
    }
}

#[test]
fn herror_h_drops_in_for_inspireface_s() {
    let dir = c::scratch("dropin");
    c::seed_headers(&dir);
    for compiler in c::matrix() {
        let exe = dir.join(format!("dropin_{}_{}", compiler.command, compiler.std));
        Build {
            compiler: &compiler,
            sources: vec![c::c_dir().join("dropin.c")],
            includes: vec![c::c_dir().join("fixtures/app"), c::include_dir(), dir.clone()],
            defines: vec![],
            flags: vec![],
            archive: Some(archive()),
            output: exe.clone(),
        }
        .ok();
        let out = c::this().command(&exe).output().unwrap();
        assert!(out.status.success());
        assert_eq!(String::from_utf8_lossy(&out.stdout), "HERR_ARCHIVE_LOAD_FAILURE: Archive load failure (STORAGE)\n");
    }
}
