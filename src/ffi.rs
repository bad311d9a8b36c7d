//! The C ABI: every `extern "C"` function of herr, and nothing else. Each one converts its
//! arguments (checking every pointer and every enum value that comes from C), asks the Rust
//! side, and converts the answer back. None of them allocates, locks, keeps state or panics.
//!
//! Pointer arguments are raw pointers in safe functions, as in rustls-ffi: C cannot call
//! `unsafe` Rust any differently, and each function documents what it needs from the pointer
//! and what it does with NULL.

#![allow(clippy::not_unsafe_ptr_arg_deref)]

use core::ffi::{CStr, c_char, c_int, c_long};

use crate::c_ptr;
use crate::c_types::{Response, ResponseStatus, herr_response_status_t, herr_response_t};
use crate::kind::{Kind, herr_kind_t};
use crate::lang::{Lang, herr_lang_t};
use crate::reply::{self, ReplyError};
use crate::table::{self, Record};
use crate::vendor::{Vendor, herr_vendor_t};

const VERSION: &CStr = match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
    Ok(version) => version,
    Err(_) => c"unknown",
};

/// The record of a code from C. `c_long` is 32 or 64 bits wide; either converts to `u32`
/// without 64-bit arithmetic where `long` has 32 bits.
#[inline]
fn find(code: c_long) -> Option<Record> {
    u32::try_from(code).ok().and_then(Record::find)
}

/// A vendor value from C as the index the tables take. A negative one becomes 2^31 or more,
/// past every vendor, which every table answers as a vendor not in this build.
#[inline]
fn vendor_index(vendor: c_int) -> usize {
    vendor as u32 as usize
}

/// A herr code (below 7,000,000) as a C `long`.
#[allow(clippy::unnecessary_fallible_conversions)] // infallible only where `long` has 64 bits
fn to_c(code: u32) -> c_long {
    c_long::try_from(code).unwrap_or(crate::HERR_UNKNOWN)
}

/// Returns the version of the herr library, such as "0.1.0": a static string, never NULL.
#[unsafe(no_mangle)]
pub extern "C" fn herr_version() -> *const c_char {
    VERSION.as_ptr()
}

/// Returns the message of `code`: InspireFace's text for its codes (for 1300, a text that
/// names both of its meanings), the vendor's meaning in English for a vendor code.
///
/// Every function that says what a code means reads InspireFace's numbers of every release as
/// InspireFace returns them: a number of 1.2.3 and later (102) gets the answer of the herr code
/// that herr_from_vendor_number(HERR_VENDOR_INSPIREFACE_V2, number, &code) gives (1283), here
/// "Tracker module not initialized"; herr_vendor_of and herr_vendor_code say it is 1.2.3+'s.
///
/// Never NULL: a static, NUL-terminated ASCII string. For a code herr does not know (any
/// `long`, negative or huge included) it is "Unknown error code".
#[unsafe(no_mangle)]
pub extern "C" fn herr_to_string(code: c_long) -> *const c_char {
    find(code).map_or(table::Text::unknown(), Record::message).as_ptr()
}

/// Returns the message of `code` in language `lang` (a HERR_LANG_* value): exactly
/// herr_to_string(code) for HERR_LANG_EN, the Simplified Chinese text for HERR_LANG_ZH.
///
/// Never NULL: a static, NUL-terminated string, UTF-8 for HERR_LANG_ZH (ASCII otherwise). For
/// a code herr does not know, the unknown-code text of that language ("Unknown error code",
/// or its Chinese). A `lang` herr does not know gives English. A library built without the `zh`
/// feature (firmware archives unless asked for) has no Chinese texts: HERR_LANG_ZH gives
/// English too.
#[unsafe(no_mangle)]
pub extern "C" fn herr_to_string_lang(code: c_long, lang: c_int) -> *const c_char {
    match Lang::from_value(lang) {
        #[cfg(feature = "zh")]
        Some(Lang::Zh) => find(code).map_or(table::Text::unknown_zh(), Record::message_zh).as_ptr(),
        _ => herr_to_string(code),
    }
}

