//! Optional passphrase encryption of a backup, in pure Rust so it works on plain http and
//! from file:// (no `crypto.subtle` there): AES-256-GCM with a key from PBKDF2-HMAC-SHA256,
//! 600,000 iterations, a random 16-byte salt and 12-byte nonce per file. A wrong passphrase or
//! any change to the file fails the GCM tag check: nothing is returned and nothing changes.
//!
//! The page has one thread, and every step of a ten-year file takes seconds on a slow
//! tablet, so each runs a slice at a time and the page draws its progress between slices:
//! the key derivation ([`KeyDerivation`], from [`begin_encrypt`] and [`begin_decrypt`]), then
//! sealing ([`SealJob`]) or opening ([`OpenJob`]). [`encrypt`] and [`decrypt`] do it all in
//! one go.

use base64::{engine::general_purpose::STANDARD as B64, Engine};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use super::ImportError;

pub const ENCRYPTED_FORMAT: &str = "yishi-backup-encrypted";
/// OWASP's minimum for PBKDF2-HMAC-SHA256.
pub const ITERATIONS: u32 = 600_000;
/// Files claiming more are refused (a hostile file must not freeze the page).
const MAX_ITERATIONS: u32 = 10_000_000;
const AAD: &[u8] = b"yishi-backup-encrypted/1";

#[derive(Serialize, Deserialize)]
struct Envelope {
    format: String,
    version: u32,
    kdf: String,
    iterations: u32,
    salt: String,
    nonce: String,
    ciphertext: String,
}

impl Envelope {
    /// The envelope this build writes, around `ciphertext` (base64).
    fn of(salt: [u8; 16], nonce: [u8; 12], ciphertext: String) -> Envelope {
        Envelope {
            format: ENCRYPTED_FORMAT.into(),
            version: 1,
            kdf: "PBKDF2-HMAC-SHA256".into(),
            iterations: ITERATIONS,
            salt: B64.encode(salt),
            nonce: B64.encode(nonce),
            ciphertext,
        }
    }
}

/// PBKDF2-HMAC-SHA256 (RFC 8018) of one 32-byte block, the key AES-256 takes, computed a
/// slice of rounds at a time: the same key as `pbkdf2::pbkdf2_hmac` with the same inputs.
/// Block 1 only: T1 = U1 ^ U2 ^ … ^ Uc, with U1 = HMAC(P, S || 1) and Ui = HMAC(P, Ui-1).
pub struct KeyDerivation {
    /// The HMAC keyed with the passphrase, cloned for every round (keying once saves a
    /// compression per round, as the pbkdf2 crate does).
    prf: Hmac<Sha256>,
    u: [u8; 32],
    key: [u8; 32],
    done: u32,
    total: u32,
}

impl KeyDerivation {
    /// The derivation after its first round.
    pub fn new(passphrase: &str, salt: &[u8], iterations: u32) -> KeyDerivation {
        let prf = <Hmac<Sha256> as Mac>::new_from_slice(passphrase.as_bytes()).expect("HMAC takes any key length");
        let mut first = prf.clone();
        first.update(salt);
        first.update(&1u32.to_be_bytes());
        let u: [u8; 32] = first.finalize().into_bytes().into();
        KeyDerivation { prf, u, key: u, done: 1, total: iterations.max(1) }
    }

    /// Run up to `rounds` more rounds; true when the key is complete.
    pub fn step(&mut self, rounds: u32) -> bool {
        let end = self.done.saturating_add(rounds).min(self.total);
        while self.done < end {
            let mut m = self.prf.clone();
            m.update(&self.u);
            self.u = m.finalize().into_bytes().into();
            for (k, u) in self.key.iter_mut().zip(self.u) {
                *k ^= u;
            }
            self.done += 1;
        }
        self.is_done()
    }

    pub fn is_done(&self) -> bool {
        self.done >= self.total
    }

    /// Rounds done, of the total.
    pub fn progress(&self) -> (u32, u32) {
        (self.done, self.total)
    }

    /// The derived key once every round has run.
    pub fn key(&self) -> Option<[u8; 32]> {
        self.is_done().then_some(self.key)
    }

    fn run_to_end(mut self) -> [u8; 32] {
        self.step(u32::MAX);
        self.key
    }
}

/// An encryption whose key is being derived: [`EncryptJob::kdf`] a slice at a time, then
/// [`EncryptJob::seal`] (or [`EncryptJob::finish`] in one go).
pub struct EncryptJob {
    pub kdf: KeyDerivation,
    salt: [u8; 16],
    nonce: [u8; 12],
}

