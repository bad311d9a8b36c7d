//! `herr`: look a face recognition error code up, as errno(1) does for C's. See `herr --help`
//! and the README's "Look a code up".

mod lookup;
mod show;

use std::ffi::OsString;
use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use clap::Parser;
use herr::{Lang, Vendor};

/// The help's closing text: examples, the exit status, the vendors (from the registry).
fn after_help() -> String {
    let vendors: Vec<&str> = Vendor::ALL.iter().map(|v| v.name()).collect();
    format!(
        "\
Examples:
  herr 1304                      an InspireFace code (<= 1.2.2, herr's own numbering)
  herr 0x518                     the same, in hexadecimal
  herr HERR_SESS_REC_BLOCK_FULL  by name (any case: herr_sess_rec_block_full)
  herr 252                       a number from InspireFace >= 1.2.3 (renumbered), and its code
  herr FRS.0019                  a vendor spelling (here Huawei FRS), searched in every vendor
  herr 2013 --vendor tencent-faceid-saas
  herr --status 413 APIG.0201    the meaning a spelling has under an HTTP status
  herr --lang zh 1361            in Simplified Chinese
  herr --search no face          codes whose names, spellings or messages hold every word
  herr --list --vendor sophon    every code of a vendor
  herr MERR_ASF_NOT_ACTIVATED    an ArcSoft MRESULT by name; herr 0x16003 --vendor arcsoft by value
  curl ... | herr --response tencent-iai --status 200
  herr --response aws --status 400 < body   a vendor by the start of its name

Exit status: 0 when something matched (or a reply was understood), 1 when nothing did (or the
reply was not understood; an InspireFace number that herr's tables lack is described, as one of
its module's range, and exits 1), 2 for a usage error.
Vendors: {}.",
        vendors.join(", ")
    )
}

/// The forms of the command, as its usage lines (and the man page) show them.
const USAGE: &str = "\
herr [OPTIONS] <CODE>...
       herr [OPTIONS] --list
       herr [OPTIONS] --search <WORDS>...
       herr [OPTIONS] --response <VENDOR> [--status <N>] < reply-body";

/// Look a face recognition error code up.
///
/// InspireFace's HERR_* codes (every release's numbering) and the error codes of the cloud and
/// edge face services herr knows, by number, name or vendor spelling, in English or Chinese:
/// the message, the kind (what to do next), the nearest InspireFace code, the HTTP status and
/// whether a retry can succeed.
#[derive(Parser, Debug)]
#[command(name = "herr", version, after_help = after_help(), override_usage = USAGE, allow_negative_numbers = true)]
struct Args {
    /// Codes to look up: a number (decimal or 0x hex), an InspireFace name, or a vendor's
    /// spelling.
    #[arg(value_name = "CODE")]
    queries: Vec<OsString>,

    /// Only this vendor's codes, numbers and spellings.
    #[arg(long, value_name = "VENDOR", value_parser = VendorParser, hide_possible_values = true)]
    vendor: Option<Vendor>,

    /// The language of messages: en or zh (default: from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, value_name = "LANG", value_parser = lang)]
    lang: Option<Lang>,

    /// Print JSON: one object, or an array when there are several.
    #[arg(long)]
    json: bool,

    /// List every code (of --vendor, if given), one a line.
    #[arg(long, conflicts_with_all = ["queries", "search", "response", "status"])]
    list: bool,

    /// Codes whose names, spelling or messages (English or Chinese) hold every word: whole
    /// words, any case, a plural -s too; a Chinese word anywhere in a Chinese message.
    #[arg(long, value_name = "WORDS", num_args = 1.., conflicts_with_all = ["queries", "response", "status"])]
    search: Option<Vec<String>>,

    /// Read a vendor's HTTP reply body on stdin and say what it means.
    #[arg(long, value_name = "VENDOR", value_parser = VendorParser, hide_possible_values = true, conflicts_with = "queries")]
    response: Option<Vendor>,

    /// An HTTP status: the meaning a code or spelling has under it (Huawei's APIG.0201 with
    /// 413 or 504), and the status of the reply read with --response.
    #[arg(long, value_name = "N")]
    status: Option<u16>,

    /// Print the man page, herr(1), in roff (the CMake install writes share/man/man1/herr.1).
    #[arg(long, hide = true, exclusive = true)]
    man: bool,

    /// Print the completions for SHELL: bash, zsh, fish, elvish or powershell.
    #[arg(long, value_name = "SHELL", hide = true, exclusive = true)]
    completions: Option<clap_complete::Shell>,
}

/// A vendor by its name (`aws-rekognition`) or the start of one that no other name shares
/// (`aws`, `baidu`).
fn vendor(name: &str) -> Result<Vendor, String> {
    if let Some(v) = Vendor::from_name(name) {
        return Ok(v);
    }
    let starting: Vec<Vendor> =
        Vendor::ALL.iter().copied().filter(|v| !name.is_empty() && v.name().starts_with(name)).collect();
    match starting.as_slice() {
        [one] => Ok(*one),
        [] => {
            let names: Vec<&str> = Vendor::ALL.iter().map(|v| v.name()).collect();
            Err(format!("not a vendor; use one of {}", names.join(", ")))
        }
        several => {
            let names: Vec<&str> = several.iter().map(|v| v.name()).collect();
            Err(format!("several vendors start so: {}", names.join(", ")))
        }
    }
}

/// `--vendor` and `--response`: [`vendor`], with the registry's names as the possible values
/// (for the completions and the man page).
#[derive(Clone)]
struct VendorParser;

impl clap::builder::TypedValueParser for VendorParser {
    type Value = Vendor;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Vendor, clap::Error> {
        let text = value.to_str().unwrap_or("");
        vendor(text).map_err(|why| {
            let name = arg.map_or_else(|| "VENDOR".to_string(), ToString::to_string);
            clap::Error::raw(
                clap::error::ErrorKind::ValueValidation,
                format!("invalid value '{text}' for '{name}': {why}\n"),
            )
            .with_cmd(cmd)
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(Vendor::ALL.iter().map(|v| clap::builder::PossibleValue::new(v.name()).help(v.title()))))
    }
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

/// The man page or a shell's completions, on stdout.
fn generate(args: &Args) -> std::io::Result<()> {
    use clap::CommandFactory;
    let mut command = Args::command().version(version());
    let mut out = std::io::stdout().lock();
    if let Some(shell) = args.completions {
        clap_complete::generate(shell, &mut command, "herr", &mut out);
        return Ok(());
    }
    clap_mangen::Man::new(command).render(&mut out)
}

/// Whether an error writing to stdout is a closed pipe (`herr --man | head`): not worth a word.
fn closed_pipe(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe
}

/// `--version`'s text: herr's version, and the newest InspireFace release its tables match.
fn version() -> String {
    format!("{} (InspireFace codes up to release {})", env!("CARGO_PKG_VERSION"), herr::inspireface_release())
}

fn main() -> ExitCode {
    use clap::{CommandFactory, FromArgMatches};
    let matches = Args::command().version(version()).get_matches();
    let args = match Args::from_arg_matches(&matches) {
        Ok(args) => args,
        Err(e) => e.exit(),
    };
    if args.man || args.completions.is_some() {
        return match generate(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if closed_pipe(&e) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("herr: {e}");
                ExitCode::FAILURE
            }
        };
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
            let mut matches = lookup::lookup(bytes, args.vendor);
            // An InspireFace number herr does not know is said so first, other readings after it.
            let unknown = lookup::unknown_inspireface(bytes, args.vendor);
            if let Some(u) = &unknown {
                let text = String::from_utf8_lossy(bytes);
                if args.json {
                    json.push(show::unknown_json(u));
                } else {
                    if !out.is_empty() {
                        out.push('\n');
                    }
                    out.push_str(&show::unknown_text(u, text.trim(), lang, bold));
                }
            }
            if matches.is_empty() && unknown.is_some() {
                continue;
            }
            if matches.is_empty() {
                let within = args.vendor.map_or(String::new(), |v| format!(" of {v}"));
                let hint =
                    lookup::suggest(bytes, args.vendor).map_or(String::new(), |s| format!("; did you mean {s}?"));
                eprintln!("herr: {:?} is not a code, name or spelling{within} that herr knows{hint}", shown(bytes));
                continue;
            }
            if let Some(status) = args.status {
                lookup::under_status(&mut matches, status);
            }
            found = true;
            let text = String::from_utf8_lossy(bytes);
            let text = text.trim();
            for m in &matches {
                if args.json {
                    json.push(show::match_json(m, text));
                } else {
                    let readings: Vec<String> =
                        m.readings.iter().map(|r| show::describe(r, text, m.code, args.status, lang)).collect();
                    if !out.is_empty() {
                        out.push('\n');
                    }
                    out.push_str(&show::code_text(m.code, m.meaning(), &readings, lang, bold));
                }
            }
        }
        if args.json && !json.is_empty() {
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
