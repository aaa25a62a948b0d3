//! Cases for speakers written as the subject noun phrase of the quote's
//! sentence, which no reporting verb next to the quote names (its head
//! before a participle or a verb that is no reporting verb), and for the
//! subject of the sentence before a quote that stands alone. Each expected
//! reading was checked by hand.

mod table;

use table::Case;

const CASES: &[Case] = &[
    // ---- the subject's head before a participle -----------------------
    Case {
        text: "Nurses striking outside the county hospital want “safe staffing, not slogans,” and they have vowed to stay out until Monday.",
        entities: "",
        expect: &[("safe staffing, not slogans,", "partial", "Nurses")],
    },
    // ---- after an opening phrase --------------------------------------
    Case {
        text: "On Monday, two tenant groups sued the landlord, arguing that the rent rise was “unlawful and punitive.”",
        entities: "",
        expect: &[("unlawful and punitive.", "partial", "two tenant groups")],
    },
    // ---- a subject with a verb that reports nothing --------------------
    Case {
        text: "The retired general has given no details of his plans, saying only that the campaign was “refining some operational practices.”",
        entities: "",
        expect: &[("refining some operational practices.", "partial", "The retired general")],
    },
    // ---- the subject of the sentence before a quote that stands alone --
    Case {
        text: "The judge turned to the jury. “Have you reached a verdict on all three counts?”",
        entities: "",
        expect: &[("Have you reached a verdict on all three counts?", "direct", "The judge")],
    },
    // ---- a phrase whose head is no speaker stays no speaker ------------
    Case {
        text: "From the outset, the negotiation process has been marred by what observers describe as mutual distrust, framed as an “inverted pyramid.”",
        entities: "",
        expect: &[("inverted pyramid.", "scare", "*")],
    },
    Case {
        text: "Their increased ambushes across several fronts are reshaping the conflict into “negotiations under fire.”",
        entities: "",
        expect: &[("negotiations under fire.", "scare", "*")],
    },
];

#[test]
fn every_subject_case_reads_as_a_careful_reader_would() {
    table::check(CASES);
}
