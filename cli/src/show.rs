//! How the command prints codes: aligned text for a terminal, or JSON.

use std::fmt::Write;

use herr::{Code, Lang, Reply, Vendor};

use crate::lookup::{How, Match, Reading, Unknown};

/// The labels of the text output, per language.
struct Labels {
    reading: &'static str,
    names: &'static str,
    message: &'static str,
    kind: &'static str,
    nearest: &'static str,
    http: &'static str,
    retryable: &'static str,
    vendor: &'static str,
    module: &'static str,
    yes: &'static str,
    no: &'static str,
}

const EN: Labels = Labels {
    reading: "read as",
    names: "names",
    message: "message",
    kind: "kind",
    nearest: "nearest",
    http: "HTTP status",
    retryable: "retryable",
    vendor: "vendor",
    module: "module",
    yes: "yes",
    no: "no",
};

const ZH: Labels = Labels {
    reading: "解读",
    names: "名称",
    message: "说明",
    kind: "类别",
    nearest: "最接近的码",
    http: "HTTP 状态",
    retryable: "可重试",
    vendor: "厂商",
    module: "模块",
    yes: "是",
    no: "否",
};

fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Zh => &ZH,
        _ => &EN,
    }
}

/// The columns a string takes in a terminal: two for East Asian wide characters.
pub fn width(s: &str) -> usize {
    s.chars().map(|c| if matches!(c, '\u{1100}'..='\u{115f}' | '\u{2e80}'..='\u{a4cf}' | '\u{ac00}'..='\u{d7a3}' | '\u{f900}'..='\u{faff}' | '\u{fe30}'..='\u{fe4f}' | '\u{ff00}'..='\u{ff60}' | '\u{ffe0}'..='\u{ffe6}') { 2 } else { 1 }).sum()
}

/// `s` padded with spaces to `columns` columns.
fn pad(s: &str, columns: usize) -> String {
    format!("{s}{}", " ".repeat(columns.saturating_sub(width(s))))
}

/// How a reading of `query` as `code` describes itself: "InspireFace >= 1.2.3 number 252,
/// which is 1361 in <= 1.2.2, herr's own numbering".
pub fn describe(reading: &Reading, query: &str, code: Code, status: Option<u16>, lang: Lang) -> String {
    let inspireface = matches!(reading.vendor, Vendor::Inspireface | Vendor::InspirefaceV2);
    let release = match reading.vendor {
        Vendor::Inspireface => "InspireFace <= 1.2.2".to_string(),
        Vendor::InspirefaceV2 => "InspireFace >= 1.2.3".to_string(),
        v => v.name().to_string(),
    };
    // A 1.2.3 number of a code that releases up to 1.2.2 number otherwise: say which number.
    let renumbered = reading.vendor == Vendor::InspirefaceV2
        && reading.how == How::VendorNumber
        && code.vendor() == Vendor::Inspireface
        && query != code.value().to_string();
    let mut text = match (reading.how, lang) {
        (How::HerrCode, Lang::Zh) if reading.vendor == Vendor::Inspireface => format!("{release} 的编号 {query}"),
        (How::HerrCode, Lang::Zh) => format!("herr 码 {query}（{release}）"),
        (How::VendorNumber, Lang::Zh) => format!("{release} 的编号 {query}"),
        (How::Spelling, Lang::Zh) if inspireface => format!("{release} 的名称 {query}"),
        (How::Spelling, Lang::Zh) => format!("{release} 的写法 {query}"),
        (How::HerrCode, _) if reading.vendor == Vendor::Inspireface => format!("{release} number {query}"),
        (How::HerrCode, _) => format!("herr code {query} ({release})"),
        (How::VendorNumber, _) => format!("{release} number {query}"),
        (How::Spelling, _) if inspireface => format!("{release} name {query}"),
        (How::Spelling, _) => format!("{release} spelling {query}"),
    };
    if renumbered {
        let _ = match lang {
            Lang::Zh => write!(text, "，即 <= 1.2.2（herr 自身的编号）中的 {}", code.value()),
            _ => write!(text, ", which is {} in <= 1.2.2, herr's own numbering", code.value()),
        };
    }
    if let Some(status) = status {
        let _ = match lang {
            Lang::Zh => write!(text, "，HTTP 状态 {status}"),
            _ => write!(text, ", with HTTP status {status}"),
        };
    }
    text
}

