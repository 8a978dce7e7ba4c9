//! Due dates (到期事项) for the month calendar and their export as an iCalendar (.ics) file
//! (RFC 5545) for desktop calendars. Pure: the page turns the text into a file download.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};

use super::{
    date_format,
    db::Db,
    meeting::MeetingKind,
    rules::{democratic_life_report_state, duty::is_held, evaluate_duties, ReportState},
    task::TaskStatus,
};

/// What a calendar entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum EntryKind {
    /// A meeting (held or planned).
    Meeting,
    /// A follow-up task's deadline.
    TaskDeadline,
    /// The next deadline of a recurring duty.
    DutyDue,
    /// The 民主生活会 report deadline (第二十三条（四）).
    ReportDue,
}

/// One entry of the calendar. 日程
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEntry {
    pub date: NaiveDate,
    pub kind: EntryKind,
    pub zh: String,
    pub en: String,
    /// Hash route of the record.
    pub link: String,
    /// Past its deadline and not done.
    pub overdue: bool,
    /// A stable id for the .ics UID.
    pub uid: String,
}

/// Meetings and due dates between `from` and `to` (inclusive), as of `today`, by date.
pub fn calendar_entries(db: &Db, today: NaiveDate, from: NaiveDate, to: NaiveDate) -> Vec<CalendarEntry> {
    let within = |d: NaiveDate| from <= d && d <= to;
    let mut out = Vec::new();
    for m in db.meetings.iter().filter(|m| within(m.date)) {
        let title = if m.title.trim().is_empty() { m.kind.zh().to_string() } else { m.title.clone() };
        let held = is_held(m, today);
        out.push(CalendarEntry {
            date: m.date,
            kind: EntryKind::Meeting,
            zh: format!("{}{}", title, if held { "（已召开）" } else { "" }),
            en: format!("{}{}", m.kind.en(), if held { " (held)" } else { "" }),
            link: format!("#/meetings/{}", m.id),
            overdue: false,
            uid: format!("meeting-{}", m.id),
        });
    }
    for t in db.tasks.iter().filter(|t| t.closed.is_none() && within(t.deadline)) {
        out.push(CalendarEntry {
            date: t.deadline,
            kind: EntryKind::TaskDeadline,
            zh: format!("督办到期：{}", t.title),
            en: format!("Follow-up due: {}", t.title),
            link: format!("#/tasks/{}", t.id),
            overdue: t.status(today) == TaskStatus::Overdue,
            uid: format!("task-{}", t.id),
        });
    }
    // 民主生活会 reports: one deadline per held meeting without a report filed since.
    for m in db.meetings.iter().filter(|m| m.kind == MeetingKind::DemocraticLife) {
        let due = match democratic_life_report_state(db, m, today) {
            ReportState::Pending { due, .. } | ReportState::Overdue { due, .. } => due,
            ReportState::NotHeld | ReportState::Filed { .. } => continue,
        };
        if !within(due) {
            continue;
        }
        out.push(CalendarEntry {
            date: due,
            kind: EntryKind::ReportDue,
            zh: format!("民主生活会（{}）情况报送截止", m.date),
            en: format!("Report on the democratic life meeting of {} due", m.date),
            link: format!("#/meetings/{}/democratic-life", m.id),
            overdue: today > due,
            uid: format!("dl-report-{}", m.id),
        });
    }
    for year in from.year()..=to.year() {
        for st in evaluate_duties(db, year, today) {
            let Some(due) = st.next_due.filter(|d| within(*d)) else { continue };
            if st.duty == super::rules::DutyKind::DemocraticLifeReport {
                continue; // listed per meeting above
            }
            out.push(CalendarEntry {
                date: due,
                kind: EntryKind::DutyDue,
                zh: format!("{}（{}/{}）", st.duty.zh(), st.done, st.required),
                en: format!("{} ({}/{})", st.duty.en(), st.done, st.required),
                link: format!("#/duties/{year}"),
                overdue: false,
                uid: format!("duty-{year}-{:?}-{due}", st.duty),
            });
        }
    }
    crate::domain::sort::sort_by(&mut out, |a, b| {
        a.date.cmp(&b.date).then(a.kind.cmp(&b.kind)).then(a.uid.cmp(&b.uid))
    });
    out
}

/// The weeks of a month, Monday first: each week 7 cells, `None` outside the month.
pub fn month_grid(year: i32, month: u32) -> Vec<[Option<NaiveDate>; 7]> {
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else { return Vec::new() };
    let lead = first.weekday().num_days_from_monday() as usize;
    let mut weeks = Vec::new();
    let mut week = [None; 7];
    let mut col = lead;
    let mut day = first;
    while day.month() == month {
        week[col] = Some(day);
        col += 1;
        if col == 7 {
            weeks.push(week);
            week = [None; 7];
            col = 0;
        }
        day = day + Days::new(1);
    }
    if col > 0 {
        weeks.push(week);
    }
    weeks
}

