//! The kind of a code: what the caller should do next.
//!
//! This file is also compiled into `build.rs` (which reads the kind column of the code
//! tables with [`Kind::from_name`]), so it uses nothing but `core`.

use core::ffi::CStr;

/// What the caller should do next about a code: a small closed set, in the spirit of
/// `google.rpc.Code` and Rust's `std::io::ErrorKind`, with the outcomes face recognition
/// adds (no face, several faces, poor quality, liveness failed, no match).
///
/// The values are fixed and only ever appended to. A value received from C is checked
/// before use (see `herr_kind_name`); an unknown one reads as `HERR_KIND_UNKNOWN`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Success: nothing to do.
    Ok = 0,
    /// An unknown error, or a code herr does not know: log it and treat it as a failure.
    Unknown = 1,
    /// A value the caller passed is wrong: fix the request; the same request fails again.
    InvalidArgument = 2,
    /// A required argument is missing or empty: supply it.
    MissingArgument = 3,
    /// Not supported by this build, device, API version, region or configuration: do not retry.
    Unsupported = 4,
    /// The ID, group, record or API referred to does not exist.
    NotFound = 5,
    /// What the caller tried to create (ID, name, group) already exists.
    AlreadyExists = 6,
    /// Conflicts with the current state or a concurrent operation: wait for it, then retry.
    Conflict = 7,
    /// A module, model or resource is not initialised, loaded or enabled yet: set it up (or wait), then retry.
    NotReady = 8,
    /// A capacity or quota is exhausted (library full, too many groups): free space or raise the quota.
    LimitExceeded = 9,
    /// Too many requests: back off, then retry.
    RateLimited = 10,
    /// Credentials, signature or token are missing, wrong or expired: authenticate again.
    Unauthenticated = 11,
    /// Authenticated, but not allowed (permissions, IP lists, time window): change the permission.
    PermissionDenied = 12,
    /// The account cannot use the service (arrears, frozen, not activated, package used up): fix the account.
    Account = 13,
    /// The operation timed out: retry.
    Timeout = 14,
    /// The service is temporarily unavailable: retry with backoff.
    Unavailable = 15,
    /// An internal error of the library or the service: retry a few times, then report it.
    Internal = 16,
    /// A network error between the service and a peer: check connectivity, retry.
    Network = 17,
    /// A storage, database or file-system error.
    Storage = 18,
    /// A device or accelerator error (GPU, CUDA, modem).
    Hardware = 19,
    /// The image cannot be used: undecodable, empty, wrong format or parameters. Send another image.
    ImageInvalid = 20,
    /// The image (or the request carrying it) is too large or too small, in bytes or pixels: resize it.
    ImageSize = 21,
    /// The image or video could not be fetched from its URL or storage.
    ImageFetch = 22,
    /// The video cannot be used: format, duration, resolution or sound. Record it again.
    VideoInvalid = 23,
    /// No (complete) face was found: ask the user to face the camera.
    NoFace = 24,
    /// More than one face was found: ask for a single face.
    MultipleFaces = 25,
    /// A face was found but is unusable (blur, light, pose, distance, occlusion, mask): capture again.
    FaceQuality = 26,
    /// The liveness check failed or the prompted action was not seen: capture again.
    LivenessFailed = 27,
    /// The comparison ran and did not match (similarity below the threshold).
    MatchFailed = 28,
    /// A face feature vector is invalid, empty or of the wrong length.
    FeatureInvalid = 29,
    /// The user or the caller cancelled the operation (for example, quit the verification flow).
    Cancelled = 30,
}

/// A kind, as C functions return it: `enum herr_kind`.
#[allow(non_camel_case_types)]
pub type herr_kind_t = Kind;

// The doc line below keeps cbindgen from exporting these Rust-only items to herr.h.
/// cbindgen:ignore
impl Kind {
    /// Every kind, in value order.
    pub const ALL: [Kind; 31] = [
        Kind::Ok,
        Kind::Unknown,
        Kind::InvalidArgument,
        Kind::MissingArgument,
        Kind::Unsupported,
        Kind::NotFound,
        Kind::AlreadyExists,
        Kind::Conflict,
        Kind::NotReady,
        Kind::LimitExceeded,
        Kind::RateLimited,
        Kind::Unauthenticated,
        Kind::PermissionDenied,
        Kind::Account,
        Kind::Timeout,
        Kind::Unavailable,
        Kind::Internal,
        Kind::Network,
        Kind::Storage,
        Kind::Hardware,
        Kind::ImageInvalid,
        Kind::ImageSize,
        Kind::ImageFetch,
        Kind::VideoInvalid,
        Kind::NoFace,
        Kind::MultipleFaces,
        Kind::FaceQuality,
        Kind::LivenessFailed,
        Kind::MatchFailed,
        Kind::FeatureInvalid,
        Kind::Cancelled,
    ];

