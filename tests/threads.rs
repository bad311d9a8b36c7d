//! Every exported function from 8 threads at once (`tests/c/threads.c`): 8 x 1,000,000 mixed
//! calls whose answers must equal a reference computed on one thread; built with the target's
//! C compiler and run there, and on the host also with clang's ThreadSanitizer (proven
//! instrumented by `nm`), where any report fails the test.
// Not under Miri, which cannot start processes: this test compiles and runs C.
#![cfg(not(miri))]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::c::{self, Build, Compiler, Lang};

fn build(compiler: &Compiler, flags: &[&str], name: &str) -> PathBuf {
    let dir = c::scratch(name);
    let exe = dir.join("threads");
    Build {
        compiler,
        sources: vec![c::c_dir().join("threads.c")],
        includes: vec![c::include_dir()],
        defines: vec![],
        flags: flags.to_vec(),
        archive: Some(c::archive()),
        output: exe.clone(),
    }
    .ok();
    exe
}

fn run_ok(exe: &Path, command: Command) {
    let mut command = command;
    let out = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && !stderr.contains("ThreadSanitizer"), "{}:\n{stdout}\n{stderr}", exe.display());
    assert!(stdout.contains("8 threads x 1000000 calls") && stdout.contains(": 0 wrong"), "{stdout}");
    println!("{stdout}");
}

#[test]
fn eight_threads_agree_with_one() {
    let exe = build(&c::c11(), &["-O2", "-pthread"], "threads");
    run_ok(&exe, c::this().command(&exe));
}

#[test]
#[cfg_attr(not(target_arch = "x86_64"), ignore = "the sanitizer builds are the host's (clang)")]
fn eight_threads_are_clean_under_thread_sanitizer() {
    if !c::need("clang") {
        return;
    }
    let clang = Compiler { command: "clang", lang: Lang::C, std: "c11" };
    let exe = build(&clang, &["-fsanitize=thread", "-g", "-O1", "-pthread"], "threads_tsan");
    let symbols = c::run(Command::new("nm").arg(&exe));
    assert!(symbols.contains("__tsan_init"), "no __tsan_init in the ThreadSanitizer build");
    let mut command = Command::new(&exe);
    command.env("TSAN_OPTIONS", "halt_on_error=1");
    run_ok(&exe, command);
}
