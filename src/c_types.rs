//! The C view of a parsed reply: `herr_response_status_t` and `herr_response_t` (the Rust API
//! is [`crate::Reply`] and [`crate::ReplyError`]).

use core::ffi::{c_char, c_long};

/// What herr_parse_response made of a reply body. Non-negative: understood (`out` written);
/// negative: not understood (`out` untouched).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResponseStatus {
    /// Understood: `out->code` is the reply's code (HSUCCEED for a success).
    Ok = 0,
    /// Understood, but the vendor's code is not in herr's tables: `out->code` is the code of its
    /// longest known dotted prefix (a new "FailedOperation.Xyz" answers as "FailedOperation"),
    /// else HERR_UNKNOWN; `out->vendor_code` is the code as sent.
    UnknownCode = 1,
    /// Not a JSON object: an HTML error page from a proxy, garbage, invalid JSON, or JSON
    /// that is not an object.
    NotJson = -1,
    /// Valid JSON so far, but the body ends too early.
    Truncated = -2,
    /// JSON, but not this vendor's reply shape, or its code is not a string.
    NoCode = -3,
    /// Nested deeper than HERR_RESPONSE_MAX_DEPTH levels (objects and arrays).
    TooDeep = -4,
    /// `body` NULL with `len` > 0, `out` NULL, `vendor` not a HERR_VENDOR_* value, or an
    /// `http_status` that is neither 0 nor one of 100 to 599.
    InvalidArgument = -5,
    /// A vendor whose errors do not come as JSON replies (InspireFace, InspireFace 1.2.3+,
    /// FaceID SaaS), or whose table is not in this build.
    UnsupportedVendor = -6,
}

/// What herr_parse_response returns: `enum herr_response_status`.
#[allow(non_camel_case_types)]
pub type herr_response_status_t = ResponseStatus;

/// A reply, understood. Every text is a slice of the caller's body (pointer and length, not
/// NUL-terminated; NULL and 0 when the reply has none), the raw contents of a JSON string:
/// escapes are not decoded (herr_json_unescape decodes them). Valid as long as the body is.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Response {
    /// The reply's code in herr's space: the vendor's error, or HSUCCEED.
    pub code: c_long,
    /// The vendor's code as sent ("InvalidParameterValue.NoFaceInPhoto", "FRS.0501").
    pub vendor_code: *const c_char,
    /// The length of `vendor_code`, in bytes.
    pub vendor_code_len: usize,
    /// The vendor's message.
    pub message: *const c_char,
    /// The length of `message`, in bytes.
    pub message_len: usize,
    /// The request id, for the vendor's support.
    pub request_id: *const c_char,
    /// The length of `request_id`, in bytes.
    pub request_id_len: usize,
}

/// A parsed reply: `struct herr_response`.
#[allow(non_camel_case_types)]
pub type herr_response_t = Response;