/// A code in full, as aligned `label  value` lines under a heading line: `meaning`'s names and
/// message (a number of InspireFace 1.2.3+ as read: see [`Match::meaning`]), `code`'s other
/// facts.
pub fn code_text(code: Code, meaning: Code, readings: &[String], lang: Lang, bold: bool) -> String {
    let l = labels(lang);
    let mut rows: Vec<(&str, String)> = Vec::new();
    for r in readings {
        rows.push((l.reading, r.clone()));
    }
    let names: Vec<&str> = meaning.aliases().collect();
    if !names.is_empty() {
        rows.push((l.names, names.join(", ")));
    }
    rows.push((l.message, meaning.message_in(lang).to_string()));
    rows.push((l.kind, code.kind().name().to_string()));
    let nearest = code.to_inspireface();
    rows.push((l.nearest, format!("{} {}", nearest.value(), nearest.name().unwrap_or("?"))));
    let http: Vec<String> = code.http_statuses().iter().map(u16::to_string).collect();
    rows.push((l.http, if http.is_empty() { "-".to_string() } else { http.join(", ") }));
    rows.push((l.retryable, (if code.is_retryable() { l.yes } else { l.no }).to_string()));
    rows.push((l.vendor, format!("{}: {}", code.vendor().name(), code.vendor().title().replace('`', ""))));
    block(&format!("{}  {}", code.value(), code.vendor_code()), &rows, bold)
}

/// A heading line, then aligned `label  value` lines.
fn block(heading: &str, rows: &[(&str, String)], bold: bool) -> String {
    let columns = rows.iter().map(|(label, _)| width(label)).max().unwrap_or(0);
    let mut out = if bold { format!("\x1b[1m{heading}\x1b[0m\n") } else { format!("{heading}\n") };
    for (label, value) in rows {
        let _ = writeln!(out, "  {}  {value}", pad(label, columns));
    }
    out
}

/// An InspireFace number herr does not know, as text: which numbering and module it belongs to,
/// and which release herr's tables match.
pub fn unknown_text(unknown: &Unknown, query: &str, lang: Lang, bold: bool) -> String {
    let l = labels(lang);
    let m = unknown.module;
    let (heading, module, meaning) = match lang {
        Lang::Zh => (
            format!("{}  （herr 不认识）", unknown.number),
            format!("{}（{} 至 {}）", m.base(), m.first(), m.last()),
            format!(
                "InspireFace 的编号，属于 {} 的范围，但 herr 的表中没有：它们对应 InspireFace {}，更新的版本可能定义了它",
                m.base(),
                herr::inspireface_release()
            ),
        ),
        _ => (
            format!("{}  (not known to herr)", unknown.number),
            format!("{} ({}-{})", m.base(), m.first(), m.last()),
            format!(
                "an InspireFace number of {}'s range that herr's tables lack: they match InspireFace {}, and a later release may define it",
                m.base(),
                herr::inspireface_release()
            ),
        ),
    };
    // 3-24 and 100-1279 are numbers of 1.2.3 and later only; the rest of a range of theirs
    // (25-99) lies where releases up to 1.2.2 number their codes too.
    let v2 = Vendor::of_code(unknown.number) == Vendor::InspirefaceV2;
    let reading = match (lang, v2) {
        (Lang::Zh, true) => format!("InspireFace >= 1.2.3 的编号 {query}"),
        (Lang::Zh, false) => format!("InspireFace 的编号 {query}（<= 1.2.2 或 >= 1.2.3）"),
        (_, true) => format!("InspireFace >= 1.2.3 number {query}"),
        (_, false) => format!("InspireFace number {query} (<= 1.2.2 or >= 1.2.3)"),
    };
    let rows = [(l.reading, reading), (l.module, module), (l.message, meaning), (l.kind, "UNKNOWN".to_string())];
    block(&heading, &rows, bold)
}

/// An InspireFace number herr does not know, as JSON: `code`, `hex`, `vendor`, `known` (false),
/// `module` (`{base, first, last}`) and `inspireface_release`.
pub fn unknown_json(unknown: &Unknown) -> String {
    let m = unknown.module;
    format!(
        "{{\"code\":{},\"hex\":\"{:#x}\",\"vendor\":{},\"known\":false,\"module\":{{\"base\":{},\"first\":{},\"last\":{}}},\"inspireface_release\":{}}}",
        unknown.number,
        unknown.number,
        json_string(Vendor::of_code(unknown.number).name()),
        json_string(m.base()),
        m.first(),
        m.last(),
        json_string(herr::inspireface_release())
    )
}

/// Codes as `--list` and `--search` print them: a JSON array of [`code_json`] objects, or
/// [`code_lines`].
pub fn code_list(codes: &[Code], json: bool, lang: Lang) -> String {
    if json {
        let objects: Vec<String> = codes.iter().map(|c| code_json(*c, *c, None)).collect();
        format!("[{}]", objects.join(","))
    } else {
        code_lines(codes, lang)
    }
}

/// Codes one a line: code, spelling, kind, message; columns aligned over the list.
fn code_lines(codes: &[Code], lang: Lang) -> String {
    let spelling = codes.iter().map(|c| width(c.vendor_code())).max().unwrap_or(0);
    let kind = codes.iter().map(|c| c.kind().name().len()).max().unwrap_or(0);
    let mut out = String::new();
    for c in codes {
        let _ = writeln!(
            out,
            "{:>7}  {}  {}  {}",
            c.value(),
            pad(c.vendor_code(), spelling),
            pad(c.kind().name(), kind),
            c.message_in(lang)
        );
    }
    out
}

