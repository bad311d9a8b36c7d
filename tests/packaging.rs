//! herr as a C or C++ user installs it: the CMake build (configure, build, install into a
//! temporary prefix), then programs that use the install through `find_package` (static,
//! shared, `herr::herr` with and without `BUILD_SHARED_LIBS`), `add_subdirectory`,
//! `FetchContent` and pkg-config (shared, and fully static with `cc -static`); the layout,
//! SONAME and symlinks, the exported symbols; a clear CMake error for each bad
//! configuration; the firmware cross build; and herr beside another Rust library in one
//! program, in either link order.
//!
//! Needs cmake, pkg-config and readelf/nm (binutils); the cross build also needs
//! arm-none-eabi-gcc and the thumbv7em-none-eabihf Rust target. Without them the tests are
//! skipped with a note, except on CI, where they fail.
// Not under Miri, which cannot start processes: this test runs CMake and cargo.
#![cfg(not(miri))]

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::c::{self, need, run};

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// `libherr.so.0.MINOR` before 1.0, `libherr.so.MAJOR` after (the rule README states).
fn soname() -> String {
    let major: u32 = env!("CARGO_PKG_VERSION_MAJOR").parse().unwrap();
    let minor = env!("CARGO_PKG_VERSION_MINOR");
    if major == 0 { format!("libherr.so.0.{minor}") } else { format!("libherr.so.{major}") }
}

fn tools() -> bool {
    need("cmake") && need("pkg-config") && need("readelf") && need("nm")
}

/// `cmake -S source -B build <args>`: its output, and whether it succeeded.
fn configure(source: &Path, build: &Path, args: &[&str], env: &[(&str, &str)]) -> (bool, String) {
    let mut cmd = Command::new("cmake");
    cmd.arg("-S").arg(source).arg("-B").arg(build).args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

/// Configures, builds and (with a prefix) installs herr's CMake project; returns the build
/// output.
fn cmake_build(source: &Path, build: &Path, args: &[&str], prefix: Option<&Path>) -> String {
    let (ok, text) = configure(source, build, args, &[]);
    assert!(ok, "cmake configure failed:\n{text}");
    let out = run(Command::new("cmake").arg("--build").arg(build).args(["--parallel", "2"]));
    if let Some(prefix) = prefix {
        run(Command::new("cmake").arg("--install").arg(build).arg("--prefix").arg(prefix));
    }
    out
}

/// Configures, builds and installs herr's CMake project with `args` in a scratch directory
/// `name`; returns the prefix it installed into.
fn install(name: &str, args: &[&str]) -> PathBuf {
    let dir = c::scratch(name);
    let prefix = dir.join("prefix");
    cmake_build(&common::root(), &dir.join("build"), args, Some(&prefix));
    prefix
}

/// The default install (`cmake -S . -B build -DCMAKE_BUILD_TYPE=Release`), made once: once per
/// test process, and under cargo-nextest, which runs each test in a process of its own, once per
/// run (`NEXTEST_RUN_ID`): the first test process installs, under a lock, and the others use that
/// install instead of making it again under their feet.
fn installed() -> &'static Path {
    static PREFIX: OnceLock<PathBuf> = OnceLock::new();
    PREFIX.get_or_init(|| {
        let name = "cmake_default";
        let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
        let _one = common::process_lock(&tmp.join(format!("{name}.lock")));
        let stamp = tmp.join(format!("{name}.run"));
        let run = std::env::var("NEXTEST_RUN_ID").ok();
        let prefix = tmp.join(name).join("prefix");
        if run.is_some() && fs::read_to_string(&stamp).ok() == run && prefix.is_dir() {
            return prefix;
        }
        let _ = fs::remove_file(&stamp);
        let prefix = install(
            name,
            &["-DCMAKE_BUILD_TYPE=Release", &format!("-DHERR_CARGO_TARGET_DIR={}", shared_target().display())],
        );
        if let Some(run) = run {
            fs::write(&stamp, run).unwrap();
        }
        prefix
    })
}

/// One cargo target directory for the builds that have the default configuration, so that
/// only the first compiles herr.
fn shared_target() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("cmake_cargo_default")
}

/// The functions herr.h declares.
fn header_functions() -> BTreeSet<String> {
    let header = fs::read_to_string(c::include_dir().join("herr.h")).unwrap();
    header
        .lines()
        // A declaration starts at the line's start (its parameters may wrap onto more lines).
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()) && !l.starts_with("typedef") && l.contains('('))
        .filter_map(|l| l.split('(').next()?.rsplit([' ', '*']).next().map(str::to_string))
        .collect()
}

