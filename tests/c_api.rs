//! The C ABI from C: `tests/c/*.c` compiled (strict warnings) against include/herr.h and the
//! libherr.a of this build, run, and checked against the Rust API; the header under the
//! compile matrix. (herr.h beside InspireFace's herror.h, and the drop-ins: tests/releases.rs.)
// Not under Miri, which cannot start processes: this test compiles and runs C.
#![cfg(not(miri))]
#![cfg(feature = "vendors")]

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::c::{self, Build, Compiler};
use herr::Code;

/// What the Rust API says about `value`, in api.c's line format.
fn expected_line(value: i64) -> String {
    let code = Code::new(value);
    let dash = |s: Option<&str>| s.unwrap_or("-").to_string();
    let aliases: Vec<&str> = code.map(|c| c.aliases().collect()).unwrap_or_default();
    let statuses: Vec<String> =
        code.map(|c| c.http_statuses().iter().map(u16::to_string).collect()).unwrap_or_default();
    format!(
        "{value}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        code.map_or("Unknown error code", Code::message),
        code.map_or("未知的错误码", |c| c.message_in(herr::Lang::Zh)),
        dash(code.and_then(Code::name)),
        code.map_or(herr::Kind::Unknown, Code::kind),
        herr::Vendor::of_code(value).value(),
        dash(code.map(Code::vendor_code)),
        code.map_or(1, |c| i64::from(c.to_inspireface().value())),
        code.map_or(1, Code::to_inspireface_v2),
        code.and_then(Code::http_status).unwrap_or(0),
        u8::from(code.is_some_and(Code::is_retryable)),
        aliases.join(","),
        statuses.join(","),
    )
}

/// Builds tests/c/`program`.c with `compiler` and `flags` in a scratch directory `name`, after
/// `generate` has written the headers of cases it includes into that directory.
fn build_program(name: &str, program: &str, generate: fn(&Path), compiler: &Compiler, flags: &[&str]) -> PathBuf {
    let dir = c::scratch(name);
    generate(&dir);
    let exe = dir.join(program);
    Build {
        compiler,
        sources: vec![c::c_dir().join(format!("{program}.c"))],
        includes: vec![c::include_dir(), c::c_dir(), dir.clone()],
        defines: vec![],
        flags: flags.to_vec(),
        archive: Some(c::archive()),
        output: exe.clone(),
    }
    .ok();
    exe
}

