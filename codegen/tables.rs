//! Reads and checks the code tables in `codes/`. Every rule a table must keep is checked
//! here, so a mistake in a table stops the build with a message naming the file and line.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::Path;

use crate::kind::Kind;
use crate::vendor::{RANGE, Vendor};

/// One row of `codes/inspireface.tsv`.
pub struct CoreRow {
    pub name: String,
    /// The C expression, as written (`HERR_SESS_BASE + 2`).
    pub expr: String,
    pub value: i64,
    pub kind: Kind,
    pub message: String,
    pub note: String,
}

impl CoreRow {
    /// `*_BASE` names are the bases of InspireFace's ranges, not errors.
    pub fn is_base(&self) -> bool {
        self.name.ends_with("_BASE")
    }
}

/// One row of a vendor table.
pub struct VendorRow {
    /// The code in herr's space; 0 for a spelling of success.
    pub code: i64,
    pub spelling: String,
    pub kind: Kind,
    /// The nearest InspireFace code, by value.
    pub nearest: i64,
    pub http: Vec<u16>,
    pub retry: bool,
    pub message: String,
    /// The vendor's original wording when it is Chinese (kept for a later zh-CN API).
    pub zh: String,
    pub note: String,
}

/// A vendor's table and how text in that vendor's spelling is looked up.
pub struct VendorTable {
    pub vendor: Vendor,
    pub feature: &'static str,
    pub file: &'static str,
    pub rows: Vec<VendorRow>,
    /// Spellings are looked up by perfect hash (string codes).
    pub by_name: bool,
    /// Extra spellings that name a code of another table (InspireFace 1.2.3 macro names).
    pub extra_names: Vec<(String, i64)>,
    /// Extra numbers that name a code (InspireFace 1.2.3 numbers, a numeric success).
    pub extra_nums: Vec<(u32, i64)>,
    /// InspireFace 1.2.3 only: (number, name, code) of each renumbered code, for the docs.
    pub renumbered: Vec<(u32, String, i64)>,
}

/// Every vendor table: (vendor, cargo feature, file, looked up by spelling).
pub const VENDOR_FILES: [(Vendor, &str, &str, bool); 5] = [
    (Vendor::Sophon, "sophon", "sophon.tsv", true),
    (Vendor::TencentIai, "tencent-iai", "tencent_iai.tsv", true),
    (Vendor::TencentFaceid, "tencent-faceid", "tencent_faceid.tsv", true),
    (Vendor::TencentFaceidSaas, "tencent-faceid-saas", "tencent_faceid_saas.tsv", false),
    (Vendor::HuaweiFrs, "huawei-frs", "huawei_frs.tsv", false),
];

/// A parsed TSV file: its rows as column-name -> cell maps, with line numbers.
struct Tsv {
    file: String,
    rows: Vec<(usize, HashMap<String, String>)>,
}

impl Tsv {
    fn read(path: &Path) -> Tsv {
        let file = path.display().to_string();
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{file}: {e}"));
        let mut header: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let lineno = i + 1;
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            match &header {
                None => header = Some(cells.iter().map(|c| c.to_string()).collect()),
                Some(h) => {
                    if cells.len() > h.len() {
                        panic!("{file}:{lineno}: {} cells, the header has {}", cells.len(), h.len());
                    }
                    let map = h
                        .iter()
                        .enumerate()
                        .map(|(i, name)| (name.clone(), cells.get(i).unwrap_or(&"").trim().to_string()))
                        .collect();
                    rows.push((lineno, map));
                }
            }
        }
        Tsv { file, rows }
    }
}

fn cell<'a>(file: &str, line: usize, row: &'a HashMap<String, String>, col: &str) -> &'a str {
    row.get(col).unwrap_or_else(|| panic!("{file}:{line}: no column {col}"))
}

fn kind(file: &str, line: usize, text: &str) -> Kind {
    Kind::from_name(text).unwrap_or_else(|| panic!("{file}:{line}: unknown kind {text:?}"))
}

fn yes_no(file: &str, line: usize, text: &str) -> bool {
    match text {
        "yes" => true,
        "no" => false,
        _ => panic!("{file}:{line}: retry must be yes or no, not {text:?}"),
    }
}

fn text(file: &str, line: usize, what: &str, s: &str) -> String {
    if s.is_empty() {
        panic!("{file}:{line}: empty {what}");
    }
    if !s.is_ascii() || s.bytes().any(|b| b.is_ascii_control()) {
        panic!("{file}:{line}: {what} {s:?} must be printable ASCII");
    }
    s.to_string()
}

/// Parses a C integer literal (decimal or 0x hex).
fn literal(s: &str) -> Option<i64> {
    match s.strip_prefix("0x") {
        Some(hex) => i64::from_str_radix(hex, 16).ok(),
        None => s.parse().ok(),
    }
}

