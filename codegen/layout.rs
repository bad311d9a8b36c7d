//! Lays out the tables of one build (the vendors whose features are on) for the machine:
//! the records in code order, how a code finds its record, the keys of each vendor's perfect
//! hash, and the aliases. Nothing here formats Rust; `emit.rs` does.
//!
//! How a code finds its record depends on what the build optimises for (the profile's
//! `opt-level`): for speed, **blocks**; for size (`s`, `z`: firmware), **sorted numbers**.
//!
//! Blocks: the vendor (`code / 1,000,000`, a multiply) picks its blocks, the number's top bits
//! a block of 64 numbers, and the block's slot byte the record: three loads, about twenty
//! instructions, no branch on the data. Every block that holds a code costs 64 bytes.
//!
//! Sorted: a binary search over the segments of codes that share their high 16 bits (a few
//! dozen) picks a run of an array of every code's low 16 bits, ascending, and a second one
//! finds the code there, whose place is the record: two bytes per code, six per segment and a
//! few dozen bytes of code.

use crate::registry::RANGE;
use crate::tables::{Code, Module, Tables};

/// How many numbers a block spans: `1 << BLOCK_BITS`.
pub const BLOCK_BITS: u32 = 6;

/// A slot for a number that is no code.
pub const NO_SLOT: u8 = u8::MAX;

/// The blocks layout: per vendor, its blocks; per block, its slots.
pub struct Blocks {
    /// Per vendor (by value, up to the last in the build): where its block ids begin in `ids`,
    /// and how many (none when its table is not in the build).
    pub vendors: Vec<(usize, usize)>,
    /// Per block of a vendor's numbers: the block's id; 0 for a block without codes.
    pub ids: Vec<usize>,
    /// Per block id: the record of the block's first code (0 for the empty block).
    pub bases: Vec<usize>,
    /// Per block id, `1 << BLOCK_BITS` slots: a record's offset from the block's base, or
    /// `NO_SLOT`. Block 0 is all `NO_SLOT`.
    pub slots: Vec<u8>,
}

/// The sorted layout: every code's low 16 bits, ascending, cut into segments of codes that
/// share their high bits.
pub struct Sorted {
    /// Per segment, ascending: the codes' high 16 bits (`code >> 16`), and where its low bits
    /// begin and end in `lows`.
    pub segments: Vec<(u32, usize, usize)>,
    /// Every code's low 16 bits, ascending within its segment: the place of a code is its
    /// record.
    pub lows: Vec<u16>,
}

/// How a code finds its record.
pub enum Lookup {
    /// For speed.
    Blocks(Blocks),
    /// For size.
    Sorted(Sorted),
}

/// One build's tables, laid out.
pub struct Layout<'a> {
    /// Every code of the build, ascending: record `i` is `codes[i]`. The bare numbers of a
    /// vendor (InspireFace 1.2.3+'s `102`) are records too, in InspireFace's range.
    pub codes: Vec<&'a Code>,
    pub lookup: Lookup,
    /// Per vendor with names (by value): its spellings and the codes they name. (Vendors whose
    /// codes are numbers are parsed: measured, that is faster than hashing their spellings.)
    pub names: Vec<(usize, Vec<(String, u32)>)>,
    /// (vendor base + number, code) of every number that names a code outside its own place:
    /// InspireFace 1.2.3's numbers of codes releases up to 1.2.2 have, a vendor's number of
    /// success. Sorted.
    pub number_aliases: Vec<(u32, u32)>,
    /// InspireFace's other names of a code (beside the code's own name): (code, name).
    pub name_aliases: Vec<(u32, &'a str)>,
    /// (code, HTTP status, the code's meaning under that status), sorted.
    pub status_codes: Vec<(u32, u16, u32)>,
    /// Per vendor (by value): whether its table is in this build.
    pub enabled: Vec<bool>,
    /// Each code of InspireFace's own table and its number in 1.2.3+'s numbering, ascending by
    /// code (in every build: a small table of InspireFace's own codes).
    pub v2_numbers: &'a [(u32, u32)],
    /// The modules of InspireFace 1.2.3+'s numbering (`*_BASE` and its range), when its table is
    /// in the build.
    pub modules: Vec<&'a Module>,
    /// The newest InspireFace release whose codes the build knows: its 1.2.3+ table's, or
    /// InspireFace's own (1.2.2) without it.
    pub release: &'a str,
}

