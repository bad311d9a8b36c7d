//! A vendor's error reply read as the vendor writes it: its members in a known order, read by
//! comparing the body with that text sixteen bytes at a time, before the scanner is asked.
//!
//! Vendors write an error reply the same way every time: Tencent
//! `{"Response":{"Error":{"Code":"…","Message":"…"},"RequestId":"…"}}`, Huawei
//! `{"error_code":"…","error_msg":"…"}`. A [`Layout`] is that text with gaps for the values (the
//! code, the message, the request id, in this order), worked out from the vendor's reply shape
//! when herr is compiled. [`read`] compares a body with it: between two tokens spaces may
//! come, an object may end where the layout has more members (Huawei's
//! reply without `request_id`), and the values are checked as the scanner checks them;
//! [`read_pretty`] reads a body pretty-printed as vendors' documentation shows replies. A body
//! that reads to its end this way is valid JSON holding the watched members once each, so what
//! it holds at the places is what the scanner would record. Anything else (another order, a
//! member the layout does not have, an escape in a name, bad JSON) answers `None`, and the
//! scanner reads the body from its start: the answer, errors included, is always the scanner's.

use super::{
    CODE, Found, MESSAGE, PATH_DEPTH, PLACES, REQUEST_ID, ROOT, ReplyShape, Seen, number, record, skip_space,
    string_on, watched,
};
use crate::chunk;
use crate::registry::VENDORS;

/// The most bytes a layout's text has.
const TEXT_MAX: usize = 120;

/// The values a layout has a gap for: the code, the message, the request id.
const VALUES: usize = 3;

/// The most objects a layout opens: the body's own and one per name on the way to a value.
const OBJECTS: usize = 1 + VALUES * PATH_DEPTH;

/// A vendor's error reply as the vendor writes it (see the module's documentation).
#[derive(Clone, Copy)]
pub(super) struct Layout {
    /// The text without the values, zeros after it (sixteen bytes can be read from any place
    /// before its end).
    text: [u8; TEXT_MAX + 16],
    /// Its length (0: no layout, the vendor's replies go to the scanner).
    len: u8,
    /// `runs[p]`: the bytes from `text[p]` to the next place whitespace may come (the rest of a
    /// token), and [`SPACE`] when whitespace may come before `text[p]` (between two tokens).
    runs: [u8; TEXT_MAX],
    /// The compact reply's text in pieces of up to sixteen bytes, and its values, in order, for
    /// [`read`]; the first `pieces` are used.
    compact: [Piece; PIECES],
    pieces: u8,
    /// The pretty-printed reply's tokens and values in order, for [`read_pretty`]; the first
    /// `steps` are used.
    pretty: [Step; STEPS],
    steps: u8,
    /// `(p, places)`: a value comes before `text[p]`, and it is at `places` (one bit per place).
    /// In the order of `p`; the first `count` are used.
    values: [(u8, u8); VALUES],
    count: u8,
    /// `(p, places)`: `text[p]` opens an object that is at `places`; the first `opens` are used.
    objects: [(u8, u8); OBJECTS],
    opens: u8,
    /// Where an object of the body may end before the text's: the first `ends` are used.
    early: [End; OBJECTS],
    ends: u8,
}

/// The most pieces a compact reply's layout has.
const PIECES: usize = TEXT_MAX / 16 + 2 * VALUES + 2;

/// A piece of a compact reply: `len` bytes of the text from `text[at]` (`word`, zeros after
/// them) or, with `len` 0, the value that comes before `text[at]`, at `places`.
#[derive(Clone, Copy)]
struct Piece {
    at: u8,
    len: u8,
    places: u8,
    word: [u8; 16],
}

/// The most steps a pretty-printed reply's layout has.
const STEPS: usize = 64;

/// A step of reading a pretty-printed reply: the whitespace before it (none, one space
/// ([`SPACE`], after a `:`), or a line break and `breaks - 1` indents, before a member or a
/// `}`), then a token of `len` bytes (`word`, zeros after it; a longer token is two steps) or,
/// with `len` 0, a value at `places`.
#[derive(Clone, Copy)]
struct Step {
    breaks: u8,
    len: u8,
    places: u8,
    word: [u8; 16],
}

/// In [`Layout::runs`]: whitespace may come before this byte of the text.
const SPACE: u8 = 0x80;

/// No layout: the scanner reads every reply.
pub(super) const NONE: Layout = Layout {
    text: [0; TEXT_MAX + 16],
    len: 0,
    runs: [0; TEXT_MAX],
    compact: [Piece { at: 0, len: 0, places: 0, word: [0; 16] }; PIECES],
    pieces: 0,
    pretty: [Step { breaks: 0, len: 0, places: 0, word: [0; 16] }; STEPS],
    steps: 0,
    values: [(0, 0); VALUES],
    count: 0,
    objects: [(0, 0); OBJECTS],
    opens: 0,
    early: [End { at: 0, close: 0, value: 0, objects: 0, piece: u8::MAX }; OBJECTS],
    ends: 0,
};

/// A `,` of the text, where the body may close the object instead (Huawei's reply without
/// `request_id`): the members from there up to the object's `}` are absent.
#[derive(Clone, Copy)]
struct End {
    /// Where the `,` is in the text.
    at: u8,
    /// Where the `}` of its object is.
    close: u8,
    /// The first value after it (an index into [`Layout::values`]).
    value: u8,
    /// The objects opened in between (one bit per entry of [`Layout::objects`]), which are absent.
    objects: u16,
    /// The piece of [`Layout::compact`] that starts at `close`, or `u8::MAX` when none does.
    piece: u8,
}

/// The places' paths from the body's top object: the shape's `root`, then each place's path.
struct Paths<'s> {
    root: &'s [&'static str],
    places: [&'s [&'static str]; PLACES],
}

