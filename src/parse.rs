//! Text and numbers in a vendor's own spelling -> codes of herr's space.

use crate::table::table;
use crate::vendor::Vendor;

/// The offset of the API gateway's codes inside Huawei's range: `APIG.0301` is 5,100,301.
const HUAWEI_GATEWAY: u32 = 100_000;

/// `bytes` without the ASCII whitespace (space, `\t`, `\n`, `\v`, `\f`, `\r`) around it.
#[inline]
pub(crate) fn trim(bytes: &[u8]) -> &[u8] {
    let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    // The usual case, nothing to trim, decided by two bytes.
    if !bytes.first().is_some_and(space) && !bytes.last().is_some_and(space) {
        return bytes;
    }
    let start = bytes.iter().position(|b| !space(b)).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|b| !space(b)).map_or(start, |i| i.saturating_add(1));
    bytes.get(start..end).unwrap_or(&[])
}

/// One to nine ASCII digits (leading zeros allowed) as a number; anything else is `None`.
fn decimal(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || bytes.len() > 9 {
        return None;
    }
    bytes.iter().try_fold(0u32, |n, b| {
        let digit = b.checked_sub(b'0').filter(|d| *d <= 9)?;
        n.checked_mul(10)?.checked_add(u32::from(digit))
    })
}

/// `FRS.NNNN`, `APIG.NNNN` or `APIGW.NNNN` (exactly four digits) -> the number inside
/// Huawei's range.
fn huawei(key: &[u8]) -> Option<u32> {
    let (digits, offset) = if let Some(digits) = key.strip_prefix(b"FRS.") {
        (digits, 0)
    } else if let Some(digits) = key.strip_prefix(b"APIG.").or_else(|| key.strip_prefix(b"APIGW.")) {
        (digits, HUAWEI_GATEWAY)
    } else {
        return None;
    };
    if digits.len() != 4 {
        return None;
    }
    decimal(digits)?.checked_add(offset)
}

/// The code `text` names in `vendor`'s spelling, after trimming ASCII whitespace:
/// a macro name or a decimal number for InspireFace (both numberings), the exact string
/// for SOPHON and Tencent IAI and FaceID, a decimal number for FaceID SaaS, `FRS.NNNN`,
/// `APIG.NNNN` or `APIGW.NNNN` for Huawei. `None` when the vendor's table is not in this build.
#[inline]
pub(crate) fn from_vendor(vendor: Vendor, text: &[u8]) -> Option<i32> {
    let key = trim(text);
    let table = table(vendor)?;
    match vendor {
        Vendor::Inspireface | Vendor::InspirefaceV2 => {
            table.code_of_name(key).or_else(|| table.code_of_number(decimal(key)?))
        }
        Vendor::Sophon | Vendor::TencentIai | Vendor::TencentFaceid => table.code_of_name(key),
        Vendor::TencentFaceidSaas => table.code_of_number(decimal(key)?),
        Vendor::HuaweiFrs => table.code_of_number(huawei(key)?),
        Vendor::Unknown => None,
    }
}

/// The code `number` names for a numbered vendor (InspireFace, InspireFace 1.2.3+,
/// FaceID SaaS); `None` for other vendors and for numbers they do not use.
pub(crate) fn from_vendor_number(vendor: Vendor, number: i64) -> Option<i32> {
    match vendor {
        Vendor::Inspireface | Vendor::InspirefaceV2 | Vendor::TencentFaceidSaas => {
            table(vendor)?.code_of_number(u32::try_from(number).ok()?)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_strips_ascii_whitespace_only() {
        assert_eq!(trim(b" \t\n\x0b\x0cFRS.0501\r\n "), b"FRS.0501");
        assert_eq!(trim(b"   "), b"");
        assert_eq!(trim(b""), b"");
        assert_eq!(trim(b"\xa0x\xa0"), b"\xa0x\xa0");
    }

    #[test]
    fn decimal_takes_one_to_nine_digits() {
        assert_eq!(decimal(b"0"), Some(0));
        assert_eq!(decimal(b"002016"), Some(2016));
        assert_eq!(decimal(b"999999999"), Some(999_999_999));
        assert_eq!(decimal(b"1000000000"), None);
        assert_eq!(decimal(b""), None);
        assert_eq!(decimal(b"-1"), None);
        assert_eq!(decimal(b"+1"), None);
        assert_eq!(decimal(b"12a"), None);
    }

    #[test]
    fn huawei_takes_exactly_four_digits() {
        assert_eq!(huawei(b"FRS.0501"), Some(501));
        assert_eq!(huawei(b"APIG.0301"), Some(100_301));
        assert_eq!(huawei(b"APIGW.0301"), Some(100_301));
        assert_eq!(huawei(b"FRS.501"), None);
        assert_eq!(huawei(b"FRS.05010"), None);
        assert_eq!(huawei(b"frs.0501"), None);
        assert_eq!(huawei(b"APIGX.0301"), None);
    }
}
