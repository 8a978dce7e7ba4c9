//! Compact encoding of stored partitions: JSON → deflate → 15 bits per UTF-16 code unit.
//!
//! localStorage quotas count UTF-16 code units (Chromium, Firefox) or 2 bytes per character
//! for non-Latin-1 strings (WebKit). Packing 15 bits into one character from U+4E00..=U+CDFF
//! (never a surrogate, never a control character) stores 1.875 bytes per code unit, and the
//! string stays valid UTF-8 on the Rust side. The packed form is `<byte length>:<chars>`.

use sha2::{Digest, Sha256};

/// First character of the packing alphabet (CJK block; 0x4E00 + 0x7FFF = 0xCDFF < 0xD800).
const BASE: u32 = 0x4E00;
/// Refuse to inflate more than this (a damaged or hostile value must not exhaust memory).
pub const MAX_INFLATED: usize = 64 * 1024 * 1024;
/// Deflate level: 1..=9. Level 2: the 10-year data takes 19.5% of the quota (level 3: 17.6%,
/// level 1: 24.9%), a full write is faster than at 3 and loading is no slower (`./dev bench`).
pub const LEVEL: u8 = 2;

/// Pack bytes into characters, 15 bits each.
pub fn pack(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 8 / 15 * 3 + 16);
    out.push_str(&bytes.len().to_string());
    out.push(':');
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for &b in bytes {
        acc = (acc << 8) | b as u32;
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            let v = (acc >> bits) & 0x7FFF;
            out.push(char::from_u32(BASE + v).expect("below the surrogate range"));
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        let v = (acc << (15 - bits)) & 0x7FFF;
        out.push(char::from_u32(BASE + v).expect("below the surrogate range"));
    }
    out
}

/// Unpack what [`pack`] produced. `None` when the text is not a packed value.
pub fn unpack(text: &str) -> Option<Vec<u8>> {
    let (len, body) = text.split_once(':')?;
    let len: usize = len.parse().ok()?;
    if len > MAX_INFLATED {
        return None;
    }
    // Every character of the alphabet (U+4E00..=U+CDFF) is three bytes of UTF-8, so the body
    // is read three bytes at a time; any other character breaks the pattern and is refused.
    let body = body.as_bytes();
    // The body must hold exactly `len` bytes plus less than one character of padding.
    if body.len() % 3 != 0 || body.len() / 3 != (len * 8).div_ceil(15) {
        return None;
    }
    let mut out = Vec::with_capacity(len);
    // Eight characters hold 120 bits, exactly fifteen bytes: whole groups are read into two
    // 60-bit halves and written at once (a load unpacks ~3 MB of characters for ten years of
    // data). Halves in `u64`, which wasm computes natively; a `u128` is emulated in pieces.
    let whole = len / 15;
    let (groups, rest) = body.split_at(whole * 24);
    for group in groups.chunks_exact(24) {
        let (first, second) = group.split_at(12);
        let mut hi: u64 = 0;
        let mut lo: u64 = 0;
        for (a, b) in first.chunks_exact(3).zip(second.chunks_exact(3)) {
            hi = (hi << 15) | u64::from(char_bits(a)?);
            lo = (lo << 15) | u64::from(char_bits(b)?);
        }
        // 120 bits = the 60 of `hi`, then the 60 of `lo`: 8 bytes, then 7.
        out.extend_from_slice(&((hi << 4) | (lo >> 56)).to_be_bytes());
        out.extend_from_slice(&(lo & ((1 << 56) - 1)).to_be_bytes()[1..]);
    }
    // The last group, padded with zero bits.
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for c in rest.chunks_exact(3) {
        acc = (acc << 15) | char_bits(c)?;
        bits += 15;
        while bits >= 8 {
            bits -= 8;
            if out.len() < len {
                out.push((acc >> bits) as u8);
            }
            acc &= (1 << bits) - 1;
        }
    }
    if out.len() != len {
        return None;
    }
    Some(out)
}

