//! `cargo xtask inspireface PATH`: takes in a release of InspireFace (CONTRIBUTING.md, "A new
//! InspireFace release"). PATH is the release's `herror.h`, the Python SDK's `herror.py`, or an
//! SDK wheel (`pip download --no-deps --only-binary=:all: inspireface==X.Y.Z`), whose
//! `herror.py` is read and whose library, where this machine can load it, is asked which
//! numbers it knows (`tests/inspireface/probe.py`).
//!
//! It prints what the release adds, removes, renames and renumbers against the table of its
//! numbering (`codes/inspireface.tsv` for releases up to 1.2.2, `codes/inspireface_v2.tsv`
//! for 1.2.3 and later), then, unless `--check`, writes:
//! - a row for each macro the table lacks, its kind, nearest code and Chinese text `TODO` for
//!   a person to fill in (the build refuses the row until then);
//! - the table's `# release:` line, when the release is newer;
//! - the release's macros into `tests/fixtures/inspireface_headers.tsv`, which the tests hold
//!   herr to (tests/inspireface_sdk.rs, tests/renumbered.rs).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::tools;

const USAGE: &str = "usage: cargo xtask inspireface [--check] [--release X.Y.Z] PATH
  PATH: an InspireFace herror.h, the Python SDK's herror.py, or an SDK wheel (.whl)
  --release X.Y.Z   the release PATH is (a wheel's name says it)
  --check           report only: write nothing, exit 1 if herr lacks a code of the release";

/// The table cell a person fills in.
const TODO: &str = "TODO";

/// One macro of a release's header.
#[derive(Clone, Debug, PartialEq)]
struct Define {
    name: String,
    /// The replacement list as the header writes it (`(HERR_SESS_BASE + 2)`); for a
    /// `herror.py`, which has values only, `None`.
    expr: Option<String>,
    value: i64,
    /// The comment after it, without a trailing `(N)`.
    comment: String,
    /// For a `*_BASE` macro: the numbers the header's section comment gives its module.
    range: Option<(i64, i64)>,
}

/// What a release says.
struct Release {
    /// Its number, `X.Y.Z`, where known.
    version: Option<String>,
    /// Where it was read from, for the report.
    source: String,
    defines: Vec<Define>,
    /// Whether `defines` holds the `*_BASE` macros (a herror.h does; a herror.py does not).
    has_bases: bool,
    /// What its library's HFGetErrorMessage knows, where it was asked: (number, text).
    library: Option<Vec<(i64, String)>>,
}

/// One row of a table of InspireFace's macros in `codes/`.
struct Row {
    name: String,
    expr: String,
    value: i64,
    /// The text the table holds for it (an alias row's own row's elsewhere: empty here).
    message: String,
    line: usize,
}

/// A table of InspireFace's macros: its rows, and the text of the file.
struct Table {
    path: PathBuf,
    text: String,
    rows: Vec<Row>,
    release: Option<String>,
}

/// `cargo xtask inspireface ...`.
pub fn run(root: &Path, args: &[String]) -> Result<bool, String> {
    let mut check = false;
    let mut version = None;
    let mut path = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--release" => version = Some(rest.next().ok_or("--release needs X.Y.Z")?.clone()),
            "-h" | "--help" => return Err(USAGE.to_string()),
            other if other.starts_with('-') => return Err(format!("unknown option {other}\n{USAGE}")),
            other => path = Some(PathBuf::from(other)),
        }
    }
    let path = path.ok_or_else(|| USAGE.to_string())?;
    if let Some(v) = &version {
        if !is_version(v) {
            return Err(format!("--release {v}: not a release X.Y.Z"));
        }
    }
    let mut release = read_release(root, &path)?;
    if version.is_some() {
        release.version = version;
    }
    let core = read_table(&root.join("codes/inspireface.tsv"), "name")?;
    let v2 = read_table(&root.join("codes/inspireface_v2.tsv"), "vendor_code")?;
    // The numbering is the table whose rows the release agrees with more.
    let agree = |t: &Table| {
        release.defines.iter().filter(|d| t.rows.iter().any(|r| r.name == d.name && r.value == d.value)).count()
    };
    let table = if agree(&v2) >= agree(&core) { v2 } else { core };
    let report = compare(&release, &table);
    print!("{}", report.text);
    if check {
        return Ok(report.added.is_empty());
    }
    write_rows(&table, &release, &report.added)?;
    if let Some(v) = &release.version {
        record_release(root, v, &release)?;
    } else {
        println!(
            "the release's number is unknown: give --release X.Y.Z to record it (the table's release line, tests/fixtures)"
        );
    }
    Ok(true)
}

