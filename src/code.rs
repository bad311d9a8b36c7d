//! The Rust API: [`Code`], the [`Error`] type and [`check`].

use core::fmt;

use crate::kind::Kind;
use crate::lang::Lang;
use crate::table::{self, Record};
use crate::vendor::Vendor;

/// A code herr knows: one of InspireFace's (releases up to 1.2.2: herr's own numbering) or a
/// vendor's code in herr's unified space (`vendor x 1,000,000 + n`); also a number of
/// InspireFace 1.2.3 and later as InspireFace returns it (`102`), which answers every question
/// as the code [`Code::from_vendor_number`]`(Vendor::InspirefaceV2, 102)` gives it (1283), but
/// [`Code::value`], [`Code::vendor`] and [`Code::vendor_code`], which say it is 1.2.3+'s (and the
/// names and message of 105, which 1.2.3 gave one of 1300's two meanings).
///
/// A vendor's codes are known only when its cargo feature is on.
///
/// ```
/// use herr::{Code, Kind, Vendor, HERR_SESS_REC_BLOCK_FULL};
///
/// let full = Code::new(HERR_SESS_REC_BLOCK_FULL).unwrap();
/// assert_eq!(full.name(), Some("HERR_SESS_REC_BLOCK_FULL"));
/// assert_eq!(full.message(), "Feature vector block full");
/// assert_eq!(full.kind(), Kind::LimitExceeded);
///
/// # #[cfg(feature = "tencent-iai")] {
/// let no_face = Code::from_vendor(Vendor::TencentIai, "InvalidParameterValue.NoFaceInPhoto").unwrap();
/// assert_eq!(no_face.value(), 2_000_062);
/// assert_eq!(no_face.kind(), Kind::NoFace);
/// assert_eq!(no_face.vendor_code(), "InvalidParameterValue.NoFaceInPhoto");
/// assert_eq!(no_face.name(), None); // not an InspireFace code
/// # }
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(i32);

// The doc line below keeps cbindgen from exporting these Rust-only items to herr.h.
/// cbindgen:ignore
impl Code {
    /// `HSUCCEED`, success: also what every vendor's own success spelling maps to.
    pub const SUCCESS: Code = Code(0);

    /// The code with this value, or `None` when herr does not know it (in this build).
    ///
    /// ```
    /// use herr::{Code, Vendor};
    /// assert!(Code::new(1304).is_some());
    /// assert!(Code::new(1305_i32).is_some());
    /// assert!(Code::new(27).is_none()); // no release of InspireFace has a code 27
    /// assert!(Code::new(i64::MAX).is_none());
    /// # #[cfg(feature = "inspireface-v2")] {
    /// // InspireFace 1.2.3 and later return 102 where 1.2.2 returned 1283.
    /// let tracker = Code::new(102).unwrap();
    /// assert_eq!(tracker.message(), "Tracker module not initialized");
    /// assert_eq!(tracker.name(), Some("HERR_SESS_TRACKER_FAILURE"));
    /// assert_eq!((tracker.vendor(), tracker.to_inspireface().value()), (Vendor::InspirefaceV2, 1283));
    /// # }
    /// ```
    pub fn new(value: impl Into<i64>) -> Option<Code> {
        let value = value.into();
        Record::of(value).and_then(|_| i32::try_from(value).ok()).map(Code)
    }

    /// A code of this build's tables (every number of herr's space is below `i32::MAX`).
    pub(crate) fn known(code: u32) -> Code {
        Code(i32::try_from(code).unwrap_or(i32::MAX))
    }

    fn record(self) -> Option<Record> {
        // A `Code` is only made from a known value, and tables never shrink at run time.
        Record::of(i64::from(self.0))
    }

    /// The code's value.
    pub const fn value(self) -> i32 {
        self.0
    }

    /// Whether this is success (`HSUCCEED`).
    pub const fn is_success(self) -> bool {
        self.0 == 0
    }