// Paths and Writer run only when herr is compiled (building the layouts), where an index out of
// bounds fails the build: they may index and panic.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
impl Paths<'_> {
    /// How many names place `k`'s path from the body has.
    const fn len(&self, k: usize) -> usize {
        self.root.len() + self.places[k].len()
    }

    /// The `d`th name of place `k`'s path from the body.
    const fn name(&self, k: usize, d: usize) -> &'static [u8] {
        if d < self.root.len() { self.root[d].as_bytes() } else { self.places[k][d - self.root.len()].as_bytes() }
    }

    /// Whether places `j` and `k` have the same first `d` names.
    const fn same(&self, j: usize, k: usize, d: usize) -> bool {
        let mut n = 0;
        while n < d {
            if !same_bytes(self.name(j, n), self.name(k, n)) {
                return false;
            }
            n += 1;
        }
        true
    }

    /// The places (one bit each) whose path is place `k`'s first `d` names.
    const fn at(&self, k: usize, d: usize) -> u8 {
        let mut places = 0;
        let mut j = 0;
        while j < PLACES {
            if (j == ROOT || !self.places[j].is_empty()) && self.len(j) == d && self.same(j, k, d) {
                places |= 1 << j;
            }
            j += 1;
        }
        places
    }
}

/// Whether `a` and `b` are the same bytes (in a `const fn`).
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut n = 0;
    while n < a.len() {
        if a[n] != b[n] {
            return false;
        }
        n += 1;
    }
    true
}

/// The text being written for a layout, and where its length is.
struct Writer {
    layout: Layout,
    n: usize,
}

#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects, clippy::panic)]
impl Writer {
    const fn push(&mut self, b: u8) {
        assert!(self.n < TEXT_MAX, "a reply layout longer than TEXT_MAX");
        self.layout.text[self.n] = b;
        self.n += 1;
    }

    /// `"name":`. Names are plain: no quote, backslash, brace or control byte.
    const fn key(&mut self, name: &[u8]) {
        self.push(b'"');
        let mut k = 0;
        while k < name.len() {
            let b = name[k];
            assert!(
                b > b' ' && b < 0x7f && !matches!(b, b'"' | b'\\' | b'{' | b'}'),
                "a member name that is not plain"
            );
            self.push(b);
            k += 1;
        }
        self.push(b'"');
        self.push(b':');
    }
}

/// The layout of `shape`'s error replies: the code's members, the message's and the request
/// id's, each in the objects its path names, in this order.
///
/// Evaluated only when herr is compiled (for the watches): a layout longer than [`TEXT_MAX`]
/// or a name that is not plain fails the build, so it may index and panic.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects, clippy::cast_possible_truncation)]
pub(super) const fn layout(shape: &ReplyShape) -> Layout {
    if shape.code.is_empty() {
        return NONE;
    }
    let head = core::slice::from_ref(&shape.code[0]);
    let paths = Paths {
        root: shape.root,
        places: [&[], head, shape.code, shape.message, shape.request_id, shape.result, shape.description],
    };
    let mut w = Writer { layout: NONE, n: 0 };
    let mut objects = 0;
    // The body's object, and whether each open object has a member yet.
    w.layout.objects[objects] = (0, paths.at(ROOT, 0));
    objects += 1;
    w.push(b'{');
    let mut member = [false; PATH_DEPTH + 1];
    // The objects open inside the body's: the first `open` names of place `last`'s path.
    let (mut open, mut last) = (0, CODE);
    let members = [CODE, MESSAGE, REQUEST_ID];
    let mut m = 0;
    while m < members.len() {
        let k = members[m];
        m += 1;
        if paths.places[k].is_empty() {
            continue;
        }
        let len = paths.len(k);
        // Close the open objects this value is not in.
        let mut common = 0;
        while common < open && common + 1 < len && same_bytes(paths.name(last, common), paths.name(k, common)) {
            common += 1;
        }
        while open > common {
            w.push(b'}');
            open -= 1;
        }
        // Open the objects on its way, then its own name.
        while open < len {
            if member[open] {
                w.push(b',');
            }
            member[open] = true;
            w.key(paths.name(k, open));
            open += 1;
            if open < len {
                w.layout.objects[objects] = (w.n as u8, paths.at(k, open));
                objects += 1;
                w.push(b'{');
                member[open] = false;
            }
        }
        open -= 1;
        w.layout.values[w.layout.count as usize] = (w.n as u8, paths.at(k, len));
        w.layout.count += 1;
        last = k;
    }
    while open > 0 {
        w.push(b'}');
        open -= 1;
    }
    w.push(b'}');
    let len = w.n;
    w.layout.len = len as u8;
    // Whitespace between tokens: next to a structural byte, and around a value; from the end
    // back, each byte's run to the next such place.
    let mut p = len;
    let mut v = w.layout.count as usize;
    let mut run = 0;
    while p > 0 {
        p -= 1;
        run += 1;
        let at_value = v > 0 && w.layout.values[v - 1].0 as usize == p;
        if at_value {
            v -= 1;
        }
        let space = p == 0 || at_value || structural(w.layout.text[p]) || structural(w.layout.text[p - 1]);
        w.layout.runs[p] = run as u8 | if space { SPACE } else { 0 };
        if space {
            run = 0;
        }
    }
    w.layout.opens = objects as u8;
    // A pretty-printed reply's whitespace (`JSON.stringify(reply, null, 4)`, the replies in
    // vendors' documentation): a line break and an indent after `{` and `,` and before `}`, a
    // space after `:`.
    let mut breaks = [0u8; TEXT_MAX];
    let mut depth = 0;
    p = 0;
    while p < len {
        let b = w.layout.text[p];
        if b == b'}' {
            depth -= 1;
        }
        let before = if p == 0 { 0 } else { w.layout.text[p - 1] };
        breaks[p] = match (before, b) {
            (_, b'}') | (b'{' | b',', _) => 1 + depth,
            // (A value comes between `:` and a `,`.)
            (_, b',') => 0,
            (b':', _) => SPACE,
            _ => 0,
        };
        if b == b'{' {
            depth += 1;
        }
        p += 1;
    }
    // The steps: each token (to the next place whitespace may come, sixteen bytes at most), and
    // each value (after its `": "`).
    let mut steps = 0;
    let mut v = 0;
    p = 0;
    while p <= len {
        if v < w.layout.count as usize && w.layout.values[v].0 as usize == p {
            w.layout.pretty[steps] = Step { breaks: SPACE, len: 0, places: w.layout.values[v].1, word: [0; 16] };
            steps += 1;
            v += 1;
        }
        if p == len {
            break;
        }
        let run = (w.layout.runs[p] & !SPACE) as usize;
        let mut n = 0;
        while n < run {
            let take = if run - n > 16 { 16 } else { run - n };
            let word = word(&w.layout.text, p + n, take);
            let breaks = if n == 0 { breaks[p] } else { 0 };
            w.layout.pretty[steps] = Step { breaks, len: take as u8, places: 0, word };
            steps += 1;
            n += take;
        }
        p += run;
    }
    w.layout.steps = steps as u8;
    // The pieces: the text up to each value (and to its end) in sixteen-byte words, each value.
    let mut pieces = 0;
    let (mut p, mut v) = (0, 0);
    while p < len || v < w.layout.count as usize {
        let stop = if v < w.layout.count as usize { w.layout.values[v].0 as usize } else { len };
        while p < stop {
            let take = if stop - p > 16 { 16 } else { stop - p };
            let word = word(&w.layout.text, p, take);
            w.layout.compact[pieces] = Piece { at: p as u8, len: take as u8, places: 0, word };
            pieces += 1;
            p += take;
        }
        if v < w.layout.count as usize {
            w.layout.compact[pieces] = Piece { at: p as u8, len: 0, places: w.layout.values[v].1, word: [0; 16] };
            pieces += 1;
            v += 1;
        }
    }
    w.layout.pieces = pieces as u8;
    // Each `,` and the `}` of its object, and what lies between.
    let mut ends = 0;
    p = 0;
    while p < len {
        if w.layout.text[p] == b',' {
            let (mut q, mut depth) = (p + 1, 0);
            while w.layout.text[q] != b'}' || depth > 0 {
                match w.layout.text[q] {
                    b'{' => depth += 1,
                    b'}' => depth -= 1,
                    _ => {}
                }
                q += 1;
            }
            let mut value = 0;
            while value < w.layout.count as usize && (w.layout.values[value].0 as usize) <= q {
                value += 1;
            }
            let mut skipped = 0u16;
            let mut k = 0;
            while k < objects {
                let at = w.layout.objects[k].0 as usize;
                if at > p && at < q {
                    skipped |= 1 << k;
                }
                k += 1;
            }
            let mut piece = 0;
            while piece < pieces && (w.layout.compact[piece].at as usize != q || w.layout.compact[piece].len == 0) {
                piece += 1;
            }
            let piece = if piece < pieces { piece as u8 } else { u8::MAX };
            w.layout.early[ends] = End { at: p as u8, close: q as u8, value: value as u8, objects: skipped, piece };
            ends += 1;
        }
        p += 1;
    }
    w.layout.ends = ends as u8;
    w.layout
}

