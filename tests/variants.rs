//! Builds with other cargo features, made by a nested `cargo rustc --release` into
//! `target/variants` and checked from C:
//! - the firmware archive (`--no-default-features`: no std, no vendor table) links into a
//!   program with no C library at all, given only `mem*`/`bcmp`/`strlen`, and holds no panic
//!   or unwinding code;
//! - with a vendor's feature off, every lookup for that vendor reports failure;
//! - the sizes of the archive with no vendor tables and with all of them (printed).

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::sync::Mutex;

use common::c::{self, Build, Compiler, Lang};

/// One nested build at a time: they share a target directory.
static CARGO: Mutex<()> = Mutex::new(());

/// Builds libherr.a with `--no-default-features` plus `features`, and returns a copy of it in
/// `dir` (the next build overwrites the original).
fn archive(features: &[&str], dir: &std::path::Path) -> PathBuf {
    let _one = CARGO.lock().unwrap_or_else(|e| e.into_inner());
    let name = if features.is_empty() { "none".to_string() } else { features.join("+") };
    let target = common::root().join("target/variants");
    let mut cmd = Command::new(env!("CARGO"));
    // As `cargo firmware` builds it: the staticlib alone.
    cmd.args(["rustc", "--quiet", "--release", "--lib", "--crate-type", "staticlib", "--no-default-features"])
        .arg("--manifest-path")
        .arg(common::root().join("Cargo.toml"))
        .arg("--target-dir")
        .arg(&target);
    if !features.is_empty() {
        cmd.args(["--features", &features.join(",")]);
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "cargo build ({name}) failed:\n{}", String::from_utf8_lossy(&out.stderr));
    let copy = dir.join(format!("libherr-{name}.a"));
    std::fs::copy(target.join("release/libherr.a"), &copy).unwrap();
    copy
}

/// (text + data) bytes of a linked program, from `size`.
fn size(exe: &std::path::Path) -> u64 {
    let out = Command::new("size").arg(exe).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let cells: Vec<u64> = text.lines().nth(1).unwrap().split_whitespace().take(2).map(|c| c.parse().unwrap()).collect();
    cells[0] + cells[1]
}

/// Links tests/c/firmware.c with no C library against `archive`, in `dir`; returns the program.
fn firmware(archive: &std::path::Path, name: &str, dir: &std::path::Path) -> PathBuf {
    let exe = dir.join("firmware");
    let out = Command::new("gcc")
        .args(["-std=c11"])
        .args(c::STRICT)
        .args(["-ffreestanding", "-fno-builtin", "-fno-stack-protector", "-nostdlib", "-static", "-no-pie"])
        .args(["-Wl,-e,entry", "-Wl,--gc-sections", "-I"])
        .arg(c::include_dir())
        .arg(c::c_dir().join("firmware.c"))
        .arg(archive)
        .arg("-o")
        .arg(&exe)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the {name} archive needs more than mem*/bcmp/strlen:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    exe
}

#[test]
fn firmware_archive_needs_no_c_library_and_cannot_panic() {
    for (features, name) in [(&[][..], "none"), (&["vendors"][..], "vendors")] {
        let dir = c::scratch(&format!("firmware_{name}"));
        let exe = firmware(&archive(features, &dir), name, &dir);
        let nm = Command::new("nm").arg(&exe).output().unwrap();
        let symbols = String::from_utf8(nm.stdout).unwrap();
        let bad: Vec<&str> = symbols
            .lines()
            .filter(|l| ["panic", "unwind", "malloc", "pthread"].iter().any(|w| l.to_lowercase().contains(w)))
            .collect();
        assert!(bad.is_empty(), "{name}: the linked program holds {bad:?}");
        println!("firmware program with vendor tables {name}: {} bytes (text + data)", size(&exe));
    }
}

fn check_features(features: &[&str], enabled: i32) {
    let name = if features.is_empty() { "none".to_string() } else { features.join("+") };
    let dir = c::scratch(&format!("features_{name}"));
    let archive = archive(features, &dir);
    let exe = dir.join("features");
    let define = format!("ENABLED_VENDOR={enabled}");
    let compiler = Compiler { command: "gcc", lang: Lang::C, std: "c11" };
    let build = Build {
        compiler: &compiler,
        sources: vec![c::c_dir().join("features.c")],
        includes: vec![c::include_dir(), c::c_dir()],
        defines: vec![define.as_str()],
        flags: vec![],
        archive: Some(archive),
        output: exe.clone(),
    };
    build.ok();
    let out = Command::new(&exe).output().unwrap();
    assert!(out.status.success(), "features {name}:\n{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn with_no_vendor_feature_vendor_lookups_fail() {
    check_features(&[], -1);
}

#[test]
fn with_one_vendor_feature_only_that_vendor_answers() {
    check_features(&["huawei-frs"], herr::Vendor::HuaweiFrs.value());
    check_features(&["inspireface-v2"], herr::Vendor::InspirefaceV2.value());
}
