//! A side-by-side HTML report, for people who would rather look than read.
//!
//! In: review [`Row`]s and the two [`Document`]s. Out: one self-contained
//! page (inline CSS, no script, a content security policy that forbids every
//! load) with a summary, an SVG picture of the alignment path (left sentence
//! index across, right index up, each bead a step coloured by its [`Tone`],
//! each step a link to its row), a checkbox that hides the rows the legend
//! leaves uncoloured, and a table of the two texts side by side. On a narrow
//! screen (a viewport meta tag) long words wrap inside their column and the
//! picture scales down (an SVG viewBox). Every text goes through [`text`]
//! or [`attribute`].

use std::fmt::Write;

use crate::review::Row;
use crate::write::csv::line_numbers;
use crate::write::escape::{attribute, text};
use crate::write::tone::Tone;
use crate::Document;

const STYLE: &str = "
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.3em; margin: 0 0 .2em; }
.summary { color: #555; margin: 0 0 1em; }
.overview { display: flex; flex-wrap: wrap; gap: 2em; align-items: flex-start; margin-bottom: 1em; }
.overview svg { max-width: 100%; height: auto; }
.legend { flex: 1 1 20em; }
.legend span { display: inline-block; padding: .1em .6em; margin: 0 .3em .3em 0; border-radius: .3em; }
svg text { font: 11px system-ui, sans-serif; fill: #555; }
svg a:hover line { stroke-width: 6; }
label { cursor: pointer; user-select: none; }
table { border-collapse: collapse; width: 100%; margin-top: .6em; table-layout: fixed; }
th { text-align: left; background: #eee; position: sticky; top: 0; padding: .4em; }
td { vertical-align: top; padding: .4em; border-top: 1px solid #ddd; overflow-wrap: anywhere; hyphens: auto; }
th.id, td.id { width: 3em; color: #777; }
th.text { width: 34%; } th.type { width: 3.5em; } th.num { width: 6.5em; }
td.text .lines { display: block; font-size: .8em; color: #777; }
td.num { text-align: right; }
.good { background: #E8F5E9; } .doubtful { background: #FFF4CC; } .bad { background: #FDDCDC; }
.flag { display: inline-block; background: #b71c1c; color: #fff; border-radius: .3em; padding: 0 .4em; margin: 0 .2em .2em 0; font-size: .85em; }
.flag.warning { background: #8a5a00; } .flag.info { background: #e4e4e4; color: #444; }
.anchors { color: #666; font-size: .85em; }
#only-flagged:checked ~ table tr.good { display: none; }
@media (max-width: 40em) {
  body { margin: .6em; }
  thead { display: none; }
  table, tbody { display: block; }
  tr { display: grid; grid-template-columns: repeat(6, 1fr); border-top: 1px solid #bbb; }
  td { border: 0; padding: .25em .4em; }
  td.id, td.type, td.num { grid-row: 1; grid-column: span 2; width: auto; text-align: left; }
  td.text { grid-row: 2; grid-column: span 3; }
  td.text::before { content: attr(lang); font-weight: bold; font-size: .8em; }
  td.notes { grid-row: 3; grid-column: 1 / -1; }
}
";

/// The stroke colour of a bead in the path picture.
fn stroke(tone: Tone) -> &'static str {
    match tone {
        Tone::Good => "#2e7d32",
        Tone::Doubtful => "#e0a800",
        Tone::Bad => "#d32f2f",
    }
}

/// Writes the report page.
pub fn to_html(rows: &[Row], left: &Document, right: &Document) -> String {
    let (lc, rc) = (attribute(&left.lang.tag), attribute(&right.lang.tag));
    // The rows the legend colours: what the filter keeps.
    let to_check = rows.iter().filter(|r| Tone::of(r) != Tone::Good).count();
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" \
         content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    let title = format!("{} ↔ {}", text(&left.name), text(&right.name));
    let _ = writeln!(out, "<title>tralign: {title}</title>");
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>");
    let _ = writeln!(out, "<h1>{title}</h1>");
    let mean = rows.iter().map(|r| r.confidence).sum::<f64>() / rows.len().max(1) as f64;
    let _ = writeln!(
        out,
        "<p class=\"summary\">{} beads · {} {lc} sentences · {} {rc} sentences · \
         {to_check} to check · mean confidence {mean:.2}</p>",
        rows.len(),
        left.sentences.len(),
        right.sentences.len(),
    );
    out.push_str("<div class=\"overview\">\n");
    out.push_str(&path_svg(rows, left, right));
    out.push_str(
        "<div class=\"legend\"><span class=\"good\">confident</span>\
         <span class=\"doubtful\">check: an error or warning, or confidence below 0.80</span>\
         <span class=\"bad\">likely wrong: unaligned or low confidence</span>\
         <p>Flags: <span class=\"flag error\">error</span><span class=\"flag warning\">warning</span>\
         <span class=\"flag info\">info (cosmetic, no colour)</span></p>\
         <p>Each step of the path is a bead; click one to go to its row.</p></div>\n",
    );
    out.push_str("</div>\n");
    let _ = writeln!(
        out,
        "<input type=\"checkbox\" id=\"only-flagged\"> \
         <label for=\"only-flagged\">show only the {to_check} rows to check (coloured yellow or red)</label>"
    );
    let _ = writeln!(
        out,
        "<table>\n<thead><tr><th class=\"id\">#</th><th class=\"text\">{lc}</th>\
         <th class=\"text\">{rc}</th><th class=\"type\">type</th><th class=\"num\">confidence</th><th>flags, anchors</th>\
         </tr></thead>\n<tbody>"
    );
    for row in rows {
        table_row(&mut out, row, &lc, &rc);
    }
    out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    out
}

fn table_row(out: &mut String, row: &Row, lc: &str, rc: &str) {
    let _ = write!(
        out,
        "<tr id=\"r{}\" class=\"{}\"><td class=\"id\">{}</td>",
        row.id,
        Tone::of(row).name(),
        row.id
    );
    for (lang, range, sentence) in [
        (lc, &row.bead.left, &row.left_text),
        (rc, &row.bead.right, &row.right_text),
    ] {
        let lines = match line_numbers(range) {
            l if l.is_empty() => "—".to_string(),
            l => format!("line {l}"),
        };
        let _ = write!(
            out,
            "<td class=\"text\" lang=\"{lang}\"><span class=\"lines\">{lines}</span>{}</td>",
            text(sentence)
        );
    }
    let _ = write!(
        out,
        "<td class=\"type\">{}</td><td class=\"num\">{:.2}</td><td class=\"notes\">",
        row.bead.kind(),
        row.confidence
    );
    for flag in &row.flags {
        let class = flag
            .severity()
            .map_or("flag".to_string(), |s| format!("flag {s}"));
        let _ = write!(
            out,
            "<span class=\"{class}\">{}</span>",
            text(&flag.to_string())
        );
    }
    if !row.anchors.is_empty() {
        let _ = write!(
            out,
            "<div class=\"anchors\">{}</div>",
            text(&row.anchors.join(" · "))
        );
    }
    out.push_str("</td></tr>\n");
}

/// The alignment path: left index across, right index up, one step a bead.
fn path_svg(rows: &[Row], left: &Document, right: &Document) -> String {
    let (n, m) = (left.sentences.len().max(1), right.sentences.len().max(1));
    // One sentence gets up to 32 px, and the picture at most 420 px a side.
    let scale = (420.0 / n.max(m) as f64).min(32.0);
    let (margin, w, h) = (40.0, n as f64 * scale, m as f64 * scale);
    let x = |i: usize| margin + i as f64 * scale;
    let y = |j: usize| 10.0 + h - j as f64 * scale;
    // Thinner steps when sentences are packed closely.
    let width = (scale / 2.0).clamp(2.0, 4.0);
    let mut svg = String::new();
    // The viewBox lets a narrow screen scale the picture down instead of
    // cutting it off.
    let (width_px, height_px) = (w + margin + 20.0, h + 50.0);
    let _ = writeln!(
        svg,
        "<svg width=\"{width_px:.0}\" height=\"{height_px:.0}\" \
         viewBox=\"0 0 {width_px:.0} {height_px:.0}\" role=\"img\" aria-label=\"alignment path\">"
    );
    let _ = writeln!(
        svg,
        "<rect x=\"{:.1}\" y=\"10\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"#fafafa\" stroke=\"#bbb\"/>\n\
         <line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"10\" stroke=\"#ccc\" stroke-dasharray=\"4 4\"/>",
        x(0),
        x(0),
        y(0),
        x(n)
    );
    // At most about six labelled ticks an axis, at round numbers.
    let step = |count: usize| {
        let rough = count.div_ceil(6).max(1);
        let mut unit = 1;
        loop {
            for k in [1, 2, 5] {
                if k * unit >= rough {
                    return k * unit;
                }
            }
            unit *= 10;
        }
    };
    for i in (0..=n).step_by(step(n)) {
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{i}</text>",
            x(i),
            y(0) + 14.0
        );
    }
    for j in (0..=m).step_by(step(m)) {
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{j}</text>",
            x(0) - 4.0,
            y(j) + 4.0
        );
    }
    let _ = writeln!(
        svg,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{} sentence</text>\n\
         <text x=\"12\" y=\"{:.1}\" text-anchor=\"middle\" transform=\"rotate(-90 12 {:.1})\">{} sentence</text>",
        x(0) + w / 2.0,
        y(0) + 32.0,
        text(&left.lang.tag),
        10.0 + h / 2.0,
        10.0 + h / 2.0,
        text(&right.lang.tag)
    );
    for row in rows {
        let colour = stroke(Tone::of(row));
        let (l, r) = (&row.bead.left, &row.bead.right);
        let (x0, x1, y0, y1) = (x(l.start), x(l.end), y(r.start), y(r.end));
        // The bead's box, and the step across it.
        let _ = writeln!(
            svg,
            "<a href=\"#r{id}\"><title>row {id}: {kind}, confidence {p:.2}</title>\
             <rect x=\"{x0:.1}\" y=\"{y1:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" \
             fill=\"{colour}\" fill-opacity=\"0.2\"/>\
             <line x1=\"{x0:.1}\" y1=\"{y0:.1}\" x2=\"{x1:.1}\" y2=\"{y1:.1}\" \
             stroke=\"{colour}\" stroke-width=\"{width:.1}\" stroke-linecap=\"round\"/></a>",
            id = row.id,
            kind = row.bead.kind(),
            p = row.confidence,
            w = x1 - x0,
            h = y0 - y1,
        );
    }
    svg.push_str("</svg>\n");
    svg
}
