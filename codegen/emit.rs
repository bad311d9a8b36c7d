//! Writes the Rust the library includes: the InspireFace constants (`inspireface.rs`) and the
//! lookup tables (`tables.rs`). Nothing here decides a fact; it only lays out what
//! `tables.rs` read and checked.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::chd;
use crate::pool::Pool;
use crate::tables::{CoreRow, VendorTable};

/// One code of a table, ready to be written.
struct Record {
    number: u32,
    spelling: String,
    message: String,
    kind: i32,
    nearest: i64,
    http: Vec<u16>,
    retry: bool,
}

/// A table ready to be written: records plus the extra keys that name codes.
struct Layout {
    name: &'static str,
    vendor: String,
    base: i64,
    records: Vec<Record>,
    by_name: bool,
    extra_names: Vec<(String, i64)>,
    extra_nums: Vec<(u32, i64)>,
}

/// What herr_to_string says for a value that several names share: the meanings of the
/// error names (not the range bases), joined; a base alone keeps its own text.
fn joined_message(rows: &[&CoreRow]) -> String {
    let errors: Vec<&&CoreRow> = rows.iter().filter(|r| !r.is_base()).collect();
    let chosen: Vec<&&CoreRow> = if errors.is_empty() { rows.iter().collect() } else { errors };
    let mut text = String::new();
    for (i, r) in chosen.iter().enumerate() {
        if i == 0 {
            text.push_str(&r.message);
        } else {
            let mut chars = r.message.chars();
            let first = chars.next().map(|c| c.to_ascii_lowercase()).unwrap_or_default();
            write!(text, ", or {first}{}", chars.as_str()).unwrap();
        }
    }
    text
}

/// The InspireFace table: one record per distinct value (ascending); the first error name
/// of a value in file order is its name, the other names are extra keys.
fn core_layout(core: &[CoreRow]) -> Layout {
    let mut by_value: BTreeMap<i64, Vec<&CoreRow>> = BTreeMap::new();
    for r in core {
        by_value.entry(r.value).or_default().push(r);
    }
    let mut records = Vec::new();
    let mut extra_names = Vec::new();
    for (value, rows) in &by_value {
        let primary = rows.iter().find(|r| !r.is_base()).unwrap_or(&rows[0]);
        for r in rows {
            if r.name != primary.name {
                extra_names.push((r.name.clone(), *value));
            }
        }
        records.push(Record {
            number: u32::try_from(*value).expect("InspireFace values are small and positive"),
            spelling: primary.name.clone(),
            message: joined_message(rows),
            kind: primary.kind.value(),
            nearest: *value,
            http: Vec::new(),
            retry: false,
        });
    }
    Layout {
        name: "INSPIREFACE",
        vendor: "Inspireface".into(),
        base: 0,
        records,
        by_name: true,
        extra_names,
        extra_nums: Vec::new(),
    }
}

fn vendor_layout(t: &VendorTable) -> Layout {
    let base = t.vendor.base();
    let records = t
        .rows
        .iter()
        .map(|r| Record {
            number: u32::try_from(r.code - base).expect("checked against the vendor range"),
            spelling: r.spelling.clone(),
            message: r.message.clone(),
            kind: r.kind.value(),
            nearest: r.nearest,
            http: r.http.clone(),
            retry: r.retry,
        })
        .collect();
    Layout {
        name: static_name(t.feature),
        vendor: format!("{:?}", t.vendor),
        base,
        records,
        by_name: t.by_name,
        extra_names: t.extra_names.clone(),
        extra_nums: t.extra_nums.clone(),
    }
}

/// The Rust static that holds a vendor's table.
pub fn static_name(feature: &str) -> &'static str {
    match feature {
        "sophon" => "SOPHON",
        "tencent-iai" => "TENCENT_IAI",
        "tencent-faceid" => "TENCENT_FACEID",
        "tencent-faceid-saas" => "TENCENT_FACEID_SAAS",
        "huawei-frs" => "HUAWEI_FRS",
        "inspireface-v2" => "INSPIREFACE_V2",
        other => panic!("no table for feature {other}"),
    }
}

fn bytes_literal(bytes: &[u8]) -> String {
    let mut s = String::from("*b\"");
    for &b in bytes {
        match b {
            0 => s.push_str("\\x00"),
            b'"' => s.push_str("\\\""),
            b'\\' => s.push_str("\\\\"),
            0x20..=0x7e => s.push(char::from(b)),
            _ => write!(s, "\\x{b:02x}").unwrap(),
        }
    }
    s.push('"');
    s
}

fn list<T: std::fmt::Display>(items: impl IntoIterator<Item = T>) -> String {
    let items: Vec<String> = items.into_iter().map(|i| i.to_string()).collect();
    format!("&[{}]", items.join(", "))
}

