//! Backups (placeholder)
