//! The string pool: every name, spelling and message once, NUL-terminated, so that the
//! library can hand C a pointer into it. Identical texts are stored once, and a text that
//! ends another one is stored inside it (tail merging: `"Timeout\0"` inside `"IMAGE_DOWNLOAD_Timeout\0"`).

use std::collections::{BTreeSet, HashMap};

pub struct Pool {
    pub bytes: Vec<u8>,
    offsets: HashMap<String, u16>,
}

impl Pool {
    pub fn build<'a>(texts: impl IntoIterator<Item = &'a str>) -> Pool {
        let unique: BTreeSet<&str> = texts.into_iter().collect();
        // Sorted by reversed bytes, longest first among equal tails: each text follows the
        // texts it is a tail of, so comparing with the last text placed is enough.
        let mut order: Vec<&str> = unique.into_iter().collect();
        order.sort_by(|a, b| b.bytes().rev().cmp(a.bytes().rev()));
        let mut bytes = Vec::new();
        let mut offsets = HashMap::new();
        let mut last: Option<(&str, usize)> = None;
        for text in order {
            assert!(!text.contains('\0'), "pool text {text:?} contains NUL");
            let offset = match last {
                Some((placed, at)) if placed.ends_with(text) => at + placed.len() - text.len(),
                _ => {
                    let at = bytes.len();
                    bytes.extend_from_slice(text.as_bytes());
                    bytes.push(0);
                    last = Some((text, at));
                    at
                }
            };
            let offset = u16::try_from(offset).expect("the string pool outgrew 64 KiB: widen its offsets");
            offsets.insert(text.to_string(), offset);
        }
        Pool { bytes, offsets }
    }

    pub fn offset(&self, text: &str) -> u16 {
        *self.offsets.get(text).unwrap_or_else(|| panic!("{text:?} is not in the pool"))
    }
}
