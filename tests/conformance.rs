//! herr's reply scanner against a JSON conformance corpus of its own: RFC 8259's accept and
//! reject cases, by the categories public suites such as JSONTestSuite use (arrays, numbers,
//! objects, strings, structure), and the implementation-defined ones. Every case is tried
//!
//! - plain, as the whole body: accepted exactly when it is valid JSON and an object (a reply
//!   is one);
//! - inside a real reply (Tencent IAI's error shape), before the error and after the request
//!   id: accepted exactly when the whole body is valid JSON, and then with the reply's code,
//!   message and request id.
//!
//! serde_json (`IgnoredAny`: validation only, numbers of any size), with a UTF-8 check of the
//! whole text, is the second opinion on every body, and each case's label (accept or reject)
//! must agree with it, so a mislabelled case cannot pass unnoticed.

use herr::{ReplyError, Vendor, parse_reply};
use serde::de::IgnoredAny;

/// Valid JSON values.
const ACCEPT: &[(&str, &[u8])] = &[
    ("array", b"[]"),
    ("array", b"[ ]"),
    ("array", b"[1]"),
    ("array", b"[1,2,3]"),
    ("array", b"[[]]"),
    ("array", b"[[[[]]]]"),
    ("array", b"[\"a\",1,true,null,{}]"),
    ("array", b"[ 1 , 2 ]"),
    ("array", b"[\n1\n]"),
    ("array", b"[null]"),
    ("array", b"[false]"),
    ("array", b"[-0]"),
    ("array", b"[\"\"]"),
    ("array", b"[{}]"),
    ("array", b"[1e1]"),
    ("number", b"0"),
    ("number", b"-0"),
    ("number", b"1"),
    ("number", b"-1"),
    ("number", b"123"),
    ("number", b"1.5"),
    ("number", b"-1.5"),
    ("number", b"0.0"),
    ("number", b"1e5"),
    ("number", b"1E5"),
    ("number", b"1e+5"),
    ("number", b"1e-5"),
    ("number", b"1.5e10"),
    ("number", b"-0.0e-0"),
    ("number", b"123456789012345678901234567890"),
    ("number", b"1e999"),
    ("number", b"-1e-999"),
    ("number", b"0e0"),
    ("number", b"20e1"),
    ("number", b"1E+2"),
    ("object", b"{}"),
    ("object", b"{ }"),
    ("object", b"{\"a\":1}"),
    ("object", b"{\"a\":1,\"b\":2}"),
    ("object", b"{\"\":0}"),
    ("object", b"{\"a\":{\"b\":{}}}"),
    ("object", b"{\"a\" : 1}"),
    ("object", b"{\"a\":1 , \"b\":2}"),
    ("object", b"{\"a\":[]}"),
    ("object", b"{\"\xc3\xa9\":1}"),
    ("object", b"{\"\\u0000\":1}"),
    ("object", b"{\"a\":1,\"a\":2}"),
    ("object", b"{\"a\\\"b\":1}"),
    ("object", b"{\n\t\"a\" :\r\n 1\n}"),
    ("object", b"{\"Code\":1,\"Message\":{}}"),
    ("string", b"\"\""),
    ("string", b"\"a\""),
    ("string", b"\"\\\"\""),
    ("string", b"\"\\\\\""),
    ("string", b"\"\\/\""),
    ("string", b"\"\\b\\f\\n\\r\\t\""),
    ("string", b"\"\\u0041\""),
    ("string", b"\"\\u00e9\""),
    ("string", b"\"\\uD834\\uDD1E\""),
    ("string", b"\"\xc3\xa9\""),
    ("string", b"\"\xe4\xba\xba\xe8\x84\xb8\""),
    ("string", b"\"\xf0\x9d\x84\x9e\""),
    ("string", b"\"\\u0000\""),
    ("string", b"\"a b\""),
    ("string", b"\"\x7f\""),
    ("string", b"\"\\uffff\""),
    ("string", b"\"\\u2028\""),
    ("string", b"\"\xe2\x80\xa8\""),
    ("string", b"\"\xef\xbf\xbf\""),
    ("string", b"\"\xf4\x8f\xbf\xbf\""),
    ("string", b"\"\xe0\xa0\x80\xed\x9f\xbf\xee\x80\x80\""),
    ("string", b"\"0123456789abcdef0123456789abcdef\xe4\xba\xba\""),
    ("structure", b"true"),
    ("structure", b"false"),
    ("structure", b"null"),
    ("structure", b" {} "),
    ("structure", b"\t{}\r\n"),
    ("structure", b"{\"a\":[{\"b\":[{\"c\":null}]}]}"),
];

