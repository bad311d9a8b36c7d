//! Reads and checks the code tables in `codes/`, one per vendor of the registry. Every rule a
//! table must keep is checked here, so a mistake in a table stops the build with a message
//! naming the file and line. `build.rs`, the tests and the docs generator all read the tables
//! through this file.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use crate::format;
use crate::kind::Kind;
use crate::registry::{END, RANGE, VENDORS, VendorInfo};
use crate::tsv::Tsv;

/// What `cargo xtask inspireface` writes in the cells a person must fill in; the build refuses
/// a row that still holds it.
pub const TODO: &str = "TODO";

/// One row of a table, with its place, for messages.
struct Row<'a> {
    tsv: &'a Tsv,
    line: usize,
    cells: &'a [String],
}

impl Row<'_> {
    fn fail(&self, what: impl std::fmt::Display) -> ! {
        panic!("{}:{}: {what}", self.tsv.file, self.line)
    }

    /// A column every row of this table has.
    fn cell(&self, col: &str) -> &str {
        self.get(col).unwrap_or_else(|| self.fail(format!("no column {col}")))
    }

    /// A column a table may leave out (empty then).
    fn optional(&self, col: &str) -> &str {
        self.get(col).unwrap_or("")
    }

    fn get(&self, col: &str) -> Option<&str> {
        self.tsv.column(col).and_then(|i| self.cells.get(i)).map(String::as_str)
    }

    /// Stops at a row a person has not finished: a cell left `TODO` (`cargo xtask inspireface`
    /// writes a new release's rows so, for a person to choose the kind and the nearest code and
    /// to write the Chinese text).
    fn finished(&self) {
        if let Some(col) = self.tsv.header.iter().zip(self.cells).find(|(_, cell)| *cell == TODO).map(|(h, _)| h) {
            self.fail(format!(
                "this row is not finished: its {col} is {TODO}. Choose its kind (HERR_KIND_* without the prefix) and its nearest InspireFace code, write its Chinese text (zh), then build again (CONTRIBUTING.md, \"A new InspireFace release\")"
            ));
        }
    }

    fn kind(&self) -> Kind {
        let text = self.cell("kind");
        Kind::from_name(text).unwrap_or_else(|| self.fail(format!("unknown kind {text:?}")))
    }

    fn retry(&self) -> bool {
        match self.cell("retry") {
            "yes" => true,
            "no" => false,
            other => self.fail(format!("retry must be yes or no, not {other:?}")),
        }
    }

    /// Printable ASCII, not empty: what every English text and vendor code must be.
    fn ascii(&self, col: &str) -> String {
        let s = self.cell(col);
        if s.is_empty() {
            self.fail(format!("empty {col}"));
        }
        if !s.is_ascii() || s.bytes().any(|b| b.is_ascii_control()) {
            self.fail(format!("{col} {s:?} must be printable ASCII"));
        }
        s.to_string()
    }

    /// The Chinese text: UTF-8, not empty, without control characters, and with at least one
    /// Chinese character (a row cannot leave its English in the zh column by mistake).
    fn zh(&self) -> String {
        let s = self.optional("zh");
        if s.is_empty() {
            self.fail("empty zh: every code has a Simplified Chinese text");
        }
        if s.chars().any(char::is_control) {
            self.fail("zh has a control character");
        }
        if !s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
            self.fail(format!("zh {s:?} has no Chinese character"));
        }
        s.to_string()
    }

    fn http(&self) -> Vec<u16> {
        match self.cell("http") {
            "" | "0" => Vec::new(),
            list => list
                .split(',')
                .map(|s| {
                    s.trim()
                        .parse()
                        .ok()
                        .filter(|n| (100..600).contains(n))
                        .unwrap_or_else(|| self.fail(format!("bad HTTP status {s:?}")))
                })
                .collect(),
        }
    }
}

/// One row of `codes/inspireface.tsv`: a macro of herr.h.
pub struct CoreRow {
    pub name: String,
    /// The macro's replacement list, exactly as InspireFace writes it (`(HERR_SESS_BASE + 2)`).
    pub expr: String,
    pub value: u32,
    pub kind: Kind,
    pub message: String,
    pub zh: String,
    pub note: String,
    /// For a code InspireFace 1.2.3 removed, the name of its nearest code in that numbering;
    /// empty for the others.
    pub v2: String,
    /// Its line in the table, for messages.
    pub line: usize,
}

