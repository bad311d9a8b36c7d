//! The systems whose codes herr knows, and the ranges of herr's code space they own.
//!
//! This file is also compiled into `build.rs` (which checks every table's numbers against
//! [`Vendor::base`]), so it uses nothing but `core`.

use core::ffi::CStr;

/// Where a code comes from. Each vendor owns the codes from `vendor x 1,000,000` to
/// `vendor x 1,000,000 + 999,999`; InspireFace's own codes are the range of vendor 0.
///
/// The values are fixed and only ever appended to. A value received from C is checked
/// before use; an unknown one makes the function report failure (see each function).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Vendor {
    /// Not a code of any range herr knows (negative, or beyond the last vendor's range).
    Unknown = -1,
    /// InspireFace, releases 1.1.x to 1.2.2: the `HERR_*` codes herr.h exports.
    Inspireface = 0,
    /// SOPHON edge face box, `sophon/v2/face` HTTP API (`NO_FACE_ERROR`).
    Sophon = 1,
    /// Tencent Cloud Face Recognition (IAI), API 3.0 (`InvalidParameterValue.NoFaceInPhoto`).
    TencentIai = 2,
    /// Tencent Cloud FaceID, PaaS codes (`FailedOperation.CompareLowSimilarity`).
    TencentFaceid = 3,
    /// Tencent Cloud FaceID, SaaS numeric codes (`2016`).
    TencentFaceidSaas = 4,
    /// Huawei Cloud FRS (`FRS.0501`) and its API gateway (`APIG.0301`, also spelled `APIGW.0301`).
    HuaweiFrs = 5,
    /// InspireFace 1.2.3 and later, which renumbered its codes (`102`).
    InspirefaceV2 = 6,
}

/// A vendor, as C functions return it: `enum herr_vendor`.
#[allow(non_camel_case_types)]
pub type herr_vendor_t = Vendor;

/// How many codes each vendor's range holds.
pub(crate) const RANGE: i64 = 1_000_000;

// The doc line below keeps cbindgen from exporting these Rust-only items to herr.h.
/// cbindgen:ignore
impl Vendor {
    /// Every real vendor (not [`Vendor::Unknown`]), in value order.
    pub const ALL: [Vendor; 7] = [
        Vendor::Inspireface,
        Vendor::Sophon,
        Vendor::TencentIai,
        Vendor::TencentFaceid,
        Vendor::TencentFaceidSaas,
        Vendor::HuaweiFrs,
        Vendor::InspirefaceV2,
    ];

    /// The vendor with this value, or `None` for a value that is not a real vendor
    /// (an integer from C is checked this way, never cast).
    pub fn from_value(value: i64) -> Option<Vendor> {
        usize::try_from(value).ok().and_then(|i| Vendor::ALL.get(i)).copied()
    }

    /// The vendor's numeric value (its C enumerator's value).
    pub const fn value(self) -> i32 {
        self as i32
    }

    /// The vendor whose range holds `code`, whether or not `code` is a code herr knows;
    /// [`Vendor::Unknown`] for a negative code or one past the last range.
    pub fn of_code(code: i64) -> Vendor {
        if code < 0 {
            return Vendor::Unknown;
        }
        Vendor::from_value(code / RANGE).unwrap_or(Vendor::Unknown)
    }

    /// The first code of the vendor's range (`vendor x 1,000,000`); -1 for
    /// [`Vendor::Unknown`], which owns no range.
    pub const fn base(self) -> i64 {
        match self {
            Vendor::Unknown => -1,
            v => (v as i64).wrapping_mul(RANGE),
        }
    }

    /// The vendor's short name, such as `huawei-frs`; `unknown` for [`Vendor::Unknown`].
    pub const fn name_c(self) -> &'static CStr {
        match self {
            Vendor::Unknown => c"unknown",
            Vendor::Inspireface => c"inspireface",
            Vendor::Sophon => c"sophon",
            Vendor::TencentIai => c"tencent-iai",
            Vendor::TencentFaceid => c"tencent-faceid",
            Vendor::TencentFaceidSaas => c"tencent-faceid-saas",
            Vendor::HuaweiFrs => c"huawei-frs",
            Vendor::InspirefaceV2 => c"inspireface-v2",
        }
    }

    /// [`Vendor::name_c`] as a `&str`.
    pub fn name(self) -> &'static str {
        // Every name above is ASCII.
        self.name_c().to_str().unwrap_or("unknown")
    }

    /// The vendor whose [`Vendor::name`] is `name` (not `unknown`).
    pub fn from_name(name: &str) -> Option<Vendor> {
        Vendor::ALL.iter().copied().find(|v| v.name() == name)
    }
}

impl core::fmt::Display for Vendor {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}