/// Not JSON.
const REJECT: &[(&str, &[u8])] = &[
    ("array", b"["),
    ("array", b"]"),
    ("array", b"[1,]"),
    ("array", b"[,1]"),
    ("array", b"[1 2]"),
    ("array", b"[1,,2]"),
    ("array", b"[,]"),
    ("array", b"[\"a\":1]"),
    ("array", b"[1}"),
    ("array", b"[[]"),
    ("array", b"[1:2]"),
    ("array", b"[x]"),
    ("array", b"[ \"a\" ,]"),
    ("array", b"[\x00]"),
    ("array", b"[1,\n]"),
    ("array", b"[*]"),
    ("array", b"[\xff]"),
    ("array", b"[\"a\"\n\"b\"]"),
    ("number", b"01"),
    ("number", b"-01"),
    ("number", b"00"),
    ("number", b"+1"),
    ("number", b".5"),
    ("number", b"1."),
    ("number", b"1.e5"),
    ("number", b"1e"),
    ("number", b"1e+"),
    ("number", b"1e-"),
    ("number", b"-"),
    ("number", b"--1"),
    ("number", b"1.5.5"),
    ("number", b"0x10"),
    ("number", b"NaN"),
    ("number", b"Infinity"),
    ("number", b"-Infinity"),
    ("number", b"1_000"),
    ("number", b"[1 000]"),
    ("number", b"2.e3"),
    ("number", b".e1"),
    ("number", b"1ee5"),
    ("number", b"1e5.5"),
    ("number", b"0."),
    ("number", b"-.5"),
    ("number", b"- 1"),
    ("number", b"1f"),
    ("number", b"0e"),
    ("number", b"\xef\xbc\x91"),
    ("number", b"1.5e"),
    ("number", b"-a"),
    ("object", b"{"),
    ("object", b"}"),
    ("object", b"{\"a\"}"),
    ("object", b"{\"a\":}"),
    ("object", b"{\"a\" 1}"),
    ("object", b"{:1}"),
    ("object", b"{a:1}"),
    ("object", b"{'a':1}"),
    ("object", b"{\"a\":1,}"),
    ("object", b"{,\"a\":1}"),
    ("object", b"{\"a\":1 \"b\":2}"),
    ("object", b"{\"a\"::1}"),
    ("object", b"{1:1}"),
    ("object", b"{null:1}"),
    ("object", b"{\"a\":1}}"),
    ("object", b"{{}}"),
    ("object", b"{[]}"),
    ("object", b"{\"a\":1]"),
    ("object", b"{\"a\",1}"),
    ("object", b"{\"a\":1,,\"b\":2}"),
    ("object", b"{\"a\":/*c*/1}"),
    ("object", b"{\"a\":1}//c"),
    ("object", b"{\"a\":1}#"),
    ("object", b"{\x00}"),
    ("object", b"{\"a\":1\x0c}"),
    ("string", b"\""),
    ("string", b"\"a"),
    ("string", b"'a'"),
    ("string", b"\"\\\""),
    ("string", b"\"\\x41\""),
    ("string", b"\"\\u\""),
    ("string", b"\"\\u12\""),
    ("string", b"\"\\u123\""),
    ("string", b"\"\\uGGGG\""),
    ("string", b"\"\\U0041\""),
    ("string", b"\"\\a\""),
    ("string", b"\"\\'\""),
    ("string", b"\"a\x00b\""),
    ("string", b"\"\x1f\""),
    ("string", b"\"\t\""),
    ("string", b"\"a\nb\""),
    ("string", b"\"\xc0\x80\""),
    ("string", b"\"\xc1\xbf\""),
    ("string", b"\"\xe0\x80\x80\""),
    ("string", b"\"\xe0\x9f\xbf\""),
    ("string", b"\"\xed\xa0\x80\""),
    ("string", b"\"\xf0\x80\x80\x80\""),
    ("string", b"\"\xf4\x90\x80\x80\""),
    ("string", b"\"\xf5\x80\x80\x80\""),
    ("string", b"\"\xff\""),
    ("string", b"\"\x80\""),
    ("string", b"\"\xe4\xba\""),
    ("string", b"\"\xe4\xbax\""),
    ("string", b"\"\xc3\""),
    ("string", b"\"\xc3\x28\""),
    ("string", b"\"\xe4\xba\xba\xe4\""),
    ("string", b"\"0123456789abcdef0123456789abcde\xe4\xba\""),
    ("structure", b""),
    ("structure", b" "),
    ("structure", b"{}x"),
    ("structure", b"{}{}"),
    ("structure", b"{} {}"),
    ("structure", b"\xef\xbb\xbf{}"),
    ("structure", b"<html>"),
    ("structure", b"{}\x00"),
    ("structure", b"tru"),
    ("structure", b"nul"),
    ("structure", b"True"),
    ("structure", b"{\"a\":1}\x1a"),
];

