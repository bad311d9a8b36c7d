//! Vendor reply bodies -> herr codes, without a JSON library: one pass over the bytes as they
//! came off the socket, no allocation, no copy, no recursion.
//!
//! The scanner validates the whole body as JSON (RFC 8259, strictly: one value, no trailing
//! bytes, no trailing commas, no raw control bytes or invalid UTF-8 in strings, exact number
//! grammar) while it watches the few members a vendor's reply shape names (`src/registry.rs`):
//! the error code, its message, the request id. It tracks nesting in a bit stack of
//! [`HERR_RESPONSE_MAX_DEPTH`] levels instead of the call stack. Strings are skipped sixteen
//! bytes at a time (`src/chunk.rs`). A key is matched against the shape's names at its depth
//! with one 16-byte word compare: a seed found when herr is compiled gives each name of a depth
//! its own entry by the key's first byte and length.
//!
//! Before the scanner, a body is compared with the text its vendor writes for an error reply
//! (`reply/layout.rs`); only a body written so is read that way, and the answer is the scanner's.
//!
//! A member counts only at its place: `Response.Error.Code` is the `Code` member of the `Error`
//! object member of the `Response` object member of the body; an `"Error"` inside a string or
//! deeper is not one. When a member appears twice, the last one wins (as in JavaScript's
//! `JSON.parse`), and a member that is an object replaces everything the earlier one held.

use core::fmt;

use crate::chunk;
use crate::code::Code;
use crate::registry::{ReplyShape, VENDORS};
use crate::table;
use crate::vendor::Vendor;

#[cfg(not(herr_small))]
mod layout;

/// How deep a reply body may nest (objects and arrays): herr_parse_response refuses deeper ones
/// with HERR_RESPONSE_TOO_DEEP ([`ReplyError::TooDeep`]). Vendors' replies nest a few levels.
pub const HERR_RESPONSE_MAX_DEPTH: usize = 256;

/// A vendor's reply, understood: slices of the body the caller passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reply<'a> {
    /// The reply's code: the vendor's error, or [`Code::SUCCESS`]. When the vendor's code is not
    /// in herr's tables ([`Reply::known`] is false), the code of its longest known dotted prefix
    /// (a new `FailedOperation.Xyz` answers as `FailedOperation`), else `HERR_UNKNOWN`.
    pub code: Code,
    /// Whether herr knows the vendor's code (or the reply is a success).
    pub known: bool,
    /// The vendor's code as sent: the raw contents of its JSON string (escapes not decoded), or
    /// the text of its JSON number (Baidu's `222202`).
    pub vendor_code: Option<&'a [u8]>,
    /// The message, raw JSON string contents ([`json_unescape`] decodes it).
    pub message: Option<&'a [u8]>,
    /// The request id, raw JSON string contents, or the text of a JSON number (Baidu's `log_id`).
    pub request_id: Option<&'a [u8]>,
}

/// Why a body was not understood.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReplyError {
    /// Not a JSON object: an HTML error page from a proxy, garbage, invalid JSON.
    NotJson,
    /// Valid so far, but it ends too early.
    Truncated,
    /// JSON, but not this vendor's reply shape (or its code is not a string; for a vendor whose
    /// codes are numbers, Baidu, not a string or a number).
    NoCode,
    /// Nested deeper than [`HERR_RESPONSE_MAX_DEPTH`].
    TooDeep,
    /// The vendor's errors do not come as JSON replies (InspireFace, FaceID SaaS), or its table
    /// is not in this build.
    UnsupportedVendor,
    /// The HTTP status is neither 0 (unknown) nor one of 100 to 599.
    InvalidStatus,
}

impl fmt::Display for ReplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ReplyError::NotJson => "the body is not a JSON object",
            ReplyError::Truncated => "the body ends too early",
            ReplyError::NoCode => "the body is not a reply of this vendor, or its code is not a string",
            ReplyError::TooDeep => "the body nests too deep",
            ReplyError::UnsupportedVendor => "this vendor's errors do not come as JSON replies",
            ReplyError::InvalidStatus => "the HTTP status is neither 0 nor 100 to 599",
        })
    }
}

impl core::error::Error for ReplyError {}

/// Reads a vendor's HTTP reply body: its code (a herr code), the vendor's code, its message
/// and its request id, as slices of `body`. `http_status` is the reply's status, 0 if unknown
/// (any other value outside 100 to 599 is [`ReplyError::InvalidStatus`]): a body without an
/// error member is success when the status is 0 or 2xx, and where a vendor code means
/// different things by status (Huawei's `APIG.0201`), the status picks the code.
///
/// ```
/// use herr::{parse_reply, Kind, Vendor};
/// # #[cfg(feature = "tencent-iai")] {
/// let body = br#"{"Response":{"Error":{"Code":"InvalidParameterValue.NoFaceInPhoto","Message":"no face"},"RequestId":"42"}}"#;
/// let reply = parse_reply(Vendor::TencentIai, body, 200).unwrap();
/// assert_eq!(reply.code.kind(), Kind::NoFace);
/// assert_eq!(reply.request_id, Some(&b"42"[..]));
/// # }
/// ```
pub fn parse_reply(vendor: Vendor, body: &[u8], http_status: u16) -> Result<Reply<'_>, ReplyError> {
    parse_with(read, vendor, body, http_status)
}

/// The scanner of [`parse_reply`]: a body written as the vendor writes its error replies is read
/// by its layout (the vendor's reader, [`layout::READERS`]), any other by [`scan`]. Firmware
/// images (`herr_small`) have no layouts.
fn read(body: &[u8], watch: &Watch, seen: &mut Seen) -> Result<u8, ReplyError> {
    #[cfg(not(herr_small))]
    if let Some(have) = (watch.read)(body, seen) {
        return Ok(have);
    }
    scan::<SKIP>(body, watch, seen)
}

/// Whether [`scan`] hands the containers nothing is watched in to [`skip`]: in builds for
/// speed. Firmware images (`herr_small`) keep one scanner, not two (1.6 KB on a Cortex-M4).
const SKIP: bool = cfg!(not(herr_small));

/// [`parse_reply`] with the byte-by-byte scanner alone, which looks into every container (the
/// oracle that the fuzzer compares [`parse_reply`] with; `cargo fuzz` builds with
/// `--cfg fuzzing`).
#[cfg(fuzzing)]
#[doc(hidden)]
pub fn parse_reply_bytewise(vendor: Vendor, body: &[u8], http_status: u16) -> Result<Reply<'_>, ReplyError> {
    parse_with(scan::<false>, vendor, body, http_status)
}

/// A scanner: checks a body and records what it holds at a watch's places ([`scan`]).
type Scanner = fn(&[u8], &Watch, &mut Seen) -> Result<u8, ReplyError>;