/// The 15 bits one packed character holds, from its three bytes of UTF-8; `None` for any
/// other character.
#[inline(always)]
fn char_bits(c: &[u8]) -> Option<u32> {
    let (b0, b1, b2) = (c[0] as u32, c[1] as u32, c[2] as u32);
    if b0 & 0xF0 != 0xE0 || b1 & 0xC0 != 0x80 || b2 & 0xC0 != 0x80 {
        return None;
    }
    let cp = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
    cp.checked_sub(BASE).filter(|v| *v <= 0x7FFF)
}

/// Deflate and pack a JSON text (as text or as its UTF-8 bytes).
pub fn encode<T: AsRef<[u8]> + ?Sized>(json: &T) -> String {
    pack(&miniz_oxide::deflate::compress_to_vec(json.as_ref(), LEVEL))
}

/// Unpack and inflate. Errors say what failed.
pub fn decode(stored: &str) -> Result<String, String> {
    String::from_utf8(decode_bytes(stored)?).map_err(|_| "inflated data is not UTF-8".to_string())
}

/// Unpack and inflate to bytes (for a JSON parser that checks UTF-8 itself).
pub fn decode_bytes(stored: &str) -> Result<Vec<u8>, String> {
    let bytes = unpack(stored).ok_or_else(|| "not a packed value".to_string())?;
    miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, MAX_INFLATED)
        .map_err(|e| format!("inflate failed: {:?}", e.status))
}

/// Hex SHA-256.
pub fn sha256_hex(data: &[u8]) -> String {
    let mut h = Sha256::new();
    sha256_feed(&mut h, data);
    hex(&h.finalize())
}

/// Add `data` to a SHA-256 in 16 KB pieces: V8 moves a wasm function to its optimising
/// compiler only between calls, so one call hashing megabytes would run start to end in the
/// baseline tier.
pub fn sha256_feed(h: &mut Sha256, data: &[u8]) {
    for piece in data.chunks(16 * 1024) {
        h.update(piece);
    }
}

/// Lower-case hex digits of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// A short checksum (first 16 hex digits of SHA-256) for stored values.
pub fn short_sum(data: &str) -> String {
    sha256_hex(data.as_bytes())[..16].to_string()
}

/// Prefix of the partition checksums written since schema-compatible version 2 of the sums:
/// Adler-32 of the stored text. Older manifests hold 16 hex digits of SHA-256 (see
/// [`part_sum_matches`]).
const PART_SUM_PREFIX: &str = "a1:";

/// The checksum a manifest records for one stored partition: `a1:` + Adler-32 (8 hex digits)
/// of the stored text. It guards against damage (a value cut short, edited or mixed up), not
/// against an attacker, so a fast checksum serves: SHA-256 of the ~3 MB of a ten-year data set
/// was a tenth of the load time in the browser. The manifest also records the length.
pub fn part_sum(stored: &str) -> String {
    format!("{PART_SUM_PREFIX}{:08x}", adler2::adler32_slice(stored.as_bytes()))
}

/// True when `stored` has the recorded checksum: an Adler-32 sum from [`part_sum`], or the
/// SHA-256 prefix of [`short_sum`] that earlier versions recorded.
pub fn part_sum_matches(stored: &str, sum: &str) -> bool {
    if sum.starts_with(PART_SUM_PREFIX) {
        part_sum(stored) == sum
    } else {
        short_sum(stored) == sum
    }
}

