//! The formats in which vendors write their codes: decimal text, C integer literals (ArcSoft),
//! Huawei's `FRS.NNNN` / `APIG.NNNN` / `APIGW.NNNN`, Baidu's numbers and `SDKnnn`, and AWS's
//! `namespace#Name`. The build checks every table's spellings with these
//! functions and the library parses callers' text with them, so the two cannot disagree.
//!
//! This file is also compiled into `build.rs`, so it uses nothing but `core`.

use crate::registry::Format;

/// The offset of Huawei's API gateway codes inside Huawei's range: `APIG.0301` is number
/// 100,301 (code 5,100,301), `FRS.0301` number 301.
pub(crate) const HUAWEI_GATEWAY: u32 = 100_000;

/// How Huawei's gateway codes begin: `APIG.`, or `APIGW.` from the shared public gateway (the
/// same codes).
pub(crate) const HUAWEI_GATEWAY_PREFIXES: [&[u8]; 2] = [b"APIG.", b"APIGW."];

/// `bytes` without the ASCII whitespace (space, `\t`, `\n`, `\v`, `\f`, `\r`) around it.
#[inline]
pub fn trim(bytes: &[u8]) -> &[u8] {
    // The usual case, nothing to trim, decided by two comparisons: whitespace is at most b' '.
    if bytes.first().is_none_or(|b| *b > b' ') && bytes.last().is_none_or(|b| *b > b' ') {
        return bytes;
    }
    let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let start = bytes.iter().position(|b| !space(b)).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|b| !space(b)).map_or(start, |i| i.saturating_add(1));
    bytes.get(start..end).unwrap_or(&[])
}

/// One to nine ASCII digits (leading zeros allowed) as a number; anything else is `None`.
/// Nine digits always fit in 32 bits, so the arithmetic cannot overflow.
#[inline(always)]
pub fn decimal(bytes: &[u8]) -> Option<u32> {
    // Four digits, the usual length of a numbered code, in one word.
    if let Ok(four) = <[u8; 4]>::try_from(bytes) {
        return four_digits(four);
    }
    if bytes.is_empty() || bytes.len() > 9 {
        return None;
    }
    bytes.iter().try_fold(0u32, |n, b| {
        let digit = b.wrapping_sub(b'0');
        (digit <= 9).then(|| n.wrapping_mul(10).wrapping_add(u32::from(digit)))
    })
}

/// Four ASCII digits as a number (0 to 9999), or `None` if any byte is not a digit: all four
/// at once, as one little-endian word (the first digit in the low byte), with no branch per
/// digit.
#[inline(always)]
fn four_digits(digits: [u8; 4]) -> Option<u32> {
    let word = u32::from_le_bytes(digits);
    // A digit is 0x30 to 0x39: its high nibble is 3, and stays 3 when 6 is added (no byte can
    // carry into the next: every byte is below 0x40 by the first test).
    if word & 0xF0F0_F0F0 != 0x3030_3030 || word.wrapping_add(0x0606_0606) & 0xF0F0_F0F0 != 0x3030_3030 {
        return None;
    }
    let values = word.wrapping_sub(0x3030_3030);
    // Each pair of digits (first x 10 + second) in bytes 0 and 2, then the two pairs.
    let pairs = values.wrapping_mul(10).wrapping_add(values >> 8) & 0x00FF_00FF;
    Some((pairs & 0xFF).wrapping_mul(100).wrapping_add(pairs >> 16))
}

/// `FRS.NNNN`, `APIG.NNNN` or `APIGW.NNNN` (exactly four digits) -> the number inside
/// Huawei's range.
#[inline(always)]
pub fn huawei(key: &[u8]) -> Option<u32> {
    let (prefix, digits) = key.split_last_chunk::<4>()?;
    let offset = match prefix {
        b"FRS." => 0,
        p if HUAWEI_GATEWAY_PREFIXES.contains(&p) => HUAWEI_GATEWAY,
        _ => return None,
    };
    four_digits(*digits).map(|n| n.wrapping_add(offset))
}

/// The offset of the Baidu AIP SDKs' client-side codes inside Baidu's range: `SDK108` is
/// number 900,108. Baidu's own numbers stay below it (they have at most six digits, and none
/// starts with 9).
pub(crate) const BAIDU_SDK: u32 = 900_000;

/// A C integer literal as ArcSoft's headers write its values: decimal (1 to 9 digits) or hex
/// (`0x`/`0X` and 1 to 8 hex digits, either case) -> its value.
#[inline(always)]
pub fn integer(text: &[u8]) -> Option<u32> {
    let hex = match text {
        [b'0', b'x' | b'X', hex @ ..] => hex,
        _ => return decimal(text),
    };
    if hex.is_empty() || hex.len() > 8 {
        return None;
    }
    hex.iter().try_fold(0u32, |n, b| {
        let digit = match b {
            b'0'..=b'9' => b.wrapping_sub(b'0'),
            b'a'..=b'f' => b.wrapping_sub(b'a').wrapping_add(10),
            b'A'..=b'F' => b.wrapping_sub(b'A').wrapping_add(10),
            _ => return None,
        };
        Some(n.wrapping_mul(16) | u32::from(digit))
    })
}

/// Baidu's `222202` (decimal, below [`BAIDU_SDK`]) or its SDKs' `SDK108` (exactly three
/// digits) -> the number inside Baidu's range.
#[inline(always)]
pub fn baidu(text: &[u8]) -> Option<u32> {
    match text {
        [b'S', b'D', b'K', digits @ ..] if digits.len() == 3 => decimal(digits).map(|n| n.wrapping_add(BAIDU_SDK)),
        _ => decimal(text).filter(|n| *n < BAIDU_SDK),
    }
}