/// [`parse_reply`] with the scanner `scan`.
#[inline(always)]
fn parse_with(scan: Scanner, vendor: Vendor, body: &[u8], http_status: u16) -> Result<Reply<'_>, ReplyError> {
    if http_status != 0 && !(100..=599).contains(&http_status) {
        return Err(ReplyError::InvalidStatus);
    }
    // A vendor without a watch (no JSON replies, or its table not in this build) is refused.
    let value = vendor.index().ok_or(ReplyError::UnsupportedVendor)?;
    let watch =
        WATCH_OF.get(value).and_then(|at| WATCH_LIST.get(usize::from(*at))).ok_or(ReplyError::UnsupportedVendor)?;
    let mut seen: Seen = [Found::Absent; PLACES];
    let have = scan(body, watch, &mut seen)?;
    // What the scan found at a place: Absent unless the place's bit is in `have`.
    let found = |place: usize| {
        if have & (1 << place) != 0 { seen.get(place).copied().unwrap_or(Found::Absent) } else { Found::Absent }
    };
    // A message is a string; a request id a string or a number (Baidu's `log_id`).
    let text = |place: usize| found(place).string(body);
    let id = |place: usize| found(place).text(body);
    // A code: a string, or for a vendor whose codes are numbers (Baidu), a number.
    let numbers = watch.numbers;
    let code_of = |place: usize| match found(place) {
        Found::String(start, end, escaped) => Some((body.get(start..end)?, Key::String { escaped })),
        Found::Number(start, end) if numbers => Some((body.get(start..end)?, Key::Number)),
        _ => None,
    };
    if found(ROOT) != Found::Object {
        return Err(ReplyError::NoCode);
    }
    let success_status = http_status == 0 || (200..300).contains(&http_status);
    // The error's first member absent: success, or FaceID's business result.
    if found(CODE_HEAD) == Found::Absent {
        if !success_status {
            return Err(ReplyError::NoCode);
        }
        let request_id = id(REQUEST_ID);
        return Ok(match code_of(RESULT) {
            Some((result, key)) => {
                Reply { message: text(DESCRIPTION), request_id, ..resolve(value, result, key, http_status) }
            }
            None => Reply { code: Code::SUCCESS, known: true, vendor_code: None, message: None, request_id },
        });
    }
    let (vendor_code, key) = code_of(CODE).ok_or(ReplyError::NoCode)?;
    Ok(Reply { message: text(MESSAGE), request_id: id(REQUEST_ID), ..resolve(value, vendor_code, key, http_status) })
}

/// How a vendor code came in a reply.
#[derive(Clone, Copy)]
enum Key {
    /// A JSON string, with an escape in it or not.
    String { escaped: bool },
    /// A JSON number.
    Number,
}

/// The code that vendor code `raw` (JSON string contents or a number's text, as `key` says)
/// names for vendor `value`, under `http_status`; unknown codes answer with their longest known
/// dotted prefix.
fn resolve(value: usize, raw: &[u8], key: Key, http_status: u16) -> Reply<'_> {
    // A number has no dotted prefix: `2.5` is no code of Baidu's `2`.
    let dotted = matches!(key, Key::String { .. });
    let lookup = |text: &[u8]| {
        let find = |k: &[u8]| table::code_of_vendor_text(value, k);
        match find(text) {
            Some(code) => (table::code_for_status(code, http_status), true),
            None => {
                let prefix = text
                    .iter()
                    .enumerate()
                    .rev()
                    .filter(|(_, b)| dotted && **b == b'.')
                    .find_map(|(i, _)| find(text.get(..i)?));
                (prefix.unwrap_or(crate::HERR_UNKNOWN as u32), false)
            }
        }
    };
    // Vendors do not escape their codes; when one does, the decoded code is looked up.
    let (code, known) = if let Key::String { escaped: true } = key { decoded(raw, lookup) } else { lookup(raw) };
    Reply { code: Code::known(code), known, vendor_code: Some(raw), message: None, request_id: None }
}

/// `f` of the decoded JSON string contents `raw`, when they are short enough to be a code or
/// a member name (127 bytes); of the empty string otherwise.
#[cold]
#[inline(never)]
fn decoded<R>(raw: &[u8], f: impl FnOnce(&[u8]) -> R) -> R {
    let mut buf = [0u8; 128];
    let n = json_unescape(raw, &mut buf);
    f(buf.get(..n).filter(|_| n < buf.len()).unwrap_or(&[]))
}

/// What the scan saw at one place of the shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Found {
    Absent,
    /// A string: the range of its contents in the body, and whether they hold an escape.
    String(usize, usize, bool),
    Object,
    /// A number: the range of its text in the body.
    Number(usize, usize),
    /// An array, `true`, `false` or `null`.
    Other,
}

impl Found {
    /// A string's raw contents.
    fn string(self, body: &[u8]) -> Option<&[u8]> {
        match self {
            Found::String(start, end, _) => body.get(start..end),
            _ => None,
        }
    }

    /// A string's raw contents, or a number's text.
    fn text(self, body: &[u8]) -> Option<&[u8]> {
        match self {
            Found::String(start, end, _) | Found::Number(start, end) => body.get(start..end),
            _ => None,
        }
    }
}

/// The places of a shape the scan watches, in this order (the index of a place in [`Seen`] and
/// its bit in the masks).
const ROOT: usize = 0;
const CODE_HEAD: usize = 1;
const CODE: usize = 2;
const MESSAGE: usize = 3;
const REQUEST_ID: usize = 4;
const RESULT: usize = 5;
const DESCRIPTION: usize = 6;
const PLACES: usize = 7;

/// How many members deep a shape's places go.
const PATH_DEPTH: usize = 3;

/// How many names a shape has at one depth (Tencent's `Error`, `RequestId`, `Result`,
/// `Description`).
const KEYS: usize = 4;

/// The longest member name a shape may have: a key is compared as one 16-byte word.
const NAME_MAX: usize = 16;

/// A member name the scan watches for, in the entry [`slot`] picks for it: its bytes as one
/// little-endian word (zeros past its end), its length, and the places it leads to (none for
/// an unused entry).
#[derive(Clone, Copy)]
struct Name {
    /// Bytes, not a `u128`: no 16-byte alignment, so 18 bytes an entry.
    word: [u8; NAME_MAX],
    len: u8,
    leads: u8,
}

/// What the scan found at each place.
type Seen = [Found; PLACES];

/// A shape's places as the scanner watches them, worked out when herr is compiled.
#[derive(Clone, Copy)]
struct Watch {
    /// `keys[d]`: the member names at depth `d + 1` (the top object's members are at depth 1)
    /// on the way to some place, each once, in the entry that [`slot`] with `seeds[d]` picks.
    keys: [[Name; KEYS]; PATH_DEPTH],
    /// `seeds[d]`: a seed under which the names at depth `d + 1` have an entry each.
    seeds: [u32; PATH_DEPTH],
    /// `at[d]`: the places that are a member at depth `d` (the body itself at depth 0).
    at: [u8; PATH_DEPTH + 1],
    /// Every place the shape has.
    all: u8,
    /// Whether the vendor's codes are numbers (Baidu), so that a JSON number at the code's place
    /// is its code. (Here, not read from the registry when a reply is: a firmware image would
    /// then carry every vendor's registry entry, 3.4 KB.)
    numbers: bool,
    /// The vendor's layout reader ([`layout::READERS`]).
    #[cfg(not(herr_small))]
    read: layout::Reader,
}

