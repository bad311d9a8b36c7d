//! Reading a vendor's HTTP reply in Rust: `cargo run --example reply`.
//!
//! `parse_reply` takes the body as bytes and gives back the herr code, the vendor's code, its
//! message and the request id, borrowed from the body.

use herr::{Kind, Vendor, json_unescape, parse_reply};

fn main() {
    let replies: [(Vendor, u16, &str); 4] = [
        (
            Vendor::TencentIai,
            200,
            r#"{"Response":{"Error":{"Code":"InvalidParameterValue.NoFaceInPhoto","Message":"\u4eba\u8138"},"RequestId":"4a7d"}}"#,
        ),
        (Vendor::HuaweiFrs, 504, r#"{"error_code":"APIG.0201","error_msg":"Backend timeout","request_id":"r9"}"#),
        (Vendor::Sophon, 200, r#"{"error":{"code":"SOMETHING_NEW","message":"a code this herr does not know"}}"#),
        (Vendor::HuaweiFrs, 502, "<html>502 Bad Gateway</html>"),
    ];
    for (vendor, status, body) in replies {
        match parse_reply(vendor, body.as_bytes(), status) {
            Ok(reply) => {
                let mut message = [0u8; 128];
                let n = reply.message.map_or(0, |m| json_unescape(m, &mut message).min(message.len() - 1));
                println!(
                    "{vendor} (HTTP {status}): {} {:?} -> herr {} {}{}, kind {}",
                    reply.vendor_code.map_or("success".into(), String::from_utf8_lossy),
                    String::from_utf8_lossy(&message[..n]),
                    reply.code.value(),
                    reply.code.message(),
                    if reply.known { "" } else { " (nearest known)" },
                    reply.code.kind(),
                );
                if reply.code.kind() == Kind::Timeout {
                    println!("  the gateway timed out: retry");
                }
            }
            Err(e) => println!("{vendor} (HTTP {status}): not understood: {e}"),
        }
    }
}
