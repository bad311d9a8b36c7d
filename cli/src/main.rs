//! `herr`: look a face recognition error code up, as errno(1) does for C's. See `herr --help`
//! and the README's "Look a code up".

mod lookup;
mod show;

use std::ffi::OsString;
use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use clap::Parser;
use herr::{Lang, Vendor};

const EXAMPLES: &str = "\
Examples:
  herr 1304                      an InspireFace code (<= 1.2.2, herr's own numbering)
  herr 0x518                     the same, in hexadecimal
  herr HERR_SESS_REC_BLOCK_FULL  by name
  herr 252                       a number from InspireFace >= 1.2.3 (renumbered), and its code
  herr FRS.0019                  a vendor spelling (here Huawei FRS), searched in every vendor
  herr 2013 --vendor tencent-faceid-saas
  herr --lang zh 1361            in Simplified Chinese
  herr --search no face          codes whose names or messages hold every word
  herr --list --vendor sophon    every code of a vendor
  curl ... | herr --response tencent-iai --status 200

Exit status: 0 when something matched (or a reply was understood), 1 when nothing did (or the
reply was not understood), 2 for a usage error.
Vendors: inspireface, sophon, tencent-iai, tencent-faceid, tencent-faceid-saas, huawei-frs,
inspireface-v2.";

/// Look a face recognition error code up: InspireFace's HERR_* codes (both numberings) and
/// the codes of SOPHON, Tencent Cloud IAI and FaceID, and Huawei Cloud FRS.
#[derive(Parser, Debug)]
#[command(name = "herr", version, after_help = EXAMPLES, allow_negative_numbers = true)]
struct Args {
    /// Codes to look up: a number (decimal or 0x hex), an InspireFace name, or a vendor's
    /// spelling.
    #[arg(value_name = "CODE")]
    queries: Vec<OsString>,

    /// Only this vendor's codes, numbers and spellings.
    #[arg(long, value_name = "VENDOR", value_parser = vendor)]
    vendor: Option<Vendor>,

    /// The language of messages: en or zh (default: from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, value_name = "LANG", value_parser = lang)]
    lang: Option<Lang>,

    /// Print JSON: one object, or an array when there are several.
    #[arg(long)]
    json: bool,

    /// List every code (of --vendor, if given), one a line.
    #[arg(long, conflicts_with_all = ["queries", "search", "response"])]
    list: bool,

    /// Codes whose names, spelling or messages (English or Chinese) hold every word.
    #[arg(long, value_name = "WORDS", num_args = 1.., conflicts_with_all = ["queries", "response"])]
    search: Option<Vec<String>>,

    /// Read a vendor's HTTP reply body on stdin and say what it means.
    #[arg(long, value_name = "VENDOR", value_parser = vendor, conflicts_with = "queries")]
    response: Option<Vendor>,

    /// The reply's HTTP status (with --response), where a code's meaning depends on it.
    #[arg(long, value_name = "N")]
    status: Option<u16>,
}

fn vendor(name: &str) -> Result<Vendor, String> {
    Vendor::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Vendor::ALL.iter().map(|v| v.name()).collect();
        format!("not a vendor; use one of {}", names.join(", "))
    })
}

fn lang(name: &str) -> Result<Lang, String> {
    Lang::ALL.iter().copied().find(|l| l.name() == name).ok_or_else(|| "use en or zh".to_string())
}

/// The language the environment asks for: the first of LC_ALL, LC_MESSAGES and LANG that is
/// set and not empty, as POSIX orders them.
fn lang_from_env() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(std::env::var_os)
        .find(|v| !v.is_empty())
        .map_or(Lang::En, |v| Lang::from_locale(v.as_encoded_bytes()))
}

/// A query as it can be shown: lossy UTF-8, cut to 60 characters.
fn shown(query: &[u8]) -> String {
    let text = String::from_utf8_lossy(query);
    let mut cut: String = text.chars().take(60).collect();
    if cut.len() < text.len() {
        cut.push_str("...");
    }
    cut
}

fn main() -> ExitCode {
    let args = Args::parse();
    if args.status.is_some() && args.response.is_none() {
        eprintln!("herr: --status goes with --response (the HTTP status of the reply read on stdin)");
        return ExitCode::from(2);
    }
    let lang = args.lang.unwrap_or_else(lang_from_env);
    let stdout = std::io::stdout();
    let bold = !args.json && stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut out = String::new();
    let status = if args.list {
        out = show::code_list(&lookup::list(args.vendor), args.json, lang);
        ExitCode::SUCCESS
    } else if let Some(words) = &args.search {
        let codes = lookup::search(words, args.vendor);
        if codes.is_empty() {
            eprintln!("herr: no code's names or messages hold {:?}", words.join(" "));
            return ExitCode::FAILURE;
        }
        out = show::code_list(&codes, args.json, lang);
        ExitCode::SUCCESS
    } else if let Some(vendor) = args.response {
        let mut body = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut body) {
            eprintln!("herr: cannot read the reply on stdin: {e}");
            return ExitCode::FAILURE;
        }
        match herr::parse_reply(vendor, &body, args.status.unwrap_or(0)) {
            Ok(reply) => {
                out = if args.json { show::reply_json(&reply) } else { show::reply_text(&reply, lang, bold) };
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("herr: the reply is not understood as {vendor}'s: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        if args.queries.is_empty() {
            eprintln!(
                "herr: give a code, a name or a vendor spelling (or --list, --search, --response); see herr --help"
            );
            return ExitCode::from(2);
        }
        let mut json = Vec::new();
        let mut found = false;
        for query in &args.queries {
            let bytes = query.as_encoded_bytes();
            let matches = lookup::lookup(bytes, args.vendor);
            if matches.is_empty() {
                let within = args.vendor.map_or(String::new(), |v| format!(" of {v}"));
                eprintln!("herr: {:?} is not a code, name or spelling{within} that herr knows", shown(bytes));
                continue;
            }
            found = true;
            let text = String::from_utf8_lossy(bytes);
            let text = text.trim();
            for m in &matches {
                if args.json {
                    json.push(show::match_json(m, text));
                } else {
                    let readings: Vec<String> =
                        m.readings.iter().map(|r| show::describe(r, text, m.code, lang)).collect();
                    if !out.is_empty() {
                        out.push('\n');
                    }
                    out.push_str(&show::code_text(m.code, &readings, lang, bold));
                }
            }
        }
        if args.json && found {
            out = show::one_or_array(&json);
        }
        if found { ExitCode::SUCCESS } else { ExitCode::FAILURE }
    };
    if args.json && !out.is_empty() {
        out.push('\n');
    }
    let mut lock = stdout.lock();
    // A closed pipe (`herr --list | head`) is not an error worth a message.
    let _ = lock.write_all(out.as_bytes()).and_then(|()| lock.flush());
    status
}