/// The watch of `shape`. A place the vendor does not have (an empty path) is watched nowhere.
///
/// Evaluated only when herr is compiled (for [`WATCH_LIST`]): an index out of bounds or a shape
/// deeper than [`PATH_DEPTH`] fails the build, so it may index and panic.
#[allow(clippy::indexing_slicing, clippy::panic, clippy::arithmetic_side_effects)]
const fn watch(shape: &ReplyShape) -> Watch {
    let head: &[&'static str] = if shape.code.is_empty() { &[] } else { core::slice::from_ref(&shape.code[0]) };
    let paths: [&[&'static str]; PLACES] =
        [&[], head, shape.code, shape.message, shape.request_id, shape.result, shape.description];
    let unused = Name { word: [0; NAME_MAX], len: 0, leads: 0 };
    // The names at each depth, and the places each leads to.
    let mut names: [[(u128, usize, u8); KEYS]; PATH_DEPTH] = [[(0, 0, 0); KEYS]; PATH_DEPTH];
    let mut w = Watch {
        keys: [[unused; KEYS]; PATH_DEPTH],
        seeds: [0; PATH_DEPTH],
        at: [0; PATH_DEPTH + 1],
        all: 0,
        numbers: false,
        #[cfg(not(herr_small))]
        read: layout::unread,
    };
    let mut k = 0;
    while k < PLACES {
        if k == ROOT || !paths[k].is_empty() {
            let mut depth = 0;
            let mut part = 0;
            while part < 2 {
                let path = if part == 0 { shape.root } else { paths[k] };
                let mut n = 0;
                while n < path.len() {
                    assert!(depth < PATH_DEPTH, "a reply shape deeper than PATH_DEPTH");
                    // This name at this depth leads to place k too.
                    let name = path[n].as_bytes();
                    assert!(name.len() <= NAME_MAX, "a member name longer than NAME_MAX");
                    let mut word = 0u128;
                    let mut b = name.len();
                    while b > 0 {
                        b -= 1;
                        word = (word << 8) | name[b] as u128;
                    }
                    let mut e = 0;
                    while names[depth][e].2 != 0 && (names[depth][e].0 != word || names[depth][e].1 != name.len()) {
                        e += 1;
                        assert!(e < KEYS, "a reply shape with more than KEYS names at one depth");
                    }
                    names[depth][e] = (word, name.len(), names[depth][e].2 | 1 << k);
                    depth += 1;
                    n += 1;
                }
                part += 1;
            }
            w.at[depth] |= 1 << k;
            w.all |= 1 << k;
        }
        k += 1;
    }
    // Each depth's names into their entries: the first seed that gives each its own.
    let mut depth = 0;
    while depth < PATH_DEPTH {
        let mut seed = 1u32;
        'seeds: loop {
            let mut entries = [unused; KEYS];
            let mut e = 0;
            while e < KEYS && names[depth][e].2 != 0 {
                let (word, len, leads) = names[depth][e];
                let at = slot(word as u8, len, seed);
                if entries[at].leads != 0 {
                    seed += 2;
                    assert!(seed < 1 << 16, "no seed gives a shape's names an entry each");
                    continue 'seeds;
                }
                entries[at] = Name { word: word.to_le_bytes(), len: len as u8, leads };
                e += 1;
            }
            w.keys[depth] = entries;
            w.seeds[depth] = seed;
            break;
        }
        depth += 1;
    }
    w
}

/// The entry of a name whose first byte is `first` and length `len` among a depth's names,
/// under the depth's seed.
#[inline(always)]
const fn slot(first: u8, len: usize, seed: u32) -> usize {
    ((first as u32 | (len as u32) << 8).wrapping_mul(seed) >> 16) as usize % KEYS
}

/// Whether vendor `v`'s replies are read in this build: it has a reply shape, and its table is
/// in (the others' replies are refused before any watch is looked at).
#[allow(clippy::indexing_slicing)]
const fn watched(v: usize) -> bool {
    VENDORS[v].reply.is_some() && table::ENABLED[v]
}

/// How many vendors' replies are read in this build.
const WATCHED: usize = {
    let (mut n, mut v) = (0, 0);
    while v < VENDORS.len() {
        if watched(v) {
            n += 1;
        }
        v += 1;
    }
    n
};

/// The watches of the vendors whose replies are read in this build, in vendor order (worked
/// out at compile time). Only those: a firmware image with one vendor carries one watch, not
/// every vendor's (about 240 bytes each).
#[allow(clippy::indexing_slicing)]
static WATCH_LIST: [Watch; WATCHED] = {
    let unused = Name { word: [0; NAME_MAX], len: 0, leads: 0 };
    let empty = Watch {
        keys: [[unused; KEYS]; PATH_DEPTH],
        seeds: [0; PATH_DEPTH],
        at: [0; PATH_DEPTH + 1],
        all: 0,
        numbers: false,
        #[cfg(not(herr_small))]
        read: layout::unread,
    };
    let mut list = [empty; WATCHED];
    let (mut n, mut v) = (0, 0);
    while v < VENDORS.len() {
        if let (Some(shape), true) = (&VENDORS[v].reply, watched(v)) {
            list[n] = watch(shape);
            list[n].numbers = VENDORS[v].format.has_numbers();
            #[cfg(not(herr_small))]
            {
                list[n].read = layout::READERS[v];
            }
            n += 1;
        }
        v += 1;
    }
    list
};

/// `WATCH_OF[v]`: where vendor `v`'s watch is in [`WATCH_LIST`], or `u8::MAX` for none.
#[allow(clippy::indexing_slicing, clippy::cast_possible_truncation)]
static WATCH_OF: [u8; VENDORS.len()] = {
    let mut of = [u8::MAX; VENDORS.len()];
    let (mut n, mut v) = (0, 0);
    while v < VENDORS.len() {
        if watched(v) {
            of[v] = n as u8;
            n += 1;
        }
        v += 1;
    }
    of
};

/// The index of the first byte at or after `i` that is not JSON whitespace. None, or the one
/// space after a `:`, costs a compare or two.
#[inline(always)]
fn skip_space(body: &[u8], i: usize) -> usize {
    match body.get(i) {
        Some(&b) if b > b' ' => i,
        Some(b' ') if body.get(i.wrapping_add(1)).is_some_and(|b| *b > b' ') => i.wrapping_add(1),
        None => i,
        _ => skip_space_run(body, i),
    }
}

/// [`skip_space`] past a run: a line break and the indent after it, sixteen bytes at a time.
#[inline(never)]
fn skip_space_run(body: &[u8], i: usize) -> usize {
    chunk::space_end(body, i)
}

/// `Ok` if the byte at `i` is `want`: the error for what is there instead.
#[inline(always)]
fn expect(body: &[u8], i: usize, want: u8) -> Result<(), ReplyError> {
    match body.get(i) {
        Some(&b) if b == want => Ok(()),
        Some(_) => Err(ReplyError::NotJson),
        None => Err(ReplyError::Truncated),
    }
}

/// The state of a scan that the bytes rarely touch: what was found at the watched places, and
/// the kind of each container the scan is in.
struct Scan<'a> {
    body: &'a [u8],
    watch: &'a Watch,
    seen: &'a mut Seen,
    /// The places whose entry in `seen` holds what was found there (one bit per place; the
    /// others hold nothing yet).
    have: u8,
    /// `alive[d]`: the places the container at depth `d` is on the way to (0 for arrays, and
    /// nothing kept below [`PATH_DEPTH`], where no place is).
    alive: [u8; PATH_DEPTH + 1],
    /// One bit per depth: 1 for an object, 0 for an array.
    objects: [u64; HERR_RESPONSE_MAX_DEPTH / 64],
}

impl Scan<'_> {
    /// Enters a container at depth `depth` (1 for the body's top object), on the way to the
    /// places `alive`.
    #[inline(always)]
    fn open(&mut self, depth: usize, object: bool, alive: u8) -> Result<(), ReplyError> {
        let at = depth.wrapping_sub(1);
        let word = self.objects.get_mut(at / 64).ok_or(ReplyError::TooDeep)?;
        let bit = 1u64 << (at % 64);
        if object {
            *word |= bit
        } else {
            *word &= !bit
        }
        if let Some(slot) = self.alive.get_mut(depth) {
            *slot = alive;
        }
        Ok(())
    }

    /// Whether the container at depth `depth` is an object.
    #[inline(always)]
    fn is_object(&self, depth: usize) -> bool {
        let at = depth.wrapping_sub(1);
        self.objects.get(at / 64).is_some_and(|word| word & (1u64 << (at % 64)) != 0)
    }

    /// The member at `i` (its key, `:` and the whitespace after it) of the object at depth
    /// `depth`, on the way to the places `alive`: the index of its value, and the places its
    /// value is or is on the way to.
    #[cfg_attr(not(herr_small), inline(always))]
    fn member(&self, i: usize, depth: usize, alive: u8) -> Result<(usize, u8), ReplyError> {
        expect(self.body, i, b'"')?;
        let (end, escaped) = short_string(self.body, i.wrapping_add(1))?;
        let pending = if alive == 0 { 0 } else { self.key(i.wrapping_add(1), end, escaped, depth, alive) };
        Ok((value_start(self.body, end)?, pending))
    }

    /// The places among `alive` that the key `body[start..end]` (with escapes when `escaped`)
    /// at depth `depth` leads to.
    #[cfg_attr(not(herr_small), inline(always))]
    fn key(&self, start: usize, end: usize, escaped: bool, depth: usize, alive: u8) -> u8 {
        let at = depth.wrapping_sub(1);
        let (Some(keys), Some(&seed)) = (self.watch.keys.get(at), self.watch.seeds.get(at)) else { return 0 };
        let len = end.wrapping_sub(start);
        let leads = if escaped {
            decoded(self.body.get(start..end).unwrap_or(&[]), |key| leads_to(keys, seed, key, key.len()))
        } else {
            leads_to(keys, seed, self.body.get(start..).unwrap_or(&[]), len)
        };
        leads & alive
    }

    /// A value at depth `depth` is at or on the way to the places `pending`: records what it
    /// is, and answers the places an object there is on the way to.
    #[inline]
    fn record(&mut self, found: Found, depth: usize, pending: u8) -> u8 {
        let here = self.watch.at.get(depth).copied().unwrap_or(0);
        let at = pending & here;
        // At a place: found. On the way: a member that appears again replaces all the earlier
        // one held (its places are forgotten until found again).
        self.have = (self.have & !pending) | at;
        record(self.seen, at, found);
        pending & !here
    }
}

