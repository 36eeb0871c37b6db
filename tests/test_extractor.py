"""The quote_attribution component on news-style text: one row per linguistic case."""
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.records import QuoteKind, SpeakerKind

BIDEN = "President Joe Biden met reporters at the White House on Thursday.\n\n"


def attributions(nlp, text):
    return [(q.text, q.speaker) for q in nlp(text)._.quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "Q," X said
        (BIDEN + "“It’s a work in progress right now,” Biden said.", [("It’s a work in progress right now,", "Joe Biden")]),
        # X said, "Q"
        (BIDEN + "Biden said, “We are not there yet.”", [("We are not there yet.", "Joe Biden")]),
        # "Q," said X, a spokesman for Y
        ("“We have no comment on the talks,” said John Kirby, a spokesman for the Pentagon.",
         [("We have no comment on the talks,", "John Kirby")]),
        # X said: "Q"
        ("Senator Elizabeth Warren said: “You should be criminally investigated.”",
         [("You should be criminally investigated.", "Elizabeth Warren")]),
        # according to X
        ("The president stressed “his unwavering support for Israel’s security,” according to a White House readout.",
         [("his unwavering support for Israel’s security,", "White House")]),
        # X told reporters "Q"
        ("Secretary of State Antony Blinken told reporters “there is a lot of work to be done” before a deal.",
         [("there is a lot of work to be done", "Antony Blinken")]),
        # X described it as "Q"
        (BIDEN + "Biden described the negotiations as “a work in progress” on Thursday.", [("a work in progress", "Joe Biden")]),
        # calling it "Q"
        ("Prime Minister Benjamin Netanyahu rejected the plan, calling it “delusional.”", [("delusional.", "Benjamin Netanyahu")]),
        # vowed that ... "Q"
        ("The offer was rejected by Netanyahu, who vowed that Israel would see “total victory” when the war began.",
         [("total victory", "Netanyahu")]),
        # X added Wednesday that "Q"
        ("Secretary of State Antony Blinken met Netanyahu. Blinken added Wednesday that “we will work at that relentlessly.”",
         [("we will work at that relentlessly.", "Antony Blinken")]),
        # an organisation's statement
        ("“We will not hesitate to hold responsible all those who threaten our forces,” Central Command said.",
         [("We will not hesitate to hold responsible all those who threaten our forces,", "Central Command")]),
        # a statement issued by a group named earlier
        ("The Houthis attacked a ship on Tuesday. Afterwards the group released a statement saying they would "
         "'escalate more and more' in the Red Sea.", [("escalate more and more", "Houthis")]),
        # a headline with single marks
        ("Ceasefire talks are ‘a work in progress,’ Biden says\n\n" + BIDEN, [("a work in progress,", "Joe Biden")]),
        # a transcript's speaker label
        ("Partial transcript as follows:\n\n\"PENCE: Well, look, this is serious business.",
         [("PENCE: Well, look, this is serious business.", "Pence")]),
        # ... whose answer quotes a title in curly marks
        ("Partial transcript as follows:\n\n\"PENCE: She thinks this is an episode of “Shark Tank.” It is serious business.",
         [("PENCE: She thinks this is an episode of “Shark Tank.” It is serious business.", "Pence")]),
        # the parser gives "said" a second subject inside the quotation; the bracketed affiliation is skipped
        ("\"He would make a fine senator. One of the hardest workers in the House,\" Rep. Maria Delgado (D-Ariz.) said.",
         [("He would make a fine senator. One of the hardest workers in the House,", "Maria Delgado")]),
        # a long subject between the quotation and its verb
        ("\"This is a big night for our city!\" the mayor's sister, state Sen. Laura \"Lolly\" Haynes (D-Richmond), "
         "shouted to the crowd.", [("This is a big night for our city!", "the mayor's sister")]),
        # the speaker named right after the quotation, not one named in a clause after it
        ("In the last debate, candidates talked their way out of tough questions.\n\n\"I never said that. I never said "
         "that,\" Trump said, after CNBC's Becky Quick said the billionaire front-runner had derisively referred to Sen. "
         "Marco Rubio as a lightweight.", [("I never said that. I never said that,", "Trump")]),
        # a full stop typed where the comma belongs still leaves the attribution to the quotation
        ("Donald Trump spoke on Wednesday.\n\n“Russia, if you’re listening, I hope you’re able to find the 30,000 emails "
         "that are missing.” Trump said.",
         [("Russia, if you’re listening, I hope you’re able to find the 30,000 emails that are missing.", "Donald Trump")]),
        # a headline label that names a column, not a speaker; a headline's capitals hide the name from the tagger
        ("The Latest: Sanders declares ‘revolution,’ ignores losses.\n\nWASHINGTON (AP) — Bernie Sanders told supporters "
         "in Pennsylvania on Tuesday that the race was not over.", [("revolution,", "Bernie Sanders")]),
        # "X on Y:" in a headline: X speaks
        ("Obama on Climate Change: The Trends Are 'Terrifying.'\n\nPresident Barack Obama spoke about the climate on Sunday.",
         [("Terrifying.", "Barack Obama")]),
        # the parser hangs the name on the relative clause after it; the noun after "said" is what was said of
        ('Independent economist Priya Raman, who co-authored the report "Unlocking the Door: Tax and Housing '
         'Affordability", said both major parties were "locked in a political standoff that serves nobody".',
         [("locked in a political standoff that serves nobody", "Priya Raman")]),
        # a name set off by commas after a long title, which the tagger did not know for a name
        ("Also reacting, the Chairman of the House of Representatives Committee on Petroleum Resources (Downstream), "
         'Ikenga Ugochinyere, urged both sides to "shift ground in the national interest".',
         [("shift ground in the national interest", "Ikenga Ugochinyere")]),
        ("Siobhan O'Neill, whose 13-year-old daughter attends a secondary school in Leeds, told BBC News she welcomed the "
         "move.\n\n\"My daughter was getting messages at midnight and then in lessons the next morning.\"",
         [("My daughter was getting messages at midnight and then in lessons the next morning.", "Siobhan O'Neill")]),
        ("''I'm more skilled with my hands than I am with my brain,'' said Robin Maynard, half joking.",
         [("I'm more skilled with my hands than I am with my brain,", "Robin Maynard")]),
        # offices of other countries, capitalised, stand for the person who holds them
        ("Chief Minister Siddaramaiah on Tuesday said the State government would review the fares.\n\nAsked whether the "
         'State would bear the cost, the Chief Minister said: "We will take a decision after the Cabinet discusses it."',
         [("We will take a decision after the Cabinet discusses it.", "Siddaramaiah")]),
        ('Treasurer Jim Chalmers said the Opposition was "clutching at straws".\n\n"There is nothing secret about it," '
         "the Treasurer said.", [("clutching at straws", "Jim Chalmers"), ("There is nothing secret about it,", "Jim Chalmers")]),
        # ... also where the tagger took title and name for an organisation
        ("Taoiseach says housing target ‘within reach’ despite fall in completions\n\nTaoiseach Micheál Martin has insisted "
         "that the target of 50,000 homes a year can be met. Mr Martin said completions would rise.",
         [("within reach", "Micheál Martin")]),
        # British headlines: the comma outside the marks, then "says" and the name
        ("Phone ban in schools ‘long overdue’, says Phillipson\n\nMobile phones will be banned during the school day, "
         "Bridget Phillipson has announced.", [("long overdue", "Bridget Phillipson")]),
        ('The Nigeria Labour Congress rejected the offer on Monday.\n\n"The government cannot continue to celebrate revenue '
         'figures while Nigerians are dying in silence," the union said.',
         [("The government cannot continue to celebrate revenue figures while Nigerians are dying in silence,",
           "Nigeria Labour Congress")]),
        # an Indian dateline with a colon is not the subject of the first sentence
        ('Exam leak row\n\nNew Delhi: Congress leader Rahul Gandhi on Monday attacked the Centre over the leak, calling it '
         '"a betrayal of every young Indian who studies honestly".',
         [("a betrayal of every young Indian who studies honestly", "Rahul Gandhi")]),
        # the speech verb of the main clause, not one inside what was said ("the conference it had promised")
        ('PTI leader Asad Qaiser criticised the operation on Sunday.\n\nMr Qaiser, a former National Assembly speaker, said '
         'the federal government had failed to convene the all-parties conference it had promised months ago.\n\n'
         '"They call an APC only when they need a photo opportunity."',
         [("They call an APC only when they need a photo opportunity.", "Asad Qaiser")]),
        # "the premier" where the article names a prime minister, not the last person acting
        ("Prime Minister Shehbaz Sharif chaired a meeting in Islamabad. Interior Minister Mohsin Naqvi briefed him.\n\n"
         "In a message issued by the PM Office, the premier paid tribute to the soldiers and said he had directed the "
         'ministry to help the families.\n\n"The blood of our martyrs will not go in vain."',
         [("The blood of our martyrs will not go in vain.", "Shehbaz Sharif")]),
        # a title set before the name by commas; the office named in a headline byline or as "the sector minister"
        ("‘We won’t negotiate with galamsey kingpins’ — Lands Minister\n\nThe Minister for Lands and Natural Resources, "
         "Mr Kojo Asamoah-Boateng, has declared that the government will not “negotiate with galamsey kingpins”.\n\n"
         "The chief of the area, Osagyefo Kwesi Ababio III, said the chiefs were ready to help.\n\nResponding, the sector "
         "minister gave the assurance that a committee would be inaugurated.\n\n“This fight cannot be won from Accra "
         "alone,” the minister said.",
         [("We won’t negotiate with galamsey kingpins", "Kojo Asamoah-Boateng"),
          ("negotiate with galamsey kingpins", "Kojo Asamoah-Boateng"),
          ("This fight cannot be won from Accra alone,", "Kojo Asamoah-Boateng")]),
        # a quotation over two paragraphs, attributed at its end
        ("Medecins Sans Frontieres (MSF), which runs cholera treatment centres in Malakal, said some patients were walking "
         'for days to reach care.\n\n"The outbreak is moving faster than the response.\n\n"Without clean water, we are '
         'just treating people so they can get sick again," said Ahmed Nour Elmi, MSF\'s head of mission in South Sudan.',
         [("The outbreak is moving faster than the response.", "Ahmed Nour Elmi"),
          ("Without clean water, we are just treating people so they can get sick again,", "Ahmed Nour Elmi")]),
        # a headline verb tagged as an auxiliary; a family name before a hyphenated given name
        ("John Lee vows subdivided flat crackdown will not leave tenants 'on the street'\n\nChief Executive John Lee "
         "Ka-chiu said on Tuesday that the rules would be enforced.", [("on the street", "John Lee Ka-chiu")]),
        # "the spokesman" is the unnamed spokesman just introduced, not the last person named
        ('Ho said inspectors would prioritise the worst buildings.\n\nA government spokesman said more than 1,200 units had '
         'been registered.\n\n"The registration process is simple and free of charge," the spokesman said.',
         [("The registration process is simple and free of charge,", "A government spokesman")]),
        # "a Trump presidency" does not make Trump the one acting; words judging someone's remarks are the judge's
        ("French President Francois Hollande spoke in Paris on Tuesday.\n\nHollande denounced Trump’s remarks as “hurtful "
         "and humiliating” and warned of the implications a Trump presidency would have.\n\n“If the Americans choose "
         "Trump, that will have consequences,” he said.",
         [("hurtful and humiliating", "Francois Hollande"), ("If the Americans choose Trump, that will have consequences,",
                                                          "Francois Hollande")]),
        # a participle's actor is the sentence's subject, not the noun after it
        ("President Obama spoke at the White House on Sunday.\n\nAnd he made a point of saying the Orlando nightclub where "
         'the killing occurred "was a place of solidarity and empowerment."',
         [("was a place of solidarity and empowerment.", "Obama")]),
        # British single marks: a quotation opened after "said:" runs on into the next paragraph
        ("Mother-of-two Sarah Jenkins, 41, said: 'I was honestly terrified when I opened the letter. We already struggle "
         "to fit everything in the bin, and that's with recycling every scrap we can.\n\n'Now they're telling us to keep "
         "nappies in the garden for a month.'",
         [("I was honestly terrified when I opened the letter. We already struggle to fit everything in the bin, and "
           "that's with recycling every scrap we can.", "Sarah Jenkins"),
          ("Now they're telling us to keep nappies in the garden for a month.", "Sarah Jenkins")]),
        # a tabloid headline opening with a quotation: the story says whose words they are
        ("'We're drowning in rubbish': Fury as council cuts bin collections to once a MONTH\n\nMother-of-two Sarah "
         "Jenkins, 41, said: 'Now they're telling us to keep nappies in the garden. We're drowning in rubbish as it is.'",
         [("We're drowning in rubbish", "Sarah Jenkins"),
          ("Now they're telling us to keep nappies in the garden. We're drowning in rubbish as it is.", "Sarah Jenkins")]),
        ("'Unacceptable': Harris under fire as McDonald says Government has 'lost control' of hospitals\n\nTánaiste "
         'Simon Harris has said record numbers of patients on trolleys are "unacceptable". Sinn Féin leader Mary Lou '
         'McDonald said the Government had "lost control" of the hospitals.',
         [("Unacceptable", "Simon Harris"), ("lost control", "Mary Lou McDonald"), ("unacceptable", "Simon Harris"),
          ("lost control", "Mary Lou McDonald")]),
        # "according to" a document: the one the document quotes, or the one who issued it
        ('Union home minister Amit Shah on Monday chaired a review meeting.\n\n"No fisherman should be at sea," Shah said, '
         "according to a statement issued by the Union home ministry.", [("No fisherman should be at sea,", "Amit Shah")]),
        ('The closure was "purely precautionary", according to an order issued by the state\'s school and mass education '
         "department.", [("purely precautionary", "the state's school and mass education department")]),
        ('The fall was "broad-based", according to ABS head of construction statistics Daniel Rossi.',
         [("broad-based", "Daniel Rossi")]),
        # the parse gives the outer verb no subject: the inner one names the speaker
        ("Donald Trump gave an interview on Saturday.\n\nTrump further summed up Clinton as “terrible,” denounced her "
         "record as secretary of state and said she should not be allowed to run.", [("terrible,", "Donald Trump")]),
        # the parser gave "said" two subjects, a place and the person
        ("Kasich spoke.\n\nTuesday at Baldwin Wallace University in Berea, OH, after winning Ohio in the primary, Gov. "
         "John Kasich (R-OH), said, “I’m getting ready to rent a covered wagon.”",
         [("I’m getting ready to rent a covered wagon.", "John Kasich")]),
        # a transcript line labelled with a name in ordinary case
        ("Instead, MSNBC's Chris Matthews argued that the plan was naive.\n\n\"Chris Matthews: Seriously, seriously about "
         'this. Bernie says he is going to pay for the free tuitions."',
         [("Chris Matthews: Seriously, seriously about this. Bernie says he is going to pay for the free tuitions.",
           "Chris Matthews")]),
        # "the [role], [Name], said": the name is a person's, whatever the tagger called it, and "he" is that person
        ("“They deserve an apology from ministers,” Mr Laird said.\n\nResponding at Holyrood, the islands minister, "
         "Iain MacAulay, said the Government had committed £700 million to new vessels. “We will not pretend the service "
         "has been good enough,” he said.",
         [("They deserve an apology from ministers,", "Laird"),
          ("We will not pretend the service has been good enough,", "Iain MacAulay")]),
        ("The Royal College of Nursing’s regional director for the south-east, Caroline Hebden, said the findings were "
         "“sadly familiar”.", [("sadly familiar", "Caroline Hebden")]),
        # the one asked answers in the quotation-only paragraph after the question
        ('"The town is not safe yet," said Fire Chief Marc Dubé.\n\nReporters asked Dubé whether residents could be allowed '
         'back in phases.\n\n"That\'s something we\'re looking at very seriously."',
         [("The town is not safe yet,", "Marc Dubé"), ("That's something we're looking at very seriously.", "Marc Dubé")]),
        # an office given as a title, and "the councilwoman" the one who holds it
        ("Councilwoman Tamara Briggs wasn't buying it. Mayor Dan Ortiz defended the deal.\n\n\"This isn't over,\" the "
         "councilwoman said.", [("This isn't over,", "Tamara Briggs")]),
        # "the senior White House official" is the one introduced as "a senior White House official", however far back
        ("A senior White House official disputed that account.\n\nLabor leaders have been calling Pruitt’s office, "
         "according to Rick Dalton, a union organizer.\n\nA vote could come as soon as next week.\n\n“We’re going to get "
         "this done,” the senior White House official said.",
         [("We’re going to get this done,", "A senior White House official")]),
        ('One of those groups received $1.2 billion despite having "no meaningful operating history," according to a '
         "report by the EPA's inspector general.", [("no meaningful operating history,", "the EPA's inspector general")]),
        # a verb the parser joined to one inside the quotation takes the subject of the clause outside it
        ("The White House said in a statement that the administration “stands ready to sign a clean bill the moment it "
         "reaches the president’s desk” and accused Republicans of “playing politics with people’s homes.”",
         [("stands ready to sign a clean bill the moment it reaches the president’s desk", "White House"),
          ("playing politics with people’s homes.", "White House")]),
        # a quotation after a colon belongs to the person the colon follows
        ("Sanders surged in the polls.\n\nThe surge doesn’t surprise Republican pollster Daron Shaw: “Historically, "
         "lesser-known candidates beat establishment ones.”",
         [("Historically, lesser-known candidates beat establishment ones.", "Daron Shaw")]),
        ('Hillary Clinton and Jeb Bush spoke.\n\nClinton: "Our goal is not to deter or contain ISIS, but to defeat it." '
         'Bush: "The mission is to destroy ISIS."',
         [("Our goal is not to deter or contain ISIS, but to defeat it.", "Hillary Clinton"),
          ("The mission is to destroy ISIS.", "Jeb Bush")]),
        # the name before an affiliation in brackets, which the parser left without a role
        ("On the radio show, Speaker of the House Rep. Paul Ryan (R-WI) said “anti-Semitic images, they’ve got no place "
         "in a presidential campaign.”",
         [("anti-Semitic images, they’ve got no place in a presidential campaign.", "Paul Ryan")]),
        # a first name and surname the tagger took for an organisation are a person, whom "she" finds
        ("Carly Fiorina threw her support behind Sen. Ted Cruz on Wednesday. She applauded him.\n\n“Ted Cruz has stood "
         "up and fought for our right to bear arms,” she said to cheers.",
         [("Ted Cruz has stood up and fought for our right to bear arms,", "Carly Fiorina")]),
        # a participle the parser hung on the nearest verb: its actor is the sentence's subject
        ("High Court Judge Mwila Chanda on Tuesday ordered the ministry to halt all negotiations until the bidding process "
         "has been independently reviewed, describing the tender as “deeply flawed”.", [("deeply flawed", "Mwila Chanda")]),
        # a description the tagger took for a date ("of 15 years") still speaks
        ("A paramedic of 15 years, who asked not to be named, said crews were spending entire shifts ramped outside "
         "hospitals.\n\n“Last week I had an 84-year-old woman on my stretcher for five hours.”",
         [("Last week I had an 84-year-old woman on my stretcher for five hours.", "A paramedic of 15 years")]),
        # "the authority" is the body so named before, even one the tagger did not mark
        ("The Murray-Darling Basin Authority's most recent assessment found flows had improved. But according to the "
         'authority, the effects on some towns have been "significant and lasting".',
         [("significant and lasting", "Murray-Darling Basin Authority")]),
        # roles of local news: "the principal", "the skipper" are the person acting before
        ("Principal Anirban Sengupta defended the increase on Monday.\n\n“The school has not revised its fees for three "
         "years,” the principal said.", [("The school has not revised its fees for three years,", "Anirban Sengupta")]),
        # a description matching the one written before a name ("Rovers boss Neil Brennan" … "the Rovers manager")
        ("City manager Gary Hartley praised his side.\n\nRovers boss Neil Brennan was furious that referee Mark Pollard "
         "waved away appeals for a penalty.\n\nAsked about his side’s away form, the Rovers manager said: “Three games in "
         "seven days is asking a lot.”", [("Three games in seven days is asking a lot.", "Neil Brennan")]),
        # words reported in the content of a report belong to the one who points to the report; a nickname after
        # "the winner" is not the title of a work
        ("Clinton has not mentioned the pageant winner since Monday.\n\nThat’s when she pointed to reports that Trump "
         "called the 1996 pageant winner “Miss Piggy” and “Miss Housekeeping” as examples of his disrespect for women.",
         [("Miss Piggy", "Clinton"), ("Miss Housekeeping", "Clinton")]),
        # a publication the tagger took for a work of art
        ("“On this measure,” Zero Hedge said, “real youth unemployment is far higher.”",
         [("On this measure,", "Zero Hedge"), ("real youth unemployment is far higher.", "Zero Hedge")]),
        # a participle whose parsed subject fell inside the quotation
        # ... and the parser made the first quotation the sentence's root, hanging the frame's verb from it
        ("Mr. Walsh hardly clarified the matter, treating the mayor's remark first as a compliment -- \"That makes me rich\" "
         "-- and, when questioned after the hearing, asserting, \"Of course, I pay what I owe.\"",
         [("That makes me rich", "Walsh"), ("Of course, I pay what I owe.", "Walsh")]),
        # a dash the tagger took for a verb is not the quotation's governor
        ("Senate Minority Leader Harry Reid, in particular, has been steadily pounding the nominee as a “con artist” ― just "
         "as he did with Romney in 2012.", [("con artist", "Harry Reid")]),
        # "it" is the document that spoke just before ...
        ("The Center for Budget Studies published its annual survey on Monday.\n\n\"Most companies disclose only a fraction "
         "of their subsidiaries,\" the report says.\n\nIt also points out that \"the penalties are so light\" that companies "
         "ignore them.", [("Most companies disclose only a fraction of their subsidiaries,", "the report"),
                          ("the penalties are so light", "the report")]),
        # ... or the organisation just written about
        ("Parents rallied outside the school board on Monday.\n\nThe Kestrel Foundation, which funds the program, released "
         "new figures. It said the program had \"failed every family it was meant to help.\"",
         [("failed every family it was meant to help.", "Kestrel Foundation")]),
        # the respondents of a poll
        ("Only 41 percent of likely voters agreed that the mayor was \"honest and trustworthy,\" "
         "while 58 percent said the same of his rival.",
         [("honest and trustworthy,", "Only 41 percent of likely voters")]),
        # a quoted relative clause is the words of the sentence's subject
        ("Dana Price, a debate coach at Ohio State, compared the candidate to a player who is \"working the referees\" "
         "before the game.", [("working the referees", "Dana Price")]),
        # an ad is not the speaker of the footage it shows
        ("The 30-second spot features a report on Donald Trump.\n\nThe spot concludes with footage of Trump saying "
         "during the debate last week, “That makes me smart,” when Clinton blasted him for not paying income tax.",
         [("That makes me smart,", "Donald Trump")]),
        # set off by dashes right after a name, the quotation is that person's, not the group's
        ("A chorus of prominent Republicans has said the same thing, including the former presidential candidate Mitt "
         "Romney -- ''It is disqualifying for a nominee to refuse to release tax returns'' -- and Fred Goldberg, a former "
         "commissioner.", [("It is disqualifying for a nominee to refuse to release tax returns", "Mitt Romney")]),
        # a quotation signed at the end of its paragraph
        ("“He is not fit to be president.” ― Carla Sanchez", [("He is not fit to be president.", "Carla Sanchez")]),
    ],
)
def test_attribution_patterns(nlp, text, expected):
    assert attributions(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected_speakers",
    [
        # "he added" continues the previous speaker
        (BIDEN + "“I expect more discussions,” Biden said. “It’s a work in progress,” he added.", ["Joe Biden", "Joe Biden"]),
        # a pronoun takes the gender of its person: "she" is not Biden
        (BIDEN + "“We are close,” Biden said.\n\nPress secretary Jen Psaki declined to say more. "
         "Instead, she repeated that only a “two-state solution” would end the violence.", ["Joe Biden", "Jen Psaki"]),
        # a new subject since the last quote takes over "he"
        ("“We will win,” Mr. Trump said.\n\nSen. David Perdue said he disagreed. “Those are just distractions,” he said.",
         ["Trump", "David Perdue"]),
        # a paragraph that is only a quotation continues the last speaker
        ("Antony Blinken said the deal was close.\n\n“We will work at that relentlessly until we get there.”",
         ["Antony Blinken"]),
        # the speaker introduced with a colon in the paragraph before
        ("Sen. Bernie Sanders said:\n\n“This campaign is about the needs of working families.”", ["Bernie Sanders"]),
        # a paragraph that is only a quotation, after a paragraph about its speaker
        ("Opposition leader Peter Dutton disagreed.\n\n\"This is a bad deal for Australians.\"", ["Peter Dutton"]),
        # ... named there by title alone
        ("Prime Minister Scott Morrison spoke on Tuesday.\n\n‘We made the right decision,’ he told reporters.\n\n"
         "Opposition leader Anthony Albanese accused the government of chaos.\n\n‘This is a government at war with itself.’"
         "\n\nThe Prime Minister hit back later in the day.\n\n‘Labor would have signed us up to an obsolete submarine.’",
         ["Scott Morrison", "Anthony Albanese", "Scott Morrison"]),
        # paragraphs of quotation introduced by a sentence ending in a colon, whatever its verb
        ("Former attorney general Ken Ward has endorsed Sen. Maria Lopez for governor.\n\n"
         "He then listed the qualities he looks for in a candidate:\n\n"
         "\"Has the candidate a record of leadership for the principles she campaigns on?\n\n"
         "\"Is the candidate surrounded by people notable for their commitment to those principles?\"",
         ["Ken Ward", "Ken Ward"]),
        # a quotation opening a sentence after reported speech in the same paragraph
        ("The committee has waited for months, Rep. Tom Alvarez said. \"The other question is whether anyone will act.\"",
         ["Tom Alvarez"]),
        # ... or after a sentence about a named person
        ("Sen. Ruth Marsh (Ore.) pointed to rising rents as the reason young voters are angry. "
         "\"People my grandchildren's age cannot afford to live here.\"", ["Ruth Marsh"]),
        # a name inside reported speech is spoken of: "he" is the one reporting
        ("Governor Paul Ortiz, despite his doubts, said Mayor Dan Kessler is right about the budget.\n\n"
         "\"I think we have the votes,\" he said.", ["Paul Ortiz"]),
        # an age describes a person: the quotation is kept, with the description as its speaker
        ("The candidate's wife defended her husband on Monday.\n\n“Donald is, and always has been, an "
         "amazing leader,” said the 46-year-old.", ["the 46-year-old"]),
        # a speech verb with its particle: "went on"
        ("Fox News anchor Megyn Kelly interviewed Donald Trump on Tuesday.\n\nKelly responded pointedly: “Can happen when "
         "you’re 45.”\n\n“You know, it happens, right?” Trump went on.", ["Megyn Kelly", "Donald Trump"]),
        # ... even when the parser hangs the reported clause on the noun before it
        ("Jeremy Hunt, the chancellor, told the BBC’s Today programme that Labour had ‘no plan’.\n\n"
         "‘They still cannot tell you how they would pay for their promises,’ he said.", ["Jeremy Hunt", "Jeremy Hunt"]),
        # a newcomer introduced with a role after a comma takes over "he"
        ("President Barack Obama had many artists writing songs for him, something that worries Henry Ortega, "
         "chairman of the Miami Democratic Caucus.\n\n“No one is writing songs for her,” he said.", ["Henry Ortega"]),
        # one who speaks in a relative clause is acting in the story
        ("“The plan is unclear,” said Lily Batchelder, a tax professor.\n\nIt’s become a major issue in the race, with "
         "Hillary Clinton — who’s called for big tax hikes on the rich — lambasting Trump’s plan.\n\n"
         "“It would be trickle-down economics all over again,” she said.", ["Lily Batchelder", "Hillary Clinton"]),
        # "they" are the council that issued the statement, not the statement
        ("Following a late meeting, the Security Council issued a statement calling the test \"a clear violation\" of its "
         "resolutions. The statement noted they had previously said they would take \"further significant measures\" if "
         "the North tested again.\n\n\"The members of the Council will begin work on appropriate measures immediately,\" "
         "they said.", ["Security Council", "The statement", "Security Council"]),
        # a role noun tells the gender a first name does not: "he" is not the spokeswoman
        ("\"We will win,\" Mr. Walsh said.\n\nJordan Hicks, a campaign spokeswoman, did not respond to messages on "
         "Friday.\n\n\"We are done here,\" he said.", ["Walsh", "Walsh"]),
        # the owner of a claim is its speaker
        ("Mr. Trump has refused to release his returns.\n\nContrary to his claim that voters would \"learn nothing,\" "
         "there would be a wealth of information in them.", ["Trump"]),
        # "they" are the people named among a group
        ("Critics of the visa program, like Senators Charles E. Grassley, Republican of Iowa, and Patrick J. Leahy, "
         "Democrat of Vermont, see the vote as a chance to fix it. They sent a letter on Thursday.\n\n"
         "\"The program has become plagued by fraud and abuse,\" they wrote.", ["Charles E. Grassley and Patrick J. Leahy"]),
        # British style: single marks, a run of quotation-only paragraphs, "Mr" without a full stop
        ("Labour leader Keir Starmer warned that funding was running out.\n\n'If nothing changes, services will close.'"
         "\n\n'We cannot go on like this,' Mr Starmer added.", ["Keir Starmer", "Keir Starmer"]),
        # "he" is the one the sentence is about, not the people of its subordinate clauses
        ("Rovers were held.\n\nRovers boss Neil Brennan was furious that referee Mark Pollard waved away appeals for "
         "a penalty when winger Tomás Ferreira went down.\n\n“It’s a stonewall penalty,” he said.", ["Neil Brennan"]),
        # ... nor a title of a work cited in the paragraph before
        ("Rice hearing\n\nSenator Lorna Dimaculangan asked officials why the discrepancies had not been flagged. She also cited an "
         "investigative series titled “The Vanishing Stockpile” that was published this year.\n\n“We cannot keep "
         "finding the same problems year after year.”", ["Lorna Dimaculangan"]),
        # a paragraph of quotation after one that reports what somebody argued in print ("elaborated", not
        # "pledged", which only describes the delegates)
        ("Pollster Doug Schoen spoke on Fox.\n\nSchoen elaborated in an editorial that superdelegates currently "
         "pledged to Clinton may reconsider.\n\n“A Sanders win in California would underscore her weakness.”",
         ["Doug Schoen"]),
    ],
)
def test_speaker_carried_over(nlp, text, expected_speakers):
    assert [q.speaker for q in nlp(text)._.quotes] == expected_speakers


