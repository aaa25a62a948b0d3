//! Conversion between byte offsets (used inside Rust) and Unicode code-point
//! offsets (used in the JSON form, so that Python's `text[start:end]` works).
//!
//! [`OffsetMap`] is built once per document in one pass over the bytes and then
//! answers each conversion in constant time (at most one block of 64 bytes or
//! 64 chars is scanned), so converting every span of a document is O(n) in
//! total rather than O(n) per span. Memory is one `u32` per 64 bytes.

const BLOCK: usize = 64;

/// Precomputed checkpoints for converting offsets of one text.
#[derive(Clone, Debug)]
pub struct OffsetMap {
    /// True when the text is pure ASCII: both offset kinds coincide.
    ascii: bool,
    byte_len: usize,
    char_len: usize,
    /// `chars_before_block[k]` = number of chars starting before byte `k * BLOCK`.
    chars_before_block: Vec<usize>,
    /// `byte_of_char_block[k]` = byte offset of char number `k * BLOCK`.
    byte_of_char_block: Vec<usize>,
}

#[inline]
fn is_char_start(b: u8) -> bool {
    (b & 0xC0) != 0x80
}

impl OffsetMap {
    pub fn new(text: &str) -> OffsetMap {
        let bytes = text.as_bytes();
        if text.is_ascii() {
            return OffsetMap {
                ascii: true,
                byte_len: bytes.len(),
                char_len: bytes.len(),
                chars_before_block: Vec::new(),
                byte_of_char_block: Vec::new(),
            };
        }
        let mut chars_before_block = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut byte_of_char_block = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut chars = 0usize;
        for (i, &b) in bytes.iter().enumerate() {
            if i.is_multiple_of(BLOCK) {
                chars_before_block.push(chars);
            }
            if is_char_start(b) {
                if chars.is_multiple_of(BLOCK) {
                    byte_of_char_block.push(i);
                }
                chars += 1;
            }
        }
        OffsetMap {
            ascii: false,
            byte_len: bytes.len(),
            char_len: chars,
            chars_before_block,
            byte_of_char_block,
        }
    }

    /// Length of the text in code points.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Code-point offset of byte offset `byte` (which must be a char boundary
    /// of the text; offsets past the end clamp to the end).
    pub fn byte_to_char(&self, text: &str, byte: usize) -> usize {
        if self.ascii {
            return byte.min(self.byte_len);
        }
        if byte >= self.byte_len {
            return self.char_len;
        }
        let block = byte / BLOCK;
        let from = block * BLOCK;
        let extra = text.as_bytes()[from..byte]
            .iter()
            .filter(|&&b| is_char_start(b))
            .count();
        self.chars_before_block[block] + extra
    }

    /// Byte offset of code-point offset `ch`. Returns `None` when `ch` is past
    /// the end of the text.
    pub fn char_to_byte(&self, text: &str, ch: usize) -> Option<usize> {
        if self.ascii {
            return (ch <= self.byte_len).then_some(ch);
        }
        if ch > self.char_len {
            return None;
        }
        if ch == self.char_len {
            return Some(self.byte_len);
        }
        let block = ch / BLOCK;
        let mut byte = self.byte_of_char_block[block];
        let mut remaining = ch - block * BLOCK;
        let bytes = text.as_bytes();
        while remaining > 0 {
            byte += 1;
            while byte < bytes.len() && !is_char_start(bytes[byte]) {
                byte += 1;
            }
            remaining -= 1;
        }
        Some(byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive_byte_to_char(text: &str, byte: usize) -> usize {
        text[..byte].chars().count()
    }

    #[test]
    fn converts_curly_quotes_and_hebrew() {
        let text = "“Hamas’s” said בנימין נתניהו today";
        let map = OffsetMap::new(text);
        for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let c = map.byte_to_char(text, b);
            assert_eq!(c, naive_byte_to_char(text, b));
            assert_eq!(map.char_to_byte(text, c), Some(b));
        }
        assert_eq!(map.char_to_byte(text, map.char_len() + 1), None);
    }

    #[test]
    fn ascii_is_identity() {
        let text = "plain ascii";
        let map = OffsetMap::new(text);
        assert_eq!(map.byte_to_char(text, 5), 5);
        assert_eq!(map.char_to_byte(text, 11), Some(11));
        assert_eq!(map.char_to_byte(text, 12), None);
    }

    proptest! {
        #[test]
        fn round_trips_every_boundary(text in "(\\PC|[\u{200D}\u{0301}\u{05D0}-\u{05EA}\u{1F600}-\u{1F64F}a ]){0,300}") {
            let map = OffsetMap::new(&text);
            prop_assert_eq!(map.char_len(), text.chars().count());
            for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let c = map.byte_to_char(&text, b);
                prop_assert_eq!(c, naive_byte_to_char(&text, b));
                prop_assert_eq!(map.char_to_byte(&text, c), Some(b));
            }
        }
    }
}
