//! Helpers shared by the integration tests: fixtures, paths, and the "bless" switch that
//! rewrites committed generated files.
#![allow(dead_code)] // each test binary uses part of this

pub mod c;
#[path = "../../codegen/tsv.rs"]
pub mod tsv;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The rows of `tests/fixtures/<name>`, a TSV whose first non-comment line is a header:
/// each row as cells (trimmed), header and comments left out. Read by the same reader as the
/// code tables (`codegen/tsv.rs`).
pub fn fixture(name: &str) -> Vec<Vec<String>> {
    tsv::Tsv::read(&root().join("tests/fixtures").join(name)).cells()
}

/// The releases of InspireFace whose herror.h `tests/fixtures/inspireface_headers.tsv` holds,
/// oldest first.
pub fn inspireface_releases() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in fixture("inspireface_headers.tsv") {
        if !out.contains(&r[0]) {
            out.push(r[0].clone());
        }
    }
    let key = |v: &String| v.split('.').map(|p| p.parse::<u32>().unwrap()).collect::<Vec<_>>();
    out.sort_by_key(key);
    out
}

/// The newest release of InspireFace the fixtures hold: the one herr's tables must match.
pub fn newest_inspireface_release() -> String {
    inspireface_releases().pop().expect("tests/fixtures/inspireface_headers.tsv holds releases")
}

/// Every macro of InspireFace's herror.h of `release`, in the header's order: (name, value),
/// from `tests/fixtures/inspireface_headers.tsv` (copied from each release's header).
pub fn inspireface_header(release: &str) -> Vec<(String, i64)> {
    let out: Vec<(String, i64)> = fixture("inspireface_headers.tsv")
        .into_iter()
        .filter(|r| r[0] == release)
        .map(|r| (r[1].clone(), r[2].parse().unwrap()))
        .collect();
    assert!(!out.is_empty(), "tests/fixtures/inspireface_headers.tsv has no release {release}");
    out
}

/// How far apart the items a test checks are: every one natively, every `step`-th under Miri,
/// which runs a test some hundred times slower (`cargo +nightly miri test`, README
/// "Reliability"). The sample still reaches the code paths the whole set reaches.
pub const fn miri_step(step: usize) -> usize {
    if cfg!(miri) { step } else { 1 }
}

/// `HERR_BLESS=1`: tests that compare a committed generated file rewrite it instead of failing.
pub fn bless() -> bool {
    std::env::var_os("HERR_BLESS").is_some_and(|v| v == "1")
}