def test_surname_and_title_resolve_to_full_name(nlp):
    text = ("Secretary of State Antony Blinken arrived in Tel Aviv on Wednesday.\n\n"
            "“There is a lot of work to be done,” Blinken said.")
    (q,) = nlp(text)._.quotes
    assert (q.speaker, q.mention, q.title, q.speaker_kind) == ("Antony Blinken", "Blinken", "Secretary of State", SpeakerKind.PERSON)


def test_honorific_and_role_resolve_to_full_name(nlp):
    text = ("President Joe Biden spoke to Israeli leaders.\n\n“We are close,” the president said.\n\n"
            "“Not yet,” Mr. Biden said later.")
    assert [q.speaker for q in nlp(text)._.quotes] == ["Joe Biden", "Joe Biden"]


def test_vice_president_is_not_the_president(nlp):
    text = "President Barack Obama and Vice President Joe Biden spoke in Ohio.\n\n“We are not done,” the vice president said."
    (q,) = nlp(text)._.quotes
    assert (q.speaker, q.title) == ("Joe Biden", "vice president")


def test_a_description_is_not_a_title(nlp):
    text = ("Gov. Maria Alvarez toured the flooded towns on Monday.\n\n"
            "“We will rebuild every road,” the Democratic governor said.\n\n"
            "Developer Tom Reyes visited the site too. “We need change,” the New York businessman said.")
    assert [(q.speaker, q.title, q.mention) for q in nlp(text)._.quotes] == [
        ("Maria Alvarez", "governor", "the Democratic governor"), ("Tom Reyes", None, "the New York businessman")]


