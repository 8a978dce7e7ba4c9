//! A small hash router (`#/meetings/12/live`): every screen survives reload on a plain static
//! server in any subdirectory and works from `file://` (leptos_router has no hash mode).
//! Parsing is pure and tested natively; the browser glue lives in [`crate::app`].

use crate::domain::Id;

/// A screen of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Meetings,
    MeetingNew,
    /// Preparation and overview of one meeting.
    Meeting(Id),
    /// The live meeting screen (attendance, quorum, votes).
    MeetingLive(Id),
    /// Minutes (会议记录).
    MeetingMinutes(Id),
    /// Summary (纪要): edit, number, sign off, print.
    MeetingSummary(Id),
    Items,
    ItemNew,
    Item(Id),
    Tasks,
    Task(Id),
    /// Duty register for a year (default: this year).
    Duties(Option<i32>),
    /// Per-member view of duties.
    DutyMembers(Option<i32>),
    /// Evidence that is not a meeting.
    Evidence,
    /// Month calendar (year, month).
    Calendar(Option<(i32, u32)>),
    /// 民主生活会 cycle of a meeting.
    DemocraticLife(Id),
    /// 中心组学习 plan and sessions for a year.
    Study(Option<i32>),
    /// Annual statistics report.
    Report(Option<i32>),
    /// The rules text; optionally one article.
    Rules(Option<u8>),
    Settings,
    Data,
    /// Full-text search with a query.
    Search(String),
    NotFound(String),
    /// A printable document (会议通知, 签到表, 表决票, 计票单, 会议记录, 督办通知单, 催办单).
    Print(PrintDoc),
}

/// The printable documents of a meeting or a task, each on its own screen (`pages/print`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintDoc {
    /// 会议通知 with the agenda.
    Notice(Id),
    /// 签到表
    SignIn(Id),
    /// 表决票, one per voter with the voter's name (记名).
    BallotNamed(Id),
    /// 表决票 without a name (无记名).
    BallotSecret(Id),
    /// 计票单
    Tally(Id),
    /// 会议记录 (a 记录本 page).
    Record(Id),
    /// 督办通知单 of a task.
    TaskNotice(Id),
    /// 催办单 of a task.
    TaskReminder(Id),
}