/// Start encrypting with `passphrase`: a fresh random salt and nonce. Fails only when the
/// browser gives no randomness.
pub fn begin_encrypt(passphrase: &str) -> Result<EncryptJob, ImportError> {
    let mut salt = [0u8; 16];
    let mut nonce = [0u8; 12];
    getrandom::getrandom(&mut salt).map_err(|e| ImportError::Encryption(e.to_string()))?;
    getrandom::getrandom(&mut nonce).map_err(|e| ImportError::Encryption(e.to_string()))?;
    Ok(EncryptJob { kdf: KeyDerivation::new(passphrase, &salt, ITERATIONS), salt, nonce })
}

impl EncryptJob {
    /// Seal the backup's JSON text in one go (the rest of the key is derived here if any is
    /// left).
    pub fn finish(self, json: &str) -> Result<String, ImportError> {
        Ok(self.seal(json.as_bytes().to_vec()).finish())
    }

    /// Start sealing the backup file's bytes, to be done a slice at a time
    /// ([`SealJob::step`]); the rest of the key is derived here if any is left.
    pub fn seal(self, plain: Vec<u8>) -> SealJob {
        let key = self.kdf.run_to_end();
        SealJob::new(&key, self.salt, self.nonce, plain)
    }
}

/// AES-256-GCM (NIST SP 800-38D, 96-bit nonce) a piece at a time, built from the parts the
/// `aes-gcm` crate is made of, which seals and opens only in one call (that would hold the
/// page for a whole file): the counter mode starts at J0 + 1 (J0 = nonce ‖ 1), GHASH covers
/// the additional data, the ciphertext and their bit lengths, and the tag is GHASH's result
/// masked with E(K, J0). Tests compare it with `aes-gcm` both ways.
struct Gcm {
    ctr: ctr::Ctr32BE<aes::Aes256>,
    ghash: ghash::GHash,
    mask: [u8; 16],
}

impl Gcm {
    fn new(key: &[u8; 32], nonce: &[u8; 12]) -> Gcm {
        use aes::cipher::{BlockEncrypt, KeyInit, KeyIvInit, StreamCipher};
        use ghash::universal_hash::UniversalHash;
        let aes = aes::Aes256::new(key.into());
        let mut h = aes::Block::default();
        aes.encrypt_block(&mut h);
        let mut ghash = ghash::GHash::new(&h);
        ghash.update_padded(AAD);
        let mut j0 = [0u8; 16];
        j0[..12].copy_from_slice(nonce);
        j0[15] = 1;
        // The first block of the key stream is E(K, J0): the tag's mask. The data's stream
        // follows from J0 + 1.
        let mut ctr = ctr::Ctr32BE::<aes::Aes256>::new(key.into(), &j0.into());
        let mut mask = [0u8; 16];
        ctr.apply_keystream(&mut mask);
        Gcm { ctr, ghash, mask }
    }

    /// XOR the next piece of the key stream into `piece`.
    fn apply(&mut self, piece: &mut [u8]) {
        aes::cipher::StreamCipher::apply_keystream(&mut self.ctr, piece);
    }

    /// Add the next piece of ciphertext to the tag: whole blocks until the last piece
    /// (GHASH pads each piece it is given to a block).
    fn hash(&mut self, piece: &[u8]) {
        ghash::universal_hash::UniversalHash::update_padded(&mut self.ghash, piece);
    }

    /// The tag of `len` bytes of ciphertext, all hashed.
    fn tag(&self, len: usize) -> [u8; 16] {
        use ghash::universal_hash::UniversalHash;
        let mut ghash = self.ghash.clone();
        let mut lengths = ghash::Block::default();
        lengths[..8].copy_from_slice(&((AAD.len() as u64) * 8).to_be_bytes());
        lengths[8..].copy_from_slice(&((len as u64) * 8).to_be_bytes());
        ghash.update(&[lengths]);
        let mut tag: [u8; 16] = ghash.finalize().into();
        tag.iter_mut().zip(self.mask).for_each(|(t, m)| *t ^= m);
        tag
    }
}

/// The pieces a slice works on: a multiple of 48 bytes (whole AES blocks, whole base64
/// groups), at least one.
fn piece_len(bytes: usize) -> usize {
    bytes.max(48) / 48 * 48
}

/// An encryption a slice at a time ([`Gcm`]), then the ciphertext's base64 into the
/// envelope: the same text as sealing in one call.
pub struct SealJob {
    gcm: Gcm,
    /// The file, encrypted in place up to `sealed` of its `plain` bytes, then the tag
    /// appended.
    data: Vec<u8>,
    plain: usize,
    sealed: usize,
    tagged: bool,
    /// The envelope so far: its head, then the base64 of `data` up to `encoded`.
    out: String,
    encoded: usize,
}

