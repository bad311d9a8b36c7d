//! The formats in which vendors write their numbered codes: decimal text, and Huawei's
//! `FRS.NNNN` / `APIG.NNNN` / `APIGW.NNNN`. The build checks every table's spellings with these
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

/// The number `text` (already trimmed) writes in a vendor's spelling, or `None` when the
/// spelling has no numbers or `text` is not one.
#[inline(always)]
pub fn number(spelling: Format, text: &[u8]) -> Option<u32> {
    match spelling {
        Format::Names => None,
        Format::Decimal | Format::NamesAndDecimal => decimal(text),
        Format::Huawei => huawei(text),
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
        assert_eq!(number(Format::Decimal, b"12"), Some(12));
        assert_eq!(number(Format::NamesAndDecimal, b"12"), Some(12));
        assert_eq!(number(Format::Huawei, b"12"), None);
        assert_eq!(number(Format::Huawei, b"FRS.0012"), Some(12));
    }
}
