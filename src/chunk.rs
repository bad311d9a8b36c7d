//! Sixteen bytes at a time: where, in a chunk of a reply body, the scanner has to stop and look.
//!
//! Each function answers the index (0 to 15) of the first byte of the chunk that matters, or 16
//! when none does. SSE2 (part of every x86-64) and NEON (part of every AArch64) do a chunk in a
//! handful of instructions; elsewhere (Cortex-M, RISC-V, 32-bit x86 and ARM) two 64-bit words
//! do it with carries (SWAR), which is what those targets would compile anyway.
//!
//! The only `unsafe` of the scanner is here: the vector load of a 16-byte array, and the calls
//! of intrinsics whose target feature the `cfg` guarantees.

/// The first byte inside a string that is not plain: `"`, `\`, a control byte (below 0x20) or
/// a byte of a multi-byte UTF-8 character (0x80 and up).
#[inline(always)]
pub(crate) fn string_stop(chunk: &[u8; 16]) -> usize {
    imp::string_stop_from(chunk, 0)
}

/// The first byte that is not JSON whitespace (space, tab, line feed, carriage return).
#[inline(always)]
pub(crate) fn space_stop(chunk: &[u8; 16]) -> usize {
    imp::space_stop_from(chunk, 0)
}

/// [`string_stop`] at or after byte `from` (0 to 16) of the chunk: the bytes before it do not
/// count.
#[inline(always)]
pub(crate) fn string_stop_from(chunk: &[u8; 16], from: usize) -> usize {
    imp::string_stop_from(chunk, from)
}

/// [`space_stop`] at or after byte `from` (0 to 16) of the chunk.
#[inline(always)]
pub(crate) fn space_stop_from(chunk: &[u8; 16], from: usize) -> usize {
    imp::space_stop_from(chunk, from)
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod imp {
    use core::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };

    /// The chunk as a vector, and `byte` in each of 16 lanes.
    #[inline(always)]
    fn load(chunk: &[u8; 16]) -> __m128i {
        // SAFETY: SSE2 is enabled (the cfg of this module); `chunk` is 16 readable bytes, and
        // `_mm_loadu_si128` needs no alignment.
        unsafe { _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>()) }
    }

    #[inline(always)]
    fn splat(byte: u8) -> __m128i {
        // SAFETY: SSE2 is enabled (the cfg of this module).
        unsafe { _mm_set1_epi8(byte as i8) }
    }

    /// The bits of a vector's lanes (all ones or all zeros each): bit `k` for lane `k`.
    #[inline(always)]
    fn bits(mask: __m128i) -> u32 {
        // SAFETY: SSE2 is enabled (the cfg of this module).
        unsafe { _mm_movemask_epi8(mask) as u32 }
    }

    /// The index of the first bit set in `bits` at or after `from`, 16 for none.
    #[inline(always)]
    fn first(bits: u32, from: usize) -> usize {
        ((bits | 1 << 16) >> from << from).trailing_zeros() as usize
    }

    /// A lane for each byte that stops a string.
    #[inline(always)]
    fn string_stops(chunk: &[u8; 16]) -> u32 {
        let v = load(chunk);
        // SAFETY: SSE2 is enabled (the cfg of this module).
        bits(unsafe {
            // Signed lanes: bytes 0x80 and up are negative, so "below 0x20" takes them too.
            let outside = _mm_cmplt_epi8(v, splat(0x20));
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, splat(b'"')), _mm_cmpeq_epi8(v, splat(b'\\'))), outside)
        })
    }

    /// A lane for each byte that is not JSON whitespace.
    #[inline(always)]
    fn non_spaces(chunk: &[u8; 16]) -> u32 {
        let v = load(chunk);
        // SAFETY: SSE2 is enabled (the cfg of this module).
        let spaces = bits(unsafe {
            let a = _mm_or_si128(_mm_cmpeq_epi8(v, splat(b' ')), _mm_cmpeq_epi8(v, splat(b'\n')));
            let b = _mm_or_si128(_mm_cmpeq_epi8(v, splat(b'\t')), _mm_cmpeq_epi8(v, splat(b'\r')));
            _mm_or_si128(a, b)
        });
        !spaces & 0xffff
    }

    #[inline(always)]
    pub(super) fn string_stop_from(chunk: &[u8; 16], from: usize) -> usize {
        first(string_stops(chunk), from)
    }

    #[inline(always)]
    pub(super) fn space_stop_from(chunk: &[u8; 16], from: usize) -> usize {
        first(non_spaces(chunk), from)
    }
}

