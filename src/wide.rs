//! Long strings (a FaceID reply's base64 image) 64 bytes at a time with AVX2, on the x86-64 CPUs
//! that have it. x86-64's baseline is SSE2, so AVX2 is looked for once, at run time (`CPUID`,
//! and `XGETBV` for the operating system's saving of the 256-bit registers), unless the build
//! already assumes it (`-C target-cpu=native` on such a CPU).
//!
//! `src/chunk.rs` hands a string over after 64 plain bytes: a key or a code never comes here.
//! Not in firmware builds (`herr_small`), and not under Miri (no `CPUID` there).
//!
//! `unsafe` here: `CPUID` and `XGETBV` (the first is on every x86-64, the second only when
//! `CPUID` says so), the AVX2 function and its call (made only when AVX2 was found), and the
//! vector loads of a 64-byte array.

use core::arch::x86_64::{
    __cpuid, __cpuid_count, __m256i, _mm256_cmpeq_epi8, _mm256_cmpgt_epi8, _mm256_loadu_si256, _mm256_movemask_epi8,
    _mm256_or_si256, _mm256_set1_epi8, _xgetbv,
};
use core::sync::atomic::{AtomicU8, Ordering};

/// Whether AVX2 may be used: 0 not looked for yet, 1 no, 2 yes.
static AVX2: AtomicU8 = AtomicU8::new(0);

/// Whether this CPU and operating system run AVX2 code (looked for once; threads that race to
/// look find the same answer).
#[inline]
fn available() -> bool {
    match AVX2.load(Ordering::Relaxed) {
        2 => true,
        1 => false,
        _ => {
            let yes = cfg!(target_feature = "avx2") || detect();
            AVX2.store(if yes { 2 } else { 1 }, Ordering::Relaxed);
            yes
        }
    }
}

/// `CPUID` leaf 1: AVX and OSXSAVE; `XGETBV`: the OS saves the SSE and AVX registers; `CPUID`
/// leaf 7: AVX2 (Intel's and AMD's manuals, "Detection of AVX2").
#[cold]
fn detect() -> bool {
    // `__cpuid` is safe from Rust 1.87 on, unsafe in the minimum Rust (1.85): hence the allows.
    // SAFETY: `CPUID` is part of every x86-64 CPU.
    #[allow(unused_unsafe)]
    let (max, leaf1) = unsafe { (__cpuid(0).eax, __cpuid(1)) };
    let (osxsave, avx) = (leaf1.ecx & 1 << 27 != 0, leaf1.ecx & 1 << 28 != 0);
    // SAFETY: OSXSAVE says `XGETBV` is enabled, checked before the call.
    if max < 7 || !osxsave || !avx || unsafe { xcr0() } & 0b110 != 0b110 {
        return false;
    }
    // SAFETY: `CPUID` is part of every x86-64 CPU, and leaf 7 is within its `max`.
    #[allow(unused_unsafe)]
    let leaf7 = unsafe { __cpuid_count(7, 0) };
    leaf7.ebx & 1 << 5 != 0
}

/// The XCR0 register.
///
/// # Safety
/// The CPU must have OSXSAVE (`CPUID` leaf 1, ECX bit 27).
#[target_feature(enable = "xsave")]
unsafe fn xcr0() -> u64 {
    // SAFETY: the caller has checked OSXSAVE.
    unsafe { _xgetbv(0) }
}

/// From `i`, a place inside a string after 64 plain bytes: the first byte that is not plain
/// (see `chunk::string_stop`), or the place where fewer than 64 bytes are left (all plain
/// before it), for the 16-byte loop to go on from.
#[inline]
pub(crate) fn string_run(body: &[u8], i: usize) -> usize {
    if available() {
        // SAFETY: AVX2 was found on this CPU (and its registers are saved by the OS).
        unsafe { string_run_avx2(body, i) }
    } else {
        i
    }
}

/// [`string_run`] with AVX2.
///
/// # Safety
/// The CPU must have AVX2.
#[target_feature(enable = "avx2")]
unsafe fn string_run_avx2(body: &[u8], mut i: usize) -> usize {
    while let Some(block) = body.get(i..).and_then(|rest| rest.first_chunk::<64>()) {
        let p = block.as_ptr().cast::<__m256i>();
        // SAFETY: AVX2 is enabled (this function's target feature, which its caller checked);
        // the 64 bytes of `block` are readable, and `_mm256_loadu_si256` needs no alignment.
        let mask = unsafe { stops(_mm256_loadu_si256(p)) | stops(_mm256_loadu_si256(p.add(1))) << 32 };
        if mask != 0 {
            return i.wrapping_add(mask.trailing_zeros() as usize);
        }
        i = i.wrapping_add(64);
    }
    i
}

/// The bytes of `v` that stop a string: `"`, `\`, and (signed lanes) bytes below 0x20 or of
/// 0x80 and up.
///
/// # Safety
/// The CPU must have AVX2.
#[target_feature(enable = "avx2")]
#[inline]
unsafe fn stops(v: __m256i) -> u64 {
    // The intrinsics are safe to call in an AVX2 function from Rust 1.86 on, unsafe in the
    // minimum Rust (1.85): hence the allow.
    // SAFETY: AVX2 is enabled (this function's target feature).
    #[allow(unused_unsafe)]
    unsafe {
        let outside = _mm256_cmpgt_epi8(_mm256_set1_epi8(0x20), v);
        let quote = _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b'"' as i8));
        let backslash = _mm256_cmpeq_epi8(v, _mm256_set1_epi8(b'\\' as i8));
        _mm256_movemask_epi8(_mm256_or_si256(_mm256_or_si256(quote, backslash), outside)) as u32 as u64
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_stop_of_long_strings() {
        // Each class of stop byte at each place of three blocks, after a start at each place of
        // the first; and no stop at all.
        let plain = b'A';
        for start in [0, 1, 31, 63] {
            for at in start..200 {
                for stop in [b'"', b'\\', 0x00, 0x1f, 0x80, 0xff] {
                    let mut body = [plain; 200];
                    body[at] = stop;
                    let got = string_run(&body, start);
                    // At the stop, or where fewer than 64 bytes are left before it.
                    let left = start + (200 - start) / 64 * 64;
                    let want = if at < left { at } else { left };
                    if available() {
                        assert_eq!(got, want, "start {start}, {stop:#x} at {at}");
                    } else {
                        assert_eq!(got, start);
                    }
                }
            }
        }
        let body = [plain; 130];
        assert_eq!(string_run(&body, 0), if available() { 128 } else { 0 });
    }
}