    /// The InspireFace macro name, of whichever release brought the code (`HERR_UNKNOWN` for 1,
    /// `HERR_SESS_LANDMARK_NUM_NOT_MATCH` for 1300, `HERR_EXTENSION_ERROR` for 6000351 and for
    /// 351); `None` for a vendor code.
    pub fn name(self) -> Option<&'static str> {
        self.aliases().next()
    }

    /// Every InspireFace name of the code, the one [`Code::name`] gives first; none for a
    /// vendor code. A number of InspireFace 1.2.3+ has its one name there (105:
    /// `HERR_SESS_LANDMARK_NUM_NOT_MATCH`, where 1300 has two).
    ///
    /// ```
    /// use herr::Code;
    /// let one: Vec<_> = Code::new(1).unwrap().aliases().collect();
    /// assert_eq!(one, ["HERR_UNKNOWN", "HERR_BASIC_BASE"]);
    /// ```
    pub fn aliases(self) -> impl Iterator<Item = &'static str> {
        u32::try_from(self.0).into_iter().flat_map(table::names_of).map(|t| t.as_str())
    }

    /// The message: InspireFace's text for its codes, the vendor's meaning in English
    /// for vendor codes.
    pub fn message(self) -> &'static str {
        self.record().map_or("", |r| r.message().as_str())
    }

    /// The message in `lang`: [`Code::message`] for [`Lang::En`], the Simplified Chinese text
    /// for [`Lang::Zh`] (English in a build without the `zh` feature).
    ///
    /// ```
    /// use herr::{Code, Lang, HERR_SESS_REC_BLOCK_FULL};
    /// let full = Code::new(HERR_SESS_REC_BLOCK_FULL).unwrap();
    /// assert_eq!(full.message_in(Lang::En), "Feature vector block full");
    /// # #[cfg(feature = "zh")]
    /// assert_eq!(full.message_in(Lang::Zh), "特征向量块已满");
    /// ```
    pub fn message_in(self, lang: Lang) -> &'static str {
        match lang {
            #[cfg(feature = "zh")]
            Lang::Zh => self.record().map_or("", |r| r.message_zh().as_str()),
            _ => self.message(),
        }
    }

    /// What the caller should do next.
    pub fn kind(self) -> Kind {
        self.record().map_or(Kind::Unknown, Record::kind)
    }

    /// The vendor whose range holds the code ([`Vendor::InspirefaceV2`] for a number of
    /// InspireFace 1.2.3+ as InspireFace returns it).
    pub fn vendor(self) -> Vendor {
        Vendor::of_code(i64::from(self.0))
    }

    /// The code as its vendor spells it (`FRS.0501`, `2016`, `NO_FACE_ERROR`); the macro name
    /// for InspireFace codes.
    pub fn vendor_code(self) -> &'static str {
        self.record().map_or("", |r| r.vendor_code().as_str())
    }

    /// The nearest InspireFace code, for code paths that only know `HERR_*`; the code itself
    /// for InspireFace codes.
    pub fn to_inspireface(self) -> Code {
        self.record().map_or(self, |r| Code::known(r.nearest()))
    }

    /// The number InspireFace 1.2.3 and later has for this code's error, or for the error
    /// nearest it, as such a release returns it: 102 for 1283 (`HERR_SESS_TRACKER_FAILURE`), 351
    /// for 6000351; a vendor's code through its nearest InspireFace code; a code that 1.2.3
    /// removed, its nearest code there (1304: 202). The C API's `herr_to_inspireface_v2`.
    ///
    /// ```
    /// use herr::{Code, HERR_SESS_REC_BLOCK_FULL, HERR_SESS_TRACKER_FAILURE};
    /// assert_eq!(Code::new(HERR_SESS_TRACKER_FAILURE).unwrap().to_inspireface_v2(), 102);
    /// assert_eq!(Code::new(HERR_SESS_REC_BLOCK_FULL).unwrap().to_inspireface_v2(), 202);
    /// ```
    pub fn to_inspireface_v2(self) -> i32 {
        u32::try_from(self.0)
            .ok()
            .and_then(table::inspireface_v2_number)
            .and_then(|n| i32::try_from(n).ok())
            .unwrap_or(crate::HERR_UNKNOWN as i32)
    }

    /// The HTTP status the vendor documents with this code (the first, when it documents
    /// several), or `None`.
    pub fn http_status(self) -> Option<u16> {
        self.http_statuses().first().copied()
    }

    /// Every HTTP status the vendor documents with this code. Huawei's `APIG.0201` has several,
    /// each with its own meaning: 413, 504 (the error page's), 400, 414, 494, 502, 500.
    pub fn http_statuses(self) -> &'static [u16] {
        self.record().map_or(&[], Record::http)
    }

    /// The code's meaning under HTTP status `http_status`, where its vendor gives one spelling
    /// several meanings by status (Huawei's `APIG.0201`: 413 is the request too large and not
    /// retryable, 504 a gateway timeout and retryable); the code itself otherwise. The C API's
    /// `herr_for_status`.
    ///
    /// ```
    /// # #[cfg(feature = "huawei-frs")] {
    /// use herr::{Code, Kind, Vendor};
    /// let apig = Code::from_vendor(Vendor::HuaweiFrs, "APIG.0201").unwrap();
    /// assert_eq!(apig.for_status(413).kind(), Kind::ImageSize);
    /// assert!(apig.for_status(504).is_retryable());
    /// assert_eq!(apig.for_status(200), apig);
    /// # }
    /// ```
    pub fn for_status(self, http_status: u16) -> Code {
        u32::try_from(self.0).map_or(self, |code| Code::known(table::code_for_status(code, http_status)))
    }

    /// Whether sending the same request again can succeed.
    pub fn is_retryable(self) -> bool {
        self.record().is_some_and(Record::retry)
    }

    /// The code of an InspireFace macro name of any release, including the `*_BASE` names: a
    /// name of releases up to 1.2.2 in herr's own numbering, a name only 1.2.3 and later have
    /// as its code there (with the `inspireface-v2` feature). Exact bytes.
    ///
    /// ```
    /// use herr::Code;
    /// assert_eq!(Code::from_name("HERR_SESS_BASE").map(|c| c.value()), Some(1280));
    /// assert_eq!(Code::from_name("herr_sess_base"), None);
    /// # #[cfg(feature = "inspireface-v2")]
    /// assert_eq!(Code::from_name("HERR_EXTENSION_ERROR").map(|c| c.value()), Some(6_000_351));
    /// ```
    pub fn from_name(name: &str) -> Option<Code> {
        table::code_of_macro_name(name.as_bytes()).map(Code::known)
    }

    /// The code `text` names in `vendor`'s spelling, after trimming ASCII whitespace. Numbered
    /// vendors (InspireFace, InspireFace 1.2.3+, FaceID SaaS) take decimal text; Huawei takes
    /// `FRS.NNNN`, `APIG.NNNN` and `APIGW.NNNN`. A vendor's success spelling gives
    /// [`Code::SUCCESS`]. `None` when the vendor's feature is off in this build.
    ///
    /// ```
    /// use herr::{Code, Kind, Vendor};
    /// # #[cfg(all(feature = "huawei-frs", feature = "tencent-faceid-saas"))] {
    /// let c = Code::from_vendor(Vendor::HuaweiFrs, " APIGW.0301\n").unwrap();
    /// assert_eq!((c.value(), c.http_status(), c.kind()), (5_100_301, Some(401), Kind::Unauthenticated));
    /// assert_eq!(Code::from_vendor(Vendor::TencentFaceidSaas, "0"), Some(Code::SUCCESS));
    /// # }
    /// ```
    pub fn from_vendor(vendor: Vendor, text: impl AsRef<[u8]>) -> Option<Code> {
        table::code_of_vendor_text(vendor.index()?, text.as_ref()).map(Code::known)
    }

    /// The code `number` names for a numbered vendor: InspireFace (its own codes), InspireFace
    /// 1.2.3+ (`102` is `HERR_SESS_TRACKER_FAILURE`), FaceID SaaS. `None` for other vendors.
    ///
    /// ```
    /// use herr::{Code, Vendor, HERR_SESS_TRACKER_FAILURE};
    /// # #[cfg(feature = "inspireface-v2")] {
    /// let c = Code::from_vendor_number(Vendor::InspirefaceV2, 102).unwrap();
    /// assert_eq!(i64::from(c.value()), i64::from(HERR_SESS_TRACKER_FAILURE));
    /// # }
    /// ```
    pub fn from_vendor_number(vendor: Vendor, number: impl Into<i64>) -> Option<Code> {
        let number = u32::try_from(number.into()).ok()?;
        table::code_of_decimal(vendor.index()?, number).map(Code::known)
    }

    /// Every code this build knows: InspireFace's in value order, then each enabled vendor's.
    /// The numbers of InspireFace 1.2.3+ as it returns them are not codes of their own: each is
    /// listed as the code it stands for (1283 for `102`, 6000351 for `351`).
    pub fn all() -> impl Iterator<Item = Code> {
        table::all().map(Code::known)
    }
}