/// The symbols a library makes visible to a program: what a shared library exports
/// (`nm -D --defined-only`), or the global symbols an archive defines with default visibility
/// (weak hidden ones, such as a COMDAT `DW.ref.*`, clash with nothing and are not counted).
fn defined_globals(file: &Path, dynamic: bool) -> BTreeSet<String> {
    if dynamic {
        let out = run(Command::new("nm").args(["-D", "--defined-only"]).arg(file));
        // `A` entries are the version nodes (HERR_0.1), not symbols.
        return out
            .lines()
            .filter(|l| l.split_whitespace().nth(1) != Some("A"))
            .filter_map(|l| l.split_whitespace().nth(2))
            .map(|name| name.split_once('@').map_or(name, |(n, _)| n).to_string())
            .collect();
    }
    let out = run(Command::new("readelf").args(["-sW"]).arg(file));
    let mut names = BTreeSet::new();
    for line in out.lines() {
        // Num: Value Size Type Bind Vis Ndx Name
        let cells: Vec<&str> = line.split_whitespace().collect();
        if cells.len() < 8 || cells[6] == "UND" || !["GLOBAL", "WEAK"].contains(&cells[4]) {
            continue;
        }
        if cells[4] == "WEAK" && cells[5] == "HIDDEN" {
            continue;
        }
        names.insert(cells[7].to_string());
    }
    names
}

#[test]
fn cmake_install_has_the_promised_layout() {
    if !tools() {
        return;
    }
    let prefix = installed();
    let lib = prefix.join("lib");
    for (file, source) in [
        ("include/herr.h", "herr.h"),
        ("include/herr.hpp", "herr.hpp"),
        ("include/herr/herror.h", "herr/herror.h"),
        ("include/herr/inspireface-v2/herror.h", "herr/inspireface-v2/herror.h"),
    ] {
        let installed = fs::read_to_string(prefix.join(file)).unwrap();
        let source = fs::read_to_string(c::include_dir().join(source)).unwrap();
        assert_eq!(installed, source, "{file} is installed as it is in include/");
        assert!(installed.starts_with("/* SPDX-License-Identifier: MIT OR Apache-2.0 */\n"), "{file}: SPDX line");
    }
    assert!(!prefix.join("include/herror.h").exists(), "the drop-in herror.h must stay out of include/");
    // Each drop-in's folder alone on the include path is enough: it finds herr.h itself.
    let dir = c::scratch("dropin_installed");
    for (folder, tracker) in [("include/herr", 1283), ("include/herr/inspireface-v2", 102)] {
        let source = dir.join("app.c");
        fs::write(
            &source,
            format!(
                "#include \"herror.h\"\nint main(void) {{ return HERR_SESS_TRACKER_FAILURE == {tracker} && herr_kind(HERR_SESS_TRACKER_FAILURE) == HERR_KIND_NOT_READY ? 0 : 1; }}\n"
            ),
        )
        .unwrap();
        let exe = dir.join("app");
        run(Command::new("cc")
            .args(["-std=c11"])
            .args(c::STRICT)
            .arg("-I")
            .arg(prefix.join(folder))
            .arg(&source)
            .arg(prefix.join("lib/libherr.a"))
            .arg("-o")
            .arg(&exe));
        run(&mut Command::new(&exe));
    }
    for file in ["libherr.a", "pkgconfig/herr.pc", "cmake/herr/herrConfig.cmake", "cmake/herr/herrConfigVersion.cmake"]
    {
        assert!(lib.join(file).is_file(), "lib/{file} is missing");
    }
    // The shared library and its links: libherr.so -> SONAME -> libherr.so.MAJOR.MINOR.PATCH.
    let real = format!("libherr.so.{VERSION}");
    assert!(lib.join(&real).is_file() && !lib.join(&real).is_symlink());
    assert_eq!(fs::read_link(lib.join(soname())).unwrap(), Path::new(&real));
    assert_eq!(fs::read_link(lib.join("libherr.so")).unwrap(), Path::new(&soname()));
    let dynamic = run(Command::new("readelf").arg("-d").arg(lib.join(&real)));
    assert!(dynamic.contains(&format!("Library soname: [{}]", soname())), "{dynamic}");
    let needed: Vec<&str> = dynamic.lines().filter(|l| l.contains("(NEEDED)")).collect();
    assert!(needed.len() == 1 && needed[0].contains("[libc.so"), "the no-std library needs libc alone:\n{dynamic}");
    // Nothing left undefined but what libc defines (the linker's --no-undefined), and every
    // function in its version node (abi/herr.map).
    let symbols = run(Command::new("readelf").args(["--dyn-syms", "-W"]).arg(lib.join(&real)));
    for line in symbols.lines().filter(|l| l.contains(" UND ") && !l.contains("@GLIBC_")) {
        assert!(line.trim_end().ends_with("UND") || line.contains(" 0 NOTYPE"), "undefined beyond libc: {line}");
    }

    // Exports: exactly the functions of herr.h, in both libraries.
    let functions = header_functions();
    assert!(functions.len() >= 18, "{functions:?}");
    assert_eq!(defined_globals(&lib.join(&real), true), functions, "libherr.so exports herr.h's functions only");
    assert_eq!(defined_globals(&lib.join("libherr.a"), false), functions, "libherr.a's global symbols");
    assert_eq!(versioned(&lib.join(&real)), version_script(), "every function in its node of abi/herr.map");
}

