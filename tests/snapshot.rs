//! Numbers never move. `tests/snapshots/codes.tsv` is a checked-in snapshot of the whole code
//! space as the library answers it (number, vendor, spelling, kind, nearest, HTTP statuses):
//! any difference fails. `HERR_BLESS=1 cargo test` may only *add* rows (new codes); a row
//! that changed or disappeared must be edited by hand, on purpose.
#![cfg(feature = "vendors")]

mod common;

use std::collections::BTreeMap;
use std::fs;

use herr::Code;

fn snapshot() -> String {
    let mut out = String::from("# number\tvendor\tspelling\tkind\tnearest\thttp\n");
    for code in Code::all() {
        let http: Vec<String> = code.http_statuses().iter().map(u16::to_string).collect();
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\n",
            code.value(),
            code.vendor(),
            code.vendor_code(),
            code.kind(),
            code.to_inspireface().value(),
            http.join(",")
        ));
    }
    out
}

fn rows(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| (l.split('\t').next().unwrap().to_string(), l.to_string()))
        .collect()
}

#[test]
fn numbers_never_move() {
    let path = common::root().join("tests/snapshots/codes.tsv");
    let committed = fs::read_to_string(&path).unwrap_or_default();
    let generated = snapshot();
    if committed == generated {
        return;
    }
    let (old, new) = (rows(&committed), rows(&generated));
    let changed: Vec<String> = old
        .iter()
        .filter(|(number, row)| new.get(*number) != Some(row))
        .map(|(number, row)| format!("  was: {row}\n  now: {}", new.get(number).map_or("<gone>", String::as_str)))
        .collect();
    assert!(changed.is_empty(), "codes changed or disappeared; numbers must never move:\n{}", changed.join("\n"));
    let added = new.len() - old.len();
    assert!(common::bless(), "{added} new codes are not in {}: run `HERR_BLESS=1 cargo test`", path.display());
    fs::write(&path, generated).unwrap();
}