#[cfg(all(target_arch = "aarch64", target_feature = "neon"))]
mod imp {
    use core::arch::aarch64::{
        uint8x16_t, vceqq_u8, vcgeq_u8, vcltq_u8, vdupq_n_u8, vget_lane_u64, vld1q_u8, vmvnq_u8, vorrq_u8,
        vreinterpret_u64_u8, vreinterpretq_u16_u8, vshrn_n_u16,
    };

    #[inline(always)]
    fn load(chunk: &[u8; 16]) -> uint8x16_t {
        // SAFETY: NEON is enabled (the cfg of this module); `chunk` is 16 readable bytes, and
        // `vld1q_u8` needs no alignment.
        unsafe { vld1q_u8(chunk.as_ptr()) }
    }

    /// The index of the first lane set in `mask` (lanes all ones or all zeros) at or after lane
    /// `from`, 16 for none: narrowing each 16-bit pair by 4 leaves 4 bits per lane in one
    /// 64-bit word.
    #[inline(always)]
    fn first(mask: uint8x16_t, from: usize) -> usize {
        // SAFETY: NEON is enabled (the cfg of this module).
        let bits = unsafe { vget_lane_u64::<0>(vreinterpret_u64_u8(vshrn_n_u16::<4>(vreinterpretq_u16_u8(mask)))) };
        let kept = if from >= 16 { 0 } else { bits >> (4 * from) << (4 * from) };
        (kept.trailing_zeros() / 4) as usize
    }

    #[inline(always)]
    fn string_stops(chunk: &[u8; 16]) -> uint8x16_t {
        let v = load(chunk);
        // SAFETY: NEON is enabled (the cfg of this module).
        unsafe {
            let quote = vceqq_u8(v, vdupq_n_u8(b'"'));
            let backslash = vceqq_u8(v, vdupq_n_u8(b'\\'));
            let control = vcltq_u8(v, vdupq_n_u8(0x20));
            let high = vcgeq_u8(v, vdupq_n_u8(0x80));
            vorrq_u8(vorrq_u8(quote, backslash), vorrq_u8(control, high))
        }
    }

    #[inline(always)]
    fn non_spaces(chunk: &[u8; 16]) -> uint8x16_t {
        let v = load(chunk);
        // SAFETY: NEON is enabled (the cfg of this module).
        unsafe {
            let a = vorrq_u8(vceqq_u8(v, vdupq_n_u8(b' ')), vceqq_u8(v, vdupq_n_u8(b'\n')));
            let b = vorrq_u8(vceqq_u8(v, vdupq_n_u8(b'\t')), vceqq_u8(v, vdupq_n_u8(b'\r')));
            vmvnq_u8(vorrq_u8(a, b))
        }
    }

    #[inline(always)]
    pub(super) fn string_stop_from(chunk: &[u8; 16], from: usize) -> usize {
        first(string_stops(chunk), from)
    }

    #[inline(always)]
    pub(super) fn space_stop_from(chunk: &[u8; 16], from: usize) -> usize {
        first(non_spaces(chunk), from)
    }
}

#[cfg(not(any(
    all(target_arch = "x86_64", target_feature = "sse2"),
    all(target_arch = "aarch64", target_feature = "neon")
)))]
use swar as imp;

