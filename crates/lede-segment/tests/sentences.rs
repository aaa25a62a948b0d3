//! Hard cases of news style, each with the sentences a careful reader
//! finds. Grouped by what makes them hard.

use lede_segment::Segmenter;

/// (category, text, expected sentences)
const CASES: &[(&str, &str, &[&str])] = &[
    // Titles never end a sentence.
    ("title", "Mr. Witkoff arrived in Doha on Tuesday. He met Qatari officials.",
        &["Mr. Witkoff arrived in Doha on Tuesday.", "He met Qatari officials."]),
    ("title", "Mrs. Clinton and Dr. Fauci spoke first. Gen. Halevi did not.",
        &["Mrs. Clinton and Dr. Fauci spoke first.", "Gen. Halevi did not."]),
    ("title", "Sen. Chuck Schumer and Rep. Nancy Pelosi voted yes. Gov. Gavin Newsom abstained.",
        &["Sen. Chuck Schumer and Rep. Nancy Pelosi voted yes.", "Gov. Gavin Newsom abstained."]),
    ("title", "Lt. Col. Avichay Adraee said the strikes would continue.",
        &["Lt. Col. Avichay Adraee said the strikes would continue."]),
    ("title", "The case is known as Roe v. Wade.", &["The case is known as Roe v. Wade."]),
    ("title", "Israel vs. Hamas: the numbers behind the war", &["Israel vs. Hamas: the numbers behind the war"]),
    ("title", "The rally moved to St. Louis on Friday.", &["The rally moved to St. Louis on Friday."]),
    // Dotted abbreviations and initials.
    ("dotted", "The talks were brokered by the U.S. and Qatar.", &["The talks were brokered by the U.S. and Qatar."]),
    ("dotted", "Hamas accepted a U.S. proposal on Friday. Israel has not responded.",
        &["Hamas accepted a U.S. proposal on Friday.", "Israel has not responded."]),
    ("dotted", "The U.N. Security Council met. It adopted Resolution 2735.",
        &["The U.N. Security Council met.", "It adopted Resolution 2735."]),
    ("dotted", "He moved to the U.S. He later became a citizen.",
        &["He moved to the U.S.", "He later became a citizen."]),
    ("dotted", "He moved to the U.S. in 1990.", &["He moved to the U.S. in 1990."]),
    ("dotted", "U.S.-brokered talks resumed. Hamas sent a delegation.",
        &["U.S.-brokered talks resumed.", "Hamas sent a delegation."]),
    ("dotted", "Reporters asked about Washington’s role, e.g. the arms shipments. The envoy declined to answer.",
        &["Reporters asked about Washington’s role, e.g. the arms shipments.", "The envoy declined to answer."]),
    ("initials", "He spoke with Vice President J.D. Vance by phone.", &["He spoke with Vice President J.D. Vance by phone."]),
    ("initials", "President George W. Bush signed the bill in 2002.", &["President George W. Bush signed the bill in 2002."]),
    ("initials", "The bill was signed by John F. Kennedy. It took effect in 1964.",
        &["The bill was signed by John F. Kennedy.", "It took effect in 1964."]),
    // Times.
    ("time", "The strike hit at 10 p.m. The army said it targeted a Hamas commander.",
        &["The strike hit at 10 p.m.", "The army said it targeted a Hamas commander."]),
    ("time", "Talks are set for 3 p.m. Hamas has not confirmed.",
        &["Talks are set for 3 p.m.", "Hamas has not confirmed."]),
    ("time", "The meeting began at 9 a.m. local time and ended at noon.",
        &["The meeting began at 9 a.m. local time and ended at noon."]),
    ("time", "The curfew starts at 10 p.m. on weekdays.", &["The curfew starts at 10 p.m. on weekdays."]),
    ("time", "The vote is due at 11 a.m. Eastern on Thursday.", &["The vote is due at 11 a.m. Eastern on Thursday."]),
    ("time", "Sirens sounded at 10 p.m. Israel time, the army said.",
        &["Sirens sounded at 10 p.m. Israel time, the army said."]),
    // Company and other ambiguous abbreviations.
    ("company", "The company, Acme Widgets Inc., was fined.", &["The company, Acme Widgets Inc., was fined."]),
    ("company", "Shares of Apple Inc. rose 2 percent. The Nasdaq fell.",
        &["Shares of Apple Inc. rose 2 percent.", "The Nasdaq fell."]),
    ("company", "The contract went to Lockheed Martin Corp. and Boeing Co. in March.",
        &["The contract went to Lockheed Martin Corp. and Boeing Co. in March."]),
    ("etc", "Hamas, Islamic Jihad, etc. have all signed on.", &["Hamas, Islamic Jihad, etc. have all signed on."]),
    ("etc", "They met Hamas, Islamic Jihad, etc. The Popular Front stayed away.",
        &["They met Hamas, Islamic Jihad, etc.", "The Popular Front stayed away."]),
    ("number", "No. 10 Downing Street issued a statement.", &["No. 10 Downing Street issued a statement."]),
    ("number", "He is ranked No. 1 in the world.", &["He is ranked No. 1 in the world."]),
    // Months.
    ("month", "The deal was signed on Jan. 19 in Doha.", &["The deal was signed on Jan. 19 in Doha."]),
    ("month", "The ceasefire began on Sept. 30. Fighting resumed days later.",
        &["The ceasefire began on Sept. 30.", "Fighting resumed days later."]),
    ("month", "Fighting resumed in Oct. and continued into winter.", &["Fighting resumed in Oct. and continued into winter."]),
    // Decimals, versions, numbers.
    ("decimal", "The economy grew 2.3 percent in the quarter.", &["The economy grew 2.3 percent in the quarter."]),
    ("decimal", "Version v1.2 of the app was released. It fixed the bug.",
        &["Version v1.2 of the app was released.", "It fixed the bug."]),
    ("decimal", "Inflation was 3.5. The bank held rates.", &["Inflation was 3.5.", "The bank held rates."]),
    ("decimal", "The toll rose to 35,000. Officials expect it to climb.",
        &["The toll rose to 35,000.", "Officials expect it to climb."]),
    // Ellipses.
    ("ellipsis", "He paused... Then he left the room.", &["He paused...", "Then he left the room."]),
    ("ellipsis", "The talks were… difficult, he said.", &["The talks were… difficult, he said."]),
    ("ellipsis", "They murder little children…but they’ll never break us.",
        &["They murder little children…but they’ll never break us."]),
    ("ellipsis", "And then.... Nothing happened.", &["And then....", "Nothing happened."]),
    // URLs, e-mail, handles.
    ("url", "Read the report at https://www.example.org/report.html. It has 40 pages.",
        &["Read the report at https://www.example.org/report.html.", "It has 40 pages."]),
    ("url", "Together, we will make the Middle East Great Again! https://t.co/abc",
        &["Together, we will make the Middle East Great Again! https://t.co/abc"]),
    ("email", "Write to press@example.org. Questions will be answered.",
        &["Write to press@example.org.", "Questions will be answered."]),
    ("email", "Contact press@idf.il. Hamas did not reply.", &["Contact press@idf.il.", "Hamas did not reply."]),
    ("handle", "Netanyahu wrote on X (@netanyahu). The post was deleted.",
        &["Netanyahu wrote on X (@netanyahu).", "The post was deleted."]),
    // Quotations.
    ("quote", "“We will not stop,” Netanyahu said.", &["“We will not stop,” Netanyahu said."]),
    ("quote", "“Are you sure?” she asked.", &["“Are you sure?” she asked."]),
    ("quote", "“Are you sure?” Netanyahu asked.", &["“Are you sure?” Netanyahu asked."]),
    ("quote", "“Why now?” Mr. Vance asked reporters.", &["“Why now?” Mr. Vance asked reporters."]),
    ("quote", "“Who benefits?” asked one analyst.", &["“Who benefits?” asked one analyst."]),
    ("quote", "He asked: “Where are the hostages?” Nobody answered.",
        &["He asked: “Where are the hostages?”", "Nobody answered."]),
    ("quote", "Trump himself stated: “I hope Hamas accepts this agreement.”",
        &["Trump himself stated: “I hope Hamas accepts this agreement.”"]),
    ("quote", "He wrote in all caps: “MAKE THE DEAL IN GAZA. GET THE HOSTAGES BACK. DJT.”",
        &["He wrote in all caps: “MAKE THE DEAL IN GAZA.", "GET THE HOSTAGES BACK.", "DJT.”"]),
    ("quote", "“The parties have the framework. Now they need to close the gaps,” the official said.",
        &["“The parties have the framework.", "Now they need to close the gaps,” the official said."]),
    ("quote", "The plan was called “a powder keg seeking a match.” Analysts agreed.",
        &["The plan was called “a powder keg seeking a match.”", "Analysts agreed."]),
    ("quote", "It was, he said, “the last chance”. Talks collapsed a day later.",
        &["It was, he said, “the last chance”.", "Talks collapsed a day later."]),
    ("quote", "He called it ‘a trap’. ‘Nothing has changed,’ he added.",
        &["He called it ‘a trap’.", "‘Nothing has changed,’ he added."]),
    ("quote", "“He called it a ‘mutually hurting stalemate,’” she said.",
        &["“He called it a ‘mutually hurting stalemate,’” she said."]),
    ("quote", "Hamas rejected the offer. “We will not surrender,” a spokesman said.",
        &["Hamas rejected the offer.", "“We will not surrender,” a spokesman said."]),
    // Headlines, datelines, bylines, credits: a line is always a sentence.
    ("headline", "Negotiation Leverage\nFrom the outset, the process was marred by distortion.",
        &["Negotiation Leverage", "From the outset, the process was marred by distortion."]),
    ("credit", "Credit: Kenny Holston/The New York Times\nThe president spoke on Monday.",
        &["Credit: Kenny Holston/The New York Times", "The president spoke on Monday."]),
    ("byline", "By Robert Inlakesh\nGAZA CITY — Israeli strikes killed 12 people on Sunday.",
        &["By Robert Inlakesh", "GAZA CITY — Israeli strikes killed 12 people on Sunday."]),
    ("headline", "What Truly Lies Behind Trump’s Direct Negotiations With Hamas? – Analysis",
        &["What Truly Lies Behind Trump’s Direct Negotiations With Hamas? – Analysis"]),
    ("dateline", "JERUSALEM — Israel’s cabinet approved the deal early Saturday. The vote was 24 to 8.",
        &["JERUSALEM — Israel’s cabinet approved the deal early Saturday.", "The vote was 24 to 8."]),
    ("paragraph", "The talks involved the U.S.\nQatar mediated.", &["The talks involved the U.S.", "Qatar mediated."]),
    ("paragraph", "  Hamas agreed.  \n\n\n  Israel did not.\r\n", &["Hamas agreed.", "Israel did not."]),
    // Question and exclamation marks.
    ("question", "Is this the end of the war? Few believe it.", &["Is this the end of the war?", "Few believe it."]),
    ("exclamation", "Enough! The crowd roared.", &["Enough!", "The crowd roared."]),
    ("question", "Really?! Nobody expected that.", &["Really?!", "Nobody expected that."]),
    // Parentheses and brackets.
    ("paren", "Hamas (which rules Gaza) rejected the offer. Israel welcomed it.",
        &["Hamas (which rules Gaza) rejected the offer.", "Israel welcomed it."]),
    ("paren", "The offer was rejected (as expected). Talks will resume.",
        &["The offer was rejected (as expected).", "Talks will resume."]),
    ("paren", "(The statement was later deleted.) Officials declined to comment.",
        &["(The statement was later deleted.)", "Officials declined to comment."]),
    ("bracket", "“[Hamas] will pay a heavy price.” The minister spoke in Hebrew.",
        &["“[Hamas] will pay a heavy price.”", "The minister spoke in Hebrew."]),
    // Lists.
    ("list", "The demands are: 1. Release of all hostages. 2. Withdrawal from Gaza. 3. Reconstruction.",
        &["The demands are: 1. Release of all hostages.", "2. Withdrawal from Gaza.", "3. Reconstruction."]),
    ("list", "1. Release of all hostages\n2. Withdrawal from Gaza", &["1. Release of all hostages", "2. Withdrawal from Gaza"]),
    // Dashes.
    ("dash", "The first stage—agreeing on a framework—was completed. The second is harder.",
        &["The first stage—agreeing on a framework—was completed.", "The second is harder."]),
    // Sentence starts that are not capital letters.
    ("digit start", "The vote was delayed. 2024 was a hard year for the coalition.",
        &["The vote was delayed.", "2024 was a hard year for the coalition."]),
    ("currency start", "The fund grew again. $35 billion was pledged in May.",
        &["The fund grew again.", "$35 billion was pledged in May."]),
    ("handle start", "Thanks for the support. @netanyahu replied within minutes.",
        &["Thanks for the support.", "@netanyahu replied within minutes."]),
    ("uncased start", "He signed it. בנימין נתניהו replied later.", &["He signed it.", "בנימין נתניהו replied later."]),
    ("lowercase", "The price is approx. five dollars.", &["The price is approx. five dollars."]),
    ("camel case", "Who will buy it? eBay says it is not interested.",
        &["Who will buy it?", "eBay says it is not interested."]),
    ("camel case", "Sales fell 5 percent. iPhone shipments dropped.",
        &["Sales fell 5 percent.", "iPhone shipments dropped."]),
    // More abbreviations in running text.
    ("suffix", "The speech honored Martin Luther King Jr. The crowd cheered.",
        &["The speech honored Martin Luther King Jr.", "The crowd cheered."]),
    ("dotted", "He was born in the U.K. Many of his relatives live there.",
        &["He was born in the U.K.", "Many of his relatives live there."]),
    ("title", "U.S. Rep. Ilhan Omar criticized the deal.", &["U.S. Rep. Ilhan Omar criticized the deal."]),
    ("month", "The attack came on Oct. 7. Hamas fighters crossed the border.",
        &["The attack came on Oct. 7.", "Hamas fighters crossed the border."]),
    ("quote", "He said the U.S. “must act now.”", &["He said the U.S. “must act now.”"]),
    ("quote", "“No,” he said. “We won’t.”", &["“No,” he said.", "“We won’t.”"]),
];

fn split<'a>(segmenter: &Segmenter, text: &'a str) -> Vec<&'a str> {
    segmenter
        .sentences(text)
        .iter()
        .map(|s| s.text(text))
        .collect()
}

#[test]
fn hard_cases_split_as_a_reader_would() {
    assert!(CASES.len() >= 60, "only {} cases", CASES.len());
    let segmenter = Segmenter::new();
    let mut failures = Vec::new();
    for (category, text, expected) in CASES {
        let got = split(&segmenter, text);
        if got != *expected {
            failures.push(format!(
                "[{category}] {text:?}\n   expected {expected:?}\n   got      {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn every_case_keeps_all_its_text() {
    // The sentences of each case, joined, give back the text minus white space.
    let segmenter = Segmenter::new();
    for (_, text, _) in CASES {
        let joined: String = split(&segmenter, text)
            .concat()
            .split_whitespace()
            .collect();
        let original: String = text.split_whitespace().collect();
        assert_eq!(joined, original);
    }
}
