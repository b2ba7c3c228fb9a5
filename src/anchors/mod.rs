//! Anchors: what both languages of a pair share, as features of sentences.
//!
//! In: the sentences of both sides, their languages and a [`Lexicon`].
//! Out: [`Features`]: per sentence its length in characters and the sorted
//! ids of the anchor keys it holds, plus a weight and a label per key.
//!
//! A key is a spelling that both languages can produce: a number in a
//! canonical form (German `1.234,5` and English `1,234.5` are both `1234.5`),
//! a month or weekday number (`Mai` and `May` are month 5), or a folded word
//! prefix, which catches identical names (`Blinken`), inflected names
//! (`Blinkens`) and cognates (`Expedition`, `expédition`). Lexicon entries
//! map left words to the keys of their right renderings (`Peking` to the key
//! of `Beijing`). Keys found on one side only are dropped; keys in many
//! sentences weigh little, as in tf-idf.

use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet as HashSet};

mod tokens;

pub use tokens::{canonical_number, each_token, fold, fold_into, tokenize, Token};

use crate::{Lang, Lexicon, Sentence};

/// How many folded characters of a word form its key.
const PREFIX: usize = 5;

/// What kind of thing a key stands for; numbers weigh more than cognates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyKind {
    /// A number or a part of a date.
    Number,
    /// A month or weekday name.
    Calendar,
    /// A capitalised word that does not start its sentence, or an acronym.
    Name,
    /// Any other word long enough to be a cognate.
    Word,
    /// A rendering that a bilingual dictionary gives.
    Translation,
    /// A punctuation mark that translations keep, such as `?`.
    Punctuation,
}

impl KeyKind {
    fn weight(self) -> f64 {
        match self {
            KeyKind::Number => 2.0,
            KeyKind::Calendar => 1.5,
            KeyKind::Name => 1.5,
            KeyKind::Word => 1.0,
            KeyKind::Translation => 0.3,
            KeyKind::Punctuation => 0.5,
        }
    }
}

/// The anchor features of both sides of a pair.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Per left sentence: characters that are not white space.
    pub left_chars: Vec<usize>,
    /// Per right sentence: characters that are not white space.
    pub right_chars: Vec<usize>,
    /// Per left sentence: sorted, distinct key ids.
    pub left_keys: KeyLists,
    /// Per right sentence: sorted, distinct key ids.
    pub right_keys: KeyLists,
    /// Per key id: its weight.
    pub weights: Vec<f64>,
    /// Per key id: a readable label (the right side's spelling).
    pub labels: Vec<String>,
    /// Per key id: its kind.
    pub kinds: Vec<KeyKind>,
}
/// The key ids of a side's sentences, one list per sentence, stored end to
/// end: a long text has millions of short lists, and one vector each would
/// cost more memory than the ids themselves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyLists {
    /// Where each sentence's ids start in `ids`, and where the last ends.
    starts: Vec<usize>,
    ids: Vec<u32>,
}

impl Default for KeyLists {
    fn default() -> KeyLists {
        KeyLists {
            starts: vec![0],
            ids: Vec::new(),
        }
    }
}

impl KeyLists {
    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// Whether there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Appends the ids of one more sentence.
    pub fn push(&mut self, ids: impl IntoIterator<Item = u32>) {
        self.ids.extend(ids);
        self.starts.push(self.ids.len());
    }

    /// The id lists of sentences `range`, in order.
    pub fn lists(&self, range: Range<usize>) -> impl Iterator<Item = &[u32]> + '_ {
        range.map(move |s| &self[s])
    }

    /// These lists with one more id for some sentences: `(sentence, id)`,
    /// in the order of the sentences.
    fn with(self, extra: Vec<(usize, u32)>) -> KeyLists {
        if extra.is_empty() {
            return self;
        }
        let mut lists = KeyLists::default();
        lists.ids.reserve(self.ids.len() + extra.len());
        let mut extra = extra.into_iter().peekable();
        for (s, own) in self.iter().enumerate() {
            let late = std::iter::from_fn(|| extra.next_if(|&(at, _)| at == s).map(|(_, id)| id));
            lists.push(own.iter().copied().chain(late));
        }
        lists
    }

    /// The id lists of all sentences, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[u32]> + '_ {
        self.lists(0..self.len())
    }
}

