//! Segmentation as a user sees it: the reference segmentation of every
//! bundled pair (`data/*/{de,en}.sentences.txt`) through the binary, one test per rule with real-looking German,
//! English and French text, and a property test of the span invariants.

use std::process::Command;

use proptest::prelude::*;
use tralign::segment::segment;
use tralign::Lang;

fn split(text: &str, code: &str) -> Vec<String> {
    segment(text, &Lang::new(code).unwrap())
        .into_iter()
        .map(|s| s.text)
        .collect()
}

/// Segments `data/<pair>/<code>.txt` with the binary and returns the lines
/// that differ from the reference `<code>.sentences.txt`, as a readable
/// message, or `None` if the output equals it line for line.
fn reference_mismatch(pair: &std::path::Path, code: &str) -> Option<String> {
    let input = pair.join(format!("{code}.txt"));
    let out = Command::new(env!("CARGO_BIN_EXE_tralign"))
        .args(["segment", input.to_str().unwrap(), "--lang", code])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = String::from_utf8(out.stdout).unwrap();
    let want = std::fs::read_to_string(pair.join(format!("{code}.sentences.txt"))).unwrap();
    let (got, want): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
    if got == want {
        return None;
    }
    let at = got.iter().zip(&want).take_while(|(g, w)| g == w).count();
    Some(format!(
        "{}: first difference at sentence {}:\n  want {:?}\n  got  {:?}",
        input.display(),
        at + 1,
        want.get(at),
        got.get(at)
    ))
}

/// Every folder under `data/` that has reference segmentations.
fn reference_pairs() -> Vec<std::path::PathBuf> {
    let mut pairs: Vec<_> = std::fs::read_dir("data")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.join("de.sentences.txt").is_file())
        .collect();
    pairs.sort();
    pairs
}

