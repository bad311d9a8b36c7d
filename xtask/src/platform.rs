//! The platforms herr's bundles are made for: which library files a Rust target gets, and how.

/// How a target's bundle is built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Platform {
    /// Linux with glibc: the archive and a versioned shared library (SONAME chain).
    Linux,
    /// Android: the archive (its shared libraries need the NDK's linker).
    Android,
    /// macOS and iOS: the archive (their shared libraries need Apple's linker).
    Apple,
    /// Windows with MinGW-w64: the archive, herr.dll and its import library libherr.dll.a.
    WindowsGnu,
    /// Windows with MSVC: the archive herr.lib (MSVC's linker is not run here).
    WindowsMsvc,
    /// HarmonyOS: the archive.
    Ohos,
    /// Bare metal: the archive, built for size, English only.
    Firmware,
}

/// The targets `cargo xtask dist all` builds: every platform InspireFace ships on.
pub const ALL: [&str; 18] = [
    "x86_64-unknown-linux-gnu",
    "i686-unknown-linux-gnu",
    "aarch64-unknown-linux-gnu",
    "armv7-unknown-linux-gnueabihf",
    "aarch64-linux-android",
    "armv7-linux-androideabi",
    "x86_64-linux-android",
    "i686-linux-android",
    "aarch64-apple-darwin",
    "x86_64-apple-darwin",
    "aarch64-apple-ios",
    "aarch64-apple-ios-sim",
    "x86_64-pc-windows-gnu",
    "x86_64-pc-windows-msvc",
    "aarch64-unknown-linux-ohos",
    "thumbv6m-none-eabi",
    "thumbv7em-none-eabihf",
    "riscv32imc-unknown-none-elf",
];

/// Android's ABI names, for the one bundle that holds every Android archive.
pub fn android_abi(target: &str) -> Option<&'static str> {
    match target {
        "aarch64-linux-android" => Some("arm64-v8a"),
        "armv7-linux-androideabi" => Some("armeabi-v7a"),
        "x86_64-linux-android" => Some("x86_64"),
        "i686-linux-android" => Some("x86"),
        _ => None,
    }
}

impl Platform {
    /// The platform of a Rust target triple, or `None` for one herr makes no bundle for.
    pub fn of(target: &str) -> Option<Platform> {
        let platform = if target.contains("-none") {
            Platform::Firmware
        } else if target.ends_with("-linux-gnu") || target.ends_with("-linux-gnueabihf") {
            Platform::Linux
        } else if target.contains("-linux-android") {
            Platform::Android
        } else if target.contains("-apple-") {
            Platform::Apple
        } else if target.ends_with("-windows-gnu") {
            Platform::WindowsGnu
        } else if target.ends_with("-windows-msvc") {
            Platform::WindowsMsvc
        } else if target.ends_with("-linux-ohos") {
            Platform::Ohos
        } else {
            return None;
        };
        Some(platform)
    }

    /// cargo's profile: size for firmware, speed elsewhere.
    pub fn profile(self) -> &'static str {
        if self == Platform::Firmware { "firmware" } else { "release" }
    }

    /// The library's features: every vendor; the Chinese messages except in firmware.
    pub fn features(self) -> &'static str {
        if self == Platform::Firmware { "vendors" } else { "vendors,zh" }
    }

    /// The archive's file name, as cargo writes it and as the bundle holds it.
    pub fn archive(self) -> &'static str {
        if self == Platform::WindowsMsvc { "herr.lib" } else { "libherr.a" }
    }

    /// The import library of the shared library, where the platform links a DLL through one.
    pub fn implib(self) -> Option<&'static str> {
        if self == Platform::WindowsGnu { Some("libherr.dll.a") } else { None }
    }

    /// The shared library's file name, where the bundle has one.
    pub fn shared(self, version: &str) -> Option<String> {
        match self {
            Platform::Linux => Some(format!("libherr.so.{version}")),
            Platform::WindowsGnu => Some("herr.dll".into()),
            _ => None,
        }
    }
}

/// The C compiler that links a target's shared library: `CC_<target>` (cargo's cc convention,
/// `-` as `_`) if set, else the Debian cross compiler's name.
pub fn c_compiler(target: &str) -> Vec<String> {
    let variable = format!("CC_{}", target.replace('-', "_"));
    if let Ok(cc) = std::env::var(&variable) {
        return cc.split_whitespace().map(String::from).collect();
    }
    let cc: &[&str] = match target {
        "x86_64-unknown-linux-gnu" => &["cc"],
        "i686-unknown-linux-gnu" => &["cc", "-m32"],
        "aarch64-unknown-linux-gnu" => &["aarch64-linux-gnu-gcc"],
        "armv7-unknown-linux-gnueabihf" => &["arm-linux-gnueabihf-gcc"],
        "x86_64-pc-windows-gnu" => &["x86_64-w64-mingw32-gcc"],
        "i686-pc-windows-gnu" => &["i686-w64-mingw32-gcc"],
        _ => &["cc"],
    };
    cc.iter().map(|s| s.to_string()).collect()
}

/// The width of a pointer, in bytes, for find_package's check.
pub fn pointer_size(target: &str) -> u32 {
    let arch = target.split('-').next().unwrap_or_default();
    if arch.starts_with("x86_64") || arch.starts_with("aarch64") || arch.starts_with("riscv64") { 8 } else { 4 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_target_has_a_platform() {
        for target in ALL {
            assert!(Platform::of(target).is_some(), "{target}");
        }
        assert_eq!(Platform::of("wasm32-unknown-unknown"), None);
        assert_eq!(Platform::of("thumbv7em-none-eabihf"), Some(Platform::Firmware));
        assert_eq!(Platform::of("riscv32imc-unknown-none-elf"), Some(Platform::Firmware));
        assert_eq!(Platform::of("armv7-unknown-linux-gnueabihf"), Some(Platform::Linux));
        assert_eq!(Platform::of("x86_64-pc-windows-msvc").map(Platform::archive), Some("herr.lib"));
        assert_eq!(pointer_size("i686-linux-android"), 4);
        assert_eq!(pointer_size("aarch64-apple-ios-sim"), 8);
        assert_eq!(ALL.iter().filter_map(|t| android_abi(t)).count(), 4);
    }
}