impl std::ops::Index<usize> for KeyLists {
    type Output = [u32];
    fn index(&self, sentence: usize) -> &[u32] {
        &self.ids[self.starts[sentence]..self.starts[sentence + 1]]
    }
}

impl<L: IntoIterator<Item = u32>> FromIterator<L> for KeyLists {
    fn from_iter<I: IntoIterator<Item = L>>(lists: I) -> KeyLists {
        let mut all = KeyLists::default();
        for list in lists {
            all.push(list);
        }
        all
    }
}

/// A lower-cased word as a hash, for telling a text's names (words it
/// writes capitalised inside sentences and never in lower case).
fn word_hash(lower: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(lower)
}

/// The words of a text, as far as telling its names goes: those it writes
/// capitalised inside a sentence, and those it writes in lower case.
#[derive(Default)]
struct Casing {
    capital: HashSet<u64>,
    lower: HashSet<u64>,
}

impl Casing {
    /// Whether the text writes the word capitalised inside sentences and
    /// never in lower case (Washington, not The).
    fn is_name(&self, hash: u64) -> bool {
        self.capital.contains(&hash) && !self.lower.contains(&hash)
    }
}

/// What one pass over a sentence finds.
struct Scan {
    /// Its keys, but for a capitalised first word's name key.
    keys: Vec<Found>,
    /// The labels of its keys, end to end (empty when labels are not kept).
    labels: String,
    /// A capitalised first word: its hash, name key and label, kept until
    /// the whole text tells whether it is a name.
    initial: Option<(u64, Key, String)>,
    /// Hashes of its words written capitalised inside it.
    capital: Vec<u64>,
    /// Hashes of its words written in lower case.
    lower: Vec<u64>,
}

/// Sentences whose keys are found at once, in parallel, before they are
/// counted in order: enough to keep two cores busy, few enough that their
/// spelled-out keys take little memory.
const KEY_CHUNK: usize = 4096;

/// A key: a 64-bit hash of its spelling, such as `c:blinken` for a name,
/// `w:exped` for a cognate or `n:2022` for a number. Hashes, not strings:
/// a long text has millions of key occurrences, and the chance that two of
/// its distinct spellings share a hash is far below one in a million.
type Key = u64;

/// The key spelled `space` (one letter) and `body`.
fn key(space: char, body: &str) -> Key {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one((space, body))
}

/// The key of a name: the folded name without a final `s` (German genitive
/// `Blinkens`).
fn name_key(folded: &str) -> Key {
    let stem = match folded.strip_suffix('s') {
        Some(stem) if stem.chars().count() >= 3 => stem,
        _ => folded,
    };
    key('c', stem)
}

/// The key of a possible cognate: the first letters of the folded word.
fn prefix_key(folded: &str) -> Key {
    let end = folded
        .char_indices()
        .nth(PREFIX)
        .map_or(folded.len(), |(at, _)| at);
    key('w', &folded[..end])
}

/// A key found in a sentence: the key, its kind and where its label lies
/// in [`Scan::labels`].
type Found = (Key, KeyKind, Range<u32>);

