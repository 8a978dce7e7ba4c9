//! An in-memory [`Backend`]: the fallback when localStorage is unusable, and the backend of
//! native tests. Clones share one map, like two tabs of one origin share localStorage; an
//! optional quota and fault injection simulate a full or misbehaving browser.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::{codec::utf16_len, Backend, StorageError};

#[derive(Default)]
struct Inner {
    map: BTreeMap<String, String>,
    /// Quota in UTF-16 code units over all keys and values (like Chromium).
    quota: Option<u64>,
    /// Number of further `set` calls that succeed before every `set` fails with quota.
    sets_before_failure: Option<usize>,
    /// Store a damaged copy instead of the value (a browser that truncates writes).
    truncate_writes: bool,
    /// Every call fails as if storage were blocked.
    blocked: bool,
}

/// In-memory storage; clones share the same data.
#[derive(Clone, Default)]
pub struct MemoryBackend {
    inner: Rc<RefCell<Inner>>,
}

impl MemoryBackend {
    pub fn new() -> Self {
        Self::default()
    }
    /// A backend that refuses writes beyond `quota` UTF-16 code units.
    pub fn with_quota(quota: u64) -> Self {
        let b = Self::default();
        b.inner.borrow_mut().quota = Some(quota);
        b
    }
    pub fn set_quota(&self, quota: Option<u64>) {
        self.inner.borrow_mut().quota = quota;
    }
    /// Let `n` more writes succeed, then fail every write with a quota error (`None`: never).
    pub fn fail_sets_after(&self, n: Option<usize>) {
        self.inner.borrow_mut().sets_before_failure = n;
    }
    pub fn truncate_writes(&self, on: bool) {
        self.inner.borrow_mut().truncate_writes = on;
    }
    pub fn block(&self, on: bool) {
        self.inner.borrow_mut().blocked = on;
    }
    /// Raw access for tests: read, write or damage a value directly.
    pub fn raw_get(&self, key: &str) -> Option<String> {
        self.inner.borrow().map.get(key).cloned()
    }
    pub fn raw_set(&self, key: &str, value: &str) {
        self.inner.borrow_mut().map.insert(key.into(), value.into());
    }
    pub fn raw_remove(&self, key: &str) {
        self.inner.borrow_mut().map.remove(key);
    }
    pub fn raw_keys(&self) -> Vec<String> {
        self.inner.borrow().map.keys().cloned().collect()
    }
    /// UTF-16 code units used by all keys and values.
    pub fn used(&self) -> u64 {
        self.inner.borrow().map.iter().map(|(k, v)| utf16_len(k) + utf16_len(v)).sum()
    }
}

fn blocked() -> StorageError {
    StorageError::Unavailable("SecurityError: access to storage is denied".into())
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        let i = self.inner.borrow();
        if i.blocked {
            return Err(blocked());
        }
        Ok(i.map.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        let mut i = self.inner.borrow_mut();
        if i.blocked {
            return Err(blocked());
        }
        if let Some(n) = i.sets_before_failure {
            if n == 0 {
                return Err(StorageError::QuotaExceeded);
            }
            i.sets_before_failure = Some(n - 1);
        }
        if let Some(q) = i.quota {
            let old = i.map.get(key).map(|v| utf16_len(key) + utf16_len(v)).unwrap_or(0);
            let used: u64 = i.map.iter().map(|(k, v)| utf16_len(k) + utf16_len(v)).sum();
            if used - old + utf16_len(key) + utf16_len(value) > q {
                return Err(StorageError::QuotaExceeded);
            }
        }
        let stored =
            if i.truncate_writes { value.chars().take(value.chars().count() / 2).collect() } else { value.to_string() };
        i.map.insert(key.to_string(), stored);
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        let mut i = self.inner.borrow_mut();
        if i.blocked {
            return Err(blocked());
        }
        i.map.remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let i = self.inner.borrow();
        if i.blocked {
            return Err(blocked());
        }
        Ok(i.map.keys().cloned().collect())
    }
}