/// `s` as a JSON string.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A code as a JSON object (the fields README's "Look a code up" documents); `readings` as
/// `[{"vendor":..., "as":..., "text":...}]` when given.
pub fn code_json(code: Code, meaning: Code, readings: Option<(&[Reading], &str)>) -> String {
    let names: Vec<String> = meaning.aliases().map(json_string).collect();
    let statuses: Vec<String> = code.http_statuses().iter().map(u16::to_string).collect();
    let nearest = code.to_inspireface();
    let mut out = format!(
        "{{\"code\":{},\"hex\":\"{:#x}\",\"known\":true,\"vendor\":{},\"vendor_code\":{},\"names\":[{}],\"message\":{},\"message_zh\":{},\"kind\":{},\"nearest\":{{\"code\":{},\"name\":{}}},\"http_status\":{},\"http_statuses\":[{}],\"retryable\":{}",
        code.value(),
        code.value(),
        json_string(code.vendor().name()),
        json_string(code.vendor_code()),
        names.join(","),
        json_string(meaning.message_in(Lang::En)),
        json_string(meaning.message_in(Lang::Zh)),
        json_string(code.kind().name()),
        nearest.value(),
        json_string(nearest.name().unwrap_or("")),
        code.http_status().map_or("null".to_string(), |s| s.to_string()),
        statuses.join(","),
        code.is_retryable()
    );
    if let Some((readings, query)) = readings {
        let list: Vec<String> = readings
            .iter()
            .map(|r| {
                let how = match r.how {
                    How::HerrCode => "herr_code",
                    How::VendorNumber => "vendor_number",
                    How::Spelling => "spelling",
                };
                format!(
                    "{{\"vendor\":{},\"as\":\"{how}\",\"text\":{}}}",
                    json_string(r.vendor.name()),
                    json_string(query)
                )
            })
            .collect();
        let _ = write!(out, ",\"readings\":[{}]", list.join(","));
    }
    out.push('}');
    out
}

/// A match, as JSON.
pub fn match_json(m: &Match, query: &str) -> String {
    code_json(m.code, m.meaning(), Some((&m.readings, query)))
}

/// Several JSON values: the value alone when there is one, else an array.
pub fn one_or_array(values: &[String]) -> String {
    match values {
        [one] => one.clone(),
        many => format!("[{}]", many.join(",")),
    }
}

/// A JSON string's raw contents (from a reply), decoded.
pub fn unescaped(raw: &[u8]) -> String {
    let n = herr::json_unescape(raw, &mut []);
    let mut buf = vec![0u8; n.saturating_add(1)];
    let n = herr::json_unescape(raw, &mut buf);
    String::from_utf8_lossy(buf.get(..n).unwrap_or_default()).into_owned()
}

/// A reply, understood: its parts, then its code.
pub fn reply_text(reply: &Reply<'_>, lang: Lang, bold: bool) -> String {
    let (label_reply, label_code, label_message, label_request) = match lang {
        Lang::Zh => ("应答", "厂商的码", "厂商的说明", "请求 ID"),
        _ => ("reply", "vendor code", "vendor message", "request id"),
    };
    let understood = match (reply.known, lang) {
        (true, Lang::Zh) => "已识别",
        (false, Lang::Zh) => "已解析，但 herr 的表中没有这个码：下面是最接近的码",
        (true, _) => "understood",
        (false, _) => "understood, but herr's tables lack its code: the nearest known code follows",
    };
    let rows = [
        (label_reply, understood.to_string()),
        (label_code, reply.vendor_code.map_or("-".to_string(), unescaped)),
        (label_message, reply.message.map_or("-".to_string(), unescaped)),
        (label_request, reply.request_id.map_or("-".to_string(), unescaped)),
    ];
    let columns = rows.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
    let mut out = String::new();
    for (label, value) in rows {
        let _ = writeln!(out, "{}  {value}", pad(label, columns));
    }
    out.push('\n');
    out.push_str(&code_text(reply.code, reply.code, &[], lang, bold));
    out
}

/// A reply, as JSON.
pub fn reply_json(reply: &Reply<'_>) -> String {
    let text = |raw: Option<&[u8]>| raw.map_or("null".to_string(), |r| json_string(&unescaped(r)));
    format!(
        "{{\"status\":\"{}\",\"vendor_code\":{},\"message\":{},\"request_id\":{},\"code\":{}}}",
        if reply.known { "OK" } else { "UNKNOWN_CODE" },
        text(reply.vendor_code),
        text(reply.message),
        text(reply.request_id),
        code_json(reply.code, reply.code, None)
    )
}
