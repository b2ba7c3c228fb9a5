//! Character classes the rules look at: marks that end a sentence, quotes and
//! brackets that close or open one, list bullets. These belong to scripts and
//! typography, not to one language, so they live here rather than in
//! `data/lang/`.

/// Marks that end a sentence when white space follows them.
pub fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…' | '‽' | '।' | '॥' | '؟' | '۔') || is_fullwidth_terminal(c)
}

/// Marks of Chinese and Japanese text, which end a sentence with no space after.
pub fn is_fullwidth_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

/// Quote marks; each may open or close a quotation, depending on the language
/// (» opens in German and closes in French), so the side is told by position.
pub fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '»'
            | '«'
            | '“'
            | '”'
            | '„'
            | '‟'
            | '‘'
            | '’'
            | '‚'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
    )
}

/// Quotes and brackets that may follow a sentence's final mark and belong to it.
pub fn is_closer(c: char) -> bool {
    is_quote(c) || is_close_bracket(c)
}

/// Brackets that close what [`is_open_bracket`] opens.
pub fn is_close_bracket(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '）')
}

/// Brackets that may open a sentence (a byline such as `(Reporting by …)`).
pub fn is_open_bracket(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '（')
}

/// Quotes, brackets and inverted marks (¿ ¡) that may open a sentence.
pub fn is_opener(c: char) -> bool {
    is_quote(c) || is_open_bracket(c) || matches!(c, '¿' | '¡')
}

/// Quotes that close a quotation when they stand alone between spaces, as in
/// French typography: `« C'est fini. » Il part.`
pub fn is_spaced_closer(c: char) -> bool {
    matches!(c, '»' | '”' | '›')
}

/// Bullets that mark a list item whatever comes before them.
pub fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '·' | '▪' | '◦' | '‣' | '*' | '-')
}

/// Dashes that mark a list item only where a list is expected, since wrapped
/// prose may also put a dash at the start of a line.
pub fn is_dash(c: char) -> bool {
    matches!(c, '–' | '—')
}