/// The version node of each symbol a shared library exports: (symbol, node).
fn versioned(library: &Path) -> BTreeSet<(String, String)> {
    let out = run(Command::new("readelf").args(["--dyn-syms", "-W"]).arg(library));
    out.lines()
        .filter(|l| !l.contains(" UND "))
        .filter_map(|l| l.split_whitespace().nth(7)?.split_once("@@").map(|(s, v)| (s.to_string(), v.to_string())))
        .collect()
}

/// abi/herr.map's nodes and their symbols: (symbol, node).
fn version_script() -> BTreeSet<(String, String)> {
    let text = fs::read_to_string(common::root().join("abi/herr.map")).unwrap();
    let body = &text[text.find("*/").unwrap() + 2..];
    let mut out = BTreeSet::new();
    let mut node = String::new();
    let mut global = false;
    for token in body.split(|c: char| c.is_whitespace() || c == ';').filter(|t| !t.is_empty()) {
        match token {
            "{" => {}
            "global:" => global = true,
            "local:" => global = false,
            t if t.starts_with('}') => global = false,
            t if !global => node = t.to_string(),
            t => {
                out.insert((t.to_string(), node.clone()));
            }
        }
    }
    out
}

/// abi/herr.map versions exactly herr.h's functions, each once.
#[test]
fn the_version_script_holds_every_function_of_the_header() {
    let script = version_script();
    let names: Vec<&String> = script.iter().map(|(s, _)| s).collect();
    let unique: BTreeSet<String> = names.iter().map(|s| s.to_string()).collect();
    assert_eq!(unique.len(), names.len(), "a function in two nodes");
    assert_eq!(unique, header_functions(), "abi/herr.map and herr.h disagree");
}