/// Returns the language a locale name asks for: HERR_LANG_ZH for Chinese in simplified
/// characters ("zh", "zh_CN", "zh_CN.UTF-8", "zh_SG", "zh-Hans"), HERR_LANG_EN for everything
/// else (NULL, "", "C", "en_US.UTF-8", "zh_TW", "zh-Hant"). Pass `setlocale(LC_MESSAGES, NULL)`
/// or getenv("LANG"); on Windows, which has no LC_MESSAGES, `setlocale(LC_ALL, "")`'s answer.
///
/// The name is a POSIX locale (`language[_territory][.codeset][@modifier]`) or a BCP 47 tag;
/// letters match in any case. Chinese needs the language `zh` with the script Hans, or no
/// script and the territory CN, SG, MY or none; and a codeset, if named, of UTF-8 (herr's
/// Chinese is UTF-8: "zh_CN.GB18030" gives HERR_LANG_EN). Windows' own names ask for Chinese
/// when the language is "Chinese (Simplified)", or "Chinese" in China or Singapore, and the
/// code page is 936, 54936 or UTF-8 ("Chinese (Simplified)_China.936"; not
/// "Chinese (Traditional)_Taiwan.950"): there the code page is the program's, and a console
/// shows the UTF-8 texts after SetConsoleOutputCP(CP_UTF8). Reads `locale` up to its NUL.
#[unsafe(no_mangle)]
pub extern "C" fn herr_lang_from_locale(locale: *const c_char) -> herr_lang_t {
    // SAFETY: the caller passes NULL or a NUL-terminated string.
    unsafe { c_ptr::c_str(locale) }.map_or(Lang::En, Lang::from_locale)
}

/// Returns the InspireFace macro name of `code`, such as "HERR_SESS_REC_BLOCK_FULL", of
/// whichever release brought the code: "HERR_UNKNOWN" for 1 (also HERR_BASIC_BASE),
/// "HERR_SESS_LANDMARK_NUM_NOT_MATCH" for 1300 (also HERR_SESS_REC_INVALID_INDEX), and for a
/// code only InspireFace 1.2.3 and later have, its name there: "HERR_EXTENSION_ERROR" for 351 as
/// InspireFace returns it and for its herr code 6000351. A number of 1.2.3 and later gives its
/// name in that numbering: "HERR_SESS_TRACKER_FAILURE" for 102; "HERR_SESS_LANDMARK_NUM_NOT_MATCH"
/// alone for 105 (1.2.3 dropped HERR_SESS_REC_INVALID_INDEX). `herr_aliases` gives every name.
///
/// Returns NULL for a code that is not InspireFace's (a vendor's codes: herr_vendor_code spells
/// those) or that herr does not know (in this build: the codes only 1.2.3 and later have need
/// its table, the `inspireface-v2` feature, which `cargo c-lib` and CMake have).
#[unsafe(no_mangle)]
pub extern "C" fn herr_name(code: c_long) -> *const c_char {
    u32::try_from(code).ok().and_then(|c| table::names_of(c).next()).map_or(core::ptr::null(), |t| t.as_ptr())
}

/// Looks up an InspireFace macro name of any release, `*_BASE` names included
/// ("HERR_SESS_BASE" is 1280). The match is exact: no case folding, no whitespace. A name that
/// releases up to 1.2.2 have gives herr's code of it, in the numbering of those releases,
/// whichever numbering herr.h's macros follow ("HERR_SESS_TRACKER_FAILURE" is 1283); a name only
/// 1.2.3 and later have gives its herr code ("HERR_EXTENSION_ERROR" is 6000351; with the
/// `inspireface-v2` feature). herr_name(code) gives the name back.
///
/// On success writes the code to `*out` (unless `out` is NULL) and returns true. Returns
/// false, and leaves `*out` untouched, when `name` is NULL or not such a name.
#[unsafe(no_mangle)]
pub extern "C" fn herr_from_name(name: *const c_char, out: *mut c_long) -> bool {
    // SAFETY: the caller passes NULL or a NUL-terminated string.
    let Some(name) = (unsafe { c_ptr::c_str(name) }) else { return false };
    let Some(code) = table::code_of_macro_name(name) else {
        return false;
    };
    // SAFETY: the caller passes NULL or a writable `long`.
    unsafe { c_ptr::write(out, to_c(code)) };
    true
}

