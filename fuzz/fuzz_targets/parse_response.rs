//! herr_parse_response and parse_reply on any bytes, for every vendor value a C caller can pass.
//!
//! Checks, beyond "no crash, no sanitizer report":
//! - parse_reply and the byte-by-byte scanner alone (parse_reply_bytewise, in fuzzing builds)
//!   give the same answers;
//! - the C function and the Rust one agree; `out` is written for non-negative statuses only,
//!   and its texts lie inside the body;
//! - validity agrees with serde_json (an independent strict parser): herr understands a body
//!   exactly when serde_json parses it to an object (except where JSON lets parsers differ:
//!   lone surrogate escapes, numbers beyond f64, nesting past serde_json's limit of 128);
//! - meaning agrees with a walk of serde_json's value by each vendor's reply shape: the code
//!   (the vendor code looked up, else a string's longest known dotted prefix, under the HTTP
//!   status; a number for Baidu), the decoded vendor code, message and request id (a string, or
//!   a number as written).
//!
//! The input is the body itself (so tests/fixtures/replies seeds the corpus); the HTTP status
//! comes from its length.
#![no_main]

use herr::ffi::herr_parse_response;
use herr::{
    Code, HERR_UNKNOWN, Reply, ReplyError, Vendor, herr_response_t, json_unescape, parse_reply, parse_reply_bytewise,
};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// A vendor's reply shape, as its documentation states it (the registry's facts, restated
/// here as the oracle's own).
struct Shape {
    root: &'static [&'static str],
    code: &'static [&'static str],
    message: &'static [&'static str],
    request_id: &'static [&'static str],
    result: &'static [&'static str],
    description: &'static [&'static str],
    /// The code may be a JSON number (Baidu's `error_code`).
    numbers: bool,
}

const TENCENT: Shape = Shape {
    root: &["Response"],
    code: &["Error", "Code"],
    message: &["Error", "Message"],
    request_id: &["RequestId"],
    result: &[],
    description: &[],
    numbers: false,
};

/// A shape at the body's top: code, message and request id members.
const fn top(
    code: &'static [&'static str],
    message: &'static [&'static str],
    request_id: &'static [&'static str],
) -> Shape {
    Shape { root: &[], code, message, request_id, result: &[], description: &[], numbers: false }
}

/// Each vendor's shape, from its documentation. A `match` without a catch-all: a new vendor does
/// not compile until its shape (or its having none) is stated here.
fn shape(vendor: Vendor) -> Option<Shape> {
    match vendor {
        Vendor::Sophon => Some(top(&["error", "code"], &["error", "message"], &[])),
        Vendor::TencentIai => Some(TENCENT),
        Vendor::TencentFaceid => Some(Shape { result: &["Result"], description: &["Description"], ..TENCENT }),
        Vendor::HuaweiFrs => Some(top(&["error_code"], &["error_msg"], &["request_id"])),
        Vendor::AwsRekognition => Some(top(&["__type"], &["Message"], &[])),
        Vendor::AzureFace => Some(top(&["error", "code"], &["error", "message"], &[])),
        Vendor::BaiduFace => Some(Shape { numbers: true, ..top(&["error_code"], &["error_msg"], &["log_id"]) }),
        Vendor::AliyunFacebody => Some(top(&["Code"], &["Message"], &["RequestId"])),
        // Return values of a C SDK, and FaceID SaaS's result fields: no replies.
        Vendor::Inspireface | Vendor::InspirefaceV2 | Vendor::TencentFaceidSaas | Vendor::Arcsoft => None,
        Vendor::Unknown => None,
    }
}

/// HTTP statuses the C function gets: real ones, and ints that are no status (neither 0 nor 100
/// to 599), which it refuses with HERR_RESPONSE_INVALID_ARGUMENT whatever the body.
const STATUSES: [i32; 13] = [0, 200, 204, 400, 413, 500, 503, 504, -1, 99, 600, 65536, i32::MAX];

/// Whether `status` is one herr_parse_response takes: 0 (unknown) or 100 to 599.
fn is_status(status: i32) -> bool {
    status == 0 || (100..=599).contains(&status)
}

/// The value at `path` under `v`, through objects only.
fn at<'v>(v: &'v Value, path: &[&str]) -> Option<&'v Value> {
    path.iter().try_fold(v, |v, name| v.as_object()?.get(*name))
}

fn string<'v>(v: &'v Value, path: &[&str]) -> Option<&'v str> {
    if path.is_empty() {
        return None;
    }
    at(v, path)?.as_str()
}

/// A string or a number at `path`: what a request id may be (Baidu's `log_id` is a number).
fn text(v: &Value, path: &[&str]) -> Option<Value> {
    if path.is_empty() {
        return None;
    }
    at(v, path).filter(|v| v.is_string() || v.is_number()).cloned()
}