/// The `n` bytes (at most sixteen) of `text` from `from`, zeros after them: a piece's or a
/// step's word. (When herr is compiled: an index out of bounds fails the build.)
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const fn word(text: &[u8], from: usize, n: usize) -> [u8; 16] {
    let mut word = [0u8; 16];
    let mut k = 0;
    while k < n {
        word[k] = text[from + k];
        k += 1;
    }
    word
}

/// Whether `b` is one of JSON's structural bytes that whitespace may come before and after.
const fn structural(b: u8) -> bool {
    matches!(b, b'{' | b'}' | b':' | b',')
}

/// Whether `body[i..]` starts with the `n` bytes `text[p..p + n]` (`n` at most 16), by one
/// compare of sixteen bytes when the body has them. Fewer than sixteen from `i` (near the
/// body's end): compared in line with the body's last sixteen bytes when `tail` (the last pieces
/// and steps of a layout, which meet the body's end), else out of line.
#[inline(always)]
fn starts_with(body: &[u8], i: usize, text: &[u8], p: usize, n: usize, tail: bool) -> bool {
    let Some(want) = text.get(p..).and_then(|t| t.first_chunk::<16>()) else { return false };
    match body.get(i..).and_then(|b| b.first_chunk::<16>()) {
        Some(have) => {
            // As two words: a shift of a 128-bit word by a variable takes many instructions.
            let half = |b: &[u8; 16], at: usize| {
                b.get(at..).and_then(|b| b.first_chunk::<8>()).map(|b| u64::from_le_bytes(*b))
            };
            let differ = |at: usize| half(have, at).zip(half(want, at)).map_or(0, |(a, b)| a ^ b);
            // The bits of `n` bytes (1 to 8) of a word.
            let bits = |n: usize| u64::MAX >> (64usize.wrapping_sub(n.wrapping_mul(8)) & 63);
            let low = differ(0) & bits(n.min(8));
            let high = if n > 8 { differ(8) & bits(n.wrapping_sub(8)) } else { 0 };
            low | high == 0
        }
        // Fewer than sixteen bytes from `i`: the body's last sixteen, from `i` on (a piece at the
        // body's end, as the last one of a reply is).
        None => match body.last_chunk::<16>() {
            Some(last) if tail && i <= body.len() && n <= body.len().wrapping_sub(i) => {
                let from = i.wrapping_sub(body.len().wrapping_sub(16));
                let have = u128::from_le_bytes(*last) >> (from.wrapping_mul(8) & 127);
                let bits = if n >= 16 { u128::MAX } else { !(u128::MAX << n.wrapping_mul(8)) };
                (have ^ u128::from_le_bytes(*want)) & bits == 0
            }
            _ => ends_with(body, i, want, n),
        },
    }
}

/// [`starts_with`] near the body's end, out of line.
#[cold]
#[inline(never)]
fn ends_with(body: &[u8], i: usize, want: &[u8; 16], n: usize) -> bool {
    body.get(i..).and_then(|b| b.get(..n)).is_some_and(|b| b.iter().zip(want).all(|(x, y)| x == y))
}

/// How many of a layout's last pieces, and of its last steps, compare the body's last bytes
/// in line ([`starts_with`]): a compact reply's closing `}}`, a pretty one's last line breaks
/// and `}`s.
const TAIL: usize = 6;

