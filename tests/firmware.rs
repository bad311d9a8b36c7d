//! Firmware builds: the no-std archive builds for Cortex-M0 (`thumbv6m-none-eabi`), Cortex-M4F
//! (`thumbv7em-none-eabihf`) and RISC-V (`riscv32imc-unknown-none-elf`) with the firmware
//! profile, with InspireFace's codes only and with every vendor; herr.h compiles with the
//! GNU Arm compiler in strict C99; Cortex-M images link against the archive with newlib, and
//! the Cortex-M4 image holds no 64-bit division or multiplication helper. The reply parser
//! builds for Cortex-M4 and is in an image only when the image calls it. (`bench/sizes.sh`
//! prints the sizes.)
//!
//! Needs the Rust targets and Debian's gcc-arm-none-eabi with libnewlib-arm-none-eabi (and
//! gcc-riscv64-unknown-elf with picolibc-riscv64-unknown-elf for the RISC-V link). Without them
//! the tests are skipped with a note, except on CI, where they fail.
// Not under Miri, which cannot start processes: this test runs cross compilers.
#![cfg(not(miri))]

mod common;

use std::path::Path;
use std::process::Command;

use common::c::{self, need, run};

const CORTEX_M0: [&str; 3] = ["-mcpu=cortex-m0", "-mthumb", "--specs=nosys.specs"];
const CORTEX_M4: [&str; 5] =
    ["-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16", "--specs=nosys.specs"];
const RV32IMC: [&str; 3] = ["-march=rv32imc", "-mabi=ilp32", "--specs=picolibc.specs"];

/// The helpers a Cortex-M4 image must not need: 64-bit division and multiplication.
const FORBIDDEN: [&str; 5] = ["__aeabi_uldivmod", "__aeabi_ldivmod", "__aeabi_lmul", "__udivdi3", "__divdi3"];

/// Links tests/c/cortex_m4.c (herr_to_string and herr_kind) with `cc` and `flags` against
/// `archive`, strict C99, -Os, --gc-sections; returns the image.
fn link(cc: &str, flags: &[&str], archive: &Path, image: &Path) {
    link_program("cortex_m4.c", &[], cc, flags, archive, image);
}

/// Links tests/c/`program` as [`link`] does, with `defines` (`-D`).
fn link_program(program: &str, defines: &[&str], cc: &str, flags: &[&str], archive: &Path, image: &Path) {
    run(Command::new(cc)
        .args(flags)
        .args(["-std=c99", "-Os", "-ffunction-sections", "-fdata-sections", "-Wl,--gc-sections"])
        .args(c::STRICT)
        .args(defines.iter().map(|d| format!("-D{d}")))
        .arg("-I")
        .arg(c::include_dir())
        .arg(c::c_dir().join(program))
        .arg(archive)
        .arg("-o")
        .arg(image));
}

#[test]
fn cortex_m4_images_link_without_64_bit_helpers() {
    if !need("arm-none-eabi-gcc") || !common::rust_target("thumbv7em-none-eabihf") {
        return;
    }
    let dir = c::scratch("firmware_m4");
    for features in [&[][..], &["vendors"][..]] {
        let archive = common::archive("firmware", Some("thumbv7em-none-eabihf"), features, &dir);
        let image = dir.join(format!("m4-{}.elf", features.len()));
        link("arm-none-eabi-gcc", &CORTEX_M4, &archive, &image);
        let symbols = run(Command::new("arm-none-eabi-nm").arg(&image));
        let found: Vec<&str> = FORBIDDEN.iter().copied().filter(|f| symbols.contains(f)).collect();
        assert!(found.is_empty(), "the Cortex-M4 image ({features:?}) needs {found:?}");
        assert!(symbols.contains(" herr_to_string") && symbols.contains(" herr_kind"));
    }
}

