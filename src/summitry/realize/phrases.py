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
        "With respect to {a}, {interest} is not theirs to bargain with.",
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

PORTRAITS = (
    "We speak here as {portrait}.",
    "Let me remind you who is speaking: {portrait}.",
    "We come to this table as {portrait}.",
    "Remember where we stand: {portrait}.",
)

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

# Voices. A delegation's tone ("Confident but slightly defensive", "Urgently practical") picks
# the registers it speaks in; each register is a family of sentences with its own vocabulary
# and habits, so a cautious delegation hedges, an urgent one counts the months and a grave
# one speaks of generations, turn after turn, in words that are never quite the same.
# Slots: "stake" (its interest, in its voice), "answer" (taking a question from the mediator
# or a hard scenario), "reflect" (meeting a deep question), "ask" (introducing its question).

REGISTER_CUES: dict[str, tuple[str, ...]] = {
    "confident": ("confident", "assertive", "self-assured", "direct", "bold", "forthright"),
    "guarded": ("defensive", "guarded", "wary", "cautious", "careful", "suspicious", "reserved"),
    "measured": ("measured", "patient", "calm", "steady", "courteous", "polite", "diplomatic"),
    "sceptical": ("skeptical", "sceptical", "doubtful", "critical", "cynical"),
    "reflective": ("thoughtful", "intellectual", "engaged", "reflective", "curious", "philosophical"),
    "analytical": ("analytical", "sharp", "sober", "technical", "precise", "scientific"),
    "urgent": ("urgent", "practical", "pragmatic", "brisk", "impatient", "blunt"),
    "bridging": ("bridg", "weighing", "both", "balanc", "mediat", "between"),
    "cooperative": ("mutual", "partner", "cooperat", "win-win", "harmon", "friendly", "conciliat"),
    "grave": ("grave", "insistent", "immovable", "solemn", "historic", "stern", "firm"),
    "proud": ("proud", "pride", "dignified", "defiant"),
    "developmental": ("develop", "econom", "growth", "commercial", "trade"),
    "earnest": ("earnest", "young", "small", "humble", "hopeful", "sincere"),
    "strategic": ("security", "strategic", "deterren", "defence", "defense", "military"),
    "legal": ("rule", "law", "legal", "rights", "principled"),
    "communal": ("people", "communit", "indigenous", "citizens", "grassroots"),
}