def test_british_honorific_without_full_stop(nlp):
    text = "Home Secretary Yvette Cooper visited Dover on Monday.\n\n'We will stop the boats,' Ms Cooper said."
    (q,) = nlp(text)._.quotes
    assert (q.speaker, q.title, q.mention) == ("Yvette Cooper", "Home Secretary", "Ms Cooper")


@pytest.mark.parametrize(
    "text, speaker",
    [
        # two people share a surname: the honorific tells them apart
        ("Bill Clinton and Hillary Clinton campaigned in Ohio.\n\n"
         "Mrs. Clinton told the crowd that the election was “about our children.”",
         "Hillary Clinton"),
        # ... and without one, the bare surname is the one introduced first
        ("Sen. Ted Cruz spoke in Houston. Critics recalled attacks on Heidi Cruz, his wife, during the primary.\n\n"
         "\"It became personal that day,\" Cruz said.",
         "Ted Cruz"),
        # a surname misspelt by a letter is the same speaker
        ("Two voters, Tyresha McClenney and Bryan Anderson, saw the rally.\n\n"
         "“It only comes up when there is a video,” McLenney said.",
         "Tyresha McClenney"),
        # first person in the article’s voice is the writer named in the closing tagline
        ("My mother and I argued often.\n\nOnce I laughed and said, \"I don't believe in the devil.\"\n\n"
         "She was upset for days.\n\nDana Whitlock is a playwright and teaches at a college in Ohio.",
         "Dana Whitlock"),
        # a timestamp line is not the next sentence’s subject
        ("5:45 p.m.\n\nLibertarian candidate Gary Johnson’s doctor is calling the candidate "
         "“extremely physically fit.”",
         "Libertarian candidate Gary Johnson’s doctor"),
        # a given name is not a misspelt surname: Francis is not Massimo Franco
        ("The Vatican expert Massimo Franco wrote that the trip was a turning point.\n\nIn the final Mass of the trip, "
         "Francis told the story of the city of Nineveh, which was \"self-destructing as a result of oppression.\"",
         "Francis"),
        # a headline's capitals run a name into the words after it: the person is still the one named in the story
        ("Glenn Beck Blasts Drudge for Mocking His Fast, Urges Indiana to ‘Turn Away’ from Trump\n\n"
         "After blasting the Drudge Report, Glenn Beck doubled down on Monday.",
         "Glenn Beck"),
        # ... or into its verb
        ("Obama Says African-American Museum Tells ‘the Story of America’\n\nThe museum opened on Saturday in Washington.",
         "Obama"),
        # a role the article never gave as a title points back to the person acting
        ("Sir Keir Starmer has insisted the government will not change direction after the by-election.\n\n"
         "Speaking to reporters in Downing Street, the prime minister said: ‘The answer is to go further and faster.’",
         "Keir Starmer"),
        # questioners, announcers and crowds speak, though no word list of people holds them
        ("Obama held a press conference in Turkey on Monday.\n\nHis first five questioners pressed him on the strategy: "
         "“Is it time for your strategy to change?”",
         "His first five questioners"),
        # a slogan proclaimed as "a goal of" is said, not the title of a work
        ("Trump spoke in Philadelphia on Wednesday.\n\nIn his speech, Trump proclaimed a goal of \"Peace Through "
         "Strength.\" He did not say how.",
         "Trump"),
        # a wire dateline is not the sentence's subject
        ("Party apologizes.\n\nPHILADELPHIA, July 25 (UPI) — The Democratic National Committee released a statement at "
         "the outset of the party’s convention Monday, offering “a deep and sincere apology” to Sen. Bernie Sanders after "
         "leaked emails showed staff favoring his rival.",
         "Democratic National Committee"),
        # markup a scraper left glued to a name is not part of it
        ("Campaign news.\n\n<tweet tweet-author=\"PolitiFact\" tweet-text=\"We rate it Mostly True.\">Sanders said that for "
         "young people, “the real unemployment rate … is 51 percent.” His terminology was off.<tweet/>",
         "Sanders"),
        # a numbered law is not a person
        ("Director Ava DuVernay spoke about her film.\n\nDuVernay said she felt the 13th Amendment was worth "
         "examining because “most people don’t know about that loophole,” she said.",
         "Ava DuVernay"),
        # a thing cannot speak ("its rules were …"): the clause above names who did
        ("Governor Dana Kirk vetoed the bill on Friday because its rules were “a licence to evict.”",
         "Dana Kirk"),
        # the speaker named right after “…,” wins over a speech verb the parser put above it
        ("Mayor Ruth Ames toured the bridge with councillors on Monday.\n\nThe engineers cannot say that “the deck is "
         "sound,” Councillor Tom Reyes added.",
         "Tom Reyes"),
        # a denied saying reports nothing: the participle belongs to the one who added it
        ("Mayor Ruth Ames toured the bridge with councillors on Monday.\n\nThe engineers cannot say that the deck is "
         "sound, Councillor Tom Reyes added, saying it should stay “closed until spring.”",
         "Tom Reyes"),
        # someone the article does not name is still someone: the quotation is kept with them as its speaker
        ("Many of the delegates were angry after the vote.\n\n“We were cheated,” one said.",
         "one"),
        ("One of the delegates said the deal was “dead on arrival.”",
         "One of the delegates"),
        # a name someone gave in capitals is their words, not the title of a work
        ("Time editor Nancy Gibbs explained the choice.\n\nJacobs called Merkel “The Chancellor of the Free World.”",
         "Jacobs"),
        # a headline topic before a colon is not a speaker when the quotation says who spoke; a title before an
        # honorific ("Chief Minister Datuk Seri …") is still the person's title
        ("Melaka polls: 'Every seat is a battle,' says caretaker Chief Minister\n\nCaretaker Chief Minister Datuk Seri "
         "Ali Rahman said the polls were close.",
         "Ali Rahman"),
        # a topic before a colon is not a speaker when the headline says who speaks after it
        ("Budget standoff: Kitheka says he ‘will not be blackmailed’ by MCAs\n\nGovernor Joseph Kitheka has accused "
         "members of the county assembly of holding the budget hostage.",
         "Joseph Kitheka"),
        # "X to Y: '…'" is X speaking to Y
        ("Senators to farm chief: 'Where is the money?'\n\nSenators questioned the agriculture secretary on Monday.",
         "Senators"),
        # honorifics of Nigerian, Caribbean and Indian English are not part of the name
        ("Governors meet in Abuja\n\nAlhaji Musa Bello, the governor of Niger State, spoke on Monday.\n\n"
         "\"We are ready,\" Bello said.",
         "Musa Bello"),
        # in the passive, the one called something did not say it; the one it was said by did
        ("The debate turned bitter.\n\nThe senator was called “a liar” by Governor Ann Weller on Tuesday.",
         "Ann Weller"),
        # Nigerian copy opens with a participle ("Contributing, …", "Reacting, …"); the speaker is named after it
        ("Senate row\n\nContributing, the Minority Leader, Senator Peter Ogbonna, PDP, Abia North, described the "
         "development as \"a slap on the faces of flood victims.\"",
         "Peter Ogbonna"),
        # ... but with an object the verb is active, however the tagger tagged it
        ("Carlos Beruff met voters on Monday.\n\nBeruff, a Scott ally, called Florida’s standards “strong.”",
         "Carlos Beruff"),
        # a name before its role set off by commas is the speaker, not the role
        ("County leaders met in Tampa.\n\n“I think the plan is dead,” Deborah Tamargo, the chairwoman of the "
         "Hillsborough County party, recalled.",
         "Deborah Tamargo"),
        # the phrase holding the quoted words did not say them: the name after the verb did
        ("Any \"cleareyed\" reading of the minister's actions, said Michael Kofman, an analyst at the Wilson Center, "
         "would show the limits.",
         "Michael Kofman"),
        # a reporter's "--Name" byline does not override the speech verb of the sentence
        ("In brief.\n\nRajoy said Monday that he would try to form a government and insisted that his party was "
         "\"still the No. 1 force in Spain.\"--Kim Hjelmgaard.",
         "Rajoy"),
        # the verb the colon opens is the quotation's, not the one its clause is joined to
        ("His wife had warned him not to get too nasty, but Trump said he responded: \"When you have incoming, you "
         "can't be too presidential.\"",
         "Trump"),
        # a hyphen that splits the phrase does not make its first word the speaker
        ("“Imagine him on the same stage,” mused radio co-host Stu Burguiere.",
         "Stu Burguiere"),
        # a speech verb the tagger read as a plural noun ("Conway notes")
        ("Kellyanne Conway spoke on Sunday.\n\n“Look at the statement Mr. Trump put out,” Conway notes.",
         "Kellyanne Conway"),
        # "questioned" reports a question; "when questioned" does not
        ("Glenn Beck spoke on his radio show.\n\n“What was the pivot point?” Beck questioned.",
         "Glenn Beck"),
        # right after the quotation, a possessive phrase is the speaker as a whole
        ("\"Gun owners should leave their weapons at home,\" opined Cleveland's Plain Dealer.",
         "Plain Dealer"),
        ("“We will not go,” said Trump's spokesman Jason Miller.",
         "Jason Miller"),
        # a surname the tagger took for a word ("Will", "Early") is still the person named so
        ("Columnist George Will urged voters to abandon Trump.\n\n“The war is a serious matter,” Will wrote.",
         "George Will"),
        # a participle before the name does not end the phrase: "said retired neurosurgeon …"
        ("\"I am not going to say it is a mistake, so forget about it,\" said retired neurosurgeon Ben Carson, asked "
         "about his claims.",
         "Ben Carson"),
        # "asked" after the speaker reports a question; "when asked" reports whom it was put to
        ("The comedian posted the clip on Thursday.\n\n“What if the senator had elocution lessons?” the 43-year-old "
         "asked in the video’s description.",
         "the 43-year-old"),
        # written words are read: "the email read", "it reads"
        ("The campaign wrote to supporters on Tuesday.\n\n\"Our revolution has already won,\" read the email.",
         "the email"),
        # ... and a speech verb the tagger read as a noun: "the Saudis state"
        ("The kingdom released a white paper.\n\n\"Today, the kingdom is one of the leading nations in combating "
         "terrorism\" the Saudis state in the white paper.",
         "Saudis"),
        # a closing mark glued to the next word does not glue the speaker into the quotation
        ("Joe Scarborough asked her about Trump.\n\n“I think it’s been most surprising to me,”Clinton said.",
         "Clinton"),
        # a relative "that" is not a speaker: the one who released the statement is
        ("Sanders responds\n\nThe Sanders campaign did not back down, releasing a statement that, while condemning "
         "violence, accused the state party of using \"its power to prevent a fair process.\"",
         "The Sanders campaign"),
        # a name the tagger missed is its own words, not the compounds of the clause after it ("vice", "Trump")
        ("Ivanka Trump champions working moms\n\nIvanka Trump, who is executive vice president of development at the "
         "Trump Organization, declined to comment.\n\n“The nature of the projects I was working on was different,” "
         "she said.",
         "Ivanka Trump"),
        # in a parenthetical ", said NAME, …" the name speaks, not the subject before it
        ("Any fair reading of the minister's actions, said Michael Kofman, an analyst at the Wilson Center, would see "
         "the deal as \"the best means of saving the opposition.\"",
         "Michael Kofman"),
        # the writer's "and I quote" is not the speaker
        ("No wonder Trump said, and I quote, \"We love the poorly educated.\" He is treating his supporters as fools.",
         "Trump"),
        # a conclusion, like a claim, is its owner's
        ("The candidates were hurt by the server and by FBI Director James Comey's conclusion that her actions were "
         "\"extremely careless.\"",
         "James Comey"),
        # an honorific makes a person of a name the tagger took for an organisation ("Ms Ní Bhriain"), and a title
        # with its portfolio ("Minister for Housing Ruairí Coakley") is no part of the name
        ("Sinn Féin leader Aoife Ní Bhriain spoke in the Dáil.\n\nMinister for Housing Ruairí Coakley is due to bring a "
         "memo to Cabinet.\n\nMs Ní Bhriain said her party would table a motion. Asked about the claims, she was "
         "dismissive.\n\n“That’s a tired old line and he knows it,” she said.",
         "Aoife Ní Bhriain"),
        # the chair of the Dáil is the Ceann Comhairle
        ("Ms Ní Bhriain interrupted the Taoiseach, prompting the Ceann Comhairle, Ciarán Hogan, to intervene.\n\n"
         "“Deputies, I will not have this,” the Ceann Comhairle said.",
         "Ciarán Hogan"),
        # a role with its portfolio before a name the tagger took for an organisation: the person, without the title
        ("Tank Bill passed\n\nThe Assembly passed the Bill after a walkout by Shankare Gowda and his party.\n\n"
         "Leader of the Opposition R. Shankare Gowda described the Bill as \"a paper exercise\" on Tuesday.",
         "Shankare Gowda"),
        # a spokesperson named after the role is that person
        ("Water crisis\n\nTabling a motion during the debate, DA spokesperson on water and sanitation Annelie van "
         "Rooyen said Johannesburg Water had become “a utility in name only”.",
         "Annelie van Rooyen"),
        # a rank the parser took for the subject: the name it introduces speaks
        ("“I was hoping we’d see something else,” said Air Force 1st Lt. Tyler Livingston.",
         "Tyler Livingston"),
        # the noun phrase between a quotation and its verb, which the parser joined to the quotation's verb
        ("Ben Carson spoke to the Post.\n\n\"Dr. Carson invited both of us to his house to talk about changes\" the "
         "paper's politics editor Steven Ginsberg responded.",
         "Steven Ginsberg"),
    ],
)
def test_one_quote_resolves_to(nlp, text, speaker):
    (q,) = nlp(text)._.quotes
    assert q.speaker == speaker