/// The text size of an ELF image (`size`'s first number).
fn text_size(image: &Path) -> u64 {
    let out = run(Command::new("arm-none-eabi-size").arg(image));
    out.lines().nth(1).and_then(|l| l.split_whitespace().next()).and_then(|n| n.parse().ok()).unwrap()
}

#[test]
fn the_reply_parser_builds_for_cortex_m4_and_stays_out_unless_called() {
    if !need("arm-none-eabi-gcc") || !common::rust_target("thumbv7em-none-eabihf") {
        return;
    }
    let dir = c::scratch("firmware_reply");
    let archive = common::archive("firmware", Some("thumbv7em-none-eabihf"), &["tencent-iai"], &dir);
    let without = dir.join("lookup.elf");
    let with = dir.join("parse.elf");
    link_program("cortex_m4_reply.c", &[], "arm-none-eabi-gcc", &CORTEX_M4, &archive, &without);
    link_program("cortex_m4_reply.c", &["PARSE"], "arm-none-eabi-gcc", &CORTEX_M4, &archive, &with);
    let symbols = |image: &Path| run(Command::new("arm-none-eabi-nm").arg("-C").arg(image));
    let (plain, parsing) = (symbols(&without), symbols(&with));
    for name in ["herr_parse_response", "herr_json_unescape", "herr::reply"] {
        assert!(!plain.contains(name), "{name} is in an image that does not call it");
    }
    assert!(parsing.contains(" herr_parse_response") && parsing.contains(" herr_json_unescape"));
    let found: Vec<&str> = FORBIDDEN.iter().copied().filter(|f| parsing.contains(f)).collect();
    assert!(found.is_empty(), "the parsing image needs {found:?}");
    let (a, b) = (text_size(&without), text_size(&with));
    println!("Cortex-M4 text: {a} bytes without the parser, {b} with it (+{})", b - a);
    assert!(b > a);
    // docs/FIRMWARE.md: 5,868 bytes today; at most 8 KiB.
    assert!(b - a <= 8_192, "the reply parser adds {} bytes to a Cortex-M4 image (at most 8 KiB)", b - a);
}

#[test]
fn herr_h_compiles_for_cortex_m4_in_strict_c99() {
    if !need("arm-none-eabi-gcc") {
        return;
    }
    let dir = c::scratch("firmware_header");
    c::fixture_headers(&dir);
    for source in ["header_compile.c", "cortex_m4.c"] {
        run(Command::new("arm-none-eabi-gcc")
            .args(CORTEX_M4)
            .arg("-std=c99")
            .args(c::STRICT)
            .arg("-I")
            .arg(c::include_dir())
            .arg("-I")
            .arg(&dir)
            .arg("-c")
            .arg(c::c_dir().join(source))
            .arg("-o")
            .arg(dir.join("out.o")));
    }
}

#[test]
fn cortex_m0_image_links() {
    if !need("arm-none-eabi-gcc") || !common::rust_target("thumbv6m-none-eabi") {
        return;
    }
    let dir = c::scratch("firmware_m0");
    for features in [&[][..], &["vendors"][..]] {
        let archive = common::archive("firmware", Some("thumbv6m-none-eabi"), features, &dir);
        link("arm-none-eabi-gcc", &CORTEX_M0, &archive, &dir.join(format!("m0-{}.elf", features.len())));
    }
}

#[test]
fn riscv32imc_image_links() {
    if !common::rust_target("riscv32imc-unknown-none-elf") {
        return;
    }
    let dir = c::scratch("firmware_rv32");
    let archives: Vec<_> = [&[][..], &["vendors"][..]]
        .into_iter()
        .map(|features| common::archive("firmware", Some("riscv32imc-unknown-none-elf"), features, &dir))
        .collect();
    if !need("riscv64-unknown-elf-gcc") {
        return;
    }
    for (i, archive) in archives.iter().enumerate() {
        link("riscv64-unknown-elf-gcc", &RV32IMC, archive, &dir.join(format!("rv32-{i}.elf")));
    }
}
