//! Telling a text's language from its words, for a file whose name does not
//! say it (`artikel.txt`).
//!
//! In: a text. Out: a [`Guess`] among the languages with built-in
//! knowledge (de, en, fr), or nothing when the text does not say clearly.
//! The evidence is function words (articles, pronouns, conjunctions): every
//! sentence has several, they are few, and the three languages share almost
//! none. The lists are those of the QA check for untranslated text,
//! `data/qa/lang/*/stopwords.txt`, so both judge a language alike.

use rustc_hash::FxHashSet as HashSet;

/// The function words of each language that can be guessed.
const FUNCTION_WORDS: &[(&str, &str)] = &[
    ("de", include_str!("../../data/qa/lang/de/stopwords.txt")),
    ("en", include_str!("../../data/qa/lang/en/stopwords.txt")),
    ("fr", include_str!("../../data/qa/lang/fr/stopwords.txt")),
];

/// Words read from the start of a text: far more than a guess needs.
const SAMPLE_WORDS: usize = 5000;
/// A text with fewer words says too little.
const MIN_WORDS: usize = 8;
/// Of the words, at least this share must be function words of the
/// language guessed: 0.27 to 0.39 in the bundled texts of either language
/// and in French and German novels and yearbooks, against 0.13 for French
/// in a Spanish sentence that shares `la`, `que` and `se`.
const MIN_SHARE: f64 = 0.18;
/// The language guessed needs this many times the function words of the
/// next (in the texts above, ten times and more).
const MIN_LEAD: usize = 4;

/// A language told from a text's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Guess {
    /// The language code, such as `de`.
    pub code: &'static str,
    /// How many of the words read are its function words.
    pub hits: usize,
    /// How many words were read.
    pub words: usize,
}

/// The language of `text`, if its function words say so clearly: enough of
/// them, and several times as many as those of the next language.
pub fn guess(text: &str) -> Option<Guess> {
    let lists: Vec<(&'static str, HashSet<&str>)> = FUNCTION_WORDS
        .iter()
        .map(|&(code, list)| {
            let words = list
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect();
            (code, words)
        })
        .collect();
    let mut hits = vec![0; lists.len()];
    let mut words = 0;
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(SAMPLE_WORDS)
    {
        words += 1;
        let word = word.to_lowercase();
        for (k, (_, list)) in lists.iter().enumerate() {
            hits[k] += usize::from(list.contains(word.as_str()));
        }
    }
    let mut ranked: Vec<usize> = (0..lists.len()).collect();
    ranked.sort_by_key(|&k| std::cmp::Reverse(hits[k]));
    let (best, next) = (ranked[0], hits[ranked[1]]);
    let clear = words >= MIN_WORDS
        && hits[best] as f64 >= MIN_SHARE * words as f64
        && hits[best] >= MIN_LEAD * next.max(1);
    clear.then(|| Guess {
        code: lists[best].0,
        hits: hits[best],
        words,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_texts_are_told_apart() {
        for (text, code) in [
            (include_str!("../../data/news-blinken/de.txt"), "de"),
            (include_str!("../../data/news-blinken/en.txt"), "en"),
            (include_str!("../../data/letter/de.txt"), "de"),
            (include_str!("../../data/manual/en.txt"), "en"),
        ] {
            assert_eq!(guess(text).map(|g| g.code), Some(code));
        }
        let fr = "Le ministre a rencontré les dirigeants des entreprises à Shanghai. \
                  Il a dit que la visite était une occasion pour les deux pays.";
        assert_eq!(guess(fr).map(|g| g.code), Some("fr"));
    }

    #[test]
    fn too_little_or_another_language_is_no_guess() {
        assert_eq!(guess("Blinken, Shanghai, 2024."), None);
        assert_eq!(guess(""), None);
        let es = "El ministro se reunió con los dirigentes de las empresas en Shanghái. \
                  Dijo que la visita era una oportunidad para los dos países y que \
                  el diálogo debe continuar.";
        assert_eq!(guess(es), None);
        let nl = "De minister heeft de leiders van de bedrijven in Shanghai ontmoet. \
                  Hij zei dat het bezoek een kans was voor beide landen.";
        assert_eq!(guess(nl), None);
    }
}