#[test]
fn cmake_installs_the_herr_command_when_asked() {
    if !tools() {
        return;
    }
    let target = format!("-DHERR_CARGO_TARGET_DIR={}", shared_target().display());
    let prefix = install("cmake_command", &["-DCMAKE_BUILD_TYPE=Release", "-DHERR_COMMAND=ON", &target]);
    let herr = prefix.join("bin/herr");
    assert!(herr.is_file(), "bin/herr is missing");
    let out = run(Command::new(&herr).args(["--lang", "zh", "1304"]));
    assert!(out.starts_with("1304  HERR_SESS_REC_BLOCK_FULL\n") && out.contains("特征向量块已满"), "{out}");
    // Its man page and completions, where man, bash-completion, zsh and fish look.
    for (file, start) in [
        ("share/man/man1/herr.1", ".ie \\n(.g"),
        ("share/bash-completion/completions/herr", "_herr()"),
        ("share/zsh/site-functions/_herr", "#compdef herr"),
        ("share/fish/vendor_completions.d/herr.fish", "complete -c herr"),
    ] {
        let text = fs::read_to_string(prefix.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(text.starts_with(start) && text.contains("search"), "{file}:\n{text}");
    }
    let man = fs::read_to_string(prefix.join("share/man/man1/herr.1")).unwrap();
    assert!(man.contains(".TH herr 1") && man.contains("Examples:"), "{man}");
    // Off by default: the default install has no program.
    assert!(!installed().join("bin").exists(), "the default install holds bin/");
}

/// Builds tests/cmake/consumer with `args` and runs its two programs; returns the build dir.
fn consumer(name: &str, args: &[&str]) -> PathBuf {
    consumer_seeing(name, args, "InspireFace 1.2.2")
}

/// [`consumer`], whose C program must print the InspireFace numbering `numbering`.
fn consumer_seeing(name: &str, args: &[&str], numbering: &str) -> PathBuf {
    let build = c::scratch(name).join("build");
    let source = common::root().join("tests/cmake/consumer");
    let (ok, text) = configure(&source, &build, args, &[]);
    assert!(ok, "{name}: consumer configure failed:\n{text}");
    run(Command::new("cmake").arg("--build").arg(&build).args(["--parallel", "2"]));
    for app in ["app_c", "app_cpp"] {
        let out = run(&mut Command::new(build.join(app)));
        assert!(out.contains("ok"), "{name} {app}: {out}");
        if app == "app_c" {
            assert!(out.contains(numbering), "{name}: not {numbering}: {out}");
        }
    }
    build
}

/// Whether a program loads libherr.so (its dynamic section needs it).
fn needs_shared(program: &Path) -> bool {
    run(Command::new("readelf").arg("-d").arg(program)).contains(&format!("[{}]", soname()))
}

#[test]
fn find_package_gives_static_shared_and_default_targets() {
    if !tools() {
        return;
    }
    let prefix = format!("-DCMAKE_PREFIX_PATH={}", installed().display());
    let want = format!("-DHERR_WANT={}.{}", env!("CARGO_PKG_VERSION_MAJOR"), env!("CARGO_PKG_VERSION_MINOR"));
    for (name, target, shared_libs, shared) in [
        ("fp_static", "herr_static", "OFF", false),
        ("fp_shared", "herr_shared", "OFF", true),
        ("fp_default", "herr", "OFF", false),
        ("fp_default_shared", "herr", "ON", true),
    ] {
        let build = consumer(
            name,
            &[&prefix, &want, &format!("-DHERR_TARGET={target}"), &format!("-DBUILD_SHARED_LIBS={shared_libs}")],
        );
        for app in ["app_c", "app_cpp"] {
            assert_eq!(needs_shared(&build.join(app)), shared, "{name}: {app} links libherr.so: {shared}");
        }
    }
    // Compatibility: the same minor version before 1.0, the same major after. A newer
    // request fails, and so does an older minor one before 1.0.
    let source = common::root().join("tests/cmake/consumer");
    for want in ["0.999", "1.0", "999.0"] {
        let (ok, text) = configure(
            &source,
            &c::scratch("fp_too_new").join("build"),
            &[&prefix, &format!("-DHERR_WANT={want}")],
            &[],
        );
        assert!(!ok, "find_package(herr {want}) accepted version {VERSION}");
        assert!(text.contains(VERSION), "the error names the installed version:\n{text}");
    }
}

#[test]
fn add_subdirectory_and_fetchcontent_give_the_same_targets() {
    if !tools() {
        return;
    }
    // A copy of the source tree, so that editing a source below cannot disturb other tests.
    let source = c::scratch("subdir_source").join("herr");
    common::copy_crate(&source);
    let target = format!("-DHERR_CARGO_TARGET_DIR={}", shared_target().display());
    let herr = format!("-DHERR_SOURCE={}", source.display());
    let mut builds = Vec::new();
    for mode in ["add_subdirectory", "fetchcontent"] {
        let build = consumer(&format!("mode_{mode}"), &[&format!("-DHERR_MODE={mode}"), &herr, &target]);
        assert!(!needs_shared(&build.join("app_c")), "{mode}: herr::herr is static by default");
        builds.push(build);
        let build = consumer(
            &format!("mode_{mode}_shared"),
            &[&format!("-DHERR_MODE={mode}"), &herr, &target, "-DHERR_TARGET=herr_shared"],
        );
        assert!(needs_shared(&build.join("app_c")), "{mode}: herr::herr_shared");
    }
    // An edited source rebuilds the library (the custom command's DEPENDS).
    let build = &builds[0];
    let again = run(Command::new("cmake").arg("--build").arg(build));
    assert!(!again.contains("cargo: building herr"), "nothing changed, nothing to build:\n{again}");
    let ffi = source.join("src/ffi.rs");
    let text = fs::read_to_string(&ffi).unwrap();
    fs::write(&ffi, format!("{text}\n// edited\n")).unwrap();
    let again = run(Command::new("cmake").arg("--build").arg(build));
    assert!(again.contains("cargo: building herr"), "an edited source did not rebuild herr:\n{again}");
}

/// pkg-config with the install of `prefix`: `args` for pkg-config, the program linked with
/// `cc` and the flags it gives (plus `link`), run without LD_LIBRARY_PATH. A program that links
/// the shared library gets its run path as README says, `-Wl,-rpath,$(pkg-config
/// --variable=libdir herr)`.
fn pkg_config_program(prefix: &Path, name: &str, args: &[&str], link: &[&str]) -> PathBuf {
    pkg_config_program_seeing(prefix, name, args, link, "InspireFace 1.2.2")
}

/// [`pkg_config_program`], whose program must print the InspireFace numbering `numbering`.
fn pkg_config_program_seeing(prefix: &Path, name: &str, args: &[&str], link: &[&str], numbering: &str) -> PathBuf {
    let libdir = find_file(prefix, "herr.pc").parent().unwrap().to_path_buf();
    let pkg_config =
        |args: &[&str]| run(Command::new("pkg-config").env("PKG_CONFIG_PATH", &libdir).args(args).arg("herr"));
    let flags = pkg_config(args);
    let rpath = if link.contains(&"-static") {
        String::new()
    } else {
        format!("-Wl,-rpath,{}", pkg_config(&["--variable=libdir"]).trim())
    };
    let exe = c::scratch(name).join("app");
    run(Command::new("cc")
        .args(["-std=c11"])
        .args(c::STRICT)
        .arg(common::root().join("tests/cmake/consumer/app.c"))
        .args(flags.split_whitespace())
        .args(link)
        .args(rpath.split_whitespace())
        .arg("-o")
        .arg(&exe));
    let out = run(Command::new(&exe).env_remove("LD_LIBRARY_PATH"));
    assert!(out.contains("ok") && out.contains(numbering), "{name}: {out}");
    exe
}

/// `-DHERR_INSPIREFACE_V2=ON`: every way of using the install gets InspireFace 1.2.3+'s
/// macros (the targets' usage requirement, herr.pc's Cflags), and the library its table even
/// when the features leave it out.
#[test]
fn the_inspireface_v2_option_reaches_every_consumer() {
    if !tools() {
        return;
    }
    let prefix = install("cmake_v2", &["-DCMAKE_BUILD_TYPE=Release", "-DHERR_INSPIREFACE_V2=ON", "-DHERR_FEATURES="]);
    let lib = prefix.join("lib");
    let pc = fs::read_to_string(lib.join("pkgconfig/herr.pc")).unwrap();
    assert!(pc.contains("Cflags: -I${includedir} -DHERR_INSPIREFACE_V2=1"), "{pc}");
    let config = fs::read_to_string(lib.join("cmake/herr/herrConfig.cmake")).unwrap();
    assert!(config.contains("INTERFACE_COMPILE_DEFINITIONS \"HERR_INSPIREFACE_V2=1\""), "{config}");
    let cmake_prefix = format!("-DCMAKE_PREFIX_PATH={}", prefix.display());
    for target in ["herr_static", "herr_shared", "herr"] {
        consumer_seeing(
            &format!("fp_v2_{target}"),
            &[&cmake_prefix, &format!("-DHERR_TARGET={target}")],
            "InspireFace 1.2.3+",
        );
    }
    pkg_config_program_seeing(&prefix, "pc_v2", &["--cflags", "--libs"], &[], "InspireFace 1.2.3+");
    // The default install documents the macro in herr.pc, and does not define it.
    let pc = fs::read_to_string(find_file(installed(), "herr.pc")).unwrap();
    assert!(
        pc.contains("# 1.2.3+ program adds it to its own CFLAGS") && pc.contains("Cflags: -I${includedir}\n"),
        "{pc}"
    );
}

/// The file called `name` under `dir`.
fn find_file(dir: &Path, name: &str) -> PathBuf {
    let mut files = Vec::new();
    collect(dir, dir, &mut files);
    let found = files.iter().find(|f| Path::new(f).file_name().is_some_and(|n| n == name));
    dir.join(found.unwrap_or_else(|| panic!("{name} is not under {}", dir.display())))
}

#[test]
fn pkg_config_links_shared_and_fully_static() {
    if !tools() {
        return;
    }
    let prefix = installed();
    let shared = pkg_config_program(prefix, "pc_shared", &["--cflags", "--libs"], &[]);
    assert!(needs_shared(&shared), "pkg-config --libs herr links libherr.so");
    let fully_static = pkg_config_program(prefix, "pc_static", &["--static", "--cflags", "--libs"], &["-static"]);
    let dynamic = Command::new("readelf").arg("-d").arg(&fully_static).output().unwrap();
    assert!(
        String::from_utf8_lossy(&dynamic.stdout).contains("no dynamic section"),
        "cc -static gave a dynamic program"
    );
}

#[test]
fn std_build_installs_with_gnu_install_dirs_and_links_statically() {
    if !tools() {
        return;
    }
    // HERR_NO_STD=OFF: Rust's standard library inside; its system libraries come with the
    // package (Libs.private, INTERFACE_LINK_LIBRARIES). A Debian-style libdir checks that the
    // install honours GNUInstallDirs and that herr.pc finds its prefix from where it is.
    let prefix = install(
        "cmake_std",
        &["-DCMAKE_BUILD_TYPE=Release", "-DHERR_NO_STD=OFF", "-DCMAKE_INSTALL_LIBDIR=lib/x86_64-linux-gnu"],
    );
    let lib = prefix.join("lib/x86_64-linux-gnu");
    assert!(lib.join("libherr.a").is_file() && lib.join("cmake/herr/herrConfig.cmake").is_file());
    let pc = fs::read_to_string(lib.join("pkgconfig/herr.pc")).unwrap();
    assert!(pc.contains("-lpthread") && pc.contains("-lgcc_eh") && !pc.contains("-lgcc_s"), "{pc}");
    pkg_config_program(&prefix, "pc_std_static", &["--static", "--cflags", "--libs"], &["-static"]);
    let functions = header_functions();
    assert_eq!(defined_globals(&lib.join("libherr.a"), false), functions, "the std archive keeps only herr_* global");
    assert_eq!(defined_globals(&lib.join(format!("libherr.so.{VERSION}")), true), functions);
    let build =
        consumer("fp_std", &[&format!("-DCMAKE_PREFIX_PATH={}", prefix.display()), "-DHERR_TARGET=herr_static"]);
    assert!(!needs_shared(&build.join("app_c")));
}

#[test]
fn bad_configuration_is_a_clear_cmake_error() {
    if !tools() {
        return;
    }
    let root = common::root();
    let build = c::scratch("cmake_bad").join("build");
    for (args, expected) in [
        (&["-DHERR_FEATURES=vendors;bogus"][..], "'bogus', which is not a feature of herr"),
        (&["-DHERR_RUST_TARGET=mips64-openwrt-linux-musl"][..], "rustup target add mips64-openwrt-linux-musl"),
        (&["-DCMAKE_SYSTEM_NAME=Generic", "-DCMAKE_C_COMPILER=gcc"][..], "cannot tell which Rust target"),
        (&["-DCMAKE_SYSTEM_NAME=Generic", "-DCMAKE_C_COMPILER=gcc"][..], "Set -DHERR_RUST_TARGET"),
    ] {
        let _ = fs::remove_dir_all(&build);
        let (ok, text) = configure(&root, &build, args, &[]);
        assert!(!ok && text.contains(expected), "{args:?} should fail with {expected:?}:\n{text}");
    }
    // No cargo on PATH nor in ~/.cargo.
    let _ = fs::remove_dir_all(&build);
    let home = build.with_file_name("home");
    fs::create_dir_all(&home).unwrap();
    let mut cmd = Command::new("cmake");
    cmd.arg("-S").arg(&root).arg("-B").arg(&build).env_clear().env("PATH", "/usr/bin:/bin").env("HOME", &home);
    let out = cmd.output().unwrap();
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && text.contains("cargo not found"), "{text}");
}