/// The name inside an AWS error type as the awsJson protocols send it: the text before the first
/// `:` (older services append a URL), then after the first `#` (a namespace):
/// `com.amazonaws.rekognition#ThrottlingException` is `ThrottlingException`. The AWS SDKs
/// read it so (aws-sdk-go-v2's `SanitizeErrorCode`).
#[cfg_attr(not(feature = "aws-rekognition"), allow(dead_code))] // the AWS lookup's
#[inline(always)]
pub fn namespaced(text: &[u8]) -> &[u8] {
    let text = text.iter().position(|b| *b == b':').and_then(|i| text.get(..i)).unwrap_or(text);
    text.iter().position(|b| *b == b'#').and_then(|i| text.get(i.wrapping_add(1)..)).unwrap_or(text)
}

/// The number `text` (already trimmed) writes in a vendor's spelling, or `None` when the
/// spelling has no numbers or `text` is not one.
#[inline(always)]
pub fn number(spelling: Format, text: &[u8]) -> Option<u32> {
    match spelling {
        Format::Names | Format::NamespacedNames => None,
        Format::Decimal | Format::NamesAndDecimal => decimal(text),
        Format::NamesAndInteger => integer(text),
        Format::Huawei => huawei(text),
        Format::Baidu => baidu(text),
    }
}

/// Whether `number`, passed as a number (herr_from_vendor_number, a JSON number in a reply), is
/// one a vendor of this spelling returns: any for the numbered spellings, but for Baidu's, whose
/// numbers past [`BAIDU_SDK`] stand for its SDKs' `SDKnnn` strings.
#[cfg_attr(not(feature = "baidu-face"), allow(dead_code))] // the Baidu lookup's
#[inline(always)]
pub fn returns_number(spelling: Format, number: u32) -> bool {
    match spelling {
        Format::Baidu => number < BAIDU_SDK,
        other => other.has_numbers(),
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
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

    /// `four_digits` against a digit-by-digit parse: every four-digit text, and every byte
    /// value at every position of a text that is otherwise digits.
    #[test]
    fn four_digits_reads_exactly_four_ascii_digits() {
        let slow =
            |t: [u8; 4]| t.iter().try_fold(0u32, |n, b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')));
        for n in 0..10_000u32 {
            let text = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10].map(|d| b'0' + d as u8);
            assert_eq!(four_digits(text), Some(n));
            assert_eq!(decimal(&text), Some(n));
        }
        for at in 0..4 {
            for byte in 0..=255u8 {
                let mut text = *b"9073";
                text[at] = byte;
                assert_eq!(four_digits(text), slow(text), "{text:?}");
                assert_eq!(decimal(&text), slow(text), "{text:?}");
            }
        }
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

    #[test]
    fn number_follows_the_spelling() {
        assert_eq!(number(Format::Names, b"12"), None);
        assert_eq!(number(Format::NamespacedNames, b"12"), None);
        assert_eq!(number(Format::Decimal, b"12"), Some(12));
        assert_eq!(number(Format::NamesAndDecimal, b"12"), Some(12));
        assert_eq!(number(Format::NamesAndInteger, b"0x12"), Some(18));
        assert_eq!(number(Format::Huawei, b"12"), None);
        assert_eq!(number(Format::Huawei, b"FRS.0012"), Some(12));
        assert_eq!(number(Format::Baidu, b"SDK108"), Some(900_108));
        assert!(returns_number(Format::Baidu, 899_999) && !returns_number(Format::Baidu, 900_108));
        assert!(returns_number(Format::NamesAndInteger, 0x16003) && !returns_number(Format::Names, 1));
    }

    #[test]
    fn integer_takes_decimal_and_c_hex() {
        assert_eq!(integer(b"90115"), Some(90115));
        assert_eq!(integer(b"0x16003"), Some(0x16003));
        assert_eq!(integer(b"0X1600a"), Some(0x1600A));
        assert_eq!(integer(b"0xFFFFFFFF"), Some(u32::MAX));
        for junk in [&b"0x"[..], b"0x100000000", b"0x1g", b"x16003", b"0x-1", b"-1", b"", b"16003h", b"0b101"] {
            assert_eq!(integer(junk), None, "{junk:?}");
        }
    }

    #[test]
    fn baidu_takes_its_numbers_and_the_sdk_strings() {
        assert_eq!(baidu(b"222202"), Some(222_202));
        assert_eq!(baidu(b"0"), Some(0));
        assert_eq!(baidu(b"SDK100"), Some(900_100));
        for junk in [&b"900100"[..], b"SDK", b"SDK1", b"SDK1000", b"sdk100", b"SDKabc", b"-1"] {
            assert_eq!(baidu(junk), None, "{junk:?}");
        }
    }

    #[test]
    fn namespaced_keeps_the_shape_name() {
        assert_eq!(namespaced(b"com.amazonaws.rekognition#ThrottlingException"), b"ThrottlingException");
        assert_eq!(namespaced(b"ThrottlingException"), b"ThrottlingException");
        assert_eq!(namespaced(b"ThrottlingException:http://internal.amazon.com/coral/"), b"ThrottlingException");
        assert_eq!(namespaced(b"a#b:c#d"), b"b");
        assert_eq!(namespaced(b"#"), b"");
        assert_eq!(namespaced(b""), b"");
    }
}