/// Stores every InspireFace name of `code` in `names[0]`, `names[1]`, ... (the name
/// `herr_name` returns first), at most `capacity` of them, and returns how many names the code
/// has: 2 for 1 and 1300, 1 for the other InspireFace codes of every release (105, a number of
/// 1.2.3 and later, has one), 0 for any other code.
///
/// With `names` NULL (or `capacity` 0) nothing is stored: a call to learn the count.
#[unsafe(no_mangle)]
pub extern "C" fn herr_aliases(code: c_long, names: *mut *const c_char, capacity: usize) -> usize {
    let all = u32::try_from(code).into_iter().flat_map(table::names_of).map(|t| t.as_ptr());
    // SAFETY: the caller passes NULL or `capacity` writable pointers.
    unsafe { c_ptr::fill(names, capacity, all) }
}

/// Returns what the caller should do next about `code`: HERR_KIND_OK for success,
/// HERR_KIND_UNKNOWN for a code herr does not know.
#[unsafe(no_mangle)]
pub extern "C" fn herr_kind(code: c_long) -> herr_kind_t {
    find(code).map_or(Kind::Unknown, Record::kind)
}

/// Returns the name of a kind without its prefix, such as "NO_FACE" for HERR_KIND_NO_FACE.
///
/// Never NULL: a value that is not a kind (negative, or past the last one) gives "UNKNOWN".
#[unsafe(no_mangle)]
pub extern "C" fn herr_kind_name(kind: c_int) -> *const c_char {
    Kind::from_value(i64::from(kind)).unwrap_or(Kind::Unknown).name_c().as_ptr()
}

/// Turns a vendor's error code, as text, into a herr code: the exact spelling for SOPHON and
/// Tencent IAI and FaceID ("InvalidParameterValue.NoFaceInPhoto"); decimal text for FaceID
/// SaaS ("2016"), InspireFace and InspireFace 1.2.3+ (which also take macro names);
/// "FRS.NNNN", "APIG.NNNN" or "APIGW.NNNN" for Huawei. Decimal text is 1 to 9 ASCII digits,
/// leading zeros included ("0002016" is 2016), with no sign, point or separator; Huawei's
/// NNNN is exactly 4 digits. ASCII whitespace around the text is ignored. A vendor's own success ("Success", "0") gives HSUCCEED. A spelling whose meaning
/// depends on the HTTP status (Huawei's "APIG.0201") gives its status-less code (5100201):
/// herr_for_status, or herr_parse_response with the status, picks the meaning.
///
/// On success writes the code to `*out` (unless `out` is NULL) and returns true. Returns
/// false, and leaves `*out` untouched, when `code` is NULL, not a code of that vendor, or
/// when `vendor` is not a HERR_VENDOR_* value or its table is not in this build
/// (see `herr_vendor_enabled`).
#[unsafe(no_mangle)]
pub extern "C" fn herr_from_vendor(vendor: c_int, code: *const c_char, out: *mut c_long) -> bool {
    table::with_vendor_lookup(vendor_index(vendor), FromVendor { code, out })
}