/// Fails unless `committed` holds exactly `generated`; with `HERR_BLESS=1`, writes it.
pub fn same_or_bless(committed: &Path, generated: &str) {
    let current = fs::read_to_string(committed).unwrap_or_default();
    if current == generated {
        return;
    }
    if bless() {
        fs::write(committed, generated).unwrap();
        return;
    }
    let first = current
        .lines()
        .zip(generated.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(current.lines().count().min(generated.lines().count()));
    panic!(
        "{} differs from what the build generates (first at line {}):\n  committed: {:?}\n  generated: {:?}\n\
         If the change is intended, run `HERR_BLESS=1 cargo test` and commit the file.",
        committed.display(),
        first + 1,
        current.lines().nth(first).unwrap_or("<end of file>"),
        generated.lines().nth(first).unwrap_or("<end of file>"),
    );
}

/// Skips the rest of a test for `reason` (a tool or target this machine lacks): says so where
/// `cargo test` shows it, a line `SKIPPED <test>: <reason>` on the standard error (which the
/// test harness does not capture: a skip never passes for a plain `ok`). On CI (`CI` set),
/// where `.ci/run` installs everything the tests use, a skip fails the test instead.
pub fn skip(reason: &str) {
    let test = std::thread::current().name().unwrap_or("a test").to_string();
    assert!(std::env::var_os("CI").is_none(), "{test}: {reason}; required on CI (.ci/run installs it)");
    // Not eprintln!, which the harness captures with the test's output.
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {reason}");
}

/// Whether the Rust target `triple` is installed for this toolchain. Without it a test that
/// needs it is skipped ([`skip`]).
pub fn rust_target(triple: &str) -> bool {
    let out = std::process::Command::new("rustc").args(["--print", "sysroot"]).output().unwrap();
    let sysroot = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if Path::new(&sysroot).join("lib/rustlib").join(triple).join("lib").is_dir() {
        return true;
    }
    skip(&format!("the Rust target {triple} is not installed (rustup target add {triple})"));
    false
}

/// Copies what building the crate needs (the sources, tables, headers, build files) into
/// `dest`: a scratch copy to build or change without touching the repository.
pub fn copy_crate(dest: &Path) {
    let _ = fs::remove_dir_all(dest);
    fs::create_dir_all(dest).unwrap();
    for entry in [
        "Cargo.toml",
        "Cargo.lock",
        "build.rs",
        "cbindgen.toml",
        "CMakeLists.txt",
        ".cargo",
        "src",
        "codes",
        "codegen",
        "include",
        "cmake",
        "abi",
        "cli",
        "xtask",
    ] {
        copy_tree(&root().join(entry), &dest.join(entry));
    }
}

/// [`copy_crate`], with the tests, the docs the tests generate and the fuzz seed corpora: a
/// copy whose own `cargo test` runs.
#[allow(dead_code)]
pub fn copy_crate_and_tests(dest: &Path) {
    copy_crate(dest);
    for entry in ["tests", "docs", "fuzz/seeds", "fuzz/fuzz_targets", "fuzz/Cargo.toml", "README.md", "CONTRIBUTING.md"]
    {
        copy_tree(&root().join(entry), &dest.join(entry));
    }
}

fn copy_tree(from: &Path, to: &Path) {
    if from.is_dir() {
        fs::create_dir_all(to).unwrap();
        for entry in fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            copy_tree(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        fs::copy(from, to).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    }
}

/// One nested cargo build at a time: they share a target directory.
static NESTED: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// A lock held across processes, on the file `path` (made if missing): cargo-nextest runs each
/// test in a process of its own, and test programs run side by side, so what tests share on disk
/// is guarded by such a lock as well as by the process's own. Released when dropped.
#[allow(clippy::incompatible_msrv)] // tests run on the current toolchain; rust-version is the library's
pub fn process_lock(path: &Path) -> fs::File {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).unwrap();
    }
    let file = fs::File::create(path).unwrap();
    file.lock().unwrap();
    file
}

/// Builds herr's archive as C programs get it (the staticlib alone, without std) with `profile`
/// (`release`, or `firmware`: optimised for size), for `target` (the host when `None`), with
/// `features`; returns a copy of it in `dir` (the next build overwrites the original).
pub fn archive(profile: &str, target: Option<&str>, features: &[&str], dir: &Path) -> PathBuf {
    let _one = NESTED.lock().unwrap_or_else(|e| e.into_inner());
    let target_dir = root().join("target/nested");
    // From a nested build to the copy of what it built, no other test process builds there.
    let _only = process_lock(&target_dir.join(".herr-tests.lock"));
    let mut cmd = std::process::Command::new(env!("CARGO"));
    cmd.args(["rustc", "--quiet", "--profile", profile, "--lib", "--crate-type", "staticlib", "--no-default-features"])
        .arg("--manifest-path")
        .arg(root().join("Cargo.toml"))
        .arg("--target-dir")
        .arg(&target_dir);
    if !features.is_empty() {
        cmd.args(["--features", &features.join(",")]);
    }
    let mut out_dir = target_dir.clone();
    if let Some(triple) = target {
        cmd.args(["--target", triple]);
        out_dir.push(triple);
    }
    let out = cmd.output().unwrap();
    let what = format!("{profile} {} {}", target.unwrap_or("host"), features.join(","));
    assert!(out.status.success(), "cargo rustc ({what}) failed:\n{}", String::from_utf8_lossy(&out.stderr));
    let name = format!(
        "libherr-{profile}-{}-{}.a",
        target.unwrap_or("host"),
        if features.is_empty() { "none".to_string() } else { features.join("+") }
    );
    // Copied under a name of this process's, then renamed into place: a test in another process
    // that is linking the archive of the same name meanwhile reads the whole old one.
    let copy = dir.join(&name);
    let part = dir.join(format!("{name}.{}", std::process::id()));
    fs::copy(out_dir.join(profile).join("libherr.a"), &part).unwrap();
    fs::rename(&part, &copy).unwrap();
    copy
}