impl CoreRow {
    /// `*_BASE` names are the bases of InspireFace's ranges, not errors.
    pub fn is_base(&self) -> bool {
        self.name.ends_with("_BASE")
    }
}

/// One code of herr's space, as a table writes it.
pub struct Code {
    pub code: u32,
    /// How the vendor writes it (an InspireFace code: its macro name).
    pub vendor_code: String,
    pub kind: Kind,
    /// The nearest InspireFace code (for InspireFace's codes, the code itself).
    pub nearest: u32,
    /// The documented HTTP statuses, the usual one first.
    pub http: Vec<u16>,
    pub retry: bool,
    pub message: String,
    pub zh: String,
    pub note: String,
    /// For a meaning of a vendor code under one HTTP status (Huawei's `APIG.0201` with 413):
    /// that status, and the code of the vendor code without one.
    pub status: Option<(u16, u32)>,
}

/// Another key that names a code: an alias row (InspireFace 1.2.3's names and numbers of
/// codes releases up to 1.2.2 have; a vendor's code for success), or InspireFace's other names
/// of a value.
pub struct Alias {
    /// The spelling it adds; `None` for a row that only adds a number to a code of its table.
    pub vendor_code: Option<String>,
    /// The vendor's number for it, when its format has numbers.
    pub number: Option<u32>,
    pub code: u32,
    pub note: String,
}

/// A C macro of one of InspireFace's numberings: a row of a table with a `value` column
/// (InspireFace's own table, and its 1.2.3+ numbering's).
pub struct Macro {
    pub name: String,
    /// The replacement list, exactly as that numbering's herror.h writes it.
    pub expr: String,
    /// Its value in that numbering.
    pub value: u32,
    /// The herr code it names.
    pub code: u32,
    /// The first release whose herror.h defines it (the `since` column), where the table says.
    pub since: Option<String>,
    /// Its line in the table, for messages.
    pub line: usize,
}

/// One vendor's table: its codes (ascending) and the aliases that name codes.
pub struct Table {
    /// The vendor's value: its index in the registry.
    pub value: usize,
    pub info: &'static VendorInfo,
    pub codes: Vec<Code>,
    pub aliases: Vec<Alias>,
    /// The macros of a table that writes its codes as C macros (InspireFace's numberings), in
    /// table order; empty for the others.
    pub macros: Vec<Macro>,
    /// The vendor's bare numbers (`VendorInfo::bare`): one record per number it uses there,
    /// numbered as the vendor returns it, with the facts of the code it names and the vendor's
    /// spelling. Ascending.
    pub bare: Vec<Code>,
    /// For InspireFace's numberings: the newest release whose header the table matches (its
    /// `# release:` line).
    pub release: Option<String>,
    /// The modules of the numbering: its `*_BASE` macros with the `range` their header gives.
    pub modules: Vec<Module>,
}

/// A module of one of InspireFace's numberings: a `*_BASE` macro and the numbers its herror.h
/// gives the module ("FeatureHub error types (200-249)").
pub struct Module {
    pub base: String,
    pub first: u32,
    pub last: u32,
}

impl Table {
    /// The vendor's short name (`huawei-frs`).
    pub fn name(&self) -> &'static str {
        self.info.name.to_str().expect("registry names are ASCII")
    }

    /// The first code of the vendor's range.
    pub fn base(&self) -> u32 {
        self.value as u32 * RANGE
    }

    /// Whether `number` lies in one of the vendor's ranges of bare numbers.
    pub fn is_bare(&self, number: u32) -> bool {
        self.info.bare.iter().any(|(first, last)| (*first..=*last).contains(&number))
    }
}

/// Every table: InspireFace's macros (for the constants and the docs), and the tables of all
/// the registry's vendors, InspireFace's first, in registry order.
pub struct Tables {
    pub core: Vec<CoreRow>,
    pub vendors: Vec<Table>,
    /// Every code of InspireFace's own table (releases up to 1.2.2) and its number in the
    /// numbering of 1.2.3 and later: the same error's number there, or for a code 1.2.3 removed,
    /// its nearest code's (the `v2` column). Ascending by code.
    pub v2_numbers: Vec<(u32, u32)>,
}