/// `found` at each of `places` (one bit each) in `seen`.
#[inline(always)]
fn record(seen: &mut Seen, mut places: u8, found: Found) {
    while places != 0 {
        if let Some(entry) = seen.get_mut(places.trailing_zeros() as usize) {
            *entry = found;
        }
        places &= places.wrapping_sub(1);
    }
}

/// The places that the member name `from[..len]` leads to, by a depth's `keys` and `seed`.
/// The bytes of `from` past `len` (the rest of the body) do not count.
#[cfg_attr(not(herr_small), inline(always))]
fn leads_to(keys: &[Name; KEYS], seed: u32, from: &[u8], len: usize) -> u8 {
    if len > NAME_MAX {
        return 0;
    }
    let word = match from.first_chunk::<NAME_MAX>() {
        Some(chunk) => u128::from_le_bytes(*chunk),
        // The body ends within 16 bytes of the key's start.
        None => {
            let mut chunk = [0u8; NAME_MAX];
            for (to, b) in chunk.iter_mut().zip(from) {
                *to = *b;
            }
            u128::from_le_bytes(chunk)
        }
    };
    let Some(name) = keys.get(slot(word as u8, len, seed)) else { return 0 };
    // The same length, and the first `len` bytes the same (the words differ in no lower bit).
    let same = usize::from(name.len) == len
        && (word ^ u128::from_le_bytes(name.word)).trailing_zeros() as usize >= len.wrapping_mul(8);
    if same { name.leads } else { 0 }
}

/// Scans `body`, checking it is one JSON object, and records in `seen` what it holds at
/// `watch`'s places: answers the places found (one bit per place; the others' entries in
/// `seen` mean nothing).
///
/// The control flow is the grammar: the outer loop is at a value, the inner one after a value
/// (or a container's end). Which places a value can be is a bit mask: a key narrows its
/// object's mask (`alive`) to `pending`, the places its value is or is on the way to. Nearly
/// every key of a reply meets an empty mask and costs nothing more.
// Not inlined into its caller with the layout's read: there the loop measured 1.04x the time.
#[inline(never)]
fn scan<const SKIP: bool>(body: &[u8], watch: &Watch, seen: &mut Seen) -> Result<u8, ReplyError> {
    let mut s =
        Scan { body, watch, seen, have: 0, alive: [0; PATH_DEPTH + 1], objects: [0; HERR_RESPONSE_MAX_DEPTH / 64] };
    // The top value must be an object.
    let mut i = skip_space(body, 0);
    if body.get(i) != Some(&b'{') {
        return Err(ReplyError::NotJson);
    }
    let mut depth = 0usize;
    let mut alive = 0u8;
    let mut pending = watch.all;
    // Whether the innermost open container is an object (`s.objects` holds the outer ones').
    let mut object = true;
    loop {
        // At a value, whitespace skipped.
        let Some(&b) = body.get(i) else { return Err(ReplyError::Truncated) };
        match b {
            b'{' => {
                let deeper = if pending == 0 { 0 } else { s.record(Found::Object, depth, pending) };
                if SKIP && deeper == 0 {
                    // Nothing watched inside: checked, not watched.
                    i = skip(body, i, depth)?;
                } else {
                    depth = depth.wrapping_add(1);
                    s.open(depth, true, deeper)?;
                    object = true;
                    alive = deeper;
                    i = skip_space(body, i.wrapping_add(1));
                    if body.get(i) != Some(&b'}') {
                        (i, pending) = s.member(i, depth, alive)?;
                        continue;
                    }
                }
            }
            b'[' => {
                if pending != 0 {
                    s.record(Found::Other, depth, pending);
                }
                if SKIP {
                    // Nothing inside an array is watched.
                    i = skip(body, i, depth)?;
                } else {
                    depth = depth.wrapping_add(1);
                    s.open(depth, false, 0)?;
                    object = false;
                    alive = 0;
                    i = skip_space(body, i.wrapping_add(1));
                    if body.get(i) != Some(&b']') {
                        pending = 0;
                        continue;
                    }
                }
            }
            b'"' => {
                let start = i.wrapping_add(1);
                let (end, escaped) = string(body, start)?;
                if pending != 0 {
                    s.record(Found::String(start, end, escaped), depth, pending);
                }
                i = end.wrapping_add(1);
            }
            _ => {
                let (end, found) = match b {
                    b'-' | b'0'..=b'9' => {
                        let end = number(body, i)?;
                        (end, Found::Number(i, end))
                    }
                    b't' | b'f' | b'n' => (literal(body, i)?, Found::Other),
                    _ => return Err(ReplyError::NotJson),
                };
                if pending != 0 {
                    s.record(found, depth, pending);
                }
                i = end;
            }
        }
        pending = 0;
        // After a value: `,` and the next one, or the end of containers.
        loop {
            let Some(&b) = body.get(i) else { return Err(ReplyError::Truncated) };
            // Compares, not a jump table (as in `skip`); whitespace only when there is some.
            if b == b',' {
                i = skip_space(body, i.wrapping_add(1));
                if object {
                    (i, pending) = s.member(i, depth, alive)?;
                }
                break;
            }
            if b != if object { b'}' } else { b']' } {
                if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                    return Err(ReplyError::NotJson);
                }
                i = skip_space(body, i);
                continue;
            }
            i = i.wrapping_add(1);
            depth = depth.wrapping_sub(1);
            if depth == 0 {
                // The body is one JSON value if nothing but whitespace follows.
                return if skip_space(body, i) == body.len() { Ok(s.have) } else { Err(ReplyError::NotJson) };
            }
            alive = s.alive.get(depth).copied().unwrap_or(0);
            object = s.is_object(depth);
        }
    }
}

