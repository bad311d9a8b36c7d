//! One bundle: build the library for a target, lay out the tree a C/C++ user unpacks, pack it.
//!
//! The tree, relocatable (every path is found from the file that names it):
//!
//! ```text
//! herr-VERSION-TARGET/
//!   include/herr.h, herr.hpp, herr/herror.h, herr/inspireface-v2/herror.h
//!   lib/libherr.a                      (herr.lib for MSVC)
//!   lib/libherr.so.VERSION + links     (Linux: SONAME libherr.so.SOVERSION)
//!   bin/herr.dll, lib/libherr.dll.a    (Windows with MinGW)
//!   lib/pkgconfig/herr.pc              (prefix=${pcfiledir}/../..)
//!   lib/cmake/herr/herrConfig.cmake, herrConfigVersion.cmake
//!   BUILD.txt, README.md, CHANGELOG.md, LICENSE-MIT, LICENSE-APACHE
//! ```
//!
//! The library files are made as CMakeLists.txt makes them (the same link lines for the
//! shared libraries, the same templates for herr.pc and the CMake package), from the archive
//! cargo builds without std: that archive's herr object is one LTO unit whose only global
//! symbols are herr.h's functions (checked here); Rust's compiler-builtins members, which the
//! C toolchain's runtime library replaces, are left out, as CMake's localize.cmake does.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::platform::{self, Platform};
use crate::sha256;
use crate::tools::{self, run};

/// What every bundle shares: the sources, the version, the tools.
pub struct Dist {
    root: PathBuf,
    out: PathBuf,
    version: String,
    /// The version's first two numbers, for the CMake package's version check.
    major: String,
    minor: String,
    soversion: String,
    host_sysroot: PathBuf,
    llvm_ar: PathBuf,
    llvm_nm: PathBuf,
    functions: BTreeSet<String>,
}

impl Dist {
    pub fn new(root: &Path, out: &Path) -> Result<Dist, String> {
        let manifest = read(&root.join("Cargo.toml"))?;
        let version = manifest
            .lines()
            .find_map(|l| l.strip_prefix("version = \"")?.strip_suffix('"').map(String::from))
            .ok_or("Cargo.toml: no version")?;
        let mut parts = version.split('.');
        let (major, minor) = (parts.next().unwrap_or("0").to_string(), parts.next().unwrap_or("0").to_string());
        let soversion = if major == "0" { format!("0.{minor}") } else { major.clone() };
        let info = run(Command::new("rustc").arg("-vV"))?;
        let host = tools::rustc_field(&info, "host").ok_or("rustc -vV: no host")?;
        let host_sysroot = PathBuf::from(run(Command::new("rustc").args(["--print", "sysroot"]))?.trim());
        let llvm_ar = tools::llvm("llvm-ar", &host_sysroot, &host)?;
        let llvm_nm = tools::llvm("llvm-nm", &host_sysroot, &host)?;
        // herr.h's functions: what every archive must define, and all it may export.
        let header = read(&root.join("include/herr.h"))?;
        let functions: BTreeSet<String> = header
            .split("\nHERR_API")
            .skip(1)
            .filter_map(|d| d.split('(').next()?.rsplit([' ', '*', '\n']).next().map(String::from))
            .collect();
        if functions.is_empty() {
            return Err("include/herr.h declares no HERR_API function".into());
        }
        fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
        Ok(Dist {
            root: root.to_path_buf(),
            out: out.to_path_buf(),
            version,
            major,
            minor,
            soversion,
            host_sysroot,
            llvm_ar,
            llvm_nm,
            functions,
        })
    }

    /// Builds the bundle of one target; its path.
    pub fn bundle(&self, target: &str) -> Result<PathBuf, String> {
        let platform = Platform::of(target).ok_or_else(|| format!("no bundle for {target}"))?;
        eprintln!("== {target}: cargo, profile {}, features {}", platform.profile(), platform.features());
        let (archive, toolchain) = self.cargo(target, platform)?;
        let name = format!("herr-{}-{target}", self.version);
        let tree = self.out.join("tree").join(&name);
        remove(&tree)?;
        let lib = tree.join("lib");
        mkdir(&lib)?;
        self.archive(&archive, platform, &lib.join(platform.archive()))?;
        let shared = self.shared(target, platform, &tree)?;
        self.headers_and_docs(&tree)?;
        self.package_files(&tree, target, Some(platform), platform.archive())?;
        write(
            &tree.join("BUILD.txt"),
            &format!(
                "herr {version} for {target}\n\
                 built by `cargo xtask dist` with {toolchain}\n\
                 cargo profile: {profile}; features: {features}; without Rust's standard library\n\
                 static library: lib/{archive} ({size} bytes){shared}\n\
                 Use: README.md, \"Platforms\".\n",
                version = self.version,
                profile = platform.profile(),
                features = platform.features(),
                archive = platform.archive(),
                size = fs::metadata(lib.join(platform.archive())).map(|m| m.len()).unwrap_or(0),
                shared = shared.as_ref().map(|s| format!("\nshared library: {s}")).unwrap_or_default(),
            ),
        )?;
        self.pack(&name)
    }