/// The Rust target CMake reads from a toolchain (cmake/rust_target.cmake), case by case:
/// tests/cmake/rust_target.cmake, in CMake's script mode.
#[test]
fn cmake_picks_the_rust_target_from_the_toolchain() {
    if !tools() {
        return;
    }
    let script = common::root().join("tests/cmake/rust_target.cmake");
    let out = Command::new("cmake").arg("-P").arg(&script).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{text}");
    assert!(!text.contains("FAIL"), "{text}");
    let cases = fs::read_to_string(&script).unwrap().lines().filter(|l| l.starts_with("expect(")).count();
    assert_eq!(text.lines().filter(|l| l.starts_with("-- ok ")).count(), cases, "{text}");
    for (triple, words) in [
        ("aarch64-linux-android", "ANDROID_ABI=arm64-v8a"),
        ("aarch64-apple-ios-sim", "CMAKE_OSX_SYSROOT=iphonesimulator"),
        ("x86_64-pc-windows-msvc", "MSVC=1"),
        ("x86_64-pc-windows-gnu", "CMAKE_C_COMPILER_ID=GNU"),
        ("armv7-unknown-linux-gnueabihf", "CMAKE_SYSTEM_PROCESSOR=arm"),
    ] {
        assert!(text.lines().any(|l| l.contains(words) && l.ends_with(triple)), "{triple}: {text}");
    }
    // A case that is wrong is reported, and fails the script.
    let scratch = c::scratch("rust_target_wrong");
    let wrong = scratch.join("wrong.cmake");
    let body = fs::read_to_string(&script).unwrap().replace(
        "expect(i686-linux-android CMAKE_SYSTEM_NAME=Android ANDROID_ABI=x86)",
        "expect(x86_64-linux-android CMAKE_SYSTEM_NAME=Android ANDROID_ABI=x86)",
    );
    let body =
        body.replace("${CMAKE_CURRENT_LIST_DIR}/../../cmake", &common::root().join("cmake").display().to_string());
    fs::write(&wrong, body).unwrap();
    let out = Command::new("cmake").arg("-P").arg(&wrong).output().unwrap();
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && text.contains("FAIL") && text.contains("i686-linux-android"), "{text}");
}