/// `herr_from_vendor` for text that is not NUL-terminated: the `len` bytes at `code` (a JSON
/// field, a packet). Bytes past `len` are never read; a NUL inside the `len` bytes makes the
/// text match nothing.
#[unsafe(no_mangle)]
pub extern "C" fn herr_from_vendor_n(vendor: c_int, code: *const c_char, len: usize, out: *mut c_long) -> bool {
    // SAFETY: the caller passes NULL or `len` readable bytes.
    let text = unsafe { c_ptr::bytes(code, len) };
    let Some(code) = text.and_then(|t| table::code_of_vendor_text(vendor_index(vendor), t)) else { return false };
    // SAFETY: the caller passes NULL or a writable `long`.
    unsafe { c_ptr::write(out, to_c(code)) };
    true
}

/// `herr_from_vendor`'s work once the vendor is known: [`table::with_vendor_lookup`] makes one
/// copy of [`FromVendor::run`] per vendor, with that vendor's lookup in line, and
/// `herr_from_vendor` is one jump on the vendor to it. (`herr_from_vendor_n` shares the one
/// lookup of every vendor that the Rust API uses: its callers hold a length already, and the
/// seven copies cost about 4 KB.) Built only by `herr_from_vendor`, which passes the caller's
/// pointers.
struct FromVendor {
    code: *const c_char,
    out: *mut c_long,
}

impl table::VendorTask for FromVendor {
    type Output = bool;

    fn none(self) -> bool {
        false
    }

    // Not inlined: each vendor's copy stays a function of its own, which the dispatch jumps to.
    #[inline(never)]
    fn run(self, vendor: usize, lookup: impl Fn(&[u8]) -> Option<u32>) -> bool {
        // SAFETY: `code` is NULL or a NUL-terminated string, as herr_from_vendor's caller promised.
        let Some(text) = (unsafe { c_ptr::c_str(self.code) }) else { return false };
        // A match, not `lookup(text).or_else(..)`: that measured 2 instructions more a lookup.
        let code = match lookup(text) {
            Some(code) => code,
            None => match table::code_of_untrimmed(vendor, text) {
                Some(code) => code,
                None => return false,
            },
        };
        // SAFETY: `out` is NULL or a writable `long`, as herr_from_vendor's caller promised.
        unsafe { c_ptr::write(self.out, to_c(code)) };
        true
    }
}

/// Turns a numbered vendor's code into a herr code: FaceID SaaS (2016 -> 4002016, 0 -> HSUCCEED),
/// InspireFace 1.2.3+ (102 -> 1283, herr's code of HERR_SESS_TRACKER_FAILURE; 351 -> 6000351),
/// InspireFace 1.2.2 and older (its own codes, unchanged; not the numbers only 1.2.3+ uses).
///
/// On success writes the code to `*out` (unless `out` is NULL) and returns true. Returns
/// false, and leaves `*out` untouched, for a number the vendor does not use, for a vendor
/// whose codes are text (SOPHON, Tencent IAI and FaceID PaaS, Huawei), and for a `vendor`
/// that is not a HERR_VENDOR_* value or whose table is not in this build.
#[unsafe(no_mangle)]
pub extern "C" fn herr_from_vendor_number(vendor: c_int, number: c_long, out: *mut c_long) -> bool {
    let Some(code) = u32::try_from(number).ok().and_then(|n| table::code_of_decimal(vendor_index(vendor), n)) else {
        return false;
    };
    // SAFETY: the caller passes NULL or a writable `long`.
    unsafe { c_ptr::write(out, to_c(code)) };
    true
}

/// Returns the vendor whose range holds `code` (`code / 1000000`), whether or not herr knows
/// the code; HERR_VENDOR_UNKNOWN for a negative code or one past the last range. The numbers
/// that only InspireFace 1.2.3 and later uses, as it returns them (3 to 24 and 100 to 1279),
/// are HERR_VENDOR_INSPIREFACE_V2's; 0, 1, 2 and the rest of InspireFace's range,
/// HERR_VENDOR_INSPIREFACE's.
#[unsafe(no_mangle)]
pub extern "C" fn herr_vendor_of(code: c_long) -> herr_vendor_t {
    u32::try_from(code).map_or(Vendor::Unknown, Vendor::of_number)
}

