//! Vendor reply bodies: the real-shaped bodies of
//! `tests/fixtures/replies/` (pretty and minified, members in any order, extra members with
//! nested values, escapes, traps) against `expected.tsv`; every proper prefix of each refused;
//! strict JSON; duplicate members; depth; a 16 MB body; unknown codes; the decoder of messages;
//! and a round trip from every known code. `tests/c/reply.c` does the same from C.
#![cfg(feature = "vendors")]

mod common;

use std::fs;

use herr::{Code, HERR_RESPONSE_MAX_DEPTH, Reply, ReplyError, Vendor, json_unescape, parse_reply};

fn body(file: &str) -> Vec<u8> {
    fs::read(common::root().join("tests/fixtures/replies").join(file)).unwrap()
}

fn vendor(name: &str) -> Vendor {
    Vendor::from_name(name).unwrap_or_else(|| panic!("vendor {name}"))
}

/// `expected.tsv`'s status of a result.
fn status(result: &Result<Reply<'_>, ReplyError>) -> &'static str {
    match result {
        Ok(reply) if reply.known => "OK",
        Ok(_) => "UNKNOWN_CODE",
        Err(ReplyError::NotJson) => "NOT_JSON",
        Err(ReplyError::Truncated) => "TRUNCATED",
        Err(ReplyError::NoCode) => "NO_CODE",
        Err(ReplyError::TooDeep) => "TOO_DEEP",
        Err(ReplyError::UnsupportedVendor) => "UNSUPPORTED_VENDOR",
        Err(ReplyError::InvalidStatus) => "INVALID_ARGUMENT",
    }
}

#[test]
fn every_fixture_gives_what_expected_tsv_says() {
    let rows = common::fixture("replies/expected.tsv");
    assert!(rows.len() >= 20);
    for r in rows {
        let (file, vendor_name, http) = (&r[0], &r[1], r[2].parse().unwrap());
        let bytes = body(file);
        let result = parse_reply(vendor(vendor_name), &bytes, http);
        let what = format!("{file} as {vendor_name} with HTTP {http}");
        assert_eq!(status(&result), r[3], "{what}");
        let Ok(reply) = result else { continue };
        assert_eq!(i64::from(reply.code.value()), r[4].parse::<i64>().unwrap(), "{what}: code");
        // The cells are trimmed by the TSV reader; the slices are compared likewise (the
        // leading space of Huawei's documented message is checked on its own below).
        let slice =
            |s: Option<&[u8]>| s.map_or("-".to_string(), |s| String::from_utf8(s.to_vec()).unwrap().trim().to_string());
        assert_eq!(slice(reply.vendor_code), r[5], "{what}: vendor code");
        assert_eq!(slice(reply.message), r[6], "{what}: message");
        assert_eq!(slice(reply.request_id), r[7], "{what}: request id");
        // Every slice lies inside the body.
        for s in [reply.vendor_code, reply.message, reply.request_id].into_iter().flatten() {
            let start = s.as_ptr() as usize - bytes.as_ptr() as usize;
            assert!(start + s.len() <= bytes.len(), "{what}: a slice outside the body");
        }
    }
}

#[test]
fn slices_are_the_raw_string_contents() {
    let bytes = body("huawei_frozen.json");
    let reply = parse_reply(Vendor::HuaweiFrs, &bytes, 403).unwrap();
    assert_eq!(reply.message, Some(&b" The service has been freeze."[..]), "leading space kept");
    let bytes = body("tencent_iai_escaped.json");
    let reply = parse_reply(Vendor::TencentIai, &bytes, 200).unwrap();
    assert_eq!(reply.message, Some(&br#"\"No face\" \u4eba\u8138 \ud83d\ude00 tab\there"#[..]));
    let mut buf = [0u8; 64];
    let n = json_unescape(reply.message.unwrap(), &mut buf);
    assert_eq!(std::str::from_utf8(&buf[..n]).unwrap(), "\"No face\" 人脸 😀 tab\there");
}

#[test]
fn every_proper_prefix_of_a_reply_is_refused() {
    for r in common::fixture("replies/expected.tsv") {
        let bytes = body(&r[0]);
        let v = vendor(&r[1]);
        if r[3] == "UNSUPPORTED_VENDOR" {
            continue;
        }
        // Miri takes the small fixtures only (every prefix of the 4 KB one is hours there).
        if cfg!(miri) && bytes.len() > 400 {
            continue;
        }
        let end = bytes.iter().rposition(|b| *b == b'}').unwrap() + 1;
        // Under Miri, every third cut (each byte class still ends some prefix).
        for cut in (0..end).step_by(common::miri_step(3)) {
            let prefix = &bytes[..cut];
            let want =
                if prefix.iter().all(u8::is_ascii_whitespace) { ReplyError::NotJson } else { ReplyError::Truncated };
            assert_eq!(parse_reply(v, prefix, 200), Err(want), "{}: prefix of {cut} bytes", r[0]);
        }
    }
}

fn huawei(body: &[u8]) -> Result<Reply<'_>, ReplyError> {
    parse_reply(Vendor::HuaweiFrs, body, 400)
}

fn tencent(body: &str) -> Result<Reply<'_>, ReplyError> {
    parse_reply(Vendor::TencentIai, body.as_bytes(), 200)
}

#[test]
fn json_is_strict() {
    let ok = br#"{"error_code":"FRS.0501","error_msg":"m"}"#;
    assert!(huawei(ok).is_ok());
    let not_json: &[&[u8]] = &[
        b"",
        b"   \n",
        b"<html><body>502 Bad Gateway</body></html>",
        b"[1, 2]",
        b"\"FRS.0501\"",
        b"null",
        b"\xef\xbb\xbf{\"error_code\":\"FRS.0501\"}", // a byte-order mark
        br#"{"error_code":"FRS.0501",}"#,             // trailing comma
        br#"{"error_code":"FRS.0501"} x"#,            // trailing garbage
        br#"{"error_code":"FRS.0501"}{}"#,
        br#"{"error_code":"FRS.0501" "error_msg":"m"}"#,
        br#"{"error_code" "FRS.0501"}"#,
        br#"{error_code:"FRS.0501"}"#,
        br#"{'error_code':'FRS.0501'}"#,
        b"{\"error_code\":\"FRS.0501\",\"error_msg\":\"a\x01b\"}", // raw control byte
        b"{\"error_code\":\"FRS.0501\",\"error_msg\":\"a\nb\"}",
        b"{\"error_code\":\"FRS.0501\",\"error_msg\":\"\xc0\xaf\"}", // overlong
        b"{\"error_code\":\"FRS.0501\",\"error_msg\":\"\xed\xa0\x80\"}", // a surrogate in UTF-8
        b"{\"error_code\":\"FRS.0501\",\"error_msg\":\"\xf5\x80\x80\x80\"}", // past U+10FFFF
        b"{\"error_code\":\"FRS.0501\",\"error_msg\":\"\xff\"}",
        br#"{"error_code":"FRS.0501","error_msg":"\x41"}"#, // not a JSON escape
        br#"{"error_code":"FRS.0501","error_msg":"\u12G4"}"#,
        br#"{"error_code":"FRS.0501","n":01}"#,
        br#"{"error_code":"FRS.0501","n":+1}"#,
        br#"{"error_code":"FRS.0501","n":.5}"#,
        br#"{"error_code":"FRS.0501","n":1.}"#,
        br#"{"error_code":"FRS.0501","n":1.e5}"#,
        br#"{"error_code":"FRS.0501","n":--1}"#,
        br#"{"error_code":"FRS.0501","n":NaN}"#,
        br#"{"error_code":"FRS.0501","n":tru}"#,
        br#"{"error_code":"FRS.0501","n":nulll}"#,
        br#"{"error_code":"FRS.0501","a":[1,2,]}"#,
        br#"{"error_code":"FRS.0501","a":[1 2]}"#,
        br#"{"error_code":"FRS.0501","a":[}"#,
        br#"{"error_code":"FRS.0501","a":{]}"#,
        // Control bytes that are not JSON whitespace, where whitespace may be, before an
        // indent or a token.
        b"{\x0b        \"error_code\":\"FRS.0501\"}",
        b"{\"error_code\":\x00 \"FRS.0501\"}",
        b"{\"error_code\":\"FRS.0501\"\n\x0c   }",
        b"{\"error_code\":\"FRS.0501\",\x1f\"a\":1}",
        b"{\"error_code\":\"FRS.0501\"\xa0}",
    ];
    for body in not_json {
        assert_eq!(huawei(body), Err(ReplyError::NotJson), "{}", String::from_utf8_lossy(body));
    }
    let truncated: &[&[u8]] = &[
        b"{",
        b"{\"error_code\":\"FRS.0501\"",
        b"{\"a\":[",
        b"{\"a\":\"\\",
        b"{\"a\":\"\\u00",
        b"{\"a\":\"\xe4\xba",
        b"{\"a\":-",
        b"{\"a\":1.",
        b"{\"a\":1e+",
        b"{\"a\":fals",
    ];
    for body in truncated {
        assert_eq!(huawei(body), Err(ReplyError::Truncated), "{}", String::from_utf8_lossy(body));
    }
    // Valid JSON of every kind around the code.
    let fancy = "{\"a\":[1,-0,0.5,-1.25e+10,1E-3,true,false,null,{},[],[[]],\"\\u00e9\\\"\\\\\\/\\b\\f\\n\\r\\t\",\"人脸\"],\"error_code\":\"FRS.0501\"}";
    assert_eq!(huawei(fancy.as_bytes()).map(|r| r.code.value()), Ok(5_000_501));
    // Whitespace around the object is allowed.
    assert!(huawei(b" \t\r\n{\"error_code\":\"FRS.0501\"} \n").is_ok());
}

#[test]
fn only_the_members_at_their_place_count() {
    let t = tencent;
    // No Response, or one that is not an object: not a Tencent reply.
    assert_eq!(t(r#"{"Error":{"Code":"InternalError"}}"#), Err(ReplyError::NoCode));
    assert_eq!(t(r#"{"Response":"InternalError"}"#), Err(ReplyError::NoCode));
    assert_eq!(t(r#"{"Response":[{"Error":{"Code":"InternalError"}}]}"#), Err(ReplyError::NoCode));
    // Error present but without a string Code.
    assert_eq!(t(r#"{"Response":{"Error":"InternalError"}}"#), Err(ReplyError::NoCode));
    assert_eq!(t(r#"{"Response":{"Error":{"Message":"m"}}}"#), Err(ReplyError::NoCode));
    assert_eq!(t(r#"{"Response":{"Error":{"Code":42}}}"#), Err(ReplyError::NoCode));
    // Error elsewhere is not the error: success.
    for body in [
        r#"{"Response":{"Data":{"Error":{"Code":"InternalError"}}}}"#,
        r#"{"Response":{"List":[{"Error":{"Code":"InternalError"}}]}}"#,
        r#"{"Response":{"Note":"\"Error\":{\"Code\":\"InternalError\"}"},"Error":{"Code":"InternalError"}}"#,
    ] {
        assert_eq!(t(body).map(|r| r.code), Ok(Code::SUCCESS), "{body}");
    }
    // Keys written with escapes are the same keys.
    let escaped = r#"{"Resp\u006fnse":{"\u0045rror":{"Code":"InternalError"}}}"#;
    assert_eq!(t(escaped).map(|r| r.code.value()), Ok(2_000_010));
}

#[test]
fn names_that_almost_match_are_other_members() {
    // Member names are compared as one 16-byte word and a length: a name one byte short or
    // long, a case away, with a NUL after it (written as an escape), sharing its first 16
    // bytes with a longer name, or cut by the end of the body, is another member.
    let t = tencent;
    for near in ["Erro", "Errors", "error", "Error\\u0000", "ErrorErrorErrorE", "ErrorErrorErrorEr", "rror", "Errr"] {
        let body = format!(r#"{{"Response":{{"{near}":{{"Code":"InternalError"}}}}}}"#);
        assert_eq!(t(&body).map(|r| r.code), Ok(Code::SUCCESS), "{body}");
    }
    for near in ["Respons", "Responses", "Response\\u0000", "RESPONSE"] {
        let body = format!(r#"{{"{near}":{{"Error":{{"Code":"InternalError"}}}}}}"#);
        assert_eq!(t(&body), Err(ReplyError::NoCode), "{body}");
    }
    // The names themselves, with the body ending within 16 bytes of their start (the word is
    // read from a padded copy there), and at every distance from the end.
    assert_eq!(t(r#"{"Response":{}}"#).map(|r| r.code), Ok(Code::SUCCESS));
    let body = r#"{"Response":{"Error":{"Code":"InternalError"}}}"#;
    for pad in 0..20 {
        let padded = format!("{body}{}", " ".repeat(pad));
        assert_eq!(t(&padded).map(|r| r.code.value()), Ok(2_000_010), "{pad} spaces after");
    }
    // Huawei's names are longer than 8 bytes and two have the same length.
    let reply = huawei(br#"{"request_id":"r","error_msg":"m","error_code":"FRS.0501"}"#).unwrap();
    assert_eq!((reply.code.value(), reply.message, reply.request_id), (5_000_501, Some(&b"m"[..]), Some(&b"r"[..])));
    // At status 400, a body without `error_code` is no reply of Huawei's.
    assert_eq!(
        huawei(br#"{"request_ie":"r","error_cod":"FRS.0501","error_codes":"FRS.0501"}"#),
        Err(ReplyError::NoCode)
    );
}

#[test]
fn of_a_member_given_twice_the_last_counts() {
    let t = tencent;
    // The second Response replaces the first, Error and all.
    let body = r#"{"Response":{"Error":{"Code":"InternalError"},"RequestId":"1"},"Response":{"RequestId":"2"}}"#;
    let reply = t(body).unwrap();
    assert_eq!((reply.code, reply.request_id), (Code::SUCCESS, Some(&b"2"[..])));
    let body = r#"{"Response":{"Error":{"Code":"InternalError","Message":"m"},"Error":{"Code":"LimitExceeded"}}}"#;
    let reply = t(body).unwrap();
    assert_eq!((reply.code.value(), reply.message), (2_000_014, None), "the second Error has no Message");
}

#[test]
fn nesting_is_limited_without_recursion() {
    let nested = |depth: usize| {
        let mut body = b"{\"a\":".to_vec();
        body.extend(std::iter::repeat_n(b'[', depth - 1));
        body.extend(std::iter::repeat_n(b']', depth - 1));
        body.extend_from_slice(b",\"error_code\":\"FRS.0501\"}");
        body
    };
    assert!(huawei(&nested(HERR_RESPONSE_MAX_DEPTH)).is_ok(), "at the limit");
    assert_eq!(huawei(&nested(HERR_RESPONSE_MAX_DEPTH + 1)), Err(ReplyError::TooDeep));
    // 200,000 nested arrays (2,000 under Miri): an answer, not a crash.
    let levels = if cfg!(miri) { 2_000 } else { 200_000 };
    let mut deep = b"{\"a\":".to_vec();
    deep.extend(std::iter::repeat_n(b'[', levels));
    assert_eq!(huawei(&deep), Err(ReplyError::TooDeep));
    deep.extend(std::iter::repeat_n(b']', levels));
    deep.push(b'}');
    assert_eq!(huawei(&deep), Err(ReplyError::TooDeep));
}

#[test]
fn a_16_mb_success_body_is_read() {
    // FaceID returns images: a success reply of 16 MB of base64, with the request id after it.
    let mut body = br#"{"Response":{"BestFrameBase64":""#.to_vec();
    let base64 = b"QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODkrLw==";
    // 64 KB under Miri.
    let size = if cfg!(miri) { 64 << 10 } else { 16 << 20 };
    while body.len() < size {
        body.extend_from_slice(base64);
    }
    body.extend_from_slice(br#"","Result":"Success","RequestId":"big"}}"#);
    let start = std::time::Instant::now();
    let reply = parse_reply(Vendor::TencentFaceid, &body, 200).unwrap();
    let elapsed = start.elapsed();
    assert_eq!((reply.code, reply.request_id), (Code::SUCCESS, Some(&b"big"[..])));
    println!("16 MB scanned in {elapsed:?} ({:.0} MB/s)", body.len() as f64 / elapsed.as_secs_f64() / 1e6);
}

#[test]
fn unknown_codes_answer_with_their_longest_known_prefix() {
    let t = |code: &str| {
        let body = format!(r#"{{"Response":{{"Error":{{"Code":"{code}"}}}}}}"#);
        let reply = parse_reply(Vendor::TencentIai, body.as_bytes(), 200).unwrap();
        (reply.code.value(), reply.known)
    };
    assert_eq!(t("FailedOperation.Xyz"), (2_000_009, false), "FailedOperation");
    assert_eq!(t("InvalidParameterValue.New.Deeper"), (2_000_013, false), "InvalidParameterValue");
    assert_eq!(t("Totally.Unknown"), (1, false), "HERR_UNKNOWN");
    assert_eq!(t(""), (1, false));
    assert_eq!(t("FailedOperation"), (2_000_009, true));
    let reply = parse_reply(Vendor::HuaweiFrs, br#"{"error_code":"FRS.9999"}"#, 400).unwrap();
    assert_eq!((reply.code.value(), reply.known, reply.vendor_code), (1, false, Some(&b"FRS.9999"[..])));
    let reply = parse_reply(Vendor::Sophon, br#"{"error":{"code":"SOME_NEW_ERROR"}}"#, 500).unwrap();
    assert_eq!((reply.code.value(), reply.known), (1, false));
}

#[test]
fn a_status_that_is_no_http_status_is_refused() {
    let body = body("huawei_frozen.json");
    for status in [1, 99, 600, 999, u16::MAX] {
        assert_eq!(parse_reply(Vendor::HuaweiFrs, &body, status), Err(ReplyError::InvalidStatus), "{status}");
        assert_eq!(parse_reply(Vendor::HuaweiFrs, b"{}", status), Err(ReplyError::InvalidStatus), "{status}");
    }
    for status in [0, 100, 200, 413, 599] {
        assert!(parse_reply(Vendor::HuaweiFrs, &body, status).is_ok(), "{status}");
    }
    // From C: negative and huge ints too, and *out stays untouched.
    for status in [-1, 1, 99, 600, 65_535, 65_536, i32::MAX, i32::MIN] {
        let mut out = std::mem::MaybeUninit::<herr::herr_response_t>::zeroed();
        let got = herr::ffi::herr_parse_response(
            Vendor::HuaweiFrs.value(),
            b"{}".as_ptr().cast(),
            2,
            status,
            out.as_mut_ptr(),
        );
        assert_eq!(got, herr::ResponseStatus::InvalidArgument, "{status}");
        assert_eq!(unsafe { out.assume_init() }.code, 0, "out written for {status}");
    }
}

#[test]
fn vendors_without_json_replies_are_refused() {
    let body = body("tencent_iai_error.json");
    for v in [Vendor::Inspireface, Vendor::TencentFaceidSaas, Vendor::InspirefaceV2, Vendor::Arcsoft, Vendor::Unknown] {
        assert_eq!(parse_reply(v, &body, 200), Err(ReplyError::UnsupportedVendor), "{v}");
    }
}

#[test]
fn json_unescape_decodes_and_fits() {
    let decode = |s: &[u8]| {
        let mut buf = [0u8; 256];
        let n = json_unescape(s, &mut buf);
        String::from_utf8(buf[..n].to_vec()).unwrap()
    };
    assert_eq!(decode(b"plain text"), "plain text");
    assert_eq!(decode(br#"\"\\\/\b\f\n\r\t"#), "\"\\/\u{8}\u{c}\n\r\t");
    assert_eq!(decode(br"\u00e9\u4eba\u8138"), "é人脸");
    assert_eq!(decode(br"\ud83d\ude00"), "😀");
    // Every plane's pairs (the fuzzer found the sum written as an OR, wrong from plane 4 on).
    for ch in ['\u{10000}', '\u{1ffff}', '\u{20000}', '\u{a9a69}', '\u{ffffd}', '\u{10ffff}'] {
        let mut units = [0u16; 2];
        let escaped: String = ch.encode_utf16(&mut units).iter().map(|u| format!("\\u{u:04x}")).collect();
        assert_eq!(decode(escaped.as_bytes()), ch.to_string(), "{escaped}");
    }
    assert_eq!(decode(br"\ud83d"), "\u{fffd}", "a lone high surrogate");
    assert_eq!(decode(br"\ude00x"), "\u{fffd}x", "a lone low surrogate");
    assert_eq!(decode(br"\ud83d\u0041"), "\u{fffd}A");
    assert_eq!(decode(br"\x41"), "\u{fffd}41", "not a JSON escape");
    assert_eq!(decode(br"\u12"), "\u{fffd}12", "the backslash and the character after it");
    assert_eq!(decode(b"end\\"), "end\u{fffd}");
    // A backslash before a character that is no escape, of any length: one U+FFFD.
    assert_eq!(decode("a\\é b".as_bytes()), "a\u{fffd} b");
    assert_eq!(decode("\\人脸".as_bytes()), "\u{fffd}脸");
    assert_eq!(decode("\\\u{1f300}!".as_bytes()), "\u{fffd}!");
    assert_eq!(decode(b"\\\xffx"), "\u{fffd}x", "a byte that is not UTF-8 is one character");
    assert_eq!(decode(b"\\\xe4\xba"), "\u{fffd}", "a cut character at the end");
    assert_eq!(decode("人脸".as_bytes()), "人脸");
    assert_eq!(decode(b"\xff\xc0a\xe4\xba"), "\u{fffd}\u{fffd}a\u{fffd}");
    assert_eq!(decode(b""), "");

    // snprintf's rule: at most capacity - 1 bytes, a NUL, no character cut, the full length back.
    let text = br"ab\u4eba";
    assert_eq!(json_unescape(text, &mut []), 5);
    for capacity in 0..8 {
        let mut buf = vec![0xaau8; capacity];
        assert_eq!(json_unescape(text, &mut buf), 5, "capacity {capacity}");
        let written = match capacity {
            0 => continue,
            1 => "",
            2 => "a",
            3..=5 => "ab",
            _ => "ab人",
        };
        assert_eq!(&buf[..written.len()], written.as_bytes(), "capacity {capacity}");
        assert_eq!(buf[written.len()], 0, "capacity {capacity}: the NUL");
    }
}

/// A small deterministic generator for the round trip.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as u32
    }

    /// A JSON string's contents: printable ASCII, escapes, Chinese.
    fn text(&mut self) -> String {
        let pieces = [
            "a",
            "Z",
            "0",
            " ",
            "\\\"",
            "\\\\",
            "\\n",
            "\\u00e9",
            "\\ud83d\\ude00",
            "人脸",
            "/",
            "{",
            "}",
            "Error",
            ":",
        ];
        (0..self.next() % 12).map(|_| pieces[self.next() as usize % pieces.len()]).collect()
    }
}

#[test]
fn any_known_code_round_trips_through_a_reply() {
    let mut rng = Lcg(0x5eed);
    let mut checked = 0;
    // Every 13th code under Miri.
    for code in Code::all().step_by(common::miri_step(13)) {
        let v = code.vendor();
        let (message, request_id) = (rng.text(), rng.text());
        let body = match v {
            Vendor::TencentIai | Vendor::TencentFaceid => format!(
                r#"{{"Response":{{"RequestId":"{request_id}","Error":{{"Message":"{message}","Code":"{}"}}}}}}"#,
                code.vendor_code()
            ),
            Vendor::HuaweiFrs => format!(
                r#"{{"request_id":"{request_id}","error_msg":"{message}","error_code":"{}"}}"#,
                code.vendor_code()
            ),
            Vendor::Sophon => format!(
                r#"{{"error":{{"message":"{message}","code":"{}"}},"request_id":"{request_id}"}}"#,
                code.vendor_code()
            ),
            _ => continue,
        };
        // A status-specific code (APIG.0201 with 413) comes back with its status.
        let status = code
            .http_statuses()
            .first()
            .copied()
            .filter(|_| Code::from_vendor(v, code.vendor_code()) != Some(code))
            .unwrap_or(0);
        let reply = parse_reply(v, body.as_bytes(), status).unwrap_or_else(|e| panic!("{body}: {e}"));
        assert_eq!(reply.code, code, "{body}");
        assert!(reply.known);
        assert_eq!(reply.vendor_code, Some(code.vendor_code().as_bytes()));
        assert_eq!(reply.message, Some(message.as_bytes()));
        let want_request_id = if v == Vendor::Sophon { None } else { Some(request_id.as_bytes()) };
        assert_eq!(reply.request_id, want_request_id, "{body}");
        checked += 1;
    }
    assert!(checked > if cfg!(miri) { 25 } else { 350 }, "{checked} codes");
}

/// Baidu's code and request id come as JSON numbers: their text is returned. A message is a
/// string or nothing, and a number is a code only for a vendor whose codes are numbers.
#[test]
fn numbers_are_codes_and_request_ids_not_messages() {
    let body = br#"{"error_code":222202,"error_msg":7378271,"log_id":-12.5e3}"#;
    let reply = parse_reply(Vendor::BaiduFace, body, 200).unwrap();
    assert_eq!((reply.code.value(), reply.known), (10_222_202, true));
    assert_eq!(reply.vendor_code, Some(&b"222202"[..]));
    assert_eq!(reply.message, None, "a number is no message");
    assert_eq!(reply.request_id, Some(&b"-12.5e3"[..]), "the number as written");
    // A number that is no Baidu code: unknown, no dotted prefix (2.5 is not code 2).
    let reply = parse_reply(Vendor::BaiduFace, br#"{"error_code":2.5}"#, 400).unwrap();
    assert_eq!((reply.code, reply.known), (herr::Code::new(herr::HERR_UNKNOWN).unwrap(), false));
    assert_eq!(reply.vendor_code, Some(&b"2.5"[..]));
    // Huawei's codes are strings.
    assert_eq!(parse_reply(Vendor::HuaweiFrs, br#"{"error_code":501}"#, 400), Err(ReplyError::NoCode));
    // Any vendor's request id may be a number.
    let reply = parse_reply(Vendor::HuaweiFrs, br#"{"error_code":"FRS.0501","request_id":42}"#, 400).unwrap();
    assert_eq!(reply.request_id, Some(&b"42"[..]));
}

/// Inside a string, every sequence of up to four bytes from the edges of UTF-8's classes
/// (ASCII, continuation bytes, each lead's limits, bytes UTF-8 never uses), alone and after
/// Chinese: herr accepts exactly what Rust's UTF-8 check accepts and JSON allows in a string
/// (no control byte, `"` or `\` there), the fast path for runs of characters included.
#[test]
fn strings_hold_exactly_valid_utf8() {
    const EDGES: [u8; 22] = [
        0x00, 0x1f, 0x20, b'"', b'\\', b'A', 0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed,
        0xee, 0xef, 0xf0, 0xf4,
    ];
    let others = [0xc1u8, 0xf1, 0xf5, 0xff];
    let all: Vec<u8> = EDGES.iter().chain(&others).copied().collect();
    let mut sequences: Vec<Vec<u8>> = Vec::new();
    for a in &all {
        sequences.push(vec![*a]);
        for b in &all {
            sequences.push(vec![*a, *b]);
            for c in &all {
                sequences.push(vec![*a, *b, *c]);
            }
        }
    }
    for (n, bytes) in sequences.iter().enumerate().step_by(common::miri_step(97)) {
        for prefix in ["", "人脸", "é"] {
            let mut text = prefix.as_bytes().to_vec();
            text.extend_from_slice(bytes);
            let valid =
                std::str::from_utf8(&text).is_ok() && !text.iter().any(|b| *b < 0x20 || *b == b'"' || *b == b'\\');
            let body = [&br#"{"error_code":"FRS.0501","error_msg":""#[..], &text, br#""}"#].concat();
            let got = parse_reply(Vendor::HuaweiFrs, &body, 400);
            // A `"` or `\` inside may still make JSON (it ends the string, or escapes): only
            // the sequences without them are judged here.
            if bytes.contains(&b'"') || bytes.contains(&b'\\') {
                continue;
            }
            assert_eq!(got.is_ok(), valid, "#{n} {text:x?}: {got:?}");
        }
    }
    // Runs of the characters the fast path takes, cut at every length, and broken at the end.
    let chinese = "图片中没有人脸，ü".repeat(5);
    for cut in 0..=chinese.len() {
        let text = &chinese.as_bytes()[..cut];
        let body = [&br#"{"error_code":"FRS.0501","error_msg":""#[..], text, br#""}"#].concat();
        let valid = std::str::from_utf8(text).is_ok();
        assert_eq!(parse_reply(Vendor::HuaweiFrs, &body, 400).is_ok(), valid, "cut at {cut}");
    }
}
