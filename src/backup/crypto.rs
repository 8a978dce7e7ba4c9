//! Optional passphrase encryption of a backup, in pure Rust so it works on plain http and
//! from file:// (no `crypto.subtle` there): AES-256-GCM with a key from PBKDF2-HMAC-SHA256,
//! 600,000 iterations, a random 16-byte salt and 12-byte nonce per file. A wrong passphrase or
//! any change to the file fails the GCM tag check: nothing is returned and nothing changes.
//!
//! The key derivation is most of the time, and the page has one thread: [`KeyDerivation`]
//! computes it a slice of rounds at a time, so the page can draw its progress between slices
//! ([`begin_encrypt`], [`begin_decrypt`]). [`encrypt`] and [`decrypt`] run it in one go.

use aes_gcm::{aead::Aead, aead::Payload, Aes256Gcm, KeyInit, Nonce};
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
/// [`EncryptJob::finish`].
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
    /// Seal the backup's JSON text (the rest of the key is derived here if any is left).
    pub fn finish(self, json: &str) -> Result<String, ImportError> {
        let key = self.kdf.run_to_end();
        let cipher = Aes256Gcm::new_from_slice(&key).map_err(|e| ImportError::Encryption(e.to_string()))?;
        let ct = cipher
            .encrypt(Nonce::from_slice(&self.nonce), Payload { msg: json.as_bytes(), aad: AAD })
            .map_err(|e| ImportError::Encryption(e.to_string()))?;
        let env = Envelope {
            format: ENCRYPTED_FORMAT.into(),
            version: 1,
            kdf: "PBKDF2-HMAC-SHA256".into(),
            iterations: ITERATIONS,
            salt: B64.encode(self.salt),
            nonce: B64.encode(self.nonce),
            ciphertext: B64.encode(ct),
        };
        serde_json::to_string_pretty(&env).map_err(|e| ImportError::Encryption(e.to_string()))
    }
}

/// A decryption whose key is being derived: [`DecryptJob::kdf`] a slice at a time, then
/// [`DecryptJob::finish`].
pub struct DecryptJob {
    pub kdf: KeyDerivation,
    nonce: Vec<u8>,
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
    Ok(DecryptJob { kdf: KeyDerivation::new(passphrase, &salt, env.iterations), nonce, ct })
}

impl DecryptJob {
    /// Open the file (the rest of the key is derived here if any is left). A wrong
    /// passphrase or a modified file gives [`ImportError::WrongPassphrase`].
    pub fn finish(self) -> Result<String, ImportError> {
        let key = self.kdf.run_to_end();
        let cipher = Aes256Gcm::new_from_slice(&key).map_err(|e| ImportError::Encryption(e.to_string()))?;
        let pt = cipher
            .decrypt(Nonce::from_slice(&self.nonce), Payload { msg: &self.ct, aad: AAD })
            .map_err(|_| ImportError::WrongPassphrase)?;
        String::from_utf8(pt).map_err(|_| ImportError::Encryption("decrypted data is not UTF-8".into()))
    }
}

/// Is this text an encrypted backup (by its format id)?
pub fn is_encrypted(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| v.get("format").and_then(|f| f.as_str()).map(|f| f == ENCRYPTED_FORMAT))
        .unwrap_or(false)
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