/// Whether herr's slice `raw` is `want`: a string's raw contents that decode to it, or a
/// number's text that parses to it (serde_json keeps a number as an integer or a float, not as
/// written, so the texts are compared as numbers).
fn same_text(raw: Option<&[u8]>, want: Option<&Value>) -> bool {
    match (raw, want) {
        (None, None) => true,
        (Some(raw), Some(Value::String(s))) => decode(raw) == *s,
        (Some(raw), Some(n @ Value::Number(_))) => serde_json::from_slice::<Value>(raw).ok().as_ref() == Some(n),
        _ => false,
    }
}

/// JSON string contents (raw, as herr returns them) decoded.
fn decode(raw: &[u8]) -> String {
    let mut buf = vec![0u8; json_unescape(raw, &mut []) + 1];
    let n = json_unescape(raw, &mut buf);
    String::from_utf8(buf[..n].to_vec()).expect("json_unescape writes UTF-8")
}

/// What herr should answer for `vendor_code` (decoded; `escaped` when its raw form held an
/// escape) under `status`: the code and whether it is known.
fn expected_code(vendor: Vendor, decoded: &str, escaped: bool, number: bool, status: u16) -> (Code, bool) {
    // herr decodes an escaped code into 128 bytes at most; a longer one looks up as "".
    let key = if escaped && decoded.len() >= 128 { "" } else { decoded };
    if let Some(code) = Code::from_vendor(vendor, key) {
        return (code.for_status(status), true);
    }
    if number {
        // A number has no dotted prefix: 2.5 is not Baidu's 2.
        return (Code::new(HERR_UNKNOWN).unwrap(), false);
    }
    let prefix = key
        .bytes()
        .enumerate()
        .rev()
        .filter(|(_, b)| *b == b'.')
        .find_map(|(i, _)| Code::from_vendor(vendor, &key[..i]));
    (prefix.unwrap_or(Code::new(HERR_UNKNOWN).unwrap()), false)
}

/// herr's answer for `vendor` and `body`, checked against the walk of `value` (the body as
/// serde_json reads it).
fn check_meaning(vendor: Vendor, body: &[u8], status: u16, reply: Result<Reply<'_>, ReplyError>, value: &Value) {
    let Some(shape) = shape(vendor) else {
        assert_eq!(reply, Err(ReplyError::UnsupportedVendor));
        return;
    };
    let Some(root) = at(value, shape.root).filter(|r| r.is_object()) else {
        assert_eq!(reply, Err(ReplyError::NoCode), "no root object");
        return;
    };
    let success_status = status == 0 || (200..300).contains(&status);
    let head = at(root, &shape.code[..1]);
    // (the code's text, whether it is a number, the message, the request id)
    let (code_text, number, message, request_id) = if head.is_none() {
        if !success_status {
            assert_eq!(reply, Err(ReplyError::NoCode), "no error with status {status}");
            return;
        }
        match string(root, shape.result) {
            Some(result) => (result.to_string(), false, string(root, shape.description), text(root, shape.request_id)),
            None => {
                let reply = reply.expect("a success");
                assert_eq!(
                    (reply.code, reply.known, reply.vendor_code, reply.message),
                    (Code::SUCCESS, true, None, None)
                );
                assert!(same_text(reply.request_id, text(root, shape.request_id).as_ref()), "request id");
                return;
            }
        }
    } else {
        match at(root, shape.code) {
            Some(Value::String(code)) => {
                (code.clone(), false, string(root, shape.message), text(root, shape.request_id))
            }
            Some(Value::Number(n)) if shape.numbers => {
                // Compared as a number below: serde_json does not keep its text.
                (n.to_string(), true, string(root, shape.message), text(root, shape.request_id))
            }
            _ => {
                assert_eq!(reply, Err(ReplyError::NoCode), "an error without a code of the vendor's types");
                return;
            }
        }
    };
    let reply = reply.unwrap_or_else(|e| panic!("{e:?} for {}", String::from_utf8_lossy(body)));
    let raw = reply.vendor_code.expect("a vendor code");
    let decoded = if number { String::from_utf8(raw.to_vec()).unwrap() } else { decode(raw) };
    if number {
        // The same parser over the same text: the same number (its own rendering of a float
        // need not read back the same).
        let want = at(root, shape.code).expect("a number");
        assert!(same_text(Some(raw), Some(want)), "{decoded} is not {code_text}");
    } else {
        assert_eq!(decoded, code_text);
    }
    assert_eq!((reply.code, reply.known), expected_code(vendor, &decoded, raw.contains(&b'\\'), number, status));
    assert_eq!(reply.message.map(decode).as_deref(), message);
    assert!(same_text(reply.request_id, request_id.as_ref()), "request id");
}