fn is_version(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// `1.2.4` from `1.2.4.post3` or `1.2.4rc1`: the release of InspireFace a wheel carries.
fn release_of_wheel(file: &str) -> Option<String> {
    let version = file.strip_prefix("inspireface-")?.split('-').next()?;
    let parts: Vec<String> =
        version.split('.').take(3).map(|p| p.chars().take_while(char::is_ascii_digit).collect()).collect();
    let v = parts.join(".");
    is_version(&v).then_some(v)
}

/// Reads a release from a herror.h, a herror.py or a wheel.
fn read_release(root: &Path, path: &Path) -> Result<Release, String> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
    if name.ends_with(".whl") {
        return read_wheel(root, path, &name);
    }
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let source = path.display().to_string();
    if name.ends_with(".py") {
        Ok(Release { version: None, source, defines: parse_py(&text)?, has_bases: false, library: None })
    } else {
        Ok(Release { version: None, source, defines: parse_header(&text)?, has_bases: true, library: None })
    }
}

/// A wheel: its herror.py (InspireFace 1.2.3 and later ship one), and what its library knows.
fn read_wheel(root: &Path, path: &Path, name: &str) -> Result<Release, String> {
    let dir = std::env::temp_dir().join(format!("herr-inspireface-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let unpacked = tools::run(Command::new("python3").args(["-m", "zipfile", "-e"]).arg(path).arg(&dir))
        .map_err(|e| format!("unpacking the wheel needs python3: {e}"));
    let result = unpacked.and_then(|_| {
        let purelib = find_dir(&dir, "purelib").unwrap_or_else(|| dir.clone());
        let herror = purelib.join("inspireface/modules/herror.py");
        let text = fs::read_to_string(&herror).map_err(|_| {
            format!("{name} holds no inspireface/modules/herror.py (releases before 1.2.3 ship none): give the release's herror.h")
        })?;
        let library = probe(root, &purelib);
        Ok(Release {
            version: release_of_wheel(name),
            source: format!("{name}'s herror.py"),
            defines: parse_py(&text)?,
            has_bases: false,
            library,
        })
    });
    let _ = fs::remove_dir_all(&dir);
    result
}

/// The first directory named `name` under `dir`.
fn find_dir(dir: &Path, name: &str) -> Option<PathBuf> {
    for entry in fs::read_dir(dir).ok()?.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == name) {
                return Some(path);
            }
            if let Some(found) = find_dir(&path, name) {
                return Some(found);
            }
        }
    }
    None
}

/// What the wheel's library says HFGetErrorMessage knows (tests/inspireface/probe.py); `None`
/// when this machine cannot load it (another CPU or system, no python3) or it has no such
/// function (releases before 1.2.4).
fn probe(root: &Path, purelib: &Path) -> Option<Vec<(i64, String)>> {
    let output = Command::new("python3").arg(root.join("tests/inspireface/probe.py")).arg(purelib).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let messages: Vec<(i64, String)> = text
        .lines()
        .filter_map(|l| {
            let mut cells = l.split('\t');
            (cells.next()? == "message").then_some(())?;
            Some((cells.next()?.parse().ok()?, cells.next()?.to_string()))
        })
        .collect();
    (!messages.is_empty()).then_some(messages)
}

/// A C integer literal.
fn literal(text: &str) -> Option<i64> {
    match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        Some(hex) => i64::from_str_radix(hex, 16).ok(),
        None => text.parse().ok(),
    }
}

