//! Cases for the speakers the ranker chooses beyond the sieve: sign-offs
//! after a quote, transcript labels, a cue ending the paragraph before,
//! subjects of a reporting verb across a party affiliation or a long
//! appositive, the subject of the quote's sentence, and the choice of
//! nobody where a verb belongs to another clause. Each expected reading was
//! checked by hand. A speaker "Name@mention" checks both the resolved name
//! and the words at the cue.

mod table;

use table::Case;

const CASES: &[Case] = &[
    // ---- sign-offs: “…” ― Name ----------------------------------------
    Case {
        text: "Readers wrote in after the debate.\n“The new bridge will save me an hour a day.” ― Marta Kowalski\n“I still do not trust the contractor.” ― Dev Patel",
        entities: "PERSON:Marta Kowalski|PERSON:Dev Patel",
        expect: &[
            ("The new bridge will save me an hour a day.", "direct", "Marta Kowalski"),
            ("I still do not trust the contractor.", "direct", "Dev Patel"),
        ],
    },
    Case {
        text: "“We were never asked what the valley needs.” — Tomasz Nowak.",
        entities: "",
        expect: &[("We were never asked what the valley needs.", "direct", "Tomasz Nowak")],
    },
    Case {
        text: "“The clinic is the only one for sixty miles.” ― Carla de la Cruz",
        entities: "PERSON:Carla de la Cruz",
        expect: &[("The clinic is the only one for sixty miles.", "direct", "Carla de la Cruz")],
    },
    // ---- transcript labels --------------------------------------------
    Case {
        text: "Senator Helen Brandt spoke to host Omar Reyes on Sunday.\n\"REYES: Will you vote for the bill on Tuesday?\n\"BRANDT: Not in its current form, and I have told the leadership so.",
        entities: "PERSON:Helen Brandt|PERSON:Omar Reyes",
        expect: &[
            ("Will you vote for the bill on Tuesday?", "direct", "Omar Reyes@REYES"),
            ("Not in its current form, and I have told the leadership so.", "direct", "Helen Brandt@BRANDT"),
        ],
    },
    // ---- a cue ending the paragraph before ----------------------------
    Case {
        text: "Mayor Lena Hart answered the critics at the council meeting.\nShe said:\n“We will publish every contract, line by line, before the vote.”",
        entities: "PERSON:Lena Hart",
        expect: &[("We will publish every contract, line by line, before the vote.", "direct", "Lena Hart@She")],
    },
    Case {
        text: "The Daily Ledger reports:\n“The port authority spent twice its budget on consultants last year.”",
        entities: "ORG:The Daily Ledger",
        expect: &[("The port authority spent twice its budget on consultants last year.", "direct", "The Daily Ledger")],
    },
    // ---- subjects across affiliations and long appositives ------------
    Case {
        text: "“The farm bill is a jobs bill,” Ann Lee (D-Ore.) said Thursday.",
        entities: "PERSON:Ann Lee",
        expect: &[("The farm bill is a jobs bill,", "direct", "Ann Lee")],
    },
    Case {
        text: "“We have to see the text first,” Mark Ortiz (R-Ariz.) told reporters after the vote.",
        entities: "PERSON:Mark Ortiz",
        expect: &[("We have to see the text first,", "direct", "Mark Ortiz")],
    },
    Case {
        text: "“It is a sound plan,” Paul Berger, director of the Lakeside Budget Institute and a former adviser to two governors, said of the proposal.",
        entities: "PERSON:Paul Berger|ORG:Lakeside Budget Institute",
        expect: &[("It is a sound plan,", "direct", "Paul Berger")],
    },
    Case {
        text: "“The fund will run dry by 2031” without new revenue, she said on Monday.",
        entities: "",
        expect: &[("The fund will run dry by 2031", "direct", "she")],
    },
    // ---- the subject of the quote's sentence --------------------------
    Case {
        text: "Governor Ines Duarte spoke at the shipyard on Friday, arguing that the layoffs were “avoidable and cruel.”",
        entities: "PERSON:Ines Duarte",
        expect: &[("avoidable and cruel.", "partial", "Ines Duarte")],
    },
    Case {
        text: "In a speech on trade, Karl Weber attacked the tariff plan, saying, “It taxes every family in this state.”",
        entities: "PERSON:Karl Weber",
        expect: &[("It taxes every family in this state.", "direct", "Karl Weber")],
    },
    // ---- a verb of another clause speaks for nobody -------------------
    Case {
        text: "The union wanted a “fair share,” while the company insisted on a two-year freeze.",
        entities: "",
        expect: &[("fair share,", "scare", "*")],
    },
    // ---- speakers the entity layer missed ----------------------------
    Case {
        text: "“The best way to follow the debate is to watch our live feed,” FactCheck.org says.",
        entities: "",
        expect: &[("The best way to follow the debate is to watch our live feed,", "direct", "FactCheck.org")],
    },
    Case {
        text: "“The figures for the first quarter were revised twice,” The Ledger reported.",
        entities: "",
        expect: &[("The figures for the first quarter were revised twice,", "direct", "The Ledger")],
    },
    Case {
        text: "“A county cannot strike voters from the rolls simply for failing to vote,” said the ruling.",
        entities: "",
        expect: &[("A county cannot strike voters from the rolls simply for failing to vote,", "direct", "the ruling")],
    },
    // ---- a name after its title, with a party and state ---------------
    Case {
        text: "“Our assumption is that the veto will be overridden,” House Majority Leader Steve Scalise, R-La., said Tuesday.",
        entities: "ORG:House|PERSON:Steve Scalise",
        expect: &[("Our assumption is that the veto will be overridden,", "direct", "Steve Scalise")],
    },
    // ---- the cue ends the sentence before the quote -------------------
    Case {
        text: "The bridge will stay closed until spring, Ana Hernandez said. “We cannot risk another collapse. The steel is too weak.”",
        entities: "PERSON:Ana Hernandez",
        expect: &[("We cannot risk another collapse. The steel is too weak.", "direct", "Ana Hernandez")],
    },
    Case {
        text: "The agency may wait until the talks end, Rep. Adam Ruiz told reporters. “Nobody wants to be seen tipping the scales.”",
        entities: "PERSON:Adam Ruiz",
        expect: &[("Nobody wants to be seen tipping the scales.", "direct", "Adam Ruiz")],
    },
    // ---- the first reporting verb of the sentence: its subject speaks --
    Case {
        text: "At a news conference in Midtown, the mayor also said that it was too early to tell whether the fire was set, and that there was “no evidence” of a wider plot.",
        entities: "GPE:Midtown",
        expect: &[("no evidence", "partial", "the mayor")],
    },
    // ---- a statement opening the sentence: its subject speaks ---------
    Case {
        text: "In a White House statement, President Joe Biden condemned the launch as \"reckless and dangerous.\"",
        entities: "ORG:White House|PERSON:Joe Biden",
        expect: &[("reckless and dangerous.", "partial", "Joe Biden")],
    },
    Case {
        text: "In a written statement, Governor Ana Ruiz called the ruling \"a victory for every family in this state.\"",
        entities: "PERSON:Ana Ruiz",
        expect: &[("a victory for every family in this state.", "partial", "Ana Ruiz")],
    },
    // ---- a relative pronoun opens the clause of the cue: the pronoun is
    // the mention at the cue, the phrase before it the name -------------
    Case {
        text: "The senator has had a cool relationship with Mitch Brennan, now the majority leader, who in 2019 said the party's first goal was to make the governor a “one-term governor.”",
        entities: "PERSON:Mitch Brennan",
        expect: &[("one-term governor.", "partial", "Mitch Brennan@who")],
    },
    Case {
        text: "Reporters turned to the Dayton Police Department, which reported “1,204 shooting incidents” in the city last year.",
        entities: "ORG:Dayton Police Department|GPE:Dayton",
        expect: &[("1,204 shooting incidents", "partial", "Dayton Police Department@which")],
    },
    Case {
        text: "Among the guests was the singer Stevie Wonder, who joked, “I haven't seen it yet, but I'm going to.”",
        entities: "PERSON:Stevie Wonder",
        expect: &[("I haven't seen it yet, but I'm going to.", "direct", "Stevie Wonder@who")],
    },
    // ---- a number inside the phrase, a determiner before an age -----
    Case {
        text: "“The rationales for the veto don't hold weight,” said 9/11 widow Terry Strada.",
        entities: "PERSON:Terry Strada",
        expect: &[("The rationales for the veto don't hold weight,", "direct", "Terry Strada")],
    },
    Case {
        text: "“Donald is, and always has been, an amazing leader,” said the 46-year-old.",
        entities: "PERSON:Donald",
        expect: &[("Donald is, and always has been, an amazing leader,", "direct", "the 46-year-old")],
    },
    // ---- a person after a preposition is talked about, not speaking --
    Case {
        text: "At a fundraiser in New York with the singer Barbra Streisand, Clinton called half of her rival's supporters “deplorables.”",
        entities: "GPE:New York|PERSON:Barbra Streisand|PERSON:Clinton",
        expect: &[("deplorables.", "partial", "Clinton")],
    },
    // ---- the source named by "according to" above the speaker --------
    Case {
        text: "McAuliffe was greeted with chants of “Bobby!” at a labor conference in Williamsburg last month, according to state union president Doris Crouse-Mays.",
        entities: "PERSON:McAuliffe|GPE:Williamsburg|PERSON:Doris Crouse-Mays",
        expect: &[("Bobby!", "partial", "Doris Crouse-Mays")],
    },
];

#[test]
fn every_ranked_case_reads_as_a_careful_reader_would() {
    table::check(CASES);
}
