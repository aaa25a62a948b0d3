//! Table-driven cases: realistic news sentences in the styles the stage must
//! read, each with the exact quote text, kind and speaker a careful reader
//! would give. Entities are supplied as an entity recogniser would (names
//! and labels, no canonical names), sentences by a plain splitter, and
//! paragraphs are lines.

mod table;

use table::Case;

const CASES: &[Case] = &[
    // ---- trailing cues: “…,” said X / “…,” X said -------------------
    Case {
        text: "“We are closer than we have ever been to a deal,” said Antony Blinken, the U.S. secretary of state.",
        entities: "PERSON:Antony Blinken|GPE:U.S.",
        expect: &[("We are closer than we have ever been to a deal,", "direct", "Antony Blinken")],
    },
    Case {
        text: "Blinken flew to Amman on Monday. “The ceasefire must hold,” Blinken said on Tuesday.",
        entities: "PERSON:Blinken|GPE:Amman",
        expect: &[("The ceasefire must hold,", "direct", "Blinken")],
    },
    Case {
        text: "“There is no military solution to this conflict,” notes Mohammed bin Abdulrahman Al Thani, Qatar’s prime minister.",
        entities: "PERSON:Mohammed bin Abdulrahman Al Thani|GPE:Qatar",
        expect: &[("There is no military solution to this conflict,", "direct", "Mohammed bin Abdulrahman Al Thani")],
    },
    Case {
        text: "Steve Witkoff arrived in Sharm el-Sheikh on Monday.\n“They were almost looking at the hostages less as an asset and more as a liability,” observed Mr. Witkoff.",
        entities: "PERSON:Steve Witkoff|PERSON:Witkoff|GPE:Sharm el-Sheikh",
        expect: &[("They were almost looking at the hostages less as an asset and more as a liability,", "direct", "Steve Witkoff")],
    },
    Case {
        text: "Prime Minister Benjamin Netanyahu met his cabinet on Sunday. “We will not accept any deal that leaves Hamas in power,” Netanyahu told reporters.",
        entities: "PERSON:Benjamin Netanyahu|PERSON:Netanyahu|ORG:Hamas",
        expect: &[("We will not accept any deal that leaves Hamas in power,", "direct", "Benjamin Netanyahu")],
    },
    Case {
        text: "“Hamas can be dismantled later,” the US official reportedly said.",
        entities: "ORG:Hamas|GPE:US",
        expect: &[("Hamas can be dismantled later,", "direct", "the US official")],
    },
    Case {
        text: "“There are no indications of any flexibility in the positions of Hamas or Netanyahu,” one official said, adding that both parties remain entrenched.",
        entities: "ORG:Hamas|PERSON:Netanyahu",
        expect: &[("There are no indications of any flexibility in the positions of Hamas or Netanyahu,", "direct", "one official")],
    },
    Case {
        text: "“The talks are serious and constructive,” a senior U.S. administration official said, speaking on condition of anonymity.",
        entities: "GPE:U.S.",
        expect: &[("The talks are serious and constructive,", "direct", "a senior U.S. administration official")],
    },
    Case {
        text: "“Israel has agreed to the framework,” Egyptian intelligence sources told Al-Qahera News.",
        entities: "GPE:Israel|NORP:Egyptian|ORG:Al-Qahera News",
        expect: &[("Israel has agreed to the framework,", "direct", "Egyptian intelligence sources")],
    },
    Case {
        text: "Einav Zangauker, whose son is held in Gaza, addressed the crowd in Tel Aviv. “We want our children back now,” she said.",
        entities: "PERSON:Einav Zangauker|GPE:Gaza|GPE:Tel Aviv",
        expect: &[("We want our children back now,", "direct", "Einav Zangauker")],
    },
    Case {
        text: "“The aid is simply not getting in,” said a spokesman for the UN Office for the Coordination of Humanitarian Affairs.",
        entities: "ORG:UN Office for the Coordination of Humanitarian Affairs",
        expect: &[("The aid is simply not getting in,", "direct", "a spokesman")],
    },
    Case {
        text: "“We will respond at a time and place of our choosing,” Hezbollah said in a statement.",
        entities: "ORG:Hezbollah",
        expect: &[("We will respond at a time and place of our choosing,", "direct", "Hezbollah")],
    },
    Case {
        text: "“The strike targeted a Hamas command center,” the Israeli military said.",
        entities: "ORG:Hamas|NORP:Israeli",
        expect: &[("The strike targeted a Hamas command center,", "direct", "the Israeli military")],
    },
    Case {
        text: "“Nobody is safe here, not even the children,” said Umm Mohammed, a mother of five sheltering in a Rafah school.",
        entities: "PERSON:Umm Mohammed|GPE:Rafah",
        expect: &[("Nobody is safe here, not even the children,", "direct", "Umm Mohammed")],
    },
    Case {
        text: "“We are running out of everything, even gauze,” Dr. Ghassan Abu Sitta told the BBC.",
        entities: "PERSON:Ghassan Abu Sitta|ORG:BBC",
        expect: &[("We are running out of everything, even gauze,", "direct", "Ghassan Abu Sitta")],
    },
    Case {
        text: "“This is a man-made catastrophe,” according to Philippe Lazzarini, the head of UNRWA.",
        entities: "PERSON:Philippe Lazzarini|ORG:UNRWA",
        expect: &[("This is a man-made catastrophe,", "direct", "Philippe Lazzarini")],
    },
    Case {
        text: "“The negotiations are stuck on the Philadelphi Corridor,” according to two Egyptian officials familiar with the talks.",
        entities: "FAC:Philadelphi Corridor|NORP:Egyptian",
        expect: &[("The negotiations are stuck on the Philadelphi Corridor,", "direct", "two Egyptian officials")],
    },
    Case {
        text: "“The streets outside are eerily quiet today,” says Hassan al-Masri, who runs a café near the ministry.",
        entities: "PERSON:Hassan al-Masri",
        expect: &[("The streets outside are eerily quiet today,", "direct", "Hassan al-Masri")],
    },
    Case {
        text: "“Where are we supposed to go?” asked Samar Abu Elouf, a displaced mother in Rafah.",
        entities: "PERSON:Samar Abu Elouf|GPE:Rafah",
        expect: &[("Where are we supposed to go?", "direct", "Samar Abu Elouf")],
    },
    Case {
        text: "“Without a deal, the whole region will burn,” warned Ayman Safadi, Jordan’s foreign minister.",
        entities: "PERSON:Ayman Safadi|GPE:Jordan",
        expect: &[("Without a deal, the whole region will burn,", "direct", "Ayman Safadi")],
    },
    Case {
        text: "“This is the last chance for the hostages”, said Yair Lapid, the opposition leader.",
        entities: "PERSON:Yair Lapid",
        expect: &[("This is the last chance for the hostages", "direct", "Yair Lapid")],
    },
    Case {
        text: "“We are exhausted, we have moved nine times,” Ahmed Abu Rizq told the Associated Press by phone from Khan Younis.",
        entities: "PERSON:Ahmed Abu Rizq|ORG:Associated Press|GPE:Khan Younis",
        expect: &[("We are exhausted, we have moved nine times,", "direct", "Ahmed Abu Rizq")],
    },
    Case {
        text: "“Netanyahu has failed us,” a protester shouted outside the Knesset.",
        entities: "PERSON:Netanyahu|ORG:Knesset",
        expect: &[("Netanyahu has failed us,", "direct", "a protester")],
    },
    Case {
        text: "“We will never allow a Palestinian state west of the Jordan,” Israel said in a letter to the Security Council.",
        entities: "NORP:Palestinian|LOC:Jordan|GPE:Israel|ORG:Security Council",
        expect: &[("We will never allow a Palestinian state west of the Jordan,", "direct", "Israel")],
    },
    Case {
        text: "“The gaps are narrowing,” according to a diplomat briefed on the talks.",
        entities: "",
        expect: &[("The gaps are narrowing,", "direct", "a diplomat")],
    },
    Case {
        text: "“A deal could come within days,” two people familiar with the negotiations said.",
        entities: "",
        expect: &[("A deal could come within days,", "direct", "two people")],
    },
    Case {
        text: "“We are ready to negotiate seriously,” said Hamas official Basem Naim.",
        entities: "ORG:Hamas|PERSON:Basem Naim",
        expect: &[("We are ready to negotiate seriously,", "direct", "Basem Naim")],
    },
    Case {
        text: "“We will keep pushing until every hostage is home,” said the foreign minister, Israel Katz.",
        entities: "PERSON:Israel Katz",
        expect: &[("We will keep pushing until every hostage is home,", "direct", "Israel Katz")],
    },
    Case {
        text: "“Hamas’s leaders don’t trust guarantees from the ’90s,” said Ismail Haniyeh’s former aide, Basem Naim.",
        entities: "ORG:Hamas|PERSON:Ismail Haniyeh|PERSON:Basem Naim",
        expect: &[("Hamas’s leaders don’t trust guarantees from the ’90s,", "direct", "Basem Naim")],
    },
    // ---- leading cues: X said: “…” / X stated that … “…” -------------
    Case {
        text: "Trump himself stated: “I hope Hamas accepts this agreement, because the situation will worsen.”",
        entities: "PERSON:Trump|ORG:Hamas",
        expect: &[("I hope Hamas accepts this agreement, because the situation will worsen.", "direct", "Trump")],
    },
    Case {
        text: "Dr. Mona El-Ghobashy, senior fellow at the Carnegie Endowment, explains: “Both sides are reaching a mutually hurting stalemate.”",
        entities: "PERSON:Mona El-Ghobashy|ORG:Carnegie Endowment",
        expect: &[("Both sides are reaching a mutually hurting stalemate.", "direct", "Mona El-Ghobashy")],
    },
    Case {
        text: "Secretary of State Marco Rubio said: “We are not going to let this drag on for months.”",
        entities: "PERSON:Marco Rubio",
        expect: &[("We are not going to let this drag on for months.", "direct", "Marco Rubio")],
    },
    Case {
        text: "Hamas said in a statement on Saturday: “The occupation bears full responsibility for the fate of the captives.”",
        entities: "ORG:Hamas",
        expect: &[("The occupation bears full responsibility for the fate of the captives.", "direct", "Hamas")],
    },
    Case {
        text: "Netanyahu wrote on X: “We will bring all our hostages home.”",
        entities: "PERSON:Netanyahu|ORG:X",
        expect: &[("We will bring all our hostages home.", "direct", "Netanyahu")],
    },
    Case {
        text: "In a post on Truth Social, Trump wrote: “MAKE THE DEAL IN GAZA. GET THE HOSTAGES BACK.”",
        entities: "ORG:Truth Social|PERSON:Trump",
        expect: &[("MAKE THE DEAL IN GAZA. GET THE HOSTAGES BACK.", "direct", "Trump")],
    },
    Case {
        text: "Ismail Haniyeh told Al Jazeera: “The resistance will not lay down its arms.”",
        entities: "PERSON:Ismail Haniyeh|ORG:Al Jazeera",
        expect: &[("The resistance will not lay down its arms.", "direct", "Ismail Haniyeh")],
    },
    Case {
        text: "Asked whether Israel would withdraw, Netanyahu replied: “Not now, not ever.”",
        entities: "GPE:Israel|PERSON:Netanyahu",
        expect: &[("Not now, not ever.", "direct", "Netanyahu")],
    },
    Case {
        text: "The Israel Defense Forces posted on X: “Our troops are operating in the Jabalia area.”",
        entities: "ORG:Israel Defense Forces|ORG:X|GPE:Jabalia",
        expect: &[("Our troops are operating in the Jabalia area.", "direct", "Israel Defense Forces")],
    },
    Case {
        text: "French President Emmanuel Macron told reporters: «Recognition of a Palestinian state is not a taboo for France.»",
        entities: "NORP:French|PERSON:Emmanuel Macron|NORP:Palestinian|GPE:France",
        expect: &[("Recognition of a Palestinian state is not a taboo for France.", "direct", "Emmanuel Macron")],
    },
    Case {
        text: "Haaretz quoted an unnamed White House official as saying: “The president wants this war over.”",
        entities: "ORG:Haaretz|ORG:White House",
        expect: &[("The president wants this war over.", "direct", "an unnamed White House official")],
    },
    Case {
        text: "Hamas’s response was blunt: “We reject any deal that does not end the war.”",
        entities: "ORG:Hamas",
        expect: &[("We reject any deal that does not end the war.", "direct", "Hamas")],
    },
    Case {
        text: "Mahmoud Abbas, the Palestinian Authority president, warned: “Gaza is an inseparable part of the Palestinian state.”",
        entities: "PERSON:Mahmoud Abbas|ORG:Palestinian Authority|GPE:Gaza|NORP:Palestinian",
        expect: &[("Gaza is an inseparable part of the Palestinian state.", "direct", "Mahmoud Abbas")],
    },
    // ---- partial quotes attributed in the sentence ---------------------
    Case {
        text: "During a press conference on Friday, Trump said that a ceasefire in Gaza could be reached “within the next week,” adding that he had spoken to those involved.",
        entities: "PERSON:Trump|GPE:Gaza",
        expect: &[("within the next week,", "partial", "Trump")],
    },
    Case {
        text: "Trump called the charges “insane” and warned that they were hurting the talks.",
        entities: "PERSON:Trump",
        expect: &[("insane", "partial", "Trump")],
    },
    Case {
        text: "The attacks have created what Jordan’s King Abdullah II called “a powder keg seeking a match.”",
        entities: "GPE:Jordan|PERSON:Abdullah II",
        expect: &[("a powder keg seeking a match.", "partial", "Abdullah II")],
    },
    Case {
        text: "According to the UN Office for the Coordination of Humanitarian Affairs, Gaza faces “unprecedented humanitarian catastrophe” this winter.",
        entities: "ORG:UN Office for the Coordination of Humanitarian Affairs|GPE:Gaza",
        expect: &[("unprecedented humanitarian catastrophe", "partial", "UN Office for the Coordination of Humanitarian Affairs")],
    },
    Case {
        text: "American officials describe the talks as “constructive but difficult,” a phrase that often signals painful compromises.",
        entities: "NORP:American",
        expect: &[("constructive but difficult,", "partial", "American officials")],
    },
    Case {
        text: "Israeli Finance Minister Bezalel Smotrich spoke at a rally on Monday. He declared that the government would “never agree to divide the country.”",
        entities: "NORP:Israeli|PERSON:Bezalel Smotrich",
        expect: &[("never agree to divide the country.", "partial", "Bezalel Smotrich")],
    },
    Case {
        text: "Bezalel Smotrich addressed the settlers. He denounced any future Palestinian state as a “terrorist” entity and claimed that Netanyahu and Trump would “liberate the Middle East.”",
        entities: "PERSON:Bezalel Smotrich|NORP:Palestinian|PERSON:Netanyahu|PERSON:Trump|LOC:Middle East",
        expect: &[("terrorist", "partial", "Bezalel Smotrich"), ("liberate the Middle East.", "partial", "Bezalel Smotrich")],
    },
    Case {
        text: "Smotrich later spoke of what he called the “mortgage to the Palestinian cause.”",
        entities: "NORP:Palestinian|PERSON:Smotrich",
        expect: &[("mortgage to the Palestinian cause.", "partial", "Smotrich")],
    },
    Case {
        text: "Ultimately, the two factions reached a compromise, effectively “splitting the difference,” according to Arab officials.",
        entities: "NORP:Arab",
        expect: &[("splitting the difference,", "partial", "Arab officials")],
    },
    Case {
        text: "Trump stated that Israel had agreed to the conditions for a 60-day ceasefire. He also noted that Qatar and Egypt, “who have worked hard to establish peace,” would present the final proposal.",
        entities: "PERSON:Trump|GPE:Israel|GPE:Qatar|GPE:Egypt",
        expect: &[("who have worked hard to establish peace,", "partial", "Trump")],
    },
    Case {
        text: "Trump announced the news in a Truth Social statement that described a “long and constructive meeting with the Israelis.”",
        entities: "PERSON:Trump|ORG:Truth Social|NORP:Israelis",
        expect: &[("long and constructive meeting with the Israelis.", "partial", "Trump")],
    },
    Case {
        text: "Trump said the deal was “very close” and would be “a great day for Israel.”",
        entities: "PERSON:Trump|GPE:Israel",
        expect: &[("very close", "partial", "Trump"), ("a great day for Israel.", "partial", "Trump")],
    },
    Case {
        text: "According to Hassan al-Masri, a local shopkeeper, the streets are “eerily quiet today.”",
        entities: "PERSON:Hassan al-Masri",
        expect: &[("eerily quiet today.", "partial", "Hassan al-Masri")],
    },
    Case {
        text: "Steve Witkoff met the mediators in Doha. Witkoff called the proposal ‘a good basis for talks’ on Monday.",
        entities: "PERSON:Steve Witkoff|PERSON:Witkoff|GPE:Doha",
        expect: &[("a good basis for talks", "partial", "Steve Witkoff")],
    },
    Case {
        text: "In an op-ed for The Washington Post, Senator Lindsey Graham wrote that Israel must “finish the job.”",
        entities: "ORG:The Washington Post|PERSON:Lindsey Graham|GPE:Israel",
        expect: &[("finish the job.", "partial", "Lindsey Graham")],
    },
    Case {
        text: "Palestinian Authority President Mahmoud Abbas insisted that “the Palestinian people will not leave their land.”",
        entities: "ORG:Palestinian Authority|PERSON:Mahmoud Abbas|NORP:Palestinian",
        expect: &[("the Palestinian people will not leave their land.", "partial", "Mahmoud Abbas")],
    },
    Case {
        text: "Witkoff says deal ‘very close’ as talks resume in Doha",
        entities: "PERSON:Witkoff|GPE:Doha",
        expect: &[("very close", "partial", "Witkoff")],
    },
    Case {
        text: "Hamas described its response as “positive,” a signal that a deal was near.",
        entities: "ORG:Hamas",
        expect: &[("positive,", "partial", "Hamas")],
    },
    Case {
        text: "The source also emphasized that Washington is “optimistic” about a deal.",
        entities: "GPE:Washington",
        expect: &[("optimistic", "partial", "The source")],
    },
    // ---- scare quotes, names and titles --------------------------------
    Case {
        text: "The Israeli military asserts Operation “Gideon’s Tanks” has concluded.",
        entities: "NORP:Israeli|EVENT:Gideon’s Tanks",
        expect: &[("Gideon’s Tanks", "scare", "*")],
    },
    Case {
        text: "From the AI video named “Trump Gaza” to threats of mass expulsion, the rhetoric has escalated.",
        entities: "WORK_OF_ART:Trump Gaza",
        expect: &[("Trump Gaza", "scare", "*")],
    },
    Case {
        text: "Washington’s vision includes a so-called “new Middle East” built on normalization.",
        entities: "GPE:Washington|LOC:Middle East",
        expect: &[("new Middle East", "scare", "")],
    },
    Case {
        text: "The proposal was presented as the “reference framework” for future talks.",
        entities: "",
        expect: &[("reference framework", "scare", "")],
    },
    Case {
        text: "These developments have created what diplomacy experts call a “convergence moment” in the talks.",
        entities: "",
        expect: &[("convergence moment", "scare", "*")],
    },
    Case {
        text: "The negotiations occur amid a risk that CIA analysts have termed a “conflict contagion” scenario.",
        entities: "ORG:CIA",
        expect: &[("conflict contagion", "scare", "*")],
    },
    Case {
        text: "Officials met on Monday, and the plan was dubbed “the day after” by the press.",
        entities: "",
        expect: &[("the day after", "scare", "")],
    },
    Case {
        text: "Israel’s so-called “humanitarian zones” have been struck repeatedly.",
        entities: "GPE:Israel",
        expect: &[("humanitarian zones", "scare", "")],
    },
    Case {
        text: "The plan envisions the “day after” in Gaza, with a technocratic administration.",
        entities: "GPE:Gaza",
        expect: &[("day after", "scare", "")],
    },
    Case {
        text: "The meeting will focus on the future of Operation ‘Gideon Chariots’, launched in May.",
        entities: "EVENT:Gideon Chariots",
        expect: &[("Gideon Chariots", "scare", "*")],
    },
    Case {
        text: "Historically, Israel sought “total victory,” while Hamas insisted on a full withdrawal.",
        entities: "GPE:Israel|ORG:Hamas",
        expect: &[("total victory,", "scare", "*")],
    },
    Case {
        text: "Critics say the phrase \"Make America Great Again\" has been repurposed for the region.",
        entities: "GPE:America",
        expect: &[("Make America Great Again", "scare", "*")],
    },
    // ---- pronouns, titles and gender ----------------------------------
    Case {
        text: "Fatima Abdelrahman, a 43-year-old teacher, follows the talks with desperate hope. “We don’t care about politics anymore,” she told me via a WhatsApp voice message.",
        entities: "PERSON:Fatima Abdelrahman|ORG:WhatsApp",
        expect: &[("We don’t care about politics anymore,", "direct", "Fatima Abdelrahman")],
    },
    Case {
        text: "Benjamin Netanyahu met Kamala Harris in Washington on Thursday. “We discussed the hostages at length,” she said.",
        entities: "PERSON:Benjamin Netanyahu|PERSON:Kamala Harris|GPE:Washington",
        expect: &[("We discussed the hostages at length,", "direct", "Kamala Harris")],
    },
    Case {
        text: "Kamala Harris met Benjamin Netanyahu in Washington. “We had a frank conversation,” he said afterwards.",
        entities: "PERSON:Kamala Harris|PERSON:Benjamin Netanyahu|GPE:Washington",
        expect: &[("We had a frank conversation,", "direct", "Benjamin Netanyahu")],
    },
    Case {
        text: "Netanyahu spoke after meeting Ursula von der Leyen. “Europe must stand with Israel,” he added.",
        entities: "PERSON:Netanyahu|PERSON:Ursula von der Leyen|LOC:Europe|GPE:Israel",
        expect: &[("Europe must stand with Israel,", "direct", "Netanyahu")],
    },
    Case {
        text: "Hamas issued its response on Friday night. “We are ready to immediately enter a round of negotiations,” they said.",
        entities: "ORG:Hamas",
        expect: &[("We are ready to immediately enter a round of negotiations,", "direct", "Hamas")],
    },
    Case {
        text: "At 1 a.m., an American negotiator answered a call from President Trump, putting him on speakerphone. “It’s a big day,” the president declared.",
        entities: "NORP:American|PERSON:Trump",
        expect: &[("It’s a big day,", "direct", "Trump")],
    },
    Case {
        text: "Qatari Prime Minister Mohammed bin Abdulrahman Al Thani met Hamas leaders in Doha. “We are in the final stretch,” the prime minister said.",
        entities: "NORP:Qatari|PERSON:Mohammed bin Abdulrahman Al Thani|ORG:Hamas|GPE:Doha",
        expect: &[("We are in the final stretch,", "direct", "Mohammed bin Abdulrahman Al Thani")],
    },
    Case {
        text: "Secretary of State Antony Blinken landed in Tel Aviv. “We are working to get the hostages home,” the secretary told reporters.",
        entities: "PERSON:Antony Blinken|GPE:Tel Aviv",
        expect: &[("We are working to get the hostages home,", "direct", "Antony Blinken")],
    },
    Case {
        text: "Foreign Minister Ayman Safadi met his Egyptian counterpart in Amman. “We need a ceasefire now,” the minister said.",
        entities: "PERSON:Ayman Safadi|NORP:Egyptian|GPE:Amman",
        expect: &[("We need a ceasefire now,", "direct", "Ayman Safadi")],
    },
    Case {
        text: "Back in Washington, President Trump was hosting an event when Secretary of State Marco Rubio handed him a note. It read, “Very close. We need you to approve a post soon.”",
        entities: "GPE:Washington|PERSON:Trump|PERSON:Marco Rubio",
        expect: &[("Very close. We need you to approve a post soon.", "direct", "Marco Rubio")],
    },
    Case {
        text: "Prime Minister Keir Starmer spoke to Mahmoud Abbas by phone. “Britain will recognise Palestine in September,” he told the Commons.",
        entities: "PERSON:Keir Starmer|PERSON:Mahmoud Abbas|GPE:Britain|GPE:Palestine|ORG:Commons",
        expect: &[("Britain will recognise Palestine in September,", "direct", "Keir Starmer")],
    },
    // ---- continuation and interrupted quotes ---------------------------
    Case {
        text: "“Peace is never impossible,” Egyptian President Abdel Fattah el-Sisi stated at the opening session. “It is simply hard won.”",
        entities: "NORP:Egyptian|PERSON:Abdel Fattah el-Sisi",
        expect: &[
            ("Peace is never impossible,", "direct", "Abdel Fattah el-Sisi"),
            ("It is simply hard won.", "direct", "Abdel Fattah el-Sisi"),
        ],
    },
    Case {
        text: "“These negotiations represent our last, best hope,” said Blinken during a stop in Amman.\n“The parties have the framework. Now they need the political courage to close the gaps.”",
        entities: "PERSON:Blinken|GPE:Amman",
        expect: &[
            ("These negotiations represent our last, best hope,", "direct", "Blinken"),
            ("The parties have the framework. Now they need the political courage to close the gaps.", "direct", "Blinken"),
        ],
    },
    Case {
        text: "Blinken said the talks would continue. “These negotiations represent our last, best hope,” he said. “The parties have the framework.\n“Now they need the political courage to close the remaining gaps.”",
        entities: "PERSON:Blinken",
        expect: &[
            ("These negotiations represent our last, best hope,", "direct", "Blinken"),
            ("The parties have the framework.", "direct", "Blinken"),
            ("Now they need the political courage to close the remaining gaps.", "direct", "Blinken"),
        ],
    },
    Case {
        text: "“We accept the proposal,” said Hamas spokesman Hazem Qassem. “We reject it,” said Israeli government spokesman David Mencer.",
        entities: "ORG:Hamas|PERSON:Hazem Qassem|NORP:Israeli|PERSON:David Mencer",
        expect: &[
            ("We accept the proposal,", "direct", "Hazem Qassem"),
            ("We reject it,", "direct", "David Mencer"),
        ],
    },
    Case {
        text: "“We will not give in,” said Netanyahu.\nBenny Gantz, his rival, spoke later in the day.\n“This government has failed,” he said.",
        entities: "PERSON:Netanyahu|PERSON:Benny Gantz",
        expect: &[
            ("We will not give in,", "direct", "Netanyahu"),
            ("This government has failed,", "direct", "Benny Gantz"),
        ],
    },
    Case {
        // The sentence before the second quote names its speaker.
        text: "“We will not give in,” said Netanyahu.\nGantz disagreed.\n“This government has failed.”",
        entities: "PERSON:Netanyahu|PERSON:Gantz",
        expect: &[
            ("We will not give in,", "direct", "Netanyahu"),
            ("This government has failed.", "direct", "Gantz"),
        ],
    },
    Case {
        text: "“We will win this war.” Netanyahu said it twice, to applause.",
        entities: "PERSON:Netanyahu",
        expect: &[("We will win this war.", "direct", "Netanyahu")],
    },
    Case {
        text: "“Enough is enough.” The banner hung over Hostages Square for weeks.",
        entities: "FAC:Hostages Square",
        expect: &[("Enough is enough.", "direct", "")],
    },
    Case {
        text: "” Hamas can be dismantled later,” the US official reportedly said…",
        entities: "ORG:Hamas|GPE:US",
        expect: &[("Hamas can be dismantled later,", "direct", "the US official")],
    },
    Case {
        text: "“We’re witnessing what negotiation experts call a ‘mutually hurting stalemate,’” said Khaled Elgindy.",
        entities: "PERSON:Khaled Elgindy",
        expect: &[("We’re witnessing what negotiation experts call a ‘mutually hurting stalemate,’", "direct", "Khaled Elgindy")],
    },
    Case {
        text: "\"We are ready to go to Cairo tomorrow,\" said Khalil al-Hayya, who leads the Hamas delegation.",
        entities: "PERSON:Khalil al-Hayya|GPE:Cairo|ORG:Hamas",
        expect: &[("We are ready to go to Cairo tomorrow,", "direct", "Khalil al-Hayya")],
    },
    Case {
        text: "“Together, we will make the Middle East great again!” Trump posted on Truth Social.",
        entities: "LOC:Middle East|PERSON:Trump|ORG:Truth Social",
        expect: &[("Together, we will make the Middle East great again!", "direct", "Trump")],
    },
    // ---- unbalanced marks ----------------------------------------------
    Case {
        text: "Netanyahu said: “We will not stop until victory\nThe cabinet met later that day.",
        entities: "PERSON:Netanyahu",
        expect: &[("We will not stop until victory", "direct", "Netanyahu")],
    },
    Case {
        text: "The word “peace appears nowhere in the draft, diplomats noted.\n“We will keep talking,” Blinken said.",
        entities: "PERSON:Blinken",
        expect: &[
            ("peace appears nowhere in the draft, diplomats noted.", "scare", "*"),
            ("We will keep talking,", "direct", "Blinken"),
        ],
    },
    Case {
        text: "Hamas’s leaders, who don’t trust the ’90s-era guarantees, met in Doha.",
        entities: "ORG:Hamas|GPE:Doha",
        expect: &[],
    },
    Case {
        text: "The slogan 'Never again' dates back decades, the historian said.",
        entities: "",
        expect: &[("Never again", "scare", "*")],
    },
];

#[test]
fn there_are_at_least_eighty_quote_cases() {
    let quotes: usize = CASES.iter().map(|c| c.expect.len()).sum();
    assert!(CASES.len() >= 80, "{} cases", CASES.len());
    assert!(quotes >= 80, "{quotes} quotes");
}

#[test]
fn every_case_reads_as_a_careful_reader_would() {
    table::check(CASES);
}