def test_a_headline_run_on_is_not_a_second_holder_of_a_title(nlp):
    # the headline's capitals make a person of "Federal Judge Just"; "the judge" is still the one the story names
    text = ("Breaking: Federal Judge Just Gave Hillary Some Of The Worst News\n\nThe order by U.S. District Judge "
            "Emmet G. Sullivan came as part of a lawsuit.\n\n“This is a victory,” said Judicial Watch president Tom "
            "Fitton.\n\n“When does it stop?” the judge said.")
    assert [q.speaker for q in nlp(text)._.quotes] == ["Tom Fitton", "Emmet G. Sullivan"]


def test_a_name_introduced_with_a_role_is_a_person_whatever_the_tagger_said(nlp):
    # the tagger knows few Japanese names: it leaves "Reiko" out and calls "Shimada" a place
    text = ("Energy package criticised\n\nFinance Minister Takeshi Ono said the government would act. “We will respond "
            "appropriately,” Ono told reporters.\n\nReiko Shimada, policy chief of the main opposition party, called the "
            "package “a stopgap dressed up as policy.”\n\n“This is the third time in two years,” Shimada said.\n\n"
            "She also took aim at the prime minister. “Here we are again,” she said.")
    assert [q.speaker for q in nlp(text)._.quotes] == ["Takeshi Ono"] + ["Reiko Shimada"] * 3


