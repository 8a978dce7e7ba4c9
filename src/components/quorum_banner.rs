//! A live quorum banner: 应到会 N，实到 P，需要 Q, met or not, which reading of 以上 is used, and
//! the article (第十八条（四）).

use leptos::prelude::*;

use crate::app::use_app;
use crate::components::article_link::ArticleLink;
use crate::domain::rules::QuorumCheck;
use crate::domain::settings::Reading;
use crate::i18n::meetings::MeetingsText as T;

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
            let lang = state.lang.get();
            let reading = state.t(match q.reading {
                Reading::Strict => T::ReadingStrict,
                Reading::Inclusive => T::ReadingInclusive,
            });
            let cls = if q.met { "quorum-banner quorum-ok" } else { "quorum-banner quorum-bad" };
            let verdict = state.t(if q.met { T::QuorumMet } else { T::QuorumNotMet });
            view! {
                <div class=cls role="status" data-testid=(!testid.is_empty()).then_some(testid) data-met=q.met.to_string()>
                    <div class="quorum-head">
                        <strong>{label.get()}</strong>
                        <span class="quorum-fig"><span class="muted">{state.t(T::QuorumDue)}</span>" "<b data-testid="q-due">{q.due.due}</b></span>
                        <span class="quorum-fig"><span class="muted">{state.t(T::QuorumPresent)}</span>" "<b data-testid="q-present">{q.present}</b></span>
                        <span class="quorum-fig"><span class="muted">{state.t(T::QuorumNeeded)}</span>" "<b data-testid="q-needed">{q.needed}</b></span>
                        <span class=if q.met { "pill pill-ok" } else { "pill pill-bad" }>{verdict}</span>
                    </div>
                    <div class="quorum-detail">
                        {lang.pick(q.explain_zh(), q.explain_en())}
                        " · "{reading}" "
                        <ArticleLink article=q.article/>
                    </div>
                </div>
            }
        })}
    }
}