/// Two 64-bit words at a time, for targets without SSE2 or NEON (and tested everywhere).
#[cfg_attr(
    any(all(target_arch = "x86_64", target_feature = "sse2"), all(target_arch = "aarch64", target_feature = "neon")),
    allow(dead_code)
)]
mod swar {
    /// A word with `0x01` in every byte.
    const ONES: u64 = 0x0101_0101_0101_0101;
    /// A word with `0x80` in every byte.
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    /// A word with `0x7f` in every byte.
    const LOWS: u64 = 0x7f7f_7f7f_7f7f_7f7f;

    /// The two words of a chunk, first bytes lowest.
    #[inline(always)]
    fn words(chunk: &[u8; 16]) -> [u64; 2] {
        let (a, b) = chunk.split_at(8);
        [a, b].map(|half| u64::from_le_bytes(half.try_into().unwrap_or([0; 8])))
    }

    /// The index of the first byte whose high bit is set in one of `masks`, 16 for none.
    #[inline(always)]
    fn first(masks: [u64; 2]) -> usize {
        match masks {
            [0, 0] => 16,
            [0, b] => 8usize.wrapping_add((b.trailing_zeros() / 8) as usize),
            [a, _] => (a.trailing_zeros() / 8) as usize,
        }
    }

    /// The high bit of each byte of `w` that is `byte`, exactly (no carry between bytes).
    #[inline(always)]
    fn equal(w: u64, byte: u8) -> u64 {
        let x = w ^ ONES.wrapping_mul(u64::from(byte));
        !(((x & LOWS).wrapping_add(LOWS)) | x) & HIGHS
    }

    /// `string_stop_from(chunk, 0)`, a word at a time.
    #[inline(always)]
    fn string_stop(chunk: &[u8; 16]) -> usize {
        first(words(chunk).map(|w| {
            // A zero byte of `x` borrows into its high bit; the lowest one found is exact (a
            // borrow only runs upwards from a byte that matches).
            let zero = |x: u64| x.wrapping_sub(ONES) & !x;
            // Below 0x20 or 0x80 and up: a byte below 0x20 borrows into its high bit; one from
            // 0x20 to 0x9f does not.
            let outside = w.wrapping_sub(ONES.wrapping_mul(0x20)) | w;
            (zero(w ^ ONES.wrapping_mul(u64::from(b'"'))) | zero(w ^ ONES.wrapping_mul(u64::from(b'\\'))) | outside)
                & HIGHS
        }))
    }

    /// `space_stop_from(chunk, 0)`, a word at a time.
    #[inline(always)]
    fn space_stop(chunk: &[u8; 16]) -> usize {
        first(words(chunk).map(|w| {
            let spaces = equal(w, b' ') | equal(w, b'\n') | equal(w, b'\t') | equal(w, b'\r');
            !spaces & HIGHS
        }))
    }

    /// The first byte at or after `from` (not 0: the words' answers are exact for their first
    /// stop only) that `stops`, 16 for none, a byte at a time.
    #[inline(always)]
    fn first_from(chunk: &[u8; 16], from: usize, stops: impl Fn(u8) -> bool) -> usize {
        let rest = chunk.get(from..).unwrap_or(&[]);
        16usize.wrapping_sub(rest.len()).wrapping_add(rest.iter().position(|b| stops(*b)).unwrap_or(rest.len()))
    }

    #[inline(always)]
    pub(super) fn string_stop_from(chunk: &[u8; 16], from: usize) -> usize {
        if from == 0 {
            return string_stop(chunk);
        }
        first_from(chunk, from, |b| b == b'"' || b == b'\\' || !(0x20..0x80).contains(&b))
    }