    /// The kind with this value, or `None` for a value that is not one (an integer from C
    /// is checked this way, never cast). A `match`, which compiles to a range check (the
    /// values are the indices), where a table would cost a lookup and its bytes.
    pub fn from_value(value: i64) -> Option<Kind> {
        Some(match value {
            0 => Kind::Ok,
            1 => Kind::Unknown,
            2 => Kind::InvalidArgument,
            3 => Kind::MissingArgument,
            4 => Kind::Unsupported,
            5 => Kind::NotFound,
            6 => Kind::AlreadyExists,
            7 => Kind::Conflict,
            8 => Kind::NotReady,
            9 => Kind::LimitExceeded,
            10 => Kind::RateLimited,
            11 => Kind::Unauthenticated,
            12 => Kind::PermissionDenied,
            13 => Kind::Account,
            14 => Kind::Timeout,
            15 => Kind::Unavailable,
            16 => Kind::Internal,
            17 => Kind::Network,
            18 => Kind::Storage,
            19 => Kind::Hardware,
            20 => Kind::ImageInvalid,
            21 => Kind::ImageSize,
            22 => Kind::ImageFetch,
            23 => Kind::VideoInvalid,
            24 => Kind::NoFace,
            25 => Kind::MultipleFaces,
            26 => Kind::FaceQuality,
            27 => Kind::LivenessFailed,
            28 => Kind::MatchFailed,
            29 => Kind::FeatureInvalid,
            30 => Kind::Cancelled,
            _ => return None,
        })
    }

    /// The kind's numeric value (its C enumerator's value).
    pub const fn value(self) -> i32 {
        self as i32
    }

    /// The kind's name: its C enumerator without the `HERR_KIND_` prefix, such as `NO_FACE`.
    pub const fn name_c(self) -> &'static CStr {
        match self {
            Kind::Ok => c"OK",
            Kind::Unknown => c"UNKNOWN",
            Kind::InvalidArgument => c"INVALID_ARGUMENT",
            Kind::MissingArgument => c"MISSING_ARGUMENT",
            Kind::Unsupported => c"UNSUPPORTED",
            Kind::NotFound => c"NOT_FOUND",
            Kind::AlreadyExists => c"ALREADY_EXISTS",
            Kind::Conflict => c"CONFLICT",
            Kind::NotReady => c"NOT_READY",
            Kind::LimitExceeded => c"LIMIT_EXCEEDED",
            Kind::RateLimited => c"RATE_LIMITED",
            Kind::Unauthenticated => c"UNAUTHENTICATED",
            Kind::PermissionDenied => c"PERMISSION_DENIED",
            Kind::Account => c"ACCOUNT",
            Kind::Timeout => c"TIMEOUT",
            Kind::Unavailable => c"UNAVAILABLE",
            Kind::Internal => c"INTERNAL",
            Kind::Network => c"NETWORK",
            Kind::Storage => c"STORAGE",
            Kind::Hardware => c"HARDWARE",
            Kind::ImageInvalid => c"IMAGE_INVALID",
            Kind::ImageSize => c"IMAGE_SIZE",
            Kind::ImageFetch => c"IMAGE_FETCH",
            Kind::VideoInvalid => c"VIDEO_INVALID",
            Kind::NoFace => c"NO_FACE",
            Kind::MultipleFaces => c"MULTIPLE_FACES",
            Kind::FaceQuality => c"FACE_QUALITY",
            Kind::LivenessFailed => c"LIVENESS_FAILED",
            Kind::MatchFailed => c"MATCH_FAILED",
            Kind::FeatureInvalid => c"FEATURE_INVALID",
            Kind::Cancelled => c"CANCELLED",
        }
    }

    /// [`Kind::name_c`] as a `&str`.
    pub fn name(self) -> &'static str {
        // Every name above is ASCII.
        self.name_c().to_str().unwrap_or("UNKNOWN")
    }

    /// The kind whose [`Kind::name`] is `name`.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.name() == name)
    }
}

impl core::fmt::Display for Kind {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}
