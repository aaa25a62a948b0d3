//! Sentence boundaries on edited English beyond news: lists, abbreviations
//! before numbers, clock times before names, abbreviations before a
//! quotation, the pronoun "I", ellipses, citations and credit lines. Each
//! case holds the sentences a careful reader finds.

mod table;

/// (category, text, expected sentences)
#[rustfmt::skip]
const CASES: &[table::Case] = &[
    // Lists and enumerations written on one line.
    ("list", "1. Preheat the oven 2. Mix the flour 3. Bake for 20 minutes",
        &["1. Preheat the oven", "2. Mix the flour", "3. Bake for 20 minutes"]),
    ("list", "1) Preheat the oven 2) Mix the flour",
        &["1) Preheat the oven", "2) Mix the flour"]),
    ("list", "a. Preheat the oven b. Mix the flour c. Bake",
        &["a. Preheat the oven", "b. Mix the flour", "c. Bake"]),
    ("list", "a) Release the hostages b) Withdraw the troops",
        &["a) Release the hostages", "b) Withdraw the troops"]),
    ("list", "The plan has three steps: 1. Release the hostages 2. Withdraw the troops 3. Rebuild Gaza.",
        &["The plan has three steps: 1. Release the hostages", "2. Withdraw the troops", "3. Rebuild Gaza."]),
    ("list", "The steps are: 1. Release the hostages. 2. Withdraw the troops.",
        &["The steps are: 1. Release the hostages.", "2. Withdraw the troops."]),
    ("list", "9. Stir in 2 cups of sugar 10. Serve warm",
        &["9. Stir in 2 cups of sugar", "10. Serve warm"]),
    ("list", "1. Mix 3 eggs with the flour 2. Add 2 cups of milk",
        &["1. Mix 3 eggs with the flour", "2. Add 2 cups of milk"]),
    ("bullet", "• 12 people were killed in the strike. • 30 were wounded.",
        &["• 12 people were killed in the strike.", "• 30 were wounded."]),
    ("bullet", "Key points: • 12 people were killed • 30 were wounded",
        &["Key points:", "• 12 people were killed", "• 30 were wounded"]),
    ("bullet", "The toll rose again. • 40 aid workers have died since October.",
        &["The toll rose again.", "• 40 aid workers have died since October."]),
    ("number start", "The report lists 2 options. 3 officials backed the first.",
        &["The report lists 2 options.", "3 officials backed the first."]),
    // Abbreviations before a number.
    ("before number", "See p. 12 of the report.", &["See p. 12 of the report."]),
    ("before number", "The ruling is quoted on pp. 4-5 of the brief.", &["The ruling is quoted on pp. 4-5 of the brief."]),
    ("before number", "Under Art. 5 of the treaty, an attack on one is an attack on all.",
        &["Under Art. 5 of the treaty, an attack on one is an attack on all."]),
    ("before number", "He lives at No. 10 Downing Street.", &["He lives at No. 10 Downing Street."]),
    ("before number", "The church dates from c. 1200 and was rebuilt in 1850.",
        &["The church dates from c. 1200 and was rebuilt in 1850."]),
    ("before number", "Dvořák wrote the Slavonic Dances, Op. 46, in 1878.",
        &["Dvořák wrote the Slavonic Dances, Op. 46, in 1878."]),
    ("before number", "They have a daughter, Matilda (b. March 2009), and a son.",
        &["They have a daughter, Matilda (b. March 2009), and a son."]),
    ("before number", "Spouse: Jean-Louis Richard (m. 1949; div. 1964)",
        &["Spouse: Jean-Louis Richard (m. 1949; div. 1964)"]),
    ("before number", "The figures are in Vol. 3 of the inquiry and in Fig. 2 of the annex.",
        &["The figures are in Vol. 3 of the inquiry and in Fig. 2 of the annex."]),
    ("before number", "The town (pop. 256,000) was shelled overnight.",
        &["The town (pop. 256,000) was shelled overnight."]),
    ("before number", "Call the desk on ext. 37625 after noon.", &["Call the desk on ext. 37625 after noon."]),
    ("before number", "The data are in Table 3. Fig. 4 shows the trend.",
        &["The data are in Table 3.", "Fig. 4 shows the trend."]),
    // a.m. and p.m. before a titled name or a sentence opener.
    ("clock", "By 9 a.m. Dr. Patel had left the ward.", &["By 9 a.m. Dr. Patel had left the ward."]),
    ("clock", "At 6 p.m. Mr. Biden addressed the nation.", &["At 6 p.m. Mr. Biden addressed the nation."]),
    ("clock", "Shortly after 10 p.m. Israeli jets struck the camp.",
        &["Shortly after 10 p.m. Israeli jets struck the camp."]),
    ("clock", "The clinic opens at 8 a.m. Dr. Patel arrives at nine.",
        &["The clinic opens at 8 a.m.", "Dr. Patel arrives at nine."]),
    ("clock", "The vote is on Friday at 5 p.m. Friday's meeting was cancelled.",
        &["The vote is on Friday at 5 p.m.", "Friday's meeting was cancelled."]),
    ("clock", "The talks ended at 11 p.m. Saturday, officials said.",
        &["The talks ended at 11 p.m. Saturday, officials said."]),
    // An abbreviation ending a sentence before a quotation.
    ("abbrev quote", "He is chief economist at Acme Corp. “Consumers are spending again,” he said.",
        &["He is chief economist at Acme Corp.", "“Consumers are spending again,” he said."]),
    ("abbrev quote", "Shares rose at Acme Inc. “We are pleased,” the chief executive said.",
        &["Shares rose at Acme Inc.", "“We are pleased,” the chief executive said."]),
    ("abbrev quote", "He worked for years in the U.S. \"We miss him,\" a colleague said.",
        &["He worked for years in the U.S.", "\"We miss him,\" a colleague said."]),
    ("abbrev quote", "The envoy said the U.S. “will not walk away.”",
        &["The envoy said the U.S. “will not walk away.”"]),
    // The pronoun "I" versus a middle initial.
    ("pronoun I", "Neither did I. John F. Kennedy spoke next.", &["Neither did I.", "John F. Kennedy spoke next."]),
    ("pronoun I", "He was tired and so was I. Mr. Cohen was not.",
        &["He was tired and so was I.", "Mr. Cohen was not."]),
    ("initials", "The bill was signed by Harry S. Truman in 1948.", &["The bill was signed by Harry S. Truman in 1948."]),
    ("initials", "Books by J. K. Rowling sold well.", &["Books by J. K. Rowling sold well."]),
    // Ellipses inside and between sentences.
    ("ellipsis", "He paused . . . then went on.", &["He paused . . . then went on."]),
    ("ellipsis", "He paused . . . Then he went on.", &["He paused . . .", "Then he went on."]),
    ("ellipsis", "“I don’t know…” Her voice trailed off.", &["“I don’t know…”", "Her voice trailed off."]),
    ("ellipsis", "The talks were ... difficult, he said.", &["The talks were ... difficult, he said."]),
    // Citations after a sentence end or a closing quotation mark.
    ("citation", "He said it was “a disaster.” (Reuters 2023). The talks resumed.",
        &["He said it was “a disaster.” (Reuters 2023).", "The talks resumed."]),
    ("citation", "He died in 2014. [4] His work lives on.", &["He died in 2014. [4]", "His work lives on."]),
    ("citation", "He was born in 1935.[2] He died in 2014.[3]", &["He was born in 1935.[2]", "He died in 2014.[3]"]),
    ("citation", "Fighting resumed in March. [12] [13] Aid stopped.", &["Fighting resumed in March. [12] [13]", "Aid stopped."]),
    ("citation", "The claim is disputed. [citation needed] Others agree.",
        &["The claim is disputed. [citation needed]", "Others agree."]),
    ("citation", "Bias is widely studied. [1 – 3] Sociologists agree.",
        &["Bias is widely studied. [1 – 3]", "Sociologists agree."]),
    ("citation", "The camp was destroyed (credit: Library of Congress)",
        &["The camp was destroyed (credit: Library of Congress)"]),
    ("citation", "“[Hamas] will pay.” [The minister] spoke in Hebrew.",
        &["“[Hamas] will pay.”", "[The minister] spoke in Hebrew."]),
    ("citation", "Can the rest of America do the same? [...]\nHow would it work?",
        &["Can the rest of America do the same? [...]", "How would it work?"]),
    ("citation", "He won the award for Viva Maria! (1965), and later a César.",
        &["He won the award for Viva Maria! (1965), and later a César."]),
    ("citation", "The fire broke out at 6:23 p.m. (but was soon brought under control), officials said.",
        &["The fire broke out at 6:23 p.m. (but was soon brought under control), officials said."]),
    ("section", "2.1. New Institutional Economics\nThe state is weak.",
        &["2.1. New Institutional Economics", "The state is weak."]),
    ("footnote", "Authors are expected to pay a fee. 8 Yet some journals waive it.",
        &["Authors are expected to pay a fee. 8", "Yet some journals waive it."]),
    // Credit lines and bylines stay whole.
    ("credit", "By / – Robert Inlakesh\nGAZA — Strikes continued.", &["By / – Robert Inlakesh", "GAZA — Strikes continued."]),
    ("credit", "Photo: Reuters / By – Robert Inlakesh", &["Photo: Reuters / By – Robert Inlakesh"]),
    ("credit", "By Robert Inlakesh / Mint Press News", &["By Robert Inlakesh / Mint Press News"]),
    // Informal text starting sentences in lowercase, and where it must not.
    ("lowercase", "They look like they were shrunk. you should get a spaniel.",
        &["They look like they were shrunk.", "you should get a spaniel."]),
    ("lowercase", "Where did you grow up? india?", &["Where did you grow up?", "india?"]),
    ("lowercase", "Call them at 303-832-8160. they haven't heard from you.",
        &["Call them at 303-832-8160.", "they haven't heard from you."]),
    ("lowercase", "Prices rose approx. five percent.", &["Prices rose approx. five percent."]),
    ("lowercase", "“Are you sure?” she asked.", &["“Are you sure?” she asked."]),
    ("quote", "“Can Toph and Len come over?” I ask.", &["“Can Toph and Len come over?” I ask."]),
    ("quote", "“Owwww!” I howled. “See what I mean?” the voice shouted.",
        &["“Owwww!” I howled.", "“See what I mean?” the voice shouted."]),
    ("abbrev", "The study covers several towns (e.g. The Hague and Delft).",
        &["The study covers several towns (e.g. The Hague and Delft)."]),
    ("abbrev", "Goldsmith and the Second Circuit say no. Warhol's meaning is irrelevant, they argue.",
        &["Goldsmith and the Second Circuit say no.", "Warhol's meaning is irrelevant, they argue."]),
    ("learned starter", "The deal was struck in the U.S. Perhaps it will hold.",
        &["The deal was struck in the U.S.", "Perhaps it will hold."]),
    ("lowercase", "The staff was very friendly . and did a great job .",
        &["The staff was very friendly .", "and did a great job ."]),
    ("lowercase", "Google isn't as popular as Yahoo! and AOL.", &["Google isn't as popular as Yahoo! and AOL."]),
    ("lowercase", "He earned a Ph.D. in linguistics.", &["He earned a Ph.D. in linguistics."]),
];

#[test]
fn edited_english_splits_as_a_reader_would() {
    table::assert_cases_split_as_expected(CASES, 50);
}

#[test]
fn every_case_keeps_all_its_text() {
    table::assert_cases_keep_all_text(CASES);
}