impl fmt::Display for Code {
    /// The message.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Code({} {} {})", self.0, self.vendor(), self.vendor_code())
    }
}

impl From<Code> for i64 {
    fn from(code: Code) -> i64 {
        i64::from(code.0)
    }
}

impl From<Code> for i32 {
    fn from(code: Code) -> i32 {
        code.0
    }
}

/// A failure code returned by InspireFace or a vendor, as a Rust error. Its `Display` is the
/// code's message.
///
/// ```
/// use herr::{check, Error, Kind, HERR_SESS_REC_BLOCK_FULL};
///
/// let err = check(HERR_SESS_REC_BLOCK_FULL).unwrap_err();
/// assert_eq!(err.to_string(), "Feature vector block full");
/// assert_eq!(err.kind(), Kind::LimitExceeded);
///
/// let unknown = check(424242).unwrap_err();
/// assert_eq!(unknown, Error::Unknown(424242));
/// assert_eq!(unknown.to_string(), "Unknown error code 424242");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Error {
    /// A code herr knows.
    Known(Code),
    /// A value herr does not know: from a newer InspireFace, or of a vendor whose table is
    /// not in this build.
    Unknown(i64),
}

impl fmt::Display for Error {
    /// The code's message; "Unknown error code N" for a value herr does not know.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Known(code) => f.write_str(code.message()),
            Error::Unknown(value) => write!(f, "{} {value}", unknown_message()),
        }
    }
}

