//! Charts drawn as inline SVG (no chart library, no network). Each chart is an `<svg
//! role="img">` with a `<title>` and a `<desc>` for screen readers; colours are not the only
//! cue (values are written next to the bars).
//!
//! The content of each `<svg>` is written as one markup string ([`bars_markup`],
//! [`columns_markup`]) and set as its `innerHTML`: the browser's parser builds the ~260 shapes
//! of a year's charts in one call, where building them node by node from wasm made a thousand
//! calls across the boundary, the larger part of showing another year's dashboard. Every text and attribute value is escaped.

use std::fmt::Write;

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

/// `s` with the five XML-special characters escaped (for text and attribute values, in SVG
/// and in the printed documents' HTML).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A viewBox coordinate written with at most two decimals and no trailing zeros: `75`, `67.68`,
/// `13.5` (a hundredth of a unit is far below a pixel). `f64`'s own `Display` finds the shortest
/// form that reads back exactly, and that search was the largest single cost of writing a
/// year's charts (with its 128-bit arithmetic); this rounds once and writes digits.
struct Num(f64);

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let hundredths = (self.0 * 100.0).round();
        // Outside ±2^53 hundredths or not a number (never in a chart): 0, a coordinate every
        // viewer reads. Not `f64`'s own form: the float formatter would be in the wasm for it.
        if hundredths.is_nan() || hundredths.abs() >= 9_007_199_254_740_992.0 {
            return f.write_str("0");
        }
        let h = hundredths as i64;
        let (whole, frac) = (h.unsigned_abs() / 100, h.unsigned_abs() % 100);
        let mut buf = [0u8; 24];
        let mut at = buf.len();
        if frac != 0 {
            let (tens, ones) = (frac / 10, frac % 10);
            if ones != 0 {
                at -= 1;
                buf[at] = b'0' + ones as u8;
            }
            at -= 1;
            buf[at] = b'0' + tens as u8;
            at -= 1;
            buf[at] = b'.';
        }
        let mut n = whole;
        loop {
            at -= 1;
            buf[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        if h < 0 {
            at -= 1;
            buf[at] = b'-';
        }
        // Only ASCII digits, '.' and '-' were written.
        f.write_str(std::str::from_utf8(&buf[at..]).unwrap_or("0"))
    }
}

/// The `<title>` and `<desc>` every chart starts with (named by the svg's aria-labelledby).
fn heading(out: &mut String, id: &str, title: &str, desc: &str) {
    let (id, title, desc) = (esc(id), esc(title), esc(desc));
    let _ = write!(out, r#"<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>"#);
}

/// How a chart is drawn. A chart is scaled to the width of its card, so its text shrinks with
/// it: `Wide` (600 units across, labels beside the bars) suits a tablet or a desktop; on a phone
/// it came out at ~7 px, so `Narrow` draws 360 units across with each label above its bar
/// (~12 px text on a 390 px screen).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartLayout {
    Wide,
    Narrow,
}

impl ChartLayout {
    /// Width of the viewBox.
    pub fn width(self) -> f64 {
        match self {
            ChartLayout::Wide => 600.0,
            ChartLayout::Narrow => 360.0,
        }
    }

    /// The layout for a window `inner_width` CSS pixels wide: narrow below 640 px, where a wide
    /// drawing would have text under 12 px (the chart spans the card, ~52 px less than the window).
    pub fn for_window_width(inner_width: f64) -> Self {
        if inner_width < 640.0 {
            ChartLayout::Narrow
        } else {
            ChartLayout::Wide
        }
    }
}

/// The chart layout for the current window width, following rotation and resizing (a
/// `resize` listener, removed with the calling component).
pub fn use_chart_layout() -> Signal<ChartLayout> {
    let width = || web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).unwrap_or(1024.0);
    let layout = RwSignal::new(ChartLayout::for_window_width(width()));
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        let now = ChartLayout::for_window_width(width());
        if now != layout.get_untracked() {
            layout.set(now);
        }
    });
    on_cleanup(move || handle.remove());
    layout.into()
}

/// Geometry of [`ChartBars`] (viewBox units). Wide: row height, label column, bar length.
/// Narrow: row height (a label line above a bar), bar height.
const BAR_ROW: f64 = 26.0;
const BAR_LABEL_W: f64 = 230.0;
const BAR_W: f64 = 300.0;
const NARROW_BAR_ROW: f64 = 42.0;
const NARROW_BAR_H: f64 = 14.0;

