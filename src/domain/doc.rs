//! Records as documents: every record a user edits on its own has a document id (`meeting:12`,
//! CouchDB's `_id`), so that revisions, merges and conflicts can speak of any of them alike.
//! Typed access by document id: read a record's content, copy it from one database into
//! another, or put a version given as JSON in its place.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{
    db::Db,
    democratic_life::DemocraticLifeCycle,
    evidence::Evidence,
    item::AgendaItem,
    meeting::Meeting,
    org::{Department, Member, NonMember},
    settings::RuleSettings,
    study::{StudyPlan, StudySession},
    task::FollowUpTask,
    Id,
};

/// The identity of one record across browsers and files. 记录标识
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocId {
    /// The unit's name, its superior and the rule settings (设置).
    Settings,
    /// 党组成员
    Member(Id),
    /// 科室
    Department(Id),
    /// 列席人员
    Attendee(Id),
    /// 议题
    Item(Id),
    /// 会议
    Meeting(Id),
    /// 督办事项, with its progress reports
    Task(Id),
    /// 履职记录
    Evidence(Id),
    /// 中心组学习计划 of a year
    StudyPlan(i32),
    /// The study record of a meeting (学习档案, 学习通报)
    StudySession(Id),
    /// The 民主生活会 cycle of a meeting
    DemocraticLife(Id),
}

/// The kinds of documents, in the order a preview lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocKind {
    Settings,
    Member,
    Department,
    Attendee,
    Meeting,
    Item,
    Task,
    Evidence,
    StudyPlan,
    StudySession,
    DemocraticLife,
}

impl DocKind {
    /// The prefix of the document id.
    pub fn prefix(self) -> &'static str {
        match self {
            DocKind::Settings => "settings",
            DocKind::Member => "member",
            DocKind::Department => "department",
            DocKind::Attendee => "attendee",
            DocKind::Item => "item",
            DocKind::Meeting => "meeting",
            DocKind::Task => "task",
            DocKind::Evidence => "evidence",
            DocKind::StudyPlan => "study_plan",
            DocKind::StudySession => "study_session",
            DocKind::DemocraticLife => "democratic_life",
        }
    }
}

impl DocId {
    pub fn kind(self) -> DocKind {
        match self {
            DocId::Settings => DocKind::Settings,
            DocId::Member(_) => DocKind::Member,
            DocId::Department(_) => DocKind::Department,
            DocId::Attendee(_) => DocKind::Attendee,
            DocId::Item(_) => DocKind::Item,
            DocId::Meeting(_) => DocKind::Meeting,
            DocId::Task(_) => DocKind::Task,
            DocId::Evidence(_) => DocKind::Evidence,
            DocId::StudyPlan(_) => DocKind::StudyPlan,
            DocId::StudySession(_) => DocKind::StudySession,
            DocId::DemocraticLife(_) => DocKind::DemocraticLife,
        }
    }

    /// The number after the kind: a record id, a meeting id, or a year (none for settings).
    pub fn number(self) -> Option<i64> {
        match self {
            DocId::Settings => None,
            DocId::StudyPlan(y) => Some(i64::from(y)),
            DocId::Member(n)
            | DocId::Department(n)
            | DocId::Attendee(n)
            | DocId::Item(n)
            | DocId::Meeting(n)
            | DocId::Task(n)
            | DocId::Evidence(n)
            | DocId::StudySession(n)
            | DocId::DemocraticLife(n) => Some(i64::from(n)),
        }
    }

    /// The same kind of document with another record id (ids are remapped when a merge finds
    /// two different records under one id). A study plan, keyed by its year, keeps it.
    pub fn with_id(self, id: Id) -> DocId {
        match self {
            DocId::Settings | DocId::StudyPlan(_) => self,
            DocId::Member(_) => DocId::Member(id),
            DocId::Department(_) => DocId::Department(id),
            DocId::Attendee(_) => DocId::Attendee(id),
            DocId::Item(_) => DocId::Item(id),
            DocId::Meeting(_) => DocId::Meeting(id),
            DocId::Task(_) => DocId::Task(id),
            DocId::Evidence(_) => DocId::Evidence(id),
            DocId::StudySession(_) => DocId::StudySession(id),
            DocId::DemocraticLife(_) => DocId::DemocraticLife(id),
        }
    }