/// Implementation-defined (RFC 8259 leaves them to the parser): escapes of lone surrogates.
/// herr reads past them (json_unescape decodes them as U+FFFD); only the answer's consistency
/// is checked.
const EITHER: &[(&str, &[u8])] = &[
    ("string", b"\"\\uD800\""),
    ("string", b"\"\\uDC00\""),
    ("string", b"\"\\uD800\\u0041\""),
    ("string", b"\"\\uDBFF\\uDBFF\""),
];

/// Valid JSON text: serde_json's structure (it skips ignored strings without checking their
/// UTF-8) and RFC 8259's UTF-8 (section 8.1).
fn json(body: &[u8]) -> bool {
    serde_json::from_slice::<IgnoredAny>(body).is_ok() && std::str::from_utf8(body).is_ok()
}

/// Whether herr read the body as JSON (a reply without a code is JSON too).
fn read_as_json(result: &Result<herr::Reply<'_>, ReplyError>) -> bool {
    !matches!(result, Err(ReplyError::NotJson | ReplyError::Truncated | ReplyError::TooDeep))
}

/// The value inside a Tencent IAI error reply: before the error, and after the request id.
fn in_replies(value: &[u8]) -> [Vec<u8>; 2] {
    let before = [
        &b"{\"Response\":{\"Data\":"[..],
        value,
        b",\"Error\":{\"Code\":\"InvalidParameterValue.NoFaceInPhoto\",\"Message\":\"m\"},\"RequestId\":\"r-1\"}}",
    ]
    .concat();
    let after = [&b"{\"Response\":{\"Error\":{\"Code\":\"InvalidParameterValue.NoFaceInPhoto\",\"Message\":\"m\"},\"RequestId\":\"r-1\",\"Data\":"[..], value, b"}}"].concat();
    [before, after]
}

fn show(value: &[u8]) -> String {
    value.escape_ascii().to_string()
}

/// One case, plain and inside replies: herr accepts exactly what serde_json accepts (plain:
/// only objects), with the reply's answers.
fn check(category: &str, value: &[u8], want: Option<bool>) {
    let valid = json(value);
    if let Some(want) = want {
        assert_eq!(valid, want, "{category} {}: the label disagrees with serde_json", show(value));
    }
    let object = value.iter().find(|b| !b" \t\r\n".contains(b)) == Some(&b'{');
    let plain = parse_reply(Vendor::HuaweiFrs, value, 400);
    assert_eq!(read_as_json(&plain), valid && object, "{category} {} plain: {plain:?}", show(value));
    let plain_reply = in_replies(b"0")[0].clone();
    let want = parse_reply(Vendor::TencentIai, &plain_reply, 200).expect("the reply around the cases").code;
    for body in in_replies(value) {
        let got = parse_reply(Vendor::TencentIai, &body, 200);
        if json(&body) {
            let reply = got.unwrap_or_else(|e| panic!("{category} {} in {}: {e:?}", show(value), show(&body)));
            assert_eq!(reply.code, want, "{category} {}", show(value));
            assert_eq!(reply.message, Some(&b"m"[..]), "{category} {}", show(value));
            assert_eq!(reply.request_id, Some(&b"r-1"[..]), "{category} {}", show(value));
        } else {
            assert!(got.is_err(), "{category} {} in {}: accepted", show(value), show(&body));
        }
    }
}

#[test]
fn valid_json_is_read_plain_and_inside_replies() {
    for (category, value) in ACCEPT {
        check(category, value, Some(true));
    }
}

#[test]
fn invalid_json_is_refused_plain_and_inside_replies() {
    for (category, value) in REJECT {
        check(category, value, Some(false));
    }
}

#[test]
fn implementation_defined_cases_get_one_answer() {
    for (category, value) in EITHER {
        for body in in_replies(value) {
            let first = parse_reply(Vendor::TencentIai, &body, 200);
            assert_eq!(first, parse_reply(Vendor::TencentIai, &body, 200), "{category} {}", show(value));
            assert!(first.is_ok(), "{category} {}: herr reads past lone surrogate escapes: {first:?}", show(value));
        }
    }
}

#[test]
fn the_corpus_covers_every_category_both_ways() {
    for category in ["array", "number", "object", "string", "structure"] {
        let accepted = ACCEPT.iter().filter(|(c, _)| *c == category).count();
        let refused = REJECT.iter().filter(|(c, _)| *c == category).count();
        assert!(accepted >= 3 && refused >= 8, "{category}: {accepted} accept, {refused} reject cases");
    }
}