#[test]
fn firmware_cross_build_installs_the_archive_and_headers_only() {
    if !tools() || !need("arm-none-eabi-gcc") || !common::rust_target("thumbv7em-none-eabihf") {
        return;
    }
    let toolchain =
        format!("-DCMAKE_TOOLCHAIN_FILE={}", common::root().join("cmake/toolchains/cortex-m4.cmake").display());
    let prefix =
        install("cmake_firmware", &[&toolchain, "-DHERR_RUST_TARGET=thumbv7em-none-eabihf", "-DHERR_FEATURES="]);
    let mut files: Vec<String> = Vec::new();
    collect(&prefix, &prefix, &mut files);
    files.sort();
    assert_eq!(
        files,
        [
            "include/herr.h",
            "include/herr.hpp",
            "include/herr/herror.h",
            "include/herr/inspireface-v2/herror.h",
            "lib/cmake/herr/herrConfig.cmake",
            "lib/cmake/herr/herrConfigVersion.cmake",
            "lib/libherr.a",
            "lib/pkgconfig/herr.pc"
        ]
    );
    // A Cortex-M4 image links against it with newlib's stubs.
    let elf = prefix.parent().unwrap().join("firmware.elf");
    run(Command::new("arm-none-eabi-gcc")
        .args(["-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16", "-Os", "-std=c99"])
        .args(c::STRICT)
        .args(["-ffunction-sections", "-fdata-sections", "-Wl,--gc-sections", "--specs=nosys.specs"])
        .arg("-I")
        .arg(prefix.join("include"))
        .arg(c::c_dir().join("cortex_m4.c"))
        .arg(prefix.join("lib/libherr.a"))
        .arg("-o")
        .arg(&elf));
    assert!(elf.is_file());
}