    /// The record id inside, where there is one (not for settings and study plans).
    pub fn id(self) -> Option<Id> {
        match self {
            DocId::Settings | DocId::StudyPlan(_) => None,
            _ => self.number().map(|n| n as Id),
        }
    }
}

impl std::fmt::Display for DocId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.number() {
            None => f.write_str(self.kind().prefix()),
            Some(n) => write!(f, "{}:{n}", self.kind().prefix()),
        }
    }
}

impl std::str::FromStr for DocId {
    type Err = String;
    fn from_str(s: &str) -> Result<DocId, String> {
        if s == "settings" {
            return Ok(DocId::Settings);
        }
        let (prefix, n) = s.split_once(':').ok_or_else(|| format!("not a record id: {s}"))?;
        let bad = || format!("not a record id: {s}");
        if prefix == "study_plan" {
            return n.parse::<i32>().map(DocId::StudyPlan).map_err(|_| bad());
        }
        let id: Id = n.parse().map_err(|_| bad())?;
        Ok(match prefix {
            "member" => DocId::Member(id),
            "department" => DocId::Department(id),
            "attendee" => DocId::Attendee(id),
            "item" => DocId::Item(id),
            "meeting" => DocId::Meeting(id),
            "task" => DocId::Task(id),
            "evidence" => DocId::Evidence(id),
            "study_session" => DocId::StudySession(id),
            "democratic_life" => DocId::DemocraticLife(id),
            _ => return Err(bad()),
        })
    }
}

impl Serialize for DocId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DocId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<DocId, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The settings document's content: the unit's own fields and the rule settings.
/// (Fields in name order, as the canonical text orders them.)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SettingsDoc {
    pub settings: RuleSettings,
    pub superior: String,
    pub unit_name: String,
}

impl SettingsDoc {
    pub fn of(db: &Db) -> SettingsDoc {
        SettingsDoc {
            settings: db.settings.clone(),
            superior: db.org.superior.clone(),
            unit_name: db.org.unit_name.clone(),
        }
    }
}

/// One record of a database, for comparing and serialising any kind alike.
pub struct DocEntry<'a> {
    pub id: DocId,
    body: DocBody<'a>,
}

enum DocBody<'a> {
    /// The settings document, assembled from the unit's fields and the rule settings.
    Owned(SettingsDoc),
    Borrowed(&'a dyn Body),
}

impl DocEntry<'_> {
    fn body(&self) -> &dyn Body {
        match &self.body {
            DocBody::Owned(s) => s,
            DocBody::Borrowed(b) => *b,
        }
    }
    /// The record as JSON text.
    pub fn json(&self) -> Vec<u8> {
        self.body().json()
    }
    /// The record as a JSON value.
    pub fn value(&self) -> Value {
        self.body().value()
    }
    /// The same content as `other`: the same allocation (a record behind an `Arc` shared with
    /// the committed copy), or equal.
    pub fn same_as(&self, other: &DocEntry<'_>) -> bool {
        match (&self.body, &other.body) {
            (DocBody::Borrowed(a), DocBody::Borrowed(b)) if std::ptr::addr_eq(*a, *b) => true,
            _ => self.body().eq_dyn(other.body()),
        }
    }
}

/// The entry of a record the database holds.
fn b<'a>(id: DocId, r: &'a dyn Body) -> DocEntry<'a> {
    DocEntry { id, body: DocBody::Borrowed(r) }
}

/// Every document of `db`, in a fixed order: those of [`core_docs`], then the dated records
/// in their stored order.
pub fn docs(db: &Db) -> Vec<DocEntry<'_>> {
    let mut out = core_docs(db);
    out.reserve(db.items.len() + db.meetings.len() + db.tasks.len() + db.evidence.len());
    out.extend(db.items.iter().map(|r| b(DocId::Item(r.id), &**r)));
    out.extend(db.meetings.iter().map(|r| b(DocId::Meeting(r.id), &**r)));
    out.extend(db.tasks.iter().map(|r| b(DocId::Task(r.id), &**r)));
    out.extend(db.evidence.iter().map(|r| b(DocId::Evidence(r.id), &**r)));
    out
}

