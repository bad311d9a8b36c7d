//! InspireFace as it ships: for each release of its Python SDK that
//! `tests/fixtures/inspireface_wheels.tsv` lists, the wheel is downloaded from the Python
//! package registry (once, into `target/tmp/inspireface-wheels`, or taken from the folder
//! `HERR_INSPIREFACE_WHEELS` names), checked against its SHA-256, unpacked, and its real
//! `libInspireFace.so` asked, through the SDK's own ctypes declarations
//! (`tests/inspireface/probe.py`), for its version, the constants of its `herror.py`, every
//! number its `HFGetErrorMessage` knows (1.2.4 and later), and what calls that need no model
//! files return. herr must know each of those numbers, and each macro of the release's
//! `herror.h` (`tests/fixtures/inspireface_headers.tsv`), in the release's numbering: from
//! Rust, and from C (`tests/c/sdk.c`, built with `HERR_INSPIREFACE_V2` for 1.2.3 and later).
//! A call that crashes inside InspireFace is left out.
//!
//! The wheels hold an x86-64 Linux library: elsewhere, or without python3 and pip, or without
//! the network, the test says SKIPPED (and fails on CI, where `.ci/run` provides them).
#![cfg(not(miri))]
#![cfg(feature = "vendors")]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::c::{self, Build};
use herr::{Code, Vendor};

/// One wheel of the fixture.
struct Wheel {
    release: String,
    version: String,
    file: String,
    sha256: String,
}

fn wheels() -> Vec<Wheel> {
    common::fixture("inspireface_wheels.tsv")
        .into_iter()
        .map(|r| Wheel { release: r[0].clone(), version: r[1].clone(), file: r[2].clone(), sha256: r[3].clone() })
        .collect()
}

/// What the probe read off a release's library.
#[derive(Default)]
struct Probe {
    release: String,
    herror: Vec<(String, i64)>,
    messages: Vec<(i64, String)>,
    /// (what the call did, its result: a number, "crashed SIGNAL" or "absent").
    calls: Vec<(String, String)>,
}

fn python(args: &[&str]) -> Command {
    let mut cmd = Command::new("python3");
    cmd.args(args);
    cmd
}

/// Where the wheels are kept between runs.
fn wheel_dir() -> PathBuf {
    std::env::var_os("HERR_INSPIREFACE_WHEELS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_TARGET_TMPDIR")).join("inspireface-wheels"))
}

/// The SHA-256 of a file, by Python's hashlib.
fn sha256(path: &Path) -> String {
    let code = "import hashlib,sys;print(hashlib.sha256(open(sys.argv[1],'rb').read()).hexdigest())";
    c::run(python(&["-c", code]).arg(path)).trim().to_string()
}

/// The wheel, downloaded unless it is there already; `Err` with the reason when pip cannot get it.
fn fetch(wheel: &Wheel) -> Result<PathBuf, String> {
    let dir = wheel_dir();
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join(&wheel.file);
    if !path.is_file() {
        let out = python(&["-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:"])
            .args(["--platform", "manylinux2014_x86_64", "--python-version", "3.11", "--implementation", "cp"])
            .arg(format!("inspireface=={}", wheel.version))
            .arg("-d")
            .arg(&dir)
            .output()
            .map_err(|e| format!("python3 -m pip: {e}"))?;
        if !out.status.success() || !path.is_file() {
            return Err(format!(
                "cannot download inspireface=={} from the Python package registry: {}",
                wheel.version,
                String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or("pip failed")
            ));
        }
    }
    let digest = sha256(&path);
    assert_eq!(digest, wheel.sha256, "{} is not the wheel the fixture names (SHA-256): refused", path.display());
    Ok(path)
}