/// Every file under `dir`, as paths relative to `base`.
fn collect(base: &Path, dir: &Path, out: &mut Vec<String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(base, &path, out);
        } else {
            out.push(path.strip_prefix(base).unwrap().display().to_string());
        }
    }
}

/// Builds tests/fixtures/other-rust (std or not) and returns its archive.
fn other_rust(std: bool) -> PathBuf {
    let name = if std { "std" } else { "nostd" };
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("other_rust_{name}"));
    let fixture = common::root().join("tests/fixtures/other-rust");
    let mut cmd = Command::new(env!("CARGO"));
    cmd.args(["build", "--release", "--quiet", "--manifest-path"])
        .arg(fixture.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(&target)
        .env("CARGO_TARGET_DIR", &target);
    if std {
        cmd.args(["--features", "std"]);
    }
    run(&mut cmd);
    target.join("release/libother_rust.a")
}

#[test]
fn links_beside_another_rust_library_in_either_order() {
    if !tools() {
        return;
    }
    // herr's archives: the CMake install (no std), the CMake std build, and `cargo c-lib`'s.
    let cmake_std = c::scratch("other_rust_cmake_std");
    cmake_build(&common::root(), &cmake_std.join("build"), &["-DHERR_NO_STD=OFF"], None);
    let c_lib_target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("other_rust_c_lib");
    run(Command::new(env!("CARGO"))
        .current_dir(common::root())
        .args(["c-lib", "--quiet", "--target-dir"])
        .arg(&c_lib_target));
    let archives = [
        ("cmake", installed().join("lib/libherr.a")),
        ("cmake std", cmake_std.join("build/libherr.a")),
        ("cargo c-lib", c_lib_target.join("release/libherr.a")),
    ];
    let dir = c::scratch("other_rust_links");
    for std in [false, true] {
        let other = other_rust(std);
        for (name, herr) in &archives {
            for herr_first in [true, false] {
                let (first, second) = if herr_first { (herr, &other) } else { (&other, herr) };
                let exe = dir.join("app");
                run(Command::new("cc")
                    .args(["-std=c11"])
                    .args(c::STRICT)
                    .arg("-I")
                    .arg(c::include_dir())
                    .arg(common::root().join("tests/fixtures/other-rust/main.c"))
                    .arg(first)
                    .arg(second)
                    .args(c::SYSTEM_LIBS)
                    .arg("-o")
                    .arg(&exe));
                let out = run(&mut Command::new(&exe));
                assert_eq!(out.trim(), "ok", "{name} with the other library (std: {std}, herr first: {herr_first})");
            }
        }
    }
}