    /// One bundle for every Android ABI: lib/<ABI>/libherr.a, picked by CMake's
    /// CMAKE_ANDROID_ARCH_ABI (or a Makefile's $(APP_ABI)).
    pub fn android(&self, targets: &[&String]) -> Result<PathBuf, String> {
        let name = format!("herr-{}-android", self.version);
        let tree = self.out.join("tree").join(&name);
        remove(&tree)?;
        for target in targets {
            let abi = platform::android_abi(target).ok_or_else(|| format!("{target} is not Android"))?;
            let from = self.out.join("tree").join(format!("herr-{}-{target}/lib/libherr.a", self.version));
            mkdir(&tree.join("lib").join(abi))?;
            copy(&from, &tree.join("lib").join(abi).join("libherr.a"))?;
        }
        self.headers_and_docs(&tree)?;
        self.package_files(&tree, "android", None, "${CMAKE_ANDROID_ARCH_ABI}/libherr.a")?;
        // pkg-config cannot pick an ABI: one module per ABI directory.
        fs::remove_dir_all(tree.join("lib/pkgconfig")).map_err(|e| e.to_string())?;
        write(
            &tree.join("BUILD.txt"),
            &format!(
                "herr {} for Android: lib/<ABI>/libherr.a for arm64-v8a, armeabi-v7a, x86_64 and x86\n\
                 CMake: find_package(herr) links lib/${{CMAKE_ANDROID_ARCH_ABI}}/libherr.a.\n\
                 ndk-build: LOCAL_SRC_FILES := <bundle>/lib/$(TARGET_ARCH_ABI)/libherr.a (PREBUILT_STATIC_LIBRARY).\n",
                self.version
            ),
        )?;
        self.pack(&name)
    }

    /// SHA256SUMS beside the bundles, in `sha256sum -c`'s format.
    pub fn checksums(&self, files: &[PathBuf]) -> Result<(), String> {
        let mut sums = String::new();
        for file in files {
            let data = fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
            let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            sums.push_str(&format!("{}  {name}\n", sha256::hex(&data)));
        }
        write(&self.out.join("SHA256SUMS"), &sums)
    }

    /// cargo builds the archive; its path, and the toolchain that built it. A target whose
    /// standard library rustup cannot install for the stable toolchain (HarmonyOS here, or a
    /// mirror without it) is built by the nightly toolchain with `-Zbuild-std=core`: herr
    /// without std needs only `core`.
    fn cargo(&self, target: &str, platform: Platform) -> Result<(PathBuf, String), String> {
        let installed = |sysroot: &Path| sysroot.join("lib/rustlib").join(target).join("lib").is_dir();
        if !installed(&self.host_sysroot) && tools::exists("rustup") {
            let _ = Command::new("rustup").args(["target", "add", target]).output();
        }
        let mut cargo = Command::new("cargo");
        let toolchain = if installed(&self.host_sysroot) {
            run(Command::new("rustc").arg("--version"))?.trim().to_string()
        } else {
            let sysroot = run(Command::new("rustup").args(["run", "nightly", "rustc", "--print", "sysroot"]))
                .map_err(|_| format!("the Rust standard library for {target} is not installed (rustup target add {target}), and there is no nightly toolchain to build core with"))?;
            if !Path::new(sysroot.trim()).join("lib/rustlib/src/rust/library").is_dir() {
                return Err(format!(
                    "{target}: not installable for this toolchain; building core needs the nightly's sources: rustup component add rust-src --toolchain nightly"
                ));
            }
            cargo = Command::new("rustup");
            cargo.args(["run", "nightly", "cargo"]);
            let version = run(Command::new("rustup").args(["run", "nightly", "rustc", "--version"]))?;
            format!("{} and -Zbuild-std=core", version.trim())
        };
        let target_dir = self.out.join("cargo");
        cargo
            .current_dir(&self.root)
            .args(["rustc", "--quiet", "--lib", "--crate-type", "staticlib", "--no-default-features"])
            .args(["--profile", platform.profile(), "--features", platform.features(), "--target", target])
            .arg("--target-dir")
            .arg(&target_dir);
        if toolchain.contains("build-std") {
            cargo.arg("-Zbuild-std=core");
        }
        run(&mut cargo)?;
        Ok((target_dir.join(target).join(platform.profile()).join(platform.archive()), toolchain))
    }

