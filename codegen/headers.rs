//! What the generated headers add to their sources: herr.hpp's kinds, and herr.h's preamble
//! (cbindgen.toml), which holds the version and InspireFace's `HERR_*` macros in both of its
//! numberings, written from the tables. `tests/generated.rs` generates both headers with these
//! and compares them with the committed ones.
//!
//! InspireFace's macros are written here, not by cbindgen from the Rust constants: herr.h must
//! spell each one exactly as InspireFace's herror.h does (`0X500`, `(HERR_SESS_BASE + 2)`), so
//! that the two headers can meet in one translation unit in either order (C11 6.10.3p2 allows
//! a macro to be defined again with an identical replacement list), and Rust cannot write
//! `0X500`. The tables hold each replacement list as InspireFace writes it.

use std::fmt::Write;

use crate::kind::Kind;
use crate::registry::RANGE;
use crate::tables::{Code, Macro, Table, Tables};

/// `herr.hpp` from its template (`codegen/herr.hpp.in`): the `herr::kind` enumerators are the
/// kinds, in lower case, each equal to its `HERR_KIND_*` value.
pub fn hpp(template: &str) -> String {
    let kinds: Vec<String> =
        Kind::ALL.iter().map(|k| format!("    {} = HERR_KIND_{},", k.name().to_lowercase(), k.name())).collect();
    assert!(template.contains("@KINDS@"), "codegen/herr.hpp.in lost its @KINDS@ line");
    template.replace("@KINDS@", &kinds.join("\n"))
}

/// The macro that asks herr.h for InspireFace 1.2.3+'s numbering.
pub const V2_MACRO: &str = "HERR_INSPIREFACE_V2";

/// cbindgen.toml's preamble with its placeholders filled: `@INSPIREFACE@` (InspireFace's macros,
/// [`inspireface`]) and `@HERR_VERSION@`.
pub fn preamble(text: &str, tables: &Tables, version: &str) -> String {
    assert!(text.contains("@INSPIREFACE@") && text.contains("@HERR_VERSION@"), "cbindgen.toml lost a placeholder");
    text.replace("@INSPIREFACE@", &inspireface(tables)).replace("@HERR_VERSION@", version)
}

/// The table of InspireFace 1.2.3+'s numbering: the vendor whose numbers are bare.
pub fn v2_table(tables: &Tables) -> &Table {
    tables.vendors.iter().find(|t| !t.info.bare.is_empty()).expect("the registry has InspireFace 1.2.3+")
}

/// The value of macro `name` in `t`'s numbering.
fn value(t: &Table, name: &str) -> u32 {
    t.macros.iter().find(|m| m.name == name).unwrap_or_else(|| panic!("{} has no {name}", t.info.table)).value
}

/// A doc comment in cbindgen's style: `/**`, ` * line`, ` */`.
fn doc(out: &mut String, lines: &[String]) {
    out.push_str("/**\n");
    for line in lines {
        if line.is_empty() {
            out.push_str(" *\n");
        } else {
            writeln!(out, " * {line}").unwrap();
        }
    }
    out.push_str(" */\n");
}

/// `#define NAME replacement-list`, with a comment after it on the one line where a compiler's
/// redefinition report points first (see [`inspireface`]).
fn define(out: &mut String, m: &Macro, comment: &str) {
    if m.name == "HERR_BASIC_BASE" {
        writeln!(out, "#define {} {} /* {comment} */\n", m.name, m.expr).unwrap();
    } else {
        writeln!(out, "#define {} {}\n", m.name, m.expr).unwrap();
    }
}