    #[inline(always)]
    pub(super) fn space_stop_from(chunk: &[u8; 16], from: usize) -> usize {
        if from == 0 {
            return space_stop(chunk);
        }
        first_from(chunk, from, |b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
    }
}

/// The index of the first byte at or after `i` inside a string that is not plain (see
/// [`string_stop`]), or `body.len()`.
#[cfg_attr(not(herr_small), inline(always))]
pub(crate) fn string_end(body: &[u8], i: usize) -> usize {
    // After 64 plain bytes (a long message, an image), 64 at a time where AVX2 is there.
    #[cfg(all(target_arch = "x86_64", not(herr_small), not(miri)))]
    let long = crate::wide::string_run;
    #[cfg(not(all(target_arch = "x86_64", not(herr_small), not(miri))))]
    let long = |_: &[u8], i: usize| i;
    at(body, i, string_stop, string_stop_from, long)
}

/// [`string_end`] without the wide path after 64 plain bytes: for strings that are short as a
/// rule (an error reply's values), where each place that reads one has its own copy.
#[cfg(not(herr_small))]
#[inline(always)]
pub(crate) fn short_string_end(body: &[u8], i: usize) -> usize {
    at(body, i, string_stop, string_stop_from, |_, i| i)
}

/// The index of the first byte at or after `i` that is not JSON whitespace, or `body.len()`.
#[cfg_attr(not(herr_small), inline(always))]
pub(crate) fn space_end(body: &[u8], i: usize) -> usize {
    at(body, i, space_stop, space_stop_from, |_, i| i)
}

/// The first byte at or after `i` that `stop` (a chunk at a time) and `stop_from` (in the last
/// chunk of the body, from a byte on) find, or `body.len()`. After four chunks without one,
/// `long` may go on from there (see `src/wide.rs`), answering the place to go on from.
#[cfg_attr(not(herr_small), inline(always))]
fn at(
    body: &[u8],
    mut i: usize,
    stop: impl Fn(&[u8; 16]) -> usize,
    stop_from: impl Fn(&[u8; 16], usize) -> usize,
    long: impl Fn(&[u8], usize) -> usize,
) -> usize {
    // While 16 bytes are left: one compare with the last chunk's start (the chunk's bounds
    // check then folds away).
    let len = body.len();
    let last = len.wrapping_sub(16);
    let mut chunks = 0u32;
    while len >= 16 && i <= last {
        let Some(chunk) = body.get(i..).and_then(|rest| rest.first_chunk::<16>()) else { break };
        let n = stop(chunk);
        // The next chunk's address does not wait for this one's answer: only the (predicted)
        // branch does.
        if n < 16 {
            return i.wrapping_add(n);
        }
        i = i.wrapping_add(16);
        chunks = chunks.wrapping_add(1);
        if chunks == 4 {
            i = long(body, i);
        }
    }
    if i >= len {
        return len;
    }
    // Fewer than 16 bytes left: the body's last 16 bytes, from byte `i` on (a body shorter
    // than a chunk: copied into one; what the bytes past its end say does not count).
    match body.last_chunk::<16>() {
        Some(chunk) => last.wrapping_add(stop_from(chunk, i.wrapping_sub(last))).min(len),
        None => {
            // Byte by byte (a copy routine would come with `copy_from_slice` in firmware).
            let mut chunk = [0u8; 16];
            for (to, b) in chunk.iter_mut().zip(body) {
                *to = *b;
            }
            stop_from(&chunk, i).min(len)
        }
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used)]
mod tests {
    use super::*;

    /// What the functions answer, byte by byte.
    fn string_stop_slow(chunk: &[u8; 16]) -> usize {
        chunk.iter().position(|&b| b == b'"' || b == b'\\' || !(0x20..0x80).contains(&b)).unwrap_or(16)
    }