    /// The bundle's archive: cargo's herr object alone, checked to define herr.h's functions
    /// and no other global symbol. (MSVC's herr.lib is cargo's, checked the same way: LLVM 14's
    /// llvm-ar does not write COFF archives.)
    fn archive(&self, cargo_archive: &Path, platform: Platform, dest: &Path) -> Result<(), String> {
        let work = dest.with_extension("objects");
        remove(&work)?;
        mkdir(&work)?;
        let members = run(Command::new(&self.llvm_ar).arg("t").arg(cargo_archive))?;
        let herr: Vec<&str> = members.lines().filter(|m| m.starts_with("herr-") && m.ends_with(".o")).collect();
        let [object] = herr[..] else {
            return Err(format!(
                "{}: expected one herr object (one LTO unit), found {herr:?}",
                cargo_archive.display()
            ));
        };
        run(Command::new(&self.llvm_ar).current_dir(&work).arg("x").arg(cargo_archive).arg(object))?;
        let symbols = run(Command::new(&self.llvm_nm).args(["-g", "--defined-only", "-j"]).arg(work.join(object)))?;
        let prefix = if platform == Platform::Apple { "_" } else { "" };
        let defined: BTreeSet<String> =
            symbols.lines().map(|s| s.strip_prefix(prefix).unwrap_or(s).to_string()).collect();
        // ELF builds also carry the weak, hidden rust_eh_personality (src/lib.rs); MSVC's
        // objects name their shared vector and float constants (__xmm@..., __real@...), which
        // its linker merges.
        let allowed = |s: &str| {
            self.functions.contains(s)
                || s == "rust_eh_personality"
                || (platform == Platform::WindowsMsvc
                    && ["__xmm@", "__ymm@", "__real@"].iter().any(|p| s.starts_with(p)))
        };
        let extra: Vec<&String> = defined.iter().filter(|s| !allowed(s)).collect();
        let missing: Vec<&String> = self.functions.iter().filter(|f| !defined.contains(*f)).collect();
        if !extra.is_empty() || !missing.is_empty() {
            return Err(format!(
                "{}: global symbols differ from herr.h's functions: extra {extra:?}, missing {missing:?}",
                cargo_archive.display()
            ));
        }
        if platform == Platform::WindowsMsvc {
            copy(cargo_archive, dest)?;
        } else {
            let format = if platform == Platform::Apple { "--format=darwin" } else { "--format=gnu" };
            run(Command::new(&self.llvm_ar).arg(format).arg("rcs").arg(dest).arg(work.join(object)))?;
        }
        remove(&work)
    }

