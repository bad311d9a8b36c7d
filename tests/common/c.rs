//! Compiling and running C from the tests.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use super::{fixture, root};

/// Every C file is held to this.
pub const STRICT: [&str; 4] = ["-Wall", "-Wextra", "-Wpedantic", "-Werror"];

/// What a C program linked with the `std` build of libherr.a needs from the system.
pub const SYSTEM_LIBS: [&str; 3] = ["-lpthread", "-ldl", "-lm"];

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Lang {
    C,
    Cxx,
}

/// A compiler and a language standard of the compile matrix.
#[derive(Clone, Debug)]
pub struct Compiler {
    pub command: &'static str,
    pub lang: Lang,
    pub std: &'static str,
}

/// A machine C programs are built for: its Rust target, its C and C++ compilers, the flags that
/// choose it, and how a program runs there (natively, or under qemu's user-mode emulator).
#[derive(Debug)]
pub struct Target {
    pub triple: &'static str,
    pub cc: &'static str,
    pub cxx: &'static str,
    pub flags: &'static [&'static str],
    pub runner: &'static [&'static str],
}

/// The Linux targets herr's users ship on (InspireFace's boards are ARMv7 and AArch64), and
/// 32-bit x86 for a 32-bit `long` on the host's CPU. The cross compilers come from Debian's
/// gcc-aarch64-linux-gnu and gcc-arm-linux-gnueabihf, qemu from qemu-user, `-m32` from
/// gcc-12-multilib.
pub const TARGETS: [Target; 4] = [
    Target { triple: "x86_64-unknown-linux-gnu", cc: "gcc", cxx: "g++", flags: &[], runner: &[] },
    // gcc-12-multilib lacks the kernel's asm/ headers (gcc-multilib links them, but conflicts
    // with the cross compilers); x86's serve 32 and 64 bits alike.
    Target {
        triple: "i686-unknown-linux-gnu",
        cc: "gcc",
        cxx: "g++",
        flags: &["-m32", "-idirafter", "/usr/include/x86_64-linux-gnu"],
        runner: &[],
    },
    Target {
        triple: "aarch64-unknown-linux-gnu",
        cc: "aarch64-linux-gnu-gcc",
        cxx: "aarch64-linux-gnu-g++",
        flags: &[],
        runner: &["qemu-aarch64", "-L", "/usr/aarch64-linux-gnu"],
    },
    Target {
        triple: "armv7-unknown-linux-gnueabihf",
        cc: "arm-linux-gnueabihf-gcc",
        cxx: "arm-linux-gnueabihf-g++",
        flags: &[],
        runner: &["qemu-arm", "-L", "/usr/arm-linux-gnueabihf"],
    },
];

/// The target these tests were built for (`cargo test --target ...`): C programs that link the
/// library the tests built must be built for it too.
pub fn this() -> &'static Target {
    let arch = std::env::consts::ARCH;
    let at = |triple: &str| TARGETS.iter().find(|t| t.triple.starts_with(triple));
    let target = match arch {
        "x86" => at("i686"),
        "arm" => at("armv7"),
        other => at(other),
    };
    target.unwrap_or_else(|| panic!("no C toolchain known for {arch}: add it to TARGETS"))
}

impl Target {
    /// A command that runs `program`, built for this target.
    pub fn command(&self, program: &Path) -> Command {
        match self.runner.split_first() {
            Some((runner, args)) => {
                let mut cmd = Command::new(runner);
                cmd.args(args).arg(program);
                cmd
            }
            None => Command::new(program),
        }
    }

    /// Whether this is the machine the tests run on, natively (tools such as valgrind and
    /// clang are checked there).
    pub fn is_host(&self) -> bool {
        self.triple == TARGETS[0].triple
    }
}

fn available(command: &str) -> bool {
    Command::new(command).arg("--version").output().is_ok_and(|o| o.status.success())
}

/// Whether `tool` runs here. Without it a test that needs it is skipped ([`super::skip`]: a
/// visible line, and a failure on CI, where `.ci/run` installs every tool).
pub fn need(tool: &str) -> bool {
    if available(tool) {
        return true;
    }
    super::skip(&format!("{tool} is not installed"));
    false
}

