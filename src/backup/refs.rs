//! Every id in a [`Db`]: the records' own ids and every reference between records. One
//! visitor serves validation (duplicates, dangling references), merging (remapping ids) and the
//! year archive (which records belong together). The destructuring is exhaustive on purpose:
//! a field added to a record must be considered here.

use std::sync::Arc;

use crate::domain::{
    db::Db,
    item::{DecisionRef, Proposer},
    meeting::{Ballot, Speaker},
    Id,
};

/// Kinds of records that own an id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Member,
    Department,
    Attendee,
    Item,
    Meeting,
    Task,
    Evidence,
}

impl Kind {
    pub fn zh(self) -> &'static str {
        match self {
            Kind::Member => "党组成员",
            Kind::Department => "科室",
            Kind::Attendee => "列席人员",
            Kind::Item => "议题",
            Kind::Meeting => "会议",
            Kind::Task => "督办事项",
            Kind::Evidence => "履职记录",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Kind::Member => "member",
            Kind::Department => "department",
            Kind::Attendee => "attendee",
            Kind::Item => "agenda item",
            Kind::Meeting => "meeting",
            Kind::Task => "follow-up task",
            Kind::Evidence => "duty record",
        }
    }
}

/// The record a reference is in, and its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Site {
    pub kind: Kind,
    pub id: Id,
    pub field: &'static str,
}

fn decision(site: Site, d: &mut DecisionRef, f: &mut dyn FnMut(Site, Kind, &mut Id)) {
    let DecisionRef { meeting, item } = d;
    f(site, Kind::Meeting, meeting);
    f(site, Kind::Item, item);
}

/// Visit every record's own id.
///
/// The visitors reach records through `Arc::make_mut`: a record shared with the store's
/// committed copy is copied first. They are for a database being checked or rewritten (an
/// imported file, an archive's split), not the live one on every change.
pub fn visit_ids(db: &mut Db, f: &mut dyn FnMut(Kind, &mut Id)) {
    for m in &mut db.org.members {
        f(Kind::Member, &mut m.id);
    }
    for d in &mut db.org.departments {
        f(Kind::Department, &mut d.id);
    }
    for a in &mut db.org.attendees {
        f(Kind::Attendee, &mut a.id);
    }
    for i in db.items.iter_mut().map(Arc::make_mut) {
        f(Kind::Item, &mut i.id);
    }
    for m in db.meetings.iter_mut().map(Arc::make_mut) {
        f(Kind::Meeting, &mut m.id);
    }
    for t in db.tasks.iter_mut().map(Arc::make_mut) {
        f(Kind::Task, &mut t.id);
    }
    for e in db.evidence.iter_mut().map(Arc::make_mut) {
        f(Kind::Evidence, &mut e.id);
    }
}

