//! The duty frequencies of the 履职台账 and the date it starts from.

use crate::records::Reads;
use leptos::prelude::*;

use super::editor::{slot, Editor};
use super::input::SettingInput;
use super::rules::NumberSetting;
use crate::domain::article::Article;
use crate::i18n::{Message, Ui};

/// How often each duty is due, each with its article.
#[component]
pub(super) fn DutySettings(
    /// The screen's editor.
    ed: Editor,
) -> impl IntoView {
    let state = ed.state;
    view! {
        <h3>{move || state.t(Ui::DutiesSection)}</h3>
        <LedgerStartSetting ed=ed/>
        <div class="grid2">
            <NumberSetting ed=ed label=Ui::MeetingEveryMonths key="meeting_every_months" article=Article::clause(18, 1)
                get=|r| r.duties.meeting_every_months as u64 set=|r, v| r.duties.meeting_every_months = v.min(999) as u32/>
            <NumberSetting ed=ed label=Ui::StudyPerYear key="study_per_year" article=Article::clause(22, 1)
                get=|r| r.duties.study_per_year as u64 set=|r, v| r.duties.study_per_year = v.min(999) as u32/>
            <NumberSetting ed=ed label=Ui::SeminarEveryMonths key="seminar_every_months" article=Article::clause(22, 1)
                get=|r| r.duties.seminar_every_months as u64 set=|r, v| r.duties.seminar_every_months = v.min(999) as u32/>
            <NumberSetting ed=ed label=Ui::ReportsPerYear key="reports_per_year" article=Article::new(12)
                get=|r| r.duties.reports_per_year as u64 set=|r, v| r.duties.reports_per_year = v.min(999) as u32/>
            <NumberSetting ed=ed label=Ui::DemocraticLifePerYear key="democratic_life_per_year" article=Article::clause(23, 1)
                get=|r| r.duties.democratic_life_per_year as u64 set=|r, v| r.duties.democratic_life_per_year = v.min(999) as u32/>
            <NumberSetting ed=ed label=Ui::DemocraticLifeReportDays key="democratic_life_report_days" article=Article::clause(23, 4)
                get=|r| r.duties.democratic_life_report_days as u64 set=|r, v| r.duties.democratic_life_report_days = v.min(999) as u32/>
            <NumberSetting ed=ed label=Ui::BranchReportsPerYear key="branch_reports_per_year" article=Article::new(24)
                get=|r| r.duties.branch_reports_per_year as u64 set=|r, v| r.duties.branch_reports_per_year = v.min(999) as u32/>
            <NumberSetting ed=ed label=Ui::VillageDaysPerYear key="village_days_per_year" article=Article::new(26)
                get=|r| r.duties.village_days_per_year as u64 set=|r, v| r.duties.village_days_per_year = v.min(999) as u32/>
            <NumberSetting ed=ed label=Ui::IntegrityMeetingsPerHalfYear key="integrity_meetings_per_half_year" article=Article::new(27)
                get=|r| r.duties.integrity_meetings_per_half_year as u64 set=|r, v| r.duties.integrity_meetings_per_half_year = v.min(999) as u32/>
            <NumberSetting ed=ed label=Ui::IdeologyMeetingsPerYear key="ideology_meetings_per_year" article=Article::new(28)
                get=|r| r.duties.ideology_meetings_per_year as u64 set=|r, v| r.duties.ideology_meetings_per_year = v.min(999) as u32/>
            <NumberSetting ed=ed label=Ui::IdeologyBriefingsPerYear key="ideology_briefings_per_year" article=Article::new(28)
                get=|r| r.duties.ideology_briefings_per_year as u64 set=|r, v| r.duties.ideology_briefings_per_year = v.min(999) as u32/>
        </div>
    }
}

/// 台账起始日期: nothing before it is required or flagged. Empty means the date of the first
/// record, which the hint shows.
#[component]
fn LedgerStartSetting(
    /// The screen's editor.
    ed: Editor,
) -> impl IntoView {
    let state = ed.state;
    let at = slot("ledger-start");
    let first = Memo::new(move |_| state.db.with(crate::domain::rules::duty::first_record));
    let value = Memo::new(move |_| {
        state.db.reading(&[Reads::SETTINGS], |db| {
            db.settings.duties.ledger_start.map(|d| d.to_string()).unwrap_or_default()
        })
    });
    let commit = Callback::new(move |v: String| match super::parse_date(&v) {
        None if !v.trim().is_empty() => {
            ed.refuse(at, Message::new(crate::i18n::meetings::MeetingsText::EnterValidDate))
        }
        d => {
            ed.change(at, move |db| db.settings.duties.ledger_start = d);
        }
    });
    view! {
        <div class="field-with-hint">
            <SettingInput ed=ed label=move || state.t(Ui::LedgerStart) kind="date" value=value at=at commit=commit
                testid="setting-ledger-start".to_string()/>
            <span class="muted">{move || {
                let f = first.get().map(|d| format!("{}{}", state.colon(), state.lang.get().date(d))).unwrap_or_default();
                format!("{}{f}", state.t(Ui::LedgerStartHint))
            }}</span>
        </div>
    }
}
