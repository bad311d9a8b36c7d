//! herr_from_name and Code::from_name on any bytes.
//!
//! Checks, beyond "no crash, no sanitizer report":
//! - the C function and the Rust one agree, and both agree with a plain map of every name
//!   (built from `Code::all` and `Code::aliases`, not from the lookup's hash table);
//! - `*out` is written on a match only, and a NULL `out` changes nothing;
//! - a match round-trips: the code's names (herr_aliases) include the text.
//!
//! The input is the name; C sees it up to its first NUL, in an allocation of exactly that size
//! (so AddressSanitizer reports any read past the NUL).
#![no_main]

use std::collections::HashMap;
use std::ffi::{CStr, CString, c_long};
use std::sync::OnceLock;

use herr::Code;
use herr::ffi::{herr_aliases, herr_from_name, herr_name};
use libfuzzer_sys::fuzz_target;

fn names() -> &'static HashMap<&'static [u8], i64> {
    static NAMES: OnceLock<HashMap<&'static [u8], i64>> = OnceLock::new();
    NAMES.get_or_init(|| {
        Code::all().flat_map(|c| c.aliases().map(move |n| (n.as_bytes(), i64::from(c.value())))).collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let text = data.split(|b| *b == 0).next().unwrap_or_default();
    let name = CString::new(text).expect("no NUL before the first NUL");
    let expected = names().get(text).copied();

    let mut out: c_long = -7;
    let found = herr_from_name(name.as_ptr(), &mut out);
    assert_eq!(found, expected.is_some(), "{:?}", String::from_utf8_lossy(text));
    assert!(herr_from_name(name.as_ptr(), std::ptr::null_mut()) == found);
    let rust = std::str::from_utf8(text).ok().and_then(Code::from_name).map(|c| i64::from(c.value()));
    assert_eq!(rust, expected);
    let Some(code) = expected else {
        assert_eq!(out, -7, "out written without a match");
        return;
    };
    assert_eq!(i64::from(out), code);

    // The names of the code hold the text, the first being herr_name's.
    let mut list = [std::ptr::null(); 4];
    let n = herr_aliases(out, list.as_mut_ptr(), list.len());
    assert!((1..=list.len()).contains(&n));
    assert_eq!(list[0], herr_name(out));
    // SAFETY: herr_aliases stored n static NUL-terminated names.
    assert!(list[..n].iter().any(|p| unsafe { CStr::from_ptr(*p) }.to_bytes() == text));
});