impl Tables {
    /// Reads and checks every table of `dir`, whatever the features: a feature-reduced build
    /// cannot hide a mistake in a table it leaves out.
    pub fn read(dir: &Path) -> Tables {
        let first = VENDORS.first().expect("the registry is not empty");
        let core = read_core(&dir.join(first.table));
        let mut vendors = vec![core_table(first, &core)];
        vendors[0].release = Some(release(&Tsv::read(&dir.join(first.table))));
        for (value, info) in VENDORS.iter().enumerate().skip(1) {
            vendors.push(read_vendor(&dir.join(info.table), value, info, &core));
        }
        let mut v2_numbers = Vec::new();
        for i in 1..vendors.len() {
            if !vendors[i].info.bare.is_empty() {
                let bare = check_numberings(&vendors[0], &vendors[i], &core);
                vendors[i].bare = bare;
                v2_numbers = numbers_in(&vendors[0], &vendors[i], &core);
            }
        }
        check_space(&vendors);
        Tables { core, vendors, v2_numbers }
    }

    /// The value of an InspireFace macro name.
    pub fn core_value(&self, name: &str) -> Option<u32> {
        self.core.iter().find(|r| r.name == name).map(|r| r.value)
    }
}

/// Parses a C integer literal (decimal or 0x hex).
fn literal(s: &str) -> Option<u32> {
    match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(hex) => u32::from_str_radix(hex, 16).ok(),
        None => s.parse().ok(),
    }
}

/// Evaluates a macro's replacement list in the forms InspireFace's headers use: a literal, a
/// macro defined above, or `(NAME + n)`, each maybe in parentheses. `values` holds the macros
/// defined above.
fn evaluate(expr: &str, values: &HashMap<String, u32>) -> Option<u32> {
    let inner = expr.strip_prefix('(').and_then(|e| e.strip_suffix(')')).unwrap_or(expr).trim();
    match inner.split_once(" + ") {
        Some((base, n)) => values.get(base).copied().zip(literal(n)).and_then(|(b, n)| b.checked_add(n)),
        None => literal(inner).or_else(|| values.get(inner).copied()),
    }
    .filter(|v| *v < RANGE)
}

/// Reads `codes/inspireface.tsv`.
fn read_core(path: &Path) -> Vec<CoreRow> {
    let tsv = Tsv::read(path);
    let mut values: HashMap<String, u32> = HashMap::new();
    let mut out = Vec::new();
    for (line, cells) in &tsv.rows {
        let row = Row { tsv: &tsv, line: *line, cells };
        row.finished();
        let name = row.cell("name").to_string();
        if !name.starts_with("HSUCCEED") && !name.starts_with("HERR_")
            || !name.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        {
            row.fail(format!("{name:?} is not an InspireFace macro name"));
        }
        let expr = row.cell("value").to_string();
        let value = evaluate(&expr, &values)
            .unwrap_or_else(|| row.fail(format!("cannot evaluate {expr:?} (names must be defined above)")));
        if values.insert(name.clone(), value).is_some() {
            row.fail(format!("{name} appears twice"));
        }
        out.push(CoreRow {
            kind: row.kind(),
            message: row.ascii("message"),
            zh: row.zh(),
            note: row.optional("note").to_string(),
            v2: row.optional("v2").to_string(),
            name,
            expr,
            value,
            line: *line,
        });
    }
    // Names that share a value must agree on the kind.
    for rows in by_value(&out).values() {
        let errors: Vec<_> = rows.iter().filter(|r| !r.is_base()).collect();
        if errors.iter().any(|r| r.kind != errors[0].kind) {
            panic!("{}: names of value {} disagree on the kind", tsv.file, errors[0].value);
        }
    }
    out
}

fn by_value(core: &[CoreRow]) -> BTreeMap<u32, Vec<&CoreRow>> {
    let mut by_value: BTreeMap<u32, Vec<&CoreRow>> = BTreeMap::new();
    for r in core {
        by_value.entry(r.value).or_default().push(r);
    }
    by_value
}