/// Upcoming entries for the export: from `today` to `today + days`, deadlines and planned
/// meetings (past and held ones left out).
pub fn upcoming(db: &Db, today: NaiveDate, days: u64) -> Vec<CalendarEntry> {
    let to = today.checked_add_days(Days::new(days)).unwrap_or(NaiveDate::MAX);
    calendar_entries(db, today, today, to)
        .into_iter()
        .filter(|e| e.kind != EntryKind::Meeting || !e.zh.ends_with("（已召开）"))
        .collect()
}

/// Escape a TEXT value (RFC 5545 §3.3.11).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1).
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut len = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if len + n > 75 {
            out.push_str("\r\n ");
            len = 1;
        }
        out.push(c);
        len += n;
    }
    out.push_str("\r\n");
    out
}

/// The entries as an iCalendar file: all-day events, CRLF line ends, folded lines.
/// `stamp` is the DTSTAMP (creation time); `unit` names the calendar.
pub fn to_ics(entries: &[CalendarEntry], unit: &str, stamp: NaiveDateTime) -> String {
    let mut s = String::new();
    let mut line = |l: String| s.push_str(&fold(&l));
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Yishi//Party group duties//ZH".into());
    line("CALSCALE:GREGORIAN".into());
    line(format!("X-WR-CALNAME:{}", escape(&format!("{unit} 议事到期事项"))));
    for e in entries {
        let next = e.date.checked_add_days(Days::new(1)).unwrap_or(e.date);
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}@yishi", e.uid));
        line(format!("DTSTAMP:{}", date_format::stamp(stamp, "", "T", "", true)));
        line(format!("DTSTART;VALUE=DATE:{}", date_format::ymd(e.date, "")));
        line(format!("DTEND;VALUE=DATE:{}", date_format::ymd(next, "")));
        line(format!("SUMMARY:{}", escape(&e.zh)));
        line(format!("DESCRIPTION:{}", escape(&format!("{}\n{}", e.en, e.link))));
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::db::Records;
    use crate::domain::task::FollowUpTask;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn month_grid_starts_on_monday_and_covers_the_month() {
        // 2026-01-01 is a Thursday.
        let g = month_grid(2026, 1);
        assert_eq!(g[0][..3], [None, None, None]);
        assert_eq!(g[0][3], Some(d(2026, 1, 1)));
        assert_eq!(g.len(), 5);
        let days: Vec<_> = g.iter().flatten().flatten().collect();
        assert_eq!(days.len(), 31);
        // February 2026 starts on a Sunday; 2024 is a leap year.
        assert_eq!(month_grid(2026, 2)[0][6], Some(d(2026, 2, 1)));
        assert_eq!(month_grid(2024, 2).iter().flatten().flatten().count(), 29);
        assert!(month_grid(2026, 13).is_empty());
    }

    #[test]
    fn ics_escapes_folds_and_uses_crlf() {
        let e = CalendarEntry {
            date: d(2026, 1, 25),
            kind: EntryKind::ReportDue,
            zh: "民主生活会情况报送截止, 报州纪委监委; 州党委组织部".repeat(3),
            en: "a\\b".into(),
            link: "#/meetings/3/democratic-life".into(),
            overdue: false,
            uid: "dl-report-3".into(),
        };
        let stamp = d(2026, 1, 12).and_hms_opt(8, 0, 0).unwrap();
        let ics = to_ics(&[e], "交通运输局", stamp);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20260125\r\n"));
        assert!(ics.contains("DTEND;VALUE=DATE:20260126\r\n"));
        assert!(ics.contains("UID:dl-report-3@yishi\r\n"));
        assert!(ics.contains("\\,") && ics.contains("\\;") && ics.contains("a\\\\b\\n#/meetings"));
        for l in ics.split("\r\n") {
            assert!(l.len() <= 75, "line too long: {l}");
            assert!(!l.contains('\n'));
        }
        // Unfolding restores the summary.
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded
            .contains(&format!("SUMMARY:{}\r\n", "民主生活会情况报送截止\\, 报州纪委监委\\; 州党委组织部".repeat(3))));
    }

    #[test]
    fn entries_include_open_task_deadlines_and_mark_overdue() {
        let mut db = Db { next_id: 10, ..Default::default() };
        let t = |id, deadline, closed: bool| FollowUpTask {
            id,
            title: format!("T{id}"),
            source: None,
            member: None,
            department: None,
            deadline,
            created: d(2026, 1, 1),
            reports: vec![],
            closed: closed.then(|| crate::domain::task::Closure { date: d(2026, 1, 2), result: "ok".into() }),
            escalated_to: None,
        };
        db.tasks.add(t(1, d(2026, 1, 20), false));
        db.tasks.add(t(2, d(2026, 1, 21), true));
        db.tasks.add(t(3, d(2026, 2, 5), false));
        let v = calendar_entries(&db, d(2026, 1, 26), d(2026, 1, 1), d(2026, 1, 31));
        let tasks: Vec<_> = v.iter().filter(|e| e.kind == EntryKind::TaskDeadline).collect();
        assert_eq!(tasks.len(), 1);
        assert!(tasks[0].overdue);
        assert_eq!(tasks[0].link, "#/tasks/1");
        let up = upcoming(&db, d(2026, 1, 26), 30);
        assert!(up.iter().any(|e| e.uid == "task-3"));
        assert!(!up.iter().any(|e| e.uid == "task-1"));
    }
}