/// The array or object at `i` (its `[` or `{`), inside `outer` containers: checked as the
/// scanner checks everything, but with nothing watched inside it, so with none of the watch's
/// bookkeeping: the index past its end. (Called once for each such container at a watched
/// level, a face array for one: kept out of the scanner's loop.)
#[inline(never)]
fn skip(body: &[u8], mut i: usize, outer: usize) -> Result<usize, ReplyError> {
    // One bit per depth: 1 for an object, 0 for an array.
    let mut objects = [0u64; HERR_RESPONSE_MAX_DEPTH / 64];
    let mut depth = outer;
    let mut object = true;
    loop {
        // At a value, whitespace skipped.
        let Some(&b) = body.get(i) else { return Err(ReplyError::Truncated) };
        // Compares, numbers and strings first, not a jump table (see the loop after a value).
        if b.is_ascii_digit() || b == b'-' {
            i = number(body, i)?;
        } else if b == b'"' {
            i = short_string(body, i.wrapping_add(1))?.0.wrapping_add(1);
        } else if b == b'{' || b == b'[' {
            object = b == b'{';
            let word = objects.get_mut(depth / 64).ok_or(ReplyError::TooDeep)?;
            let bit = 1u64 << (depth % 64);
            *word = if object { *word | bit } else { *word & !bit };
            depth = depth.wrapping_add(1);
            i = skip_space(body, i.wrapping_add(1));
            if body.get(i) != Some(if object { &b'}' } else { &b']' }) {
                if object {
                    i = key(body, i)?;
                }
                continue;
            }
        } else if matches!(b, b't' | b'f' | b'n') {
            i = literal(body, i)?;
        } else {
            return Err(ReplyError::NotJson);
        }
        // After a value: `,` and the next one, or the end of containers. (The same tests as the
        // scanner's loop after a value, written out in each: one shared function returning the
        // byte's place and kind took 1.08x the time on 10-face replies here.)
        loop {
            let Some(&b) = body.get(i) else { return Err(ReplyError::Truncated) };
            // Compares in the order of how often they come, not a jump table: its one indirect
            // branch is predicted worse than these (0.86x the time on 10-face replies).
            if b == b',' {
                i = i.wrapping_add(1);
                i = if object { key(body, i)? } else { skip_space(body, i) };
                break;
            }
            if b != if object { b'}' } else { b']' } {
                if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                    return Err(ReplyError::NotJson);
                }
                i = skip_space(body, i);
                continue;
            }
            i = i.wrapping_add(1);
            depth = depth.wrapping_sub(1);
            if depth == outer {
                return Ok(i);
            }
            let at = depth.wrapping_sub(1);
            object = objects.get(at / 64).is_some_and(|word| word & (1u64 << (at % 64)) != 0);
        }
    }
}

/// A member's key at `i` (unwatched) after any whitespace, its `:` and the whitespace after
/// it: the index of its value.
#[inline(always)]
fn key(body: &[u8], mut i: usize) -> Result<usize, ReplyError> {
    if body.get(i) != Some(&b'"') {
        i = skip_space(body, i);
        expect(body, i, b'"')?;
    }
    let (end, _) = short_string(body, i.wrapping_add(1))?;
    value_start(body, end)
}

/// The `:` after a key whose closing quote is at `end`, right after it (as servers send it) or
/// after whitespace, and the whitespace after the `:`: the index of the member's value.
#[inline(always)]
fn value_start(body: &[u8], end: usize) -> Result<usize, ReplyError> {
    let mut colon = end.wrapping_add(1);
    if body.get(colon) != Some(&b':') {
        colon = skip_space(body, colon);
        expect(body, colon, b':')?;
    }
    Ok(skip_space(body, colon.wrapping_add(1)))
}

/// `true`, `false` or `null` at `i`: the index past it.
fn literal(body: &[u8], i: usize) -> Result<usize, ReplyError> {
    let word: &[u8] = match body.get(i) {
        Some(b't') => b"true",
        Some(b'f') => b"false",
        _ => b"null",
    };
    let rest = body.get(i..).unwrap_or(&[]);
    // Its first four bytes as one word (and `false`'s `e`): no call of a compare routine.
    let four = |w: &[u8]| w.first_chunk::<4>().map(|w| u32::from_le_bytes(*w));
    let whole = four(rest) == four(word) && rest.get(4..word.len()) == word.get(4..);
    if whole {
        Ok(i.wrapping_add(word.len()))
    } else if word.starts_with(rest) {
        Err(ReplyError::Truncated)
    } else {
        Err(ReplyError::NotJson)
    }
}

/// A number at `i` (RFC 8259: `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`): the
/// index past it.
///
/// A byte at a time: numbers in replies are short (a face's `"X":100`), and a loop whose
/// branches the CPU predicts lets it run ahead to the next member, where a vector look at the
/// digits makes the next index wait for the look (measured on 10-face replies: 1.2x to 1.5x
/// the time, for 11% fewer instructions; docs/PERFORMANCE.md).
#[cfg_attr(not(herr_small), inline(always))]
fn number(body: &[u8], mut i: usize) -> Result<usize, ReplyError> {
    let at = |i: usize| body.get(i).copied();
    let digits = |mut i: usize| -> Result<usize, ReplyError> {
        match at(i) {
            None => return Err(ReplyError::Truncated),
            Some(b'0'..=b'9') => {}
            Some(_) => return Err(ReplyError::NotJson),
        }
        while at(i).is_some_and(|b| b.is_ascii_digit()) {
            i = i.wrapping_add(1);
        }
        Ok(i)
    };
    if at(i) == Some(b'-') {
        i = i.wrapping_add(1);
    }
    i = match at(i) {
        Some(b'0') => i.wrapping_add(1),
        _ => digits(i)?,
    };
    if at(i) == Some(b'.') {
        i = digits(i.wrapping_add(1))?;
    }
    if matches!(at(i), Some(b'e' | b'E')) {
        i = i.wrapping_add(1);
        if matches!(at(i), Some(b'+' | b'-')) {
            i = i.wrapping_add(1);
        }
        i = digits(i)?;
    }
    Ok(i)
}

