//! Round trip: a reply body built from a known code and fuzzer-chosen message, request id,
//! member order, extra members and whitespace parses back to that code and those texts.
//!
//! The input drives the choices: which code, the two texts (any bytes, written into the body
//! as JSON escapes where JSON needs them), the order of members, the filler between tokens.
#![no_main]

use std::sync::OnceLock;

use herr::{Code, Vendor, json_unescape, parse_reply};
use libfuzzer_sys::fuzz_target;

/// Reads choices from the fuzzer's bytes (zeros when they run out).
struct Choices<'a>(&'a [u8]);

impl Choices<'_> {
    fn byte(&mut self) -> u8 {
        let (b, rest) = self.0.split_first().map_or((0, &[][..]), |(b, r)| (*b, r));
        self.0 = rest;
        b
    }

    fn bytes(&mut self) -> Vec<u8> {
        let n = usize::from(self.byte() % 48);
        (0..n).map(|_| self.byte()).collect()
    }

    /// Whitespace between tokens.
    fn space(&mut self) -> &'static str {
        ["", "", " ", "\n  ", "\t", "\r\n"][usize::from(self.byte() % 6)]
    }
}

/// `text` as the contents of a JSON string: UTF-8 kept (invalid bytes replaced), quotes,
/// backslashes and control characters escaped, and other characters too when the fuzzer says
/// so (`\uXXXX`, a surrogate pair beyond the BMP).
fn escape(text: &str, c: &mut Choices<'_>) -> String {
    let mut out = String::new();
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ch if (ch as u32) < 0x20 || c.byte().is_multiple_of(4) => {
                let mut units = [0u16; 2];
                for unit in ch.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04X}"));
                }
            }
            ch => out.push(ch),
        }
    }
    out
}

/// Where a vendor's reply puts its members, from its documentation.
struct Members {
    code: &'static str,
    message: &'static str,
    /// The object holding code and message, when not the top one.
    error: Option<&'static str>,
    request_id: Option<&'static str>,
    /// Under `{"Response": ...}` (Tencent).
    nested: bool,
}

/// A `match` without a catch-all: a new vendor does not compile until its reply is stated here.
fn members(vendor: Vendor) -> Option<Members> {
    let top = |code, message, request_id| Members { code, message, error: None, request_id, nested: false };
    match vendor {
        Vendor::Sophon | Vendor::AzureFace => {
            Some(Members { code: "code", message: "message", error: Some("error"), request_id: None, nested: false })
        }
        Vendor::TencentIai | Vendor::TencentFaceid => Some(Members {
            code: "Code",
            message: "Message",
            error: Some("Error"),
            request_id: Some("RequestId"),
            nested: true,
        }),
        Vendor::HuaweiFrs => Some(top("error_code", "error_msg", Some("request_id"))),
        Vendor::AwsRekognition => Some(top("__type", "Message", None)),
        Vendor::BaiduFace => Some(top("error_code", "error_msg", Some("log_id"))),
        Vendor::AliyunFacebody => Some(top("Code", "Message", Some("RequestId"))),
        Vendor::Inspireface | Vendor::InspirefaceV2 | Vendor::TencentFaceidSaas | Vendor::Arcsoft => None,
        Vendor::Unknown => None,
    }
}

fn decode(raw: &[u8]) -> Vec<u8> {
    let mut buf = vec![0u8; json_unescape(raw, &mut []) + 1];
    let n = json_unescape(raw, &mut buf);
    buf.truncate(n);
    buf
}

fuzz_target!(|data: &[u8]| {
    let mut c = Choices(data);
    static CODES: OnceLock<Vec<Code>> = OnceLock::new();
    let codes = CODES.get_or_init(|| Code::all().filter(|code| members(code.vendor()).is_some()).collect());
    let pick = (usize::from(c.byte()) << 8 | usize::from(c.byte())) % codes.len();
    let code = codes[pick];
    let vendor = code.vendor();
    let (message_text, id_text) = (c.bytes(), c.bytes());
    let (message_text, id_text) = (String::from_utf8_lossy(&message_text), String::from_utf8_lossy(&id_text));
    let (message, request_id) = (escape(&message_text, &mut c), escape(&id_text, &mut c));
    // Members in a fuzzer-chosen order, with extra ones holding nested values.
    let extra = r#"{"Error":{"Code":"InternalError"},"list":[1,2.5e3,true,null,"x"]}"#;
    let (s1, s2, s3) = (c.space(), c.space(), c.space());
    let member = |name: &str, value: &str| format!("{s1}\"{name}\"{s2}:{s3}{value}");
    let Members { code: code_name, message: message_name, error, request_id: outer_id, nested } =
        members(vendor).expect("a vendor with replies");
    // Baidu sends its numbers as JSON numbers (its SDKs' SDKnnn as strings).
    let digits = code.vendor_code().bytes().all(|b| b.is_ascii_digit());
    let code_value = if vendor == Vendor::BaiduFace && digits {
        code.vendor_code().to_string()
    } else {
        format!("\"{}\"", code.vendor_code())
    };
    let code_member = member(code_name, &code_value);
    let message_member = member(message_name, &format!("\"{message}\""));
    let mut inner = vec![code_member, message_member];
    if c.byte() % 2 == 0 {
        inner.reverse();
    }
    let mut outer: Vec<String> = match error {
        Some(name) => vec![member(name, &format!("{{{}}}", inner.join(",")))],
        None => inner,
    };
    if let Some(name) = outer_id {
        outer.push(member(name, &format!("\"{request_id}\"")));
    }
    outer.push(member("extra", extra));
    let turn = usize::from(c.byte()) % outer.len();
    outer.rotate_left(turn);
    let mut body = format!("{{{}}}", outer.join(","));
    if nested {
        body = format!("{{{}}}", member("Response", &body));
    }
    // The status that picks this code's meaning, if its spelling has several.
    let status = match code.http_statuses().first() {
        Some(&s) if Code::from_vendor(vendor, code.vendor_code()) != Some(code) => s,
        _ => 200,
    };
    let reply = parse_reply(vendor, body.as_bytes(), status).unwrap_or_else(|e| panic!("{e:?}: {body}"));
    assert_eq!(reply.code, code, "{body}");
    assert!(reply.known);
    assert_eq!(reply.vendor_code, Some(code.vendor_code().as_bytes()));
    assert_eq!(reply.message, Some(message.as_bytes()), "{body}");
    assert_eq!(decode(reply.message.unwrap()), message_text.as_bytes(), "{body}");
    if outer_id.is_some() {
        assert_eq!(reply.request_id, Some(request_id.as_bytes()));
        assert_eq!(decode(reply.request_id.unwrap()), id_text.as_bytes());
    }
});