/// The documents of `db` that live in no month (see [`docs`]): the settings, the
/// organisation's people, the study records and the 民主生活会 cycles.
pub fn core_docs(db: &Db) -> Vec<DocEntry<'_>> {
    let mut out = vec![DocEntry { id: DocId::Settings, body: DocBody::Owned(SettingsDoc::of(db)) }];
    out.extend(db.org.members.iter().map(|r| b(DocId::Member(r.id), r)));
    out.extend(db.org.departments.iter().map(|r| b(DocId::Department(r.id), r)));
    out.extend(db.org.attendees.iter().map(|r| b(DocId::Attendee(r.id), r)));
    out.extend(db.study_plans.iter().map(|r| b(DocId::StudyPlan(r.year), r)));
    out.extend(db.study_sessions.iter().map(|r| b(DocId::StudySession(r.meeting), r)));
    out.extend(db.democratic_life.iter().map(|r| b(DocId::DemocraticLife(r.meeting), r)));
    out
}

/// The documents that differ between `before` and `after`: added, removed, edited, or with
/// another revision entry. Records shared behind the same `Arc` are compared by pointer, so
/// an edit costs a pointer check per unchanged record. (What the views of a change must be
/// told: see `crate::records`.)
pub fn changed(before: &Db, after: &Db) -> Vec<DocId> {
    let mut out = differing(&docs(before), &docs(after));
    // Revision entries (a settled conflict, a tombstone).
    let mut named: std::collections::HashSet<DocId> = out.iter().copied().collect();
    for (d, _) in super::revision::rev_changes(&before.revs, &after.revs) {
        if named.insert(d) {
            out.push(d);
        }
    }
    out
}

/// The documents that live in no month ([`core_docs`]: the settings, the organisation's people,
/// the study records, the 民主生活会 cycles) and differ between `before` and `after`: what a
/// change of 设置 names, found without looking at the dated records.
pub fn core_changed(before: &Db, after: &Db) -> Vec<DocId> {
    differing(&core_docs(before), &core_docs(after))
}

/// The ids of the entries of `new` added or edited since `old`, then those of `old` gone.
/// The lists are usually in the same order, so an entry is first looked for at its own index.
fn differing(old: &[DocEntry<'_>], new: &[DocEntry<'_>]) -> Vec<DocId> {
    let mut out = Vec::new();
    let mut lookup: Option<std::collections::HashMap<DocId, usize>> = None;
    let mut matched = 0usize;
    for (i, e) in new.iter().enumerate() {
        let was = match old.get(i) {
            Some(p) if p.id == e.id => Some(p),
            _ => lookup
                .get_or_insert_with(|| old.iter().enumerate().map(|(j, p)| (p.id, j)).collect())
                .get(&e.id)
                .map(|&j| &old[j]),
        };
        match was {
            Some(w) => {
                matched += 1;
                if !w.same_as(e) {
                    out.push(e.id);
                }
            }
            None => out.push(e.id),
        }
    }
    if matched < old.len() {
        let present: std::collections::HashSet<DocId> = new.iter().map(|e| e.id).collect();
        out.extend(old.iter().filter(|p| !present.contains(&p.id)).map(|p| p.id));
    }
    out
}

/// Records of every kind behind one trait object: serialised, and compared with another of
/// the same kind.
pub trait Body {
    fn json(&self) -> Vec<u8>;
    fn value(&self) -> Value;
    fn as_any(&self) -> &dyn std::any::Any;
    /// Equal to `other`, a record of the same type.
    fn eq_dyn(&self, other: &dyn Body) -> bool;
}

impl<T: Serialize + PartialEq + 'static> Body for T {
    fn json(&self) -> Vec<u8> {
        // Records hold only strings, numbers, booleans and keyed maps: serialising one cannot
        // fail. The canonical writer is the one that stores and exports them (one set of
        // serialisers in the wasm).
        crate::canonical::to_vec(self).unwrap_or_default()
    }
    fn value(&self) -> Value {
        json_value(&self.json())
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn eq_dyn(&self, other: &dyn Body) -> bool {
        other.as_any().downcast_ref::<T>().is_some_and(|o| o == self)
    }
}

/// JSON text as a value, read by the one deserializer the app uses for text (wasm size).
fn json_value(json: &[u8]) -> Value {
    std::str::from_utf8(json).ok().and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default()
}

