//! Helpers shared by the integration tests: fixtures, paths, and the "bless" switch that
//! rewrites committed generated files.
#![allow(dead_code)] // each test binary uses part of this

pub mod c;

use std::fs;
use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The rows of `tests/fixtures/<name>`, a TSV whose first non-comment line is a header:
/// each row as cells, header and comments left out.
pub fn fixture(name: &str) -> Vec<Vec<String>> {
    let text = fs::read_to_string(root().join("tests/fixtures").join(name)).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .skip(1)
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
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
