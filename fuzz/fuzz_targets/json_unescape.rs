//! herr_json_unescape and json_unescape on any bytes and any capacity.
//!
//! Checks, beyond "no crash, no sanitizer report":
//! - the answer is the full decoded length whatever the capacity (`NULL, 0` asks for it), and
//!   the bytes written are the longest whole-character prefix that fits, then a NUL;
//! - the output is always UTF-8;
//! - on a valid JSON string's contents, the decoding is serde_json's (a lone surrogate escape,
//!   which serde_json refuses, becomes U+FFFD, as does every byte that is not UTF-8);
//! - a backslash before a character that is no escape, of any length, is one U+FFFD: the text
//!   with each such pair written `\ufffd` decodes, by serde_json, to what herr makes of it.
//!
//! The first byte of the input picks the capacity; the rest is the text.
#![no_main]

use herr::ffi::herr_json_unescape;
use herr::json_unescape;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&capacity, text)) = data.split_first() else { return };
    let full_len = json_unescape(text, &mut []);
    let mut full = vec![0xAAu8; full_len + 1];
    assert_eq!(json_unescape(text, &mut full), full_len);
    assert_eq!(full[full_len], 0);
    let full = std::str::from_utf8(&full[..full_len]).expect("the output is UTF-8");
    assert!(!full.contains('\0') || text.windows(6).any(|w| w == b"\\u0000") || text.contains(&0));

    // Any capacity: the longest prefix of whole characters that leaves room for the NUL.
    let capacity = usize::from(capacity) % (full_len + 3);
    let mut buf = vec![0xAAu8; capacity + 1];
    assert_eq!(json_unescape(text, &mut buf[..capacity]), full_len);
    if capacity > 0 {
        let written = buf.iter().position(|b| *b == 0).filter(|n| *n < capacity);
        let fits =
            full.char_indices().map(|(i, c)| i + c.len_utf8()).take_while(|end| *end < capacity).last().unwrap_or(0);
        // NULs decoded from "\u0000" make the first NUL an unreliable end; compare the prefix.
        assert_eq!(&buf[..fits], &full.as_bytes()[..fits]);
        assert_eq!(buf[fits], 0, "NUL after the prefix");
        assert!(written.is_some());
    }
    assert_eq!(buf[capacity], 0xAA, "a byte past the capacity was written");

    // The C function: same answers, and NULL arguments.
    let mut cbuf = vec![0xAAu8; capacity + 1];
    let n = herr_json_unescape(text.as_ptr().cast(), text.len(), cbuf.as_mut_ptr().cast(), capacity);
    assert_eq!(n, full_len);
    assert_eq!(&cbuf[..capacity], &buf[..capacity]);
    assert_eq!(herr_json_unescape(text.as_ptr().cast(), text.len(), core::ptr::null_mut(), 0), full_len);
    assert_eq!(herr_json_unescape(text.as_ptr().cast(), text.len(), core::ptr::null_mut(), 9), full_len);

    // A valid JSON string decodes as serde_json decodes it.
    let mut quoted = Vec::with_capacity(text.len() + 2);
    quoted.push(b'"');
    quoted.extend_from_slice(text);
    quoted.push(b'"');
    if let Ok(serde) = serde_json::from_slice::<String>(&quoted) {
        assert_eq!(full, serde);
    }
    let mut fixed = b"\"".to_vec();
    fixed.extend(invalid_escapes_as_fffd(text));
    fixed.push(b'"');
    if let Ok(serde) = serde_json::from_slice::<String>(&fixed) {
        assert_eq!(full, serde, "{:?}", String::from_utf8_lossy(text));
    }
});

/// `text` with every backslash that starts no JSON escape, and the character after it (1 to 4
/// bytes of UTF-8), written as the escape `\ufffd`.
fn invalid_escapes_as_fffd(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i] != b'\\' {
            out.push(text[i]);
            i += 1;
            continue;
        }
        let rest = &text[i + 1..];
        match rest.first() {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' | b'u') => {
                out.extend_from_slice(&text[i..i + 2]);
                i += 2;
            }
            Some(_) => match (1..=4.min(rest.len())).find(|n| std::str::from_utf8(&rest[..*n]).is_ok()) {
                Some(n) => {
                    out.extend_from_slice(b"\\ufffd");
                    i += 1 + n;
                }
                None => {
                    out.push(b'\\');
                    i += 1;
                }
            },
            None => {
                out.push(b'\\');
                i += 1;
            }
        }
    }
    out
}