/// Whether `db` holds the record `d`.
pub fn has_doc(db: &Db, d: DocId) -> bool {
    match d {
        DocId::Settings => true,
        DocId::Member(id) => db.org.members.iter().any(|r| r.id == id),
        DocId::Department(id) => db.org.departments.iter().any(|r| r.id == id),
        DocId::Attendee(id) => db.org.attendees.iter().any(|r| r.id == id),
        DocId::Item(id) => db.items.iter().any(|r| r.id == id),
        DocId::Meeting(id) => db.meetings.iter().any(|r| r.id == id),
        DocId::Task(id) => db.tasks.iter().any(|r| r.id == id),
        DocId::Evidence(id) => db.evidence.iter().any(|r| r.id == id),
        DocId::StudyPlan(y) => db.study_plans.iter().any(|r| r.year == y),
        DocId::StudySession(m) => db.study_sessions.iter().any(|r| r.meeting == m),
        DocId::DemocraticLife(m) => db.democratic_life.iter().any(|r| r.meeting == m),
    }
}

/// Record `d` of `db`, when `db` holds it (found by a scan of its own list).
pub fn entry(db: &Db, d: DocId) -> Option<DocEntry<'_>> {
    fn b<'a, T: Body>(id: DocId, r: Option<&'a T>) -> Option<DocEntry<'a>> {
        r.map(|r| DocEntry { id, body: DocBody::Borrowed(r) })
    }
    match d {
        DocId::Settings => Some(DocEntry { id: d, body: DocBody::Owned(SettingsDoc::of(db)) }),
        DocId::Member(id) => b(d, db.org.members.iter().find(|r| r.id == id)),
        DocId::Department(id) => b(d, db.org.departments.iter().find(|r| r.id == id)),
        DocId::Attendee(id) => b(d, db.org.attendees.iter().find(|r| r.id == id)),
        DocId::Item(id) => b(d, db.item(id)),
        DocId::Meeting(id) => b(d, db.meeting(id)),
        DocId::Task(id) => b(d, db.task(id)),
        DocId::Evidence(id) => b(d, db.evidence.iter().find(|r| r.id == id).map(Arc::as_ref)),
        DocId::StudyPlan(y) => b(d, db.study_plans.iter().find(|r| r.year == y)),
        DocId::StudySession(m) => b(d, db.study_sessions.iter().find(|r| r.meeting == m)),
        DocId::DemocraticLife(m) => b(d, db.democratic_life.iter().find(|r| r.meeting == m)),
    }
}

/// The content of record `d` in `db` as JSON, `None` when `db` does not hold it.
pub fn doc_value(db: &Db, d: DocId) -> Option<Value> {
    entry(db, d).map(|e| e.value())
}

/// Put `rec` in place of the record keyed `key` (or add it: at `at`, or at the end), or
/// remove that record when `rec` is `None`.
fn upsert<R, K: PartialEq>(list: &mut Vec<R>, key: impl Fn(&R) -> K, k: K, rec: Option<R>, at: Option<usize>) {
    let found = list.iter().position(|r| key(r) == k);
    match (found, rec) {
        (Some(i), Some(r)) => list[i] = r,
        (None, Some(r)) => list.insert(at.map_or(list.len(), |i| i.min(list.len())), r),
        (Some(i), None) => {
            list.remove(i);
        }
        (None, None) => {}
    }
}

/// Make `to`'s record `d` what it is in `from`: copied when `from` holds it, removed when not.
/// Records behind an `Arc` are shared, not copied. A record new to `to` goes at the end.
pub fn copy_doc(from: &Db, to: &mut Db, d: DocId) {
    copy_doc_placed(from, to, d, false)
}

/// [`copy_doc`], a record new to `to` going to its place in `from`: for keeping a copy of the
/// same list in step with it.
pub fn copy_doc_in_place(from: &Db, to: &mut Db, d: DocId) {
    copy_doc_placed(from, to, d, true)
}