/// A document's name in the address and its constructor.
type Named = (&'static str, fn(Id) -> PrintDoc);

impl PrintDoc {
    const MEETING: [Named; 6] = [
        ("notice", PrintDoc::Notice),
        ("sign-in", PrintDoc::SignIn),
        ("ballot-named", PrintDoc::BallotNamed),
        ("ballot-secret", PrintDoc::BallotSecret),
        ("tally", PrintDoc::Tally),
        ("record", PrintDoc::Record),
    ];
    const TASK: [Named; 2] = [("notice", PrintDoc::TaskNotice), ("reminder", PrintDoc::TaskReminder)];

    /// The meeting's document named `name` in its address.
    pub fn of_meeting(id: Id, name: &str) -> Option<PrintDoc> {
        Self::MEETING.iter().find(|(n, _)| *n == name).map(|(_, f)| f(id))
    }
    /// The task's document named `name` in its address.
    pub fn of_task(id: Id, name: &str) -> Option<PrintDoc> {
        Self::TASK.iter().find(|(n, _)| *n == name).map(|(_, f)| f(id))
    }
    /// (is of a task, the record's id, the name in the address)
    fn parts(self) -> (bool, Id, &'static str) {
        match self {
            PrintDoc::Notice(n) => (false, n, "notice"),
            PrintDoc::SignIn(n) => (false, n, "sign-in"),
            PrintDoc::BallotNamed(n) => (false, n, "ballot-named"),
            PrintDoc::BallotSecret(n) => (false, n, "ballot-secret"),
            PrintDoc::Tally(n) => (false, n, "tally"),
            PrintDoc::Record(n) => (false, n, "record"),
            PrintDoc::TaskNotice(n) => (true, n, "notice"),
            PrintDoc::TaskReminder(n) => (true, n, "reminder"),
        }
    }
    /// The screen it is printed from (the back link).
    pub fn back(self) -> Route {
        match self.parts() {
            (true, n, _) => Route::Task(n),
            (false, n, _) => Route::Meeting(n),
        }
    }
}

fn decode(s: &str) -> String {
    // Percent-decoding of UTF-8 (query strings typed into the address bar).
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

impl Route {
    /// Parse a location hash (`#/meetings/3/live`, `#/search?q=…`). Unknown paths give
    /// [`Route::NotFound`]; an empty hash is home.
    pub fn parse(hash: &str) -> Route {
        let h = hash.trim_start_matches('#');
        let (path, query) = match h.split_once('?') {
            Some((p, q)) => (p, q),
            None => (h, ""),
        };
        let param = |name: &str| -> Option<String> {
            query.split('&').filter_map(|kv| kv.split_once('=')).find(|(k, _)| *k == name).map(|(_, v)| decode(v))
        };
        let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let id = |s: &str| s.parse::<Id>().ok();
        let year = |s: &str| s.parse::<i32>().ok().filter(|y| (1949..=2200).contains(y));
        let r = match segs.as_slice() {
            [] => Some(Route::Home),
            ["meetings"] => Some(Route::Meetings),
            ["meetings", "new"] => Some(Route::MeetingNew),
            ["meetings", n] => id(n).map(Route::Meeting),
            ["meetings", n, "live"] => id(n).map(Route::MeetingLive),
            ["meetings", n, "minutes"] => id(n).map(Route::MeetingMinutes),
            ["meetings", n, "summary"] => id(n).map(Route::MeetingSummary),
            ["meetings", n, "democratic-life"] => id(n).map(Route::DemocraticLife),
            ["meetings", n, "print", d] => id(n).and_then(|n| PrintDoc::of_meeting(n, d)).map(Route::Print),
            ["items"] => Some(Route::Items),
            ["items", "new"] => Some(Route::ItemNew),
            ["items", n] => id(n).map(Route::Item),
            ["tasks"] => Some(Route::Tasks),
            ["tasks", n] => id(n).map(Route::Task),
            ["tasks", n, "print", d] => id(n).and_then(|n| PrintDoc::of_task(n, d)).map(Route::Print),
            ["duties"] => Some(Route::Duties(None)),
            ["duties", "members"] => Some(Route::DutyMembers(None)),
            ["duties", "members", y] => year(y).map(|y| Route::DutyMembers(Some(y))),
            ["duties", y] => year(y).map(|y| Route::Duties(Some(y))),
            ["evidence"] => Some(Route::Evidence),
            ["calendar"] => Some(Route::Calendar(None)),
            ["calendar", ym] => ym.split_once('-').and_then(|(y, m)| {
                let m = m.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?;
                Some(Route::Calendar(Some((year(y)?, m))))
            }),
            ["study"] => Some(Route::Study(None)),
            ["study", y] => year(y).map(|y| Route::Study(Some(y))),
            ["report"] => Some(Route::Report(None)),
            ["report", y] => year(y).map(|y| Route::Report(Some(y))),
            ["rules"] => Some(Route::Rules(None)),
            ["rules", n] => n.parse::<u8>().ok().filter(|n| (1..=30).contains(n)).map(|n| Route::Rules(Some(n))),
            ["settings"] => Some(Route::Settings),
            ["data"] => Some(Route::Data),
            ["search"] => Some(Route::Search(param("q").unwrap_or_default())),
            _ => None,
        };
        r.unwrap_or_else(|| Route::NotFound(h.to_string()))
    }

    /// The hash for this route, starting with `#/`.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Meetings => "#/meetings".into(),
            Route::MeetingNew => "#/meetings/new".into(),
            Route::Meeting(n) => format!("#/meetings/{n}"),
            Route::MeetingLive(n) => format!("#/meetings/{n}/live"),
            Route::MeetingMinutes(n) => format!("#/meetings/{n}/minutes"),
            Route::MeetingSummary(n) => format!("#/meetings/{n}/summary"),
            Route::DemocraticLife(n) => format!("#/meetings/{n}/democratic-life"),
            Route::Items => "#/items".into(),
            Route::ItemNew => "#/items/new".into(),
            Route::Item(n) => format!("#/items/{n}"),
            Route::Tasks => "#/tasks".into(),
            Route::Task(n) => format!("#/tasks/{n}"),
            Route::Duties(None) => "#/duties".into(),
            Route::Duties(Some(y)) => format!("#/duties/{y}"),
            Route::DutyMembers(None) => "#/duties/members".into(),
            Route::DutyMembers(Some(y)) => format!("#/duties/members/{y}"),
            Route::Evidence => "#/evidence".into(),
            Route::Calendar(None) => "#/calendar".into(),
            Route::Calendar(Some((y, m))) => format!("#/calendar/{y}-{m:02}"),
            Route::Study(None) => "#/study".into(),
            Route::Study(Some(y)) => format!("#/study/{y}"),
            Route::Report(None) => "#/report".into(),
            Route::Report(Some(y)) => format!("#/report/{y}"),
            Route::Rules(None) => "#/rules".into(),
            Route::Rules(Some(n)) => format!("#/rules/{n}"),
            Route::Settings => "#/settings".into(),
            Route::Data => "#/data".into(),
            Route::Search(q) if q.is_empty() => "#/search".into(),
            Route::Search(q) => format!("#/search?q={}", encode(q)),
            Route::NotFound(s) => format!("#{s}"),
            Route::Print(d) => match d.parts() {
                (true, n, name) => format!("#/tasks/{n}/print/{name}"),
                (false, n, name) => format!("#/meetings/{n}/print/{name}"),
            },
        }
    }

    /// The top-level navigation section this route belongs to (for highlighting the nav).
    pub fn section(&self) -> Section {
        match self {
            Route::Home | Route::NotFound(_) => Section::Home,
            Route::Meetings
            | Route::MeetingNew
            | Route::Meeting(_)
            | Route::MeetingLive(_)
            | Route::MeetingMinutes(_)
            | Route::MeetingSummary(_) => Section::Meetings,
            // A 民主生活会's cycle is a duty: its screen sits under the 履职 tabs.
            Route::DemocraticLife(_) => Section::Duties,
            Route::Items | Route::ItemNew | Route::Item(_) => Section::Items,
            Route::Tasks | Route::Task(_) => Section::Tasks,
            Route::Print(d) => d.back().section(),
            Route::Duties(_)
            | Route::DutyMembers(_)
            | Route::Evidence
            | Route::Calendar(_)
            | Route::Study(_)
            | Route::Report(_) => Section::Duties,
            Route::Rules(_) => Section::Rules,
            Route::Settings => Section::Settings,
            Route::Data => Section::Data,
            Route::Search(_) => Section::Search,
        }
    }

    /// Going from this route to `next` keeps the page on show, which follows `next` in place:
    /// the duty dashboard of another year keeps its frame and the rows whose figures did not
    /// change (a year click would otherwise lay out most of the page again). Any other
    /// change of address builds the page anew, also an address that names the same route again
    /// (a page reads a `?id=` or `?year=` of the address when it is built).
    pub fn same_screen(&self, next: &Route) -> bool {
        matches!((self, next), (Route::Duties(_), Route::Duties(_)))
    }
}