/// The value of a replacement list of the forms InspireFace writes: a literal, a macro above,
/// `(NAME + n)`, each maybe in parentheses.
fn value_of(expr: &str, known: &BTreeMap<String, i64>) -> Option<i64> {
    let inner = expr.trim().trim_start_matches('(').trim_end_matches(')').trim();
    if let Some((base, n)) = inner.split_once('+') {
        return Some(known.get(base.trim())? + literal(n.trim())?);
    }
    literal(inner).or_else(|| known.get(inner).copied())
}

/// A comment without InspireFace's trailing ` (N)`.
fn clean_comment(comment: &str) -> String {
    let c = comment.trim();
    match c.rsplit_once(" (") {
        Some((text, tail))
            if tail.strip_suffix(')').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) =>
        {
            text.trim().to_string()
        }
        _ => c.to_string(),
    }
}

/// `// Session error types (100-199)`: the range of the section's module.
fn section_range(comment: &str) -> Option<(i64, i64)> {
    let (_, tail) = comment.trim().rsplit_once('(')?;
    let (first, last) = tail.strip_suffix(')')?.split_once('-')?;
    Some((first.trim().parse().ok()?, last.trim().parse().ok()?))
}

/// Whether `name` is one of InspireFace's result code macros.
fn is_code_name(name: &str) -> bool {
    (name == "HSUCCEED" || name.starts_with("HERR_"))
        && name.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// The macros of a herror.h.
fn parse_header(text: &str) -> Result<Vec<Define>, String> {
    let mut out = Vec::new();
    let mut known = BTreeMap::new();
    let mut section = None;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if let Some(comment) = line.strip_prefix("//") {
            section = section_range(comment).or(section);
            continue;
        }
        let Some(rest) = line.strip_prefix("#define") else { continue };
        let rest = rest.trim();
        let (name, rest) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        if !is_code_name(name) {
            continue;
        }
        let (expr, comment) = match rest.split_once("//") {
            Some((e, c)) => (e.trim(), c),
            None => (rest.trim(), ""),
        };
        let value = value_of(expr, &known).ok_or_else(|| format!("line {}: cannot evaluate {name} {expr}", i + 1))?;
        known.insert(name.to_string(), value);
        let range = if name.ends_with("_BASE") { section.take() } else { None };
        out.push(Define {
            name: name.to_string(),
            expr: Some(expr.to_string()),
            value,
            comment: clean_comment(comment),
            range,
        });
    }
    if out.is_empty() {
        return Err("no HERR_* macro in it: is it InspireFace's herror.h?".to_string());
    }
    Ok(out)
}

/// The constants of a herror.py (`NAME = 14  # comment`).
fn parse_py(text: &str) -> Result<Vec<Define>, String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let Some((name, rest)) = line.split_once('=') else { continue };
        let name = name.trim();
        if !is_code_name(name) {
            continue;
        }
        let (value, comment) = rest.split_once('#').unwrap_or((rest, ""));
        let Some(value) = literal(value.trim()) else { continue };
        out.push(Define { name: name.to_string(), expr: None, value, comment: clean_comment(comment), range: None });
    }
    if out.is_empty() {
        return Err("no HERR_* constant in it: is it the SDK's herror.py?".to_string());
    }
    Ok(out)
}

/// A table of `codes/`, whose `name_column` holds the macro names.
fn read_table(path: &Path, name_column: &str) -> Result<Table, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut header: Option<Vec<&str>> = None;
    let mut rows = Vec::new();
    let mut known = BTreeMap::new();
    let mut release = None;
    for (i, line) in text.lines().enumerate() {
        if let Some(v) = line.strip_prefix("# release:") {
            release = Some(v.trim().to_string());
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        let Some(h) = &header else {
            header = Some(cells);
            continue;
        };
        let cell = |col: &str| h.iter().position(|c| *c == col).and_then(|i| cells.get(i)).copied().unwrap_or("");
        let name = cell(name_column).to_string();
        let expr = cell("value").to_string();
        let value =
            value_of(&expr, &known).ok_or_else(|| format!("{}:{}: cannot evaluate {expr}", path.display(), i + 1))?;
        known.insert(name.clone(), value);
        rows.push(Row { name, expr, value, message: cell("message").to_string(), line: i + 1 });
    }
    Ok(Table { path: path.to_path_buf(), text, rows, release })
}