fn copy_doc_placed(from: &Db, to: &mut Db, d: DocId, in_place: bool) {
    /// The record keyed `k` in `list` and, when asked for, its place.
    fn pick<R: Clone, K: PartialEq>(
        list: &[R],
        key: impl Fn(&R) -> K,
        k: K,
        in_place: bool,
    ) -> (Option<R>, Option<usize>) {
        let i = list.iter().position(|r| key(r) == k);
        (i.map(|i| list[i].clone()), i.filter(|_| in_place))
    }
    macro_rules! copy {
        ($($list:ident).+, $key:ident, $k:expr) => {{
            let (r, at) = pick(&from.$($list).+, |r| r.$key, $k, in_place);
            upsert(&mut to.$($list).+, |r| r.$key, $k, r, at)
        }};
    }
    match d {
        DocId::Settings => {
            to.settings = from.settings.clone();
            to.org.superior = from.org.superior.clone();
            to.org.unit_name = from.org.unit_name.clone();
        }
        DocId::Member(id) => copy!(org.members, id, id),
        DocId::Department(id) => copy!(org.departments, id, id),
        DocId::Attendee(id) => copy!(org.attendees, id, id),
        DocId::Item(id) => copy!(items, id, id),
        DocId::Meeting(id) => copy!(meetings, id, id),
        DocId::Task(id) => copy!(tasks, id, id),
        DocId::Evidence(id) => copy!(evidence, id, id),
        DocId::StudyPlan(y) => copy!(study_plans, year, y),
        DocId::StudySession(m) => copy!(study_sessions, meeting, m),
        DocId::DemocraticLife(m) => copy!(democratic_life, meeting, m),
    }
}