impl<'a> Layout<'a> {
    /// The layout of `tables` with the vendors of `enabled` (InspireFace's is always in), for
    /// size (`small`) or speed.
    pub fn new(tables: &'a Tables, enabled: &[bool], small: bool) -> Layout<'a> {
        let mut enabled = enabled.to_vec();
        enabled[0] = true;
        let on: Vec<_> = tables.vendors.iter().filter(|t| enabled[t.value]).collect();
        // A vendor's bare numbers are records of InspireFace's range (see `Table::bare`).
        let mut codes: Vec<&Code> = on.iter().flat_map(|t| t.codes.iter().chain(&t.bare)).collect();
        codes.sort_by_key(|c| c.code);
        assert!(codes.len() < usize::from(u16::MAX), "more records than a u16 index can reach");
        // Per-vendor tables stop at the last vendor of the build.
        let vendors = enabled.iter().rposition(|on| *on).map_or(1, |last| last + 1);
        let lookup = if small { Lookup::Sorted(sorted(&codes)) } else { Lookup::Blocks(blocks(&codes, vendors)) };
        let names = on
            .iter()
            .filter(|t| t.info.format.has_names())
            .map(|t| {
                let own = t.codes.iter().filter(|c| c.status.is_none()).map(|c| (c.vendor_code.clone(), c.code));
                let aliases = t.aliases.iter().filter_map(|a| Some((a.vendor_code.clone()?, a.code)));
                (t.value, own.chain(aliases).collect())
            })
            .collect();
        let mut number_aliases: Vec<(u32, u32)> =
            on.iter().flat_map(|t| t.aliases.iter().filter_map(|a| Some((t.base() + a.number?, a.code)))).collect();
        number_aliases.sort();
        number_aliases.dedup();
        let name_aliases =
            tables.vendors[0].aliases.iter().filter_map(|a| Some((a.code, a.vendor_code.as_deref()?))).collect();
        let mut status_codes: Vec<(u32, u16, u32)> =
            codes.iter().filter_map(|c| c.status.map(|(status, plain)| (plain, status, c.code))).collect();
        status_codes.sort();
        // The newest release of the InspireFace numberings in the build (the later numbering's).
        let mut inspireface = on.iter().filter(|t| t.value == 0 || !t.info.bare.is_empty());
        let newest = inspireface.next_back().expect("InspireFace's table is always in");
        let release = newest.release.as_deref().expect("InspireFace's tables name their release");
        let modules = on.iter().flat_map(|t| &t.modules).collect();
        Layout {
            codes,
            lookup,
            names,
            number_aliases,
            name_aliases,
            status_codes,
            enabled,
            v2_numbers: &tables.v2_numbers,
            modules,
            release,
        }
    }
}

/// The codes of vendor `value`, with their records: (record, number).
fn vendor_codes(codes: &[&Code], value: usize) -> Vec<(usize, u32)> {
    codes.iter().enumerate().filter(|(_, c)| c.code / RANGE == value as u32).map(|(i, c)| (i, c.code % RANGE)).collect()
}

/// The sorted layout of the ascending `codes`.
fn sorted(codes: &[&Code]) -> Sorted {
    let mut sorted = Sorted { segments: Vec::new(), lows: Vec::new() };
    for (record, code) in codes.iter().enumerate() {
        let high = code.code >> 16;
        match sorted.segments.last_mut() {
            Some((h, _, end)) if *h == high => *end = record + 1,
            _ => sorted.segments.push((high, record, record + 1)),
        }
        sorted.lows.push((code.code & 0xFFFF) as u16);
    }
    sorted
}

/// The blocks layout of the ascending `codes`, for the first `vendors` vendors.
fn blocks(codes: &[&Code], vendors: usize) -> Blocks {
    let size = 1usize << BLOCK_BITS;
    let mut blocks =
        Blocks { vendors: vec![(0, 0); vendors], ids: Vec::new(), bases: vec![0], slots: vec![NO_SLOT; size] };
    for value in 0..vendors {
        let own = vendor_codes(codes, value);
        let Some(&(_, last)) = own.last() else { continue };
        let count = (last >> BLOCK_BITS) as usize + 1;
        blocks.vendors[value] = (blocks.ids.len(), count);
        for block in 0..count {
            let inside: Vec<&(usize, u32)> = own.iter().filter(|(_, n)| (*n >> BLOCK_BITS) as usize == block).collect();
            let Some(&&(first_record, _)) = inside.first() else {
                blocks.ids.push(0);
                continue;
            };
            blocks.ids.push(blocks.bases.len());
            blocks.bases.push(first_record);
            let mut own_slots = vec![NO_SLOT; size];
            for (record, number) in inside {
                own_slots[(number & (size as u32 - 1)) as usize] =
                    u8::try_from(record - first_record).expect("64 codes at most");
            }
            blocks.slots.extend(own_slots);
        }
    }
    blocks
}
