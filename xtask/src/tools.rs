//! The programs `dist` runs, and how it finds them.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs a command; its standard output on success, else an error that shows the command and
/// what it printed.
pub fn run(command: &mut Command) -> Result<String, String> {
    let output = command.output().map_err(|e| format!("cannot run {command:?}: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "{command:?} failed ({}):\n{}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Whether a program can be started (`NAME --version` succeeds).
pub fn exists(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok_and(|o| o.status.success())
}

/// An LLVM tool (`llvm-ar`, `llvm-nm`): on PATH, with or without a version suffix, or from
/// rustup's llvm-tools component. Any LLVM reads the objects of every target herr builds for.
pub fn llvm(name: &str, host_sysroot: &Path, host: &str) -> Result<PathBuf, String> {
    let rustup = host_sysroot.join("lib/rustlib").join(host).join("bin").join(name);
    let mut candidates = vec![PathBuf::from(name)];
    candidates.extend((14..=30).rev().map(|v| PathBuf::from(format!("{name}-{v}"))));
    candidates.push(rustup);
    candidates.into_iter().find(|c| c.to_str().is_some_and(exists)).ok_or_else(|| {
        format!(
            "{name} not found: install LLVM (Debian: apt-get install llvm) or run `rustup component add llvm-tools`"
        )
    })
}

/// The value of `key: value` in `rustc -vV`'s output.
pub fn rustc_field(info: &str, key: &str) -> Option<String> {
    info.lines().find_map(|line| line.strip_prefix(key)?.strip_prefix(": ").map(String::from))
}
