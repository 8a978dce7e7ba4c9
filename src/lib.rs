//! Yishi (议事): a Party group's meetings, votes, minutes, follow-up and duties, run by the
//! rules of the 党组工作规则, fully in the browser.
//!
//! Layers: [`domain`] (pure rules and records), [`storage`] (the only code that touches
//! localStorage) and the UI ([`app`], [`pages`], [`components`]).

pub mod backup;
pub mod domain;
pub mod storage;