def test_a_double_barrelled_name_is_one_name(nlp):
    # the tagger cuts "Cristina Alcaraz-Reyes" at the hyphen
    text = ("Rice fund hearing\n\nAt the hearing, committee chair Sen. Cristina Alcaraz-Reyes pressed the secretary to "
            "explain the delay.\n\n\"Where is the money?\" Alcaraz-Reyes said.\n\nFarmers' groups said the hearing "
            "offered little.\n\nAlcaraz-Reyes ended the hearing by giving the department until Nov. 15 to submit a "
            "list.\n\n\"If the list is not here by then, we will issue a subpoena,\" she said.")
    assert [q.speaker for q in nlp(text)._.quotes] == ["Cristina Alcaraz-Reyes"] * 2


def test_a_fact_check_names_the_speaker_in_the_paragraph_after_the_claim(nlp):
    text = ("Fact checking the debate\n\nSen. Bernie Sanders and Hillary Clinton met in New Hampshire.\n\n"
            "\"The idea that I would dismantle health care in America is just not accurate.\"\n\n- Sanders.\n\n"
            "Sanders exaggerates when he says he helped write the law.\n\n“I went to Wall Street before the crash.”\n\n"
            "— Hillary Clinton\n\nClinton tends to overstate her visit.")
    assert [q.speaker for q in nlp(text)._.quotes] == ["Bernie Sanders", "Hillary Clinton"]