/// Builds tests/c/api.c, with its generated cases, in a scratch directory of that name.
fn build_api(name: &str) -> PathBuf {
    build_program(name, "api", c::fixture_headers, &c::c11(), &[])
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
    // One line per documented InspireFace row, per resolved vendor code, per extreme value, per number -2..=2400.
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
#[cfg_attr(not(target_arch = "x86_64"), ignore = "valgrind checks the host's programs only")]
fn api_from_c_is_clean_under_valgrind() {
    if !c::need("valgrind") {
        return;
    }
    let exe = build_api("c_api_valgrind");
    c::valgrind_clean(&exe);
}

#[test]
fn header_compiles_cleanly_across_the_matrix() {
    let dir = c::scratch("c_matrix");
    c::fixture_headers(&dir);
    let matrix = c::matrix();
    for compiler in &matrix {
        let exe = dir.join(format!("header_{}_{}", compiler.command, compiler.std));
        Build::program(compiler, c::c_dir().join("header_compile.c"), vec![c::include_dir(), dir.clone()], exe.clone())
            .ok();
        let status = c::this().command(&exe).status().unwrap();
        assert!(status.success(), "{} -std={}: header_compile exited {status}", compiler.command, compiler.std);
    }
    let names: Vec<String> = matrix.iter().map(|c| format!("{} -std={}", c.command, c.std)).collect();
    println!("compile matrix: {}", names.join(", "));
}

/// `replies.h` for tests/c/reply.c: every fixture of `tests/fixtures/replies/expected.tsv`, its
/// body as bytes, and the Rust API's answer (status, code, the slices' bytes; -1 for absent).
fn replies_header(dir: &Path) {
    let bytes = |b: &[u8]| -> String { b.iter().map(|x| format!("\\x{x:02x}")).collect() };
    let slice = |s: Option<&[u8]>| s.map_or("NULL, -1".to_string(), |s| format!("\"{}\", {}", bytes(s), s.len()));
    // Bodies as byte arrays: C11 promises string literals of 4095 bytes only.
    let mut arrays = String::from("/* Generated by tests/c_api.rs from tests/fixtures/replies. */\n");
    let mut text = String::from(
        "static const struct { int vendor; const char *body; size_t len; int http; int status; long code;\n\
         const char *vendor_code; long vendor_code_len; const char *message; long message_len;\n\
         const char *request_id; long request_id_len; } REPLIES[] = {\n",
    );
    for (k, r) in common::fixture("replies/expected.tsv").iter().enumerate() {
        let body = std::fs::read(common::root().join("tests/fixtures/replies").join(&r[0])).unwrap();
        let vendor = herr::Vendor::from_name(&r[1]).unwrap();
        let http: u16 = r[2].parse().unwrap();
        let (status, code, vc, msg, rid) = match herr::parse_reply(vendor, &body, http) {
            Ok(reply) => {
                (i32::from(!reply.known), reply.code.value(), reply.vendor_code, reply.message, reply.request_id)
            }
            Err(e) => (
                match e {
                    herr::ReplyError::NotJson => -1,
                    herr::ReplyError::Truncated => -2,
                    herr::ReplyError::NoCode => -3,
                    herr::ReplyError::TooDeep => -4,
                    herr::ReplyError::UnsupportedVendor => -6,
                    herr::ReplyError::InvalidStatus => -5,
                },
                -7,
                None,
                None,
                None,
            ),
        };
        // C has no empty array: an empty body gets one byte it never reads.
        let items: Vec<String> =
            body.iter().map(|b| format!("0x{b:02x}")).chain(body.is_empty().then(|| "0".into())).collect();
        arrays.push_str(&format!("static const unsigned char BODY_{k}[] = {{{}}};\n", items.join(",")));
        text.push_str(&format!(
            "    {{{}, (const char *)BODY_{k}, {}, {http}, {status}, {code}L, {}, {}, {}}},\n",
            vendor.value(),
            body.len(),
            slice(vc),
            slice(msg),
            slice(rid)
        ));
    }
    text.insert_str(0, &arrays);
    text.push_str("};\n");
    std::fs::write(dir.join("replies.h"), text).unwrap();
}

/// Builds tests/c/reply.c, with the fixtures as C arrays, in a scratch directory of that name.
fn build_reply(name: &str) -> PathBuf {
    build_program(name, "reply", replies_header, &c::c11(), &[])
}

/// The C programs built with clang's AddressSanitizer and UndefinedBehaviorSanitizer (any report
/// is fatal) against the library, proven instrumented, and run: api.c (every function with
/// NULL, extreme and junk arguments) and reply.c (every fixture in a buffer of exactly its
/// length, every prefix, every bad argument).
#[test]
#[cfg_attr(not(target_arch = "x86_64"), ignore = "the sanitizer builds are the host's (clang)")]
fn api_and_replies_are_clean_under_asan_and_ubsan() {
    if !c::need("clang") {
        return;
    }
    let clang = Compiler { command: "clang", lang: c::Lang::C, std: "c11" };
    let flags = ["-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-fno-omit-frame-pointer", "-g", "-O1"];
    for (program, generate) in [("api", c::fixture_headers as fn(&Path)), ("reply", replies_header)] {
        let exe = build_program(&format!("c_{program}_asan"), program, generate, &clang, &flags);
        // The instrumentation is really there (as rustls-ffi's CI checks).
        let symbols = c::run(Command::new("nm").arg(&exe));
        for runtime in ["__asan_init", "__ubsan_handle_"] {
            assert!(symbols.contains(runtime), "{program}: no {runtime} in the sanitized build");
        }
        let out = Command::new(&exe)
            .env("ASAN_OPTIONS", "abort_on_error=0:halt_on_error=1:detect_stack_use_after_return=1")
            .env("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && !stderr.contains("Sanitizer"), "{program} under ASan and UBSan:\n{stderr}");
    }
}

#[test]
fn replies_from_c() {
    let exe = build_reply("c_reply");
    let out = c::this().command(&exe).output().unwrap();
    assert!(out.status.success(), "reply.c failed:\n{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
#[cfg_attr(not(target_arch = "x86_64"), ignore = "valgrind checks the host's programs only")]
fn replies_from_c_are_clean_under_valgrind() {
    if !c::need("valgrind") {
        return;
    }
    let exe = build_reply("c_reply_valgrind");
    c::valgrind_clean(&exe);
}