/// The shared library `cargo c-lib` writes, `target/release/libherr.so`, linked as README's "Use
/// from C" says (with its directory as the run path), starts without LD_LIBRARY_PATH; it needs
/// libc, and its SONAME is its file's name.
#[test]
fn the_cargo_built_shared_library_starts() {
    if !tools() {
        return;
    }
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("c_lib_shared_target");
    run(Command::new(env!("CARGO"))
        .current_dir(common::root())
        .args(["c-lib", "--quiet", "--target-dir"])
        .arg(&target));
    let lib = target.join("release");
    let dynamic = run(Command::new("readelf").arg("-d").arg(lib.join("libherr.so")));
    assert!(dynamic.contains("Library soname: [libherr.so]") && dynamic.contains("[libc.so"), "{dynamic}");
    let exe = c::scratch("c_lib_shared").join("app");
    run(Command::new("cc")
        .args(["-std=c11"])
        .args(c::STRICT)
        .arg("-I")
        .arg(c::include_dir())
        .arg(common::root().join("tests/cmake/consumer/app.c"))
        .arg(lib.join("libherr.so"))
        .arg(format!("-Wl,-rpath,{}", lib.display()))
        .arg("-o")
        .arg(&exe));
    assert!(needs_shared_named(&exe, "libherr.so"));
    let out = run(Command::new(&exe).env_remove("LD_LIBRARY_PATH"));
    assert!(out.contains("ok"), "{out}");
}

/// Whether a program's dynamic section needs the library `name`.
fn needs_shared_named(program: &Path, name: &str) -> bool {
    run(Command::new("readelf").arg("-d").arg(program)).contains(&format!("[{name}]"))
}

/// The archive README tells C users to link, `cargo c-lib`'s `target/release/libherr.a`, stays
/// that archive when the `herr` command or the whole workspace is built into the same target
/// directory afterwards (a plain build makes no static archive).
#[test]
fn building_the_command_leaves_the_c_archive_alone() {
    if !tools() {
        return;
    }
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("c_lib_then_command");
    let cargo = |args: &[&str]| {
        run(Command::new(env!("CARGO")).current_dir(common::root()).args(args).arg("--target-dir").arg(&target))
    };
    cargo(&["c-lib", "--quiet"]);
    let archive = target.join("release/libherr.a");
    let before = fs::read(&archive).unwrap();
    cargo(&["build", "--quiet", "--release", "--workspace"]);
    assert!(target.join("release/herr").is_file(), "the command was built");
    assert!(fs::read(&archive).unwrap() == before, "building the command changed target/release/libherr.a");
}

/// README's FetchContent snippet, as it is, in a project of its own: herr fetched from this
/// repository at its current commit (the placeholders filled in), built, linked, run.
#[test]
fn the_readme_fetchcontent_snippet_builds() {
    if !tools() || !need("git") {
        return;
    }
    let readme = fs::read_to_string(common::root().join("README.md")).unwrap();
    let snippet = readme
        .split("```cmake\n")
        .skip(1)
        .filter_map(|s| s.split_once("```").map(|(block, _)| block))
        .find(|block| block.contains("FetchContent_Declare(herr"))
        .expect("README has a FetchContent snippet");
    assert!(snippet.contains("<herr's git URL>") && snippet.contains("<a commit hash>"), "{snippet}");
    let out = Command::new("git").current_dir(common::root()).args(["rev-parse", "HEAD"]).output().unwrap();
    if !out.status.success() {
        common::skip("the source tree is not a git checkout");
        return;
    }
    let commit = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let dir = c::scratch("fetchcontent_readme");
    let project = dir.join("project");
    fs::create_dir_all(&project).unwrap();
    fs::copy(common::root().join("tests/cmake/consumer/app.c"), project.join("app.c")).unwrap();
    let filled =
        snippet.replace("<herr's git URL>", &common::root().display().to_string()).replace("<a commit hash>", &commit);
    fs::write(
        project.join("CMakeLists.txt"),
        format!("cmake_minimum_required(VERSION 3.16)\nproject(fetch_consumer C)\nadd_executable(app app.c)\n{filled}"),
    )
    .unwrap();
    let target = format!("-DHERR_CARGO_TARGET_DIR={}", shared_target().display());
    let (ok, text) = configure(&project, &dir.join("build"), &[&target], &[]);
    assert!(ok, "the README's FetchContent snippet does not configure:\n{text}");
    run(Command::new("cmake").arg("--build").arg(dir.join("build")).args(["--parallel", "2"]));
    let out = run(&mut Command::new(dir.join("build/app")));
    assert!(out.contains("ok"), "{out}");
}