def test_the_one_accused_is_not_the_accuser(nlp):
    text = "Row over memo\n\nHousing Minister Fergal Nolan has been accused of ‘hiding the truth’ after a leaked memo."
    assert all(q.speaker != "Fergal Nolan" for q in nlp(text)._.quotes)
    # a headline's "X accused of ‘…’" gives the words to the one the story quotes saying them
    text = ("Macrae accused of ‘hiding behind winter’ as A&E waits hit record high\n\nFirst Minister Alasdair Macrae has "
            "been accused of “hiding behind winter” after new figures showed record waits.\n\nScottish Labour leader "
            "Douglas Kinnaird said: “When is he going to stop hiding behind winter and take responsibility?”")
    assert [q.speaker for q in nlp(text)._.quotes] == ["Douglas Kinnaird", "Douglas Kinnaird"]
    # the one asked a question did not ask it
    text = "In an interview with the magazine, Trump was asked, “What’s the most dangerous place you’ve been?”"
    assert all(q.speaker != "Trump" for q in nlp(text)._.quotes)


def test_a_titled_name_the_tagger_made_an_organisation_is_a_person(nlp):
    # the tagger knows neither name and calls Lerato Mogale an organisation; "EFF spokesperson" says she is a person
    text = ("Water crisis debate\n\nANC national spokesperson Khaya Mthembu accused the DA of “playing politics with "
            "taps”.\n\nEFF spokesperson Lerato Mogale said the DA and the ANC were “fighting over a crisis they created "
            "together”.\n\n“Today the people of Soweto are queuing at tanks with buckets,” she says.")
    assert [(q.speaker, q.speaker_kind) for q in nlp(text)._.quotes] == [
        ("Khaya Mthembu", SpeakerKind.PERSON), ("Lerato Mogale", SpeakerKind.PERSON), ("Lerato Mogale", SpeakerKind.PERSON)]


def test_first_person_without_a_named_writer_is_not_a_guess(nlp):
    text = "Senator Tom Hale spoke first.\n\nThen I asked, \"Will you run again?\""
    (q,) = nlp(text)._.quotes
    assert (q.speaker, q.speaker_kind) == ("the author", SpeakerKind.UNKNOWN)


def test_bare_group_noun_belongs_to_the_organisation_just_named(nlp):
    text = ("The White House released a readout of the call on Friday.\n\n"
            "“He also conveyed the United States’ encouragement of a calm,” aides said.")
    (q,) = nlp(text)._.quotes
    assert (q.speaker, q.mention, q.speaker_kind) == ("White House aides", "aides", SpeakerKind.ORGANISATION)


def test_organisation_kept_as_organisation(nlp):
    (q,) = nlp("“The United States will continue to act,” Central Command said.")._.quotes
    assert q.speaker_kind is SpeakerKind.ORGANISATION


@pytest.mark.parametrize(
    "text",
    [
        "He appeared on CBS’s “Face the Nation” on Sunday.",
        "Hillary Clinton thinks this is an episode of “Shark Tank.” It is not.",
        "In his 2002 book, “Make Your Kid a Millionaire,” the author gave advice.",
        "She is the author of \"Hard Choices\" and other books.",
        "Ivanka Trump built her brand around the cause, writing a book called “Women Who Work” last year.",
        "Politics.\n\nThe director makes this clear in her stunning new documentary “13th.” The film debuts on Friday.",
        # a gerund is nobody
        'War and peace.\n\nEliminating "the scourge of war" is one of the original goals of the United Nations.',
        # things do not speak: a quoted term in a sentence whose actor is not a person or a body of people
        "Mining news.\n\nThe less valuable mines were later placed in a “liquidating trust” by the court.",
        "Markets fell.\n\nThe bill's supporters met on Tuesday. The new rules would subject “pass-through income” to the top rate.",
    ],
)
def test_titles_of_works_get_no_speaker(nlp, text):
    assert nlp(text)._.quotes == []


def test_quote_record_fields(nlp):
    text = BIDEN + "“It’s a work in progress right now,” Biden said."
    (q,) = nlp(text)._.quotes
    assert text[q.start:q.end] == q.text
    assert q.cue == "said" and q.kind is QuoteKind.FULL and 0 <= q.confidence <= 1
    assert q.sentence.startswith("“It’s a work in progress")