/// Returns the short name of a vendor, such as "huawei-frs".
///
/// Never NULL: a value that is not a HERR_VENDOR_* value gives "unknown".
#[unsafe(no_mangle)]
pub extern "C" fn herr_vendor_name(vendor: c_int) -> *const c_char {
    Vendor::from_value(i64::from(vendor)).unwrap_or(Vendor::Unknown).name_c().as_ptr()
}

/// Returns `code` as its vendor spells it: "FRS.0501", "2016", "NO_FACE_ERROR",
/// "InvalidParameterValue.NoFaceInPhoto"; the macro name for an InspireFace code, of the
/// numbering it is a code of (102: InspireFace 1.2.3's "HERR_SESS_TRACKER_FAILURE").
///
/// Returns NULL for a code herr does not know (in this build).
#[unsafe(no_mangle)]
pub extern "C" fn herr_vendor_code(code: c_long) -> *const c_char {
    find(code).map_or(core::ptr::null(), |r| r.vendor_code().as_ptr())
}

/// Returns true when this build of the library holds `vendor`'s table (each vendor is a
/// cargo feature; all are on by default). Always true for HERR_VENDOR_INSPIREFACE; false for
/// a value that is not a HERR_VENDOR_* value.
#[unsafe(no_mangle)]
pub extern "C" fn herr_vendor_enabled(vendor: c_int) -> bool {
    Vendor::from_value(i64::from(vendor)).and_then(Vendor::index).is_some_and(table::enabled)
}

/// Returns the nearest InspireFace code of `code`, for code paths that only know HERR_*, in the
/// numbering of releases 1.1.x to 1.2.2 (herr.h's default): `code` itself for such a code,
/// 1283 for 102 (a number of 1.2.3 and later), the nearest one for a vendor's code or a code
/// only 1.2.3 and later have; HERR_UNKNOWN for a code herr does not know.
/// herr_to_inspireface_v2 answers in the numbering of 1.2.3 and later.
#[unsafe(no_mangle)]
pub extern "C" fn herr_to_inspireface(code: c_long) -> c_long {
    find(code).map_or(crate::HERR_UNKNOWN, |r| to_c(r.nearest()))
}

/// Returns the nearest InspireFace code of `code` in the numbering of InspireFace 1.2.3 and
/// later, as such a release returns it (and as herr.h's macros are with HERR_INSPIREFACE_V2):
/// 102 for 1283 (HERR_SESS_TRACKER_FAILURE), 102 for 102, 351 for 6000351, 0 for HSUCCEED; for
/// a vendor's code, the number of its nearest InspireFace code; for a code of releases up to
/// 1.2.2 that 1.2.3 removed, the number of its nearest code there (1304, HERR_SESS_REC_BLOCK_FULL:
/// 202, HERR_FT_HUB_INSERT_FAILURE; docs/CODES.md lists them). Numbers are those of the newest
/// release herr knows (herr_inspireface_release()): a few came only after 1.2.3 (204, 205).
///
/// Returns HERR_UNKNOWN (1 in both numberings) for a code herr does not know (in this build),
/// negative and huge values included.
#[unsafe(no_mangle)]
pub extern "C" fn herr_to_inspireface_v2(code: c_long) -> c_long {
    u32::try_from(code).ok().and_then(table::inspireface_v2_number).map_or(crate::HERR_UNKNOWN, to_c)
}

/// Returns the newest InspireFace release whose codes this build of herr knows, such as
/// "1.2.4": every code its herror.h defines and its library returns. A number that a later
/// release added is not known: herr_to_string gives "Unknown error code", herr_kind
/// HERR_KIND_UNKNOWN and herr_name NULL, while herr_vendor_of still says
/// HERR_VENDOR_INSPIREFACE_V2 for the numbers 1.2.3 and later use (3 to 24, 100 to 1279); the
/// `herr` command names the module its range belongs to. A build without the `inspireface-v2`
/// feature knows releases up to 1.2.2 only: "1.2.2".
///
/// Never NULL: a static, NUL-terminated ASCII string.
#[unsafe(no_mangle)]
pub extern "C" fn herr_inspireface_release() -> *const c_char {
    table::inspireface_release().as_ptr()
}