/// The keys of one sentence, before interning: (key, kind, label).
/// Only the right side's labels are ever shown (see [`Counter::add`]), so
/// the left side's keys come without (`labels` false).
fn scan(
    sentence: &Sentence,
    lang: &Lang,
    lexicons: Option<(&Lexicon, &Lexicon)>,
    labels: bool,
) -> Scan {
    // A word takes at least two bytes with its space: room enough for all
    // words at once, so that no vector grows word by word.
    let words = sentence.text.len() / 2 + 1;
    let mut scan = Scan {
        keys: Vec::new(),
        labels: String::new(),
        initial: None,
        capital: Vec::with_capacity(words),
        lower: Vec::with_capacity(words),
    };
    // One string per sentence holds all its labels, not one per key.
    let mut label_text = String::with_capacity(if labels { sentence.text.len() } else { 0 });
    let mut label = |text: &str| {
        if !labels {
            return 0..0;
        }
        let start = label_text.len() as u32;
        label_text.push_str(text);
        start..label_text.len() as u32
    };
    // About one key per six characters: room enough to grow rarely.
    let mut keys = Vec::with_capacity(sentence.text.len() / 6 + 4);
    // Buffers for the lower-cased and the folded word, reused word by word.
    let (mut lower, mut folded) = (String::new(), String::new());
    // Punctuation that translations keep: questions, exclamations, colons,
    // brackets and quotations; one pass over the sentence finds them all.
    const MARKS: [&str; 5] = ["?", "!", ":", "(", "\""];
    let mut found = [false; MARKS.len()];
    for c in sentence.text.chars() {
        let mark = match c {
            '?' => 0,
            '!' => 1,
            ':' => 2,
            '(' | '[' => 3,
            '"' | '«' | '»' | '„' | '“' | '”' => 4,
            _ => continue,
        };
        found[mark] = true;
    }
    for (key, _) in MARKS.iter().zip(found).filter(|&(_, f)| f) {
        keys.push((self::key('p', key), KeyKind::Punctuation, label(key)));
    }
    each_token(&sentence.text, lang, |token| {
        match token {
            Token::Number(n) => keys.push((key('n', &n), KeyKind::Number, label(&n))),
            Token::Date(d, m, y) => {
                let (d, m, y) = (d.to_string(), m.to_string(), y.to_string());
                keys.push((key('n', &d), KeyKind::Number, label(&d)));
                let month = label(&format!("month {m}"));
                keys.push((key('m', &m), KeyKind::Calendar, month));
                keys.push((key('n', &y), KeyKind::Number, label(&y)));
            }
            Token::Word { text, initial } => {
                lower.clear();
                for c in text.chars() {
                    if c.is_ascii() {
                        lower.push(c.to_ascii_lowercase());
                    } else {
                        lower.extend(c.to_lowercase());
                    }
                }
                if let Some(&m) = lang.months.get(&lower) {
                    keys.push((key('m', &m.to_string()), KeyKind::Calendar, label(&text)));
                    return;
                }
                if let Some(&d) = lang.weekdays.get(&lower) {
                    keys.push((key('d', &d.to_string()), KeyKind::Calendar, label(&text)));
                    return;
                }
                if let Some((lexicon, dictionary)) = lexicons {
                    // Dictionary words are common words: weaker anchors than names.
                    for target in dictionary.get(&lower) {
                        let folded = fold(target);
                        keys.push((prefix_key(&folded), KeyKind::Translation, label(target)));
                    }
                    for target in lexicon.get(&lower) {
                        let folded = fold(target);
                        keys.push((name_key(&folded), KeyKind::Name, label(target)));
                        keys.push((prefix_key(&folded), KeyKind::Word, label(target)));
                    }
                }
                let len = text.chars().count();
                let capital = text.chars().next().is_some_and(char::is_uppercase);
                let acronym = len >= 2 && text.chars().all(|c| c.is_uppercase());
                let hash = word_hash(&lower);
                if text.chars().next().is_some_and(char::is_lowercase) {
                    scan.lower.push(hash);
                } else if !initial {
                    scan.capital.push(hash);
                }
                // A name is matched whole (less a genitive s) and only against
                // another name; every longer word also offers its prefix as a
                // possible cognate. A capitalised first word is a name if the
                // text writes it capitalised elsewhere too (Washington, not
                // The), which only the whole text can tell.
                let name = (capital || acronym) && len >= 2;
                if !name && len < 4 {
                    return;
                }
                let folded = fold_into(&text, &mut folded);
                if name {
                    if initial && !acronym {
                        let own = if labels {
                            text.to_string()
                        } else {
                            String::new()
                        };
                        scan.initial = Some((hash, name_key(folded), own));
                    } else {
                        keys.push((name_key(folded), KeyKind::Name, label(&text)));
                    }
                }
                if len >= 4 {
                    keys.push((prefix_key(folded), KeyKind::Word, label(&text)));
                }
            }
        }
    });
    scan.keys = keys;
    scan.labels = label_text;
    scan
}

/// Per key while counting: left sentences, right sentences, the strongest
/// kind on each side, label.
struct KeyStats {
    left: usize,
    right: usize,
    left_kind: KeyKind,
    right_kind: KeyKind,
    label: String,
}

/// The keys of one side, counted as they are found: every sentence keeps
/// only the ids of its distinct keys, so the spelled-out keys of a long text
/// are never all held at once.
#[derive(Default)]
struct Counter {
    ids: FxHashMap<Key, u32>,
    stats: Vec<KeyStats>,
}

