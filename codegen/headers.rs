//! What the generated headers add to their sources: herr.hpp's kinds, and the values herr.h's
//! cbindgen preamble (cbindgen.toml) takes from the tables and the version. `tests/generated.rs`
//! generates both headers with these and compares them with the committed ones.

use crate::kind::Kind;

/// `herr.hpp` from its template (`codegen/herr.hpp.in`): the `herr::kind` enumerators are the
/// kinds, in lower case, each equal to its `HERR_KIND_*` value.
pub fn hpp(template: &str) -> String {
    let kinds: Vec<String> =
        Kind::ALL.iter().map(|k| format!("    {} = HERR_KIND_{},", k.name().to_lowercase(), k.name())).collect();
    assert!(template.contains("@KINDS@"), "codegen/herr.hpp.in lost its @KINDS@ line");
    template.replace("@KINDS@", &kinds.join("\n"))
}

/// cbindgen.toml's preamble with its placeholders filled: `@HERR_SESS_BASE@` (the InspireFace
/// check compares with that macro's value, so the number is written only in the table) and
/// `@HERR_VERSION@`.
pub fn preamble(text: &str, sess_base: u32, version: &str) -> String {
    assert!(text.contains("@HERR_SESS_BASE@") && text.contains("@HERR_VERSION@"), "cbindgen.toml lost a placeholder");
    text.replace("@HERR_SESS_BASE@", &sess_base.to_string()).replace("@HERR_VERSION@", version)
}

/// cbindgen's herr.h with herr's own enumerator names where cbindgen's rule would differ:
/// `enum herr_response_status`'s are `HERR_RESPONSE_OK` ..., not `HERR_RESPONSE_STATUS_OK`.
pub fn header(cbindgen: &str) -> String {
    cbindgen.replace("HERR_RESPONSE_STATUS_", "HERR_RESPONSE_")
}