/// What herr_to_string says for a value that several names share: the meanings of the error
/// names (not the range bases), joined; a base alone keeps its own text. `text` picks the
/// language; `join` is how that language says ", or ".
fn joined(rows: &[&CoreRow], text: impl Fn(&CoreRow) -> &str, join: &str, lower_first: bool) -> String {
    let errors: Vec<&&CoreRow> = rows.iter().filter(|r| !r.is_base()).collect();
    let chosen: Vec<&&CoreRow> = if errors.is_empty() { rows.iter().collect() } else { errors };
    let mut out = String::new();
    for (i, r) in chosen.iter().enumerate() {
        let t = text(r);
        if i > 0 {
            out.push_str(join);
            let mut chars = t.chars();
            if let (true, Some(first)) = (lower_first, chars.next()) {
                out.push(first.to_ascii_lowercase());
                out.push_str(chars.as_str());
                continue;
            }
        }
        out.push_str(t);
    }
    out
}

/// InspireFace's table, from its macros: one code per distinct value (the first error name of a
/// value, in file order, is its name), and the other names of each value as aliases.
fn core_table(info: &'static VendorInfo, core: &[CoreRow]) -> Table {
    let mut codes = Vec::new();
    let mut aliases = Vec::new();
    let macros = core
        .iter()
        .map(|r| Macro {
            name: r.name.clone(),
            expr: r.expr.clone(),
            value: r.value,
            code: r.value,
            since: None,
            line: r.line,
        })
        .collect();
    for (value, rows) in by_value(core) {
        let primary = rows.iter().find(|r| !r.is_base()).unwrap_or(&rows[0]);
        for r in &rows {
            if r.name != primary.name {
                aliases.push(Alias {
                    vendor_code: Some(r.name.clone()),
                    number: None,
                    code: value,
                    note: r.note.clone(),
                });
            }
        }
        let zh = joined(&rows, |r| &r.zh, "，或", false);
        codes.push(Code {
            code: value,
            vendor_code: primary.name.clone(),
            kind: primary.kind,
            nearest: value,
            http: Vec::new(),
            retry: false,
            message: joined(&rows, |r| &r.message, ", or ", true),
            zh,
            note: primary.note.clone(),
            status: None,
        });
    }
    Table { value: 0, info, codes, aliases, macros, bare: Vec::new(), release: None, modules: Vec::new() }
}

