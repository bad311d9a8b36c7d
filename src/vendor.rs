//! The systems whose codes herr knows, as the `Vendor` enum (generated from the registry,
//! `src/registry.rs`), and the ranges of herr's code space they own.

use core::ffi::CStr;

use crate::registry::{BARE, RANGE, VENDORS, is_bare};

include!(concat!(env!("OUT_DIR"), "/vendor_enum.rs"));

/// A vendor, as C functions return it: `enum herr_vendor`.
#[allow(non_camel_case_types)]
pub type herr_vendor_t = Vendor;

// The doc line below keeps cbindgen from exporting these Rust-only items to herr.h.
/// cbindgen:ignore
impl Vendor {
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
    /// [`Vendor::Unknown`] for a negative code or one past the last range. The numbers
    /// InspireFace 1.2.3 and later returns where releases up to 1.2.2 have none (3 to 24 and
    /// 100 to 1279) are [`Vendor::InspirefaceV2`]'s.
    pub fn of_code(code: i64) -> Vendor {
        u32::try_from(code).map_or(Vendor::Unknown, Vendor::of_number)
    }

    /// [`Vendor::of_code`] for a code known to be non-negative (32-bit arithmetic only).
    pub(crate) fn of_number(code: u32) -> Vendor {
        let vendor = if is_bare(code) { BARE.0 as u32 } else { code / RANGE };
        Vendor::from_value(i64::from(vendor)).unwrap_or(Vendor::Unknown)
    }

    /// The first code of the vendor's range (`vendor x 1,000,000`); -1 for
    /// [`Vendor::Unknown`], which owns no range.
    pub const fn base(self) -> i64 {
        match self {
            Vendor::Unknown => -1,
            v => (v as i64).wrapping_mul(RANGE as i64),
        }
    }

    /// The vendor's index in the registry; `None` for [`Vendor::Unknown`].
    pub(crate) fn index(self) -> Option<usize> {
        usize::try_from(self.value()).ok()
    }

    /// The vendor's short name, such as `huawei-frs`; `unknown` for [`Vendor::Unknown`].
    #[allow(clippy::indexing_slicing)] // `i` is checked against the length first
    pub const fn name_c(self) -> &'static CStr {
        let i = self as isize;
        if i >= 0 && (i as usize) < VENDORS.len() { VENDORS[i as usize].name } else { c"unknown" }
    }

    /// [`Vendor::name_c`] as a `&str`.
    pub fn name(self) -> &'static str {
        // Every name of the registry is ASCII.
        self.name_c().to_str().unwrap_or("unknown")
    }

    /// What the vendor is, with an example code, in one line (Markdown backticks around
    /// code): "Huawei Cloud FRS (`FRS.0501`) and its API gateway ..."; "" for
    /// [`Vendor::Unknown`].
    pub fn about(self) -> &'static str {
        self.index().and_then(|i| VENDORS.get(i)).map_or("", |v| v.about)
    }

    /// What the vendor is, without an example code: "Huawei Cloud FRS and API gateway"
    /// (Markdown backticks around code); "" for [`Vendor::Unknown`].
    pub fn title(self) -> &'static str {
        self.index().and_then(|i| VENDORS.get(i)).map_or("", |v| v.title)
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