#[test]
fn every_reference_pair_segments_to_its_reference() {
    let pairs = reference_pairs();
    assert!(pairs.len() >= 5, "reference pairs found: {pairs:?}");
    let mismatches: Vec<String> = pairs
        .iter()
        .flat_map(|pair| ["de", "en"].map(|code| reference_mismatch(pair, code)))
        .flatten()
        .collect();
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn paragraphs_are_numbered_by_blank_lines() {
    let text = std::fs::read_to_string("data/news-blinken/en.txt").unwrap();
    let sentences = segment(&text, &Lang::new("en").unwrap());
    let paragraphs: Vec<usize> = sentences.iter().map(|s| s.paragraph).collect();
    assert_eq!(
        paragraphs,
        [0, 1, 1, 2, 3, 4, 5, 6, 6, 7, 7, 7, 7, 8, 9, 10]
    );
    for s in &sentences {
        assert_eq!(tralign::segment::fold_space(&text[s.span.clone()]), s.text);
    }
}

#[test]
fn german_abbreviations_do_not_end_sentences() {
    let text = "Banken, z. B. die Sparkassen, zahlen mehr. Dr. Müller wohnt in der Str. Nr. 5 bzw. Nr. 7. \
                Er zahlte ca. 3 Mio. Euro. Vgl. dazu S. 12.";
    assert_eq!(
        split(text, "de"),
        [
            "Banken, z. B. die Sparkassen, zahlen mehr.",
            "Dr. Müller wohnt in der Str. Nr. 5 bzw. Nr. 7.",
            "Er zahlte ca. 3 Mio. Euro.",
            "Vgl. dazu S. 12.",
        ]
    );
}

#[test]
fn an_abbreviation_ends_a_sentence_when_a_sentence_start_follows() {
    assert_eq!(
        split("Sie kauften Brot, Milch usw. Die Preise stiegen.", "de"),
        ["Sie kauften Brot, Milch usw.", "Die Preise stiegen."]
    );
    assert_eq!(
        split("The money went back to the U.S. The move was legal.", "en"),
        ["The money went back to the U.S.", "The move was legal."]
    );
    assert_eq!(
        split(
            "He shares an office with Apple Inc. Chief Executive Tim Cook.",
            "en"
        ),
        ["He shares an office with Apple Inc. Chief Executive Tim Cook."]
    );
}

#[test]
fn english_abbreviations_do_not_end_sentences() {
    let text = "Mr. Smith met U.S. officials on Jan. 5 at 10 a.m. in Washington. \
                Some fruits, e.g. apples, cost more. He lives at No. 10 with Mrs. Jones.";
    assert_eq!(
        split(text, "en"),
        [
            "Mr. Smith met U.S. officials on Jan. 5 at 10 a.m. in Washington.",
            "Some fruits, e.g. apples, cost more.",
            "He lives at No. 10 with Mrs. Jones.",
        ]
    );
}

#[test]
fn french_abbreviations_do_not_end_sentences() {
    let text = "M. Dupont et Mme Martin sont arrivés. Des fruits, p. ex. des pommes, etc. Le marché ferme.";
    assert_eq!(
        split(text, "fr"),
        [
            "M. Dupont et Mme Martin sont arrivés.",
            "Des fruits, p. ex. des pommes, etc.",
            "Le marché ferme.",
        ]
    );
}

#[test]
fn german_ordinals_and_dates_do_not_end_sentences() {
    let text = "Am 1. Mai 2024 begann das Fest. Das 20. Jahrhundert war kurz. \
                Die Frist endete am 24.04.2024 um Mitternacht. Er wurde am 3. Okt. geboren. \
                Sie belegte Platz 3. Die Siegerin kam aus Graz.";
    assert_eq!(
        split(text, "de"),
        [
            "Am 1. Mai 2024 begann das Fest.",
            "Das 20. Jahrhundert war kurz.",
            "Die Frist endete am 24.04.2024 um Mitternacht.",
            "Er wurde am 3. Okt. geboren.",
            "Sie belegte Platz 3.",
            "Die Siegerin kam aus Graz.",
        ]
    );
}

#[test]
fn a_year_before_a_period_ends_a_sentence() {
    assert_eq!(
        split(
            "Moskau marschierte im Februar 2022 ein. Moskau bestreitet das.",
            "de"
        ),
        [
            "Moskau marschierte im Februar 2022 ein.",
            "Moskau bestreitet das."
        ]
    );
    assert_eq!(
        split("Das geschah 2022. Moskau bestreitet das.", "de"),
        ["Das geschah 2022.", "Moskau bestreitet das."]
    );
}

#[test]
fn initials_do_not_end_sentences_but_a_final_capital_does() {
    assert_eq!(
        split(
            "Er las J. R. R. Tolkien. G. O. Dyhrenfurth bestieg den Berg.",
            "de"
        ),
        [
            "Er las J. R. R. Tolkien.",
            "G. O. Dyhrenfurth bestieg den Berg."
        ]
    );
    assert_eq!(
        split("Das Video wurde auf X. Die Reaktionen kamen sofort.", "de"),
        ["Das Video wurde auf X.", "Die Reaktionen kamen sofort."]
    );
    assert_eq!(
        split(
            "The clip was posted on X. It drew many replies. George W. Bush agreed.",
            "en"
        ),
        [
            "The clip was posted on X.",
            "It drew many replies.",
            "George W. Bush agreed."
        ]
    );
    assert_eq!(
        split("Blinken said in a clip posted on X. \"It matters.\"", "en"),
        ["Blinken said in a clip posted on X.", "\"It matters.\""]
    );
}

#[test]
fn sentences_end_inside_quotes() {
    assert_eq!(
        split(
            "„Wir bleiben.“ Danach ging er. »Das reicht.« Sie nickte.",
            "de"
        ),
        [
            "„Wir bleiben.“",
            "Danach ging er.",
            "»Das reicht.«",
            "Sie nickte."
        ]
    );
    assert_eq!(
        split(
            "“We stay.” Then he left. 'Enough.' She nodded. \"Why?\" The room was silent.",
            "en"
        ),
        [
            "“We stay.”",
            "Then he left.",
            "'Enough.'",
            "She nodded.",
            "\"Why?\"",
            "The room was silent."
        ]
    );
    assert_eq!(
        split(
            "« C'est fini. » Il est parti. « Pourquoi ? » Personne ne répond.",
            "fr"
        ),
        [
            "« C'est fini. »",
            "Il est parti.",
            "« Pourquoi ? »",
            "Personne ne répond."
        ]
    );
}

#[test]
fn a_verb_of_saying_after_a_quote_continues_the_sentence() {
    assert_eq!(
        split(
            "„Warum nicht?“ Sagte er leise. „Gut“, sagte sie. Dann ging sie.",
            "de"
        ),
        [
            "„Warum nicht?“ Sagte er leise.",
            "„Gut“, sagte sie.",
            "Dann ging sie."
        ]
    );
    assert_eq!(
        split("\"Why not?\" Blinken asked. \"Why not?\" Foreign Minister Wang Yi said. \"No!\" he shouted.", "en"),
        ["\"Why not?\" Blinken asked.", "\"Why not?\" Foreign Minister Wang Yi said.", "\"No!\" he shouted."]
    );
    assert_eq!(
        split(
            "« Pourquoi pas ? » demande-t-il. « Jamais ! » Dupont dit non.",
            "fr"
        ),
        [
            "« Pourquoi pas ? » demande-t-il.",
            "« Jamais ! » Dupont dit non."
        ]
    );
}

#[test]
fn a_parenthesised_byline_is_its_own_unit() {
    assert_eq!(
        split(
            "Die Gespräche gehen weiter. (Berichte von Simon Lewis; Bearbeitung von J. Smith)",
            "de"
        ),
        [
            "Die Gespräche gehen weiter.",
            "(Berichte von Simon Lewis; Bearbeitung von J. Smith)"
        ]
    );
    assert_eq!(
        split(
            "Talks go on, the agency said\n(Reporting by Simon Lewis)\nThe next round is in May.",
            "en"
        ),
        [
            "Talks go on, the agency said",
            "(Reporting by Simon Lewis)",
            "The next round is in May."
        ]
    );
    assert_eq!(
        split("Berlin (dpa) - Die Wahl beginnt. (dpa)", "de"),
        ["Berlin (dpa) - Die Wahl beginnt.", "(dpa)"]
    );
}

#[test]
fn ellipses_end_a_sentence_only_before_a_new_one() {
    assert_eq!(
        split(
            "Er zögerte ... und sagte dann nichts. Es war spät… Morgen geht es weiter.",
            "de"
        ),
        [
            "Er zögerte ... und sagte dann nichts.",
            "Es war spät…",
            "Morgen geht es weiter."
        ]
    );
    assert_eq!(
        split("He waited... and waited. Then... Nothing happened.", "en"),
        ["He waited... and waited.", "Then...", "Nothing happened."]
    );
}

#[test]
fn headings_and_list_items_on_their_own_line_are_units() {
    let text = "Blinken in China\n\
                Der Außenminister traf am Donnerstag Wirtschaftsführer in Shanghai und sprach über den Handel.\n\
                Themen:\n\
                - Fentanyl\n\
                - Handel mit Russland\n\
                1. Einleitung\n\
                2. Hauptteil\n\
                a) erstens\n\
                b) zweitens";
    assert_eq!(
        split(text, "de"),
        [
            "Blinken in China",
            "Der Außenminister traf am Donnerstag Wirtschaftsführer in Shanghai und sprach über den Handel.",
            "Themen:",
            "- Fentanyl",
            "- Handel mit Russland",
            "1. Einleitung",
            "2. Hauptteil",
            "a) erstens",
            "b) zweitens",
        ]
    );
    let text = "Why the talks matter\nThe two sides have been at odds over trade, technology and Taiwan for years now.";
    assert_eq!(
        split(text, "en"),
        [
            "Why the talks matter",
            "The two sides have been at odds over trade, technology and Taiwan for years now.",
        ]
    );
}

#[test]
fn fields_on_their_own_lines_are_units() {
    let text = "Leistung: 1.200 W\nAnschrift: Schulstr.\nTelefon: 089 555 0142\nGewicht: 1,3 kg";
    assert_eq!(
        split(text, "de"),
        [
            "Leistung: 1.200 W",
            "Anschrift: Schulstr.",
            "Telefon: 089 555 0142",
            "Gewicht: 1,3 kg",
        ]
    );
    let text =
        "Power: 1,200 W\nAddress: 5 Main St.\nHalf-year report: July 30, 2024\nWeight: 1.3 kg";
    assert_eq!(
        split(text, "en"),
        [
            "Power: 1,200 W",
            "Address: 5 Main St.",
            "Half-year report: July 30, 2024",
            "Weight: 1.3 kg",
        ]
    );
    // A line that ends with an article or a conjunction goes on, field or not.
    let text = "Hinweis: Halten Sie das Gerät und\nKabel: fern von Kindern.";
    assert_eq!(split(text, "de").len(), 1);
    let text = "Note: keep the appliance and the\nCord: away from children.";
    assert_eq!(split(text, "en").len(), 1);
}

#[test]
fn lines_of_a_block_without_final_marks_are_units() {
    let text =
        "Meridian Rail Systems erzielt im ersten Quartal Rekordumsatz von 1.234,5 Mio. Euro\n\
                Auftragseingang steigt um 12,3 % gegenüber dem Vorjahr – Jahresprognose bestätigt";
    assert_eq!(split(text, "de").len(), 2);
    let text = "Meridian Rail Systems reports record first-quarter revenue of €1,234.5 million\n\
                Order intake up 12.3% year on year; full-year outlook confirmed";
    assert_eq!(split(text, "en").len(), 2);
    // Two lines that each end before the next one's first word would have
    // to wrap: the breaks were made on purpose.
    let text = "Anmeldung bis Freitag im Sekretariat der Schule\n\
                Abfahrt am Montag um 7 Uhr am Hauptbahnhof\n\
                Rückkehr am Freitag gegen 18 Uhr am Hauptbahnhof in München";
    assert_eq!(split(text, "de").len(), 3);
    let text = "Registration by Friday at the school office, room 12\n\
                Departure on Monday at 7 a.m. from the main station\n\
                Return on Friday at around 6 p.m. to the main station in Munich";
    assert_eq!(split(text, "en").len(), 3);
}

#[test]
fn a_closing_formula_is_its_own_line() {
    assert_eq!(
        split(
            "Vielen Dank!\nMit freundlichen Grüßen,\nDr. Miriam Keller\nLeiterin der Sekundarstufe",
            "de"
        ),
        [
            "Vielen Dank!",
            "Mit freundlichen Grüßen,",
            "Dr. Miriam Keller",
            "Leiterin der Sekundarstufe"
        ]
    );
    assert_eq!(
        split(
            "Thank you for your support!\nKind regards,\nDr. Miriam Keller\nHead of Secondary School",
            "en"
        ),
        [
            "Thank you for your support!",
            "Kind regards,",
            "Dr. Miriam Keller",
            "Head of Secondary School"
        ]
    );
    // Elsewhere a comma at a line's end goes on.
    assert_eq!(
        split("Wir grüßen Sie herzlich,\nIhre Schulleitung", "de").len(),
        1
    );
}

#[test]
fn prose_wrapped_without_final_marks_at_line_ends_stays_joined() {
    // Most lines lack a final mark and start with a capital, but each line is
    // as full as the width allows, so the breaks are wrapping.
    let text = "Der Beamte kritisierte jedoch Washingtons \"hartnäckige\n\
                Strategie der Eindämmung Chinas und seine falschen Worte und\n\
                Taten, mit denen es sich in die inneren Angelegenheiten\n\
                Chinas einmischt, Chinas Image befleckt und Chinas\n\
                Interessen untergräbt\", wie es hieß. (Berichte von Simon\n\
                Lewis; Schreiben von Antoni Slodkowski; Bearbeitung von\n\
                Christopher Cushing)";
    let got = split(text, "de");
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[1].starts_with("(Berichte") && got[1].ends_with("Cushing)"));
    // A byline stays one unit while its bracket is open.
    let text =
        "(Reporting by Simon Lewis; Writing by Antoni\nSlodkowski; Editing by Christopher Cushing)";
    assert_eq!(split(text, "en").len(), 1);
    // A long line's comma is wrapping, not the end of a block line.
    let text = "The company employs around 19,400 people at 27 sites in 14 countries,\n\
                Vienna and Prague included";
    assert_eq!(split(text, "en").len(), 1);
}