impl SealJob {
    fn new(key: &[u8; 32], salt: [u8; 16], nonce: [u8; 12], data: Vec<u8>) -> SealJob {
        // The envelope's text up to the ciphertext's opening quote: serde_json's pretty
        // layout, as a file sealed in one call has it; base64 needs no escaping.
        let mut out =
            serde_json::to_string_pretty(&Envelope::of(salt, nonce, String::new())).expect("strings and numbers");
        out.truncate(out.len() - "\"\n}".len());
        out.reserve((data.len() + 16).div_ceil(3) * 4 + 4);
        SealJob { gcm: Gcm::new(key, &nonce), plain: data.len(), data, sealed: 0, tagged: false, out, encoded: 0 }
    }

    /// Seal, then encode, up to about `bytes` more bytes; true when the envelope is complete.
    pub fn step(&mut self, bytes: usize) -> bool {
        let n = piece_len(bytes);
        if self.sealed < self.plain {
            let end = self.plain.min(self.sealed + n);
            let piece = &mut self.data[self.sealed..end];
            self.gcm.apply(piece);
            self.gcm.hash(piece);
            self.sealed = end;
            return false;
        }
        if !self.tagged {
            let tag = self.gcm.tag(self.plain);
            self.data.extend_from_slice(&tag);
            self.tagged = true;
        }
        if self.encoded < self.data.len() {
            // Whole groups of three bytes until the end, so the pieces' base64 joins up.
            let end = self.data.len().min(self.encoded + n);
            B64.encode_string(&self.data[self.encoded..end], &mut self.out);
            self.encoded = end;
        }
        self.is_done()
    }

    /// Is the envelope complete?
    pub fn is_done(&self) -> bool {
        self.tagged && self.encoded == self.data.len()
    }

    /// The share done, 0–100 (sealing and encoding count alike).
    pub fn percent(&self) -> u32 {
        if self.is_done() {
            return 100;
        }
        let total = (self.plain * 2 + 16) as u64;
        ((self.sealed + self.encoded) as u64 * 100 / total).min(100) as u32
    }

    /// The envelope's text (what is left is done first).
    pub fn finish(mut self) -> String {
        while !self.step(usize::MAX / 2) {}
        self.out.push_str("\"\n}");
        self.out
    }
}

/// A decryption whose key is being derived: [`DecryptJob::kdf`] a slice at a time, then
/// [`DecryptJob::open`] (or [`DecryptJob::finish`] in one go).
pub struct DecryptJob {
    pub kdf: KeyDerivation,
    nonce: [u8; 12],
    ct: Vec<u8>,
}

/// Start decrypting an encrypted backup: the envelope is checked here (a damaged or
/// unsupported one fails before any key is derived).
pub fn begin_decrypt(text: &str, passphrase: &str) -> Result<DecryptJob, ImportError> {
    let env: Envelope = serde_json::from_str(text).map_err(|e| ImportError::Encryption(format!("envelope: {e}")))?;
    if env.format != ENCRYPTED_FORMAT || env.version != 1 || env.kdf != "PBKDF2-HMAC-SHA256" {
        return Err(ImportError::Encryption(format!(
            "unsupported encryption {} v{} {}",
            env.format, env.version, env.kdf
        )));
    }
    if !(ITERATIONS..=MAX_ITERATIONS).contains(&env.iterations) {
        return Err(ImportError::Encryption(format!(
            "iteration count {} outside {ITERATIONS}..={MAX_ITERATIONS}",
            env.iterations
        )));
    }
    let salt = B64.decode(&env.salt).map_err(|_| ImportError::Encryption("salt is not base64".into()))?;
    let nonce = B64.decode(&env.nonce).map_err(|_| ImportError::Encryption("nonce is not base64".into()))?;
    let ct = B64.decode(&env.ciphertext).map_err(|_| ImportError::Encryption("ciphertext is not base64".into()))?;
    if salt.len() < 16 || nonce.len() != 12 {
        return Err(ImportError::Encryption("bad salt or nonce length".into()));
    }
    let nonce: [u8; 12] = nonce.try_into().expect("twelve bytes, checked above");
    Ok(DecryptJob { kdf: KeyDerivation::new(passphrase, &salt, env.iterations), nonce, ct })
}

