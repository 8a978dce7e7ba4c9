//! The rules screen: the whole 党组工作规则 by chapter and article, searchable. `#/rules/18`
//! opens 第十八条; other screens link here.

use std::sync::OnceLock;

use leptos::prelude::*;

use crate::app::use_app;
use crate::components::highlight::highlighted;
use crate::domain::article::Article;
use crate::domain::rules_text::{document, RuleArticle, RulesDocument};
use crate::i18n::Ui;

fn doc() -> &'static RulesDocument {
    static DOC: OnceLock<RulesDocument> = OnceLock::new();
    DOC.get_or_init(document)
}

/// The rules screen's query as one term to mark (it is found as typed, spaces included; the
/// rules text has no letters with case); none when empty.
fn query_term(query: &str) -> Vec<String> {
    if query.is_empty() {
        Vec::new()
    } else {
        vec![query.to_lowercase()]
    }
}

/// One article with optional highlighting.
#[component]
fn ArticleView(
    /// The article.
    article: &'static RuleArticle,
    /// Text to highlight.
    #[prop(into)]
    query: Signal<String>,
    /// Whether this article is the one opened by the route.
    #[prop(default = false)]
    focused: bool,
) -> impl IntoView {
    view! {
        <article class="rule-article" class:focused=focused id=format!("article-{}", article.number)>
            <h3 class="rule-number">
                <a href=Article::new(article.number).href()>{Article::new(article.number).zh()}</a>
            </h3>
            {article
                .paragraphs
                .iter()
                .map(|p| {
                    let p = p.clone();
                    view! {
                        <p class="rule-para">
                            {move || highlighted(&p, &query_term(&query.get()))}
                        </p>
                    }
                })
                .collect_view()}
        </article>
    }
}

/// The rules screen; `article` opens one article.
#[component]
pub fn RulesPage(
    /// Article number from the route (`#/rules/18`).
    article: Option<u8>,
) -> impl IntoView {
    let state = use_app();
    let query = RwSignal::new(String::new());
    let d = doc();
    let focused = article.and_then(|n| d.article(n));
    let matches = move || {
        let q = query.get();
        d.articles().filter(|a| q.is_empty() || a.paragraphs.iter().any(|p| p.contains(&q))).count()
    };
    view! {
        <section class="page rules-page">
            <h1>{d.title.iter().take(2).cloned().collect::<Vec<_>>().join("")}</h1>
            <p class="muted">{d.title.iter().skip(2).cloned().collect::<Vec<_>>().join(" ")}</p>
            {focused.map(|a| {
                let prev = (a.number > 1).then(|| Article::new(a.number - 1));
                let next = (a.number < 30).then(|| Article::new(a.number + 1));
                view! {
                    <div class="card rule-focus" data-testid="rule-focus">
                        <ArticleView article=a query=Signal::derive(String::new) focused=true/>
                        <div class="row gap">
                            {prev.map(|p| view! { <a class="btn btn-quiet" href=p.href()>{"← "}{move || state.lang.get().of(&p)}</a> })}
                            <a class="btn btn-quiet" href="#/rules">{state.tr(Ui::AllArticles)}</a>
                            {next.map(|n| view! { <a class="btn btn-quiet" href=n.href()>{move || state.lang.get().of(&n)}{" →"}</a> })}
                        </div>
                    </div>
                }
            })}
            <label class="field search-field">
                <span class="field-label">{state.tr(Ui::RulesSearch)}</span>
                <input
                    type="search"
                    data-testid="rules-search"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev).trim().to_string())
                />
            </label>
            {move || {
                (!query.get().is_empty())
                    .then(|| {
                        let n = matches();
                        view! {
                            <p class="muted" role="status">
                                {if n == 0 { state.t(Ui::RulesNoMatch).to_string() } else { format!("{n} {}", state.t(Ui::Matches)) }}
                            </p>
                        }
                    })
            }}
            {d
                .chapters
                .iter()
                .map(|ch| {
                    let arts = &ch.articles;
                    let visible = move || {
                        let q = query.get();
                        q.is_empty() || arts.iter().any(|a| a.paragraphs.iter().any(|p| p.contains(&q)))
                    };
                    view! {
                        <section class="rule-chapter" class:hidden=move || !visible()>
                            <h2>{ch.heading.clone()}</h2>
                            {arts
                                .iter()
                                .map(|a| {
                                    let shown = move || {
                                        let q = query.get();
                                        q.is_empty() || a.paragraphs.iter().any(|p| p.contains(&q))
                                    };
                                    view! {
                                        <div class:hidden=move || !shown()>
                                            <ArticleView article=a query=query/>
                                        </div>
                                    }
                                })
                                .collect_view()}
                        </section>
                    }
                })
                .collect_view()}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::query_term;
    use crate::domain::search::marked;

    #[test]
    fn highlights_every_occurrence() {
        assert_eq!(
            marked("党组会议由党组书记召集，党组会议", &query_term("党组会议")),
            vec![("党组会议".into(), true), ("由党组书记召集，".into(), false), ("党组会议".into(), true)]
        );
        assert_eq!(marked("abc", &query_term("")), vec![("abc".into(), false)]);
        // The query is one term, spaces included (as the article filter finds it).
        assert_eq!(marked("党组 会议", &query_term("党组 会议")), vec![("党组 会议".into(), true)]);
        assert_eq!(marked("党组会议", &query_term("党组 会议")), vec![("党组会议".into(), false)]);
    }
}
