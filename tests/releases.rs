//! InspireFace's two numberings in C and C++ (README, "Which InspireFace?"): herr.h alone, and
//! beside an InspireFace herror.h of releases 1.1.x to 1.2.2 or of 1.2.3 and later, in either
//! order, with and without `HERR_INSPIREFACE_V2`, under the whole compile matrix, with the
//! compilers' default flags and with `-Wall -Wextra -Wpedantic -Werror`. A program that
//! compiles sees in every `HERR_*` macro the value of the numbering it asked for (or of the
//! InspireFace header it includes), and herr's functions read each value as that numbering's
//! code; a program that cannot have that does not compile, and the compiler's message says
//! what to do. Also herr's two drop-in herror.h.
//!
//! InspireFace's headers are written here from `codes/` (the replacement lists, as InspireFace
//! spells them, are a column of the tables); the values they must give come from InspireFace's
//! documentation (`tests/fixtures`), not from `codes/`.
// Not under Miri, which cannot start processes: this test compiles and runs C and C++.
#![cfg(not(miri))]
#![cfg(feature = "vendors")]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::c::{self, Build, Compiler};
use common::tsv::Tsv;
use herr::{Code, Vendor};

/// One of InspireFace's numberings.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Release {
    /// Releases 1.1.x to 1.2.2 (`HERR_SESS_BASE` 0X500).
    UpTo122,
    /// Releases 1.2.3 and later (`HERR_SESS_BASE` 0x0064).
    From123,
}

impl Release {
    fn table(self) -> &'static str {
        match self {
            Release::UpTo122 => "inspireface.tsv",
            Release::From123 => "inspireface_v2.tsv",
        }
    }

    /// Every macro of the numbering and its value, from InspireFace's documentation.
    fn macros(self) -> Vec<(String, i64)> {
        match self {
            Release::UpTo122 => common::fixture("documented_inspireface.tsv")
                .into_iter()
                .map(|r| (r[0].clone(), r[1].parse().unwrap()))
                .collect(),
            Release::From123 => c::inspireface_v2_numbers(),
        }
    }

    /// herr's code for the numbering's `value`.
    fn code(self, value: i64) -> Code {
        match self {
            Release::UpTo122 => Code::new(value),
            Release::From123 => Code::from_vendor_number(Vendor::InspirefaceV2, value),
        }
        .unwrap_or_else(|| panic!("{self:?}: {value} is no code"))
    }
}

/// InspireFace's herror.h of `release`, written from its table in `codes/` the way InspireFace
/// writes it: its include guard, `#define NAME replacement-list  // comment`.
fn herror_h(release: Release) -> String {
    let tsv = Tsv::read(&common::root().join("codes").join(release.table()));
    let name = tsv.column(if release == Release::UpTo122 { "name" } else { "vendor_code" }).unwrap();
    let (value, message) = (tsv.column("value").unwrap(), tsv.column("message").unwrap());
    let mut out = format!(
        "/* InspireFace's herror.h ({release:?}), as tests/releases.rs writes it from codes/{}. */\n\n\
         #ifndef INSPIRE_FACE_HERROR_H\n#define INSPIRE_FACE_HERROR_H\n\n// [Anchor-Begin]\n\n",
        release.table()
    );
    for (_, row) in &tsv.rows {
        let comment = if row[message].is_empty() { "renumbered" } else { row[message].as_str() };
        out.push_str(&format!("#define {} {}  // {comment}\n", row[name], row[value]));
    }
    out.push_str("\n// [Anchor-End]\n\n#endif  // INSPIRE_FACE_HERROR_H\n");
    out
}