impl DecryptJob {
    /// Open the file in one go (the rest of the key is derived here if any is left). A wrong
    /// passphrase or a modified file gives [`ImportError::WrongPassphrase`].
    pub fn finish(self) -> Result<String, ImportError> {
        self.open().finish()
    }

    /// Start opening the file, to be done a slice at a time ([`OpenJob::step`]); the rest of
    /// the key is derived here if any is left.
    pub fn open(self) -> OpenJob {
        let key = self.kdf.run_to_end();
        OpenJob { gcm: Gcm::new(&key, &self.nonce), data: self.ct, hashed: 0, checked: None, opened: 0 }
    }
}

/// A decryption a slice at a time ([`Gcm`]): the whole ciphertext is checked against its tag
/// first, and only then decrypted, so nothing of a modified file is ever read as records.
pub struct OpenJob {
    gcm: Gcm,
    /// The ciphertext and its tag (the last 16 bytes); decrypted in place up to `opened`.
    data: Vec<u8>,
    hashed: usize,
    /// Whether the tag matched, once every byte is hashed.
    checked: Option<bool>,
    opened: usize,
}

impl OpenJob {
    /// The ciphertext's length (without its tag); a file too short for a tag has none.
    fn ct_len(&self) -> usize {
        self.data.len().saturating_sub(16)
    }

    /// Check, then decrypt, up to about `bytes` more bytes; true when done (whether the tag
    /// matched or not: [`OpenJob::finish`] says).
    pub fn step(&mut self, bytes: usize) -> bool {
        let n = piece_len(bytes);
        let len = self.ct_len();
        if self.hashed < len {
            let end = len.min(self.hashed + n);
            self.gcm.hash(&self.data[self.hashed..end]);
            self.hashed = end;
            return false;
        }
        let ok = *self.checked.get_or_insert_with(|| {
            use subtle::ConstantTimeEq;
            self.data.len() >= 16 && bool::from(self.gcm.tag(len).ct_eq(&self.data[len..]))
        });
        if ok && self.opened < len {
            let end = len.min(self.opened + n);
            self.gcm.apply(&mut self.data[self.opened..end]);
            self.opened = end;
        }
        self.is_done()
    }

    /// Is the check, and after a match the decryption, complete?
    pub fn is_done(&self) -> bool {
        self.checked.is_some_and(|ok| !ok || self.opened == self.ct_len())
    }

    /// The share done, 0–100 (checking and decrypting count alike).
    pub fn percent(&self) -> u32 {
        if self.is_done() {
            return 100;
        }
        ((self.hashed + self.opened) as u64 * 100 / (self.ct_len() as u64 * 2).max(1)).min(100) as u32
    }

    /// The backup's JSON text (what is left is done first). A wrong passphrase or a modified
    /// file gives [`ImportError::WrongPassphrase`].
    pub fn finish(mut self) -> Result<String, ImportError> {
        while !self.step(usize::MAX / 2) {}
        if self.checked != Some(true) {
            return Err(ImportError::WrongPassphrase);
        }
        let len = self.ct_len();
        self.data.truncate(len);
        String::from_utf8(self.data).map_err(|_| ImportError::Encryption("decrypted data is not UTF-8".into()))
    }
}

/// Is this text an encrypted backup (by its format id)?
pub fn is_encrypted(text: &str) -> bool {
    /// Only the format id: the other members (megabytes of ciphertext) are skipped, not
    /// copied into a tree.
    #[derive(Deserialize)]
    struct Format<'a> {
        #[serde(borrow)]
        format: Option<std::borrow::Cow<'a, str>>,
    }
    // An object: serde would also read a struct from an array.
    text.trim_start().starts_with('{')
        && serde_json::from_str::<Format>(text).ok().and_then(|f| f.format).is_some_and(|f| f == ENCRYPTED_FORMAT)
}

/// Encrypt a backup's JSON text in one go. Fails only when the browser gives no randomness.
pub fn encrypt(json: &str, passphrase: &str) -> Result<String, ImportError> {
    begin_encrypt(passphrase)?.finish(json)
}