def test_headline_and_partial_kinds(nlp):
    text = "Talks are ‘a work in progress,’ Biden says\n\n" + BIDEN + "Biden called the talks “a work in progress.”"
    kinds = [q.kind for q in nlp(text)._.quotes]
    assert kinds == [QuoteKind.HEADLINE, QuoteKind.PARTIAL]


def test_odd_number_of_marks_does_not_spoil_the_article(nlp):
    text = BIDEN + "He said “this never closes.\n\n“It’s a work in progress,” Biden said."
    assert ("It’s a work in progress,", "Joe Biden") in attributions(nlp, text)


def test_seed_000_with_odd_marks_is_fully_attributed(nlp, shared_dir):
    text = (shared_dir / "seeds" / "000_d704981dea4d9aae.txt").read_text(encoding="utf-8")
    got = attributions(nlp, text)
    assert ("a work in progress", "Joe Biden") in got
    assert ("It’s a work in progress right now.", "Joe Biden") in got


_MARKS = st.sampled_from(list("\"“”‘’'„«»") + ["''", "\n", "\n\n", " ", "—", ":"])
_WORDS = st.sampled_from(["Biden", "said", "he", "she", "Mr.", "Smith", "the", "president", "according", "to", "Hamas’", "I’ll", ",", "."])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_MARKS, _WORDS, st.text(max_size=6)), max_size=60))
def test_never_raises_and_offsets_index_the_text(nlp, parts):
    text = " ".join(parts)
    for q in nlp(text)._.quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.text


def test_records_survive_multiprocess_pipe(nlp):
    from quotes.pipeline import extract_articles
    from quotes.records import Article

    articles = [Article(id=str(i), text=BIDEN + f"“Point {i} stands,” Biden said.") for i in range(4)]
    out = list(extract_articles(articles, n_process=2, batch_size=2))
    assert [(a.id, [q.speaker for q in qs]) for a, qs in out] == [(str(i), ["Joe Biden"]) for i in range(4)]
    assert json.dumps(out[0][1][0].to_dict())


def test_speaker_phrase_stops_at_the_quotation():
    # a hand-built parse in which the speaker's noun reaches back into the quoted words, as the parser
    # sometimes does; a nickname in marks inside a name stays
    import spacy
    from spacy.tokens import Doc

    from quotes.attribution import _noun_phrase

    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["“", "Not", "one", ",", "”", "Bozell", "answers", "."],
              spaces=[False, True, False, False, True, True, False, False],
              heads=[6, 2, 6, 6, 6, 6, 6, 6], deps=["punct", "neg", "amod", "punct", "punct", "compound", "ROOT", "punct"])
    assert _noun_phrase(doc[6]) == "Bozell answers"
    doc = Doc(vocab, words=["Juan", '"', "Chico", '"', "Manriquez", "said"], spaces=[True, False, False, True, True, False],
              heads=[4, 4, 4, 4, 5, 5], deps=["compound", "punct", "compound", "punct", "nsubj", "ROOT"])
    assert _noun_phrase(doc[4]) == 'Juan "Chico" Manriquez'


COMMONWEALTH = {
    # Articles written for these tests in British, Irish and Australian house style: single marks, "Mr" without a
    # full stop, roles for names, and quotations standing in paragraphs of their own after their speaker.
    "uk_budget.txt": ["Rachel Reeves"] * 4 + ["A spokesperson"] + ["Jeremy Hunt"] * 3 + ["Paul Johnson"] * 2,
    "uk_by_election.txt": ["Keir Starmer"] * 2 + ["Nigel Farage"] * 3 + ["Nigel Huddleston"] * 3 + ["Sarah Pochin"] * 2
                          + ["John Curtice"] * 2,
    "ie_election.txt": ["Micheál Martin"] * 3 + ["Mary Lou McDonald"] * 2 + ["Micheál Martin"] + ["Leo Varadkar"] * 2,
    "au_campaign.txt": ["Peter Dutton"] * 3 + ["Jim Chalmers"] * 2 + ["Bran Black"] + ["David Pocock"] * 2,
}


@pytest.mark.parametrize("name", sorted(COMMONWEALTH))
def test_commonwealth_house_style(nlp, name):
    text = (Path(__file__).parent / "data" / "commonwealth" / name).read_text(encoding="utf-8")
    assert [q.speaker for q in nlp(text)._.quotes] == COMMONWEALTH[name]


def _same_person(predicted: str, gold: str) -> bool:
    """As the gold sets are scored: the last word of one name is a word of the other ("Wong", "Lawrence Wong");
    or the acronym the article gives an organisation ("HRCP" for the Human Rights Commission of Pakistan)."""
    p, g = (re.findall(r"[\w'’-]+", name.lower()) for name in (predicted, gold))
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w']*", gold))
    return bool(p and g) and (p[-1] in g or g[-1] in p) or len(predicted) > 1 and predicted.isupper() and predicted in initials


def test_world_house_styles(nlp):
    # 108 articles written for these tests in the house styles of publishers in India, Pakistan, Nepal, Bangladesh,
    # the Philippines, Hong Kong, Singapore, Malaysia, Malta, Japan, Korea, the UAE, Qatar, Jamaica, Zimbabwe,
    # Uganda, Canada, New Zealand, Australia, the UK (broadsheets, tabloids and regional papers), Wales, Scotland,
    # Ireland, South Africa, Nigeria, Kenya, Ghana, the US (wire, national, digital, radio, local TV) and of the
    # wire agencies, news, sport, business, science and courts, with an answer key of every quoted span: about a
    # third of the quotations stand in paragraphs of their own, with the speaker named only before them. A floor,
    # not a fit: each key was written by hand before the extractor ran on its texts (the extractor was then improved
    # on what they showed), and errors are printed when it fails.
    folder = Path(__file__).parent / "data" / "world"
    key = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    judged = right = 0
    errors = []
    for name, entries in sorted(key.items()):
        text = (folder / name).read_text(encoding="utf-8")
        found = nlp(text)._.quotes
        pos = previous = 0
        for entry in entries:
            start = text.find(entry["quote"], pos)
            if start < 0:
                start = text.index(entry["quote"], previous + 1)  # a quotation within the one before
            pos, previous = start + len(entry["quote"]), start
            match = [q for q in found if q.start < start + len(entry["quote"]) and start < q.end]
            if entry["speaker"] is None or entry["note"] == "nested":
                # a title or scare quote: either left out or kept with an unknown speaker; a quotation inside another
                # in the same style of marks stays part of the outer one, by design
                continue
            judged += 1
            if match and _same_person(match[0].speaker, entry["speaker"]):
                right += 1
            else:
                errors.append((name, entry["quote"][:40], entry["speaker"], match[0].speaker if match else None))
    assert judged == 1709
    # 1607 of 1709 (0.940) when last measured; the last eighteen articles went in after one round of fixes on what
    # they showed (first runs 93 of 101, 119 of 133 and 93 of 106; now 96, 128 and 96), so the floor sits two points
    # below
    assert right / judged >= 0.92, errors


def test_a_name_before_a_colon_is_who_writes_the_quotation_after_it(nlp):
    # the tagger reads "Tully" as an adverb and the parser hangs "Tully hit back" under "wrote"; the quotation
    # between them is what he wrote, so "he" is Tully, not the opposition leader named before
    text = ("Opposition leader Conor Axford mocked the minister on Monday, after her spokesman Ronan Tully praised her "
            "online.\n\nTully hit back: “As a member of this party for 20 years,” he wrote, “I know a good minister "
            "when I see one.”")
    assert [q.speaker for q in nlp(text)._.quotes] == ["Ronan Tully"] * 2


def test_a_name_and_its_appositive_before_the_verb_are_the_speaker(nlp):
    # the parser joins "said" to the quotation's own verb and finds it no subject
    text = ("In conversations with donors, Mr. Harlow expressed astonishment at Mrs. Grady's handling of questions over "
            "her private email server. At times last year, people close to the vice president said, the mere mention of "
            "Mrs. Grady's name could make him fume.\n\n''They were professionals, but also competitors,'' William M. "
            "Whelan, President Obama's former chief of staff, said of their time in the administration. ''They'd do "
            "the dance.''")
    assert [q.speaker for q in nlp(text)._.quotes] == ["William M. Whelan"] * 2


@pytest.mark.parametrize("text", [
    "The hearing lasted four hours. But Keane’s most explosive claim is that the Select Committee on Housing is a "
    "“witch hunt” launched against the minister.",
    "The hearing lasted four hours. Ms Keane's central argument was that the board had been \"asleep at the wheel\" "
    "for a decade.",
])
def test_a_claim_that_is_a_clause_belongs_to_its_owner(nlp, text):
    (q,) = [q for q in nlp(text)._.quotes if q.confidence > 0.5]
    assert q.speaker == "Keane"


def test_a_relative_clause_speech_verb_describes_its_noun_not_the_quotation(nlp):
    text = ('And, in a clip that U.S. District Judge Harold W. Munro called "distasteful," Santoro expressed a desire to '
            '"try, convict and shoot the senator."')
    assert [q.speaker for q in nlp(text)._.quotes] == ["Harold W. Munro", "Santoro"]