/// Returns the HTTP status the vendor documents with `code` (the first one, when it
/// documents several: see `herr_http_statuses`), or 0 when it documents none.
#[unsafe(no_mangle)]
pub extern "C" fn herr_http_status(code: c_long) -> c_int {
    find(code).and_then(|r| r.http().first()).map_or(0, |s| c_int::from(*s))
}

/// Stores every HTTP status the vendor documents with `code` in `statuses[0..capacity]` and
/// returns how many there are (0 for none). Huawei's APIG.0201 has seven, each with its own
/// meaning: 413, 504 (the two Huawei's error page names), 400, 414, 494, 502, 500.
///
/// With `statuses` NULL (or `capacity` 0) nothing is stored: a call to learn the count.
#[unsafe(no_mangle)]
pub extern "C" fn herr_http_statuses(code: c_long, statuses: *mut c_int, capacity: usize) -> usize {
    let list = find(code).map_or(&[][..], Record::http);
    // SAFETY: the caller passes NULL or `capacity` writable ints.
    unsafe { c_ptr::fill(statuses, capacity, list.iter().map(|s| c_int::from(*s))) }
}

/// Returns true when sending the same request again can succeed (rate limits, timeouts,
/// unavailable services, transient internal errors); false otherwise, and for a code herr
/// does not know.
#[unsafe(no_mangle)]
pub extern "C" fn herr_is_retryable(code: c_long) -> bool {
    find(code).is_some_and(Record::retry)
}

/// Returns the meaning of `code` under HTTP status `http_status`, where the vendor documents one
/// apart: Huawei's APIG.0201 (5100201) is 5110001 with 413 (body too large), 5110002 with 504
/// (backend timed out), and so on (docs/CODES.md lists them). Returns `code` itself for any
/// other code or status, known or not; for a number of InspireFace 1.2.3 and later as
/// InspireFace returns it, the herr code herr_from_vendor_number gives it (102: 1283). A status
/// outside 0 to 65535 is no status.
#[unsafe(no_mangle)]
pub extern "C" fn herr_for_status(code: c_long, http_status: c_int) -> c_long {
    let Ok(known) = u32::try_from(code) else { return code };
    to_c(table::code_for_status(known, u16::try_from(http_status).unwrap_or(0)))
}

