//! Charts drawn as inline SVG (no chart library, no network). Each chart is an `<svg
//! role="img">` with a `<title>` and a `<desc>` for screen readers; colours are not the only
//! cue (values are written next to the bars).

use leptos::prelude::*;

/// One horizontal bar: label, value, the value that fills the bar, and whether it is bad.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: u32,
    pub full: u32,
    pub bad: bool,
    /// Text written after the bar, e.g. "3/12".
    pub text: String,
}

/// Horizontal bars, one per row (duty fulfilment, items by category, rates).
#[component]
pub fn ChartBars(
    /// Accessible title.
    #[prop(into)]
    title: String,
    /// Accessible description.
    #[prop(into)]
    desc: String,
    /// The bars.
    bars: Vec<Bar>,
    /// id prefix (unique on the page).
    id: &'static str,
) -> impl IntoView {
    let row = 26.0;
    let label_w = 230.0;
    let bar_w = 300.0;
    let h = (bars.len() as f64 * row + 8.0).max(30.0);
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled = format!("{title_id} {desc_id}");
    view! {
        <svg class="chart chart-bars" viewBox=format!("0 0 600 {h}") width="100%" role="img"
            aria-labelledby=labelled data-testid=id>
            <title id=title_id>{title}</title>
            <desc id=desc_id>{desc}</desc>
            {bars.into_iter().enumerate().map(|(i, b)| {
                let y = 4.0 + i as f64 * row;
                let frac = if b.full == 0 { 0.0 } else { (b.value as f64 / b.full as f64).min(1.0) };
                let class = if b.bad { "chart-bar bad" } else if frac >= 1.0 { "chart-bar ok" } else { "chart-bar" };
                view! {
                    <g>
                        <text x=label_w - 8.0 y=y + 16.0 text-anchor="end" class="chart-label">{b.label}</text>
                        <rect x=label_w y=y + 3.0 width=bar_w height=row - 8.0 class="chart-track"/>
                        <rect x=label_w y=y + 3.0 width=bar_w * frac height=row - 8.0 class=class/>
                        <text x=label_w + bar_w + 8.0 y=y + 16.0 class="chart-value">{b.text}</text>
                    </g>
                }
            }).collect_view()}
        </svg>
    }
}

/// Vertical columns with a dashed line at the required level (meetings per month).
#[component]
pub fn ChartColumns(
    /// Accessible title.
    #[prop(into)]
    title: String,
    /// Accessible description.
    #[prop(into)]
    desc: String,
    /// Label and value of each column.
    columns: Vec<(String, u32)>,
    /// The required level (drawn as a line; columns below it, in the past, are red).
    required: u32,
    /// How many leading columns are in the past (only those can be short).
    past: usize,
    /// id prefix.
    id: &'static str,
) -> impl IntoView {
    let (w, h, top, bottom, left) = (600.0, 200.0, 16.0, 28.0, 28.0);
    let max = columns.iter().map(|c| c.1).max().unwrap_or(0).max(required).max(1) as f64;
    let n = columns.len().max(1) as f64;
    let slot = (w - left - 8.0) / n;
    let scale = (h - top - bottom) / max;
    let base = h - bottom;
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled = format!("{title_id} {desc_id}");
    view! {
        <svg class="chart chart-columns" viewBox=format!("0 0 {w} {h}") width="100%" role="img"
            aria-labelledby=labelled data-testid=id>
            <title id=title_id>{title}</title>
            <desc id=desc_id>{desc}</desc>
            <line x1=left y1=base x2=w - 8.0 y2=base class="chart-axis"/>
            {columns.into_iter().enumerate().map(|(i, (label, v))| {
                let x = left + i as f64 * slot + slot * 0.2;
                let bh = v as f64 * scale;
                let short = i < past && v < required;
                view! {
                    <g data-short=short.then_some("true")>
                        <rect x=x y=base - bh width=slot * 0.6 height=bh class=if short { "chart-col bad" } else { "chart-col" }/>
                        {short.then(|| view! { <rect x=x y=base - 4.0 width=slot * 0.6 height=4.0 class="chart-col bad"/> })}
                        <text x=x + slot * 0.3 y=base - bh - 4.0 text-anchor="middle" class="chart-value">{v}</text>
                        <text x=x + slot * 0.3 y=h - 8.0 text-anchor="middle" class="chart-label">{label}</text>
                    </g>
                }
            }).collect_view()}
            {(required > 0).then(|| {
                let y = base - required as f64 * scale;
                view! { <line x1=left y1=y x2=w - 8.0 y2=y class="chart-required"/> }
            })}
        </svg>
    }
}
