//! Storage edge: the only code that touches localStorage.
//!
//! PLACEHOLDER implementation with the final API (the hardened layer replaces the internals):
//! one key with a versioned envelope.

use crate::domain::db::Db;
use serde::{Deserialize, Serialize};

pub const PREFIX: &str = "yishi:";
pub const SCHEMA_VERSION: u32 = 1;
pub const QUOTA_CHARS: u64 = 5_234_688;

/// What can go wrong with storage.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    Unavailable(String),
    QuotaExceeded,
    Conflict { stored_rev: u64, our_rev: u64 },
    Corrupt { key: String, detail: String },
    NewerSchema { found: u32, supported: u32 },
    ReadOnly,
    Serialize(String),
}

impl StorageError {
    pub fn zh(&self) -> String {
        match self {
            StorageError::Unavailable(d) => format!("浏览器存储不可用（{d}）"),
            StorageError::QuotaExceeded => "浏览器存储空间已满，本次修改未保存".into(),
            StorageError::Conflict { .. } => "另一个标签页已修改数据，本页的修改未保存".into(),
            StorageError::Corrupt { key, detail } => format!("存储的数据已损坏（{key}：{detail}）"),
            StorageError::NewerSchema { found, supported } => format!("数据来自更新版本的议事（格式 {found}，本版本支持 {supported}），请更新应用"),
            StorageError::ReadOnly => "当前为只读模式，修改未保存".into(),
            StorageError::Serialize(d) => format!("数据无法保存（{d}）"),
        }
    }
    pub fn en(&self) -> String {
        match self {
            StorageError::Unavailable(d) => format!("Browser storage is unavailable ({d})"),
            StorageError::QuotaExceeded => "Browser storage is full; this change was not saved".into(),
            StorageError::Conflict { .. } => "Another tab changed the data; this change was not saved".into(),
            StorageError::Corrupt { key, detail } => format!("Stored data is damaged ({key}: {detail})"),
            StorageError::NewerSchema { found, supported } => format!("The data comes from a newer Yishi (format {found}, this version reads {supported}); update the app"),
            StorageError::ReadOnly => "Read-only mode: the change was not saved".into(),
            StorageError::Serialize(d) => format!("The data could not be saved ({d})"),
        }
    }
}

/// Result of opening the store.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadOutcome {
    Empty,
    Loaded,
    Recovery { error: StorageError },
    NewerSchema { found: u32, supported: u32 },
    Unavailable(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StorageUsage {
    pub used_chars: u64,
    pub quota_chars: u64,
}

/// A key-value backend (localStorage in the browser, memory in tests).
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&mut self, key: &str) -> Result<(), StorageError>;
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// In-memory backend.
#[derive(Default)]
pub struct MemoryBackend {
    map: std::collections::BTreeMap<String, String>,
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.map.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.map.insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.map.remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.map.keys().cloned().collect())
    }
}

#[cfg(target_arch = "wasm32")]
struct LocalBackend;

#[cfg(target_arch = "wasm32")]
impl LocalBackend {
    fn storage() -> Result<web_sys::Storage, StorageError> {
        web_sys::window()
            .ok_or_else(|| StorageError::Unavailable("no window".into()))?
            .local_storage()
            .map_err(|_| StorageError::Unavailable("blocked".into()))?
            .ok_or_else(|| StorageError::Unavailable("missing".into()))
    }
}

#[cfg(target_arch = "wasm32")]
impl Backend for LocalBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Self::storage()?.get_item(key).map_err(|_| StorageError::Unavailable("read".into()))
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        Self::storage()?.set_item(key, value).map_err(|_| StorageError::QuotaExceeded)
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        Self::storage()?.remove_item(key).map_err(|_| StorageError::Unavailable("remove".into()))
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let s = Self::storage()?;
        let n = s.length().unwrap_or(0);
        Ok((0..n).filter_map(|i| s.key(i).ok().flatten()).collect())
    }
}

#[derive(Serialize, Deserialize)]
struct Envelope {
    schema: u32,
    app: String,
    rev: u64,
    data: serde_json::Value,
}

