//! The 会议记录 as a page of the 记录本 (minutes book): the meeting's particulars, each item's
//! remarks, vote and decision, and the signature lines of the chair and the recorder.

use leptos::prelude::*;

use crate::app::use_app;
use crate::domain::official::{attendance, date_time_zh, meeting_name, record_items};
use crate::domain::Id;

/// The 会议记录 page.
#[component]
pub fn RecordDoc(
    /// The meeting.
    id: Id,
) -> impl IntoView {
    let state = use_app();
    move || {
        state.db.with(|db| {
            let m = db.meeting(id)?;
            let chair = crate::domain::rules::chair_of(m).map(|c| db.org.member_name(c)).unwrap_or_default();
            let mut facts = vec![
                ("会议名称", meeting_name(m)),
                ("时间", date_time_zh(m)),
                ("地点", m.place.trim().to_string()),
                ("主持人", chair),
                ("记录人", m.recorder.trim().to_string()),
            ];
            facts.extend(attendance(&db.org, m));
            Some(view! {
                <article class="doc doc-a4 doc-record" lang="zh-CN" data-testid="doc-record">
                    <h1 class="doc-title">"党组会议记录"</h1>
                    <table class="doc-table record-facts">
                        <tbody>
                            {facts.into_iter().map(|(k, v)| view! { <tr><th scope="row">{k}</th><td>{v}</td></tr> }).collect_view()}
                        </tbody>
                    </table>
                    {record_items(db, m).into_iter().map(|it| view! {
                        <section class="record-item">
                            <h2 class="doc-h">{it.heading}</h2>
                            {it.remarks.into_iter().map(|r| view! { <p class="record-line">{r}</p> }).collect_view()}
                            <p class="record-line">{format!("表决情况：{}", it.vote)}</p>
                            <p class="record-line">{format!("会议决定：{}", it.decision)}</p>
                        </section>
                    }).collect_view()}
                    <p class="doc-signs" data-testid="record-signs"><span>"主持人（签字）："</span><span>"记录人（签字）："</span></p>
                </article>
            })
        })
    }
}
