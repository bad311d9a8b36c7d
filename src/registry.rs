//! The registry: every system whose codes herr knows, one row each. This is the one place a
//! vendor is named. From it the build reads each table, generates the `Vendor` enum (so the
//! C enum `herr_vendor` of herr.h) and the lookups, checks the cargo features, and writes the
//! docs; the library takes names and ranges from it, and the tests their vendor list.
//!
//! Adding a vendor: a table `codes/<table>`, one row at the end of [`VENDORS`], one feature
//! line in Cargo.toml (named as the row's `name`, and listed in the `vendors` feature). Its
//! reply shape, if its errors come as JSON replies, is part of the row.
//!
//! This file is also compiled into `build.rs`, so it uses nothing but `core`.

use core::ffi::CStr;

/// How a vendor writes its codes, and so how text in its spelling is looked up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    /// Names, looked up by perfect hash: `NO_FACE_ERROR`, `FailedOperation.CompareFail`.
    /// Each code's number is its ordinal in the table (1, 2, 3, ...).
    Names,
    /// [`Format::Names`], which may come after a namespace and `#`: AWS's
    /// `com.amazonaws.rekognition#ThrottlingException` is `ThrottlingException`.
    NamespacedNames,
    /// Numbers written in decimal, 1 to 9 digits: FaceID SaaS's `2016`.
    Decimal,
    /// Macro names and their numbers in decimal: InspireFace's `HERR_SESS_REC_BLOCK_FULL`, `1304`.
    NamesAndDecimal,
    /// Macro names and their numbers as C writes them, in decimal or hex: ArcSoft's
    /// `MERR_ASF_NOT_ACTIVATED`, `90115`, `0x16003`.
    NamesAndInteger,
    /// Huawei's `FRS.NNNN` and its gateway's `APIG.NNNN` (also spelled `APIGW.NNNN`).
    Huawei,
    /// Baidu's decimal numbers (`222202`), and its SDKs' client-side `SDKnnn` (`SDK108`).
    Baidu,
}

impl Format {
    /// Whether the vendor's codes have names (looked up by perfect hash).
    pub const fn has_names(self) -> bool {
        matches!(self, Format::Names | Format::NamespacedNames | Format::NamesAndDecimal | Format::NamesAndInteger)
    }

    /// Whether the vendor's codes are numbered by their order in its table (its codes are names
    /// alone, with no numbers of the vendor's).
    pub const fn is_ordinal(self) -> bool {
        matches!(self, Format::Names | Format::NamespacedNames)
    }

    /// Whether the vendor's software returns its codes as numbers, which
    /// herr_from_vendor_number takes (and a reply may send as a JSON number).
    pub const fn has_numbers(self) -> bool {
        matches!(self, Format::Decimal | Format::NamesAndDecimal | Format::NamesAndInteger | Format::Baidu)
    }
}

/// Where a vendor's HTTP reply body holds its error (see `src/reply.rs`). Each path is a list of
/// member names, from the body's top object through nested objects.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ReplyShape {
    /// The object that holds the reply (Tencent's `Response`); empty: the body's top object.
    pub root: &'static [&'static str],
    /// Under `root`: the error code, a string (`["Error", "Code"]`, `["error_code"]`). Its first
    /// member present (`Error`, `error_code`) means an error; absent, success.
    pub code: &'static [&'static str],
    /// Under `root`: the error message.
    pub message: &'static [&'static str],
    /// Under `root`: the request id; empty when the vendor sends none.
    pub request_id: &'static [&'static str],
    /// Under `root`: where a successful reply states its business outcome as a code, and that
    /// outcome's text (FaceID's `Result` and `Description`); empty when the vendor has none.
    pub result: &'static [&'static str],
    pub description: &'static [&'static str],
}

