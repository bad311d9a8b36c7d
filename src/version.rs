//! The version of herr.h, as macros a C program can test at compile time
//! (`HERR_VERSION_MAJOR` ...); `herr_version()` gives the library's at run time. `build.rs`
//! writes them from Cargo.toml's version, so they are never edited by hand.

include!(concat!(env!("OUT_DIR"), "/version.rs"));