/// Unpacks a wheel; its `purelib` folder.
fn unpack(wheel: &Path, release: &str) -> PathBuf {
    let dir = c::scratch(&format!("inspireface-sdk-{release}"));
    c::run(python(&["-m", "zipfile", "-e"]).arg(wheel).arg(&dir));
    let data = fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "data"))
        .unwrap_or_else(|| panic!("{}: no .data folder", wheel.display()));
    data.join("purelib")
}

fn probe(purelib: &Path) -> Probe {
    let out = c::run(python(&[]).arg(common::root().join("tests/inspireface/probe.py")).arg(purelib));
    let mut probe = Probe::default();
    for line in out.lines() {
        let cells: Vec<&str> = line.split('\t').collect();
        match cells.as_slice() {
            ["release", v] => probe.release = v.to_string(),
            ["herror", name, value] => probe.herror.push((name.to_string(), value.parse().unwrap())),
            ["message", n, text] => probe.messages.push((n.parse().unwrap(), text.to_string())),
            ["call", what, result] => probe.calls.push((what.to_string(), result.to_string())),
            other => panic!("the probe printed {other:?}"),
        }
    }
    probe
}

/// Whether `release` numbers its codes as 1.2.3 and later do.
fn renumbered(release: &str) -> bool {
    let parts: Vec<u32> = release.split('.').map(|p| p.parse().unwrap()).collect();
    parts >= vec![1, 2, 3]
}

/// The herr code of `value` in `release`'s numbering.
fn code_of(release: &str, value: i64) -> Option<Code> {
    if renumbered(release) {
        Code::from_vendor_number(Vendor::InspirefaceV2, value)
    } else {
        Code::new(value).filter(|c| c.vendor() == Vendor::Inspireface)
    }
}