/// What a release changes against a table.
struct Report {
    text: String,
    /// The macros the table lacks, to be written as rows.
    added: Vec<Define>,
}

/// Compares a release with the table of its numbering.
fn compare(release: &Release, table: &Table) -> Report {
    use std::fmt::Write;
    let mut text = String::new();
    let file = table.path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let version = release.version.as_deref().unwrap_or("(release unknown)");
    let _ = writeln!(
        text,
        "InspireFace {version}, from {}, against codes/{file} (which matches {}):",
        release.source,
        table.release.as_deref().unwrap_or("?")
    );
    let named = |name: &str| table.rows.iter().find(|r| r.name == name);
    let mut added = Vec::new();
    let (mut renamed, mut renumbered, mut comments) = (Vec::new(), Vec::new(), Vec::new());
    for d in &release.defines {
        match named(&d.name) {
            Some(r) if r.value != d.value => {
                renumbered.push(format!("{} is {} here, {} in codes/{file}:{}", d.name, d.value, r.value, r.line))
            }
            Some(r) => {
                if !r.message.is_empty()
                    && !d.comment.is_empty()
                    && r.message != d.comment
                    && !d.name.ends_with("_BASE")
                {
                    comments.push(format!(
                        "{}: \"{}\" (codes/{file}:{} says \"{}\")",
                        d.name, d.comment, r.line, r.message
                    ));
                }
                if let Some(expr) = d.expr.as_ref().filter(|e| **e != r.expr) {
                    renumbered.push(format!(
                        "{} is written {expr} here, {} in codes/{file}:{} (herr.h must spell it as herror.h does)",
                        d.name, r.expr, r.line
                    ));
                }
            }
            None => match table
                .rows
                .iter()
                .find(|r| r.value == d.value && !r.name.ends_with("_BASE") && !d.name.ends_with("_BASE"))
            {
                Some(r) if !release.defines.iter().any(|o| o.name == r.name) => {
                    renamed.push(format!("{} = {} was {} (codes/{file}:{})", d.name, d.value, r.name, r.line));
                    added.push(d.clone());
                }
                _ => added.push(d.clone()),
            },
        }
    }
    let removed: Vec<String> = table
        .rows
        .iter()
        .filter(|r| !release.defines.iter().any(|d| d.name == r.name))
        .filter(|r| release.has_bases || !r.name.ends_with("_BASE"))
        .map(|r| format!("{} = {} (codes/{file}:{})", r.name, r.value, r.line))
        .collect();
    let section = |text: &mut String, title: &str, items: &[String]| {
        let _ = writeln!(text, "  {title}: {}", items.len());
        for i in items {
            let _ = writeln!(text, "    {i}");
        }
    };
    let adds: Vec<String> = added
        .iter()
        .map(|d| format!("{} = {} {}: {}", d.name, d.value, d.expr.as_deref().unwrap_or("(value only)"), d.comment))
        .collect();
    section(&mut text, "adds", &adds);
    section(&mut text, "renames (same number, new name)", &renamed);
    section(&mut text, "renumbers or respells", &renumbered);
    section(&mut text, "not in this release (herr keeps them: older releases return them)", &removed);
    section(&mut text, "comments that differ from the table's message", &comments);
    if let Some(library) = &release.library {
        let unnamed: Vec<String> = library
            .iter()
            .filter(|(n, _)| !release.defines.iter().any(|d| d.value == *n))
            .map(|(n, m)| {
                let there = table
                    .rows
                    .iter()
                    .find(|r| r.value == *n)
                    .map_or("herr lacks it too: take its name from the release's herror.h".to_string(), |r| {
                        format!("codes/{file} names it {}", r.name)
                    });
                format!("{n} \"{m}\": {there}")
            })
            .collect();
        let _ = writeln!(text, "  its library's HFGetErrorMessage knows {} numbers", library.len());
        section(&mut text, "numbers its library knows that it names not", &unnamed);
    }
    if release.defines.iter().any(|d| d.expr.is_none()) && !added.is_empty() {
        let _ = writeln!(
            text,
            "  note: a herror.py has values only; the new rows' `value` is worked out from the bases. Check it against the release's herror.h: herr.h must spell each macro exactly as herror.h does."
        );
    }
    Report { text, added }
}