/// A vendor's layout reader: `body` read by the vendor's layout ([`read`], or [`read_pretty`]
/// for a pretty-printed body), the places found, with what is at them in `seen`; `None` when the
/// body is not written so (the scanner must read it).
pub(super) type Reader = fn(&[u8], &mut Seen) -> Option<u8>;

/// Each vendor's layout, by vendor value ([`NONE`] for a vendor whose replies are not read in
/// this build), worked out when herr is compiled.
#[allow(clippy::indexing_slicing)]
static LAYOUTS: [Layout; VENDORS.len()] = {
    let mut layouts = [NONE; VENDORS.len()];
    let mut v = 0;
    while v < VENDORS.len() {
        if let (Some(shape), true) = (&VENDORS[v].reply, watched(v)) {
            layouts[v] = layout(shape);
        }
        v += 1;
    }
    layouts
};

/// Vendor `V`'s layout, a constant: in [`laid_out`]'s copy for `V`, the pieces and steps of
/// the layout are constants the compiler builds the compares from (each piece a compare with
/// a constant word, its length known), where one reader for every vendor would load each
/// piece and branch on what it is.
struct Of<const V: usize>;

impl<const V: usize> Of<V> {
    /// [`NONE`] past the last vendor (see [`READERS`]). (An index out of bounds fails the build.)
    #[allow(clippy::indexing_slicing)]
    const LAYOUT: &'static Layout = if V < VENDORS.len() { &LAYOUTS[V] } else { &NONE };
}

/// The reader of a vendor without a layout: every body goes to the scanner.
pub(super) fn unread(_: &[u8], _: &mut Seen) -> Option<u8> {
    None
}

/// Each vendor's reader, by vendor value: [`laid_out`] for that vendor; room for 32 vendors (the
/// readers past the last vendor read nothing). A vendor added to the registry needs nothing here
/// until the 33rd, which fails the build below.
pub(super) const READERS: [Reader; 32] = [
    laid_out::<0>,
    laid_out::<1>,
    laid_out::<2>,
    laid_out::<3>,
    laid_out::<4>,
    laid_out::<5>,
    laid_out::<6>,
    laid_out::<7>,
    laid_out::<8>,
    laid_out::<9>,
    laid_out::<10>,
    laid_out::<11>,
    laid_out::<12>,
    laid_out::<13>,
    laid_out::<14>,
    laid_out::<15>,
    laid_out::<16>,
    laid_out::<17>,
    laid_out::<18>,
    laid_out::<19>,
    laid_out::<20>,
    laid_out::<21>,
    laid_out::<22>,
    laid_out::<23>,
    laid_out::<24>,
    laid_out::<25>,
    laid_out::<26>,
    laid_out::<27>,
    laid_out::<28>,
    laid_out::<29>,
    laid_out::<30>,
    laid_out::<31>,
];

const _: () = assert!(VENDORS.len() <= READERS.len(), "more vendors than layout readers: list more in READERS");

/// `body` read by vendor `V`'s layout ([`read`], or [`read_pretty`] for a pretty-printed
/// body): the places found, with what is at them in `seen`; `None` when the body is not written
/// so (the scanner must read it).
///
/// Not inlined: in the function with the scanner, the scanner's loop got slower (1.05x to 1.12x
/// the time on replies the scanner reads).
#[inline(never)]
fn laid_out<const V: usize>(body: &[u8], seen: &mut Seen) -> Option<u8> {
    let layout = Of::<V>::LAYOUT;
    if layout.len == 0 {
        None
    } else if starts(body, layout) {
        read::<V>(body, seen)
    } else if body.get(..2) == Some(b"{\n") {
        read_pretty::<V>(body, seen)
    } else {
        None
    }
}

/// Whether `body` starts with the first piece of `layout`'s text (up to its first value or
/// sixteen bytes): a body that does not (another reply, a pretty-printed one) is not read by
/// [`read`].
#[inline(always)]
fn starts(body: &[u8], layout: &Layout) -> bool {
    layout.pieces > 0
        && layout
            .compact
            .first()
            .is_some_and(|piece| piece.len > 0 && starts_with(body, 0, &piece.word, 0, usize::from(piece.len), false))
}

/// Where [`read`] is in a body: at `body[i]`, the next piece to read `next` (past any skipped
/// by an object that ended early), before value `v`, with the places `have` found and the
/// objects `skipped` (one bit each; objects that ended early).
struct At {
    i: usize,
    next: usize,
    v: usize,
    have: u8,
    skipped: u16,
}

/// Reads `body` as vendor `V`'s layout says (see the module's documentation): the places found
/// (one bit each), with what is at them in `seen`, as the scanner would record them; `None`
/// when the body is not written so (the scanner must read it). The first piece is what
/// [`starts`] compared.
#[inline(always)]
fn read<const V: usize>(body: &[u8], seen: &mut Seen) -> Option<u8> {
    let layout = Of::<V>::LAYOUT;
    let first = layout.compact.first().map_or(0, |piece| usize::from(piece.len));
    let mut at = At { i: first, next: 1, v: 0, have: 0, skipped: 0 };
    // Each piece in its own copy of [`piece`], its word and length constants: one compare
    // each, each value at once. (PIECES is 15.)
    let run = |at: &mut At, seen: &mut Seen| -> Result<(), Option<u8>> {
        piece::<V, 1>(body, seen, at)?;
        piece::<V, 2>(body, seen, at)?;
        piece::<V, 3>(body, seen, at)?;
        piece::<V, 4>(body, seen, at)?;
        piece::<V, 5>(body, seen, at)?;
        piece::<V, 6>(body, seen, at)?;
        piece::<V, 7>(body, seen, at)?;
        piece::<V, 8>(body, seen, at)?;
        piece::<V, 9>(body, seen, at)?;
        piece::<V, 10>(body, seen, at)?;
        piece::<V, 11>(body, seen, at)?;
        piece::<V, 12>(body, seen, at)?;
        piece::<V, 13>(body, seen, at)?;
        piece::<V, 14>(body, seen, at)
    };
    const { assert!(PIECES == 15, "read lists pieces 1 to 14") };
    match run(&mut at, seen) {
        Ok(()) => finish(body, at.i, layout, seen, at.have, at.skipped),
        Err(answer) => answer,
    }
}