/// Visit every reference: `f(where, target kind, id)`.
pub fn visit_refs(db: &mut Db, f: &mut dyn FnMut(Site, Kind, &mut Id)) {
    for d in &mut db.org.departments {
        let site = Site { kind: Kind::Department, id: d.id, field: "in_charge" };
        if let Some(m) = &mut d.in_charge {
            f(site, Kind::Member, m);
        }
    }
    for i in db.items.iter_mut().map(Arc::make_mut) {
        let s = |field| Site { kind: Kind::Item, id: i.id, field };
        let (sp, sc, sd, sx) = (s("proposer"), s("in_charge"), s("department"), s("changes_decision"));
        if let Proposer::Member(m) = &mut i.proposer {
            f(sp, Kind::Member, m);
        }
        if let Some(m) = &mut i.in_charge {
            f(sc, Kind::Member, m);
        }
        if let Some(d) = &mut i.department {
            f(sd, Kind::Department, d);
        }
        if let Some(d) = &mut i.changes_decision {
            decision(sx, d, f);
        }
    }
    for m in db.meetings.iter_mut().map(Arc::make_mut) {
        let id = m.id;
        let s = |field| Site { kind: Kind::Meeting, id, field };
        if let Some(c) = &mut m.chair {
            f(s("chair"), Kind::Member, c);
        }
        for o in &mut m.observers {
            f(s("observers"), Kind::Attendee, o);
        }
        for a in &mut m.attendance {
            f(s("attendance.member"), Kind::Member, &mut a.member);
        }
        for r in &mut m.items {
            f(s("items.item"), Kind::Item, &mut r.item);
            for x in &mut r.recused {
                f(s("items.recused"), Kind::Member, x);
            }
            for n in &mut r.notes {
                match &mut n.speaker {
                    Speaker::Member(x) => f(s("items.notes.speaker"), Kind::Member, x),
                    Speaker::Observer(x) => f(s("items.notes.speaker"), Kind::Attendee, x),
                    Speaker::Other(_) => {}
                }
            }
            for o in &mut r.opinions {
                f(s("items.opinions.member"), Kind::Member, &mut o.member);
            }
            if let Some(Ballot::Open { votes, .. }) = &mut r.ballot {
                for v in votes {
                    f(s("items.ballot.votes.member"), Kind::Member, &mut v.member);
                }
            }
            if let Some(d) = &mut r.supersedes {
                decision(s("items.supersedes"), d, f);
            }
            if let Some(d) = &mut r.superseded_by {
                decision(s("items.superseded_by"), d, f);
            }
        }
        if let Some(sign) = m.summary.as_mut().and_then(|x| x.signed.as_mut()) {
            f(s("summary.signed.by"), Kind::Member, &mut sign.by);
        }
    }
    for t in db.tasks.iter_mut().map(Arc::make_mut) {
        let id = t.id;
        let s = |field| Site { kind: Kind::Task, id, field };
        if let Some(d) = &mut t.source {
            decision(s("source"), d, f);
        }
        if let Some(m) = &mut t.member {
            f(s("member"), Kind::Member, m);
        }
        if let Some(d) = &mut t.department {
            f(s("department"), Kind::Department, d);
        }
        if let Some(i) = &mut t.escalated_to {
            f(s("escalated_to"), Kind::Item, i);
        }
    }
    for e in db.evidence.iter_mut().map(Arc::make_mut) {
        let id = e.id;
        let s = |field| Site { kind: Kind::Evidence, id, field };
        if let Some(m) = &mut e.member {
            f(s("member"), Kind::Member, m);
        }
        if let Some(m) = &mut e.counterpart {
            f(s("counterpart"), Kind::Member, m);
        }
        if let Some(d) = &mut e.department {
            f(s("department"), Kind::Department, d);
        }
    }
    // 民主生活会 cycles and study sessions hang off their meeting: the meeting is the site.
    for c in &mut db.democratic_life {
        let site_id = c.meeting;
        let s = |field| Site { kind: Kind::Meeting, id: site_id, field };
        f(s("democratic_life.meeting"), Kind::Meeting, &mut c.meeting);
        for t in &mut c.talks {
            f(s("democratic_life.talks.a"), Kind::Member, &mut t.a);
            f(s("democratic_life.talks.b"), Kind::Member, &mut t.b);
        }
        for st in &mut c.statements {
            f(s("democratic_life.statements.member"), Kind::Member, &mut st.member);
        }
        for t in &mut c.rectification_tasks {
            f(s("democratic_life.rectification_tasks"), Kind::Task, t);
        }
    }
    for ss in &mut db.study_sessions {
        let site_id = ss.meeting;
        let s = |field| Site { kind: Kind::Meeting, id: site_id, field };
        f(s("study_sessions.meeting"), Kind::Meeting, &mut ss.meeting);
        for d in &mut ss.departments {
            f(s("study_sessions.departments"), Kind::Department, d);
        }
    }
    // A study plan is keyed by year; its approval evidence record is its site.
    for p in &mut db.study_plans {
        let site = Site { kind: Kind::Evidence, id: p.evidence.unwrap_or(0), field: "study_plans" };
        if let Some(m) = &mut p.approved_by {
            f(Site { field: "study_plans.approved_by", ..site }, Kind::Member, m);
        }
        if let Some(e) = &mut p.evidence {
            f(Site { field: "study_plans.evidence", ..site }, Kind::Evidence, e);
        }
    }
}

/// A short human label of a record: kind, id and name/title/date.
pub fn label(db: &Db, kind: Kind, id: Id) -> String {
    let name = match kind {
        Kind::Member => db.org.member(id).map(|m| m.name.clone()),
        Kind::Department => db.org.department(id).map(|d| d.name.clone()),
        Kind::Attendee => db.org.attendee(id).map(|a| a.name.clone()),
        Kind::Item => db.item(id).map(|i| i.title.clone()),
        Kind::Meeting => db.meeting(id).map(|m| format!("{} {}", m.date, m.title)),
        Kind::Task => db.task(id).map(|t| t.title.clone()),
        Kind::Evidence => db.evidence.iter().find(|e| e.id == id).map(|e| e.date.to_string()),
    };
    let name: String = name.unwrap_or_default().chars().take(40).collect();
    if name.is_empty() {
        format!("#{id}")
    } else {
        format!("#{id}「{name}」")
    }
}