/// One vendor of the registry.
#[derive(Clone, Copy, Debug)]
pub(crate) struct VendorInfo {
    /// Short name: `herr_vendor_name`'s answer, the cargo feature that holds its table, and,
    /// in upper snake case, its C enumerator (`huawei-frs`: `HERR_VENDOR_HUAWEI_FRS`) and, in
    /// camel case, its Rust variant (`Vendor::HuaweiFrs`).
    pub name: &'static CStr,
    /// Its table in `codes/`.
    pub table: &'static str,
    /// The title of its section in docs/CODES.md.
    pub title: &'static str,
    /// The doc comment of its enumerator: what it is, with an example code.
    pub about: &'static str,
    /// How it writes its codes.
    pub format: Format,
    /// Where its HTTP replies hold their errors; `None` for a vendor whose errors do not come as
    /// JSON replies (InspireFace's return values, FaceID SaaS's result fields).
    pub reply: Option<ReplyShape>,
    /// Ranges (first, last) of InspireFace's range (vendor 0) whose numbers are this vendor's
    /// own numbers as its software returns them, bare (without `value x 1,000,000`): InspireFace
    /// 1.2.3 and later returns `102` where 1.2.2 returned 1283. Every lookup by code reads such a
    /// number as the vendor's (`herr_vendor_of(102)` is this vendor, `herr_to_string(102)` its
    /// code's message). No InspireFace code of releases up to 1.2.2 lies in them (the build checks
    /// both tables). At most one vendor has any; empty for the others.
    pub bare: &'static [(u32, u32)],
}

/// Tencent Cloud API 3.0: `{"Response": {"Error": {"Code", "Message"}, "RequestId"}}`; a
/// FaceID result in `Response.Result` and `Response.Description`.
const TENCENT: ReplyShape = ReplyShape {
    root: &["Response"],
    code: &["Error", "Code"],
    message: &["Error", "Message"],
    request_id: &["RequestId"],
    result: &[],
    description: &[],
};

/// `{"error": {"code", "message"}}`: SOPHON's and Azure AI Face's.
const ERROR_OBJECT: ReplyShape = ReplyShape {
    root: &[],
    code: &["error", "code"],
    message: &["error", "message"],
    request_id: &[],
    result: &[],
    description: &[],
};