/// Piece `K` of vendor `V`'s layout, read at `at` (see [`read`]): `Err` with the answer when the
/// body leaves the pieces ([`read_from`] reads it on from there).
#[inline(always)]
fn piece<const V: usize, const K: usize>(body: &[u8], seen: &mut Seen, at: &mut At) -> Result<(), Option<u8>> {
    let layout = Of::<V>::LAYOUT;
    let Some(piece) = layout.compact.get(K).filter(|_| K < usize::from(layout.pieces)) else { return Ok(()) };
    // A piece that an object's early end skipped.
    if at.next != K {
        return Ok(());
    }
    at.next = K.wrapping_add(1);
    let n = usize::from(piece.len);
    if n == 0 && matches!(body.get(at.i), Some(b'"' | b'-' | b'0'..=b'9')) {
        let (i, found) = value(body, at.i).ok_or(None)?;
        at.i = i;
        record(seen, piece.places, found);
        at.have |= piece.places;
        at.v = at.v.wrapping_add(1);
    } else if n != 0 && starts_with(body, at.i, &piece.word, 0, n, K.wrapping_add(TAIL) >= usize::from(layout.pieces)) {
        at.i = at.i.wrapping_add(n);
    } else if let Some(end) = early_end(body, at.i, layout, piece) {
        // The object ends here (Huawei's reply without `request_id`): on from its `}`.
        at.skipped |= end.objects;
        at.v = usize::from(end.value);
        at.next = usize::from(end.piece);
    } else {
        // Whitespace, an object that ends early, or another body: from here, a byte at a
        // time where the body differs.
        let from = Progress { i: at.i, p: usize::from(piece.at), v: at.v, have: at.have, skipped: at.skipped };
        return Err(read_from(body, layout, seen, from));
    }
    Ok(())
}

/// The early end of an object at `body[i]` where `piece` of the text starts with its `,`, when
/// the body has the object's `}` there and a piece of the text starts at that `}`.
#[inline(always)]
fn early_end<'l>(body: &[u8], i: usize, layout: &'l Layout, piece: &Piece) -> Option<&'l End> {
    if body.get(i) != Some(&b'}') || piece.word.first() != Some(&b',') {
        return None;
    }
    let ends = layout.early.get(..usize::from(layout.ends)).unwrap_or(&[]);
    ends.iter().find(|end| end.at == piece.at && end.piece != u8::MAX)
}

/// How far [`read`] came: to `body[i]` and `text[p]`, before value `v`, with the places
/// `have` found and the objects `skipped` (one bit each; objects that ended early).
struct Progress {
    i: usize,
    p: usize,
    v: usize,
    have: u8,
    skipped: u16,
}

/// [`read`] on from where `at` says: a byte at a time where the body differs from the text.
#[inline(never)]
fn read_from(body: &[u8], layout: &Layout, seen: &mut Seen, at: Progress) -> Option<u8> {
    let Progress { mut i, mut p, mut v, mut have, mut skipped } = at;
    let text = &layout.text;
    let len = usize::from(layout.len);
    let count = usize::from(layout.count).min(VALUES);
    loop {
        let (stop, places) = match layout.values.get(v) {
            Some(&(at, places)) if v < count => (usize::from(at), places),
            _ => (len, 0),
        };
        // The text up to the next value (or its end), sixteen bytes at a time while the body
        // has it as it is; where it does not, a byte at a time to the first difference. (The
        // places in the body move by the text's lengths and by compares the CPU predicts, never
        // by where a compare says the bytes differ: the CPU does not wait for the loads.)
        let mut jumped = false;
        while p < stop {
            let n = stop.wrapping_sub(p).min(16);
            if starts_with(body, i, text, p, n, true) {
                i = i.wrapping_add(n);
                p = p.wrapping_add(n);
                continue;
            }
            while p < stop && body.get(i).is_some_and(|b| Some(b) == text.get(p)) {
                i = i.wrapping_add(1);
                p = p.wrapping_add(1);
            }
            if p == stop {
                break;
            }
            let b = *body.get(i)?;
            let space = layout.runs.get(p).is_some_and(|run| run & SPACE != 0);
            if space && matches!(b, b' ' | b'\t') {
                // A space between tokens (`"code": "X"`). A line break means a pretty-printed
                // body, which the scanner reads faster than a layout can (a token at a time).
                i = skip_space(body, i);
            } else if b == b'}' && text.get(p) == Some(&b',') {
                // The object ends here: the rest of its members are absent.
                let ends = layout.early.get(..usize::from(layout.ends)).unwrap_or(&[]);
                let end = ends.iter().find(|end| usize::from(end.at) == p)?;
                skipped |= end.objects;
                p = usize::from(end.close);
                v = usize::from(end.value);
                jumped = true;
                break;
            } else {
                return None;
            }
        }
        if jumped {
            continue;
        }
        if v >= count {
            break;
        }
        let found;
        (i, found) = value(body, skip_space(body, i))?;
        record(seen, places, found);
        have |= places;
        v = v.wrapping_add(1);
    }
    finish(body, i, layout, seen, have, skipped)
}

/// The value at `i`, a string or a number (anything else is for the scanner): the index past
/// it, and what it is. Each vendor's reader has a copy of this function at each of its values:
/// plain bytes sixteen at a time are read here, a string's other bytes (an escape, UTF-8) by
/// `string_long`, out of line ([`string_on`]).
#[inline(always)]
fn value(body: &[u8], i: usize) -> Option<(usize, Found)> {
    match body.get(i)? {
        b'"' => {
            let start = i.wrapping_add(1);
            let (end, escaped) = string_on(body, chunk::short_string_end(body, start)).ok()?;
            Some((end.wrapping_add(1), Found::String(start, end, escaped)))
        }
        b'-' | b'0'..=b'9' => {
            let end = number(body, i).ok()?;
            Some((end, Found::Number(i, end)))
        }
        _ => None,
    }
}