/// Reads `codes/inspireface.tsv`.
pub fn read_core(dir: &Path) -> Vec<CoreRow> {
    let tsv = Tsv::read(&dir.join("inspireface.tsv"));
    let f = tsv.file.as_str();
    let mut values: HashMap<String, i64> = HashMap::new();
    let mut out = Vec::new();
    for (line, row) in &tsv.rows {
        let line = *line;
        let name = cell(f, line, row, "name").to_string();
        if !name.starts_with("HSUCCEED") && !name.starts_with("HERR_")
            || !name.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        {
            panic!("{f}:{line}: {name:?} is not an InspireFace macro name");
        }
        let expr = cell(f, line, row, "value").to_string();
        // A literal, a name, or `NAME + n`: the forms InspireFace's header uses.
        let value = match expr.split_once(" + ") {
            Some((base, n)) => values.get(base).copied().zip(literal(n)).map(|(b, n)| b + n),
            None => literal(&expr).or_else(|| values.get(&expr).copied()),
        }
        .unwrap_or_else(|| panic!("{f}:{line}: cannot evaluate {expr:?} (names must be defined above)"));
        if values.insert(name.clone(), value).is_some() {
            panic!("{f}:{line}: {name} appears twice");
        }
        out.push(CoreRow {
            kind: kind(f, line, cell(f, line, row, "kind")),
            message: text(f, line, "message", cell(f, line, row, "message")),
            note: cell(f, line, row, "note").to_string(),
            name,
            expr,
            value,
        });
    }
    // Names that share a value must agree on the kind.
    let mut by_value: BTreeMap<i64, Vec<&CoreRow>> = BTreeMap::new();
    for r in &out {
        by_value.entry(r.value).or_default().push(r);
    }
    for rows in by_value.values() {
        let errors: Vec<_> = rows.iter().filter(|r| !r.is_base()).collect();
        if let Some(first) = errors.first() {
            if errors.iter().any(|r| r.kind != first.kind) {
                panic!("{f}: names of value {} disagree on the kind", first.value);
            }
        }
    }
    out
}

/// The value of an InspireFace macro name.
fn core_value(core: &[CoreRow], name: &str, f: &str, line: usize) -> i64 {
    core.iter()
        .find(|r| r.name == name)
        .map(|r| r.value)
        .unwrap_or_else(|| panic!("{f}:{line}: {name:?} is not an InspireFace name"))
}

/// The facts every vendor code has, from its row: a kind (never OK: only success is), the
/// nearest InspireFace code (an error, not a range base), retry, message, and the optional
/// Chinese original and note.
fn vendor_row(
    f: &str,
    line: usize,
    row: &HashMap<String, String>,
    core: &[CoreRow],
    code: i64,
    spelling: String,
    http: Vec<u16>,
) -> VendorRow {
    let kind = kind(f, line, cell(f, line, row, "kind"));
    if kind == Kind::Ok {
        panic!("{f}:{line}: only success (code 0) has kind OK");
    }
    let nearest = core_value(core, cell(f, line, row, "nearest"), f, line);
    if !core.iter().any(|r| r.value == nearest && !r.is_base()) {
        panic!("{f}:{line}: the nearest code must be an error, not a range base");
    }
    VendorRow {
        code,
        spelling,
        kind,
        nearest,
        http,
        retry: yes_no(f, line, cell(f, line, row, "retry")),
        message: text(f, line, "message", cell(f, line, row, "message")),
        zh: row.get("zh").cloned().unwrap_or_default(),
        note: cell(f, line, row, "note").to_string(),
    }
}