@pytest.mark.parametrize("text", ["Senator Ryan said,“Look, these images have no place in a campaign.”",
                                  "Senator Ryan said:“Look, these images have no place in a campaign.”",
                                  'Senator Ryan said:"Look, these images have no place in a campaign."'])
def test_an_opening_mark_glued_to_the_verb_still_opens_a_quotation(nlp, text):
    (q,) = nlp(text)._.quotes
    assert (q.text, q.speaker) == ("Look, these images have no place in a campaign.", "Ryan")


def test_a_name_and_a_colon_opening_a_paragraph_label_a_transcript(nlp):
    text = ("The hearing turned on one number.\n\nRep. Dana Whitcomb (R-Ohio):\"Who told you that 90 percent of the "
            "files were on the server? Who told you that?\"\n\nFormer Commerce Secretary Alan Brightwater: \"We learned "
            "that from the department's own review.\"")
    assert [q.speaker for q in nlp(text)._.quotes] == ["Dana Whitcomb", "Alan Brightwater"]


def test_clauses_with_subjects_of_their_own_are_separate_statements(nlp):
    text = ('Cruz said he would make sand "glow in the dark," for instance, and Trump vowed to "bomb the hell" out of the '
            'Islamic State.')
    assert [q.speaker for q in nlp(text)._.quotes] == ["Cruz", "Trump"]


def test_misparsed_subjects_give_way_to_the_name_before_the_verb(nlp):
    # the parser makes "Of" the subject of "said", and "Conway" a compound of "notes"
    text = ('Of Carson, Levine, who has given money to Marco Rubio, said, “He’s flat-out scary.”\n\nTrump has begun to '
            'dial down the rhetoric, especially when he reads from prepared texts. "Look at the statement Mr. Trump put '
            'out after the shootings," Conway notes.')
    assert [q.speaker for q in nlp(text)._.quotes] == ["Levine", "Conway"]


def test_a_question_put_to_someone_is_not_a_statement_by_its_subject(nlp):
    text = ("Local Government Minister Owen Sciberras said he would meet the council.\n\nAsked whether the council would "
            "consider a smaller car park, the minister was unequivocal.\n\n\"Bring us the plans first, then we can talk.\"")
    assert [q.speaker for q in nlp(text)._.quotes] == ["Owen Sciberras"]


def test_said_then_a_long_title_then_the_name(nlp):
    text = ('"The situation was brought under control within 20 minutes," said Karachi police chief Additional IG Shahid '
            'Nawaz Abbasi.')
    assert [q.speaker for q in nlp(text)._.quotes] == ["Shahid Nawaz Abbasi"]


def test_a_description_apposed_to_an_organisation_is_that_organisation(nlp):
    text = ('KARACHI: The Pakistan Peoples Party retained the seat on Sunday, while its main rival, the Muttahida Qaumi '
            'Movement-Pakistan, rejected the result as "engineered".')
    ((speaker, kind),) = [(q.speaker, q.speaker_kind) for q in nlp(text)._.quotes]
    assert (speaker, kind) == ("Muttahida Qaumi Movement-Pakistan", SpeakerKind.ORGANISATION)


def test_an_abbreviated_councillor_is_a_person(nlp):
    # the tagger calls "Cr Brent Moffat" an organisation; "Cr" is the councillor's title, so "he" can be him
    text = ("Seawall deferred\n\nHer neighbour, Trevor Hinds, 66, says premiums have risen.\n\n“Mine’s gone up 40% in two "
            "years,” he says.\n\nCr Brent Moffat, who moved the amendment to defer the project, says the council has to "
            "make “hard calls” about where it spends ratepayers’ money.\n\n“Nobody around this table takes any pleasure "
            "in this,” he says.")
    assert [q.speaker for q in nlp(text)._.quotes] == ["Trevor Hinds", "Brent Moffat", "Brent Moffat"]


def test_of_two_holders_of_a_title_the_one_last_named_is_meant(nlp):
    # a deputy mayor is not "the mayor"; of two mayors, "the mayor" is the one the story was last about
    text = ("Car park row\n\nSpeaking at a council meeting, mayor Josianne Mifsud Bonnici said the council had not been "
            "consulted.\n\nDeputy mayor Charles Zammit struck a more cautious tone.\n\nTa' Xbiex mayor Paul Camilleri "
            "said he would wait for the plans.\n\nResident Marthese Borg said she feared the structure would block her "
            "view.\n\nAsked whether he would back a smaller project, the mayor was unequivocal.\n\n\"Bring us the plans "
            "first.\"")
    assert [q.speaker for q in nlp(text)._.quotes] == ["Paul Camilleri"]


def test_an_unnamed_official_keeps_their_words_when_the_quote_names_someone(nlp):
    # "Iganga" is a subject inside what the official says; it does not make "the official" someone else's
    text = ("Mr Moses Waiswa Kirya, the Iganga District chairperson, says the council will petition Parliament.\n\n"
            "An official at National Medical Stores, who asked not to be named, says Iganga is \"on the next delivery "
            "cycle\".\n\n\"The delay was on the side of the supplier,\" the official says.")
    assert [q.speaker for q in nlp(text)._.quotes] == ["An official at National Medical Stores"] * 2


def test_a_phrasal_speech_verb_whose_particle_the_parser_took_for_an_adverb(nlp):
    text = ("When Trump suggested that Cuba would sue the U.S. for reneging on the deal, Rubio fired back forcefully: “If "
            "they sue us in a court in Miami, they’re going to lose,” referencing the large number of Cuban immigrants.")
    assert [q.speaker for q in nlp(text)._.quotes] == ["Rubio"]


def test_a_verb_hung_on_the_last_noun_of_a_relative_clause_belongs_to_the_name_before_it(nlp):
    text = ("This appeared to be an altered version of a tweet sent by a Fox News contributor, which did not cite a "
            "source.\n\nStuart Stevens, who served as Mitt Romney's chief strategist during the 2012 campaign, called "
            "Trump's statements and actions on Sunday \"childish.\"")
    assert [q.speaker for q in nlp(text)._.quotes] == ["Stuart Stevens"]


def test_a_verb_reporting_other_words_does_not_take_the_quotation(nlp):
    text = ("But even as Trump claimed on Tuesday that “General Petraeus got in trouble for far less,” one of the former "
            "prosecutors for David Petraeus said the two cases were quite different.")
    assert [q.speaker for q in nlp(text)._.quotes] == ["Trump"]


def test_a_question_then_asked_and_a_name_after_an_as_clause(nlp):
    # "as many researchers believe," is an aside, not the one who introduces the quotation
    text = ("If Russia is indeed attempting to destabilize her candidacy — as many researchers believe, and Democrats are "
            "alleging, but Moscow strongly denies — “why wouldn’t you want to raise the potential [for tampering]?” asked "
            "Dunn, now a partner at communications firm SKDKnickerbocker. “I think it’s only prudent to raise that.”")
    assert [q.speaker for q in nlp(text)._.quotes] == ["Dunn", "Dunn"]


def test_it_and_they_after_a_body_are_that_body_not_the_last_person_described(nlp):
    text = ("Trump has tried to use the ad against Clinton. As a phone rang, the announcer said, “It’s 3 a.m.”\n\n"
            "Donald Trump’s campaign is defending his early-morning tweets. It’s denouncing what it calls “the "
            "single-biggest coordinated media attack in history.”\n\nClinton’s campaign is seeking to contrast her "
            "approach with what they call Trump’s “self-centered message.”")
    assert [q.speaker for q in nlp(text)._.quotes] == ["the announcer", "Donald Trump’s campaign", "Clinton’s campaign"]


def test_a_statement_someone_gave_is_theirs(nlp):
    text = ("The plan is supposed to curb ''activist'' investors and persuade executives to manage for the long term, "
            "according to a speech Mrs. Clinton delivered at New York University in July 2015.")
    assert [q.speaker for q in nlp(text)._.quotes] == ["Clinton"]


def test_words_in_a_clause_of_their_own_time_belong_to_its_subject(nlp):
    text = ("New Jersey Gov. Chris Christie described Democratic presidential nominee Hillary Clinton as a “disgrace” "
            "after she attacked law enforcement officers nationwide and blamed police shootings on “implicit bias” "
            "against minorities.\n\nChristie slammed Clinton after she called the police “racist.”")
    assert [q.speaker for q in nlp(text)._.quotes] == ["Chris Christie", "Hillary Clinton", "Hillary Clinton"]


def test_a_british_police_rank_is_a_title_not_a_name(nlp):
    text = ("Museum theft\n\nDet Supt Mark Ellison said the pair had walked past more valuable items.\n\nDet Supt Ellison "
            "said officers were trying to establish whether the jacket had been bought to help the men \"blend in\".")
    assert [q.speaker for q in nlp(text)._.quotes] == ["Mark Ellison"]
