"""The composer's phrase banks: ways to open, answer, agree, disagree, tie in and close.

Every template is topic-free: names, themes, concepts and interests come from the scenario.
Placeholders: {a} addressee, {theme} the matter they raised, {concept} a lesson concept,
{interest} one of the speaker's interests, {speaker} the speaker, {mod} the mediator,
{topic} the lesson's topic, {q} a question, {opt} an option.
"""

from __future__ import annotations

from summitry.plan import Stance

RIVAL_AGREEMENT = (
    "I rarely agree with {a}, but on {theme} we stand in the same place.",
    "{a} and we have little in common, yet on {theme} I hear a partner.",
    "It may surprise {a}, but we share their concern about {theme}.",
    "On {theme}, and perhaps only there, {a} and we can work together.",
    "For once I find myself agreeing with {a}: {theme} is a shared problem.",
    "Whatever divides us from {a}, {theme} is not one of those things.",
)

LEADS: dict[Stance, tuple[str, ...]] = {
    Stance.OPPOSE: (
        "{a} speaks of {theme}, but that framing serves {a} more than anyone else.",
        "With respect, {a}'s account of {theme} leaves out who pays the price.",
        "{a} talks about {theme} as if the record did not exist.",
        "I have to push back on {a}: {theme} cannot mean one rule for them and another for everyone else.",
        "{a}'s words on {theme} sound reasonable until you look at what {a} actually does.",
        "We hear {a} on {theme}, but we do not accept the premise.",
        "{a} raises {theme}, yet this is exactly where our paths diverge.",
        "Let me answer {a} directly: on {theme}, we see things very differently.",
        "{a} presents {theme} as neutral ground, and it is not.",
        "What {a} calls {theme} looks, from where we sit, like an advantage being protected.",
        "{a} forgets what this would mean for {interest}.",
        "I cannot accept {a}'s view; it leaves {interest} exposed.",
        "{a} asks us to trust them with {interest}, and we cannot.",
        "With respect to {a}, our {interest} is not theirs to bargain with.",
        "{a}'s proposal would cost us dearly in {interest}.",
    ),
    Stance.SUPPORT: (
        "{a} raises an important point about {theme}.",
        "I agree with {a} on {theme}, and I would go further.",
        "{a}'s point on {theme} has real merit.",
        "{a} is right to put {theme} on the table.",
        "{a} and we see {theme} much the same way.",
        "{a} correctly identifies what is at stake in {theme}.",
        "Let me build on what {a} said about {theme}.",
        "{a}'s suggestion about {theme} deserves support.",
        "On {theme}, {a} speaks for more of us than they may think.",
        "{a} is right, and it matters for {interest} too.",
        "I agree with {a}; that is good news for {interest}.",
        "{a}'s point helps with {interest}, which we care about deeply.",
        "We can work with {a} on this, especially for {interest}.",
    ),
    Stance.QUALIFY: (
        "{a} has a point on {theme}, but it is only half the picture.",
        "{a}'s view of {theme} has merit, yet it misses something.",
        "{a} is not wrong about {theme}, but the harder question is who decides.",
        "I take {a}'s concern about {theme} seriously, though I would frame it differently.",
        "There is something to what {a} says about {theme}, but let me add a caution.",
        "{a} puts {theme} well, and still I see a gap.",
        "I share part of {a}'s view on {theme}, not all of it.",
        "{a} makes a fair point, but what about {interest}?",
        "I hear {a}, yet {interest} pulls us another way.",
        "{a} is half right; the other half is {interest}.",
        "Before we agree with {a}, we need to know what it means for {interest}.",
    ),
    Stance.NEUTRAL: (
        "Let me come at {theme} from another side.",
        "On {theme}, our experience is different.",
        "{theme} looks different from where we stand.",
    ),
}

ANSWER_MODERATOR = (
    "{mod}, this question goes to the heart of it.",
    "{mod}, let me answer plainly.",
    "{mod}, the question assumes more than it says.",
    "{mod}, that is a fair question, and a hard one.",
    "{mod}, we have thought about this carefully.",
    "{mod}, the honest answer has two parts.",
)

SCENARIO_REACTIONS = (
    "That scenario hits close to home.",
    "This is not a hypothetical for us.",
    "A sobering scenario, and a useful one.",
    "This scenario keeps our analysts awake at night.",
    "That would change our calculations overnight.",
    "Scenarios like this are why we came to the table.",
    "It is a hard case, and it tests everything we have said so far.",
)

THANKS = ("Thank you, {mod}.", "Thank you, {mod}, and thank you all.")

CHOICES = (
    "{speaker} chose {opt}.",
    "We selected {opt}.",
    "Our answer was {opt}.",
    "On the lesson's {nth} question, we chose {opt}.",
    "For the {nth} question, our choice was {opt}.",
)

TIES = (
    "The lesson's idea of {concept} could help here, but only if {interest} is respected.",
    "This is where {concept} matters most.",
    "{Concept} could make that credible, if it is designed with us rather than for us.",
    "For us, {interest} is the test of whether {concept} can mean anything.",
    "That is why we keep returning to {concept}.",
    "Without {concept}, talk of {interest} stays talk.",
    "{Concept} is the tool; {interest} is the purpose.",
    "The lesson's point about {concept} is intriguing for exactly this reason.",
)