/// Reads one vendor table and checks its numbers against the vendor's range and spelling.
pub fn read_vendor(dir: &Path, core: &[CoreRow], entry: (Vendor, &'static str, &'static str, bool)) -> VendorTable {
    let (vendor, feature, file, by_name) = entry;
    let tsv = Tsv::read(&dir.join(file));
    let f = tsv.file.as_str();
    let mut rows = Vec::new();
    let mut extra_names = Vec::new();
    let mut extra_nums = Vec::new();
    let mut codes = HashSet::new();
    let mut spellings = HashSet::new();
    for (line, row) in &tsv.rows {
        let line = *line;
        let code: i64 =
            cell(f, line, row, "code").parse().unwrap_or_else(|_| panic!("{f}:{line}: code must be a number"));
        let spelling = text(f, line, "spelling", cell(f, line, row, "spelling"));
        if !spellings.insert(spelling.clone()) {
            panic!("{f}:{line}: spelling {spelling} appears twice");
        }
        let http = match cell(f, line, row, "http") {
            "" | "0" => Vec::new(),
            list => list
                .split(',')
                .map(|s| s.parse().unwrap_or_else(|_| panic!("{f}:{line}: bad HTTP status {s:?}")))
                .collect(),
        };
        if code == 0 {
            // A spelling of success: it names HSUCCEED and owns no code.
            if kind(f, line, cell(f, line, row, "kind")) != Kind::Ok {
                panic!("{f}:{line}: code 0 is success and must have kind OK");
            }
            match number_of(vendor, &spelling) {
                Some(n) if !by_name => extra_nums.push((n, 0)),
                _ if by_name => extra_names.push((spelling, 0)),
                _ => panic!("{f}:{line}: {spelling} cannot name success in this table"),
            }
            continue;
        }
        if Vendor::of_code(code) != vendor || code == vendor.base() {
            panic!("{f}:{line}: {code} is not in {vendor}'s range");
        }
        if !codes.insert(code) {
            panic!("{f}:{line}: code {code} appears twice");
        }
        // Codes that carry the vendor's own number must carry it exactly.
        if let Some(n) = number_of(vendor, &spelling) {
            if code != vendor.base() + i64::from(n) {
                panic!("{f}:{line}: {spelling} must be code {}", vendor.base() + i64::from(n));
            }
        } else if !by_name {
            panic!("{f}:{line}: {spelling:?} is not a {vendor} spelling");
        }
        rows.push(vendor_row(f, line, row, core, code, spelling, http));
    }
    // String codes are ordinals 1, 2, 3, ...: dense, assigned once, never reused.
    if by_name {
        for (i, r) in rows.iter().enumerate() {
            if r.code != vendor.base() + i as i64 + 1 {
                panic!(
                    "{f}: {} must be code {} (ordinals are dense and in file order)",
                    r.spelling,
                    vendor.base() + i as i64 + 1
                );
            }
        }
    }
    VendorTable { vendor, feature, file, rows, by_name, extra_names, extra_nums, renumbered: Vec::new() }
}

/// The number a numeric vendor spells in `spelling` (the offset from the vendor's base),
/// or `None` for a string code.
pub fn number_of(vendor: Vendor, spelling: &str) -> Option<u32> {
    let digits =
        |s: &str| (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten();
    match vendor {
        Vendor::TencentFaceidSaas => {
            (!spelling.is_empty() && spelling.len() <= 9 && spelling.bytes().all(|b| b.is_ascii_digit()))
                .then(|| spelling.parse().ok())
                .flatten()
        }
        Vendor::HuaweiFrs => {
            if let Some(n) = spelling.strip_prefix("FRS.") {
                digits(n)
            } else {
                spelling.strip_prefix("APIG.").and_then(digits).map(|n| n + 100_000)
            }
        }
        _ => None,
    }
}

/// Reads `codes/inspireface_v2.tsv` into a vendor table: the codes InspireFace 1.2.3 added
/// are its rows; its numbers and names of codes the seed numbering has are extra keys.
pub fn read_v2(dir: &Path, core: &[CoreRow]) -> VendorTable {
    let vendor = Vendor::InspirefaceV2;
    let tsv = Tsv::read(&dir.join("inspireface_v2.tsv"));
    let f = tsv.file.as_str();
    let mut rows = Vec::new();
    let mut extra_names = Vec::new();
    let mut extra_nums = Vec::new();
    let mut numbers = HashMap::new();
    let mut renumbered = Vec::new();
    for (line, row) in &tsv.rows {
        let line = *line;
        let number: u32 =
            cell(f, line, row, "number").parse().unwrap_or_else(|_| panic!("{f}:{line}: number must be a number"));
        let name = cell(f, line, row, "name").to_string();
        let maps_to = cell(f, line, row, "maps_to");
        let code = match maps_to.parse::<i64>() {
            Ok(code) => {
                if code != vendor.base() + i64::from(number) {
                    panic!("{f}:{line}: {name} must be code {}", vendor.base() + i64::from(number));
                }
                rows.push(vendor_row(f, line, row, core, code, name.clone(), Vec::new()));
                continue;
            }
            Err(_) => core_value(core, maps_to, f, line),
        };
        // A number shared by two names (1: HERR_BASIC_BASE and HERR_UNKNOWN) must agree.
        match numbers.insert(number, code) {
            Some(old) if old != code => panic!("{f}:{line}: number {number} maps to two codes"),
            Some(_) => {}
            None => extra_nums.push((number, code)),
        }
        renumbered.push((number, name.clone(), code));
        extra_names.push((name, code));
    }
    VendorTable {
        vendor,
        feature: "inspireface-v2",
        file: "inspireface_v2.tsv",
        rows,
        by_name: true,
        extra_names,
        extra_nums,
        renumbered,
    }
}

/// Checks that no number in herr's space names two codes and that vendor codes stay
/// out of InspireFace's range.
pub fn check_space(vendors: &[VendorTable]) {
    let mut seen = HashMap::new();
    for t in vendors {
        for r in &t.rows {
            if r.code <= 0 || r.code >= RANGE * 7 || r.code > i64::from(i32::MAX) {
                panic!("{}: code {} is outside herr's space", t.file, r.code);
            }
            if let Some(other) = seen.insert(r.code, t.file) {
                panic!("{}: code {} is also in {other}", t.file, r.code);
            }
        }
    }
}