    /// The shared library, where the platform has one that can be linked here: Linux's
    /// versioned libherr.so, Windows' herr.dll. The link lines are CMakeLists.txt's.
    fn shared(&self, target: &str, platform: Platform, tree: &Path) -> Result<Option<String>, String> {
        let Some(file) = platform.shared(&self.version) else { return Ok(None) };
        let cc = platform::c_compiler(target);
        let (program, flags) = cc.split_first().ok_or("empty C compiler")?;
        if !tools::exists(program) {
            return Err(format!(
                "{target}: the shared library is linked with {program}, which is not installed (or set CC_{})",
                target.replace('-', "_")
            ));
        }
        let lib = tree.join("lib");
        let archive = lib.join(platform.archive());
        let mut link = Command::new(program);
        link.args(flags).arg("-shared");
        if platform == Platform::WindowsGnu {
            mkdir(&tree.join("bin"))?;
            link.arg("-o").arg(tree.join("bin").join(&file));
            let implib = platform.implib().unwrap_or_default();
            link.arg(format!("-Wl,--out-implib,{}", lib.join(implib).display()));
            link.arg("-Wl,--whole-archive").arg(&archive).arg("-Wl,--no-whole-archive");
            link.args(["-Wl,--gc-sections", "-static-libgcc"]);
            run(&mut link)?;
            return Ok(Some(format!("bin/{file}, import library lib/{implib}")));
        }
        let soname = format!("libherr.so.{}", self.soversion);
        link.arg("-o").arg(lib.join(&file)).arg(format!("-Wl,-soname,{soname}"));
        link.arg(format!("-Wl,--version-script={}", self.root.join("abi/herr.map").display()));
        link.arg("-Wl,--whole-archive").arg(&archive).arg("-Wl,--no-whole-archive");
        link.args(["-Wl,--gc-sections", "-Wl,--no-undefined", "-Wl,-z,relro", "-Wl,-z,now", "-Wl,-z,noexecstack"]);
        run(&mut link)?;
        symlink(&file, &lib.join(&soname))?;
        symlink(&soname, &lib.join("libherr.so"))?;
        Ok(Some(format!("lib/{file} (SONAME {soname}; libherr.so links to it)")))
    }

    fn headers_and_docs(&self, tree: &Path) -> Result<(), String> {
        for header in ["herr.h", "herr.hpp", "herr/herror.h", "herr/inspireface-v2/herror.h"] {
            let dest = tree.join("include").join(header);
            mkdir(dest.parent().unwrap_or(tree))?;
            copy(&self.root.join("include").join(header), &dest)?;
        }
        for doc in ["README.md", "CHANGELOG.md", "LICENSE-MIT", "LICENSE-APACHE"] {
            copy(&self.root.join(doc), &tree.join(doc))?;
        }
        Ok(())
    }

    /// herr.pc and the CMake package, from CMake's own templates (cmake/*.in), relocatable.
    /// `platform` is the target's (None for the Android bundle of every ABI); `archive` the
    /// static library's path under lib/.
    fn package_files(
        &self,
        tree: &Path,
        target: &str,
        platform: Option<Platform>,
        archive: &str,
    ) -> Result<(), String> {
        let shared = platform.and_then(|p| p.shared(&self.version));
        let implib = platform.and_then(Platform::implib).unwrap_or_default();
        let pointer = if target == "android" { String::new() } else { platform::pointer_size(target).to_string() };
        let values: Vec<(&str, String)> = vec![
            ("PROJECT_VERSION", self.version.clone()),
            ("PROJECT_VERSION_MAJOR", self.major.clone()),
            ("PROJECT_VERSION_MINOR", self.minor.clone()),
            ("HERR_PC_PREFIX", "${pcfiledir}/../..".into()),
            ("HERR_PC_LIBDIR", "${prefix}/lib".into()),
            ("HERR_PC_INCLUDEDIR", "${prefix}/include".into()),
            ("HERR_NATIVE_LIBS", String::new()),
            ("HERR_PC_CFLAGS", String::new()),
            ("PACKAGE_INIT", PACKAGE_INIT.into()),
            ("_herr_features_arg", platform.map_or("vendors,zh", Platform::features).into()),
            ("HERR_NO_STD", "ON".into()),
            // The Android bundle holds four: herr_RUST_TARGET lists them.
            (
                "_herr_target",
                if target == "android" {
                    let android = platform::ALL.iter().filter(|t| platform::android_abi(t).is_some());
                    android.copied().collect::<Vec<_>>().join(";")
                } else {
                    target.into()
                },
            ),
            ("HERR_INSPIREFACE_V2", "OFF".into()),
            ("PACKAGE_CMAKE_INSTALL_LIBDIR", "${PACKAGE_PREFIX_DIR}/lib".into()),
            ("PACKAGE_CMAKE_INSTALL_INCLUDEDIR", "${PACKAGE_PREFIX_DIR}/include".into()),
            ("PACKAGE_CMAKE_INSTALL_BINDIR", "${PACKAGE_PREFIX_DIR}/bin".into()),
            ("HERR_STATIC_NAME", archive.into()),
            ("HERR_INTERFACE_DEFINITIONS", String::new()),
            ("HERR_CONFIG_NATIVE_LIBS", String::new()),
            ("HERR_SHARED", if shared.is_some() { "ON" } else { "OFF" }.into()),
            ("HERR_SHARED_DEFINITIONS", if implib.is_empty() { "" } else { "HERR_DLL" }.into()),
            ("HERR_SHARED_NAME", shared.unwrap_or_default()),
            ("HERR_IMPLIB_NAME", implib.into()),
            ("HERR_SOVERSION", self.soversion.clone()),
            ("HERR_SIZEOF_VOID_P", pointer),
        ];
        let render = |template: &str, dest: &Path| -> Result<(), String> {
            let mut text = read(&self.root.join("cmake").join(template))?;
            for (name, value) in &values {
                text = text.replace(&format!("@{name}@"), value);
            }
            // Any `@NAME@` left is a placeholder this list does not fill.
            if let Some(at) = placeholder(&text) {
                return Err(format!(
                    "cmake/{template}: a placeholder is left: {}",
                    &text[at..(at + 40).min(text.len())]
                ));
            }
            mkdir(dest.parent().unwrap_or(tree))?;
            write(dest, &text)
        };
        render("herr.pc.in", &tree.join("lib/pkgconfig/herr.pc"))?;
        render("herrConfig.cmake.in", &tree.join("lib/cmake/herr/herrConfig.cmake"))?;
        render("herrConfigVersion.cmake.in", &tree.join("lib/cmake/herr/herrConfigVersion.cmake"))
    }