/// The store.
pub struct Store {
    backend: Box<dyn Backend>,
    read_only: bool,
    rev: u64,
}

impl Store {
    #[cfg(target_arch = "wasm32")]
    pub fn open_browser() -> (Store, Db, LoadOutcome) {
        match LocalBackend::storage() {
            Ok(_) => Store::open(Box::new(LocalBackend)),
            Err(e) => {
                let (store, db, _) = Store::open(Box::new(MemoryBackend::default()));
                let msg = match &e {
                    StorageError::Unavailable(d) => d.clone(),
                    other => other.en(),
                };
                (store, db, LoadOutcome::Unavailable(msg))
            }
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn open_browser() -> (Store, Db, LoadOutcome) {
        Store::open(Box::new(MemoryBackend::default()))
    }

    pub fn open(backend: Box<dyn Backend>) -> (Store, Db, LoadOutcome) {
        let mut store = Store { backend, read_only: false, rev: 0 };
        let key = format!("{PREFIX}db");
        match store.backend.get(&key) {
            Ok(None) => (store, Db::default(), LoadOutcome::Empty),
            Ok(Some(raw)) => match serde_json::from_str::<Envelope>(&raw) {
                Ok(env) if env.schema > SCHEMA_VERSION => {
                    store.read_only = true;
                    (store, Db::default(), LoadOutcome::NewerSchema { found: env.schema, supported: SCHEMA_VERSION })
                }
                Ok(env) => match serde_json::from_value::<Db>(env.data) {
                    Ok(db) => {
                        store.rev = env.rev;
                        (store, db, LoadOutcome::Loaded)
                    }
                    Err(e) => {
                        store.read_only = true;
                        let error = StorageError::Corrupt { key, detail: e.to_string() };
                        (store, Db::default(), LoadOutcome::Recovery { error })
                    }
                },
                Err(e) => {
                    store.read_only = true;
                    let error = StorageError::Corrupt { key, detail: e.to_string() };
                    (store, Db::default(), LoadOutcome::Recovery { error })
                }
            },
            Err(e) => (store, Db::default(), LoadOutcome::Unavailable(e.en())),
        }
    }

    pub fn save(&mut self, db: &Db) -> Result<(), StorageError> {
        if self.read_only {
            return Err(StorageError::ReadOnly);
        }
        let data = serde_json::to_value(db).map_err(|e| StorageError::Serialize(e.to_string()))?;
        let env = Envelope { schema: SCHEMA_VERSION, app: env!("CARGO_PKG_VERSION").into(), rev: self.rev + 1, data };
        let text = serde_json::to_string(&env).map_err(|e| StorageError::Serialize(e.to_string()))?;
        self.backend.set(&format!("{PREFIX}db"), &text)?;
        self.rev += 1;
        Ok(())
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn usage(&self) -> StorageUsage {
        let used = self
            .backend
            .keys()
            .unwrap_or_default()
            .iter()
            .map(|k| k.encode_utf16().count() as u64 + self.backend.get(k).ok().flatten().map(|v| v.encode_utf16().count() as u64).unwrap_or(0))
            .sum();
        StorageUsage { used_chars: used, quota_chars: QUOTA_CHARS }
    }

    pub fn pref(&self, name: &str) -> Option<String> {
        self.backend.get(&format!("{PREFIX}pref:{name}")).ok().flatten()
    }

    pub fn set_pref(&mut self, name: &str, value: &str) -> Result<(), StorageError> {
        self.backend.set(&format!("{PREFIX}pref:{name}"), value)
    }

    pub fn reload_if_changed(&mut self) -> Option<Result<Db, StorageError>> {
        None
    }

    pub fn raw_dump(&self) -> String {
        self.backend.get(&format!("{PREFIX}db")).ok().flatten().unwrap_or_default()
    }

    pub fn snapshot(&mut self, _db: &Db) -> Result<(), StorageError> {
        Ok(())
    }

    pub fn undo_snapshot(&mut self) -> Result<Option<Db>, StorageError> {
        Ok(None)
    }
}