/// The end of a body read by its layout to `i`: only whitespace may follow. Records the objects
/// the body opened (all but the `skipped` ones) and answers the places found.
#[inline(always)]
fn finish(body: &[u8], i: usize, layout: &Layout, seen: &mut Seen, mut have: u8, skipped: u16) -> Option<u8> {
    if skip_space(body, i) != body.len() {
        return None;
    }
    let opens = layout.objects.get(..usize::from(layout.opens)).unwrap_or(&[]);
    for (k, &(_, places)) in opens.iter().enumerate() {
        if skipped >> k & 1 == 0 {
            record(seen, places, Found::Object);
            have |= places;
        }
    }
    Some(have)
}

/// `step::<V, K>(…)?` for each `K` listed.
macro_rules! steps {
    ($v:ident, $body:ident, $seen:ident, $at:ident; $($k:literal)*) => {
        $(step::<$v, $k>($body, $seen, $at)?;)*
    };
}

/// [`read`] for a body pretty-printed as vendors' documentation shows replies: a line break and
/// an indent of the same width per level (learned from the body's first line: 1 to 8 spaces,
/// at most 15 on a line) after `{` and `,` and before `}`, and one space after `:`. Each token
/// and each line break with its indent is one compare with what the layout's steps say must be
/// there, so the places in the body move by lengths known before the bytes are read. Anything
/// else (tabs, `\r\n`, an object that ends early, another member) answers `None`, for the
/// scanner.
#[inline(always)]
fn read_pretty<const V: usize>(body: &[u8], seen: &mut Seen) -> Option<u8> {
    // The indent: the spaces after the first line break.
    let mut indent = 0usize;
    while indent < 9 && body.get(indent.wrapping_add(2)) == Some(&b' ') {
        indent = indent.wrapping_add(1);
    }
    if !(1..=8).contains(&indent) {
        return None;
    }
    let mut at = Pretty { i: 0, indent, have: 0 };
    // Each step in its own copy of [`step`], its word and length constants. (STEPS is 64.)
    let run = |at: &mut Pretty, seen: &mut Seen| -> Option<()> {
        steps!(V, body, seen, at; 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31
            32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63);
        Some(())
    };
    const { assert!(STEPS == 64, "read_pretty lists steps 0 to 63") };
    run(&mut at, seen)?;
    finish(body, at.i, Of::<V>::LAYOUT, seen, at.have, 0)
}

/// Where [`read_pretty`] is in a body: at `body[i]`, with the body's indent and the places
/// `have` found.
struct Pretty {
    i: usize,
    indent: usize,
    have: u8,
}

/// Step `K` of vendor `V`'s pretty-printed layout, read at `at` (see [`read_pretty`]): `None`
/// when the body is not written so.
#[inline(always)]
fn step<const V: usize, const K: usize>(body: &[u8], seen: &mut Seen, at: &mut Pretty) -> Option<()> {
    let layout = Of::<V>::LAYOUT;
    let Some(step) = layout.pretty.get(K).filter(|_| K < usize::from(layout.steps)) else { return Some(()) };
    // The last steps, `}` and the line breaks before them, meet the body's end.
    let tail = K.wrapping_add(TAIL) >= usize::from(layout.steps);
    let mut i = at.i;
    if step.breaks == SPACE {
        if body.get(i) != Some(&b' ') {
            return None;
        }
        i = i.wrapping_add(1);
    } else if step.breaks != 0 {
        // A line break and the indent: at most fifteen spaces, one compare.
        let n = usize::from(step.breaks).wrapping_sub(1).wrapping_mul(at.indent).wrapping_add(1);
        if n > 16 || !starts_with(body, i, &LINE, 0, n, tail) {
            return None;
        }
        i = i.wrapping_add(n);
    }
    if step.len == 0 {
        let found;
        (i, found) = value(body, i)?;
        record(seen, step.places, found);
        at.have |= step.places;
    } else {
        let n = usize::from(step.len);
        if !starts_with(body, i, &step.word, 0, n, tail) {
            return None;
        }
        i = i.wrapping_add(n);
    }
    at.i = i;
    Some(())
}

/// A line break and fifteen spaces (a line's start is compared with them), and zeros to read
/// sixteen bytes from.
static LINE: [u8; 16] = *b"\n               ";

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used)]
pub(super) mod tests {
    use super::super::{WATCH_LIST, WATCH_OF, Watch, scan};
    use super::*;
    use crate::vendor::Vendor;
    use std::string::String;