/// Reads one vendor's table and checks its numbers against the vendor's range and format.
fn read_vendor(path: &Path, value: usize, info: &'static VendorInfo, core: &[CoreRow]) -> Table {
    let tsv = Tsv::read(path);
    let base = value as u32 * RANGE;
    let core_value = |row: &Row, name: &str| {
        core.iter().find(|r| r.name == name).map(|r| r.value).unwrap_or_else(|| {
            row.fail(format!("{name:?} is neither a code of this vendor's range nor an InspireFace name"))
        })
    };
    let mut table = Table {
        value,
        info,
        codes: Vec::new(),
        aliases: Vec::new(),
        macros: Vec::new(),
        bare: Vec::new(),
        release: None,
        modules: Vec::new(),
    };
    let mut vendor_codes = HashSet::new();
    let mut numbers = HashMap::new();
    // A table of C macros (InspireFace 1.2.3+): each row's value, in the table's own numbering.
    let mut values: HashMap<String, u32> = HashMap::new();
    for (line, cells) in &tsv.rows {
        let row = Row { tsv: &tsv, line: *line, cells };
        row.finished();
        let vendor_code = row.ascii("vendor_code");
        let status = match row.optional("status") {
            "" => None,
            text => Some(
                text.parse::<u16>()
                    .ok()
                    .filter(|s| (100..600).contains(s))
                    .unwrap_or_else(|| row.fail(format!("bad status {text:?}"))),
            ),
        };
        let column_number = match row.optional("value") {
            "" => None,
            expr => {
                let n = evaluate(expr, &values)
                    .unwrap_or_else(|| row.fail(format!("cannot evaluate {expr:?} (names must be defined above)")));
                values.insert(vendor_code.clone(), n);
                Some(n)
            }
        };
        let written_number = format::number(info.format, vendor_code.as_bytes());
        if written_number.is_none() && !info.format.has_names() {
            row.fail(format!("{vendor_code:?} is not a code of {} (format {:?})", table.name(), info.format));
        }
        if info.format.has_names() && written_number.is_some() {
            row.fail(format!("{vendor_code:?}: a name of this vendor cannot be a number"));
        }
        // An alias row may repeat the vendor code of a code of this table when it only adds a
        // number: a value that another release of the vendor's header gives the same error
        // (ArcSoft's mobile package moved MERR_ASF_DEVICE_MISMATCH from 0x16006 to 0x20004).
        let code_cell = row.cell("code");
        let adds_a_number = code_cell == vendor_code && table.codes.iter().any(|c| c.vendor_code == vendor_code);
        if adds_a_number {
            if column_number.is_none() {
                row.fail(format!("{vendor_code} appears twice: a second row of a code adds a number (value)"));
            }
        } else if !vendor_codes.insert((vendor_code.clone(), status)) {
            row.fail(format!("vendor code {vendor_code} appears twice"));
        }
        // The meaning of a vendor code under one HTTP status: a code of its own, whose number
        // is not the vendor code's, after the row of the vendor code without a status.
        if let Some(status) = status {
            let code: u32 = row.cell("code").parse().unwrap_or_else(|_| row.fail("a status row has a code of its own"));
            let Some(plain) = table.codes.iter().find(|c| c.vendor_code == vendor_code && c.status.is_none()) else {
                row.fail(format!("{vendor_code} with status {status} comes before {vendor_code} without one"))
            };
            if !plain.http.contains(&status) || row.http() != [status] {
                row.fail(format!(
                    "the http of {vendor_code} must list {status}, and this row's http must be {status} alone"
                ));
            }
            if code <= base || code >= base + RANGE {
                row.fail(format!("{code} is not in the range of {}", table.name()));
            }
            let plain = plain.code;
            table.codes.push(Code {
                code,
                vendor_code,
                kind: row.kind(),
                nearest: core_value(&row, row.cell("nearest")),
                http: vec![status],
                retry: row.retry(),
                message: row.ascii("message"),
                zh: row.zh(),
                note: row.optional("note").to_string(),
                status: Some((status, plain)),
            });
            continue;
        }
        let (code, number) = match code_cell.parse::<u32>() {
            // A code of its own.
            Ok(code) => {
                if code <= base || code >= base + RANGE {
                    row.fail(format!(
                        "{code} is not in the range of {} ({base} + 1 to {})",
                        table.name(),
                        base + RANGE - 1
                    ));
                }
                let number = code - base;
                if let Some(n) = written_number.or(column_number).filter(|n| *n != number) {
                    row.fail(format!("{vendor_code} is number {n}, so its code must be {}", base + n));
                }
                if info.format.is_ordinal() && number as usize != table.codes.len() + 1 {
                    row.fail(format!(
                        "{vendor_code} must be code {} (names are numbered 1, 2, 3, ... in file order)",
                        base + table.codes.len() as u32 + 1
                    ));
                }
                table.codes.push(Code {
                    code,
                    vendor_code,
                    kind: row.kind(),
                    nearest: core_value(&row, row.cell("nearest")),
                    http: row.http(),
                    retry: row.retry(),
                    message: row.ascii("message"),
                    zh: row.zh(),
                    note: row.optional("note").to_string(),
                    status: None,
                });
                let c = table.codes.last().expect("just pushed");
                if c.kind == Kind::Ok {
                    row.fail("only success (an alias of HSUCCEED) has kind OK");
                }
                if !core.iter().any(|r| r.value == c.nearest && !r.is_base()) {
                    row.fail("the nearest code must be an InspireFace error, not a range base");
                }
                (code, (!info.format.is_ordinal()).then_some(number))
            }
            // An alias: a vendor code (and maybe a number) that names an InspireFace code, or
            // another vendor code of this table (a second name of a code, or a second number).
            Err(_) => {
                let own = table.codes.iter().find(|c| c.vendor_code == code_cell && c.status.is_none()).map(|c| c.code);
                let code = own.unwrap_or_else(|| core_value(&row, code_cell));
                for col in ["kind", "nearest", "http", "retry", "message", "zh"] {
                    if !row.optional(col).is_empty() {
                        row.fail(format!("an alias row has no {col} of its own (it names {code_cell})"));
                    }
                }
                let number = written_number.or(column_number);
                // A second name of a code, with the code's own number: the number needs no alias.
                let other_number = number.filter(|n| Some(base + n) != own);
                if adds_a_number && other_number.is_none() {
                    row.fail(format!("this row of {vendor_code} adds no number of its own"));
                }
                let note = row.optional("note").to_string();
                let vendor_code = (!adds_a_number).then_some(vendor_code);
                table.aliases.push(Alias { vendor_code, number: other_number, code, note });
                (code, number)
            }
        };
        if let Some(n) = number {
            if let Some(other) = numbers.insert(n, code).filter(|other| *other != code) {
                row.fail(format!("number {n} names both {other} and {code}"));
            }
        }
        if let (Some(value), expr) = (column_number, row.optional("value")) {
            let since = match row.optional("since") {
                "" if !info.bare.is_empty() => row.fail("no since: the first release whose herror.h defines it"),
                "" => None,
                text => Some(version(&row, text)),
            };
            table.macros.push(Macro {
                name: row.cell("vendor_code").to_string(),
                expr: expr.to_string(),
                value,
                code,
                since,
                line: *line,
            });
        }
        if let Some(module) = module(&row, column_number) {
            table.modules.push(module);
        }
    }
    if !info.bare.is_empty() {
        table.release = Some(release(&tsv));
    }
    if !table.codes.windows(2).all(|w| w[0].code < w[1].code) {
        panic!("{}: codes must be in ascending order", tsv.file);
    }
    table
}

