//! Paper 表决票 for 干部任免 items (one per voter per item, named or secret) and the 计票单
//! of a meeting. A secret ballot carries no name, number or page number: nothing on it may tell
//! whose it is (第十八条（五）).

use leptos::prelude::*;

use crate::app::use_app;
use crate::domain::official::{ballot_items, meeting_name, tally_rows, unit_party_group, voters};
use crate::domain::Id;
use crate::i18n::print::PrintText as T;

/// The ballots of a meeting: for each personnel item, one per voter.
#[component]
pub fn BallotsDoc(
    /// The meeting.
    id: Id,
    /// Named (记名): each ballot carries its voter's name and a signature line.
    named: bool,
) -> impl IntoView {
    let state = use_app();
    move || {
        state.db.with(|db| {
            let m = db.meeting(id)?;
            let items = ballot_items(db, m);
            if items.is_empty() {
                return Some(view! { <p class="card" data-testid="no-ballots">{state.t(T::NoBallotItems)}</p> }.into_any());
            }
            let head = format!("{}{}", unit_party_group(&db.org), meeting_name(m));
            let names = voters(&db.org, m);
            let kind = if named { "表决票（记名）" } else { "表决票（无记名）" };
            let ballots: Vec<(String, Option<String>)> = items
                .iter()
                .flat_map(|(_, t)| names.iter().map(move |n| (t.clone(), named.then(|| n.clone()))))
                .collect();
            Some(view! {
                <div class="doc doc-ballots" lang="zh-CN" data-testid="doc-ballots">
                    {ballots.into_iter().map(|(item, voter)| view! {
                        <section class="ballot" data-testid="ballot">
                            <h1 class="ballot-title">{head.clone()}<br/>{kind}</h1>
                            <p class="ballot-item">{format!("表决事项：{item}")}</p>
                            <table class="doc-table ballot-choices">
                                <thead><tr><th>"同意"</th><th>"不同意"</th><th>"弃权"</th></tr></thead>
                                <tbody><tr><td></td><td></td><td></td></tr></tbody>
                            </table>
                            <p class="ballot-note">"说明：请在选定栏内划“○”，只能选一项；多选、不选或另写他人的为无效票。"</p>
                            {voter.map(|v| view! { <p class="ballot-voter">{format!("表决人：{v}")}<span class="sign-line">"签名："</span></p> })}
                        </section>
                    }).collect_view()}
                </div>
            }.into_any())
        })
    }
}

/// The 计票单: each item's counts (filled in from the record, or blank to write in) and the
/// signatures of the counter, the scrutineer and the chair.
#[component]
pub fn TallyDoc(
    /// The meeting.
    id: Id,
) -> impl IntoView {
    let state = use_app();
    move || {
        state.db.with(|db| {
            let m = db.meeting(id)?;
            let rows = tally_rows(db, m);
            let cell = |c: &Option<[u32; 6]>, i: usize| c.map(|c| c[i].to_string()).unwrap_or_default();
            Some(view! {
                <article class="doc doc-a4 doc-tally" lang="zh-CN" data-testid="doc-tally">
                    <h1 class="doc-title">{format!("{}计票单", meeting_name(m))}</h1>
                    <p class="doc-meta"><span>{format!("时间：{}", crate::domain::official::date_time_zh(m))}</span></p>
                    <table class="doc-table tally-table">
                        <thead><tr>
                            <th>"序号"</th><th>"议题"</th><th>"表决方式"</th><th>"应到"</th><th>"实到"</th>
                            <th>"同意"</th><th>"不同意"</th><th>"弃权"</th><th>"无效"</th><th>"结果"</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().enumerate().map(|(i, r)| view! {
                                <tr data-testid="tally-row">
                                    <td>{i + 1}</td><td class="tally-title">{r.title.clone()}</td><td>{r.method.clone()}</td>
                                    {(0..6).map(|k| view! { <td>{cell(&r.counts, k)}</td> }).collect_view()}
                                    <td>{r.result.clone()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <p class="doc-signs"><span>"计票人："</span><span>"监票人："</span><span>"主持人："</span></p>
                </article>
            })
        })
    }
}