/// Checks one release from Rust, and builds and runs tests/c/sdk.c for it; returns a summary
/// line and what the library returned.
fn check(wheel: &Wheel, probe: &Probe) -> String {
    let release = wheel.release.as_str();
    assert_eq!(probe.release, release, "{}: the library says it is {}", wheel.file, probe.release);
    let header = common::inspireface_header(release);
    // herror.py agrees with the release's header: same names, same values, bases aside (it has none).
    for (name, value) in &probe.herror {
        assert!(
            header.contains(&(name.clone(), *value)),
            "{release}: herror.py's {name} = {value} is not its header's"
        );
    }
    let mut names: Vec<(String, i64)> = header.clone();
    names.extend(probe.herror.iter().filter(|d| !header.contains(d)).cloned());
    for (name, value) in &names {
        let code = code_of(release, *value).unwrap_or_else(|| panic!("{release}: {name} = {value} is not known"));
        assert!(code.message() != "" && !code.message().is_empty(), "{release}: {name}");
        let raw = Code::new(*value).unwrap();
        assert!(raw.aliases().any(|a| a == name), "{release}: {value} is {:?}, not {name}", raw.name());
        assert_eq!(Code::from_name(name), Some(code), "{release}: {name}");
    }
    // The library's own list (1.2.4 and later): exactly the errors and success of its header.
    if !probe.messages.is_empty() {
        let known: Vec<i64> = probe.messages.iter().map(|(n, _)| *n).collect();
        let mut errors: Vec<i64> = header.iter().filter(|(n, _)| !n.ends_with("_BASE")).map(|(_, v)| *v).collect();
        errors.sort();
        errors.dedup();
        assert_eq!(known, errors, "{release}: the numbers HFGetErrorMessage knows are not its header's");
        for (n, text) in &probe.messages {
            assert!(code_of(release, *n).is_some(), "{release}: the library knows {n} ({text:?}); herr does not");
        }
    }
    // What the calls returned.
    let mut returned: Vec<(String, i64)> = Vec::new();
    let mut crashed = Vec::new();
    for (what, result) in &probe.calls {
        match result.parse::<i64>() {
            Ok(value) => {
                assert!(
                    code_of(release, value).is_some(),
                    "{release}: {what} returned {value}, which herr does not know"
                );
                returned.push((what.clone(), value));
            }
            Err(_) if result.starts_with("crashed") => crashed.push(what.as_str()),
            Err(_) => assert_eq!(result, "absent", "{release}: {what}"),
        }
    }
    assert!(!returned.is_empty(), "{release}: no call returned");
    let distinct = returned.iter().map(|(_, v)| *v).collect::<std::collections::BTreeSet<_>>().len();
    returned.extend(probe.messages.iter().map(|(n, _)| (format!("HFGetErrorMessage knows {n}"), *n)));

    // The same from C, in the release's numbering.
    let dir = c::scratch(&format!("inspireface-sdk-c-{release}"));
    let mut cases = format!("/* Written by tests/inspireface_sdk.rs: InspireFace {release}. */\n");
    let mut seen = BTreeMap::new();
    for (name, value) in &names {
        if seen.insert(name.clone(), *value).is_none() {
            cases.push_str(&format!(
                "#if !defined({name}) || ({name}) != {value}\n#error \"{name} is not {value}\"\n#endif\n"
            ));
        }
    }
    let numbering = if renumbered(release) { "HERR_VENDOR_INSPIREFACE_V2" } else { "HERR_VENDOR_INSPIREFACE" };
    cases.push_str(&format!("#define SDK_NUMBERING {numbering}\n"));
    cases.push_str("static const struct { const char *name; long value; } NAMES[] = {\n");
    for (name, value) in &names {
        cases.push_str(&format!("    {{{}, {value}L}},\n", c::c_string(name)));
    }
    cases.push_str("};\nstatic const struct { const char *what; long value; } RETURNED[] = {\n");
    for (what, value) in &returned {
        cases.push_str(&format!("    {{{}, {value}L}},\n", c::c_string(what)));
    }
    cases.push_str("};\n");
    fs::write(dir.join("sdk_cases.h"), cases).unwrap();
    let exe = dir.join("sdk");
    let compiler = c::c11();
    let defines = if renumbered(release) { vec!["HERR_INSPIREFACE_V2"] } else { vec![] };
    Build {
        compiler: &compiler,
        sources: vec![c::c_dir().join("sdk.c")],
        includes: vec![c::include_dir(), c::c_dir(), dir.clone()],
        defines,
        flags: vec![],
        archive: Some(c::archive()),
        output: exe.clone(),
    }
    .ok();
    let out = c::run(&mut c::this().command(&exe));
    assert_eq!(out.lines().count(), returned.len(), "{release}: sdk.c answered:\n{out}");
    format!(
        "InspireFace {release}: {} macros, {} numbers its library knows, {} calls returned {distinct} distinct codes, {} crashed inside InspireFace (left out): {}",
        names.len(),
        probe.messages.len(),
        probe.calls.len() - crashed.len() - probe.calls.iter().filter(|(_, r)| r == "absent").count(),
        crashed.len(),
        crashed.join("; ")
    )
}

#[test]
fn every_code_each_release_returns_is_known() {
    if !(cfg!(target_os = "linux") && cfg!(target_arch = "x86_64")) {
        common::skip("InspireFace's wheels here hold an x86-64 Linux library");
        return;
    }
    if !c::need("python3") {
        return;
    }
    let mut fetched = Vec::new();
    for wheel in wheels() {
        match fetch(&wheel) {
            Ok(path) => fetched.push((wheel, path)),
            Err(why) => {
                common::skip(&why);
                return;
            }
        }
    }
    // The fixtures' newest release is the one herr's tables match, and a wheel of it is tested.
    let newest = common::newest_inspireface_release();
    assert_eq!(herr::inspireface_release(), newest);
    assert!(fetched.iter().any(|(w, _)| w.release == newest), "no wheel of {newest} is listed");
    for (wheel, path) in &fetched {
        let purelib = unpack(path, &wheel.release);
        let probe = probe(&purelib);
        println!("{}", check(wheel, &probe));
    }
}