/// Length in UTF-16 code units: what the browser quota counts.
pub fn utf16_len(s: &str) -> u64 {
    // One unit per character (every byte that is not a continuation byte), two for the
    // characters of four UTF-8 bytes (lead byte 0xF0 and up): counted on bytes, without
    // decoding the characters of a megabyte-long value.
    s.bytes().map(|b| (b & 0xC0 != 0x80) as u64 + (b >= 0xF0) as u64).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_round_trips_every_length_and_stays_in_the_cjk_range() {
        for n in 0..100usize {
            let bytes: Vec<u8> = (0..n).map(|i| (i as u8).wrapping_mul(97).wrapping_add(255)).collect();
            let p = pack(&bytes);
            assert!(p.split_once(':').unwrap().1.chars().all(|c| (0x4E00..=0xCDFF).contains(&(c as u32))));
            assert_eq!(unpack(&p).unwrap(), bytes, "length {n}");
        }
        let all_ones = vec![0xFFu8; 30];
        assert_eq!(unpack(&pack(&all_ones)).unwrap(), all_ones);
    }

    #[test]
    fn unpack_rejects_damage() {
        let p = pack(b"hello world");
        assert!(unpack(&p[..p.len() - 3]).is_none(), "truncated");
        assert!(unpack(&format!("{p}一")).is_none(), "extra character");
        assert!(unpack("abc").is_none());
        assert!(unpack("5:abc").is_none(), "outside the alphabet");
        assert!(unpack("99999999999:").is_none());
        // Other characters anywhere in the body (ASCII, 2-byte, 4-byte, just outside the
        // alphabet, and runs of other characters as long as one packed character), in the
        // whole eight-character groups and in the last one.
        let long: Vec<u8> = (0..100u8).collect();
        for p in [p, pack(&long)] {
            let n = p.split_once(':').unwrap().1.chars().count();
            for bad in ["a", "é", "😀", "\u{4DFF}", "\u{CE00}", "abc", "aé", "éa"] {
                for pos in [0, 1, 3, 7, 8, 15, 16, n - 2, n - 1].into_iter().filter(|&i| i < n) {
                    let body = p.split_once(':').unwrap().1;
                    let mut chars: Vec<String> = body.chars().map(String::from).collect();
                    chars[pos] = bad.to_string();
                    let damaged = format!("{}:{}", p.split_once(':').unwrap().0, chars.concat());
                    assert!(unpack(&damaged).is_none(), "{bad:?} at {pos} of {n}");
                }
            }
        }
    }

    #[test]
    fn utf16_len_counts_what_the_browser_counts() {
        for s in ["", "abc", "é", "党组", "𠮷😀", "a党𠮷é\n", &"一".repeat(1000)] {
            assert_eq!(utf16_len(s), s.encode_utf16().count() as u64, "{s:?}");
        }
    }

    #[test]
    fn part_sums_detect_damage_and_accept_the_older_sha_sums() {
        let stored = encode("{\"items\":[{\"title\":\"关于农村公路养护资金的请示\"}]}");
        let sum = part_sum(&stored);
        assert!(sum.starts_with("a1:") && sum.len() == 11, "{sum}");
        assert!(part_sum_matches(&stored, &sum));
        // A sum written by an earlier version (16 hex digits of SHA-256) still verifies.
        assert!(part_sum_matches(&stored, &short_sum(&stored)));
        // Damage: one character changed, cut short, or another partition's value.
        let mut chars: Vec<char> = stored.chars().collect();
        let last = chars.len() - 1;
        chars[last] = if chars[last] == '一' { '二' } else { '一' };
        let changed: String = chars.into_iter().collect();
        assert!(!part_sum_matches(&changed, &sum));
        assert!(!part_sum_matches(&stored[..stored.len() - 3], &sum));
        assert!(!part_sum_matches(&encode("{}"), &sum));
        assert!(!part_sum_matches(&changed, &short_sum(&stored)));
        assert!(!part_sum_matches(&stored, "a1:zz"));
    }

    #[test]
    fn encode_decode_keeps_chinese_exactly() {
        let s = "{\"title\":\"关于2026年度预算的请示〔2026〕3号\",\"x\":\"𠮷😀\\u0000\"}";
        let e = encode(s);
        assert_eq!(decode(&e).unwrap(), s);
        assert!(decode("12:一二三").is_err());
    }
}
