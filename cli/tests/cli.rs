//! The `herr` command, run as a user runs it: every example of the README and of `--help`,
//! JSON output, the reply reader, and bad input (empty, 1 MB, not UTF-8, unknown flags).

use std::io::Write;
use std::process::{Command, Output, Stdio};

use herr::{Code, Lang, Vendor};
use serde_json::Value;

/// Runs `herr` with `args` in an English environment (tests set the language themselves).
fn herr<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    command(args).output().unwrap()
}

fn command<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_herr"));
    cmd.args(args).env_remove("LC_ALL").env_remove("LC_MESSAGES").env("LANG", "C").env_remove("NO_COLOR");
    cmd
}

/// The standard output of a run that must succeed.
fn ok<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> String {
    let out = herr(args);
    assert!(out.status.success(), "herr failed: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// A run that must fail with `code`; returns its stderr.
fn fails<S: AsRef<std::ffi::OsStr>>(args: &[S], code: i32) -> String {
    let out = herr(args);
    assert_eq!(out.status.code(), Some(code), "stdout: {}", String::from_utf8_lossy(&out.stdout));
    assert!(out.stdout.is_empty(), "a failing run printed {}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8(out.stderr).unwrap()
}

fn json<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Value {
    serde_json::from_str(&ok(args)).unwrap()
}

#[test]
fn a_code_by_number_hex_or_name_gives_everything_about_it() {
    let by_number = ok(&["1304"]);
    for line in [
        "1304  HERR_SESS_REC_BLOCK_FULL",
        "read as      InspireFace <= 1.2.2 number 1304",
        "names        HERR_SESS_REC_BLOCK_FULL",
        "message      Feature vector block full",
        "kind         LIMIT_EXCEEDED",
        "nearest      1304 HERR_SESS_REC_BLOCK_FULL",
        "HTTP status  -",
        "retryable    no",
        "vendor       inspireface: ",
    ] {
        assert!(by_number.contains(line), "{line:?} missing from:\n{by_number}");
    }
    // The same code, read another way: everything but the reading line is the same.
    let rest = |s: &str| s.lines().filter(|l| !l.contains("read as")).collect::<Vec<_>>().join("\n");
    assert_eq!(rest(&ok(&["0x518"])), rest(&by_number));
    assert_eq!(rest(&ok(&["HERR_SESS_REC_BLOCK_FULL"])), rest(&by_number));
    assert!(ok(&["0x518"]).contains("number 0x518"));
    // 1300 has two names.
    assert!(ok(&["1300"]).contains("names        HERR_SESS_LANDMARK_NUM_NOT_MATCH, HERR_SESS_REC_INVALID_INDEX"));
    // Whitespace around a query is not part of it.
    assert_eq!(rest(&ok(&[" 1304 "])), rest(&by_number));
}

#[test]
fn numbers_show_each_release_reading() {
    // 252 is the model load failure in InspireFace >= 1.2.3, which is 1361 in <= 1.2.2.
    let out = ok(&["252"]);
    assert!(out.starts_with("1361  HERR_ARCHIVE_LOAD_MODEL_FAILURE\n"), "{out}");
    assert!(
        out.contains("read as      InspireFace >= 1.2.3 number 252, which is 1361 in <= 1.2.2, herr's own numbering"),
        "{out}"
    );
    let out = ok(&["1361"]);
    assert!(out.contains("read as      InspireFace <= 1.2.2 number 1361"), "{out}");
    assert!(!out.contains(">= 1.2.3"), "1361 is no 1.2.3 number: {out}");
    // A number with readings in both numberings shows both: 0 is success everywhere.
    let out = ok(&["0"]);
    assert!(out.contains("<= 1.2.2 number 0") && out.contains(">= 1.2.3 number 0"), "{out}");
    // 1.2.3's own codes have herr codes of their own.
    let v2 = Code::all().find(|c| c.vendor() == Vendor::InspirefaceV2).unwrap();
    let number = i64::from(v2.value()) - Vendor::InspirefaceV2.base();
    let out = ok(&[number.to_string()]);
    assert!(out.contains(&format!("{}  {}", v2.value(), v2.vendor_code())), "{out}");
    // herr's functions read 252 as it comes too, but the command shows it once: as 1.2.3's
    // number of 1361, not also as a code of its own.
    let out = ok(&["252"]);
    let headings: Vec<&str> = out.lines().filter(|l| !l.is_empty() && !l.starts_with(' ')).collect();
    assert_eq!(headings, ["1361  HERR_ARCHIVE_LOAD_MODEL_FAILURE"], "{out}");
    assert_eq!(out.matches("read as").count(), 1, "{out}");
}

/// A bare number is read as InspireFace's first, in either numbering, the other vendors' readings
/// after it; a number of one of InspireFace's modules that herr's tables lack is said so, with its
/// module and the release the tables match.
#[test]
fn inspireface_readings_come_first_and_unknown_numbers_are_named_by_module() {
    let headings = |out: &str| -> Vec<String> {
        out.lines().filter(|l| !l.is_empty() && !l.starts_with(' ')).map(String::from).collect()
    };
    // 14 is InspireFace 1.2.4's HERR_UNSUPPORTED, and also FaceID SaaS's, ArcSoft's and Baidu's 14.
    let out = ok(&["14"]);
    let first = headings(&out);
    assert_eq!(first.first().map(String::as_str), Some("6000014  HERR_UNSUPPORTED"), "{out}");
    assert!(first.len() > 1, "the other vendors' readings follow: {out}");
    assert!(out.contains("read as      InspireFace >= 1.2.3 number 14\n"), "{out}");
    // 401: InspireFace's capture configuration first, Azure's "401" after it.
    let out = ok(&["401"]);
    let first = headings(&out);
    assert_eq!(first.first().map(String::as_str), Some("6000401  HERR_CAPTURE_INVALID_CONFIG"), "{out}");
    assert!(first.iter().any(|h| h.starts_with("9") && h.ends_with("  401")), "Azure's 401 follows: {out}");
    // By name: the name of the release that brought it.
    let out = ok(&["HERR_UNSUPPORTED"]);
    assert!(out.starts_with("6000014  HERR_UNSUPPORTED\n") && out.contains("name HERR_UNSUPPORTED"), "{out}");
    assert!(ok(&["herr_capture_invalid_handle"]).starts_with("6000404  HERR_CAPTURE_INVALID_HANDLE\n"));
    // 105 has one name and one meaning in 1.2.3+; 1300 has two of each.
    let out = ok(&["105"]);
    assert!(out.contains("names        HERR_SESS_LANDMARK_NUM_NOT_MATCH\n"), "{out}");
    assert!(out.contains("message      The number of input landmark points does not match\n"), "{out}");
    let v = json(&["--json", "105"]);
    assert_eq!(v["names"], serde_json::json!(["HERR_SESS_LANDMARK_NUM_NOT_MATCH"]));
    assert_eq!(v["code"], 1300);
    // A FeatureHub number that no release herr knows uses: said so, on stdout, exit 1.
    let out = herr(&["206"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("206  (not known to herr)\n"), "{text}");
    assert!(text.contains("module   HERR_FT_HUB_BASE (200-249)"), "{text}");
    assert!(text.contains(&format!("they match InspireFace {}", herr::inspireface_release())), "{text}");
    let v: Value = serde_json::from_slice(&herr(&["--json", "206"]).stdout).unwrap();
    assert_eq!(v["known"], false);
    assert_eq!(v["vendor"], "inspireface-v2");
    assert_eq!(v["module"], serde_json::json!({"base": "HERR_FT_HUB_BASE", "first": 200, "last": 249}));
    assert_eq!(v["inspireface_release"], herr::inspireface_release());
    // A known code says so in JSON too.
    assert_eq!(json(&["--json", "1304"])["known"], true);
    // Chinese.
    let zh = herr(&["--lang", "zh", "405"]);
    assert!(String::from_utf8(zh.stdout).unwrap().contains("HERR_CAPTURE_BASE（400 至 449）"));
    // A number in no module of InspireFace's: not a code, as before.
    let err = fails(&["9999"], 1);
    assert!(err.contains("is not a code"), "{err}");
    // --version names the release.
    let version = ok(&["--version"]);
    assert!(version.contains(&format!("InspireFace codes up to release {}", herr::inspireface_release())), "{version}");
}

#[test]
fn vendor_spellings_and_numbers_are_searched_in_every_vendor() {
    for (query, code, vendor) in [
        ("InvalidParameterValue.NoFaceInPhoto", 2_000_062, "tencent-iai"),
        ("FRS.0019", 5_000_019, "huawei-frs"),
        ("IMAGE_DECODE_ERROR", 1_000_019, "sophon"),
        ("2013", 4_002_013, "tencent-faceid-saas"),
    ] {
        let out = ok(&[query]);
        assert!(out.contains(&format!("{code}  ")), "{query}: {out}");
        assert!(out.contains(&format!("{vendor} ")), "{query}: {out}");
    }
    // A spelling two vendors share gives both; --vendor narrows to one.
    let both = ok(&["FailedOperation"]);
    assert!(both.contains("tencent-iai spelling") && both.contains("tencent-faceid spelling"), "{both}");
    let one = ok(&["FailedOperation", "--vendor", "tencent-iai"]);
    assert!(one.contains("tencent-iai spelling") && !one.contains("tencent-faceid spelling"), "{one}");
    // Narrowed to a vendor that lacks it: nothing matches.
    let err = fails(&["FRS.0019", "--vendor", "sophon"], 1);
    assert!(err.contains("of sophon"), "{err}");
    // Several queries: every match.
    let out = ok(&["1304", "FRS.0019"]);
    assert!(out.contains("1304  ") && out.contains("5000019  "));
}

#[test]
fn chinese_by_flag_or_environment() {
    let zh = ok(&["--lang", "zh", "1304"]);
    assert!(zh.contains("说明        特征向量块已满"), "{zh}");
    assert!(zh.contains("可重试      否"), "{zh}");
    let from_env = String::from_utf8(command(&["1304"]).env("LANG", "zh_CN.UTF-8").output().unwrap().stdout).unwrap();
    assert_eq!(from_env, zh);
    // LC_ALL wins over LANG; --lang over both; zh_TW is not simplified Chinese.
    let en = String::from_utf8(
        command(&["1304"]).env("LANG", "zh_CN.UTF-8").env("LC_ALL", "en_US.UTF-8").output().unwrap().stdout,
    )
    .unwrap();
    assert!(en.contains("message      Feature vector block full"), "{en}");
    let flag =
        String::from_utf8(command(&["--lang", "en", "1304"]).env("LC_ALL", "zh_CN.UTF-8").output().unwrap().stdout)
            .unwrap();
    assert_eq!(flag, en);
    let tw = String::from_utf8(command(&["1304"]).env("LANG", "zh_TW.UTF-8").output().unwrap().stdout).unwrap();
    assert_eq!(tw, en);
    fails(&["--lang", "fr", "1304"], 2);
}

#[test]
fn json_has_the_documented_fields() {
    let one = json(&["--json", "1300"]);
    assert!(one.is_object(), "one match is one object");
    assert_eq!(one["code"], 1300);
    assert_eq!(one["hex"], "0x514");
    assert_eq!(one["vendor"], "inspireface");
    assert_eq!(one["vendor_code"], "HERR_SESS_LANDMARK_NUM_NOT_MATCH");
    assert_eq!(one["names"], serde_json::json!(["HERR_SESS_LANDMARK_NUM_NOT_MATCH", "HERR_SESS_REC_INVALID_INDEX"]));
    assert_eq!(one["message"], Code::new(1300).unwrap().message());
    assert_eq!(one["message_zh"], Code::new(1300).unwrap().message_in(Lang::Zh));
    assert_eq!(one["kind"], "INVALID_ARGUMENT");
    assert_eq!(one["nearest"], serde_json::json!({"code": 1300, "name": "HERR_SESS_LANDMARK_NUM_NOT_MATCH"}));
    assert_eq!(one["http_status"], Value::Null);
    assert_eq!(one["http_statuses"], serde_json::json!([]));
    assert_eq!(one["retryable"], false);
    assert_eq!(one["readings"], serde_json::json!([{"vendor": "inspireface", "as": "herr_code", "text": "1300"}]));

    let apig = json(&["--json", "5100201"]);
    assert_eq!(apig["http_status"], 413);
    assert_eq!(apig["http_statuses"].as_array().unwrap().len(), 7);
    // Several matches: an array.
    let many = json(&["--json", "FailedOperation"]);
    assert_eq!(many.as_array().unwrap().len(), 2);
    let many = json(&["--json", "1304", "252"]);
    assert_eq!(
        many[1]["readings"][0],
        serde_json::json!({"vendor": "inspireface-v2", "as": "vendor_number", "text": "252"})
    );
    // The same fields in --list and --search.
    let list = json(&["--json", "--list"]);
    assert_eq!(list.as_array().unwrap().len(), Code::all().count());
    assert!(list.as_array().unwrap().iter().all(|c| c["message_zh"].is_string() && c.get("readings").is_none()));
}

#[test]
fn list_prints_every_code_a_line() {
    let all = ok(&["--list"]);
    assert_eq!(all.lines().count(), Code::all().count());
    for (line, code) in all.lines().zip(Code::all()) {
        assert!(line.trim_start().starts_with(&format!("{}  {}", code.value(), code.vendor_code())), "{line}");
        assert!(line.ends_with(code.message()), "{line}");
    }
    let sophon = ok(&["--list", "--vendor", "sophon"]);
    assert_eq!(sophon.lines().count(), Code::all().filter(|c| c.vendor() == Vendor::Sophon).count());
    // Aligned: every message starts in the same column.
    let columns: std::collections::BTreeSet<usize> =
        sophon.lines().map(|l| l.find(|c: char| c.is_ascii_uppercase() && l.contains("  ")).unwrap()).collect();
    assert_eq!(columns.len(), 1, "{sophon}");
    let zh = ok(&["--list", "--vendor", "huawei-frs", "--lang", "zh"]);
    assert!(zh.lines().all(|l| l.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))), "{zh}");
}

#[test]
fn search_matches_names_spellings_and_both_languages() {
    let out = ok(&["--search", "no", "face"]);
    assert!(out.lines().count() >= 5, "{out}");
    // Whole words: "no" is not "not", "cannot" or "number" (a plural -s counts: "faces").
    let word = |text: &str, w: &str| {
        text.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|t| t == w || t == format!("{w}s") || t == format!("{w}es"))
    };
    for line in out.lines() {
        let code = Code::new(line.split_whitespace().next().unwrap().parse::<i64>().unwrap()).unwrap();
        // Spellings in camel case and names in capitals split into their words.
        let mut spelling = String::new();
        let mut previous = ' ';
        for c in code.vendor_code().chars() {
            if c.is_uppercase() && previous.is_lowercase() {
                spelling.push(' ');
            }
            spelling.push(if c == '_' { ' ' } else { c });
            previous = c;
        }
        let all = format!("{spelling} {} {}", code.message(), code.aliases().collect::<Vec<_>>().join(" "));
        assert!(word(&all, "no") && word(&all, "face"), "{line}");
    }
    assert!(out.contains("5000501") && out.contains("2000062") && out.contains("1000034"), "{out}");
    // Any case, over names, and over the Chinese messages.
    assert!(ok(&["--search", "block_full"]).contains("1304"));
    assert!(ok(&["--search", "BLOCK", "Full"]).contains("1304"));
    assert!(ok(&["--search", "特征向量块"]).contains("1304"));
    assert!(ok(&["--search", "frs", "0501"]).contains("5000501"));
    fails(&["--search", "frs", "05"], 1);
    let timed_out = ok(&["--search", "timed out", "--vendor", "huawei-frs"]);
    assert!(!timed_out.is_empty() && timed_out.lines().all(|l| l.trim_start().starts_with('5')), "{timed_out}");
    let err = fails(&["--search", "zzzz-no-such-word"], 1);
    assert!(err.contains("zzzz-no-such-word"), "{err}");
}

/// Runs `herr` with `body` on stdin.
fn with_stdin(args: &[&str], body: &[u8]) -> Output {
    let mut child = command(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(body).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn response_reads_a_reply_on_stdin() {
    let body = br#"{"Response":{"Error":{"Code":"InvalidParameterValue.NoFaceInPhoto","Message":"\u56fe\u7247 no face"},"RequestId":"req-42"}}"#;
    let out = with_stdin(&["--response", "tencent-iai"], body);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    for line in [
        "reply           understood",
        "vendor code     InvalidParameterValue.NoFaceInPhoto",
        "vendor message  图片 no face",
        "request id      req-42",
        "2000062  InvalidParameterValue.NoFaceInPhoto",
        "kind         NO_FACE",
    ] {
        assert!(text.contains(line), "{line:?} missing from:\n{text}");
    }
    // The status picks APIG.0201's meaning.
    let body = br#"{"error_code":"APIG.0201","error_msg":"Request entity too large"}"#;
    let out = with_stdin(&["--response", "huawei-frs", "--status", "413", "--json"], body);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["status"], "OK");
    assert_eq!(v["code"]["code"], 5_110_001);
    assert_eq!(v["vendor_code"], "APIG.0201");
    assert_eq!(v["request_id"], Value::Null);
    // JSON escapes what it must, and keeps UTF-8 as it is.
    let body = br#"{"error":{"code":"NO_FACE_ERROR","message":"say \"cheese\"\n\u4eba\u8138"}}"#;
    let out = with_stdin(&["--response", "sophon", "--json"], body);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["message"], "say \"cheese\"\n人脸");
    assert_eq!(v["code"]["code"], Code::from_vendor(Vendor::Sophon, "NO_FACE_ERROR").unwrap().value());
    // An unknown spelling: its prefix's code, said so.
    let body = br#"{"Response":{"Error":{"Code":"FailedOperation.SomethingNew","Message":"x"},"RequestId":"1"}}"#;
    let out = with_stdin(&["--response", "tencent-iai", "--json"], body);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["status"], "UNKNOWN_CODE");
    assert_eq!(v["code"]["vendor_code"], "FailedOperation");
    // Not understood: a message and exit 1.
    for (vendor, body) in [
        ("tencent-iai", &b"<html>502 Bad Gateway</html>"[..]),
        ("huawei-frs", &br#"{"error_code":"FRS.0501""#[..]),
        ("sophon", &b""[..]),
        ("tencent-faceid-saas", &br#"{"x":1}"#[..]),
    ] {
        let out = with_stdin(&["--response", vendor], body);
        assert_eq!(out.status.code(), Some(1), "{vendor}");
        assert!(out.stdout.is_empty());
        assert!(String::from_utf8_lossy(&out.stderr).contains("not understood"), "{vendor}");
    }
}

#[test]
fn bad_input_gets_a_clear_message_and_a_non_zero_exit() {
    let err = fails(&[""], 1);
    assert!(err.starts_with("herr: \"\" is not a code"), "{err}");
    for junk in ["-1", "7000000", "0x", "HERR_NOPE", "FRS.9999", "99999999999999999999999"] {
        let err = fails(&[junk], 1);
        assert!(err.contains("is not a code"), "{junk}: {err}");
    }
    // Huge arguments: refused, and each message quotes only the start. Linux takes no single
    // argument over 128 KiB (MAX_ARG_STRLEN), so: one argument of the largest size it takes,
    // then 1 MiB in sixteen arguments of 64 KiB.
    let big = "A".repeat(128 * 1024 - 1);
    let err = fails(&[big.as_str()], 1);
    assert!(err.len() < 200, "{} bytes of message", err.len());
    let chunk = "7".repeat(64 * 1024);
    let err = fails(&vec![chunk.as_str(); 16], 1);
    assert_eq!(err.lines().count(), 16, "one message per argument");
    assert!(err.len() < 16 * 200, "{} bytes of messages", err.len());
    // Bytes that are not UTF-8.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let junk = std::ffi::OsStr::from_bytes(b"FRS.\xff\xfe0019");
        let err = fails(&[junk], 1);
        assert!(err.contains("is not a code"), "{err}");
    }
    // Usage errors: exit 2, with usage lines that show every form the command takes.
    fails::<&str>(&[], 2);
    fails(&["--no-such-flag"], 2);
    fails(&["--vendor", "acme", "1304"], 2);
    fails(&["--status", "413", "--list"], 2);
    let err = fails(&["1", "--list"], 2);
    for form in ["herr [OPTIONS] <CODE>...", "herr [OPTIONS] --list", "herr [OPTIONS] --search <WORDS>..."] {
        assert!(err.contains(form), "{form:?} missing from:\n{err}");
    }
    // Something matched: exit 0, the misses still said on stderr.
    let out = herr(&["1304", "HERR_NOPE"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("HERR_NOPE"));
}

#[test]
fn help_has_examples_and_output_is_plain_in_a_pipe() {
    let help = ok(&["--help"]);
    for word in ["Examples:", "herr 252", "--response", "--search", "Exit status"] {
        assert!(help.contains(word), "{word} missing from --help");
    }
    assert!(ok(&["--version"]).starts_with("herr "));
    // Not a terminal here: no escape sequences.
    assert!(!ok(&["1304"]).contains('\x1b'));
    assert!(!ok(&["--list"]).contains('\x1b'));
}

#[test]
fn names_and_spellings_in_any_case_and_near_misses() {
    // Any case: an InspireFace name, a Huawei spelling, a Tencent spelling in camel case.
    for (query, code) in [
        ("herr_sess_rec_block_full", "1304  HERR_SESS_REC_BLOCK_FULL"),
        ("frs.0501", "5000501  FRS.0501"),
        ("apigw.0301", "5100301  APIG.0301"),
        ("invalidparametervalue.nofaceinphoto", "2000062  InvalidParameterValue.NoFaceInPhoto"),
    ] {
        assert!(ok(&[query]).starts_with(code), "{query}");
    }
    // A near miss: not found, with the name it was likely meant to be.
    let err = fails(&["HERR_SESS_REC_BLOK_FULL"], 1);
    assert!(err.contains("did you mean HERR_SESS_REC_BLOCK_FULL?"), "{err}");
    let err = fails(&["InvalidParameterValue.NoFaceInPhot"], 1);
    assert!(err.contains("did you mean InvalidParameterValue.NoFaceInPhoto?"), "{err}");
    // Far from everything: no guess.
    assert!(!fails(&["completely-unrelated-words"], 1).contains("did you mean"));
}

#[test]
fn status_picks_a_spelling_s_meaning() {
    let out = ok(&["--status", "413", "APIG.0201"]);
    assert!(out.starts_with("5110001  APIG.0201\n"), "{out}");
    assert!(out.contains("with HTTP status 413") && out.contains("IMAGE_SIZE"), "{out}");
    assert!(ok(&["--status", "504", "APIG.0201"]).starts_with("5110002  APIG.0201\n"));
    // A code without meanings by status is itself.
    assert!(ok(&["--status", "413", "1304"]).starts_with("1304  HERR_SESS_REC_BLOCK_FULL\n"));
}

#[test]
fn the_vendor_line_describes_the_vendor_only() {
    let out = ok(&["FailedOperation.ImageDecodeFailed", "--vendor", "tencent-faceid"]);
    let line = out.lines().find(|l| l.trim_start().starts_with("vendor")).unwrap();
    assert_eq!(line.trim(), "vendor       tencent-faceid: Tencent Cloud FaceID, PaaS codes", "{out}");
}

#[test]
fn the_man_page_and_completions_are_generated() {
    let man = ok(&["--man"]);
    assert!(man.contains(".TH herr 1") && man.contains("herr \\- Look a face recognition error code up"), "{man}");
    for (shell, marker) in [("bash", "_herr()"), ("zsh", "#compdef herr"), ("fish", "complete -c herr")] {
        let text = ok(&["--completions", shell]);
        assert!(text.contains(marker) && text.contains("search"), "{shell}: {text}");
    }
    fails(&["--man", "1304"], 2);
}
