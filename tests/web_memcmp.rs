//! The word-at-a-time `memcmp` (src/memcmp.rs) that replaces the byte loop of wasm32's
//! compiler-builtins: the same answers as a plain byte loop, and the standard library's string
//! and slice comparisons (which call it) unchanged. Browser suite, run by `./dev test`.
#![cfg(target_arch = "wasm32")]

use std::cmp::Ordering;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The reference: the first differing byte decides, unsigned.
fn reference(a: &[u8], b: &[u8]) -> Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    Ordering::Equal
}

fn ours(a: &[u8], b: &[u8]) -> Ordering {
    assert_eq!(a.len(), b.len());
    // SAFETY: both slices hold `len` bytes.
    let r = unsafe { yishi::memcmp::memcmp(a.as_ptr(), b.as_ptr(), a.len()) };
    r.cmp(&0)
}

/// Deterministic bytes, the high ones included (a signed compare would order 0x80.. below 0x7f).
fn bytes(n: usize, seed: u32) -> Vec<u8> {
    let mut x = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect()
}

#[wasm_bindgen_test]
fn a_difference_at_every_position_of_every_length_and_alignment() {
    let mut checked = 0;
    for off in 0..8 {
        for n in 0..40 {
            let base = bytes(n + off, n as u32 + 7);
            let a = &base[off..];
            let copy = a.to_vec(); // the same bytes at another address
            assert_eq!(ours(a, &copy), Ordering::Equal, "equal, n={n} off={off}");
            for at in 0..n {
                for (from, to) in [(0x00u8, 0xffu8), (0x7f, 0x80), (0x41, 0x42)] {
                    let (mut x, mut y) = (a.to_vec(), a.to_vec());
                    x[at] = from;
                    y[at] = to;
                    // A later difference in the other direction must not matter.
                    if at + 1 < n {
                        x[n - 1] = 0xff;
                        y[n - 1] = 0x00;
                    }
                    assert_eq!(ours(&x, &y), Ordering::Less, "n={n} off={off} at={at} {from:#x}<{to:#x}");
                    assert_eq!(ours(&y, &x), Ordering::Greater, "n={n} off={off} at={at}");
                    assert_eq!(ours(&x, &y), reference(&x, &y));
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 5000);
}

#[wasm_bindgen_test]
fn std_string_order_and_equality_are_unchanged() {
    // Texts sharing long prefixes (as records do), Chinese (bytes above 0x7f) and ASCII.
    let stem = "党组会议研究决定：农村公路养护工程资金安排";
    let mut texts: Vec<String> = Vec::new();
    for i in 0..60u32 {
        let tail = String::from_utf8_lossy(&bytes(i as usize % 13, i)).into_owned();
        texts.push(format!("{stem}{}{tail}", if i % 2 == 0 { "A" } else { "。" }));
        texts.push(format!("{}{i}", &stem[..3 * (i as usize % 7)]));
    }
    let mut sorted = texts.clone();
    sorted.sort();
    let mut expected = texts.clone();
    expected.sort_by(|a, b| reference(a.as_bytes(), b.as_bytes()).then(a.len().cmp(&b.len())));
    assert_eq!(sorted, expected);
    for a in &texts {
        for b in &texts {
            assert_eq!(a == b, a.as_bytes().iter().eq(b.as_bytes().iter()));
        }
    }
}