#[test]
fn measure_abbreviations_before_a_number_do_not_end_sentences() {
    assert_eq!(
        split(
            "Wassertiefe: min. 65 mm, max. 180 mm. Garen Sie ca. 90 min. Danach ruhen lassen.",
            "de"
        ),
        [
            "Wassertiefe: min. 65 mm, max. 180 mm.",
            "Garen Sie ca. 90 min.",
            "Danach ruhen lassen."
        ]
    );
    assert_eq!(
        split(
            "Water depth: min. 65 mm, max. 180 mm. It costs €20 incl. 19% VAT, ca. 3 kg. Cook for 90 min. Then rest it.",
            "en"
        ),
        [
            "Water depth: min. 65 mm, max. 180 mm.",
            "It costs €20 incl. 19% VAT, ca. 3 kg.",
            "Cook for 90 min.",
            "Then rest it."
        ]
    );
}

#[test]
fn wrapped_prose_does_not_split_at_line_breaks() {
    let text = "US-Außenminister Antony Blinken wird am Donnerstag in Shanghai mit\n\
                Wirtschaftsführern zusammentreffen, um die Beziehungen zwischen Washington\n\
                und Peking zu stabilisieren. Doch Washington und Peking sind kaum\n\
                vorangekommen.";
    assert_eq!(
        split(text, "de"),
        [
            "US-Außenminister Antony Blinken wird am Donnerstag in Shanghai mit Wirtschaftsführern \
             zusammentreffen, um die Beziehungen zwischen Washington und Peking zu stabilisieren.",
            "Doch Washington und Peking sind kaum vorangekommen.",
        ]
    );
    let text = "Der Minister traf sich mit\nVertretern der Wirtschaft.\nEr wurde\nGast.";
    assert_eq!(
        split(text, "de"),
        [
            "Der Minister traf sich mit Vertretern der Wirtschaft.",
            "Er wurde Gast."
        ]
    );
    let text = "In a short video posted on X late on Wednesday, Blinken said that\nstemming the flow of fentanyl was one of several issues.";
    assert_eq!(split(text, "en").len(), 1);
    let text = "Il est arrivé à Paris mardi, où il a rencontré\nles dirigeants du pays.";
    assert_eq!(split(text, "fr").len(), 1);
}

