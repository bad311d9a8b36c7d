//! # herr: one error vocabulary for face recognition
//!
//! InspireFace returns bare `long` result codes (`HERR_*`) and has no function that explains
//! them; cloud and edge face services each have their own error vocabulary. herr gives all of
//! them one code space, one message per code and a [`Kind`] that says what to do next.
//!
//! - **InspireFace codes** (releases 1.1.x to 1.2.2): the `HERR_*` constants, with their exact
//!   names and values. They are also the `#define`s of the C header `herr.h`.
//! - **Vendor codes**: the ArcSoft ArcFace offline SDK, SOPHON edge boxes, Tencent Cloud IAI and
//!   FaceID, Huawei Cloud FRS, Baidu AI Cloud, Alibaba Cloud, Amazon Rekognition, Azure AI Face,
//!   and InspireFace 1.2.3+'s renumbered codes, each at a fixed number
//!   `vendor x 1,000,000 + n` (see [`Vendor`]), with a message, a kind, the nearest InspireFace
//!   code, the documented HTTP status and whether a retry can succeed.
//!
//! ```
//! use herr::{check, Code, Kind, Vendor, HERR_FT_HUB_NOT_OPENED};
//!
//! // An InspireFace return value.
//! let err = check(HERR_FT_HUB_NOT_OPENED).unwrap_err();
//! assert_eq!(err.to_string(), "Database not opened");
//! assert_eq!(err.kind(), Kind::NotReady);
//!
//! // A Huawei error body: {"error_code":"FRS.0501", ...} with HTTP 400.
//! # #[cfg(feature = "huawei-frs")] {
//! let code = Code::from_vendor(Vendor::HuaweiFrs, "FRS.0501").unwrap();
//! assert_eq!(code.value(), 5_000_501);
//! assert_eq!(code.kind(), Kind::NoFace);
//! assert_eq!(code.http_status(), Some(400));
//! # }
//! ```
//!
//! The library is `no_std`, allocates nothing and keeps no state. The C API is in
//! [`ffi`]; the README explains its conventions.

#![no_std]
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(
    clippy::arithmetic_side_effects,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::todo,
    clippy::unimplemented,
    clippy::undocumented_unsafe_blocks,
    clippy::unreachable,
    clippy::unwrap_used
)]

#[cfg(feature = "std")]
extern crate std;

mod c_ptr;
mod c_types;
mod chunk;
mod code;
pub mod ffi;
mod format;
mod inspireface;
mod kind;
mod lang;
mod phf;
#[allow(dead_code)] // the build and the docs read the rest of the registry
mod registry;
mod reply;
mod table;
mod vendor;
mod version;
#[cfg(all(target_arch = "x86_64", not(herr_small), not(miri)))]
mod wide;

pub use c_types::{Response, ResponseStatus, herr_response_status_t, herr_response_t};
pub use code::{Code, Error, check};
pub use inspireface::*;
pub use kind::{Kind, herr_kind_t};
pub use lang::{Lang, herr_lang_t};
#[cfg(fuzzing)]
#[doc(hidden)]
pub use reply::parse_reply_bytewise;
pub use reply::{HERR_RESPONSE_MAX_DEPTH, Reply, ReplyError, json_unescape, parse_reply};
pub use vendor::{HERR_VENDOR_COUNT, Vendor, herr_vendor_t};
pub use version::*;

// Without std nothing can unwind: the archive must be built with panic = "abort".
#[cfg(all(not(feature = "std"), not(panic = "abort"), not(test)))]
compile_error!(
    "herr without std needs panic = \"abort\": build with --release, --profile firmware, `cargo c-lib` or `cargo firmware` (the dev profile unwinds)"
);

/// Without `std` (firmware archives) the library brings its own panic handler. No code path
/// of the library panics (clippy denies the panicking constructs, and the tests check that a
/// release archive contains no panic machinery), so it is never called.
#[cfg(all(not(feature = "std"), not(test)))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    loop {
        core::hint::spin_loop();
    }
}

// The prebuilt `core` refers to Rust's unwinding personality routine even though nothing
// unwinds here (`panic = "abort"`). A build of the `staticlib` or `cdylib` alone is one
// LTO unit that no longer refers to it, but a build that also makes the `rlib` (a plain
// `cargo build`) links the prebuilt `core` object, and without `std` nothing defines the
// routine: a C program linking that archive without `--gc-sections` would fail with an
// undefined `rust_eh_personality`. This definition is an address only, never called; it is
// weak, so that another Rust library's definition wins without a clash, and hidden, so that
// libherr.so never exports it. (ELF targets only. COFF has no such weak definition that GNU ld
// honours across objects, and a strong one would clash with std's: on Windows build.rs points
// the symbol at `abort` in the DLL's link alone. Mach-O: Apple's linker is not run here.)
#[cfg(all(not(feature = "std"), not(test), not(any(target_vendor = "apple", windows))))]
core::arch::global_asm!(
    ".pushsection .text.rust_eh_personality,\"ax\"",
    ".weak rust_eh_personality",
    ".hidden rust_eh_personality",
    "rust_eh_personality:",
    ".popsection",
);