/// The contents of a string that starts at `i` (just past its `"`): the index of its closing
/// `"`, and whether the contents hold an escape. Escapes must be JSON's, control bytes escaped,
/// and the bytes valid UTF-8.
#[cfg_attr(not(herr_small), inline(always))]
fn string(body: &[u8], i: usize) -> Result<(usize, bool), ReplyError> {
    // Plain chunks here, up to the closing quote (an ASCII message, an id, an image); an
    // escape, a non-ASCII or control byte: the rest from there.
    string_on(body, chunk::string_end(body, i))
}

/// [`string`] from `i`, a byte inside the string that every byte before it is plain, as a chunk
/// loop left it: the closing `"` there, or the rest by [`string_long`].
#[cfg_attr(not(herr_small), inline(always))]
fn string_on(body: &[u8], i: usize) -> Result<(usize, bool), ReplyError> {
    if body.get(i) == Some(&b'"') { Ok((i, false)) } else { string_long(body, i) }
}

/// [`string`] for keys and the short values [`skip`] meets: the first chunk a byte at a time,
/// the rest (from its first byte that is not plain) out of line.
///
/// A byte at a time on purpose: the CPU predicts where a key ends (replies repeat their
/// names) and goes on to the member after it, where a vector look at the chunk makes the next
/// index wait for the look. Measured on 10-face replies (bench/ab.c): 0.80x the time of the
/// vector look.
#[cfg_attr(not(herr_small), inline(always))]
fn short_string(body: &[u8], i: usize) -> Result<(usize, bool), ReplyError> {
    match body.get(i..).and_then(|rest| rest.first_chunk::<16>()) {
        Some(chunk) => {
            // (`n < 16` is checked before `chunk[n]`, so it cannot panic; `position` and `get`
            // compile to slower loops here.)
            let mut n = 0;
            #[allow(clippy::indexing_slicing)]
            while n < 16 && PLAIN[usize::from(chunk[n])] {
                n = n.wrapping_add(1);
            }
            if chunk.get(n) == Some(&b'"') {
                Ok((i.wrapping_add(n), false))
            } else {
                string_long(body, i.wrapping_add(n))
            }
        }
        None => string_long(body, i),
    }
}

/// `PLAIN[b]`: whether byte `b` inside a string is plain (see `chunk::string_stop`). (Built
/// when herr is compiled, where an index out of bounds fails the build.)
#[allow(clippy::indexing_slicing)]
static PLAIN: [bool; 256] = {
    let mut plain = [false; 256];
    let mut b = 0x20;
    while b < 0x80 {
        plain[b] = b != b'"' as usize && b != b'\\' as usize;
        b += 1;
    }
    plain
};

/// [`string`] from `i`, a byte inside the string that every byte before it is plain.
#[cfg_attr(not(herr_small), inline(never))]
fn string_long(body: &[u8], mut i: usize) -> Result<(usize, bool), ReplyError> {
    let mut escaped = false;
    loop {
        match body.get(i) {
            Some(b'"') => return Ok((i, escaped)),
            Some(b'\\') => {
                escaped = true;
                i = escape(body, i)?;
            }
            // Sixteen plain bytes at a time (base64 images are megabytes of them) to the first
            // byte that is not.
            Some(0x20..=0x7f) => i = chunk::string_end(body, i),
            // UTF-8 (a Chinese message: its closing quote looked at next, with no chunk between),
            // or a control byte, or the end of the body.
            _ => i = text_run(body, i)?,
        }
    }
}

/// The run of UTF-8 characters at `i` (a byte that is no `"`, `\` or plain ASCII) in one tight
/// loop: the characters of 2 bytes, and of 3 bytes whose lead needs no look at the second byte
/// (0xE1 to 0xEC, 0xEE, 0xEF: Chinese, and most scripts), each checked as whole; the index past
/// the run. Anything else (a control byte, an overlong, surrogate or 4-byte form, a cut
/// character) goes to [`string_byte`], which checks one character by RFC 3629's rules and says
/// why it fails. So a Chinese message does not leave the loop at every character.
#[inline(always)]
fn text_run(body: &[u8], start: usize) -> Result<usize, ReplyError> {
    let mut i = start;
    // With four bytes readable, a character is checked as one little-endian word: a 3-byte one
    // is `1110xxxx 10xxxxxx 10xxxxxx` with a lead other than 0xE0 and 0xED, a 2-byte one
    // `110xxxxx 10xxxxxx` with a lead other than 0xC0 and 0xC1.
    while let Some(word) = body.get(i..).and_then(|rest| rest.first_chunk::<4>()) {
        let w = u32::from_le_bytes(*word);
        if w & 0x00c0_c0f0 == 0x0080_80e0 && !matches!(w & 0x0f, 0x00 | 0x0d) {
            i = i.wrapping_add(3);
        } else if w & 0xc0e0 == 0x80c0 && w & 0x1e != 0 {
            i = i.wrapping_add(2);
        } else {
            return if i == start { string_byte(body, start) } else { Ok(i) };
        }
    }
    // The last bytes of the body.
    loop {
        let len = match body.get(i) {
            Some(0xe1..=0xec | 0xee..=0xef) => 3,
            Some(0xc2..=0xdf) => 2,
            _ => break,
        };
        let continuations = body.get(i.wrapping_add(1)..i.wrapping_add(len)).unwrap_or(&[]);
        if continuations.len() != len.wrapping_sub(1) || continuations.iter().any(|b| b & 0xc0 != 0x80) {
            break;
        }
        i = i.wrapping_add(len);
    }
    if i == start { string_byte(body, start) } else { Ok(i) }
}

/// A byte inside a string other than its closing `"` or an escape, at `i`: the index past it,
/// or past the UTF-8 character it starts.
#[inline(never)]
fn string_byte(body: &[u8], i: usize) -> Result<usize, ReplyError> {
    match body.get(i) {
        None => Err(ReplyError::Truncated),
        Some(0..=0x1f) => Err(ReplyError::NotJson),
        Some(0x20..=0x7f) => Ok(i.wrapping_add(1)),
        Some(_) => utf8(body, i),
    }
}

/// An escape at `i` (a `\`): the index past it.
fn escape(body: &[u8], i: usize) -> Result<usize, ReplyError> {
    match body.get(i.wrapping_add(1)) {
        None => Err(ReplyError::Truncated),
        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => Ok(i.wrapping_add(2)),
        Some(b'u') => {
            for k in 2..6 {
                match body.get(i.wrapping_add(k)) {
                    None => return Err(ReplyError::Truncated),
                    Some(h) if h.is_ascii_hexdigit() => {}
                    Some(_) => return Err(ReplyError::NotJson),
                }
            }
            Ok(i.wrapping_add(6))
        }
        Some(_) => Err(ReplyError::NotJson),
    }
}

