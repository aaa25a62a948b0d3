//! Wire stories with an all-caps slug line and the names of leagues,
//! companies and broadcasters the tagger learnt from CoNLL-2003: a head
//! noun in capitals ("LEAGUE") does not make an organisation of the
//! nationality before it, while a league named in running text ("the Arab
//! League") is one; hyphenated compounds keep only a name part, and an
//! ordinal opening a fixture line is no name. Each case lists entities a
//! careful reader annotates (text, label) and texts that must not be
//! entities.

mod common;

use common::{check_cases, Case};
use lede_ner::Ner;

const CASES: &[Case] = &[
    Case {
        text: "SOCCER - SCOTTISH LEAGUE RESULTS\nGLASGOW 2024-02-10\n\
               Celtic beat Rangers 2-1 on Saturday to go five points clear at the top.",
        want: &[
            ("SCOTTISH", "NORP"),
            ("GLASGOW", "GPE"),
            ("Celtic", "ORG"),
            ("Rangers", "ORG"),
        ],
        not: &["SCOTTISH LEAGUE", "LEAGUE", "RESULTS", "SOCCER"],
    },
    Case {
        text: "BASKETBALL - SPANISH LEAGUE STANDINGS\nMADRID 2024-02-10\n\
               Real Madrid stayed top of the table after beating Barcelona 88-80 on Sunday.",
        want: &[
            ("SPANISH", "NORP"),
            ("MADRID", "GPE"),
            ("Real Madrid", "ORG"),
            ("Barcelona", "ORG"),
        ],
        not: &["SPANISH LEAGUE", "STANDINGS", "BASKETBALL"],
    },
    Case {
        text: "The Arab League met in Cairo on Sunday to discuss the ceasefire.",
        want: &[("Arab League", "ORG"), ("Cairo", "GPE")],
        not: &["Arab"],
    },
    Case {
        text: "Shares of Magna International fell 4 percent in Toronto after the car \
               parts maker cut its forecast.",
        want: &[("Magna International", "ORG"), ("Toronto", "GPE")],
        not: &["Magna"],
    },
    Case {
        text: "Investors will watch the Federal Reserve's decision on Wednesday, CNBC reported.",
        want: &[("Federal Reserve", "ORG"), ("CNBC", "ORG")],
        not: &["Federal Reserve's"],
    },
    Case {
        text: "The NFL suspended the Dallas Cowboys player for six games.",
        want: &[("NFL", "ORG"), ("Dallas Cowboys", "ORG")],
        not: &["Dallas"],
    },
    // Hyphenated compounds keep only a name part, and an ordinal opening a
    // fixture line is no name.
    Case {
        text: "Three-month T-bills were down 12 basis points at 5.10 percent in New York trading.",
        want: &[("New York", "GPE")],
        not: &["T", "T-bills"],
    },
    Case {
        text: "Iraqi troops advanced from KDP-controlled areas near Arbil on Saturday, \
               Kurdish officials said.",
        want: &[
            ("Iraqi", "NORP"),
            ("KDP", "ORG"),
            ("Arbil", "GPE"),
            ("Kurdish", "NORP"),
        ],
        not: &["KDP-controlled"],
    },
    Case {
        text: "The Trump-led coalition said it would press on with the talks in Geneva.",
        want: &[("Trump", "PERSON"), ("Geneva", "GPE")],
        not: &["Trump-led"],
    },
    Case {
        text: "Fixtures:\nJuly 24-28 Fourth test (at Headingley)\n\
               August 7-11 Sixth test (at The Oval, London)",
        want: &[("London", "GPE")],
        not: &["Fourth", "Sixth", "Fixtures"],
    },
];

#[test]
fn wire_slugs_leagues_and_companies() {
    let ner = Ner::new().expect("embedded model");
    let (checks, failures) = check_cases(&ner, CASES);
    assert!(checks > 30, "{checks} checks");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
