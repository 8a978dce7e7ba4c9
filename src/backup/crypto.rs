//! Optional passphrase encryption of a backup, in pure Rust so it works on plain http and
//! from file:// (no `crypto.subtle` there): AES-256-GCM with a key from PBKDF2-HMAC-SHA256,
//! 600,000 iterations, a random 16-byte salt and 12-byte nonce per file. A wrong passphrase or
//! any change to the file fails the GCM tag check: nothing is returned and nothing changes.

use aes_gcm::{aead::Aead, aead::Payload, Aes256Gcm, KeyInit, Nonce};
use base64::{engine::general_purpose::STANDARD as B64, Engine};
use serde::{Deserialize, Serialize};

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

fn derive(passphrase: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(passphrase.as_bytes(), salt, iterations, &mut key);
    key
}

/// Is this text an encrypted backup (by its format id)?
pub fn is_encrypted(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| v.get("format").and_then(|f| f.as_str()).map(|f| f == ENCRYPTED_FORMAT))
        .unwrap_or(false)
}

/// Encrypt a backup's JSON text. Fails only when the browser gives no randomness.
pub fn encrypt(json: &str, passphrase: &str) -> Result<String, ImportError> {
    let mut salt = [0u8; 16];
    let mut nonce = [0u8; 12];
    getrandom::getrandom(&mut salt).map_err(|e| ImportError::Encryption(e.to_string()))?;
    getrandom::getrandom(&mut nonce).map_err(|e| ImportError::Encryption(e.to_string()))?;
    let key = derive(passphrase, &salt, ITERATIONS);
    let cipher = Aes256Gcm::new_from_slice(&key).map_err(|e| ImportError::Encryption(e.to_string()))?;
    let ct = cipher
        .encrypt(Nonce::from_slice(&nonce), Payload { msg: json.as_bytes(), aad: AAD })
        .map_err(|e| ImportError::Encryption(e.to_string()))?;
    let env = Envelope {
        format: ENCRYPTED_FORMAT.into(),
        version: 1,
        kdf: "PBKDF2-HMAC-SHA256".into(),
        iterations: ITERATIONS,
        salt: B64.encode(salt),
        nonce: B64.encode(nonce),
        ciphertext: B64.encode(ct),
    };
    serde_json::to_string_pretty(&env).map_err(|e| ImportError::Encryption(e.to_string()))
}

/// Decrypt an encrypted backup. A wrong passphrase or a modified file gives
/// [`ImportError::WrongPassphrase`].
pub fn decrypt(text: &str, passphrase: &str) -> Result<String, ImportError> {
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
    let key = derive(passphrase, &salt, env.iterations);
    let cipher = Aes256Gcm::new_from_slice(&key).map_err(|e| ImportError::Encryption(e.to_string()))?;
    let pt = cipher
        .decrypt(Nonce::from_slice(&nonce), Payload { msg: &ct, aad: AAD })
        .map_err(|_| ImportError::WrongPassphrase)?;
    String::from_utf8(pt).map_err(|_| ImportError::Encryption("decrypted data is not UTF-8".into()))
}
