//! Inline SVG charts for the review dashboard: no script, no external file,
//! readable as text by screen readers (each chart carries a title and a
//! description listing its values).

use super::markdown::escape_attr;

/// One bar: label, value, and a CSS class for its color.
pub(crate) struct Bar<'a> {
    pub label: &'a str,
    pub value: usize,
    pub class: &'a str,
}

/// A horizontal bar chart.
pub(crate) fn bars(title: &str, bars: &[Bar<'_>]) -> String {
    const ROW: usize = 26;
    const LABEL: usize = 170;
    const WIDTH: usize = 560;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = ROW * bars.len().max(1) + 8;
    let description: Vec<String> = bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.value))
        .collect();
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" aria-labelledby=\"{id}-t {id}-d\">\
         <title id=\"{id}-t\">{t}</title><desc id=\"{id}-d\">{d}</desc>",
        id = slug(title),
        t = escape_attr(title),
        d = escape_attr(&description.join(", "))
    );
    let span = WIDTH - LABEL - 60;
    for (i, bar) in bars.iter().enumerate() {
        let y = i * ROW + 4;
        let w = (bar.value * span)
            .div_ceil(max)
            .max(usize::from(bar.value > 0));
        svg.push_str(&format!(
            "<text x=\"{lx}\" y=\"{ty}\" class=\"chart-label\" text-anchor=\"end\">{label}</text>\
             <rect x=\"{LABEL}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"3\" class=\"bar {class}\"/>\
             <text x=\"{vx}\" y=\"{ty}\" class=\"chart-value\">{value}</text>",
            lx = LABEL - 8,
            ty = y + 14,
            label = escape_attr(bar.label),
            h = ROW - 8,
            class = escape_attr(bar.class),
            vx = LABEL + w + 6,
            value = bar.value,
        ));
    }
    svg.push_str("</svg>");
    svg
}

fn slug(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_and_escape_labels() {
        let svg = bars(
            "Verdicts",
            &[
                Bar {
                    label: "ready",
                    value: 10,
                    class: "ready",
                },
                Bar {
                    label: "<b>",
                    value: 5,
                    class: "review",
                },
                Bar {
                    label: "none",
                    value: 0,
                    class: "blocked",
                },
            ],
        );
        assert!(svg.contains("width=\"330\""), "{svg}");
        assert!(svg.contains("width=\"165\""), "{svg}");
        assert!(svg.contains("width=\"0\""), "{svg}");
        assert!(svg.contains("&lt;b&gt;"));
        assert!(svg.contains("<desc id=\"verdicts-d\">ready: 10, &lt;b&gt;: 5, none: 0</desc>"));
    }
}