/// Decrypt an encrypted backup in one go. A wrong passphrase or a modified file gives
/// [`ImportError::WrongPassphrase`].
pub fn decrypt(text: &str, passphrase: &str) -> Result<String, ImportError> {
    begin_decrypt(text, passphrase)?.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use aes_gcm::{aead::Aead, aead::Payload, Aes256Gcm, KeyInit, Nonce};

    /// The envelope `aes-gcm` seals in one call, with the same key, salt and nonce.
    fn one_call(key: &[u8; 32], salt: [u8; 16], nonce: [u8; 12], plain: &[u8]) -> String {
        let cipher = Aes256Gcm::new_from_slice(key).unwrap();
        let ct = cipher.encrypt(Nonce::from_slice(&nonce), Payload { msg: plain, aad: AAD }).unwrap();
        serde_json::to_string_pretty(&Envelope::of(salt, nonce, B64.encode(ct))).unwrap()
    }

    #[test]
    fn sealing_a_slice_at_a_time_gives_the_envelope_sealed_in_one_call() {
        let key: [u8; 32] = std::array::from_fn(|i| (i * 7 + 3) as u8);
        let salt: [u8; 16] = std::array::from_fn(|i| i as u8);
        let nonce: [u8; 12] = std::array::from_fn(|i| (200 - i) as u8);
        for len in [0, 1, 15, 16, 17, 31, 32, 33, 40, 47, 48, 49, 95, 1000, 70_001] {
            let plain: Vec<u8> = (0..len).map(|i| (i * 31 % 251) as u8).collect();
            let expected = one_call(&key, salt, nonce, &plain);
            for bytes in [1, 48, 100, 4096, usize::MAX / 2] {
                let mut job = SealJob::new(&key, salt, nonce, plain.clone());
                let mut last = job.percent();
                let mut steps = 0;
                while !job.step(bytes) {
                    assert!(job.percent() >= last);
                    last = job.percent();
                    steps += 1;
                    assert!(steps < 10_000);
                }
                assert_eq!(job.percent(), 100);
                assert_eq!(job.finish(), expected, "{len} bytes sealed {bytes} at a time");
            }
        }
    }

    #[test]
    fn an_encrypted_file_is_told_by_its_format_id_alone() {
        let sealed = one_call(&[1; 32], [2; 16], [3; 12], b"{}");
        assert!(is_encrypted(&sealed));
        assert!(is_encrypted(r#"{"format":"yishi-backup-encrypted"}"#));
        for other in [
            r#"{"format":"yishi-backup","data":{}}"#,
            r#"{"format":1}"#,
            r#"{"ciphertext":"yishi-backup-encrypted"}"#,
            r#"["yishi-backup-encrypted"]"#,
            "yishi-backup-encrypted",
            &sealed[..sealed.len() - 2],
        ] {
            assert!(!is_encrypted(other), "{other}");
        }
    }

    /// The ciphertext and tag of an envelope.
    fn ciphertext(envelope: &str) -> Vec<u8> {
        let env: Envelope = serde_json::from_str(envelope).unwrap();
        B64.decode(env.ciphertext).unwrap()
    }

    fn opened(key: &[u8; 32], nonce: [u8; 12], data: Vec<u8>, bytes: usize) -> Result<String, ImportError> {
        let mut job = OpenJob { gcm: Gcm::new(key, &nonce), data, hashed: 0, checked: None, opened: 0 };
        let mut last = job.percent();
        while !job.step(bytes) {
            assert!(job.percent() >= last);
            last = job.percent();
        }
        assert_eq!(job.percent(), 100);
        job.finish()
    }

    #[test]
    fn opening_a_slice_at_a_time_gives_the_text_and_refuses_any_change() {
        let key: [u8; 32] = std::array::from_fn(|i| (i * 5 + 1) as u8);
        let salt = [9u8; 16];
        let nonce: [u8; 12] = std::array::from_fn(|i| (i * 3) as u8);
        for len in [0, 1, 16, 17, 47, 48, 49, 1000, 70_001] {
            let plain: String = "会议纪要 abc ".chars().cycle().take(len).collect();
            let ct = ciphertext(&one_call(&key, salt, nonce, plain.as_bytes()));
            for bytes in [1, 100, usize::MAX / 2] {
                assert_eq!(opened(&key, nonce, ct.clone(), bytes).unwrap(), plain, "{len} chars, {bytes} at a time");
            }
            // Any changed byte (ciphertext or tag), a wrong key, or a cut file: refused.
            for at in [0, ct.len() / 2, ct.len() - 1] {
                let mut bad = ct.clone();
                bad[at] ^= 1;
                assert!(matches!(opened(&key, nonce, bad, 48), Err(ImportError::WrongPassphrase)));
            }
            let mut other = key;
            other[0] ^= 1;
            assert!(matches!(opened(&other, nonce, ct.clone(), 48), Err(ImportError::WrongPassphrase)));
            assert!(matches!(opened(&key, nonce, ct[..ct.len() - 1].to_vec(), 48), Err(ImportError::WrongPassphrase)));
        }
        assert!(matches!(opened(&key, nonce, vec![1, 2, 3], 48), Err(ImportError::WrongPassphrase)));
    }
}