    fn space_stop_slow(chunk: &[u8; 16]) -> usize {
        chunk.iter().position(|&b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r')).unwrap_or(16)
    }

    /// The target's functions and the SWAR ones agree with the byte-by-byte answer.
    fn check(chunk: &[u8; 16]) {
        // Under Miri, the starts at the edges (the whole test took three minutes there).
        let froms: &[usize] =
            if cfg!(miri) { &[0, 1, 15, 16] } else { &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16] };
        for &from in froms {
            // The answers from `from` on: the bytes before it made ones that stop nothing.
            let (mut plain, mut spaced) = (*chunk, *chunk);
            plain[..from].fill(b'a');
            spaced[..from].fill(b' ');
            let (string, space) = (string_stop_slow(&plain), space_stop_slow(&spaced));
            assert_eq!(string_stop_from(chunk, from), string, "{chunk:?} from {from}");
            assert_eq!(space_stop_from(chunk, from), space, "{chunk:?} from {from}");
            assert_eq!(swar::string_stop_from(chunk, from), string, "{chunk:?} from {from}");
            assert_eq!(swar::space_stop_from(chunk, from), space, "{chunk:?} from {from}");
        }
        assert_eq!(string_stop(chunk), string_stop_slow(chunk), "{chunk:?}");
        assert_eq!(space_stop(chunk), space_stop_slow(chunk), "{chunk:?}");
    }

    #[test]
    fn ends_over_whole_bodies() {
        let body = b"0123456789abcdefghijklmnopqrstuvwxyz \t\r\n\"\\\x80\x00";
        // Under Miri, the lengths around the chunk edges only.
        let edges = [0, 1, 15, 16, 17, 31, 32, 33, body.len()];
        for n in (0..=body.len()).filter(|n| !cfg!(miri) || edges.contains(n)) {
            let body = &body[..n];
            for i in 0..=n + 2 {
                let rest = body.get(i..).unwrap_or(&[]);
                let chunked = |stop: fn(&[u8; 16]) -> usize| {
                    let mut padded = rest.to_vec();
                    padded.resize(rest.len() + 16, 0);
                    (0..).step_by(16).find_map(|k: usize| {
                        let n = stop(padded[k..k + 16].try_into().unwrap());
                        (n < 16).then_some(k + n)
                    })
                };
                let want = |stop| (i + chunked(stop).unwrap()).min(n);
                assert_eq!(string_end(body, i), want(string_stop), "{n} {i}");
                assert_eq!(space_end(body, i), want(space_stop), "{n} {i}");
            }
        }
    }

    #[test]
    fn ends_of_long_strings() {
        // Past 64 bytes the 16-byte loop may hand a string to src/wide.rs: each class of stop
        // byte at each place of a 300-byte body (every 7th under Miri), from a few starts.
        let step = if cfg!(miri) { 7 } else { 1 };
        for start in [0, 3, 17] {
            for at in (start..300).step_by(step) {
                for stop in [b'"', b'\\', 0x01, 0x80] {
                    let mut body = [b'x'; 300];
                    body[at] = stop;
                    assert_eq!(string_end(&body, start), at, "{stop:#x} at {at} from {start}");
                    assert_eq!(string_end(&body[..at], start), at, "no stop, {at} bytes from {start}");
                }
            }
        }
    }

    #[test]
    fn every_byte_at_every_place_over_every_background() {
        // Under Miri, the bytes at the edges of each class only (minutes, not hours).
        let mut all = [0u8; 256];
        for (i, b) in all.iter_mut().enumerate() {
            *b = i as u8;
        }
        let edges = [0, 0x1f, b' ', b'!', b'"', b'\\', 0x7f, 0x80, 0xff];
        let bytes: &[u8] = if cfg!(miri) { &edges } else { &all };
        let backgrounds: &[u8] = if cfg!(miri) { b"a \x7f" } else { b"a \n\x7f0" };
        let laters: &[u8] = if cfg!(miri) { b"\"\x80" } else { b"\"\\\x00\x80x " };
        for &background in backgrounds {
            for at in 0..16 {
                for &byte in bytes {
                    let mut chunk = [background; 16];
                    chunk[at] = byte;
                    check(&chunk);
                    // A second byte after the first: the first still decides.
                    for &later in laters {
                        if at < 15 {
                            chunk[at + 1] = later;
                            check(&chunk);
                        }
                    }
                }
            }
        }
    }
}