/// `expected.h` for tests/c/numbering.c and dropin.c: every macro of `release` checked in `#if`,
/// and EXPECTED, each with herr's message and kind for its value.
fn expected_h(release: Release) -> String {
    let mut checks = format!("/* Written by tests/releases.rs: the HERR_* macros of {release:?}. */\n");
    let mut table = String::from(
        "static const struct { const char *name; long value; const char *message; herr_kind_t kind; } EXPECTED[] = {\n",
    );
    for (name, value) in release.macros() {
        checks.push_str(&format!(
            "#if !defined({name}) || ({name}) != {value}\n#error \"{name} is not {value}\"\n#endif\n"
        ));
        // The number as the translation unit's numbering returns it: 105 is 1300's error, with
        // its one name's text (1300 has two names and a text that says both).
        let code = if release == Release::From123 { Code::new(value).unwrap() } else { release.code(value) };
        table.push_str(&format!(
            "    {{\"{name}\", {name}, {}, HERR_KIND_{}}},\n",
            c::c_string(code.message()),
            code.kind().name()
        ));
    }
    table.push_str("};\n");
    checks + &table
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Order {
    /// InspireFace's herror.h, then herr.h.
    HerrorFirst,
    /// herr.h, then InspireFace's herror.h.
    HerrorAfter,
}

/// What a case must give.
#[derive(Clone, Copy, Debug)]
enum Outcome {
    /// It compiles silently, strict or not, and the program sees this numbering.
    Sees(Release),
    /// It stops, with any flags, with this text among the compiler's messages.
    Stops(&'static str),
    /// With strict flags it stops; with the default flags it compiles (with warnings) and the
    /// program sees this numbering. Either way the compiler's first report of a redefined macro
    /// names the first macro, and its messages hold the second text (herr.h's line of it).
    WarnsThenSees(Release, &'static str, &'static str),
}

struct Case {
    herror: Option<(Release, Order)>,
    v2: bool,
    outcome: Outcome,
}

const CASES: [Case; 10] = [
    Case { herror: None, v2: false, outcome: Outcome::Sees(Release::UpTo122) },
    Case { herror: None, v2: true, outcome: Outcome::Sees(Release::From123) },
    Case { herror: Some((Release::UpTo122, Order::HerrorFirst)), v2: false, outcome: Outcome::Sees(Release::UpTo122) },
    Case { herror: Some((Release::UpTo122, Order::HerrorAfter)), v2: false, outcome: Outcome::Sees(Release::UpTo122) },
    Case { herror: Some((Release::From123, Order::HerrorFirst)), v2: false, outcome: Outcome::Sees(Release::From123) },
    Case { herror: Some((Release::From123, Order::HerrorFirst)), v2: true, outcome: Outcome::Sees(Release::From123) },
    Case { herror: Some((Release::From123, Order::HerrorAfter)), v2: true, outcome: Outcome::Sees(Release::From123) },
    Case {
        herror: Some((Release::UpTo122, Order::HerrorFirst)),
        v2: true,
        outcome: Outcome::Stops("HERR_INSPIREFACE_V2 asks for InspireFace 1.2.3+'s numbering"),
    },
    Case {
        herror: Some((Release::UpTo122, Order::HerrorAfter)),
        v2: true,
        outcome: Outcome::WarnsThenSees(
            Release::UpTo122,
            "HERR_BASIC_BASE",
            "an InspireFace herror.h of 1.2.2 or older after herr.h redefines this: include it before herr.h, or do not define HERR_INSPIREFACE_V2",
        ),
    },
    Case {
        herror: Some((Release::From123, Order::HerrorAfter)),
        v2: false,
        outcome: Outcome::WarnsThenSees(
            Release::From123,
            "HERR_BASIC_BASE",
            "an InspireFace herror.h of 1.2.3 or later after herr.h redefines this: include it before herr.h, or define HERR_INSPIREFACE_V2 before herr.h",
        ),
    },
];

/// Builds tests/c/`program`.c for `case` in `dir` with `compiler`, strict or not.
fn build(program: &str, dir: &Path, case: &Case, compiler: &Compiler, strict: bool) -> (Output, PathBuf) {
    let mut defines = Vec::new();
    match case.herror {
        Some((_, Order::HerrorFirst)) => defines.push("HERR_TEST_HERROR_FIRST"),
        Some((_, Order::HerrorAfter)) => defines.push("HERR_TEST_HERROR_AFTER"),
        None => {}
    }
    if case.v2 {
        defines.push("HERR_INSPIREFACE_V2");
    }
    let exe = dir.join(format!("{program}_{}_{}_{strict}", compiler.command, compiler.std));
    let build = Build {
        compiler,
        sources: vec![c::c_dir().join(format!("{program}.c"))],
        // The case's own directory first: its herror.h is InspireFace's, not herr's drop-in.
        includes: vec![dir.to_path_buf(), c::include_dir(), c::c_dir()],
        defines,
        flags: vec![],
        archive: Some(c::archive()),
        output: exe.clone(),
    };
    (if strict { build.run() } else { build.run_lenient() }, exe)
}

/// Runs a program built for `release` and checks what it printed.
fn runs_seeing(exe: &Path, release: Release, what: &str) {
    let out = c::this().command(exe).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{what}: the program failed:\n{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    let tracker = release.macros().into_iter().find(|(n, _)| n == "HERR_SESS_TRACKER_FAILURE").unwrap().1;
    let line = format!("HERR_SESS_TRACKER_FAILURE {tracker}: Tracker module not initialized");
    assert!(stdout.contains(&line), "{what}: {stdout}");
}

fn check_case(k: usize, case: &Case, compiler: &Compiler) {
    let dir = c::scratch(&format!("releases_{k}_{}_{}", compiler.command, compiler.std));
    if let Some((release, _)) = case.herror {
        fs::write(dir.join("herror.h"), herror_h(release)).unwrap();
    }
    let sees = match case.outcome {
        Outcome::Sees(r) | Outcome::WarnsThenSees(r, ..) => r,
        Outcome::Stops(_) => Release::UpTo122,
    };
    fs::write(dir.join("expected.h"), expected_h(sees)).unwrap();
    let what = format!(
        "{} -std={}, herror.h {:?}, HERR_INSPIREFACE_V2 {}",
        compiler.command, compiler.std, case.herror, case.v2
    );
    for strict in [true, false] {
        let (out, exe) = build("numbering", &dir, case, compiler, strict);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let what = format!("{what}, strict {strict}");
        match case.outcome {
            Outcome::Sees(release) => {
                assert!(out.status.success() && stderr.trim().is_empty(), "{what} failed or warned:\n{stderr}");
                runs_seeing(&exe, release, &what);
            }
            Outcome::Stops(text) => {
                assert!(!out.status.success(), "{what} compiled");
                assert!(stderr.contains(text), "{what}: no {text:?} in:\n{stderr}");
            }
            Outcome::WarnsThenSees(release, first, then) => {
                if strict {
                    assert!(!out.status.success(), "{what} compiled");
                } else {
                    assert!(out.status.success(), "{what} did not compile:\n{stderr}");
                    runs_seeing(&exe, release, &what);
                }
                // The first report is about HERR_BASIC_BASE, and shows herr.h's line of it,
                // which says what to do.
                let report = stderr.lines().find(|l| l.contains("redefined"));
                assert!(
                    report.is_some_and(|l| l.contains(first)),
                    "{what}: the first report is not about {first}:\n{stderr}"
                );
                assert!(stderr.contains(then), "{what}: no {then:?} in:\n{stderr}");
            }
        }
    }
}

#[test]
fn every_numbering_and_order_in_c_and_cpp() {
    let matrix = c::matrix();
    // One thread per compiler: some 400 builds.
    std::thread::scope(|s| {
        for compiler in &matrix {
            s.spawn(move || {
                for (k, case) in CASES.iter().enumerate() {
                    check_case(k, case, compiler);
                }
            });
        }
    });
    let names: Vec<String> = matrix.iter().map(|c| format!("{} -std={}", c.command, c.std)).collect();
    println!("{} cases under {}", CASES.len(), names.join(", "));
}

/// The headers this test writes are InspireFace's numberings: each gives every macro
/// InspireFace's documentation lists, with its value.
#[test]
fn the_written_herror_h_spell_as_inspireface_does() {
    let v1 = herror_h(Release::UpTo122);
    for line in ["#define HSUCCEED (0)  //", "#define HERR_BASIC_BASE 0X0001  //", "#define HERR_SESS_BASE 0X500  //"] {
        assert!(v1.contains(line), "{line}");
    }
    assert!(v1.contains("#define HERR_SESS_TRACKER_FAILURE (HERR_SESS_BASE + 3)  // Tracker module not initialized\n"));
    let v2 = herror_h(Release::From123);
    for line in [
        "#define HERR_BASIC_BASE 0x0001  //",
        "#define HERR_SESS_BASE 0x0064  //",
        "#define HERR_EXTENSION_BASE 0x015E  //",
    ] {
        assert!(v2.contains(line), "{line}");
    }
    assert!(v2.contains("#define HERR_SESS_TRACKER_FAILURE (HERR_SESS_BASE + 2)  //"));
    for (release, text) in [(Release::UpTo122, &v1), (Release::From123, &v2)] {
        let defined =
            text.lines().filter(|l| l.starts_with("#define HERR_") || l.starts_with("#define HSUCCEED")).count();
        assert_eq!(defined, release.macros().len(), "{release:?}: one #define per documented macro");
    }
}

/// herr's drop-in herror.h of each numbering stands in for InspireFace's: an "inspireface.h"
/// that includes "herror.h" by that name gets herr's, with the release's macros.
#[test]
fn each_drop_in_stands_in_for_its_release() {
    for (release, drop_in, printed) in [
        (
            Release::UpTo122,
            c::include_dir().join("herr"),
            "HERR_ARCHIVE_LOAD_FAILURE 1360: Archive load failure (STORAGE)\n",
        ),
        (
            Release::From123,
            c::include_dir().join("herr/inspireface-v2"),
            "HERR_ARCHIVE_LOAD_FAILURE 251: Archive load failure (STORAGE)\n",
        ),
    ] {
        let dir = c::scratch(&format!("dropin_{release:?}"));
        fs::write(dir.join("expected.h"), expected_h(release)).unwrap();
        for compiler in c::matrix() {
            let exe = dir.join(format!("dropin_{}_{}", compiler.command, compiler.std));
            // The drop-in's folder alone: it finds herr.h by itself.
            let includes = vec![c::c_dir().join("fixtures/app"), drop_in.clone(), dir.clone()];
            Build::program(&compiler, c::c_dir().join("dropin.c"), includes, exe.clone()).ok();
            let out = c::this().command(&exe).output().unwrap();
            assert!(out.status.success(), "{release:?}: {}", String::from_utf8_lossy(&out.stderr));
            assert_eq!(String::from_utf8_lossy(&out.stdout), printed);
        }
    }
}

/// A drop-in of one numbering after herr.h of the other stops the build and says why.
#[test]
fn a_drop_in_of_the_other_numbering_stops_the_build() {
    let dir = c::scratch("dropin_mixed");
    for (first, second, text) in [
        ("herr.h", "herr/inspireface-v2/herror.h", "herr.h was included before it without HERR_INSPIREFACE_V2"),
        ("herr/inspireface-v2/herror.h", "herr/herror.h", "this is herr's drop-in for InspireFace 1.2.2 and older"),
    ] {
        let source = dir.join("mixed.c");
        fs::write(&source, format!("#include \"{first}\"\n#include \"{second}\"\nint main(void) {{ return 0; }}\n"))
            .unwrap();
        let out = Build {
            compiler: &c::c11(),
            sources: vec![source],
            includes: vec![c::include_dir()],
            defines: vec![],
            flags: vec![],
            archive: None,
            output: dir.join("mixed.o"),
        }
        .run();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && stderr.contains(text), "{first} then {second}:\n{stderr}");
    }
}

/// examples/c/inspireface_errors.c is a program for InspireFace 1.2.3 and later: its calls
/// return 1.2.3's numbers, which herr names and explains.
#[test]
fn the_c_example_is_a_1_2_3_program() {
    let dir = c::scratch("example_1_2_3");
    let exe = dir.join("inspireface_errors");
    let source = common::root().join("examples/c/inspireface_errors.c");
    Build::program(&c::c11(), source, vec![c::include_dir()], exe.clone()).ok();
    let out = c::run(&mut c::this().command(&exe));
    for line in [
        "launch         251 HERR_ARCHIVE_LOAD_FAILURE: Archive load failure [kind STORAGE]",
        "track          102 HERR_SESS_TRACKER_FAILURE: Tracker module not initialized [kind NOT_READY]",
        "load_extension 352 HERR_EXTENSION_MLMODEL_LOAD_FAILED: MLModel load failed [kind INTERNAL]",
        "future         4242 ?: Unknown error code [kind UNKNOWN]",
        "case HERR_SESS_TRACKER_FAILURE matches: 102 (InspireFace 1.2.3+)",
        "102 is InspireFace 1.2.3+'s; herr's code for it is 1283",
    ] {
        assert!(out.contains(line), "no {line:?} in:\n{out}");
    }
}