/// Reads a vendor's HTTP reply body, the `len` bytes at `body` as they came off the socket (not
/// NUL-terminated; bytes past `len` are never read), and says what it means:
/// - Tencent IAI and FaceID: `Response.Error.Code` and `.Message`, `Response.RequestId`; a
///   `Response` without `Error` is success, or for FaceID its `Response.Result` (a code, or
///   "Success") with `Response.Description` as the message;
/// - Huawei FRS: `error_code`, `error_msg`, `request_id`;
/// - SOPHON: `error.code` and `error.message`;
/// - Amazon Rekognition: `__type` (read without its `namespace#`) and `Message`;
/// - Azure AI Face: `error.code` and `error.message`;
/// - Baidu: `error_code` (a JSON number; 0 is success; its SDKs' `SDK1xx` a string),
///   `error_msg`, `log_id` (a number);
/// - Alibaba Cloud: `Code`, `Message`, `RequestId`.
///
/// The vendor code and the request id it returns are a string's raw contents, or a number's
/// text as the body writes it.
///
/// `http_status` is the reply's HTTP status, 0 if unknown (any other value outside 100 to 599
/// gives HERR_RESPONSE_INVALID_ARGUMENT): a body without its vendor's error member is success
/// only when the status is 0 or 2xx (else HERR_RESPONSE_NO_CODE), and where a vendor code means
/// different things by status (Huawei's APIG.0201), the status picks the code (see
/// herr_for_status).
///
/// The body must be one JSON object (RFC 8259, strictly: no trailing bytes or commas, no raw
/// control bytes or invalid UTF-8 in strings; a byte-order mark is refused), at most
/// HERR_RESPONSE_MAX_DEPTH levels deep. A member counts only at its place (an "Error" in a
/// string, or nested deeper, is not one); of a member given twice, the last counts, and a
/// later object replaces all the earlier one held. One pass, no allocation, no recursion.
///
/// Writes `*out` for the two non-negative statuses only; the texts it holds point into `body`.
#[unsafe(no_mangle)]
pub extern "C" fn herr_parse_response(
    vendor: c_int,
    body: *const c_char,
    len: usize,
    http_status: c_int,
    out: *mut herr_response_t,
) -> herr_response_status_t {
    let Some(vendor) = Vendor::from_value(i64::from(vendor)) else { return ResponseStatus::InvalidArgument };
    if out.is_null() || (body.is_null() && len > 0) {
        return ResponseStatus::InvalidArgument;
    }
    // SAFETY: the caller passes `len` readable bytes (or NULL with `len` 0: an empty body).
    let body = unsafe { c_ptr::bytes(body, len) }.unwrap_or(&[]);
    let Ok(http_status) = u16::try_from(http_status) else { return ResponseStatus::InvalidArgument };
    let reply = match reply::parse_reply(vendor, body, http_status) {
        Ok(reply) => reply,
        Err(error) => {
            return match error {
                ReplyError::NotJson => ResponseStatus::NotJson,
                ReplyError::Truncated => ResponseStatus::Truncated,
                ReplyError::NoCode => ResponseStatus::NoCode,
                ReplyError::TooDeep => ResponseStatus::TooDeep,
                ReplyError::UnsupportedVendor => ResponseStatus::UnsupportedVendor,
                ReplyError::InvalidStatus => ResponseStatus::InvalidArgument,
            };
        }
    };
    let text = |t: Option<&[u8]>| t.map_or((core::ptr::null(), 0), |t| (t.as_ptr().cast::<c_char>(), t.len()));
    let (vendor_code, vendor_code_len) = text(reply.vendor_code);
    let (message, message_len) = text(reply.message);
    let (request_id, request_id_len) = text(reply.request_id);
    let response = Response {
        code: c_long::from(reply.code.value()),
        vendor_code,
        vendor_code_len,
        message,
        message_len,
        request_id,
        request_id_len,
    };
    // SAFETY: `out` is not NULL, and the caller passes a writable `herr_response_t`.
    unsafe { c_ptr::write(out, response) };
    if reply.known { ResponseStatus::Ok } else { ResponseStatus::UnknownCode }
}

/// Decodes the `len` bytes at `s`, the contents of a JSON string (a message from
/// herr_parse_response), into UTF-8: escapes decoded (`\n`, `\u00e9`, surrogate pairs); a lone
/// surrogate, an invalid escape (the backslash and the character after it) or a byte that is not
/// UTF-8 becomes U+FFFD. Writes at most `capacity - 1` bytes to `buf` and a NUL after them,
/// never cutting a character, and returns the full decoded length (without the NUL), as
/// snprintf does: with `buf` NULL or `capacity` 0 nothing is written, a call to learn the size.
/// `s` NULL is an empty text.
#[unsafe(no_mangle)]
pub extern "C" fn herr_json_unescape(s: *const c_char, len: usize, buf: *mut c_char, capacity: usize) -> usize {
    // SAFETY: the caller passes NULL or `len` readable bytes.
    let text = unsafe { c_ptr::bytes(s, len) }.unwrap_or(&[]);
    // SAFETY: the caller passes NULL or `capacity` writable bytes, apart from `s`.
    let out = unsafe { c_ptr::bytes_mut(buf, capacity) };
    reply::json_unescape(text, out)
}