impl core::error::Error for Error {}

/// What herr says for a code it does not know.
fn unknown_message() -> &'static str {
    table::Text::unknown().as_str()
}

impl Error {
    /// The value as returned.
    pub fn value(&self) -> i64 {
        match self {
            Error::Known(code) => i64::from(code.0),
            Error::Unknown(value) => *value,
        }
    }

    /// The code, when herr knows it.
    pub fn code(&self) -> Option<Code> {
        match self {
            Error::Known(code) => Some(*code),
            Error::Unknown(_) => None,
        }
    }

    /// What the caller should do next ([`Kind::Unknown`] for an unknown value).
    pub fn kind(&self) -> Kind {
        self.code().map_or(Kind::Unknown, Code::kind)
    }

    /// Whether sending the same request again can succeed (false for an unknown value).
    pub fn is_retryable(&self) -> bool {
        self.code().is_some_and(Code::is_retryable)
    }
}

/// Turns an `HResult`-style return value (`long`, `i32`, `i64`) into a `Result`: `Ok` for
/// `HSUCCEED` (0), an [`Error`] for anything else.
///
/// ```
/// use herr::{check, HSUCCEED};
/// assert!(check(HSUCCEED).is_ok());
/// assert!(check(1300).is_err());
/// ```
pub fn check(result: impl Into<i64>) -> Result<(), Error> {
    let value = result.into();
    if value == 0 {
        return Ok(());
    }
    Err(Code::new(value).map_or(Error::Unknown(value), Error::Known))
}