/// The UTF-8 character that starts at `i` (a byte of 0x80 or more): the index past it.
/// RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF.
fn utf8(body: &[u8], i: usize) -> Result<usize, ReplyError> {
    match char_len(body.get(i..).unwrap_or(&[])) {
        Utf8::Char(n, _) => Ok(i.wrapping_add(n)),
        Utf8::Short => Err(ReplyError::Truncated),
        Utf8::Bad(_) => Err(ReplyError::NotJson),
    }
}

/// What the bytes at the start of a slice are, as UTF-8.
enum Utf8 {
    /// A character of this many bytes, and its value.
    Char(usize, u32),
    /// The start of a valid character that the slice cuts short.
    Short,
    /// Not UTF-8: this many bytes (at least 1) form no character.
    Bad(usize),
}

fn char_len(s: &[u8]) -> Utf8 {
    let Some(&lead) = s.first() else { return Utf8::Short };
    let (n, min, mut value) = match lead {
        0x00..=0x7f => return Utf8::Char(1, u32::from(lead)),
        0xc2..=0xdf => (2, 0x80, u32::from(lead & 0x1f)),
        0xe0..=0xef => (3, 0x800, u32::from(lead & 0x0f)),
        0xf0..=0xf4 => (4, 0x1_0000, u32::from(lead & 0x07)),
        _ => return Utf8::Bad(1),
    };
    for k in 1..n {
        match s.get(k) {
            None => return Utf8::Short,
            Some(c) if c & 0xc0 == 0x80 => value = (value << 6) | u32::from(c & 0x3f),
            Some(_) => return Utf8::Bad(k),
        }
        // Overlong, surrogate and too-large forms are refused as soon as their second byte shows them.
        if k == 1 {
            let second = s.get(1).copied().unwrap_or(0);
            let bad = match lead {
                0xe0 => second < 0xa0,
                0xed => second > 0x9f,
                0xf0 => second < 0x90,
                0xf4 => second > 0x8f,
                _ => false,
            };
            if bad {
                return Utf8::Bad(1);
            }
        }
    }
    if value < min { Utf8::Bad(1) } else { Utf8::Char(n, value) }
}

/// Decodes the contents of a JSON string (a message the reply parser returned) into UTF-8 in
/// `buf`: escapes (`\n`, `\u00e9`, surrogate pairs) decoded; a lone surrogate, an invalid escape
/// (the backslash and the character after it) or a byte that is not UTF-8 becomes U+FFFD. Writes at most `buf.len() - 1` bytes and a NUL after them, never
/// cutting a character; returns the full decoded length, whatever fits (the `snprintf` rule: an
/// empty `buf` asks for the length).
///
/// ```
/// let mut buf = [0u8; 16];
/// let n = herr::json_unescape(br"caf\u00e9 \ud83d\ude00", &mut buf);
/// assert_eq!(&buf[..n], "café 😀".as_bytes());
/// ```
pub fn json_unescape(s: &[u8], buf: &mut [u8]) -> usize {
    let mut writer = Writer { buf, written: 0, full: false, total: 0 };
    let mut i = 0usize;
    while let Some(&b) = s.get(i) {
        if b == b'\\' {
            let (ch, used) = unescape_one(s.get(i..).unwrap_or(&[]));
            writer.push(ch);
            i = i.wrapping_add(used);
        } else {
            match char_len(s.get(i..).unwrap_or(&[])) {
                Utf8::Char(n, value) => {
                    writer.push(char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER));
                    i = i.wrapping_add(n);
                }
                Utf8::Short => {
                    writer.push(char::REPLACEMENT_CHARACTER);
                    i = s.len();
                }
                Utf8::Bad(n) => {
                    writer.push(char::REPLACEMENT_CHARACTER);
                    i = i.wrapping_add(n);
                }
            }
        }
    }
    writer.finish()
}

/// The character an escape at the start of `s` (a `\`) stands for, and how many bytes it took.
fn unescape_one(s: &[u8]) -> (char, usize) {
    let hex4 = |at: usize| -> Option<u32> {
        let digits = s.get(at..at.wrapping_add(4))?;
        digits.iter().try_fold(0u32, |v, d| Some((v << 4) | char::from(*d).to_digit(16)?))
    };
    match s.get(1) {
        Some(b'"') => ('"', 2),
        Some(b'\\') => ('\\', 2),
        Some(b'/') => ('/', 2),
        Some(b'b') => ('\u{8}', 2),
        Some(b'f') => ('\u{c}', 2),
        Some(b'n') => ('\n', 2),
        Some(b'r') => ('\r', 2),
        Some(b't') => ('\t', 2),
        Some(b'u') => match hex4(2) {
            Some(high @ 0xd800..=0xdbff) => match (s.get(6..8), hex4(8)) {
                (Some(br"\u"), Some(low @ 0xdc00..=0xdfff)) => {
                    // In range: high is 0xd800..=0xdbff and low 0xdc00..=0xdfff.
                    let value = 0x1_0000u32
                        .wrapping_add(high.wrapping_sub(0xd800) << 10)
                        .wrapping_add(low.wrapping_sub(0xdc00));
                    (char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER), 12)
                }
                _ => (char::REPLACEMENT_CHARACTER, 6),
            },
            Some(value) => (char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER), 6),
            None => (char::REPLACEMENT_CHARACTER, s.len().min(2)),
        },
        // An escape that is not one of JSON's: the `\` and the whole character after it, of any
        // length (a byte that is not UTF-8 counts as one character); `\` at the end.
        Some(_) => {
            let after = s.get(1..).unwrap_or(&[]);
            let n = match char_len(after) {
                Utf8::Char(n, _) | Utf8::Bad(n) => n,
                Utf8::Short => after.len(),
            };
            (char::REPLACEMENT_CHARACTER, n.wrapping_add(1))
        }
        None => (char::REPLACEMENT_CHARACTER, 1),
    }
}

/// Writes decoded characters into a buffer as far as they fit (whole characters, room kept for
/// the NUL), and counts them all.
struct Writer<'b> {
    buf: &'b mut [u8],
    written: usize,
    /// A character did not fit: nothing more is written (the text would have a hole).
    full: bool,
    total: usize,
}

impl Writer<'_> {
    fn push(&mut self, ch: char) {
        let mut bytes = [0u8; 4];
        let encoded = ch.encode_utf8(&mut bytes).as_bytes();
        self.total = self.total.saturating_add(encoded.len());
        if self.full {
            return;
        }
        let end = self.written.wrapping_add(encoded.len());
        // Room for the character and the NUL after it.
        let room = end < self.buf.len();
        match self.buf.get_mut(self.written..end) {
            Some(place) if room => {
                // One to four bytes: stored one by one (a `memcpy` call would pull a copy
                // routine into firmware images that have none).
                for (slot, byte) in place.iter_mut().zip(bytes) {
                    *slot = byte;
                }
                self.written = end;
            }
            _ => self.full = true,
        }
    }

    fn finish(self) -> usize {
        if let Some(nul) = self.buf.get_mut(self.written) {
            *nul = 0;
        }
        self.total
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::arithmetic_side_effects)]
mod tests {
    use super::*;
    use std::string::String;
    use std::vec::Vec;
    use std::{format, vec};

