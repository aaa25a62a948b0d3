//! Sports and market news, where the tagger learnt from the wire stories
//! of CoNLL-2003 is sure of a name that a rule would drop or retype: a
//! player whose last name is a common word ("Guy Forget"), a ground with a
//! possessive ("Lord's"), a club named after its city, a name with a
//! lower-case particle ("de Silva"). Each case lists entities a careful
//! reader annotates (text, label) and texts that must not be entities.

mod common;

use common::{check_cases, entities, Case};
use lede_ner::Ner;

const CASES: &[Case] = &[
    Case {
        text: "Sri Lanka's Aravinda de Silva scored 85 as his side beat Kenya in Kandy on Sunday.",
        want: &[
            ("Sri Lanka", "GPE"),
            ("Aravinda de Silva", "PERSON"),
            ("Kenya", "GPE"),
            ("Kandy", "GPE"),
        ],
        not: &["Silva"],
    },
    Case {
        text: "Guy Forget of France lost to Pete Sampras in straight sets in the second round.",
        want: &[
            ("Guy Forget", "PERSON"),
            ("France", "GPE"),
            ("Pete Sampras", "PERSON"),
        ],
        not: &["Guy"],
    },
    Case {
        text: "Standard Liege coach Tomislav Ivic said his team deserved the win.",
        want: &[("Standard Liege", "ORG"), ("Tomislav Ivic", "PERSON")],
        not: &["Liege"],
    },
    Case {
        text: "Magna International said on Friday it would buy the seating maker for $135 million.",
        want: &[("Magna International", "ORG")],
        not: &["Magna"],
    },
    Case {
        text: "Shares of Mercantile Bancorp rose 2 percent after the bank reported higher profits.",
        want: &[("Mercantile Bancorp", "ORG")],
        not: &[],
    },
    Case {
        text: "Seattle Mariners outfielder Ken Griffey Jr. hit his 40th homer of the season.",
        want: &[("Seattle Mariners", "ORG"), ("Ken Griffey Jr.", "PERSON")],
        not: &["Seattle"],
    },
    Case {
        text: "Prime Minister John Howard flew to Jakarta for talks with President Suharto.",
        want: &[
            ("John Howard", "PERSON"),
            ("Jakarta", "GPE"),
            ("Suharto", "PERSON"),
        ],
        not: &["Prime Minister John Howard", "President Suharto"],
    },
    Case {
        text: "The Australian dollar rose against the yen in Sydney trading.",
        want: &[("Australian", "NORP"), ("Sydney", "GPE")],
        not: &[],
    },
    Case {
        text: "Bayern Munich beat Hamburg 3-0 on Saturday to go top of the table.",
        want: &[("Bayern Munich", "ORG"), ("Hamburg", "ORG")],
        not: &["Munich"],
    },
    Case {
        text: "Feyenoord coach Arie Haan was sacked after the defeat in Rotterdam.",
        want: &[
            ("Feyenoord", "ORG"),
            ("Arie Haan", "PERSON"),
            ("Rotterdam", "GPE"),
        ],
        not: &[],
    },
    Case {
        text: "Pakistan's Wasim Akram took five wickets on the second day.",
        want: &[("Pakistan", "GPE"), ("Wasim Akram", "PERSON")],
        not: &["Pakistan's"],
    },
    Case {
        text: "Boris Becker of Germany beat Michael Chang of the United States in the final.",
        want: &[
            ("Boris Becker", "PERSON"),
            ("Germany", "GPE"),
            ("Michael Chang", "PERSON"),
            ("United States", "GPE"),
        ],
        not: &["the United States"],
    },
    Case {
        text: "The European Commission said on Tuesday it would fine the company.",
        want: &[("European Commission", "ORG")],
        not: &["The European Commission"],
    },
    Case {
        text: "Ajax Amsterdam lost 2-1 to PSV Eindhoven in the Dutch league.",
        want: &[
            ("Ajax Amsterdam", "ORG"),
            ("PSV Eindhoven", "ORG"),
            ("Dutch", "NORP"),
        ],
        not: &["Amsterdam", "Eindhoven"],
    },
    Case {
        text: "Japan's main share index fell 1.2 percent in Tokyo on Monday.",
        want: &[("Japan", "GPE"), ("Tokyo", "GPE")],
        not: &[],
    },
    Case {
        text: "Inter Milan striker Ivan Zamorano scored twice against Cagliari.",
        want: &[
            ("Inter Milan", "ORG"),
            ("Ivan Zamorano", "PERSON"),
            ("Cagliari", "ORG"),
        ],
        not: &["Milan"],
    },
    Case {
        text: "Brazil's Ronaldo was named player of the year at a ceremony in Lisbon.",
        want: &[("Brazil", "GPE"), ("Ronaldo", "PERSON"), ("Lisbon", "GPE")],
        not: &[],
    },
    Case {
        text: "Celtic drew 1-1 with Rangers in the Scottish premier division on Sunday.",
        want: &[("Celtic", "ORG"), ("Rangers", "ORG"), ("Scottish", "NORP")],
        not: &[],
    },
    Case {
        text: "Martina Hingis of Switzerland beat Steffi Graf in the semi-finals.",
        want: &[
            ("Martina Hingis", "PERSON"),
            ("Switzerland", "GPE"),
            ("Steffi Graf", "PERSON"),
        ],
        not: &[],
    },
    Case {
        text: "Tottenham manager Gerry Francis said the club would appeal against the ban.",
        want: &[("Gerry Francis", "PERSON")],
        not: &["Tottenham manager Gerry Francis"],
    },
    Case {
        text: "Newcastle paid Blackburn a world record 15 million pounds for Alan Shearer.",
        want: &[("Blackburn", "ORG"), ("Alan Shearer", "PERSON")],
        not: &[],
    },
    Case {
        text: "The New York Yankees beat the Baltimore Orioles 5-3 on Tuesday night.",
        want: &[("New York Yankees", "ORG"), ("Baltimore Orioles", "ORG")],
        not: &["New York", "Baltimore"],
    },
    Case {
        text: "Paris St Germain won 1-0 away in the French first division.",
        want: &[("Paris St Germain", "ORG"), ("French", "NORP")],
        not: &["Paris"],
    },
    Case {
        text: "Aston Villa striker Dwight Yorke scored in the 2-0 win over Derby.",
        want: &[
            ("Aston Villa", "ORG"),
            ("Dwight Yorke", "PERSON"),
            ("Derby", "ORG"),
        ],
        not: &[],
    },
    Case {
        text: "Sampras, the top seed, meets Goran Ivanisevic of Croatia in the quarter-finals.",
        want: &[
            ("Sampras", "PERSON"),
            ("Goran Ivanisevic", "PERSON"),
            ("Croatia", "GPE"),
        ],
        not: &[],
    },
    Case {
        text: "Greg Rusedski of Britain reached the final of the tournament in Bournemouth.",
        want: &[
            ("Greg Rusedski", "PERSON"),
            ("Britain", "GPE"),
            ("Bournemouth", "GPE"),
        ],
        not: &[],
    },
    Case {
        text: "Chelsea's Dutch midfielder Ruud Gullit said he would stay in London.",
        want: &[
            ("Dutch", "NORP"),
            ("Ruud Gullit", "PERSON"),
            ("London", "GPE"),
        ],
        not: &["Chelsea's"],
    },
    Case {
        text: "The Commonwealth Bank of Australia raised its mortgage rate on Wednesday.",
        want: &[("Commonwealth Bank of Australia", "ORG")],
        not: &["Australia"],
    },
];

#[test]
fn sports_and_market_news() {
    let ner = Ner::new().expect("embedded model");
    let (checks, failures) = check_cases(&ner, CASES);
    assert!(checks > 100, "{checks} checks");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_ground_with_a_possessive_keeps_it() {
    let ner = Ner::new().expect("embedded model");
    let found = entities(
        &ner,
        "Rain stopped play at Lord's on Thursday with England on 210 for four.",
    );
    assert!(found.iter().any(|(t, _)| t == "Lord's"), "{found:?}");
    assert!(!found.iter().any(|(t, _)| t == "Lord"), "{found:?}");
    assert!(found.contains(&("England".to_string(), "GPE")), "{found:?}");
}
