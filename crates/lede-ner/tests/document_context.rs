//! Names the article itself decides: a word in an all-caps headline or a
//! short mention before the full name ("Sinner ... Jannik Sinner") takes the
//! type the tagger gave the same word in the rest of the article, and one
//! article may give a word two readings when the context forces them.
//! Sports pages, markets and politics, where headlines and surnames alone
//! are common. Each case lists what a careful reader annotates (text, label)
//! and texts that must not be entities.

mod common;

use common::{check_cases, labels_of, Case};
use lede_ner::Ner;

const CASES: &[Case] = &[
    // All-caps headlines read through the article's own mentions.
    Case {
        text: "SOCCER - DYNAMO FANS BANNED AFTER KHARKIV CLASH\nKYIV 2024-03-02\n\
               Dynamo Kyiv will play two home games behind closed doors after fans \
               clashed with police in Kharkiv, the league said on Friday. Dynamo were \
               also fined $20,000.",
        want: &[
            ("DYNAMO", "ORG"),
            ("KHARKIV", "GPE"),
            ("KYIV", "GPE"),
            ("Dynamo Kyiv", "ORG"),
            ("Kharkiv", "GPE"),
            ("Dynamo", "ORG"),
        ],
        not: &["SOCCER", "FANS", "CLASH"],
    },
    Case {
        text: "TENNIS - SABALENKA BEATS GAUFF IN MIAMI\nAryna Sabalenka beat Coco Gauff \
               6-4 6-2 in the Miami Open semi-finals on Thursday. Sabalenka will face \
               Jessica Pegula in the final.",
        want: &[
            ("SABALENKA", "PERSON"),
            ("GAUFF", "PERSON"),
            ("MIAMI", "GPE"),
            ("Aryna Sabalenka", "PERSON"),
            ("Coco Gauff", "PERSON"),
            ("Sabalenka", "PERSON"),
            ("Jessica Pegula", "PERSON"),
        ],
        not: &["TENNIS", "BEATS"],
    },
    Case {
        text: "CRICKET - ROOT HITS CENTURY AS ENGLAND BEAT SRI LANKA\nJoe Root scored 143 \
               as England beat Sri Lanka by 190 runs on Sunday. Root passed Alastair \
               Cook's record of 33 Test hundreds.",
        want: &[
            ("ROOT", "PERSON"),
            ("ENGLAND", "GPE"),
            ("SRI LANKA", "GPE"),
            ("Joe Root", "PERSON"),
            ("England", "GPE"),
            ("Sri Lanka", "GPE"),
            ("Alastair Cook", "PERSON"),
        ],
        not: &["CENTURY", "HITS"],
    },
    // A surname before the full name.
    Case {
        text: "Sinner was too strong. Jannik Sinner won the title in Melbourne on Sunday, \
               and the Italian said he was proud.",
        want: &[
            ("Sinner", "PERSON"),
            ("Jannik Sinner", "PERSON"),
            ("Melbourne", "GPE"),
            ("Italian", "NORP"),
        ],
        not: &[],
    },
    Case {
        text: "Lula met Xi in Beijing. Brazilian President Luiz Inacio Lula da Silva said \
               the talks with Xi Jinping were productive.",
        want: &[
            ("Lula", "PERSON"),
            ("Xi", "PERSON"),
            ("Beijing", "GPE"),
            ("Brazilian", "NORP"),
            ("Luiz Inacio Lula da Silva", "PERSON"),
            ("Xi Jinping", "PERSON"),
        ],
        not: &["President Luiz Inacio Lula da Silva"],
    },
    Case {
        text: "Netanyahu spoke to Biden by phone. Benjamin Netanyahu told the U.S. \
               president that Israel would decide alone.",
        want: &[
            ("Netanyahu", "PERSON"),
            ("Benjamin Netanyahu", "PERSON"),
            ("U.S.", "GPE"),
            ("Israel", "GPE"),
        ],
        not: &[],
    },
    // Companies named again and again.
    Case {
        text: "Boeing shares fell 3 percent on Tuesday. Boeing said deliveries would \
               resume in May, and analysts said Boeing had lost ground to Airbus.",
        want: &[("Boeing", "ORG")],
        not: &["May"],
    },
    Case {
        text: "Gazprom cut supplies to Austria on Saturday. The Austrian energy group \
               said Gazprom gave no reason for the cut.",
        want: &[("Gazprom", "ORG"), ("Austria", "GPE"), ("Austrian", "NORP")],
        not: &[],
    },
    Case {
        text: "WARSAW 2024-06-11\nPoland's central bank kept rates on hold. The National \
               Bank of Poland said inflation would fall later this year.",
        want: &[
            ("WARSAW", "GPE"),
            ("Poland", "GPE"),
            ("National Bank of Poland", "ORG"),
        ],
        not: &["Poland's"],
    },
    Case {
        text: "MADRID 2024-05-04\nReal Madrid clinched the Spanish league title on \
               Saturday, and Barcelona lost at home.",
        want: &[
            ("MADRID", "GPE"),
            ("Real Madrid", "ORG"),
            ("Spanish", "NORP"),
            ("Barcelona", "ORG"),
        ],
        not: &[],
    },
    // Names with lower-case particles are one name.
    Case {
        text: "Pakistan's Inzamam-ul-Haq scored a century and Ata-ur-Rehman took three \
               wickets in Lahore.",
        want: &[
            ("Pakistan", "GPE"),
            ("Inzamam-ul-Haq", "PERSON"),
            ("Ata-ur-Rehman", "PERSON"),
            ("Lahore", "GPE"),
        ],
        not: &["Inzamam", "Ata", "Haq", "Rehman"],
    },
];

#[test]
fn names_read_through_the_rest_of_the_article() {
    let ner = Ner::new().expect("embedded model");
    let (checks, failures) = check_cases(&ner, CASES);
    assert!(checks >= 60, "{checks}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_headline_surname_is_the_person_of_the_article() {
    let ner = Ner::new().expect("embedded model");
    let text = "GOLF - SCHEFFLER WINS AGAIN\nScottie Scheffler won the Masters on Sunday. \
                Scheffler finished four shots clear.";
    assert_eq!(labels_of(&ner, text, "SCHEFFLER"), ["PERSON"]);
    assert_eq!(labels_of(&ner, text, "Scheffler"), ["PERSON"]);
}

#[test]
fn a_common_word_opening_a_sentence_is_a_name_when_the_article_names_it_inside_one() {
    let ner = Ner::new().expect("embedded model");
    let text = "Reading beat Wigan 2-1 on Saturday. Wigan had lost to Reading at home in \
                March, and Reading now lead the table.";
    assert_eq!(labels_of(&ner, text, "Reading"), ["ORG", "ORG", "ORG"]);
    // Without such a mention a capitalised common word at a start stays out.
    let found = common::entities(&ner, "Analysis: Very few expected the deal in Gaza.");
    assert!(
        !found.iter().any(|(t, _)| t == "Analysis" || t == "Very"),
        "{found:?}"
    );
}