    /// What `vendor` reads in `body` by its layout (or, when the body is not written so, with the
    /// scanner that skips what nothing is watched in), with that scanner alone, and with the
    /// byte-by-byte one: the same, errors included.
    fn same(vendor: Vendor, body: &[u8], status: u16) {
        let bytewise = parse_with(scan::<false>, vendor, body, status);
        let skipping = parse_with(scan::<true>, vendor, body, status);
        let laid_out = parse_reply(vendor, body, status);
        let show = String::from_utf8_lossy(body);
        assert_eq!(skipping, bytewise, "skip() {vendor:?} {status} {show:?}");
        assert_eq!(laid_out, bytewise, "layout {vendor:?} {status} {show:?}");
    }

    /// The vendors whose replies this build reads.
    fn watched_vendors() -> impl Iterator<Item = Vendor> {
        Vendor::ALL.into_iter().filter(|v| v.index().is_some_and(watched))
    }

    /// Bodies with every kind of value in and out of the watched places: nested, empty and
    /// deep containers, numbers, literals, escapes, non-ASCII text, whitespace.
    fn bodies() -> Vec<Vec<u8>> {
        let values = [
            r#"{}"#,
            r#"[]"#,
            r#"[1,-2.5e+3,true,false,null,"x",{},[[]],{"a":[{"b":{}}]}]"#,
            r#"{"Code":"X","Message":"m","nested":{"Code":"Y"}}"#,
            r#""caf\u00e9 \"q\" \\ \/""#,
            "\"\u{56fe}\u{7247}\u{4e2d}\u{6ca1}\u{6709}\u{4eba}\u{8138}\u{3002} \u{e9}\u{1f600}\"",
            r#"0"#,
            r#"-0.0"#,
            r#"123456789012345678901234567890"#,
            r#" [ 1 , { "a" : [ ] } ] "#,
            "\n\t[\r\n  {\n    \"k\": \"v\"\n  }\n]",
            // Each whitespace byte after each kind of value.
            "[1\r,\t2 ,\n\"s\"\r\n,true\t,{}\r,[] \n]",
            "{\"a\":1\t,\"b\":[]\r,\"c\":\"s\"\n,\"d\":null }",
        ];
        let mut out = Vec::new();
        for v in values {
            out.push(format!(r#"{{"Response":{{"Error":{{"Code":"FailedOperation.Xyz","Message":{v}}},"RequestId":{v},"Data":{v}}}}}"#));
            out.push(format!(r#"{{"Response":{{"Other":{v},"Error":{v},"RequestId":"r"}}}}"#));
            out.push(format!(
                r#"{{"error":{{"code":"NO_FACE_ERROR","message":"m","extra":{v}}},"error_code":{v},"list":[{v},{v}]}}"#
            ));
            out.push(format!(
                r#"{{"error_code":"FRS.0501","error_msg":{v},"request_id":"x","log_id":12,"deep":[[[{v}]]]}}"#
            ));
            out.push(format!(r#"{{"Response":{{"Result":{v},"Description":"d","RequestId":"r"}}}}"#));
        }
        // Error replies as vendors write them (read by their layouts), and near misses.
        #[cfg(not(herr_small))]
        out.extend(layout::tests::BODIES.iter().map(|&(_, body, _)| String::from(body)));
        // Nesting up to and past the limit, inside and outside the watched places.
        for depth in [HERR_RESPONSE_MAX_DEPTH - 2, HERR_RESPONSE_MAX_DEPTH - 1, HERR_RESPONSE_MAX_DEPTH] {
            let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            out.push(format!(r#"{{"Response":{{"Data":{deep}}}}}"#));
            out.push(format!(r#"{{"a":{deep}}}"#));
        }
        out.into_iter().map(String::into_bytes).collect()
    }

    #[test]
    fn skipping_reads_what_the_bytewise_scanner_reads() {
        let mut all = bodies();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/replies");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                all.push(std::fs::read(path).unwrap());
            }
        }
        // Under Miri, every 24th body.
        let bodies = all.iter().step_by(if cfg!(miri) { 24 } else { 1 });
        for body in bodies {
            for vendor in watched_vendors() {
                for status in [0, 200, 400] {
                    same(vendor, body, status);
                }
            }
            // Every prefix (each a body that ends too early, or a shorter valid one), and every
            // byte replaced by bytes that matter to the grammar; in long bodies, every 13th
            // place (a debug build takes minutes for all of them), under Miri fewer.
            let step = match (cfg!(miri), body.len() > 400) {
                (true, _) => 97,
                (false, true) => 13,
                (false, false) => 1,
            };
            let replacements: &[u8] = if cfg!(miri) { b"\"" } else { b"\"\\{}[],: 0-.etx\x01\x80\xe5" };
            // The vendors of each reply shape: Tencent's two, a body's top (Huawei, Aliyun, AWS),
            // one level down (SOPHON, Azure), numbers for codes (Baidu). Every vendor with a
            // layout: each has its own copy of the layout reader.
            let shapes = [
                Vendor::TencentIai,
                Vendor::TencentFaceid,
                Vendor::HuaweiFrs,
                Vendor::Sophon,
                Vendor::BaiduFace,
                Vendor::AzureFace,
                Vendor::AliyunFacebody,
                Vendor::AwsRekognition,
            ];
            for at in (0..=body.len()).step_by(step) {
                for vendor in watched_vendors().filter(|v| shapes.contains(v)) {
                    same(vendor, &body[..at], 200);
                    for &b in replacements.iter().filter(|_| at < body.len()) {
                        let mut changed = body.clone();
                        changed[at] = b;
                        same(vendor, &changed, 200);
                    }
                }
            }
        }
    }

    /// The UTF-8 of a string, by RFC 3629 a character at a time (`char_len`).
    fn utf8_by_rfc(body: &[u8]) -> Result<usize, ReplyError> {
        let mut i = 1;
        loop {
            match body.get(i) {
                None => return Err(ReplyError::Truncated),
                Some(b'"') => return Ok(i),
                Some(0..=0x1f) => return Err(ReplyError::NotJson),
                Some(0x20..=0x7f) => i += 1,
                Some(_) => i = utf8(body, i)?,
            }
        }
    }

    #[test]
    fn strings_read_utf8_as_rfc_3629_says() {
        // Every lead byte with every second byte, and third and fourth bytes at the edges of
        // the continuation range, in a string, cut short or not, with ASCII around.
        let leads: Vec<u8> = if cfg!(miri) {
            vec![0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xef, 0xf0, 0xf4, 0xf5]
        } else {
            (0x80..=0xff).collect()
        };
        let seconds: Vec<u8> = if cfg!(miri) { vec![0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc0] } else { (0..=0xff).collect() };
        let edges = [0x22, 0x7f, 0x80, 0xbf, 0xc0, 0xe4];
        for &lead in &leads {
            for &second in &seconds {
                for &third in &edges {
                    for tail in [&b"\xa0\"x"[..], b"\"", b"", b"\x80\x80\x80\"xxxxxxxx"] {
                        let mut body = vec![b'"', lead, second, third];
                        body.extend_from_slice(tail);
                        assert_eq!(string(&body, 1).map(|(end, _)| end), utf8_by_rfc(&body), "{body:x?}");
                        // After plain text, and two characters in a row.
                        let mut longer = b"\"abc".to_vec();
                        longer.extend_from_slice(&body[1..]);
                        assert_eq!(string(&longer, 1).map(|(end, _)| end), utf8_by_rfc(&longer), "{longer:x?}");
                    }
                }
            }
        }
    }
}