impl Counter {
    /// Scans and counts the sentences of one side, a chunk at a time on all
    /// cores; returns the key ids of each sentence, distinct.
    fn side(
        &mut self,
        sentences: &[Sentence],
        left: bool,
        scan: impl Fn(&Sentence) -> Scan + Sync,
    ) -> KeyLists {
        let mut lists = KeyLists::default();
        let mut casing = Casing::default();
        let mut initials = Vec::new();
        for chunk in sentences.chunks(KEY_CHUNK) {
            let scans: Vec<Scan> = chunk.par_iter().map(&scan).collect();
            for scan in scans {
                casing.capital.extend(scan.capital);
                casing.lower.extend(scan.lower);
                if let Some(initial) = scan.initial {
                    initials.push((lists.len(), initial));
                }
                let from = lists.ids.len();
                for &(key, kind, ref label) in &scan.keys {
                    let label = &scan.labels[label.start as usize..label.end as usize];
                    if let Some(id) = self.count(key, kind, label, left, &lists.ids[from..]) {
                        lists.ids.push(id);
                    }
                }
                lists.starts.push(lists.ids.len());
            }
        }
        // The capitalised first words that the whole side tells are names.
        let mut names = Vec::new();
        for (sentence, (hash, key, label)) in initials {
            if casing.is_name(hash) {
                if let Some(id) = self.count(key, KeyKind::Name, &label, left, &lists[sentence]) {
                    names.push((sentence, id));
                }
            }
        }
        lists.with(names)
    }

    /// Takes in the keys another counter counted for the right side, and
    /// returns that side's key ids (`right`) as ids of this counter.
    fn absorb(&mut self, other: Counter, mut right: KeyLists) -> KeyLists {
        let mut ids = vec![0; other.stats.len()];
        let mut stats: Vec<Option<KeyStats>> = other.stats.into_iter().map(Some).collect();
        for (key, other_id) in other.ids {
            let next = self.stats.len() as u32;
            let id = *self.ids.entry(key).or_insert(next);
            let theirs = stats[other_id as usize].take().expect("one id per key");
            if id == next {
                self.stats.push(theirs);
            } else {
                let e = &mut self.stats[id as usize];
                e.right = theirs.right;
                e.right_kind = theirs.right_kind;
                e.label = theirs.label;
            }
            ids[other_id as usize] = id;
        }
        for k in &mut right.ids {
            *k = ids[*k as usize];
        }
        right
    }

    /// Counts a key of a sentence that holds the keys `held` so far: once
    /// per sentence, with the strongest kind seen. Returns its id when the
    /// sentence did not hold it yet.
    fn count(
        &mut self,
        key: Key,
        kind: KeyKind,
        label: &str,
        left: bool,
        held: &[u32],
    ) -> Option<u32> {
        let next = self.stats.len() as u32;
        let id = *self.ids.entry(key).or_insert(next);
        if id == next {
            self.stats.push(KeyStats {
                left: 0,
                right: 0,
                left_kind: KeyKind::Punctuation,
                right_kind: KeyKind::Punctuation,
                label: String::new(),
            });
        }
        let e = &mut self.stats[id as usize];
        if left {
            e.left_kind = e.left_kind.min(kind);
        } else {
            e.right_kind = e.right_kind.min(kind);
        }
        if held.contains(&id) {
            return None;
        }
        if left {
            e.left += 1;
        } else {
            e.right += 1;
            // The right side's last spelling, into the string it has.
            e.label.clear();
            e.label.push_str(label);
        }
        Some(id)
    }
}

