//! herr's release tasks, run as `cargo xtask ...` (an alias in .cargo/config.toml).
//!
//! `cargo xtask dist TARGET... | all` writes `target/dist/herr-VERSION-TARGET.tar.gz` for each
//! Rust target, `herr-VERSION-android.tar.gz` when every Android ABI is among them, and
//! `target/dist/SHA256SUMS`. README.md, "Platforms", says what each bundle holds and how it
//! was tested. `cargo xtask inspireface PATH` takes in an InspireFace release (`inspireface.rs`).

mod bundle;
mod inspireface;
mod platform;
mod sha256;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dist") => dist(&args[1..]),
        Some("inspireface") => match inspireface::run(&root(), &args[1..]) {
            Ok(true) => Ok(()),
            Ok(false) => return ExitCode::FAILURE,
            Err(e) => Err(e),
        },
        Some("targets") => {
            platform::ALL.iter().for_each(|t| println!("{t}"));
            Ok(())
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

const USAGE: &str = "usage:
  cargo xtask dist [--out DIR] TARGET...   one bundle per Rust target (or `all`), with SHA256SUMS
  cargo xtask targets                      the targets `all` means
  cargo xtask inspireface [--check] [--release X.Y.Z] PATH
                                           take in an InspireFace release: its herror.h, herror.py
                                           or SDK wheel (CONTRIBUTING.md, \"A new InspireFace release\")";

/// The repository (xtask's parent directory).
fn root() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    root.canonicalize().unwrap_or(root)
}

fn dist(args: &[String]) -> Result<(), String> {
    let root = root();
    let mut out = root.join("target/dist");
    let mut targets = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--out" => out = PathBuf::from(rest.next().ok_or("--out needs a directory")?),
            "all" => targets.extend(platform::ALL.iter().map(|t| t.to_string())),
            "-h" | "--help" => return Err(USAGE.to_string()),
            target if target.starts_with('-') => return Err(format!("unknown option {target}\n{USAGE}")),
            target => targets.push(target.to_string()),
        }
    }
    if targets.is_empty() {
        return Err(format!("name at least one target\n{USAGE}"));
    }
    for target in &targets {
        if platform::Platform::of(target).is_none() {
            return Err(format!(
                "no bundle is made for {target}; the targets are (`cargo xtask targets`):\n  {}",
                platform::ALL.join("\n  ")
            ));
        }
    }
    let dist = bundle::Dist::new(&root, &out)?;
    let mut written = Vec::new();
    for target in &targets {
        written.push(dist.bundle(target)?);
    }
    let android: Vec<&String> = targets.iter().filter(|t| platform::android_abi(t).is_some()).collect();
    if android.len() == 4 {
        written.push(dist.android(&android)?);
    }
    dist.checksums(&written)?;
    for file in &written {
        println!("{}", file.display());
    }
    println!("{}", out.join("SHA256SUMS").display());
    Ok(())
}
