//! A live quorum banner: 应到会 N，实到 P，需要 Q, met or not, which reading of 以上 is used, and
//! the article (第十八条（四）).

use leptos::prelude::*;

use crate::app::use_app;
use crate::components::article_link::ArticleLink;
use crate::domain::rules::QuorumCheck;
use crate::domain::settings::Reading;
use crate::i18n::Lang;

/// Shows a quorum check; `label` names what it is for (the meeting, the current item).
#[component]
pub fn QuorumBanner(
    /// The label (e.g. 会议法定人数).
    #[prop(into)]
    label: Signal<String>,
    /// The check to show (reactive).
    #[prop(into)]
    check: Signal<Option<QuorumCheck>>,
    /// data-testid
    #[prop(optional)]
    testid: &'static str,
) -> impl IntoView {
    let state = use_app();
    view! {
        {move || check.get().map(|q| {
            let zh = state.lang.get() == Lang::Zh;
            let reading = match (q.reading, zh) {
                (Reading::Strict, true) => "“以上”按“超过”理解（不含本数）",
                (Reading::Strict, false) => "以上 read as “more than”",
                (Reading::Inclusive, true) => "“以上”含本数",
                (Reading::Inclusive, false) => "以上 read as “at least”",
            };
            let cls = if q.met { "quorum-banner quorum-ok" } else { "quorum-banner quorum-bad" };
            let verdict = match (q.met, zh) {
                (true, true) => "已达到法定人数",
                (true, false) => "Quorum met",
                (false, true) => "未达到法定人数",
                (false, false) => "No quorum",
            };
            view! {
                <div class=cls role="status" data-testid=(!testid.is_empty()).then_some(testid) data-met=q.met.to_string()>
                    <div class="quorum-head">
                        <strong>{label.get()}</strong>
                        <span class="quorum-fig"><span class="muted">{if zh { "应到会" } else { "Due" }}</span>" "<b data-testid="q-due">{q.due.due}</b></span>
                        <span class="quorum-fig"><span class="muted">{if zh { "实到" } else { "Present" }}</span>" "<b data-testid="q-present">{q.present}</b></span>
                        <span class="quorum-fig"><span class="muted">{if zh { "需要" } else { "Needed" }}</span>" "<b data-testid="q-needed">{q.needed}</b></span>
                        <span class=if q.met { "pill pill-ok" } else { "pill pill-bad" }>{verdict}</span>
                    </div>
                    <div class="quorum-detail">
                        {if zh { q.explain_zh() } else { q.explain_en() }}
                        " · "{reading}" "
                        <ArticleLink article=q.article/>
                    </div>
                </div>
            }
        })}
    }
}
