//! A word-at-a-time `memcmp` for WebAssembly.
//!
//! Every `==` and `cmp` of strings and byte slices ends in `memcmp`. On wasm32 the one that
//! comes with the standard library (compiler-builtins, weakly linked) compares one byte per
//! loop turn. The save's check of which months changed compares the records with the committed
//! copy — megabytes of Chinese text with the ten-year data — and spent much of a save in that
//! loop. This definition replaces the weak one at link time
//! and compares eight bytes per turn; the result is the same (the sign of the first differing
//! byte, unsigned). Native builds use the platform's `memcmp` and compile nothing here.
//!
//! Tested in the browser suite (tests/web_memcmp.rs) against a plain byte loop.

/// `memcmp(a, b, n)`: negative, zero or positive as the first `n` bytes at `a` are below, equal
/// to or above those at `b` (bytes compared as unsigned).
///
/// # Safety
/// `a` and `b` must be valid for reads of `n` bytes (the C contract).
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    let mut i = 0;
    while i + 8 <= n {
        // SAFETY: i + 8 <= n, and the caller guarantees n readable bytes at a and b.
        let (x, y) = unsafe { ((a.add(i) as *const u64).read_unaligned(), (b.add(i) as *const u64).read_unaligned()) };
        if x != y {
            break; // the differing byte is among these eight: the byte loop below finds it
        }
        i += 8;
    }
    while i < n {
        // SAFETY: i < n.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y {
            return x as i32 - y as i32;
        }
        i += 1;
    }
    0
}