/// Height of a bar chart's viewBox for `n` bars.
fn bars_height(n: usize, layout: ChartLayout) -> f64 {
    let row = if layout == ChartLayout::Wide { BAR_ROW } else { NARROW_BAR_ROW };
    (n as f64 * row + 8.0).max(30.0)
}

/// The content of a bar chart's `<svg>`: title, description and one `<g>` per bar (label, track,
/// filled part, value text). The filled part is `value / full` of the track, at most all of it;
/// its class says bad (red), full (green) or in between. Without bars the description is also
/// written in the chart, so the card does not look empty. `Narrow` puts the label at the left
/// and the value at the right of a line above a full-width bar.
pub fn bars_markup(id: &str, title: &str, desc: &str, bars: &[Bar], layout: ChartLayout) -> String {
    let mut out = String::with_capacity(256 + bars.len() * 320);
    heading(&mut out, id, title, desc);
    if bars.is_empty() {
        let _ = write!(out, r#"<text x="8" y="20" class="chart-value">{}</text>"#, esc(desc));
    }
    let (row, label_w, bar_w) = (BAR_ROW, BAR_LABEL_W, BAR_W);
    for (i, b) in bars.iter().enumerate() {
        let frac = if b.full == 0 { 0.0 } else { (b.value as f64 / b.full as f64).min(1.0) };
        let class = if b.bad {
            "chart-bar bad"
        } else if frac >= 1.0 {
            "chart-bar ok"
        } else {
            "chart-bar"
        };
        if layout == ChartLayout::Narrow {
            let y = 4.0 + i as f64 * NARROW_BAR_ROW;
            let w = layout.width();
            let _ = write!(
                out,
                concat!(
                    r#"<g><text x="0" y="{ty}" class="chart-label">{label}</text>"#,
                    r#"<rect x="0" y="{ry}" width="{w}" height="{h}" class="chart-track"></rect>"#,
                    r#"<rect x="0" y="{ry}" width="{fw}" height="{h}" class="{class}"></rect>"#,
                    r#"<text x="{w}" y="{ty}" text-anchor="end" class="chart-value">{text}</text></g>"#,
                ),
                ty = Num(y + 13.0),
                label = esc(&b.label),
                ry = Num(y + 19.0),
                w = Num(w),
                h = Num(NARROW_BAR_H),
                fw = Num(w * frac),
                class = class,
                text = esc(&b.text),
            );
            continue;
        }
        let y = 4.0 + i as f64 * row;
        let _ = write!(
            out,
            concat!(
                r#"<g><text x="{lx}" y="{ty}" text-anchor="end" class="chart-label">{label}</text>"#,
                r#"<rect x="{x}" y="{ry}" width="{bar_w}" height="{h}" class="chart-track"></rect>"#,
                r#"<rect x="{x}" y="{ry}" width="{fw}" height="{h}" class="{class}"></rect>"#,
                r#"<text x="{vx}" y="{ty}" class="chart-value">{text}</text></g>"#,
            ),
            lx = Num(label_w - 8.0),
            ty = Num(y + 16.0),
            label = esc(&b.label),
            x = Num(label_w),
            ry = Num(y + 3.0),
            bar_w = Num(bar_w),
            h = Num(row - 8.0),
            fw = Num(bar_w * frac),
            class = class,
            vx = Num(label_w + bar_w + 8.0),
            text = esc(&b.text),
        );
    }
    out
}

/// Geometry of [`ChartColumns`] (viewBox units; the width is the layout's).
const COL_H: f64 = 200.0;
const COL_TOP: f64 = 16.0;
const COL_BOTTOM: f64 = 28.0;

/// Left margin of the columns: narrow leaves only room for the first label.
fn col_left(layout: ChartLayout) -> f64 {
    if layout == ChartLayout::Wide {
        28.0
    } else {
        8.0
    }
}

/// The content of a column chart's `<svg>`: title, description, the axis, one `<g>` per column
/// and a dashed line at `required` (when above zero). Of the first `past` columns, those below
/// `required` are short: red, with a red mark on the axis, and `data-short="true"` on the `<g>`.
pub fn columns_markup(
    id: &str,
    title: &str,
    desc: &str,
    columns: &[(String, u32)],
    required: u32,
    past: usize,
    layout: ChartLayout,
) -> String {
    let (w, h, top, bottom, left) = (layout.width(), COL_H, COL_TOP, COL_BOTTOM, col_left(layout));
    let max = columns.iter().map(|c| c.1).max().unwrap_or(0).max(required).max(1) as f64;
    let n = columns.len().max(1) as f64;
    let slot = (w - left - 8.0) / n;
    let scale = (h - top - bottom) / max;
    let base = h - bottom;
    let mut out = String::with_capacity(512 + columns.len() * 400);
    heading(&mut out, id, title, desc);
    let (left_n, base_n) = (Num(left), Num(base));
    let _ = write!(
        out,
        r#"<line x1="{left_n}" y1="{base_n}" x2="{}" y2="{base_n}" class="chart-axis"></line>"#,
        Num(w - 8.0)
    );
    for (i, (label, v)) in columns.iter().enumerate() {
        let x = left + i as f64 * slot + slot * 0.2;
        let bh = *v as f64 * scale;
        let (xn, cwn, bhn) = (Num(x), Num(slot * 0.6), Num(bh));
        let short = i < past && *v < required;
        let cx = Num(x + slot * 0.3);
        out.push_str(if short { r#"<g data-short="true">"# } else { "<g>" });
        let _ = write!(
            out,
            r#"<rect x="{xn}" y="{}" width="{cwn}" height="{bhn}" class="{}"></rect>"#,
            Num(base - bh),
            if short { "chart-col bad" } else { "chart-col" },
        );
        if short {
            let _ = write!(
                out,
                r#"<rect x="{xn}" y="{}" width="{cwn}" height="4" class="chart-col bad"></rect>"#,
                Num(base - 4.0)
            );
        }
        let _ = write!(
            out,
            r#"<text x="{cx}" y="{}" text-anchor="middle" class="chart-value">{v}</text><text x="{cx}" y="{}" text-anchor="middle" class="chart-label">{}</text></g>"#,
            Num(base - bh - 4.0),
            Num(h - 8.0),
            esc(label),
        );
    }
    if required > 0 {
        let y = base - required as f64 * scale;
        let y = Num(y);
        let _ = write!(
            out,
            r#"<line x1="{left_n}" y1="{y}" x2="{}" y2="{y}" class="chart-required"></line>"#,
            Num(w - 8.0)
        );
    }
    out
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
    /// Wide or narrow drawing ([`use_chart_layout`]).
    layout: ChartLayout,
) -> impl IntoView {
    let (w, h) = (layout.width(), bars_height(bars.len(), layout));
    view! {
        <svg class="chart chart-bars" viewBox=format!("0 0 {w} {h}") width="100%" role="img"
            aria-labelledby=format!("{id}-title {id}-desc") data-testid=id data-layout=format!("{layout:?}")
            inner_html=bars_markup(id, &title, &desc, &bars, layout)>
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
    /// Wide or narrow drawing ([`use_chart_layout`]).
    layout: ChartLayout,
) -> impl IntoView {
    let w = layout.width();
    view! {
        <svg class="chart chart-columns" viewBox=format!("0 0 {w} {COL_H}") width="100%" role="img"
            aria-labelledby=format!("{id}-title {id}-desc") data-testid=id data-layout=format!("{layout:?}")
            inner_html=columns_markup(id, &title, &desc, &columns, required, past, layout)>
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: u32, full: u32, bad: bool) -> Bar {
        Bar { label: label.into(), value, full, bad, text: format!("{value}/{full}") }
    }

    /// The `width` of the filled rect (the second rect) of each bar.
    fn fill_widths(markup: &str) -> Vec<f64> {
        markup
            .split("<g>")
            .skip(1)
            .map(|g| {
                let rect = g.split("<rect").nth(2).expect("two rects per bar");
                let w = rect.split("width=\"").nth(1).unwrap().split('"').next().unwrap();
                w.parse().unwrap()
            })
            .collect()
    }

    #[test]
    fn bars_fill_in_proportion_capped_and_zero_when_nothing_is_required() {
        let m = bars_markup(
            "c",
            "t",
            "d",
            &[bar("a", 3, 12, false), bar("b", 12, 12, false), bar("c", 5, 4, false), bar("z", 2, 0, false)],
            ChartLayout::Wide,
        );
        assert_eq!(fill_widths(&m), vec![75.0, 300.0, 300.0, 0.0]);
        // Full bars are green, others not; a bad bar is red whatever its fill.
        let m = bars_markup(
            "c",
            "t",
            "d",
            &[bar("full", 4, 4, false), bar("part", 1, 4, false), bar("late", 4, 4, true)],
            ChartLayout::Wide,
        );
        let classes: Vec<&str> =
            m.match_indices("class=\"chart-bar").map(|(i, _)| m[i + 7..].split('"').next().unwrap()).collect();
        assert_eq!(classes, vec!["chart-bar ok", "chart-bar", "chart-bar bad"]);
        assert_eq!(bars_height(0, ChartLayout::Wide), 30.0);
        assert!(!m.contains("<text x=\"8\""), "no placeholder beside bars");
        // No bars: the description is shown in the chart.
        assert!(bars_markup("c", "t", "本年没有上会议题", &[], ChartLayout::Wide)
            .ends_with(r#"<text x="8" y="20" class="chart-value">本年没有上会议题</text>"#));
        assert_eq!(bars_height(4, ChartLayout::Wide), 112.0);
    }

    #[test]
    fn text_and_ids_are_escaped() {
        let m = bars_markup(
            "x\"y",
            "<b>&",
            "a'b",
            &[Bar { label: "1<2 & \"3\"".into(), value: 1, full: 2, bad: false, text: "</text>".into() }],
            ChartLayout::Wide,
        );
        assert!(
            m.starts_with(
                r#"<title id="x&quot;y-title">&lt;b&gt;&amp;</title><desc id="x&quot;y-desc">a&#39;b</desc>"#
            ),
            "{m}"
        );
        assert!(m.contains(">1&lt;2 &amp; &quot;3&quot;</text>"), "{m}");
        assert!(m.contains(">&lt;/text&gt;</text>"), "{m}");
        assert_eq!(m.matches("<text").count(), 2);
        let m = columns_markup("m", "t", "d", &[("<".into(), 1)], 1, 1, ChartLayout::Wide);
        assert!(m.contains(">&lt;</text>"), "{m}");
    }

    #[test]
    fn short_months_are_only_past_months_below_the_requirement() {
        let cols: Vec<(String, u32)> =
            [2, 0, 1, 0, 3].iter().enumerate().map(|(i, v)| ((i + 1).to_string(), *v)).collect();
        // Three months past, one meeting required: months 2 is short; 4 is not past yet.
        let m = columns_markup("m", "t", "d", &cols, 1, 3, ChartLayout::Wide);
        let groups: Vec<&str> = m.split("<g").skip(1).collect();
        assert_eq!(groups.len(), 5);
        let short: Vec<bool> = groups.iter().map(|g| g.starts_with(r#" data-short="true">"#)).collect();
        assert_eq!(short, vec![false, true, false, false, false]);
        // A short month has its red mark on the axis; the required line is drawn at 1 of max 3.
        assert_eq!(groups[1].matches("chart-col bad").count(), 2);
        assert!(m.ends_with(r#"<line x1="28" y1="120" x2="592" y2="120" class="chart-required"></line>"#), "{m}");
        // Nothing required: no line, nothing short.
        let m = columns_markup("m", "t", "d", &cols, 0, 5, ChartLayout::Wide);
        assert!(!m.contains("chart-required") && !m.contains("data-short"));
        // Column heights scale to the largest value (3 → 156 units).
        // Coordinates are written to a hundredth (67.67999999999999 → 67.68).
        assert!(m.contains(r#"<rect x="501.76" y="16" width="67.68" height="156" class="chart-col">"#), "{m}");
    }

    #[test]
    fn narrow_bars_put_label_and_value_above_a_full_width_bar() {
        let bars = [bar("党组会议", 3, 12, false), bar("民主生活会", 1, 1, false)];
        let m = bars_markup("c", "t", "d", &bars, ChartLayout::Narrow);
        // The same proportions, of a 360-unit bar.
        assert_eq!(fill_widths(&m), vec![90.0, 360.0]);
        let g: Vec<&str> = m.split("<g>").skip(1).collect();
        // Label at the left and value at the right end of the line above each bar.
        assert!(
            g[0].starts_with(r#"<text x="0" y="17" class="chart-label">党组会议</text><rect x="0" y="23" width="360""#),
            "{}",
            g[0]
        );
        assert!(
            g[0].ends_with(r#"<text x="360" y="17" text-anchor="end" class="chart-value">3/12</text></g>"#),
            "{}",
            g[0]
        );
        assert!(g[1].starts_with(r#"<text x="0" y="59" class="chart-label">"#), "{}", g[1]);
        // The second row's label is below the first row's bar.
        const { assert!(59.0 - 13.0 > 23.0 + NARROW_BAR_H) };
        assert_eq!(bars_height(2, ChartLayout::Narrow), 92.0);
        assert_eq!(bars_height(0, ChartLayout::Narrow), 30.0);
        // The wide drawing of the same bars is unchanged by the layout switch.
        assert_eq!(fill_widths(&bars_markup("c", "t", "d", &bars, ChartLayout::Wide)), vec![75.0, 300.0]);
    }

    #[test]
    fn narrow_columns_span_360_units() {
        let cols: Vec<(String, u32)> = (1..=12).map(|m| (m.to_string(), (m % 3) as u32)).collect();
        let m = columns_markup("m", "t", "d", &cols, 1, 12, ChartLayout::Narrow);
        assert!(m.contains(r#"<line x1="8" y1="172" x2="352" y2="172" class="chart-axis"></line>"#), "{m}");
        // Twelve slots of (360 - 16) / 12 units; the last label is centred in the last slot.
        let slot = 344.0 / 12.0;
        let last = m.rsplit("<text x=\"").next().unwrap();
        assert!(last.ends_with(r#"" y="192" text-anchor="middle" class="chart-label">12</text></g><line x1="8" y1="94" x2="352" y2="94" class="chart-required"></line>"#), "{last}");
        let x: f64 = last.split('"').next().unwrap().parse().unwrap();
        // 337.6666… written to a hundredth.
        assert_eq!(x, ((8.0 + 11.5 * slot) * 100.0_f64).round() / 100.0, "{x}");
        assert_eq!(x, 337.67);
        assert_eq!(m.matches("data-short").count(), 4, "months 3, 6, 9, 12 had none");
    }

    #[test]
    fn coordinates_are_written_to_a_hundredth_without_trailing_zeros() {
        let w = |v: f64| Num(v).to_string();
        assert_eq!(w(0.0), "0");
        assert_eq!(w(-0.0), "0");
        assert_eq!(w(75.0), "75");
        assert_eq!(w(600.0), "600");
        assert_eq!(w(13.5), "13.5");
        assert_eq!(w(501.76), "501.76");
        assert_eq!(w(67.67999999999999), "67.68");
        assert_eq!(w(99.99999999999999), "100");
        assert_eq!(w(0.004), "0");
        assert_eq!(w(0.005), "0.01");
        assert_eq!(w(0.05), "0.05");
        assert_eq!(w(10.10), "10.1");
        assert_eq!(w(-4.25), "-4.25");
        assert_eq!(w(-0.004), "0");
        assert_eq!(w(1234567.891), "1234567.89");
        // Out of range or not a number: 0.
        assert_eq!(w(1e300), "0");
        assert_eq!(w(f64::NAN), "0");
        // Every value the charts can produce reads back within half a hundredth.
        for i in 0..20_000 {
            let v = i as f64 * 0.0371 - 300.0;
            let back: f64 = w(v).parse().unwrap();
            assert!((back - v).abs() <= 0.005 + 1e-9, "{v} → {back}");
        }
    }

    #[test]
    fn layout_follows_the_phone_width() {
        assert_eq!(ChartLayout::for_window_width(390.0), ChartLayout::Narrow);
        assert_eq!(ChartLayout::for_window_width(639.0), ChartLayout::Narrow);
        assert_eq!(ChartLayout::for_window_width(640.0), ChartLayout::Wide);
        assert_eq!(ChartLayout::for_window_width(768.0), ChartLayout::Wide);
    }
}
