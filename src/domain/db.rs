//! The whole database of one Party group: what the storage layer saves and backups carry.

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    doc::DocId, evidence::Evidence, item::AgendaItem, meeting::Meeting, org::Organisation, revision::Revs,
    settings::RuleSettings, task::FollowUpTask, Id,
};

/// Adding a record to one of the record lists. The lists hold each record behind an `Arc`, so
/// that the store's copy of what is saved shares the unchanged records with the app's: saving
/// compares them by pointer, and editing one (`Arc::make_mut`, as `Db::item_mut` does) copies
/// only that record.
pub trait Records<T> {
    fn add(&mut self, record: T);
}

impl<T> Records<T> for Vec<Arc<T>> {
    fn add(&mut self, record: T) {
        self.push(Arc::new(record));
    }
}

/// All records. 全部数据
///
/// Fields in byte order of their names, as the backup's canonical text orders them: the
/// export then writes the records without reordering them (see `storage::canonical`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Db {
    /// 民主生活会 cycle records (第二十三条), one per meeting.
    #[serde(default)]
    pub democratic_life: Vec<super::democratic_life::DemocraticLifeCycle>,
    #[serde(default)]
    pub evidence: Vec<Arc<Evidence>>,
    #[serde(default)]
    pub items: Vec<Arc<AgendaItem>>,
    /// Date of the last backup export, for the "上次备份" reminder.
    #[serde(default, deserialize_with = "crate::domain::date_format::option")]
    pub last_backup: Option<NaiveDate>,
    #[serde(default)]
    pub meetings: Vec<Arc<Meeting>>,
    /// The next id to hand out (ids are unique across all record kinds).
    pub next_id: Id,
    pub org: Organisation,
    /// Every record's revision, by document (see [`super::revision`]); deleted records keep a
    /// tombstone here.
    #[serde(default)]
    pub revs: Revs,
    pub settings: RuleSettings,
    /// 中心组 annual study plans (第二十二条), one per year.
    #[serde(default)]
    pub study_plans: Vec<super::study::StudyPlan>,
    /// Extra records of study sessions (departments joined, 学习档案, 学习通报).
    #[serde(default)]
    pub study_sessions: Vec<super::study::StudySession>,
    #[serde(default)]
    pub tasks: Vec<Arc<FollowUpTask>>,
    /// Records whose current revision was made in this browser since the last export: amended
    /// in place by the next change rather than followed by a new revision (see
    /// [`super::revision`]). Not part of what a file carries to another browser.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub unshared: BTreeSet<DocId>,
}

impl Db {
    /// Hand out a fresh id.
    pub fn new_id(&mut self) -> Id {
        self.next_id = self.next_id.max(1);
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// True when no unit has been set up yet (first run).
    pub fn is_empty(&self) -> bool {
        self.org.unit_name.trim().is_empty() && self.org.members.is_empty()
    }

    pub fn item(&self, id: Id) -> Option<&AgendaItem> {
        self.items.iter().find(|i| i.id == id).map(Arc::as_ref)
    }
    pub fn item_mut(&mut self, id: Id) -> Option<&mut AgendaItem> {
        self.items.iter_mut().find(|i| i.id == id).map(Arc::make_mut)
    }
    pub fn meeting(&self, id: Id) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.id == id).map(Arc::as_ref)
    }
    pub fn meeting_mut(&mut self, id: Id) -> Option<&mut Meeting> {
        self.meetings.iter_mut().find(|m| m.id == id).map(Arc::make_mut)
    }
    pub fn task(&self, id: Id) -> Option<&FollowUpTask> {
        self.tasks.iter().find(|t| t.id == id).map(Arc::as_ref)
    }
    pub fn task_mut(&mut self, id: Id) -> Option<&mut FollowUpTask> {
        self.tasks.iter_mut().find(|t| t.id == id).map(Arc::make_mut)
    }
}