impl Features {
    /// Finds the anchors of both sides. `lexicon` (names) and `dictionary`
    /// (common words) map left words to right ones.
    pub fn extract(
        left: &[Sentence],
        left_lang: &Lang,
        right: &[Sentence],
        right_lang: &Lang,
        lexicon: &Lexicon,
        dictionary: &Lexicon,
    ) -> Features {
        // The two sides are scanned and counted side by side, each with its
        // own counter; the right one's keys then join the left one's.
        let ((mut counter, raw_left), (right_counter, raw_right)) = rayon::join(
            || {
                let mut counter = Counter::default();
                let ids = counter.side(left, true, |s| {
                    scan(s, left_lang, Some((lexicon, dictionary)), false)
                });
                (counter, ids)
            },
            || {
                let mut counter = Counter::default();
                let ids = counter.side(right, false, |s| scan(s, right_lang, None, true));
                (counter, ids)
            },
        );
        let raw_right = counter.absorb(right_counter, raw_right);
        let total = (left.len() + right.len()).max(1) as f64;
        let mut features = Features {
            left_chars: left.par_iter().map(|s| non_space_chars(&s.text)).collect(),
            right_chars: right.par_iter().map(|s| non_space_chars(&s.text)).collect(),
            ..Features::default()
        };
        let mut shared: Vec<(Key, u32)> = counter
            .ids
            .iter()
            .filter(|(_, &id)| {
                let e = &counter.stats[id as usize];
                e.left > 0 && e.right > 0
            })
            .map(|(&k, &id)| (k, id))
            .collect();
        shared.sort_unstable();
        // Final ids in key order, by counting id.
        let mut ids: Vec<Option<u32>> = vec![None; counter.stats.len()];
        for (_, id) in shared {
            let e = &counter.stats[id as usize];
            // A key is as strong as its weaker side: a German noun (capitalised)
            // that meets a lower-case French word is a plain word.
            let kind = e.left_kind.max(e.right_kind);
            let share = (e.left + e.right) as f64 / total;
            if share > 0.3 && total >= 10.0 && kind >= KeyKind::Word {
                continue;
            }
            ids[id as usize] = Some(features.weights.len() as u32);
            // Rarer keys weigh more, as in tf-idf.
            let idf = (total / (e.left + e.right) as f64).ln().max(0.1);
            features.weights.push(kind.weight() * idf);
            features.labels.push(e.label.clone());
            features.kinds.push(kind);
        }
        // In place: each list only shrinks, and lists stay in order.
        let intern = |mut raw: KeyLists| -> KeyLists {
            let mut to = 0;
            for s in 0..raw.len() {
                let (from, end) = (raw.starts[s], raw.starts[s + 1]);
                raw.starts[s] = to;
                for k in from..end {
                    if let Some(id) = ids[raw.ids[k] as usize] {
                        raw.ids[to] = id;
                        to += 1;
                    }
                }
                raw.ids[raw.starts[s]..to].sort_unstable();
            }
            let sentences = raw.len();
            raw.starts[sentences] = to;
            raw.ids.truncate(to);
            raw.ids.shrink_to_fit();
            raw
        };
        features.left_keys = intern(raw_left);
        features.right_keys = intern(raw_right);
        features
    }
}

fn non_space_chars(text: &str) -> usize {
    if text.is_ascii() {
        // The ASCII white space of `char::is_whitespace`: tab to carriage return, and space.
        return text
            .bytes()
            .filter(|b| !matches!(b, b'\t'..=b'\r' | b' '))
            .count();
    }
    text.chars().filter(|c| !c.is_whitespace()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> Lang {
        Lang::new(code).unwrap()
    }

    #[test]
    fn key_lists_hold_each_sentence_apart_and_take_late_ids_in_place() {
        let lists: KeyLists = [vec![3, 5], vec![], vec![7]].into_iter().collect();
        assert_eq!(lists.len(), 3);
        assert_eq!(&lists[0], &[3, 5]);
        assert!(lists[1].is_empty());
        let later = lists.with(vec![(1, 9), (2, 8)]);
        let all: Vec<&[u32]> = later.iter().collect();
        assert_eq!(all, vec![&[3, 5][..], &[9][..], &[7, 8][..]]);
    }

    #[test]
    fn shared_names_numbers_and_lexicon_words_become_keys() {
        let de = [Sentence::new(
            "Blinken flog 2022 nach Peking am Donnerstag.",
            0..44,
            0,
        )];
        let en = [Sentence::new(
            "Blinken flew to Beijing on Thursday in 2022.",
            0..44,
            0,
        )];
        let (l, r) = (lang("de"), lang("en"));
        let f = Features::extract(
            &de,
            &l,
            &en,
            &r,
            &Lexicon::builtin(&l, &r),
            &Lexicon::default(),
        );
        let labels: Vec<&str> = f.left_keys[0]
            .iter()
            .map(|&k| f.labels[k as usize].as_str())
            .collect();
        for want in ["Blinken", "2022", "Thursday"] {
            assert!(labels.contains(&want), "{want} missing from {labels:?}");
        }
        assert!(labels.iter().any(|l| l.eq_ignore_ascii_case("beijing")));
    }
}
