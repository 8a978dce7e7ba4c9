//! 会议通知 (with the agenda) and 签到表 of a meeting, printed on A4 (`@page doc`).

use leptos::prelude::*;

use crate::app::use_app;
use crate::domain::article::cite;
use crate::domain::official::{agenda_lines, attendance, date_time_zh, meeting_name, sign_in_rows, unit_party_group};
use crate::domain::summary::date_zh;
use crate::domain::Id;

/// Blank rows at the end of a 签到表, for those who come without being listed.
const SPARE_ROWS: usize = 3;

/// The 会议通知: time, place, the agenda, who attends, and what to bring.
#[component]
pub fn NoticeDoc(
    /// The meeting.
    id: Id,
) -> impl IntoView {
    let state = use_app();
    move || {
        state.db.with(|db| {
            let m = db.meeting(id)?;
            let name = meeting_name(m);
            let when = date_time_zh(m);
            let place = if m.place.trim().is_empty() { "（待定）".to_string() } else { m.place.trim().to_string() };
            let issued = m.notice.as_ref().map(|n| n.on).unwrap_or_else(|| state.today.get_untracked());
            let who = attendance(&db.org, m)
                .into_iter()
                .filter(|(g, _)| *g == "出席" || *g == "列席")
                .map(|(g, v)| format!("{}：{v}", if g == "出席" { "党组成员" } else { "列席人员" }))
                .collect::<Vec<_>>();
            Some(view! {
                <article class="doc doc-a4 doc-notice" lang="zh-CN" data-testid="doc-notice">
                    <h1 class="doc-title">{format!("关于召开{name}的通知")}</h1>
                    <p class="doc-to">"各位党组成员、有关同志："</p>
                    <p class="doc-para">{format!("经党组书记同意，定于{when}在{place}召开{name}。现将有关事项通知如下：")}</p>
                    <h2 class="doc-h">"一、会议时间"</h2>
                    <p class="doc-para">{when}</p>
                    <h2 class="doc-h">"二、会议地点"</h2>
                    <p class="doc-para">{place}</p>
                    <h2 class="doc-h">"三、会议议程"</h2>
                    {agenda_lines(db, m).into_iter().map(|l| view! { <p class="doc-para" data-testid="notice-agenda">{l}</p> }).collect_view()}
                    <h2 class="doc-h">"四、参会人员"</h2>
                    {who.into_iter().map(|l| view! { <p class="doc-para">{l}</p> }).collect_view()}
                    <h2 class="doc-h">"五、有关要求"</h2>
                    <p class="doc-para">{format!("请参会人员提前阅读会议材料，准时参会。因故不能参会的，请于会前向党组书记请假（{}）。", cite::QUORUM.zh())}</p>
                    <div class="doc-signature">
                        <p>{unit_party_group(&db.org)}</p>
                        <p>{date_zh(issued)}</p>
                    </div>
                </article>
            })
        })
    }
}

/// The 签到表: number, name, position and a column to sign in.
#[component]
pub fn SignInDoc(
    /// The meeting.
    id: Id,
) -> impl IntoView {
    let state = use_app();
    move || {
        state.db.with(|db| {
            let m = db.meeting(id)?;
            let rows = sign_in_rows(&db.org, m);
            let n = rows.len();
            Some(view! {
                <article class="doc doc-a4 doc-sign-in" lang="zh-CN" data-testid="doc-sign-in">
                    <h1 class="doc-title">{format!("{}签到表", meeting_name(m))}</h1>
                    <p class="doc-meta">
                        <span>{format!("时间：{}", date_time_zh(m))}</span>
                        <span>{format!("地点：{}", m.place.trim())}</span>
                    </p>
                    <table class="doc-table">
                        <thead><tr><th class="col-no">"序号"</th><th class="col-name">"姓名"</th><th>"职务"</th><th class="col-sign">"签名"</th></tr></thead>
                        <tbody>
                            {rows.into_iter().enumerate().map(|(i, p)| view! {
                                <tr data-testid="sign-in-row"><td>{i + 1}</td><td>{p.name}</td><td>{p.position}</td><td></td></tr>
                            }).collect_view()}
                            {(0..SPARE_ROWS).map(|i| view! { <tr><td>{n + i + 1}</td><td></td><td></td><td></td></tr> }).collect_view()}
                        </tbody>
                    </table>
                </article>
            })
        })
    }
}
