//! Conversions between C's pointers and Rust values, for `ffi.rs`. Each one has a defined
//! answer for NULL, so no exported function dereferences a pointer it has not checked.

use core::ffi::{CStr, c_char};

/// The bytes of the NUL-terminated string at `p` (without the NUL), or `None` for NULL.
///
/// # Safety
/// `p` is NULL or points to a NUL-terminated string that stays unchanged during the call.
pub(crate) unsafe fn c_str<'a>(p: *const c_char) -> Option<&'a [u8]> {
    if p.is_null() {
        return None;
    }
    // SAFETY: not NULL, and the caller promises a NUL-terminated string.
    Some(unsafe { CStr::from_ptr(p) }.to_bytes())
}

/// The `len` bytes at `p`, or `None` for NULL or for a length no buffer can have.
///
/// # Safety
/// `p` is NULL or points to `len` readable bytes that stay unchanged during the call.
pub(crate) unsafe fn bytes<'a>(p: *const c_char, len: usize) -> Option<&'a [u8]> {
    if p.is_null() || isize::try_from(len).is_err() {
        return None;
    }
    // SAFETY: not NULL, at most isize::MAX bytes, and the caller promises `len` readable bytes.
    Some(unsafe { core::slice::from_raw_parts(p.cast::<u8>(), len) })
}

/// The `len` writable bytes at `p`, or an empty slice for NULL or for a length no buffer can
/// have.
///
/// # Safety
/// `p` is NULL or points to `len` writable bytes that nothing else reads or writes during the
/// call.
pub(crate) unsafe fn bytes_mut<'a>(p: *mut c_char, len: usize) -> &'a mut [u8] {
    if p.is_null() || isize::try_from(len).is_err() {
        return &mut [];
    }
    // SAFETY: not NULL, at most isize::MAX bytes, and the caller promises `len` writable bytes
    // that nothing else uses during the call.
    unsafe { core::slice::from_raw_parts_mut(p.cast::<u8>(), len) }
}

/// Writes `value` to `out`, unless `out` is NULL.
///
/// # Safety
/// `out` is NULL or points to a writable, aligned `T`.
pub(crate) unsafe fn write<T>(out: *mut T, value: T) {
    if !out.is_null() {
        // SAFETY: not NULL, and the caller promises a writable, aligned `T`.
        unsafe { out.write(value) }
    }
}

/// Writes the first `capacity` items to `out[0..capacity]` (nothing when `out` is NULL) and
/// returns how many items there are in all, so a caller can size its buffer.
///
/// # Safety
/// `out` is NULL or points to `capacity` writable, aligned `T`s.
pub(crate) unsafe fn fill<T>(out: *mut T, capacity: usize, items: impl Iterator<Item = T>) -> usize {
    let mut count = 0usize;
    for item in items {
        if !out.is_null() && count < capacity {
            // SAFETY: not NULL, `count < capacity`, and the caller promises `capacity` slots.
            unsafe { out.add(count).write(item) }
        }
        count = count.saturating_add(1);
    }
    count
}
