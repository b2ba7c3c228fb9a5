//! Escaping for XML and HTML, in one place so that every markup writer
//! agrees on it.
//!
//! In: any text. Out: text that can stand in XML 1.0 or HTML element content
//! ([`text`]) or in a double-quoted attribute value ([`attribute`]). Markup
//! characters become entities, a carriage return becomes `&#13;` (a parser
//! would otherwise turn it into a line feed), and characters that XML 1.0
//! forbids are dropped, because no escape can carry them.

/// Whether XML 1.0 allows `c` in a document at all. Rust `char`s are never
/// surrogates, so what is left to exclude are the C0 controls other than
/// tab, line feed and carriage return, and the two non-characters U+FFFE and
/// U+FFFF.
pub fn xml_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

fn escape(value: &str, quotes: bool) -> String {
    let mut out = String::with_capacity(value.len() + value.len() / 8);
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quotes => out.push_str("&quot;"),
            '\'' if quotes => out.push_str("&#39;"),
            '\r' => out.push_str("&#13;"),
            c if xml_allowed(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// Escapes `value` for element content, dropping what XML forbids. Quotes
/// stay as they are, so that sentences stay readable in the file.
pub fn text(value: &str) -> String {
    escape(value, false)
}

/// Escapes `value` for an attribute value in single or double quotes.
pub fn attribute(value: &str) -> String {
    escape(value, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_entities() {
        let s = r#"<script>alert("x & 'y'")</script>"#;
        assert_eq!(
            text(s),
            "&lt;script&gt;alert(\"x &amp; 'y'\")&lt;/script&gt;"
        );
        assert_eq!(
            attribute(s),
            "&lt;script&gt;alert(&quot;x &amp; &#39;y&#39;&quot;)&lt;/script&gt;"
        );
    }

    #[test]
    fn forbidden_characters_are_dropped_and_allowed_ones_kept() {
        assert_eq!(text("a\u{0}b\u{1B}c\u{FFFF}d"), "abcd");
        assert_eq!(text("Grüße\tß\n😀"), "Grüße\tß\n😀");
        assert_eq!(attribute("a\r\nb"), "a&#13;\nb");
    }
}