/// The replacement list for a macro the release gives by value only: `(BASE + n)` from the
/// greatest base of the release or the table at or below it, in its range.
fn expr_for(d: &Define, release: &Release, table: &Table) -> String {
    if let Some(expr) = &d.expr {
        return expr.clone();
    }
    let bases = release
        .defines
        .iter()
        .filter(|b| b.name.ends_with("_BASE"))
        .map(|b| (b.name.clone(), b.value))
        .chain(table.rows.iter().filter(|r| r.name.ends_with("_BASE")).map(|r| (r.name.clone(), r.value)));
    match bases.filter(|(_, v)| *v <= d.value && d.value - *v < 50).max_by_key(|(_, v)| *v) {
        Some((name, v)) if v == d.value => name,
        Some((name, v)) => format!("({name} + {})", d.value - v),
        None => d.value.to_string(),
    }
}

/// Writes a row for each added macro into the table, after the row of the greatest value below
/// it, and the release line.
fn write_rows(table: &Table, release: &Release, added: &[Define]) -> Result<(), String> {
    let v2 = table.path.file_name().is_some_and(|n| n == "inspireface_v2.tsv");
    let mut lines: Vec<String> = table.text.lines().map(String::from).collect();
    // Each line's value: the table's rows', by line number; none for comments and the header.
    let mut values: Vec<Option<i64>> =
        (1..=lines.len()).map(|n| table.rows.iter().find(|r| r.line == n).map(|r| r.value)).collect();
    let since = release.version.clone().unwrap_or_else(|| TODO.to_string());
    for d in added {
        let expr = expr_for(d, release, table);
        let row = if v2 {
            let range = d.range.map_or(String::new(), |(a, b)| format!("{a}-{b}"));
            let (kind, nearest) = if d.name.ends_with("_BASE") { ("UNKNOWN", "HERR_UNKNOWN") } else { (TODO, TODO) };
            [
                &(6_000_000 + d.value).to_string(),
                &d.name,
                &expr,
                kind,
                nearest,
                "",
                "no",
                &d.comment,
                TODO,
                "",
                &range,
                &since,
            ]
            .map(|s| s.to_string())
            .join("\t")
        } else {
            [&d.name, &expr, TODO, &d.comment, TODO, "", TODO].map(|s| s.to_string()).join("\t")
        };
        // After the last row of the greatest value below it (the end, if there is none).
        let below = values.iter().flatten().filter(|v| **v < d.value).max().copied();
        let at = below.and_then(|b| values.iter().rposition(|v| *v == Some(b))).map_or(lines.len(), |i| i + 1);
        lines.insert(at, row);
        values.insert(at, Some(d.value));
    }
    if let (Some(v), Some(old)) = (&release.version, &table.release) {
        if newer(v, old) {
            for line in &mut lines {
                if line.starts_with("# release:") {
                    *line = format!("# release: {v}");
                }
            }
            println!(
                "codes/{}: release {old} -> {v}",
                table.path.file_name().and_then(|n| n.to_str()).unwrap_or_default()
            );
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    fs::write(&table.path, text).map_err(|e| format!("{}: {e}", table.path.display()))?;
    if !added.is_empty() {
        println!(
            "wrote {} rows to {}: fill in each TODO (kind, nearest InspireFace code, zh; a note where the choice needs one), then HERR_BLESS=1 cargo test",
            added.len(),
            table.path.display()
        );
    }
    Ok(())
}

/// Whether release `a` is newer than `b` (both `X.Y.Z`).
fn newer(a: &str, b: &str) -> bool {
    let parts = |v: &str| v.split('.').map(|p| p.parse::<u32>().unwrap_or(0)).collect::<Vec<_>>();
    parts(a) > parts(b)
}

/// Records the release's macros in `tests/fixtures/inspireface_headers.tsv` (its rows replace
/// any of the same release). A herror.py's rows keep the replacement lists the fixture already
/// has for them, or none.
fn record_release(root: &Path, version: &str, release: &Release) -> Result<(), String> {
    let path = root.join("tests/fixtures/inspireface_headers.tsv");
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut kept: Vec<String> = Vec::new();
    let mut old: Vec<Vec<String>> = Vec::new();
    for line in text.lines() {
        let cells: Vec<String> = line.split('\t').map(String::from).collect();
        if cells.first().is_some_and(|c| c == version) {
            old.push(cells);
        } else {
            kept.push(line.to_string());
        }
    }
    if !release.has_bases && !old.is_empty() {
        println!("{} already holds {version}'s header; a herror.py does not replace it", path.display());
        return Ok(());
    }
    for d in &release.defines {
        let range = d.range.map_or(String::new(), |(a, b)| format!("{a}-{b}"));
        kept.push(format!(
            "{version}\t{}\t{}\t{}\t{range}\t{}",
            d.name,
            d.value,
            d.expr.as_deref().unwrap_or(""),
            d.comment
        ));
    }
    let mut out = kept.join("\n");
    out.push('\n');
    fs::write(&path, out).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("wrote {version}'s {} macros to {}", release.defines.len(), path.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "#ifndef INSPIRE_FACE_HERROR_H\n#define INSPIRE_FACE_HERROR_H\n\
        #define HSUCCEED (0)  // Success\n\
        // Basic error types (1-99)\n\
        #define HERR_BASIC_BASE 0x0001  // Basic error types\n\
        #define HERR_UNKNOWN HERR_BASIC_BASE  // Unknown error (1)\n\
        #define HERR_UNSUPPORTED (HERR_BASIC_BASE + 13)  // Requested feature or operation is unsupported (14)\n\
        // Face capture error types (400-449)\n\
        #define HERR_CAPTURE_BASE 0x0190  // Face capture errors (400)\n\
        #define HERR_CAPTURE_INVALID_CONFIG (HERR_CAPTURE_BASE + 1)  // Invalid capture configuration (401)\n\
        #endif\n";

    #[test]
    fn a_header_gives_names_values_spellings_comments_and_ranges() {
        let defines = parse_header(HEADER).unwrap();
        let names: Vec<&str> = defines.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "HSUCCEED",
                "HERR_BASIC_BASE",
                "HERR_UNKNOWN",
                "HERR_UNSUPPORTED",
                "HERR_CAPTURE_BASE",
                "HERR_CAPTURE_INVALID_CONFIG"
            ]
        );
        let capture = &defines[5];
        assert_eq!((capture.value, capture.expr.as_deref()), (401, Some("(HERR_CAPTURE_BASE + 1)")));
        assert_eq!(capture.comment, "Invalid capture configuration");
        assert_eq!(defines[4].range, Some((400, 449)));
        assert_eq!(defines[1].range, Some((1, 99)));
        assert_eq!(defines[3].range, None);
        assert!(parse_header("#define OTHER 1\n").is_err());
        assert!(parse_header("#define HERR_X (HERR_NOT_DEFINED + 1)\n").is_err());
    }

    #[test]
    fn a_herror_py_gives_values_and_comments() {
        let defines =
            parse_py("\"\"\"doc\"\"\"\nHSUCCEED = 0  # Success\nHERR_UNSUPPORTED = 14  # Requested (14)\nother = 3\n")
                .unwrap();
        assert_eq!(defines.len(), 2);
        assert_eq!((defines[1].value, defines[1].expr.clone(), defines[1].comment.as_str()), (14, None, "Requested"));
    }

    #[test]
    fn a_wheel_s_name_gives_its_release() {
        assert_eq!(
            release_of_wheel("inspireface-1.2.4.post3-py3-none-manylinux2014_x86_64.whl").as_deref(),
            Some("1.2.4")
        );
        assert_eq!(
            release_of_wheel("inspireface-1.2.0-cp311-cp311-manylinux2014_x86_64.whl").as_deref(),
            Some("1.2.0")
        );
        assert_eq!(release_of_wheel("inspireface-1.2rc1-py3-none-any.whl"), None);
        assert_eq!(release_of_wheel("other-1.2.3-py3-none-any.whl"), None);
        assert!(newer("1.2.10", "1.2.4") && !newer("1.2.3", "1.2.4") && !newer("1.2.4", "1.2.4"));
    }
}