/// Whether `text` is a release number `X.Y.Z`.
pub fn is_version(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// A row's release number (`X.Y.Z`).
fn version(row: &Row, text: &str) -> String {
    if !is_version(text) {
        row.fail(format!("{text:?} is not a release X.Y.Z"));
    }
    text.to_string()
}

/// A table of InspireFace's `# release: X.Y.Z` line: the newest release it matches.
fn release(tsv: &Tsv) -> String {
    let release = tsv.directive("release").unwrap_or_else(|| {
        panic!("{}: no `# release: X.Y.Z` line naming the newest release whose header the table matches", tsv.file)
    });
    if !is_version(release) {
        panic!("{}: release {release:?} is not a version X.Y.Z", tsv.file);
    }
    release.to_string()
}

/// A row's module: its `range` cell (`200-249`), which only a `*_BASE` macro may have, holding
/// the base's own value.
fn module(row: &Row, value: Option<u32>) -> Option<Module> {
    let range = row.optional("range");
    if range.is_empty() {
        return None;
    }
    let name = row.cell("vendor_code");
    let Some(value) = value.filter(|_| name.ends_with("_BASE")) else {
        row.fail(format!("{name} has a range: only a *_BASE macro has one"));
    };
    let bounds = range.split_once('-').and_then(|(a, b)| Some((a.parse::<u32>().ok()?, b.parse::<u32>().ok()?)));
    match bounds {
        Some((first, last)) if first <= value && value <= last && last < RANGE => {
            Some(Module { base: name.to_string(), first, last })
        }
        _ => row.fail(format!("range {range:?} is not FIRST-LAST around {name}'s value {value}")),
    }
}

/// Each code of InspireFace's own table (`core`, releases up to 1.2.2) and its number in `v`'s
/// numbering (1.2.3 and later): the number of the macro of `v` that names the code, or for a
/// code `v` has no macro of, the number of the macro its rows' `v2` cell names (an error, not a
/// range base; `HERR_UNKNOWN` where nothing is near). A code must have exactly one of the two.
fn numbers_in(core: &Table, v: &Table, rows: &[CoreRow]) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    for c in &core.codes {
        let own = v.macros.iter().find(|m| m.code == c.code).map(|m| m.value);
        let named: Vec<&CoreRow> = rows.iter().filter(|r| r.value == c.code && !r.v2.is_empty()).collect();
        let number = match (own, named.as_slice()) {
            (Some(n), []) => n,
            (Some(n), [r, ..]) => panic!(
                "codes/{}:{}: {} has a number in {} ({n}): leave its v2 empty",
                core.info.table, r.line, r.name, v.info.table
            ),
            (None, [r]) => {
                let m = v.macros.iter().find(|m| m.name == r.v2).unwrap_or_else(|| {
                    panic!("codes/{}:{}: v2 {:?} is no macro of {}", core.info.table, r.line, r.v2, v.info.table)
                });
                if m.name.ends_with("_BASE") {
                    panic!("codes/{}:{}: v2 {} is a range base, not an error", core.info.table, r.line, m.name);
                }
                m.value
            }
            (None, []) => panic!(
                "codes/{}: {} ({}) has no number in {}: name its nearest code there in the v2 column",
                core.info.table, c.vendor_code, c.code, v.info.table
            ),
            (None, [r, ..]) => panic!("codes/{}:{}: give one v2 for value {}", core.info.table, r.line, c.code),
        };
        out.push((c.code, number));
    }
    out
}