#[test]
fn a_blank_line_always_ends_a_sentence() {
    let sentences = segment(
        "Er traf Dr.\n\nMüller kam nicht\n \nEnde",
        &Lang::new("de").unwrap(),
    );
    let got: Vec<(&str, usize)> = sentences
        .iter()
        .map(|s| (s.text.as_str(), s.paragraph))
        .collect();
    assert_eq!(
        got,
        [("Er traf Dr.", 0), ("Müller kam nicht", 1), ("Ende", 2)]
    );
}

#[test]
fn a_language_without_a_profile_gets_the_general_rules() {
    let text = "Het regent vandaag. Morgen wordt het droog!\nKop\nDe minister sprak lang met de pers over de plannen voor het jaar.";
    assert_eq!(
        split(text, "nl"),
        [
            "Het regent vandaag.",
            "Morgen wordt het droog!",
            "Kop",
            "De minister sprak lang met de pers over de plannen voor het jaar.",
        ]
    );
}

/// Text made of the pieces the rules look at, so that they meet each other.
fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "Dr.",
        "z. B.",
        "U.S.",
        "J.",
        "X.",
        "1.",
        "24.04.2024",
        "...",
        "…",
        "?",
        "!",
        ".",
        "\"",
        "„",
        "“",
        "«",
        "»",
        "(",
        ")",
        "- ",
        "• ",
        "a)",
        "Die",
        "the",
        "sagte",
        "said",
        "Mai",
        "word",
        "Wort",
        " ",
        " ",
        "\n",
        "\n\n",
        "\n \n",
        "\t",
        "\u{a0}",
        "é",
        "ß",
        "中文。",
        "e\u{301}",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn check_spans(text: &str, code: &str) {
    let sentences = segment(text, &Lang::new(code).unwrap());
    let mut covered = 0;
    let mut paragraph = 0;
    for s in &sentences {
        assert!(
            s.span.start >= covered,
            "spans overlap or go back: {sentences:?}"
        );
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        assert!(text[covered..s.span.start].chars().all(char::is_whitespace));
        let body = &text[s.span.clone()];
        assert!(!body.trim().is_empty() && body.trim() == body);
        assert!(s.paragraph == paragraph || s.paragraph == paragraph + 1);
        paragraph = s.paragraph;
        covered = s.span.end;
    }
    assert!(text[covered..].chars().all(char::is_whitespace));
}

proptest! {
    #[test]
    fn spans_cover_any_text_in_order(text in "\\PC*") {
        for code in ["de", "en", "fr", "nl"] {
            check_spans(&text, code);
        }
    }

    #[test]
    fn spans_cover_text_built_from_tricky_pieces(text in tricky_text()) {
        for code in ["de", "en", "fr", "nl"] {
            check_spans(&text, code);
        }
    }
}
