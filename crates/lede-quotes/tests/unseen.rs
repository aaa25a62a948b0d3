//! Cases from news the stage was not written against: quotations split by
//! their attribution, consecutive quoted stretches around one cue, speakers
//! written as noun phrases, appositives, coordinations, titles before a
//! name, rarer cue verbs, partial quotes inside a reporting clause, and the
//! mention at the cue kept apart from the name it resolves to. Each expected
//! reading was checked by hand. A speaker "Name@mention" checks both the
//! resolved name and the words at the cue.

mod table;

use table::Case;

const CASES: &[Case] = &[
    // ---- split quotations: both halves kept, one speaker -------------
    Case {
        text: "“I think,” said Maria Lopez, the bank's chief economist, “that the cuts will hold.”",
        entities: "PERSON:Maria Lopez",
        expect: &[
            ("I think,", "direct", "Maria Lopez"),
            ("that the cuts will hold.", "direct", "Maria Lopez"),
        ],
    },
    Case {
        text: "“Inflation is coming down,” said Jane Doe, chief economist at Acme Corp. “Consumers are spending again.”",
        entities: "PERSON:Jane Doe|ORG:Acme Corp.",
        expect: &[
            ("Inflation is coming down,", "direct", "Jane Doe"),
            ("Consumers are spending again.", "direct", "Jane Doe"),
        ],
    },
    Case {
        text: "“We will not back down,” the minister told reporters, adding that talks would resume “within days.”",
        entities: "",
        expect: &[
            ("We will not back down,", "direct", "the minister"),
            ("within days.", "partial", "the minister"),
        ],
    },
    Case {
        text: "“The vote is close,” Senator Amy Klobuchar said, “but we have the numbers.”",
        entities: "PERSON:Amy Klobuchar",
        expect: &[
            ("The vote is close,", "direct", "Amy Klobuchar"),
            ("but we have the numbers.", "direct", "Amy Klobuchar"),
        ],
    },
    Case {
        text: "“If the court rules against us,” he said, “we will appeal the same day.”",
        entities: "",
        expect: &[
            ("If the court rules against us,", "direct", "he"),
            ("we will appeal the same day.", "direct", "he"),
        ],
    },
    Case {
        text: "Ruth Adler runs the food bank in Dayton.\n“Demand has doubled since March,” she said. “We are turning families away.”",
        entities: "PERSON:Ruth Adler|GPE:Dayton",
        expect: &[
            ("Demand has doubled since March,", "direct", "Ruth Adler@she"),
            ("We are turning families away.", "direct", "Ruth Adler@she"),
        ],
    },
    Case {
        text: "“Nobody wanted this strike,” the union wrote, “but management left us no choice.”",
        entities: "",
        expect: &[
            ("Nobody wanted this strike,", "direct", "the union"),
            ("but management left us no choice.", "direct", "the union"),
        ],
    },
    Case {
        text: "“It was chaos,” recalled Tomas Herrera, a nurse at the clinic. “People were sleeping in the hallways.”",
        entities: "PERSON:Tomas Herrera",
        expect: &[
            ("It was chaos,", "direct", "Tomas Herrera"),
            ("People were sleeping in the hallways.", "direct", "Tomas Herrera"),
        ],
    },
    Case {
        text: "“Rates will stay high,” said Lars Berg, an economist at Nordea, “at least until the summer.”",
        entities: "PERSON:Lars Berg|ORG:Nordea",
        expect: &[
            ("Rates will stay high,", "direct", "Lars Berg"),
            ("at least until the summer.", "direct", "Lars Berg"),
        ],
    },
    Case {
        text: "“We got the votes,” Pelosi told reporters on Thursday, “and we will pass it tomorrow.”",
        entities: "PERSON:Pelosi",
        expect: &[
            ("We got the votes,", "direct", "Pelosi"),
            ("and we will pass it tomorrow.", "direct", "Pelosi"),
        ],
    },
    // ---- the mention at the cue and the resolved name ----------------
    Case {
        text: "Ruth Adler, a lawyer for the families, spoke outside the courthouse. “This is a first step,” she said.",
        entities: "PERSON:Ruth Adler",
        expect: &[("This is a first step,", "direct", "Ruth Adler@she")],
    },
    Case {
        text: "Governor Mike DeWine signed the bill on Tuesday. “Ohio is open for business,” he said.",
        entities: "PERSON:Mike DeWine|GPE:Ohio",
        expect: &[("Ohio is open for business,", "direct", "Mike DeWine@he")],
    },
    Case {
        text: "“We have no comment on an ongoing investigation,” the company said in a statement.",
        entities: "",
        expect: &[(
            "We have no comment on an ongoing investigation,",
            "direct",
            "the company@the company",
        )],
    },

    // ---- consecutive stretches around one cue ------------------------
    Case {
        text: "“We were told to leave,” said Ahmed Saleh, a farmer from Beit Hanoun. “There was no time to take anything.” “Now we have nothing.”",
        entities: "PERSON:Ahmed Saleh|GPE:Beit Hanoun",
        expect: &[
            ("We were told to leave,", "direct", "Ahmed Saleh"),
            ("There was no time to take anything.", "direct", "Ahmed Saleh"),
            ("Now we have nothing.", "direct", "Ahmed Saleh"),
        ],
    },
    Case {
        text: "“This is not over,” Mayor Karen Bass said on Friday, “and we will rebuild every home.”",
        entities: "PERSON:Karen Bass",
        expect: &[
            ("This is not over,", "direct", "Karen Bass"),
            ("and we will rebuild every home.", "direct", "Karen Bass"),
        ],
    },
    Case {
        text: "“The numbers are bad,” said Olivia Chen, a strategist at BlackRock, “but not as bad as feared.”",
        entities: "PERSON:Olivia Chen|ORG:BlackRock",
        expect: &[
            ("The numbers are bad,", "direct", "Olivia Chen"),
            ("but not as bad as feared.", "direct", "Olivia Chen"),
        ],
    },
    Case {
        text: "“I have never seen water this high,” said Bill Harper, who has farmed the valley for forty years. “Never.”",
        entities: "PERSON:Bill Harper",
        expect: &[
            ("I have never seen water this high,", "direct", "Bill Harper"),
            ("Never.", "direct", "Bill Harper"),
        ],
    },
    Case {
        text: "“We are ready,” the coach told reporters after practice, “and the players know what is at stake.”",
        entities: "",
        expect: &[
            ("We are ready,", "direct", "the coach"),
            ("and the players know what is at stake.", "direct", "the coach"),
        ],
    },
    Case {
        text: "“It is a good deal for Ohio,” Senator Sherrod Brown said, “and a good deal for workers.”",
        entities: "PERSON:Sherrod Brown|GPE:Ohio",
        expect: &[
            ("It is a good deal for Ohio,", "direct", "Sherrod Brown"),
            ("and a good deal for workers.", "direct", "Sherrod Brown"),
        ],
    },
    Case {
        text: "“Prices went up again,” said Nora Quinn, 62, a retired teacher in Reno. “I buy less every week.”",
        entities: "PERSON:Nora Quinn|GPE:Reno",
        expect: &[
            ("Prices went up again,", "direct", "Nora Quinn"),
            ("I buy less every week.", "direct", "Nora Quinn"),
        ],
    },
    Case {
        text: "“Our members voted to strike,” said Sean O'Brien, the Teamsters president. “We did not take that lightly.”",
        entities: "PERSON:Sean O'Brien|ORG:Teamsters",
        expect: &[
            ("Our members voted to strike,", "direct", "Sean O'Brien"),
            ("We did not take that lightly.", "direct", "Sean O'Brien"),
        ],
    },
    // ---- speakers written as noun phrases ----------------------------
    Case {
        text: "“The patient is in stable condition,” the hospital said in a statement.",
        entities: "",
        expect: &[("The patient is in stable condition,", "direct", "the hospital")],
    },
    Case {
        text: "“The defendant showed no remorse,” the prosecutor wrote in a court filing.",
        entities: "",
        expect: &[("The defendant showed no remorse,", "direct", "the prosecutor")],
    },
    Case {
        text: "“We will not negotiate in public,” the company said.",
        entities: "",
        expect: &[("We will not negotiate in public,", "direct", "the company")],
    },
    Case {
        text: "“Nobody is above the law,” the judge said before reading the sentence.",
        entities: "",
        expect: &[("Nobody is above the law,", "direct", "the judge")],
    },
    Case {
        text: "“Our doors remain open to every family,” the school district said.",
        entities: "",
        expect: &[("Our doors remain open to every family,", "direct", "the school district")],
    },
    Case {
        text: "“This plan will cost jobs,” the union said on Monday.",
        entities: "",
        expect: &[("This plan will cost jobs,", "direct", "the union")],
    },
    Case {
        text: "“We are reviewing the footage,” a police spokesman said.",
        entities: "",
        expect: &[("We are reviewing the footage,", "direct", "a police spokesman")],
    },
    Case {
        text: "“The results are preliminary,” the researchers wrote.",
        entities: "",
        expect: &[("The results are preliminary,", "direct", "the researchers")],
    },
    Case {
        text: "“The airline regrets the inconvenience,” the carrier said in an email.",
        entities: "",
        expect: &[("The airline regrets the inconvenience,", "direct", "the carrier")],
    },
    // ---- appositives and titles before a name ------------------------
    Case {
        text: "“Demand for copper will keep rising,” Ana Ruiz, head of research at Banco Norte in Lima, said in a note to clients.",
        entities: "PERSON:Ana Ruiz|ORG:Banco Norte|GPE:Lima",
        expect: &[("Demand for copper will keep rising,", "direct", "Ana Ruiz")],
    },
    Case {
        text: "“The recession is not coming this year,” economist Lars Berg says.",
        entities: "PERSON:Lars Berg",
        expect: &[("The recession is not coming this year,", "direct", "Lars Berg")],
    },
    Case {
        text: "“Empires fall slowly, then all at once,” warns historian Ito.",
        entities: "PERSON:Ito",
        expect: &[("Empires fall slowly, then all at once,", "direct", "Ito")],
    },
    Case {
        text: "“We did our job,” said Dr. Priya Nair, the county health officer.",
        entities: "PERSON:Priya Nair",
        expect: &[("We did our job,", "direct", "Priya Nair")],
    },
    Case {
        text: "“The border is secure,” Homeland Security Secretary Alejandro Mayorkas told the committee.",
        entities: "PERSON:Alejandro Mayorkas|ORG:Homeland Security",
        expect: &[("The border is secure,", "direct", "Alejandro Mayorkas")],
    },
    Case {
        text: "“We have a mandate,” said Representative Jim Jordan, an Ohio Republican.",
        entities: "PERSON:Jim Jordan|GPE:Ohio|NORP:Republican",
        expect: &[("We have a mandate,", "direct", "Jim Jordan")],
    },
    // ---- rarer cue verbs ----------------------------------------------
    Case {
        text: "“Well, that went about as expected,” quipped Senator John Kennedy.",
        entities: "PERSON:John Kennedy",
        expect: &[("Well, that went about as expected,", "direct", "John Kennedy")],
    },
    Case {
        text: "“I am just tired of it all,” Maria Gomez sighed.",
        entities: "PERSON:Maria Gomez",
        expect: &[("I am just tired of it all,", "direct", "Maria Gomez")],
    },
    Case {
        text: "“It was the best night of my life,” Taylor Swift gushed.",
        entities: "PERSON:Taylor Swift",
        expect: &[("It was the best night of my life,", "direct", "Taylor Swift")],
    },
    Case {
        text: "“Four more years!” the crowd chanted as Trump took the stage.",
        entities: "PERSON:Trump",
        expect: &[("Four more years!", "direct", "the crowd")],
    },
    Case {
        text: "“You cannot be serious,” Sanders interjected.",
        entities: "PERSON:Sanders",
        expect: &[("You cannot be serious,", "direct", "Sanders")],
    },
    Case {
        text: "“We will see you in court,” Attorney General Letitia James tweeted.",
        entities: "PERSON:Letitia James",
        expect: &[("We will see you in court,", "direct", "Letitia James")],
    },
    Case {
        text: "“The market has spoken,” Elon Musk posted on X.",
        entities: "PERSON:Elon Musk|ORG:X",
        expect: &[("The market has spoken,", "direct", "Elon Musk")],
    },
    // ---- leading cues and partial quotes ------------------------------
    Case {
        text: "Trump likened the refugees to a “vicious snake” at a rally in Ohio.",
        entities: "PERSON:Trump|GPE:Ohio",
        expect: &[("vicious snake", "partial", "Trump")],
    },
    Case {
        text: "Warren said bank executives should face “real consequences” for the fraud.",
        entities: "PERSON:Warren",
        expect: &[("real consequences", "partial", "Warren")],
    },
    Case {
        text: "The senator accused the agency of “gross negligence” in its handling of the case.",
        entities: "",
        expect: &[("gross negligence", "partial", "The senator")],
    },
    Case {
        text: "Clinton told the crowd in Flint: “We are going to fix this together.”",
        entities: "PERSON:Clinton|GPE:Flint",
        expect: &[("We are going to fix this together.", "direct", "Clinton")],
    },
    Case {
        text: "According to Maria Alvarez, a spokeswoman for the city, “the water is safe to drink.”",
        entities: "PERSON:Maria Alvarez",
        expect: &[("the water is safe to drink.", "partial", "Maria Alvarez")],
    },
    Case {
        text: "Pence called the remarks “deeply offensive” and demanded an apology.",
        entities: "PERSON:Pence",
        expect: &[("deeply offensive", "partial", "Pence")],
    },
    // ---- pronouns and the name they stand for --------------------------
    Case {
        text: "Sarah Huckabee Sanders spoke to the press on Tuesday. “The president has been clear,” she said.",
        entities: "PERSON:Sarah Huckabee Sanders",
        expect: &[("The president has been clear,", "direct", "Sarah Huckabee Sanders@she")],
    },
    Case {
        text: "Bernie Sanders addressed the rally in Vermont.\n“We are not going away,” he said.",
        entities: "PERSON:Bernie Sanders|GPE:Vermont",
        expect: &[("We are not going away,", "direct", "Bernie Sanders@he")],
    },
    Case {
        text: "Gov. Kathy Hochul signed the budget late on Friday. “New Yorkers deserve safe streets,” she told reporters.",
        entities: "PERSON:Kathy Hochul",
        expect: &[("New Yorkers deserve safe streets,", "direct", "Kathy Hochul@she")],
    },
    Case {
        text: "“We lost everything in the fire,” she said.",
        entities: "",
        expect: &[("We lost everything in the fire,", "direct", "she@she")],
    },
    Case {
        text: "Mark Rutte arrived in Kyiv on Monday. “Ukraine will not stand alone,” he said, “not today and not tomorrow.”",
        entities: "PERSON:Mark Rutte|GPE:Kyiv|GPE:Ukraine",
        expect: &[
            ("Ukraine will not stand alone,", "direct", "Mark Rutte@he"),
            ("not today and not tomorrow.", "direct", "Mark Rutte@he"),
        ],
    },
    // ---- NYT-style '' marks ---------------------------------------------
    Case {
        text: "''This isn't tax reform,'' said Douglas Holtz-Eakin, president of the American Action Forum.",
        entities: "PERSON:Douglas Holtz-Eakin|ORG:American Action Forum",
        expect: &[("This isn't tax reform,", "direct", "Douglas Holtz-Eakin")],
    },
    Case {
        text: "''Tell that to the janitor who is paying taxes,'' Mr. Biden said. ''Tell that to your parents.''",
        entities: "PERSON:Biden",
        expect: &[
            ("Tell that to the janitor who is paying taxes,", "direct", "Biden"),
            ("Tell that to your parents.", "direct", "Biden"),
        ],
    },
    Case {
        text: "Not paying taxes ''makes me smart,'' Donald J. Trump said last week.",
        entities: "PERSON:Donald J. Trump",
        expect: &[("makes me smart,", "partial", "Donald J. Trump")],
    },
    Case {
        text: "''It's more tinkering at the edges,'' said Alan Cole, an economist at the Tax Foundation.",
        entities: "PERSON:Alan Cole|ORG:Tax Foundation",
        expect: &[("It's more tinkering at the edges,", "direct", "Alan Cole")],
    },

    // ---- coordinations and phrases with a head further left ------------
    Case {
        text: "“The data do not support the claim,” Smith and Patel wrote in the journal.",
        entities: "PERSON:Smith|PERSON:Patel",
        expect: &[("The data do not support the claim,", "direct", "Smith and Patel")],
    },
    Case {
        text: "“The agency must answer these questions,” a joint letter from the three senators said.",
        entities: "",
        expect: &[("The agency must answer these questions,", "direct", "the three senators")],
    },
    Case {
        text: "“She has fought for you all her life,” the voice-over in the campaign ad says.",
        entities: "",
        expect: &[("She has fought for you all her life,", "direct", "the campaign ad")],
    },
    Case {
        text: "“And the rent keeps going up,” Luis Ortega chimed in.",
        entities: "PERSON:Luis Ortega",
        expect: &[("And the rent keeps going up,", "direct", "Luis Ortega")],
    },
    Case {
        text: "“This is a sad day for the city,” the mayor said. “We will get through it.”",
        entities: "",
        expect: &[
            ("This is a sad day for the city,", "direct", "the mayor"),
            ("We will get through it.", "direct", "the mayor"),
        ],
    },
];

#[test]
fn there_are_at_least_sixty_unseen_cases() {
    assert!(CASES.len() >= 60, "{} cases", CASES.len());
}

#[test]
fn every_unseen_case_reads_as_a_careful_reader_would() {
    table::check(CASES);
}