/// Runs `cmd` and returns its stdout; fails the test, with the command's output, unless it
/// succeeds.
pub fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}):\n{}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The compile matrix: the target's gcc and g++ (required), and on the host clang and clang++
/// (when installed; required on CI).
pub fn matrix() -> Vec<Compiler> {
    let target = this();
    let mut out = Vec::new();
    let mut compilers =
        vec![(target.cc, Lang::C, &["c99", "c11"][..]), (target.cxx, Lang::Cxx, &["c++11", "c++17"][..])];
    if target.is_host() {
        compilers.extend([("clang", Lang::C, &["c99", "c11"][..]), ("clang++", Lang::Cxx, &["c++11", "c++17"][..])]);
    }
    for (command, lang, stds) in compilers {
        let required = command == target.cc || command == target.cxx;
        if required || need(command) {
            out.extend(stds.iter().map(|std| Compiler { command, lang, std }));
        }
    }
    out
}

/// The target's C compiler, strict C11.
pub fn c11() -> Compiler {
    Compiler { command: this().cc, lang: Lang::C, std: "c11" }
}

/// The target's C++ compiler, in standard `std`.
pub fn cxx(std: &'static str) -> Compiler {
    Compiler { command: this().cxx, lang: Lang::Cxx, std }
}

/// The libherr.a the C programs of these tests link: the archive as C users get it (`cargo
/// c-lib`: the release profile, without Rust's standard library), with the vendor tables and
/// languages of this test build, for the target the tests were built for. Built by a nested
/// `cargo rustc` once per test program (cargo keeps it up to date in `target/nested`).
pub fn archive() -> PathBuf {
    static ARCHIVE: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    ARCHIVE
        .get_or_init(|| {
            let mut features: Vec<&str> = herr::Vendor::ALL
                .iter()
                .filter(|v| **v != herr::Vendor::Inspireface && herr::ffi::herr_vendor_enabled(v.value()))
                .map(|v| v.name())
                .collect();
            if cfg!(feature = "zh") {
                features.push("zh");
            }
            let target = (!this().is_host()).then_some(this().triple);
            let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("c-archive");
            fs::create_dir_all(&dir).unwrap();
            super::archive("release", target, &features, &dir)
        })
        .clone()
}

/// Runs `exe` under valgrind's memcheck; fails the test on any error or definite leak.
pub fn valgrind_clean(exe: &Path) {
    let out = Command::new("valgrind")
        .args(["--quiet", "--error-exitcode=99", "--leak-check=full", "--errors-for-leak-kinds=definite"])
        .arg(exe)
        .output()
        .unwrap();
    assert!(out.status.success(), "valgrind found errors:\n{}", String::from_utf8_lossy(&out.stderr));
}

/// A fresh scratch directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// One compiler run.
pub struct Build<'a> {
    pub compiler: &'a Compiler,
    pub sources: Vec<PathBuf>,
    pub includes: Vec<PathBuf>,
    pub defines: Vec<&'a str>,
    /// Further compiler flags (`-fno-exceptions`, ...).
    pub flags: Vec<&'a str>,
    /// The archive to link, or `None` to compile only.
    pub archive: Option<PathBuf>,
    pub output: PathBuf,
}

impl<'a> Build<'a> {
    /// A program of one source, linked with the archive `cargo test` built ([`archive`]), with
    /// no defines or flags of its own.
    pub fn program(compiler: &'a Compiler, source: PathBuf, includes: Vec<PathBuf>, output: PathBuf) -> Build<'a> {
        Build {
            compiler,
            sources: vec![source],
            includes,
            defines: vec![],
            flags: vec![],
            archive: Some(archive()),
            output,
        }
    }

    pub fn run(&self) -> Output {
        self.command(true).output().unwrap()
    }

    /// [`Build::run`] with the compiler's default warnings: no [`STRICT`] flags.
    pub fn run_lenient(&self) -> Output {
        self.command(false).output().unwrap()
    }

    fn command(&self, strict: bool) -> Command {
        let mut cmd = Command::new(self.compiler.command);
        cmd.arg(format!("-std={}", self.compiler.std));
        if strict {
            cmd.args(STRICT);
        }
        cmd.args(this().flags);
        for inc in &self.includes {
            cmd.arg("-I").arg(inc);
        }
        for def in &self.defines {
            cmd.arg(format!("-D{def}"));
        }
        cmd.args(&self.flags);
        if self.compiler.lang == Lang::Cxx {
            cmd.args(["-x", "c++"]);
        }
        cmd.args(&self.sources);
        match &self.archive {
            Some(archive) => {
                if self.compiler.lang == Lang::Cxx {
                    cmd.args(["-x", "none"]);
                }
                cmd.arg(archive).args(SYSTEM_LIBS);
            }
            None => {
                cmd.arg("-c");
            }
        }
        cmd.arg("-o").arg(&self.output);
        cmd
    }

    /// Runs the compiler and fails the test, with its messages, unless it succeeds silently.
    pub fn ok(&self) {
        let out = self.run();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && stderr.trim().is_empty(),
            "{} -std={} {:?} failed or warned:\n{stderr}",
            self.compiler.command,
            self.compiler.std,
            self.sources
        );
    }
}