/// Top-level navigation sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Home,
    Meetings,
    Items,
    Tasks,
    Duties,
    Rules,
    Settings,
    Data,
    Search,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_dashboard_years_share_a_screen() {
        assert!(Route::Duties(Some(2024)).same_screen(&Route::Duties(Some(2025))));
        assert!(Route::Duties(Some(2024)).same_screen(&Route::Duties(None)));
        assert!(Route::Duties(None).same_screen(&Route::Duties(None)));
        // The other year-bearing duty screens, screens of one record, and an address that names
        // the same route again (the evidence list with another ?id=) build the page anew.
        assert!(!Route::DutyMembers(Some(2024)).same_screen(&Route::DutyMembers(Some(2025))));
        assert!(!Route::Report(Some(2024)).same_screen(&Route::Report(Some(2024))));
        assert!(!Route::Meeting(1).same_screen(&Route::Meeting(2)));
        assert!(!Route::Meeting(1).same_screen(&Route::Meeting(1)));
        assert!(!Route::Evidence.same_screen(&Route::Evidence));
        assert!(!Route::Search("公路".into()).same_screen(&Route::Search("公路".into())));
        assert!(!Route::Duties(None).same_screen(&Route::DutyMembers(None)));
        assert!(!Route::DutyMembers(None).same_screen(&Route::Duties(None)));
    }

    #[test]
    fn every_route_round_trips_through_its_hash() {
        let routes = [
            Route::Home,
            Route::Meetings,
            Route::MeetingNew,
            Route::Meeting(3),
            Route::MeetingLive(3),
            Route::MeetingMinutes(3),
            Route::MeetingSummary(3),
            Route::DemocraticLife(4),
            Route::Items,
            Route::ItemNew,
            Route::Item(7),
            Route::Tasks,
            Route::Task(9),
            Route::Duties(None),
            Route::Duties(Some(2026)),
            Route::DutyMembers(Some(2025)),
            Route::Evidence,
            Route::Calendar(Some((2026, 1))),
            Route::Study(Some(2026)),
            Route::Report(Some(2026)),
            Route::Rules(None),
            Route::Rules(Some(18)),
            Route::Settings,
            Route::Data,
            Route::Search("人事任免 决定".into()),
            Route::Print(PrintDoc::Notice(3)),
            Route::Print(PrintDoc::SignIn(3)),
            Route::Print(PrintDoc::BallotNamed(3)),
            Route::Print(PrintDoc::BallotSecret(3)),
            Route::Print(PrintDoc::Tally(3)),
            Route::Print(PrintDoc::Record(3)),
            Route::Print(PrintDoc::TaskNotice(9)),
            Route::Print(PrintDoc::TaskReminder(9)),
        ];
        for r in routes {
            assert_eq!(Route::parse(&r.href()), r, "{}", r.href());
        }
    }

    #[test]
    fn empty_and_bad_hashes() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/rules/31"), Route::NotFound("/rules/31".into()));
        assert_eq!(Route::parse("#/meetings/x"), Route::NotFound("/meetings/x".into()));
        assert_eq!(Route::parse("#/calendar/2026-13"), Route::NotFound("/calendar/2026-13".into()));
        assert_eq!(Route::parse("#/search?q=%E5%B9%B2%E9%83%A8"), Route::Search("干部".into()));
        assert_eq!(Route::parse("#/search?q=%"), Route::Search("%".into()));
    }
}

#[cfg(test)]
mod link_tests {
    use super::Route;
    use crate::domain::rules::EvidenceRef;

    /// Links produced by the domain (evidence, risk hints) must name real screens.
    #[test]
    fn domain_links_parse_to_screens() {
        for link in [EvidenceRef::Meeting(3).href(), EvidenceRef::Evidence(4).href(), "#/duties/2026".into()] {
            assert!(!matches!(Route::parse(&link), Route::NotFound(_)), "{link}");
        }
    }

    /// A screen under the 履职 tabs highlights 履职 in the navigation.
    #[test]
    fn screens_under_the_duty_tabs_highlight_duties() {
        use super::Section;
        for r in [Route::DemocraticLife(4), Route::Study(None), Route::Evidence, Route::Duties(Some(2026))] {
            assert_eq!(r.section(), Section::Duties, "{r:?}");
        }
        assert_eq!(Route::MeetingMinutes(3).section(), Section::Meetings);
    }
}