/// Every vendor. A vendor's value (its C enumerator's value) is its index here, and it owns
/// the codes from `value x 1,000,000` to `value x 1,000,000 + 999,999`; InspireFace's own
/// codes are the range of vendor 0. Rows are only ever appended.
pub(crate) const VENDORS: &[VendorInfo] = &[
    VendorInfo {
        name: c"inspireface",
        table: "inspireface.tsv",
        title: "InspireFace (releases 1.1.x to 1.2.2): herr's own numbering",
        about: "InspireFace, releases 1.1.x to 1.2.2: herr's own numbering of the `HERR_*` codes (herr.h's macros by default).",
        format: Format::NamesAndDecimal,
        reply: None,
        bare: &[],
    },
    VendorInfo {
        name: c"sophon",
        table: "sophon.tsv",
        title: "SOPHON edge face box (`sophon/v2/face`)",
        about: "SOPHON edge face box, `sophon/v2/face` HTTP API (`NO_FACE_ERROR`).",
        format: Format::Names,
        reply: Some(ERROR_OBJECT),
        bare: &[],
    },
    VendorInfo {
        name: c"tencent-iai",
        table: "tencent_iai.tsv",
        title: "Tencent Cloud Face Recognition (IAI)",
        about: "Tencent Cloud Face Recognition (IAI), API 3.0 (`InvalidParameterValue.NoFaceInPhoto`).",
        format: Format::Names,
        reply: Some(TENCENT),
        bare: &[],
    },
    VendorInfo {
        name: c"tencent-faceid",
        table: "tencent_faceid.tsv",
        title: "Tencent Cloud FaceID, PaaS codes",
        about: "Tencent Cloud FaceID, PaaS codes (`FailedOperation.CompareLowSimilarity`).",
        format: Format::Names,
        reply: Some(ReplyShape { result: &["Result"], description: &["Description"], ..TENCENT }),
        bare: &[],
    },
    VendorInfo {
        name: c"tencent-faceid-saas",
        table: "tencent_faceid_saas.tsv",
        title: "Tencent Cloud FaceID, SaaS numeric codes",
        about: "Tencent Cloud FaceID, SaaS numeric codes (`2016`).",
        format: Format::Decimal,
        reply: None,
        bare: &[],
    },
    VendorInfo {
        name: c"huawei-frs",
        table: "huawei_frs.tsv",
        title: "Huawei Cloud FRS and API gateway",
        about: "Huawei Cloud FRS (`FRS.0501`) and its API gateway (`APIG.0301`, also spelled `APIGW.0301`).",
        format: Format::Huawei,
        reply: Some(ReplyShape {
            root: &[],
            code: &["error_code"],
            message: &["error_msg"],
            request_id: &["request_id"],
            result: &[],
            description: &[],
        }),
        bare: &[],
    },
    VendorInfo {
        name: c"inspireface-v2",
        table: "inspireface_v2.tsv",
        title: "InspireFace 1.2.3 and later: the renumbered codes",
        about: "InspireFace 1.2.3 and later, which renumbered its codes (`102`; herr reads them as they come).",
        format: Format::NamesAndDecimal,
        reply: None,
        // 1.2.3's basic codes (1.2.2's start at 25), and its ranges of bases 100 to 350 (1.2.2's
        // first range starts at 0X500 = 1280). 0, 1 and 2 mean the same in both numberings.
        bare: &[(3, 24), (100, 1279)],
    },
    VendorInfo {
        name: c"arcsoft",
        table: "arcsoft.tsv",
        title: "ArcSoft ArcFace offline SDK (`MRESULT`)",
        about: "ArcSoft ArcFace offline SDK: the `MRESULT` values of its merror.h (`MERR_ASF_NOT_ACTIVATED`, 0x16003).",
        format: Format::NamesAndInteger,
        reply: None,
        bare: &[],
    },
    VendorInfo {
        name: c"aws-rekognition",
        table: "aws_rekognition.tsv",
        title: "Amazon Rekognition",
        about: "Amazon Rekognition, and the AWS common errors (`ThrottlingException`, also with a `namespace#` prefix).",
        format: Format::NamespacedNames,
        // awsJson1_1: {"__type": "...", "Message": "..."}; the request id is a header.
        reply: Some(ReplyShape {
            root: &[],
            code: &["__type"],
            message: &["Message"],
            request_id: &[],
            result: &[],
            description: &[],
        }),
        bare: &[],
    },
    VendorInfo {
        name: c"azure-face",
        table: "azure_face.tsv",
        title: "Azure AI Face",
        about: "Azure AI Face (`PersonGroupNotTrained`; `401` and `429` are codes too).",
        format: Format::Names,
        reply: Some(ERROR_OBJECT),
        bare: &[],
    },
    VendorInfo {
        name: c"baidu-face",
        table: "baidu_face.tsv",
        title: "Baidu AI Cloud face recognition (partial)",
        about: "Baidu AI Cloud face recognition: its numeric `error_code` (`222202`) and its SDKs' `SDK1xx`.",
        format: Format::Baidu,
        // {"error_code": 222202, "error_msg": "...", "log_id": 1234}: numbers, and 0 on success.
        reply: Some(ReplyShape {
            root: &[],
            code: &["error_code"],
            message: &["error_msg"],
            request_id: &["log_id"],
            result: &[],
            description: &[],
        }),
        bare: &[],
    },
    VendorInfo {
        name: c"aliyun-facebody",
        table: "aliyun_facebody.tsv",
        title: "Alibaba Cloud Vision AI, face and body (partial)",
        about: "Alibaba Cloud Vision AI, face and body (`InvalidFile.Decode`).",
        format: Format::Names,
        reply: Some(ReplyShape {
            root: &[],
            code: &["Code"],
            message: &["Message"],
            request_id: &["RequestId"],
            result: &[],
            description: &[],
        }),
        bare: &[],
    },
];

/// How many codes each vendor's range holds.
pub(crate) const RANGE: u32 = 1_000_000;

/// The vendor whose bare numbers lie in InspireFace's range (see [`VendorInfo::bare`]), and
/// those ranges; (0, empty) when no vendor has any. Worked out when herr is compiled.
pub(crate) const BARE: (usize, &[(u32, u32)]) = bare();

const fn bare() -> (usize, &'static [(u32, u32)]) {
    let mut found: (usize, &'static [(u32, u32)]) = (0, &[]);
    let (mut rest, mut value) = (VENDORS, 0);
    while let [vendor, tail @ ..] = rest {
        if !vendor.bare.is_empty() {
            assert!(found.1.is_empty(), "at most one vendor of the registry has bare numbers");
            found = (value, vendor.bare);
        }
        (rest, value) = (tail, value.wrapping_add(1));
    }
    found
}

/// Whether `code` is a bare number of [`BARE`]'s vendor.
#[inline(always)]
pub(crate) const fn is_bare(code: u32) -> bool {
    let mut ranges = BARE.1;
    while let [(first, last), rest @ ..] = ranges {
        if code >= *first && code <= *last {
            return true;
        }
        ranges = rest;
    }
    false
}

/// The first number past the last vendor's range: no code of herr's space reaches it.
pub(crate) const END: u32 = RANGE.wrapping_mul(VENDORS.len() as u32);