/// InspireFace's macros, in both numberings, and the checks that pick one (see the comment this
/// writes at their head, which the README's "Which InspireFace?" repeats for users).
pub fn inspireface(tables: &Tables) -> String {
    let core = &tables.vendors[0];
    let v2 = v2_table(tables);
    let (old, new) = (value(core, "HERR_SESS_BASE"), value(v2, "HERR_SESS_BASE"));
    let head = [
        "InspireFace's result codes (HResult), HERR_*, as InspireFace's herror.h defines them.".to_string(),
        format!("InspireFace 1.2.3 renumbered them: HERR_SESS_BASE is 0X500 ({old}) in releases 1.1.x to"),
        format!("1.2.2, 0x0064 ({new}) from 1.2.3 on. herr's functions read the numbers of every release as"),
        "InspireFace returns them; these macros follow one numbering per translation unit:".to_string(),
        "- an InspireFace herror.h included before herr.h, of any release: its macros stay, and".to_string(),
        "  herr.h defines none;".to_string(),
        format!("- otherwise those of releases 1.1.x to 1.2.2, or, with {V2_MACRO} defined before"),
        format!("  herr.h (CMake: -D{V2_MACRO}=ON), those of 1.2.3 and later."),
        "Each macro is spelled exactly as that numbering's herror.h spells it, so that header may".to_string(),
        "also come after herr.h: C allows a macro to be defined again with an identical replacement".to_string(),
        "list (C11 6.10.3p2). An herror.h of the other numbering after herr.h defines them again".to_string(),
        "differently, which compilers report (warnings by default, errors with -Werror), first about".to_string(),
        "HERR_BASIC_BASE, whose line below says what to do.".to_string(),
    ];
    let mut out = String::from("/*\n");
    for line in head {
        writeln!(out, " * {line}").unwrap();
    }
    out.push_str(" */\n");
    writeln!(out, "#if defined(INSPIRE_FACE_HERROR_H) || defined(HERR_SESS_BASE)").unwrap();
    writeln!(out, "#if !defined(HERR_SESS_BASE) || ((HERR_SESS_BASE) != {old} && (HERR_SESS_BASE) != {new})").unwrap();
    writeln!(out, "#error \"herr.h: the InspireFace herror.h included before herr.h numbers its codes as no release herr knows (HERR_SESS_BASE is neither 0X500 nor 0x0064). Include herr.h first, or use a herr release that knows this InspireFace.\"").unwrap();
    writeln!(out, "#elif (HERR_SESS_BASE) == {old} && defined({V2_MACRO})").unwrap();
    writeln!(out, "#error \"herr.h: {V2_MACRO} asks for InspireFace 1.2.3+'s numbering, but the InspireFace herror.h included before herr.h is release 1.2.2 or older (HERR_SESS_BASE is 0X500). Do not define {V2_MACRO} (CMake: -D{V2_MACRO}=OFF), or use InspireFace 1.2.3+'s herror.h.\"").unwrap();
    writeln!(out, "#endif\n#elif defined({V2_MACRO})\n").unwrap();
    let facts = |code: u32| -> &Code {
        tables.vendors.iter().flat_map(|t| &t.codes).find(|c| c.code == code).expect("every macro names a code")
    };
    out.push_str("/* InspireFace 1.2.3 and later. */\n\n");
    for m in &v2.macros {
        // A macro of both numberings says what its row of InspireFace's own table says (the
        // base's text for HERR_BASIC_BASE, not HERR_UNKNOWN's); a new one, its own code's.
        let (message, kind) = match tables.core.iter().find(|r| r.name == m.name && r.value == m.code) {
            Some(r) => (&r.message, r.kind),
            None => (&facts(m.code).message, facts(m.code).kind),
        };
        let mut lines = vec![format!("{}.", message.trim_end_matches('.')), String::new()];
        let mut about = format!("Kind: `HERR_KIND_{}`.", kind.name());
        if m.code >= RANGE {
            write!(about, " New in {} (herr code {}).", m.since.as_deref().unwrap_or("1.2.3"), m.code).unwrap();
        } else if m.code != m.value {
            write!(about, " Releases up to 1.2.2 number it {}.", m.code).unwrap();
        }
        lines.push(about);
        doc(&mut out, &lines);
        define(
            &mut out,
            m,
            &format!(
                "an InspireFace herror.h of 1.2.2 or older after herr.h redefines this: include it before herr.h, or do not define {V2_MACRO}"
            ),
        );
    }
    out.push_str("#else\n\n/* InspireFace 1.1.x to 1.2.2: herr's own numbering. */\n\n");
    for r in &tables.core {
        let mut lines = vec![format!("{}.", r.message.trim_end_matches('.')), String::new()];
        lines.push(format!("Kind: `HERR_KIND_{}`.", r.kind.name()));
        if !r.note.is_empty() {
            lines.push(String::new());
            lines.push(r.note.clone());
        }
        doc(&mut out, &lines);
        let m = core.macros.iter().find(|m| m.name == r.name).expect("every row is a macro");
        define(
            &mut out,
            m,
            &format!(
                "an InspireFace herror.h of 1.2.3 or later after herr.h redefines this: include it before herr.h, or define {V2_MACRO} before herr.h"
            ),
        );
    }
    out.push_str("#endif");
    out
}

/// cbindgen's herr.h with herr's own enumerator names where cbindgen's rule would differ:
/// `enum herr_response_status`'s are `HERR_RESPONSE_OK` ..., not `HERR_RESPONSE_STATUS_OK`.
pub fn header(cbindgen: &str) -> String {
    cbindgen.replace("HERR_RESPONSE_STATUS_", "HERR_RESPONSE_")
}