/// A `Phf` literal with the given slots.
fn phf_literal<T: std::fmt::Display>(built: &chd::Built, slots: impl IntoIterator<Item = T>) -> String {
    format!("Phf {{ seed: {:#x}, disp: {}, slots: {} }}", built.seed, list(&built.disp), list(slots))
}

/// The slots of a perfect hash over spellings: each spelling's place and length in the pool
/// with its key index, `Name(0, 0, EMPTY)` for an empty slot.
fn name_slots<'a>(built: &'a chd::Built, keys: &'a [&str], pool: &'a Pool) -> impl Iterator<Item = String> + 'a {
    built.slots.iter().map(move |&i| match keys.get(usize::from(i)) {
        Some(key) => {
            let len = u8::try_from(key.len()).unwrap_or_else(|_| panic!("{key}: longer than 255 bytes"));
            format!("Name({}, {len}, {i})", pool.offset(key))
        }
        None => format!("Name(0, 0, {})", crate::phf::EMPTY),
    })
}

/// Writes `tables.rs`: the pool, the HTTP status lists, the InspireFace table and one
/// `Option<&Table>` per vendor (`None` when its feature is off).
pub fn tables(core: &[CoreRow], vendors: &[(&'static str, Option<&VendorTable>)]) -> String {
    let core_layout = core_layout(core);
    let layouts: Vec<(&'static str, Option<Layout>)> =
        vendors.iter().map(|(name, t)| (*name, t.map(vendor_layout))).collect();
    let all: Vec<&Layout> =
        std::iter::once(&core_layout).chain(layouts.iter().filter_map(|(_, l)| l.as_ref())).collect();

    let pool = Pool::build(all.iter().flat_map(|l| {
        l.records
            .iter()
            .flat_map(|r| [r.spelling.as_str(), r.message.as_str()])
            .chain(l.extra_names.iter().map(|(n, _)| n.as_str()))
    }));
    let mut http: Vec<Vec<u16>> = vec![Vec::new()];
    for l in &all {
        for r in &l.records {
            if !http.contains(&r.http) {
                http.push(r.http.clone());
            }
        }
    }
    let core_index: BTreeMap<i64, usize> =
        core_layout.records.iter().enumerate().map(|(i, r)| (i64::from(r.number), i)).collect();

    let mut out = String::new();
    writeln!(out, "// @generated by build.rs from codes/*.tsv. Do not edit.\n").unwrap();
    writeln!(out, "/// Every name, spelling and message, NUL-terminated ({} bytes).", pool.bytes.len()).unwrap();
    writeln!(out, "pub(crate) static POOL: [u8; {}] = {};\n", pool.bytes.len(), bytes_literal(&pool.bytes)).unwrap();
    writeln!(out, "/// The documented HTTP status lists; `Rec::http` indexes it (0: none).").unwrap();
    writeln!(
        out,
        "pub(crate) static HTTP: [&[u16]; {}] = [{}];\n",
        http.len(),
        http.iter().map(list).collect::<Vec<_>>().join(", ")
    )
    .unwrap();

    let write_table = |out: &mut String, l: &Layout| {
        let dense = l.records.iter().enumerate().all(|(i, r)| r.number as usize == i + 1);
        let by_num = !dense || !l.extra_nums.is_empty();
        let mut s = format!("Table {{\n    vendor: Vendor::{},\n    base: {},\n    recs: &[\n", l.vendor, l.base);
        for r in &l.records {
            let nearest = core_index
                .get(&r.nearest)
                .unwrap_or_else(|| panic!("{}: nearest {} has no record", r.spelling, r.nearest));
            let http = http.iter().position(|h| *h == r.http).expect("collected above");
            writeln!(
                s,
                "        Rec {{ spell: {}, msg: {}, kind: {}, nearest: {nearest}, http: {http}, retry: {} }}, // {}",
                pool.offset(&r.spelling),
                pool.offset(&r.message),
                r.kind,
                r.retry,
                l.base + i64::from(r.number)
            )
            .unwrap();
        }
        s.push_str("    ],\n");
        let nums: Vec<u32> = if dense { Vec::new() } else { l.records.iter().map(|r| r.number).collect() };
        writeln!(s, "    nums: {},", list(&nums)).unwrap();
        let num_keys: Vec<Vec<u8>> = if by_num {
            l.records
                .iter()
                .map(|r| r.number)
                .chain(l.extra_nums.iter().map(|(n, _)| *n))
                .map(|n| n.to_le_bytes().to_vec())
                .collect()
        } else {
            Vec::new()
        };
        let built = chd::build(&num_keys, &format!("{} numbers", l.name));
        writeln!(s, "    by_num: {},", phf_literal(&built, &built.slots)).unwrap();
        let names: Vec<&str> = if l.by_name {
            l.records.iter().map(|r| r.spelling.as_str()).chain(l.extra_names.iter().map(|(n, _)| n.as_str())).collect()
        } else {
            Vec::new()
        };
        let name_keys: Vec<Vec<u8>> = names.iter().map(|n| n.as_bytes().to_vec()).collect();
        let built = chd::build(&name_keys, &format!("{} spellings", l.name));
        writeln!(s, "    by_name: {},", phf_literal(&built, name_slots(&built, &names, &pool))).unwrap();
        // Extra keys name InspireFace codes (or success), which fit in 16 bits.
        let small = |v: i64, what: &str| {
            u16::try_from(v).unwrap_or_else(|_| panic!("{}: extra {what} {v} is not 16-bit", l.name))
        };
        let extra_nums =
            l.extra_nums.iter().map(|(n, c)| format!("({}, {})", small(i64::from(*n), "number"), small(*c, "code")));
        writeln!(s, "    extra_nums: {},", list(extra_nums)).unwrap();
        let extra_names = l.extra_names.iter().map(|(n, c)| format!("({}, {})", pool.offset(n), small(*c, "code")));
        writeln!(s, "    extra_names: {},", list(extra_names)).unwrap();
        s.push('}');
        out.push_str(&s);
    };

    writeln!(out, "/// InspireFace's codes (seed numbering), one record per value.").unwrap();
    out.push_str("pub(crate) static INSPIREFACE: Table = ");
    write_table(&mut out, &core_layout);
    out.push_str(";\n\n");
    for (name, layout) in &layouts {
        match layout {
            Some(l) => {
                writeln!(out, "/// The {name} table.").unwrap();
                write!(out, "pub(crate) static {name}: Option<&Table> = Some(&").unwrap();
                write_table(&mut out, l);
                out.push_str(");\n\n");
            }
            None => writeln!(
                out,
                "/// The {name} table: its cargo feature is off.\npub(crate) static {name}: Option<&Table> = None;\n"
            )
            .unwrap(),
        }
    }
    out
}

/// Writes `inspireface.rs`: one `pub const` per row of `codes/inspireface.tsv`, with its
/// message and kind as the doc comment (cbindgen carries both into herr.h).
pub fn constants(core: &[CoreRow]) -> String {
    let mut out = String::from(
        "// @generated by build.rs from codes/inspireface.tsv. Do not edit.\n\
         // `herr_inspireface_header_first` is never set in Rust; cbindgen turns the cfg into\n\
         // `#if !defined(HERR_INSPIREFACE_HEADER_FIRST)`, so that herr.h leaves these macros to an\n\
         // InspireFace herror.h included before it.\n\n",
    );
    for r in core {
        let mut doc = vec![format!("{}.", r.message.trim_end_matches('.'))];
        doc.push(String::new());
        doc.push(format!("Kind: `HERR_KIND_{}`.", r.kind.name()));
        if !r.note.is_empty() {
            doc.push(String::new());
            doc.push(r.note.clone());
        }
        for line in doc {
            if line.is_empty() {
                out.push_str("///\n");
            } else {
                writeln!(out, "/// {line}").unwrap();
            }
        }
        writeln!(
            out,
            "#[cfg(not(herr_inspireface_header_first))]\npub const {}: core::ffi::c_long = {};\n",
            r.name, r.expr
        )
        .unwrap();
    }
    out
}

/// Writes `version.rs`: the crate's version as the `HERR_VERSION_MAJOR`/`MINOR`/`PATCH`
/// constants (cbindgen turns them into macros of herr.h; `HERR_VERSION_STRING`, a string
/// cbindgen cannot carry, is in cbindgen.toml's preamble).
pub fn version(major: u32, minor: u32, patch: u32) -> String {
    let mut out = String::from("// @generated by build.rs from Cargo.toml's version. Do not edit.\n\n");
    for (name, part, what) in [("MAJOR", major, "major"), ("MINOR", minor, "minor"), ("PATCH", patch, "patch")] {
        writeln!(
            out,
            "/// The {what} version of herr.h (`HERR_VERSION_STRING` holds all three).\npub const HERR_VERSION_{name}: core::ffi::c_int = {part};\n"
        )
        .unwrap();
    }
    out
}

/// Writes `herr.hpp` from its template (`codegen/herr.hpp.in`): the `herr::kind` enumerators
/// are the kinds, in lower case, each equal to its `HERR_KIND_*` value.
pub fn hpp(template: &str) -> String {
    let kinds: Vec<String> = crate::kind::Kind::ALL
        .iter()
        .map(|k| format!("    {} = HERR_KIND_{},", k.name().to_lowercase(), k.name()))
        .collect();
    assert!(template.contains("@KINDS@"), "codegen/herr.hpp.in lost its @KINDS@ line");
    template.replace("@KINDS@", &kinds.join("\n"))
}