    fn watch_of(vendor: Vendor) -> Option<&'static Watch> {
        WATCH_LIST.get(usize::from(*WATCH_OF.get(vendor.index()?)?))
    }

    fn text(layout: &Layout) -> &str {
        core::str::from_utf8(&layout.text[..usize::from(layout.len)]).unwrap()
    }

    #[test]
    fn layouts_are_the_vendors_error_replies() {
        let texts = [
            (Vendor::TencentIai, r#"{"Response":{"Error":{"Code":,"Message":},"RequestId":}}"#),
            (Vendor::TencentFaceid, r#"{"Response":{"Error":{"Code":,"Message":},"RequestId":}}"#),
            (Vendor::HuaweiFrs, r#"{"error_code":,"error_msg":,"request_id":}"#),
            (Vendor::Sophon, r#"{"error":{"code":,"message":}}"#),
            (Vendor::AzureFace, r#"{"error":{"code":,"message":}}"#),
            (Vendor::BaiduFace, r#"{"error_code":,"error_msg":,"log_id":}"#),
            (Vendor::AliyunFacebody, r#"{"Code":,"Message":,"RequestId":}"#),
            (Vendor::AwsRekognition, r#"{"__type":,"Message":}"#),
        ];
        for (vendor, want) in texts {
            if watch_of(vendor).is_some() {
                assert_eq!(text(&LAYOUTS[vendor.index().unwrap()]), want, "{vendor:?}");
            }
        }
    }

    /// Bodies, and whether their vendor's layout reads them (the others go to the scanner).
    /// (`reply.rs`'s tests read them, each byte changed, with every scanner.)
    pub(in crate::reply) const BODIES: &[(Vendor, &str, bool)] = &[
        (Vendor::TencentIai, r#"{"Response":{"Error":{"Code":"A.B","Message":"m"},"RequestId":"r"}}"#, true),
        (
            Vendor::TencentIai,
            "{\"Response\":{\"Error\":{\"Code\":\"A\",\"Message\":\"\u{56fe}\u{7247}\"},\"RequestId\":\"r\"}}",
            true,
        ),
        (Vendor::TencentIai, r#"{"Response":{"Error":{"Code":"A\u002eB","Message":"\"q\""},"RequestId":"r"}}"#, true),
        (
            Vendor::TencentIai,
            "{\"Response\":{\"Error\":{\"Code\":\"A\",\"Message\":\"m\"},\"RequestId\":\"r\"}} \r\n\t",
            true,
        ),
        // Spaces between tokens, after the first sixteen bytes.
        (Vendor::TencentIai, r#"{"Response":{"Error": {"Code" :"A" ,"Message":	"m" }, "RequestId": "r"} }"#, true),
        // Members absent at the end of an object: the request id, the message.
        (Vendor::TencentIai, r#"{"Response":{"Error":{"Code":"A","Message":"m"}}}"#, true),
        (Vendor::TencentIai, r#"{"Response":{"Error":{"Code":"A"},"RequestId":"r"}}"#, true),
        (Vendor::TencentIai, r#"{"Response":{"Error":{"Code":"A"}}}"#, true),
        (Vendor::TencentIai, r#"{"Response":{"Error":{"Code":"A"},"RequestId": "r"}}"#, true),
        (Vendor::TencentIai, r#"{"Response":{"Error":{"Code":-1.5e3,"Message":"m"},"RequestId":7}}"#, true),
        // Another order, another member, a name with an escape, a line break, a value of
        // another kind, bad JSON, a body cut short or with bytes after it: the scanner's.
        (Vendor::TencentIai, r#"{"Response":{"RequestId":"r","Error":{"Code":"A","Message":"m"}}}"#, false),
        (Vendor::TencentIai, r#"{"Response":{"Error":{"Code":"A","Message":"m","X":1},"RequestId":"r"}}"#, false),
        (Vendor::TencentIai, r#"{"Response":{"Error":{"Co\u0064e":"A","Message":"m"},"RequestId":"r"}}"#, false),
        (
            Vendor::TencentIai,
            "{\"Response\":{\"Error\":{\"Code\":\"A\",\n\"Message\":\"m\"},\"RequestId\":\"r\"}}",
            false,
        ),
        (
            Vendor::TencentIai,
            "{\n\"Response\":{\"Error\":{\"Code\":\"A\",\"Message\":\"m\"},\"RequestId\":\"r\"}}",
            false,
        ),
        (Vendor::TencentIai, r#"{"Response":{"Error":{"Code":"A","Message":{}},"RequestId":"r"}}"#, false),
        (Vendor::TencentIai, r#"{"Response":{"Error":{"Code":"A","Message":"m"},"RequestId":"r"},}"#, false),
        (Vendor::TencentIai, r#"{"Response":{"Error":{"Code":"A","Message":"m"},"RequestId":"r"}}x"#, false),
        (Vendor::TencentIai, r#"{"Response":{"Error":{"Code":"A","Message":"m"},"RequestId":"r"}"#, false),
        (Vendor::TencentIai, r#"{"Response":{"Error":{"Code":"A","Message":"m\x"},"RequestId":"r"}}"#, false),
        (Vendor::TencentIai, r#"{"Response":{"Error":{"Code":"A","Message":"m"},"RequestId":"r","#, false),
        (Vendor::TencentIai, r#"{"Response":{"Error":{"Code":"A","Message":"m"}"#, false),
        (Vendor::TencentIai, r#"{"Response":{"Error":{"Code":01}}}"#, false),
        (Vendor::TencentIai, r#"{"Response":{"Error":{}}}"#, false),
        (Vendor::TencentIai, r#"{"Response":{"FaceInfos":[],"RequestId":"r"}}"#, false),
        // Pretty-printed as vendors' documentation shows replies, with any indent width.
        (
            Vendor::TencentIai,
            "{\n    \"Response\": {\n        \"Error\": {\n            \"Code\": \"A\",\n            \"Message\": \"\u{56fe}\"\n        },\n        \"RequestId\": \"r\"\n    }\n}\n",
            true,
        ),
        (
            Vendor::TencentIai,
            "{\n  \"Response\": {\n    \"Error\": {\n      \"Code\": -1,\n      \"Message\": \"m\"\n    },\n    \"RequestId\": \"r\"\n  }\n}",
            true,
        ),
        (
            Vendor::HuaweiFrs,
            "{\n \"error_code\": \"FRS.0501\",\n \"error_msg\": \"m\",\n \"request_id\": \"r\"\n}",
            true,
        ),
        // Not as a pretty printer writes, or not for the layout: tabs, `\r\n`, more than 15
        // spaces of indent on a line, an indent that changes, a member absent, no space after
        // `:`, bytes after the end.
        (
            Vendor::TencentIai,
            "{\n        \"Response\": {\n                \"Error\": {\n                        \"Code\": \"A\"\n                }\n        }\n}",
            false,
        ),
        (Vendor::TencentIai, "{\n\t\"Response\": {\n\t\t\"Error\": {\n\t\t\t\"Code\": \"A\"\n\t\t}\n\t}\n}", false),
        (
            Vendor::TencentIai,
            "{\r\n  \"Response\": {\r\n    \"Error\": {\r\n      \"Code\": \"A\"\r\n    }\r\n  }\r\n}",
            false,
        ),
        (
            Vendor::TencentIai,
            "{\n  \"Response\": {\n     \"Error\": {\n      \"Code\": \"A\",\n      \"Message\": \"m\"\n    },\n    \"RequestId\": \"r\"\n  }\n}",
            false,
        ),
        (
            Vendor::TencentIai,
            "{\n  \"Response\": {\n    \"Error\": {\n      \"Code\": \"A\",\n      \"Message\": \"m\"\n    }\n  }\n}",
            false,
        ),
        (
            Vendor::HuaweiFrs,
            "{\n \"error_code\":\"FRS.0501\",\n \"error_msg\": \"m\",\n \"request_id\": \"r\"\n}",
            false,
        ),
        (
            Vendor::HuaweiFrs,
            "{\n \"error_code\": \"FRS.0501\",\n \"error_msg\": \"m\",\n \"request_id\": \"r\"\n}\n,",
            false,
        ),
        (Vendor::TencentFaceid, r#"{"Response":{"Error":{"Code":"A","Message":"m"},"RequestId":"r"}}"#, true),
        (Vendor::TencentFaceid, r#"{"Response":{"Result":"Success","Description":"d","RequestId":"r"}}"#, false),
        (Vendor::HuaweiFrs, r#"{"error_code":"FRS.0501","error_msg":"Detect no face."}"#, true),
        (Vendor::HuaweiFrs, r#"{"error_code":"APIG.0201","error_msg":"too large","request_id":"b1"}"#, true),
        (Vendor::HuaweiFrs, r#"{"error_code":"FRS.0202", "error_msg": " frozen" }"#, true),
        (Vendor::HuaweiFrs, r#"{ "error_code": "FRS.0202", "error_msg": " frozen" }"#, false),
        (Vendor::HuaweiFrs, r#"{"error_code":"FRS.0501","error_msg":"a","error_code":"FRS.0707"}"#, false),
        (Vendor::HuaweiFrs, r#"{"error_code":"FRS.0501","error_msg":"a","request_id":"b","x":null}"#, false),
        (Vendor::Sophon, r#"{"error":{"code":"NO_FACE_ERROR","message":""}}"#, true),
        (Vendor::Sophon, r#"{"error":{"code":"NO_FACE_ERROR"}}"#, true),
        (Vendor::Sophon, r#"{"error":{"code":"NO_FACE_ERROR","message":"m"},"data":null}"#, false),
        (Vendor::BaiduFace, r#"{"error_code":222202,"error_msg":"pic not has face","log_id":3584051565}"#, true),
        (Vendor::BaiduFace, r#"{"error_code":"SDK108","error_msg":"time out"}"#, true),
        (Vendor::BaiduFace, r#"{"error_code":222202,"error_msg":"m","log_id":1,"timestamp":1}"#, false),
        (Vendor::BaiduFace, "{\n    \"error_code\": 222202,\n    \"error_msg\": \"m\",\n    \"log_id\": 1\n}", true),
        // Each vendor's reader is its own copy: every vendor with a layout, compact and pretty, and
        // bodies shorter than sixteen bytes.
        (Vendor::BaiduFace, r#"{"error_code":0}"#, true),
        (
            Vendor::TencentFaceid,
            "{\n  \"Response\": {\n    \"Error\": {\n      \"Code\": \"A\",\n      \"Message\": \"m\"\n    },\n    \"RequestId\": \"r\"\n  }\n}",
            true,
        ),
        (
            Vendor::Sophon,
            "{\n    \"error\": {\n        \"code\": \"NO_FACE_ERROR\",\n        \"message\": \"m\"\n    }\n}",
            true,
        ),
        (Vendor::AzureFace, r#"{"error":{"code":"InvalidImage","message":"Decoding error."}}"#, true),
        (Vendor::AzureFace, "{\n  \"error\": {\n    \"code\": \"InvalidImage\",\n    \"message\": \"m\"\n  }\n}", true),
        (Vendor::AzureFace, r#"{"error":{"message":"m","code":"InvalidImage"}}"#, false),
        (Vendor::AliyunFacebody, r#"{"Code":"InvalidImage.NotFoundFace","Message":"m","RequestId":"r"}"#, true),
        (Vendor::AliyunFacebody, "{\n  \"Code\": \"A\",\n  \"Message\": \"m\",\n  \"RequestId\": \"r\"\n}", true),
        (Vendor::AliyunFacebody, r#"{"RequestId":"r","HostId":"h","Code":"A","Message":"m"}"#, false),
        (Vendor::AwsRekognition, r#"{"__type":"InvalidParameterException","Message":"m"}"#, true),
        (Vendor::AwsRekognition, "{\n    \"__type\": \"InvalidParameterException\",\n    \"Message\": \"m\"\n}", true),
        (Vendor::AwsRekognition, r#"{"__type":"A"}"#, true),
        (Vendor::AwsRekognition, r#"{"__type":"A"}}"#, false),
    ];

    /// Each body is read by its layout or not, as [`BODIES`] says; when it is, the layout
    /// finds what the byte-by-byte scanner finds, at every place.
    #[test]
    fn the_layout_reads_what_the_scanner_reads() {
        let mut read_some = 0;
        for &(vendor, body, by_layout) in BODIES {
            let Some(watch) = watch_of(vendor) else { continue };
            let show = (vendor, String::from(body));
            let body = body.as_bytes();
            let mut seen = [Found::Absent; PLACES];
            let laid_out = (watch.read)(body, &mut seen);
            assert_eq!(laid_out.is_some(), by_layout, "{show:?}");
            let mut scanned = [Found::Absent; PLACES];
            let have = scan::<false>(body, watch, &mut scanned);
            if let Some(found) = laid_out {
                read_some += 1;
                assert_eq!(Ok(found), have, "{show:?}");
                for place in (0..PLACES).filter(|place| found >> place & 1 != 0) {
                    assert_eq!(seen[place], scanned[place], "place {place} of {show:?}");
                }
            }
        }
        // (A build with fewer vendors reads fewer.)
        assert!(read_some > 0 || watch_of(Vendor::TencentIai).is_none());
    }

    /// A layout is as long as [`TEXT_MAX`] allows and has no more `,` and objects than its
    /// tables hold: built for every vendor when herr is compiled, so here only the numbers.
    #[test]
    fn layouts_fit() {
        for layout in &LAYOUTS {
            assert!(usize::from(layout.len) <= TEXT_MAX);
            assert!(usize::from(layout.count) <= VALUES);
            assert!(layout.text[usize::from(layout.len)..].iter().all(|&b| b == 0));
        }
    }
}