/// Put the version `value` (JSON of the record, `None` to remove it) in place of record `d`.
/// Refused, changing nothing, when the JSON is not a record of that kind with that key.
pub fn put_value(db: &mut Db, d: DocId, value: Option<&Value>) -> Result<(), String> {
    // From text: the deserializers the storage layer instantiates already (wasm size).
    fn parse<T: serde::de::DeserializeOwned>(v: Option<&Value>) -> Result<Option<T>, String> {
        v.map(|v| serde_json::from_str(&v.to_string()).map_err(|e| e.to_string())).transpose()
    }
    fn check<K: PartialEq + std::fmt::Debug>(got: Option<K>, want: K) -> Result<(), String> {
        match got {
            Some(k) if k != want => Err(format!("the version is of record {k:?}, not {want:?}")),
            _ => Ok(()),
        }
    }
    match d {
        DocId::Settings => {
            let s: SettingsDoc = parse(value)?.ok_or("the settings cannot be removed")?;
            db.settings = s.settings;
            db.org.superior = s.superior;
            db.org.unit_name = s.unit_name;
        }
        DocId::Member(id) => {
            let r: Option<Member> = parse(value)?;
            check(r.as_ref().map(|r| r.id), id)?;
            upsert(&mut db.org.members, |r| r.id, id, r, None);
        }
        DocId::Department(id) => {
            let r: Option<Department> = parse(value)?;
            check(r.as_ref().map(|r| r.id), id)?;
            upsert(&mut db.org.departments, |r| r.id, id, r, None);
        }
        DocId::Attendee(id) => {
            let r: Option<NonMember> = parse(value)?;
            check(r.as_ref().map(|r| r.id), id)?;
            upsert(&mut db.org.attendees, |r| r.id, id, r, None);
        }
        DocId::Item(id) => {
            let r: Option<AgendaItem> = parse(value)?;
            check(r.as_ref().map(|r| r.id), id)?;
            upsert(&mut db.items, |r| r.id, id, r.map(Arc::new), None);
        }
        DocId::Meeting(id) => {
            let r: Option<Meeting> = parse(value)?;
            check(r.as_ref().map(|r| r.id), id)?;
            upsert(&mut db.meetings, |r| r.id, id, r.map(Arc::new), None);
        }
        DocId::Task(id) => {
            let r: Option<FollowUpTask> = parse(value)?;
            check(r.as_ref().map(|r| r.id), id)?;
            upsert(&mut db.tasks, |r| r.id, id, r.map(Arc::new), None);
        }
        DocId::Evidence(id) => {
            let r: Option<Evidence> = parse(value)?;
            check(r.as_ref().map(|r| r.id), id)?;
            upsert(&mut db.evidence, |r| r.id, id, r.map(Arc::new), None);
        }
        DocId::StudyPlan(y) => {
            let r: Option<StudyPlan> = parse(value)?;
            check(r.as_ref().map(|r| r.year), y)?;
            upsert(&mut db.study_plans, |r| r.year, y, r, None);
        }
        DocId::StudySession(m) => {
            let r: Option<StudySession> = parse(value)?;
            check(r.as_ref().map(|r| r.meeting), m)?;
            upsert(&mut db.study_sessions, |r| r.meeting, m, r, None);
        }
        DocId::DemocraticLife(m) => {
            let r: Option<DemocraticLifeCycle> = parse(value)?;
            check(r.as_ref().map(|r| r.meeting), m)?;
            upsert(&mut db.democratic_life, |r| r.meeting, m, r, None);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_back_from_their_text() {
        let all = [
            DocId::Settings,
            DocId::Member(3),
            DocId::Department(4),
            DocId::Attendee(5),
            DocId::Item(6),
            DocId::Meeting(7),
            DocId::Task(8),
            DocId::Evidence(9),
            DocId::StudyPlan(2026),
            DocId::StudySession(7),
            DocId::DemocraticLife(7),
        ];
        for d in all {
            assert_eq!(d.to_string().parse::<DocId>(), Ok(d), "{d}");
        }
        assert_eq!(DocId::Meeting(12).to_string(), "meeting:12");
        for bad in ["", "meeting", "meeting:", "meeting:x", "nothing:3", "settings:1", "item:-1"] {
            assert!(bad.parse::<DocId>().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_version_is_put_in_place_and_a_wrong_one_changes_nothing() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        let mut db = crate::sample::example::example_db(today);
        let m = db.meetings[0].id;
        let mut v = doc_value(&db, DocId::Meeting(m)).unwrap();
        v["place"] = Value::from("第二会议室");
        put_value(&mut db, DocId::Meeting(m), Some(&v)).unwrap();
        assert_eq!(db.meeting(m).unwrap().place, "第二会议室");
        let before = db.clone();
        assert!(put_value(&mut db, DocId::Meeting(m + 1000), Some(&v)).is_err(), "another record's id");
        assert!(put_value(&mut db, DocId::Item(m), Some(&v)).is_err(), "not an item");
        assert_eq!(db, before);
        put_value(&mut db, DocId::Meeting(m), None).unwrap();
        assert!(!has_doc(&db, DocId::Meeting(m)));
    }
    #[test]
    fn changed_names_each_edited_added_and_removed_record_and_nothing_else() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        let mut before = crate::sample::example::example_db(today);
        crate::domain::revision::ensure(&mut before);
        assert_eq!(changed(&before, &before.clone()), Vec::<DocId>::new());
        let mut after = before.clone();
        let m = after.meetings[1].id;
        after.meeting_mut(m).unwrap().place.push('x');
        let gone = after.items.remove(0).id;
        let t = after.tasks[0].id;
        let info = after.revs[&DocId::Task(t)].child("d".into(), false);
        after.revs.insert(DocId::Task(t), Arc::new(info));
        after.settings.subtract_recused = !after.settings.subtract_recused;
        let mut got = changed(&before, &after);
        got.sort();
        let mut want = vec![DocId::Meeting(m), DocId::Item(gone), DocId::Task(t), DocId::Settings];
        want.sort();
        assert_eq!(got, want);
    }

    /// A change of 设置 names what it changed from the core alone: dated records are not looked at.
    #[test]
    fn core_changed_names_the_settings_and_people_changed_and_no_dated_record() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        let before = crate::sample::example::example_db(today);
        assert_eq!(core_changed(&before, &before.clone()), Vec::<DocId>::new());
        let mut after = before.clone();
        after.org.members[1].name.push('x');
        let member = after.org.members[1].id;
        let gone = after.org.departments.remove(0).id;
        after.settings.subtract_recused = !after.settings.subtract_recused;
        let m = after.meetings[0].id;
        after.meeting_mut(m).unwrap().place.push('x');
        let mut got = core_changed(&before, &after);
        got.sort();
        let mut want = vec![DocId::Settings, DocId::Member(member), DocId::Department(gone)];
        want.sort();
        assert_eq!(got, want, "the meeting is dated: not the core's");
    }
}