    /// tar -czf NAME.tar.gz NAME, from the tree directory.
    fn pack(&self, name: &str) -> Result<PathBuf, String> {
        let file = self.out.join(format!("{name}.tar.gz"));
        let _ = fs::remove_file(&file);
        run(Command::new("tar").arg("-czf").arg(&file).arg("-C").arg(self.out.join("tree")).arg(name))?;
        Ok(file)
    }
}

/// What CMake's configure_package_config_file puts at @PACKAGE_INIT@ for a package installed
/// under lib/cmake/herr/: the prefix from the file's own place, and its two helper macros.
const PACKAGE_INIT: &str = r#"####### What CMake writes for PACKAGE_INIT; written by cargo xtask dist #######
get_filename_component(PACKAGE_PREFIX_DIR "${CMAKE_CURRENT_LIST_DIR}/../../../" ABSOLUTE)

macro(set_and_check _var _file)
  set(${_var} "${_file}")
  if(NOT EXISTS "${_file}")
    message(FATAL_ERROR "File or directory ${_file} referenced by variable ${_var} does not exist !")
  endif()
endmacro()

macro(check_required_components _NAME)
  foreach(comp ${${_NAME}_FIND_COMPONENTS})
    if(NOT ${_NAME}_${comp}_FOUND)
      if(${_NAME}_FIND_REQUIRED_${comp})
        set(${_NAME}_FOUND FALSE)
      endif()
    endif()
  endforeach()
endmacro()

####################################################################################"#;

/// Where the first `@NAME@` of `text` starts, if any.
fn placeholder(text: &str) -> Option<usize> {
    text.match_indices('@').map(|(at, _)| at).find(|&at| {
        let rest = &text[at + 1..];
        rest.find('@').is_some_and(|end| is_name(&rest[..end]))
    })
}

fn is_name(text: &str) -> bool {
    !text.is_empty() && text.len() < 40 && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    fs::copy(from, to).map(|_| ()).map_err(|e| format!("copy {} to {}: {e}", from.display(), to.display()))
}

fn mkdir(path: &Path) -> Result<(), String> {
    fs::create_dir_all(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn remove(path: &Path) -> Result<(), String> {
    match fs::remove_dir_all(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(format!("{}: {e}", path.display())),
        _ => Ok(()),
    }
}

#[cfg(unix)]
fn symlink(target: &str, link: &Path) -> Result<(), String> {
    std::os::unix::fs::symlink(target, link).map_err(|e| format!("{}: {e}", link.display()))
}

#[cfg(not(unix))]
fn symlink(target: &str, link: &Path) -> Result<(), String> {
    let from = link.with_file_name(target);
    copy(&from, link)
}

#[cfg(test)]
mod tests {
    use super::placeholder;

    #[test]
    fn a_placeholder_left_anywhere_is_found() {
        assert_eq!(placeholder("prefix=/usr\nLibs: -lherr\n"), None);
        assert_eq!(placeholder("a@b.c and x@y"), None);
        assert_eq!(placeholder("Version: @PROJECT_VERSION@"), Some(9));
        assert_eq!(placeholder("mail me@example.org, Version: @PROJECT_VERSION@"), Some(30));
    }
}