VOICES: dict[str, dict[str, tuple[str, ...]]] = {
    "confident": {
        "stake": (
            "Let me be clear: on {interest} we intend to lead, not follow.",
            "We know what we bring to {interest}, and we will not apologise for it.",
            "Our record on {interest} speaks for itself.",
            "We have the means to defend {interest}, and the will to use them.",
            "No one at this table should doubt our resolve on {interest}.",
            "We will keep setting the pace on {interest}.",
        ),
        "answer": (
            "{mod}, the answer is straightforward.",
            "{mod}, we have a clear position on this, and we are happy to state it.",
            "Let me be direct, {mod}.",
            "We are not afraid of this question, {mod}.",
        ),
        "reflect": (
            "We are confident it can be met, but only if we are honest about it.",
            "Plainly put, the answer has to start with those able to act.",
            "Someone has to lead on this, and we are ready to.",
        ),
        "ask": (
            "Let me put ours plainly; it comes from {interest}:",
            "Here is ours, straight from our thinking on {interest}:",
        ),
    },
    "guarded": {
        "stake": (
            "Forgive our caution, but we have seen {interest} bargained away before.",
            "We have learned to guard {interest} carefully.",
            "Until we see guarantees on {interest}, we keep our reservations.",
            "Promises about {interest} have been made to us before; we judge by what follows.",
            "On {interest} we prefer to move carefully rather than regret it later.",
            "Trust on {interest} has to be earned, and it is earned slowly.",
        ),
        "answer": (
            "{mod}, we will answer carefully.",
            "{mod}, we are wary of where this question leads, but we will answer it.",
            "We have to weigh our words here, {mod}.",
            "That is a question we approach with some caution, {mod}.",
        ),
        "reflect": (
            "We accept that, cautiously, and with our eyes open.",
            "We agree in principle, though principles have failed us before.",
            "It is true, and it is also why we remain careful.",
        ),
        "ask": (
            "Cautiously, and with {interest} in mind, ours is this:",
            "Ours, asked with care, since {interest} is at stake:",
        ),
    },
    "measured": {
        "stake": (
            "Step by step, {interest} can be secured, if we are patient.",
            "We would rather build {interest} slowly and well than quickly and badly.",
            "Quiet work on {interest} will achieve more than loud declarations.",
            "In time, {interest} can become common ground rather than contested ground.",
            "We ask only that {interest} be given the steady attention it deserves.",
            "Patience on {interest} has served us well, and it can serve all of us.",
        ),
        "answer": (
            "{mod}, allow us to answer calmly.",
            "{mod}, let us take this one step at a time.",
            "Thank you for the question, {mod}; it deserves a measured reply.",
        ),
        "reflect": (
            "With patience it can be done; without patience nothing will hold.",
            "It asks us to be steady rather than fast, and that is no weakness.",
            "Calmly considered, the question is less frightening than it sounds.",
        ),
        "ask": (
            "Ours, offered calmly, with {interest} in mind:",
            "A patient question, about {interest}:",
        ),
    },
    "sceptical": {
        "stake": (
            "Forgive our doubts, but we have heard fine words about {interest} before.",
            "We will believe the talk of {interest} when we see it in practice.",
            "Show us how {interest} will be protected, and our scepticism will fade.",
            "Every promise on {interest} deserves a hard question, and we intend to ask it.",
            "We doubt that anyone here will defend {interest} on our behalf.",
            "The burden of proof on {interest} lies with those who write the rules.",
        ),
        "answer": (
            "{mod}, we are sceptical of the premise, but let us engage with it.",
            "{mod}, a fair question; we doubt the usual answer to it.",
            "We remain unconvinced, {mod}, though the question is a good one.",
        ),
        "reflect": (
            "We doubt there is an easy answer, and we distrust anyone who offers one.",
            "Perhaps, though we have seen such hopes disappointed before.",
            "An interesting thought, and we would like to see it proven.",
        ),
        "ask": (
            "A sceptic's question, about {interest}:",
            "Ours doubts the easy answers on {interest}:",
        ),
    },
    "reflective": {
        "stake": (
            "We have thought hard about {interest}, and it is more complicated than it looks.",
            "Questions about {interest} run deeper than we usually admit.",
            "The longer we reflect on {interest}, the more it connects to everything else.",
            "Behind the debate on {interest} lies a question about what kind of order we want.",
            "We keep turning {interest} over, and each time it shows another side.",
        ),
        "answer": (
            "{mod}, the question invites reflection before it invites an answer.",
            "{mod}, let us think aloud for a moment.",
            "It is worth pausing on this, {mod}.",
        ),
        "reflect": (
            "It is a question worth sitting with, rather than answering too fast.",
            "We find ourselves thinking about it more than about any proposal today.",
            "Perhaps the deeper lesson is that the question itself changes us.",
        ),
        "ask": (
            "Ours grew out of long reflection on {interest}:",
            "A question we keep returning to, about {interest}:",
        ),
    },
    "analytical": {
        "stake": (
            "Look closely and the real variable is {interest}.",
            "Analytically, everything else depends on {interest}.",
            "Separate the rhetoric from the mechanism, and what remains is {interest}.",
            "The evidence points to {interest} as the constraint that binds.",
            "If we model the risks honestly, they concentrate on {interest}.",
            "Precision matters here: the question is {interest}, not a slogan.",
        ),
        "answer": (
            "{mod}, let us be precise about what the question asks.",
            "{mod}, the question has two parts, and they should be kept apart.",
            "Let us separate the facts from the fears, {mod}.",
        ),
        "reflect": (
            "Analytically, the gap between the problem and the institution is the problem.",
            "Break it down and it becomes a question of mechanisms, not goodwill.",
            "The question is sharper than it looks, and it deserves a precise answer.",
        ),
        "ask": (
            "Ours, put as precisely as we can, about {interest}:",
            "A question we have examined closely, on {interest}:",
        ),
    },
    "urgent": {
        "stake": (
            "For us, {interest} belongs on this year's agenda, not the next decade's.",
            "What matters is what works on the ground for {interest}, this year.",
            "Every month of delay on {interest} has a cost we can count.",
            "Practical steps on {interest} first; grand designs can wait.",
            "We need results on {interest}, not another round of principles.",
            "On {interest}, time is the one resource we do not have.",
        ),
        "answer": (
            "{mod}, let me answer practically.",
            "{mod}, the practical answer is the only one we can afford.",
            "We do not have time for theory here, {mod}.",
        ),
        "reflect": (
            "Then let us start with what can be done this year.",
            "Fine words will not close that gap; practical steps will.",
            "The answer is to act first where action is cheap and the need is urgent.",
        ),
        "ask": (
            "A practical one, about {interest}:",
            "Ours is urgent, because {interest} cannot wait:",
        ),
    },
    "bridging": {
        "stake": (
            "{Interest} can be a bridge between us rather than a wall.",
            "Sitting between several of you, we see {interest} as the place where the sides can meet.",
            "If {interest} serves both sides, it will last; if it serves one, it will not.",
            "We would like {interest} to be something neighbours build together.",
            "Weighing both sides, the balance for us lies in {interest}.",
            "Both sides of this table have a stake in {interest}, whether they say so or not.",
        ),
        "answer": (
            "{mod}, we see merit on both sides of this question.",
            "{mod}, let us try to find the middle of it.",
            "There is a way through this, {mod}, if we look for it together.",
        ),
        "reflect": (
            "Bridges are slow to build and quick to burn, and institutions are no different.",
            "Between fast change and slow institutions, someone has to build the bridge.",
            "It is a question for both sides of every divide in this room.",
        ),
        "ask": (
            "Ours looks for the middle ground on {interest}:",
            "A question for both sides, about {interest}:",
        ),
    },
    "cooperative": {
        "stake": (
            "Win-win cooperation on {interest} is possible, and we have seen it work.",
            "We see {interest} as a shared opportunity, never as a zero-sum contest.",
            "Partners who respect each other can make {interest} serve everyone.",
            "Common development is the surest path to {interest}.",
            "We offer partnership on {interest} to anyone willing to take it up.",
            "When {interest} benefits all sides, no one has a reason to break the agreement.",
        ),
        "answer": (
            "{mod}, we answer in a spirit of partnership.",
            "{mod}, the question itself shows why cooperation is the answer.",
            "Thank you, {mod}; this is a chance to speak of common development.",
        ),
        "reflect": (
            "Only partnership can keep pace with such change; rivalry will always lag behind it.",
            "Mutual respect is faster than mutual suspicion, and it builds institutions that last.",
            "If we treat it as a common task, the institutions will follow.",
        ),
        "ask": (
            "Ours is asked in a spirit of partnership, about {interest}:",
            "A question about common development and {interest}:",
        ),
    },
    "grave": {
        "stake": (
            "For our people, {interest} is a matter of survival, not of preference.",
            "Generations have depended on {interest}, and they still do.",
            "History has taught us never to take {interest} for granted.",
            "On {interest} we will not move, whatever the pressure.",
            "We say it with all seriousness: {interest} cannot be negotiated away.",
            "Nothing about {interest} is abstract for us; it touches life itself.",
        ),
        "answer": (
            "{mod}, this is a grave question, and we treat it as one.",
            "{mod}, our position has not changed, and it will not.",
            "We answer with the seriousness this deserves, {mod}.",
        ),
        "reflect": (
            "It is a sobering thought, and history gives us every reason to take it seriously.",
            "The stakes could not be higher, and we will not pretend otherwise.",
            "History will judge whether we rose to it.",
        ),
        "ask": (
            "A serious question behind a simple one, about {interest}:",
            "Ours, asked in earnest, because {interest} is no small matter:",
        ),
    },
    "proud": {
        "stake": (
            "Our people have worked for {interest} with their own hands, and they are proud of it.",
            "We are proud of what we have achieved for {interest}, and we mean to go further.",
            "No one handed us {interest}; we earned it.",
            "We speak of {interest} with pride, not with apology.",
            "What we have done for {interest} we did largely alone.",
        ),
        "answer": (
            "{mod}, we answer with some pride in what we have built.",
            "{mod}, we are proud to answer this one.",
            "Let us answer with our head held high, {mod}.",
        ),
        "reflect": (
            "We built much with little; institutions can learn to do the same.",
            "Nations that have built things alone know how slow help can be.",
            "We are proud of our own path, and it taught us that speed comes from resolve.",
        ),
        "ask": (
            "Ours comes from our hopes for {interest}:",
            "A question from a proud nation, about {interest}:",
        ),
    },
    "developmental": {
        "stake": (
            "It is through {interest} that our economy grows and our people prosper.",
            "Development, for us, runs through {interest}.",
            "We want growth and jobs from {interest}, not charity.",
            "What we ask is the chance to pursue {interest} on our own terms.",
            "The economics of {interest} will decide more than any declaration.",
            "Investment in {interest} pays back many times over.",
        ),
        "answer": (
            "{mod}, for us this is first of all a question of development.",
            "{mod}, let me answer in terms of jobs, growth and investment.",
        ),
        "reflect": (
            "Development will not wait for institutions to catch up, and it should not have to.",
            "The economy moves faster than any treaty; governance has to learn from markets.",
        ),
        "ask": (
            "Ours comes from the economics of {interest}:",
            "A development question, about {interest}:",
        ),
    },
    "earnest": {
        "stake": (
            "As a small voice at this table, we ask only that {interest} be heard.",
            "We are still learning, but we know what {interest} means for our people.",
            "Honestly, {interest} is what our people ask us about every day.",
            "We cannot do much alone, so {interest} depends on all of you.",
            "We come with few means and one clear hope: {interest}.",
        ),
        "answer": (
            "{mod}, we will answer honestly, as we always try to.",
            "{mod}, the honest answer is that we need help.",
            "Thank you, {mod}; we have been hoping to speak to this.",
        ),
        "reflect": (
            "Honestly, we do not know, but we want to learn the answer together.",
            "For a nation of our size, the only answer is to work with others.",
            "We have more questions than answers, and we are not ashamed of that.",
        ),
        "ask": (
            "Honestly, ours is about {interest}:",
            "A simple question, from a nation that cares about {interest}:",
        ),
    },
    "strategic": {
        "stake": (
            "In security terms, {interest} is a matter of deterrence as much as anything.",
            "Strategically, whoever secures {interest} sets the terms for everyone else.",
            "We read every proposal for its effect on {interest} and on the threats we face.",
            "Risks to {interest} are where our strategists start.",
            "A gap in {interest} is a gap an adversary will find.",
        ),
        "answer": (
            "{mod}, the strategic answer comes first.",
            "{mod}, we have to read this as a security question.",
            "Strategically, {mod}, the question is who gains the advantage.",
        ),
        "reflect": (
            "Strategically, slow institutions are a vulnerability adversaries already exploit.",
            "Threats move faster than treaties; that is the strategic problem in one sentence.",
        ),
        "ask": (
            "A strategic question, about {interest}:",
            "Ours comes from the threats to {interest}:",
        ),
    },
    "legal": {
        "stake": (
            "The rules on {interest} must be written down and kept.",
            "We want {interest} anchored in law, not in the goodwill of the moment.",
            "A rule on {interest} that holds only when convenient is no rule at all.",
            "Agreed rules on {interest} protect the weak and the strong alike.",
            "Let the law settle {interest}, and let every state abide by it.",
        ),
        "answer": (
            "{mod}, the answer lies in the rules we already have.",
            "{mod}, let us start from what the law already says.",
        ),
        "reflect": (
            "Rules are how slow institutions keep up: they decide in advance.",
            "The answer is law clear enough to apply before the crisis, not after it.",
        ),
        "ask": (
            "Ours is about the rules for {interest}:",
            "A question of law, about {interest}:",
        ),
    },
    "communal": {
        "stake": (
            "The people who live with {interest} every day should have the first word on it.",
            "Ask the communities, and they will tell you what {interest} really means.",
            "For the families who live with it, there is nothing abstract about {interest}.",
            "Those who live there, not distant capitals, should decide on {interest}.",
            "Those who live on the land know more about {interest} than any map.",
        ),
        "answer": (
            "{mod}, let me answer for the people who live with this.",
            "{mod}, our communities have been asking this for years.",
        ),
        "reflect": (
            "The people who live with the consequences should shape the institutions.",
            "Institutions that listen to the people closest to the problem move faster.",
        ),
        "ask": (
            "A question our communities ask, about {interest}:",
            "Ours comes from the people who live with {interest}:",
        ),
    },
}