/// herr_parse_response for `vendor` (any int) agrees with parse_reply, and writes `out` only
/// when it succeeds, with texts inside the body.
fn check_c(vendor: i32, body: &[u8], status: i32) {
    let mut out = herr_response_t {
        code: -7,
        vendor_code: core::ptr::null(),
        vendor_code_len: 77,
        message: core::ptr::null(),
        message_len: 0,
        request_id: core::ptr::null(),
        request_id_len: 0,
    };
    let got = herr_parse_response(vendor, body.as_ptr().cast(), body.len(), status, &mut out) as i32;
    let rust = Vendor::from_value(i64::from(vendor)).map(|v| match u16::try_from(status) {
        Ok(status) => parse_reply(v, body, status),
        Err(_) => Err(ReplyError::InvalidStatus),
    });
    let want = match rust {
        None => -5,
        Some(Ok(ref r)) => i32::from(!r.known),
        Some(Err(ReplyError::NotJson)) => -1,
        Some(Err(ReplyError::Truncated)) => -2,
        Some(Err(ReplyError::NoCode)) => -3,
        Some(Err(ReplyError::TooDeep)) => -4,
        Some(Err(ReplyError::InvalidStatus)) => -5,
        Some(Err(ReplyError::UnsupportedVendor)) => -6,
    };
    assert_eq!(got, want);
    // A status that is no status is refused, whatever the body and the vendor.
    if !is_status(status) {
        assert_eq!(got, -5, "status {status} taken");
    }
    if got < 0 {
        assert!(out.code == -7 && out.vendor_code.is_null() && out.vendor_code_len == 77, "out written on failure");
        return;
    }
    let reply = rust.unwrap().unwrap();
    assert_eq!(i64::from(out.code), i64::from(reply.code.value()));
    let range = body.as_ptr_range();
    for (p, n, text) in [
        (out.vendor_code, out.vendor_code_len, reply.vendor_code),
        (out.message, out.message_len, reply.message),
        (out.request_id, out.request_id_len, reply.request_id),
    ] {
        match text {
            None => assert!(p.is_null() && n == 0),
            Some(t) => {
                assert_eq!((p.cast::<u8>(), n), (t.as_ptr(), t.len()));
                assert!(range.start <= t.as_ptr() && t.as_ptr_range().end <= range.end, "a text outside the body");
            }
        }
    }
}

fuzz_target!(|body: &[u8]| {
    let c_status = STATUSES[body.len() % STATUSES.len()];
    for vendor in (-1..=Vendor::ALL.len() as i32).chain([i32::MAX, i32::MIN]) {
        check_c(vendor, body, c_status);
    }
    // The body's meaning, under a status herr takes.
    let status = if is_status(c_status) { c_status as u16 } else { 0 };
    // The scanner that skips containers nothing is watched in answers as the byte-by-byte one,
    // which looks into every one (errors included: which error comes first).
    for vendor in Vendor::ALL {
        assert_eq!(parse_reply(vendor, body, status), parse_reply_bytewise(vendor, body, status), "{vendor:?}");
    }
    // Validity: herr's answer for a vendor with replies says whether the body is a JSON object.
    let herr = parse_reply(Vendor::HuaweiFrs, body, status);
    let understood = match herr {
        Ok(_) | Err(ReplyError::NoCode) => true,
        Err(ReplyError::NotJson | ReplyError::Truncated) => false,
        Err(ReplyError::TooDeep) => return,
        Err(ReplyError::UnsupportedVendor | ReplyError::InvalidStatus) => unreachable!(),
    };
    match serde_json::from_slice::<Value>(body) {
        Ok(value) => {
            assert_eq!(understood, value.is_object(), "{herr:?} for {}", String::from_utf8_lossy(body));
            if understood {
                for vendor in Vendor::ALL {
                    check_meaning(vendor, body, status, parse_reply(vendor, body, status), &value);
                }
            }
        }
        Err(e) => {
            let text = e.to_string();
            // Where RFC 8259 lets parsers differ, herr takes the grammar as written.
            let lenient = text.contains("surrogate")
                || text.contains("hex escape")
                || text.contains("out of range")
                || text.contains("recursion limit");
            if !lenient {
                assert!(
                    !understood,
                    "herr understood what serde_json refuses ({text}): {}",
                    String::from_utf8_lossy(body)
                );
                if herr == Err(ReplyError::Truncated) {
                    assert!(e.is_eof(), "herr: truncated, serde_json: {text}");
                }
            }
        }
    }
});