IMPROVISED = (
    "Our priority remains {interest}, and nothing said today changes that.",
    "{speaker} will judge any framework by one test: does it serve {interest}?",
    "We came here to defend {interest}, and also to listen.",
    "Any agreement that ignores {interest} will not survive contact with reality.",
    "{Interest} is where cooperation becomes practical for us.",
    "We would rather build {interest} together than guard it alone.",
    "If {interest} is protected, we can be generous on almost everything else.",
)

REFLECTIONS = (
    "It means {interest} can no longer be secured by any of us alone.",
    "For {speaker}, that makes {interest} a shared task rather than a national one.",
    "It suggests that {interest} and cooperation are less opposed than we assumed.",
    "{Interest} has to be designed in from the beginning, not added later.",
    "We will carry that thought home, especially where {interest} is concerned.",
    "It puts {interest} in a new light for us.",
    "Even {interest} now depends on partners we did not choose.",
)

REFLECT_NAMED = (
    "{a} is right: this is the fundamental challenge.",
    "As {a} says, our institutions move slowly while the problems race ahead.",
    "I agree with {a}, and it forces each of us to look beyond our own borders.",
    "{a} puts it well; the question asks more of us than any treaty we have signed.",
    "Like {a}, I think that question is the right one.",
    "{a} has named the difficulty, and it goes deeper than any single technology.",
    "Building on {a}: we will not answer this quickly, and we should not pretend to.",
)

REFLECT_OPENERS = (
    "That is really the fundamental challenge, isn't it?",
    "Yes, and it goes deeper than any single technology.",
    "Our institutions move slowly while the problems race ahead.",
    "I think that question is the right one.",
    "It is a humbling question for a nation that likes to act alone.",
    "Agreed, and it forces each of us to look beyond our own borders.",
    "That question asks more of us than any treaty we have signed.",
    "We will not answer it quickly, and we should not pretend to.",
)

COMMON_GROUND_REPLIES = (
    "It is remarkable that {a} and {speaker} could meet on {theme}.",
    "Finding common ground with {a} on {theme} is not something I expected today.",
    "If {a} and we can agree on {theme}, other doors may open.",
    "{theme} gave {a} and us a language we can both use.",
)

GENERAL_REPLIES = (
    "Listening to {a}, what stays with me is how shared challenges revealed overlooked common interests.",
    "As {a} showed today, trust can be built one practical project at a time.",
    "{a} reminds us that learning to govern this together may be as valuable as any result.",
    "Even with {a}, shared challenges opened doors that positions had closed.",
    "Today's practice in listening to {a} may matter more than any single proposal.",
    "What {a} and others said suggests a model for other hard problems, not only this one.",
    "We came with positions and, thanks partly to {a}, we leave with better questions.",
)

NAIVE_INTROS = (
    "Mine comes from our worries about {interest}:",
    "Thinking of {interest}, here's mine:",
    "With {interest} in mind, mine would be:",
    "From where we stand on {interest}, how about:",
    "Okay, for the sake of {interest}, here's one:",
    "I like this one, about {interest}:",
)

SMART_INTROS = (
    "For {speaker}, with {interest} in mind:",
    "Ours starts from {interest}:",
    "Thinking of {interest}, we would ask:",
    "Given what {interest} has taught us:",
)

PROPOSALS = (
    "Can we step back from {theme} for a moment?",
    "May I suggest we stop circling {theme} for a moment?",
)

PROPOSAL_FOLLOWUPS = (
    "What if we designed our approach to {topic} around shared problems rather than competition?",
    "What if we started from the problems that affect all of us, whatever our alliances?",
)

COLLECTIVE_THANKS = ("Thank you, {mod}.", "Thank you, {mod}, for this session.", "Thank you, {mod}!")

SMART_QUESTIONS = (
    "How do we make sure {topic} strengthens {interest} rather than deepening the divisions between us?",
    "How do we share the benefits of {topic} without giving up {interest}?",
    "What would it take for rivals to trust each other on {interest}?",
    "How can {topic} serve {interest} for the weakest among us, not only the strongest?",
    "Who should decide the rules of {topic}, and how do the rest of us hold them to account?",
    "How do we build institutions for {topic} that move as fast as the problems do?",
)

FOCUS = (
    "I would rather we talk about {focus}.",
    "Let's look at {focus} instead.",
    "Consider {focus}: it touches every one of us.",
)

CONNECTIVES = (
    "This matters for {interest} because",
    "For us, it comes down to {interest}:",
    "Our concern for {interest} means that",
    "When it comes to {interest}, we believe",
    "That is why {interest} must",
    "For {speaker}, {interest} means",
    "Put simply, {interest} is at stake because",
    "In practice, for {interest}, this means",
    "Our experience with {interest} shows that",
    "What we ask of {a}, for the sake of {interest}, is",
)

STAKES = (
    "For {speaker}, it always comes back to {interest}.",
    "Our concern is {interest}, and it will remain so.",
    "We measure every proposal against {interest} and {interest2}.",
    "{Interest} is not a slogan for us; it is a daily necessity.",
    "Whatever we decide here must protect {interest}.",
    "We will not trade away {interest}.",
    "This is, in the end, about {interest} and {interest2}.",
    "Ask any of our citizens and they will tell you about {interest}.",
    "{Interest} and {interest2} are where our attention stays.",
    "Nothing here works for us unless it serves {interest}.",
    "Our people judge us on {interest}, and so should you.",
    "We keep {interest} at the centre, whatever the question.",
)
