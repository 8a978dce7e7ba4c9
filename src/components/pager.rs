//! Paging for long lists (分页显示): lists that grow with the years show the first `PAGE`
//! rows (newest first, or the first matches of the current filters) and a large "显示更多"
//! button that adds `PAGE` more, with a count "显示 50 / 共 1,500 条". Filters and counts
//! keep working on the full set; only the rendering is limited, so a click paints quickly.

use leptos::prelude::*;

use crate::app::use_app;
use crate::i18n::phrases::Phrase;

/// Rows shown at first and added by each "显示更多".
pub const PAGE: usize = 50;

/// `n` with thousands separators: 1500 → "1,500".
pub fn grouped(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// How many rows to render: the limit, but never more than there are.
pub fn visible(limit: usize, total: usize) -> usize {
    limit.min(total)
}

/// The limit that keeps row `index` (0-based) visible: `PAGE` or the next page boundary past it.
pub fn limit_showing(index: Option<usize>) -> usize {
    match index {
        Some(i) if i >= PAGE => (i / PAGE + 1) * PAGE,
        _ => PAGE,
    }
}

/// The count line ("显示 50 / 共 1,500 条") and, while rows are hidden, the "显示更多" button.
/// `limit` is the list's own signal; the list renders `visible(limit, total)` rows.
#[component]
pub fn Pager(
    /// Rows in the full (filtered) set.
    #[prop(into)]
    total: Signal<usize>,
    /// How many rows the list renders at most.
    limit: RwSignal<usize>,
) -> impl IntoView {
    let state = use_app();
    move || {
        let total = total.get();
        let shown = visible(limit.get(), total);
        let lang = state.lang.get();
        let count = lang.of(&Phrase::Showing { shown: grouped(shown), total: grouped(total) });
        (total > PAGE).then(|| {
            view! {
                <div class="pager no-print">
                    <p class="muted pager-count" data-testid="pager-count" aria-live="polite">{count}</p>
                    {(shown < total).then(|| view! {
                        <button type="button" class="btn pager-more" data-testid="show-more"
                            on:click=move |_| limit.update(|l| *l = visible(*l, total) + PAGE)>
                            {lang.of(&Phrase::ShowMore((total - shown).min(PAGE)))}
                        </button>
                    })}
                </div>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(1500), "1,500");
        assert_eq!(grouped(1234567), "1,234,567");
    }

    #[test]
    fn visible_is_capped_by_total() {
        assert_eq!(visible(PAGE, 12), 12);
        assert_eq!(visible(PAGE, 1500), 50);
        assert_eq!(visible(100, 100), 100);
        assert_eq!(visible(150, 120), 120);
    }

    #[test]
    fn limit_keeps_a_focused_row_visible() {
        assert_eq!(limit_showing(None), 50);
        assert_eq!(limit_showing(Some(0)), 50);
        assert_eq!(limit_showing(Some(49)), 50);
        assert_eq!(limit_showing(Some(50)), 100);
        assert_eq!(limit_showing(Some(149)), 150);
    }
}