/// C string literal for `s` (ASCII).
pub fn c_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Writes the headers generated from the fixtures into `dir`:
/// - `inspireface_checks.h`: `#if` checks of every macro's value;
/// - `inspireface_cases.h`: a `case NAME: return NAME;` per value (first name of each value);
/// - `cases.h`: InspireFace's documented rows and the vendor spellings for `api.c`.
pub fn fixture_headers(dir: &Path) {
    let documented = fixture("documented_inspireface.tsv");
    let mut checks = String::from("/* Generated from tests/fixtures/documented_inspireface.tsv. */\n");
    let mut cases = checks.clone();
    let mut rows = String::from(
        "/* Generated from tests/fixtures. */\nstatic const struct { const char *name; long value; } DOCUMENTED[] = {\n",
    );
    let mut seen = Vec::new();
    for r in &documented {
        let (name, value) = (&r[0], &r[1]);
        checks.push_str(&format!(
            "#if !defined({name}) || ({name}) != {value}\n#error \"{name} is not {value}\"\n#endif\n"
        ));
        if !seen.contains(value) {
            seen.push(value.clone());
            cases.push_str(&format!("    case {name}:\n        return {name};\n"));
        }
        rows.push_str(&format!("    {{{}, {value}L}},\n", c_string(name)));
    }
    rows.push_str(
        "};\n\nstatic const struct { int vendor; const char *spelling; long expected; } VENDOR_CASES[] = {\n",
    );
    for (vendor, spelling, expected) in vendor_cases() {
        rows.push_str(&format!("    {{{vendor}, {}, {expected}L}},\n", c_string(&spelling)));
    }
    rows.push_str("};\n\nstatic const struct { const char *name; long number; } V2_NUMBERS[] = {\n");
    for (name, number) in inspireface_v2_numbers() {
        rows.push_str(&format!("    {{{}, {number}L}},\n", c_string(&name)));
    }
    rows.push_str("};\n\n");
    rows.push_str(&format!(
        "/* The newest InspireFace release the fixtures hold: herr's tables must match it. */\n#define EXPECTED_INSPIREFACE_RELEASE {}\n",
        c_string(&super::newest_inspireface_release())
    ));
    fs::write(dir.join("inspireface_checks.h"), checks).unwrap();
    fs::write(dir.join("inspireface_cases.h"), cases).unwrap();
    fs::write(dir.join("cases.h"), rows).unwrap();
}

/// Every macro of InspireFace 1.2.3 and later, with its number: the header of the newest release
/// the fixtures hold (`tests/fixtures/inspireface_headers.tsv`), range bases included.
pub fn inspireface_v2_numbers() -> Vec<(String, i64)> {
    super::inspireface_header(&super::newest_inspireface_release())
}

/// Every vendor spelling of the documented lists and the official lists: (vendor value, spelling,
/// expected code or -1 when the number is an ordinal the fixture does not fix).
pub fn vendor_cases() -> Vec<(i32, String, i64)> {
    let mut out = Vec::new();
    for r in fixture("documented_sophon.tsv") {
        out.push((1, r[1].clone(), 1_000_000 + r[0].parse::<i64>().unwrap()));
    }
    for r in fixture("documented_tencent_faceid.tsv") {
        if r[0] == "saas" {
            let n: i64 = r[1].parse().unwrap();
            out.push((4, r[1].clone(), if n == 0 { 0 } else { 4_000_000 + n }));
        } else if r[1] == "Success" {
            out.push((3, r[1].clone(), 0));
        }
    }
    for r in fixture("documented_huawei_frs.tsv") {
        let (prefix, digits) = r[0].split_once('.').unwrap();
        let n: i64 = digits.parse().unwrap();
        let base = if prefix == "FRS" { 5_000_000 } else { 5_100_000 };
        out.push((5, r[0].clone(), base + n));
        if prefix == "APIG" {
            out.push((5, format!("APIGW.{digits}"), base + n));
        }
    }
    for r in fixture("official_codes.tsv") {
        let vendor = herr::Vendor::from_name(&r[0]).unwrap_or_else(|| panic!("vendor {}", r[0])).value();
        if !out.iter().any(|(v, s, _)| *v == vendor && *s == r[1]) {
            out.push((vendor, r[1].clone(), -1));
        }
    }
    out
}

/// The repository's `include/`.
pub fn include_dir() -> PathBuf {
    root().join("include")
}

/// The directory of C test sources.
pub fn c_dir() -> PathBuf {
    root().join("tests/c")
}