/// Checks that every code lies in its vendor's range (a bare number in InspireFace's), below
/// the end of herr's space, and that no number names two codes.
fn check_space(tables: &[Table]) {
    let mut seen = HashMap::new();
    for t in tables {
        for c in &t.codes {
            if c.code / RANGE != t.value as u32 || c.code >= END {
                panic!("{}: code {} is outside the range of vendor {} ({})", t.info.table, c.code, t.value, t.name());
            }
            if let Some(other) = seen.insert(c.code, t.info.table) {
                panic!("{}: code {} is also in {other}", t.info.table, c.code);
            }
        }
        for c in &t.bare {
            if !t.is_bare(c.code) {
                panic!("{}: bare number {} is outside the vendor's bare ranges", t.info.table, c.code);
            }
            if let Some(other) = seen.insert(c.code, t.info.table) {
                panic!("{}: bare number {} is also a code of {other}", t.info.table, c.code);
            }
        }
    }
}

/// InspireFace's numberings share InspireFace's part of herr's space, because herr reads the
/// numbers of releases 1.2.3 and later as InspireFace returns them: `v` is that numbering's
/// table, `core` InspireFace's own (releases up to 1.2.2). A number both use must mean the same
/// in both (0, 1, 2); every other number of `v` must lie in its bare ranges
/// (`VendorInfo::bare`, src/registry.rs), and no number of `core` may. A table change that
/// breaks this stops the build with a message naming the number and both rows.
///
/// Returns `v`'s bare records: one per number of `v` that `core` does not use, with the facts
/// of the code it names and `v`'s spelling, ascending.
fn check_numberings(core: &Table, v: &Table, rows: &[CoreRow]) -> Vec<Code> {
    let place =
        |t: &Table, m: &Macro| format!("{} in codes/{}:{} (herr code {})", m.name, t.info.table, m.line, m.code);
    let ranges: Vec<String> = v.info.bare.iter().map(|(a, b)| format!("{a}-{b}")).collect();
    let ranges = ranges.join(", ");
    for m in &core.macros {
        if let Some(other) = v.macros.iter().find(|o| o.value == m.value && o.code != m.code) {
            panic!(
                "number {} means two different things: {} and {}. InspireFace's numberings may share a number only with the same meaning: fix one of the rows",
                m.value,
                place(core, m),
                place(v, other)
            );
        }
        if v.is_bare(m.value) {
            panic!(
                "number {} ({}) lies in the numbers herr reads as {}'s ({ranges}, src/registry.rs): a code there would mean two things. Give it another number, or narrow the ranges",
                m.value,
                place(core, m),
                v.name()
            );
        }
    }
    let facts = |code: u32| {
        core.codes.iter().chain(&v.codes).find(|c| c.code == code).unwrap_or_else(|| panic!("no facts for code {code}"))
    };
    let mut bare: Vec<Code> = Vec::new();
    for m in &v.macros {
        if core.macros.iter().any(|c| c.value == m.value) {
            continue; // the same meaning: checked above
        }
        if !v.is_bare(m.value) {
            panic!(
                "number {} ({}) lies outside {}'s bare ranges ({ranges}, src/registry.rs), in the part of herr's space of InspireFace's releases up to 1.2.2: herr could not read it as it comes. Widen the ranges if no release up to 1.2.2 uses the number",
                m.value,
                place(v, m),
                v.name()
            );
        }
        if bare.iter().any(|b| b.code == m.value) {
            continue; // a second name of the number: the first one spells it
        }
        let of = facts(m.code);
        // The meaning of its own name: where releases up to 1.2.2 give the code a second name
        // (1300 is also HERR_SESS_REC_INVALID_INDEX), the code's text names both, but a number
        // of this numbering has one name (105), and the text of that one.
        let own = rows.iter().find(|r| r.name == m.name && r.value == m.code);
        bare.push(Code {
            code: m.value,
            vendor_code: m.name.clone(),
            kind: of.kind,
            nearest: of.nearest,
            http: of.http.clone(),
            retry: of.retry,
            message: own.map_or(&of.message, |r| &r.message).clone(),
            zh: own.map_or(&of.zh, |r| &r.zh).clone(),
            note: String::new(),
            status: None,
        });
    }
    bare.sort_by_key(|c| c.code);
    bare
}
