//! herr.hpp, C++'s std::error_code for herr: `tests/cpp/error_code.cpp` checks it against the
//! C API for every code, built with g++ and clang++ (when installed) in every C++ standard
//! from C++11 to C++2b, with strict warnings, with and without exceptions and RTTI; and the
//! example `examples/cpp/error_code.cpp` builds and handles its error by kind.
// Not under Miri, which cannot start processes: this test compiles and runs C++.
#![cfg(not(miri))]
#![cfg(feature = "vendors")]

mod common;

use common::c::{self, Build, Compiler, Lang};

const STANDARDS: [&str; 5] = ["c++11", "c++14", "c++17", "c++20", "c++2b"];

/// The target's g++, and on the host clang++ (when installed; required on CI).
fn compilers() -> Vec<&'static str> {
    let mut out = vec![c::this().cxx];
    if c::this().is_host() && c::need("clang++") {
        out.push("clang++");
    }
    out
}

#[test]
fn error_code_agrees_with_the_c_api_in_every_standard() {
    let dir = c::scratch("cpp_matrix");
    let mut built = 0;
    for command in compilers() {
        for std in STANDARDS {
            for (variant, flags) in [("full", &[][..]), ("bare", &["-fno-exceptions", "-fno-rtti"][..])] {
                let exe = dir.join(format!("error_code_{command}_{std}_{variant}"));
                Build {
                    compiler: &Compiler { command, lang: Lang::Cxx, std },
                    sources: vec![common::root().join("tests/cpp/error_code.cpp")],
                    includes: vec![c::include_dir()],
                    defines: vec![],
                    flags: flags.to_vec(),
                    archive: Some(c::archive()),
                    output: exe.clone(),
                }
                .ok();
                let out = c::run(&mut c::this().command(&exe));
                assert!(out.contains(" 0 failures"), "{command} -std={std} {flags:?}: {out}");
                built += 1;
            }
        }
    }
    assert!(built >= 10, "{built} builds");
}

#[test]
fn the_cpp_example_handles_its_error_by_kind() {
    let dir = c::scratch("cpp_example");
    for command in compilers() {
        let exe = dir.join(format!("example_{command}"));
        let compiler = Compiler { command, lang: Lang::Cxx, std: "c++11" };
        let source = common::root().join("examples/cpp/error_code.cpp");
        Build::program(&compiler, source, vec![c::include_dir()], exe.clone()).ok();
        let out = c::run(&mut c::this().command(&exe));
        assert!(
            out.contains("HFFeatureHubInsertFeature: Feature vector block full (herr 1304, LIMIT_EXCEEDED)"),
            "{out}"
        );
        assert!(out.contains("the feature block is full"), "{out}");
    }
}
