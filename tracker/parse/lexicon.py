"""The parser's vocabulary, as data: cue words, titles, role nouns, hedges, boilerplate.

Owns every word list and named pattern the rules use, gathered in the frozen,
swappable ``Lexicon``. Rules elsewhere hold no word lists. Must not hold rules:
only data, plus the small functions that inflect verbs and compile the word
lists into patterns (in ``Lexicon.__post_init__``, so a ``dataclasses.replace``
copy recompiles from its own sets).

Verb sets hold a verb's lemma *and* its inflected forms. A word counts as a cue
only when both its form and its lemma are in the set, so removing ``"warn"``
removes every form of it and removing ``"warned"`` removes that form alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from tracker.parse.scan import GapLed, ScanPlan, gap_led, plan

# fmt: off
# --------------------------------------------------------------------------
# Inflection
# --------------------------------------------------------------------------

#: Irregular verbs: lemma -> (third person, past, past participle, -ing form).
IRREGULAR_VERBS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "say": ("says", "said", "saying"), "tell": ("tells", "told", "telling"),
        "write": ("writes", "wrote", "written", "writing"),
        "think": ("thinks", "thought", "thinking"),
        "know": ("knows", "knew", "known", "knowing"), "find": ("finds", "found", "finding"),
        "feel": ("feels", "felt", "feeling"),
        "speak": ("speaks", "spoke", "spoken", "speaking"),
        "see": ("sees", "saw", "seen", "seeing"), "hear": ("hears", "heard", "hearing"),
        "show": ("shows", "showed", "shown", "showing"),
        "forecast": ("forecasts", "forecast", "forecasting"),
        "foresee": ("foresees", "foresaw", "foreseen", "foreseeing"),
        "understand": ("understands", "understood", "understanding"),
        "pay": ("pays", "paid", "paying"), "make": ("makes", "made", "making"),
        "go": ("goes", "went", "gone", "going"), "put": ("puts", "put", "putting"),
        "take": ("takes", "took", "taken", "taking"), "shoot": ("shoots", "shot", "shooting"),
        "swear": ("swears", "swore", "sworn", "swearing"), "bet": ("bets", "bet", "betting"),
        "mean": ("means", "meant", "meaning"), "lead": ("leads", "led", "leading"),
        "read": ("reads", "read", "reading"), "hold": ("holds", "held", "holding"),
        "give": ("gives", "gave", "given", "giving"),
    }
)

_VOWELS = frozenset("aeiou")


def inflect(lemma: str) -> tuple[str, ...]:
    """The lemma and its inflected forms (regular English morphology unless listed)."""
    if lemma in IRREGULAR_VERBS:
        return (lemma, *IRREGULAR_VERBS[lemma])
    if lemma.endswith("ee"):
        return (lemma, lemma + "s", lemma + "d", lemma + "ing")
    if lemma.endswith("e") and not lemma.endswith(("ye", "oe")):
        return (lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in _VOWELS:
        return (lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return (lemma, lemma + "es", lemma + "ed", lemma + "ing")
    if _doubles(lemma):
        last = lemma[-1]
        return (lemma, lemma + "s", lemma + last + "ed", lemma + last + "ing")
    return (lemma, lemma + "s", lemma + "ed", lemma + "ing")


#: Verbs whose final consonant doubles before -ed/-ing (stressed last syllable).
DOUBLING_VERBS: frozenset[str] = frozenset(
    {
        "commit", "admit", "regret", "plan", "stop", "rebut", "refer", "prefer", "slam", "jab",
        "quip", "rap", "chat", "occur", "submit", "permit", "nod", "drop", "bar",
    }
)


def _doubles(lemma: str) -> bool:
    return lemma in DOUBLING_VERBS


def verbs(*lemmas: str) -> frozenset[str]:
    """Every lemma with all of its forms, for a cue set."""
    out: set[str] = set()
    for lemma in lemmas:
        out.update(inflect(lemma))
    return frozenset(out)


def lemma_candidates(form: str) -> tuple[str, ...]:
    """Lemmas that could have produced ``form`` (checked by inflecting them back)."""
    found: list[str] = [form]
    for lemma, forms in IRREGULAR_VERBS.items():
        if form in forms:
            found.append(lemma)
    stems = []
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
    ):
        if form.endswith(suffix) and len(form) > len(suffix) + 1:
            stems.append(form[: -len(suffix)] + repl)
    for stem in stems:
        if len(stem) > 2 and stem[-1] == stem[-2]:
            stems.append(stem[:-1])
    for stem in stems:
        if form in inflect(stem):
            found.append(stem)
    return tuple(dict.fromkeys(found))


# --------------------------------------------------------------------------
# Cue vocabulary
# --------------------------------------------------------------------------

#: Assertive speech verbs: a source, the verb, then content (a clause, an object or a quote).
SPEECH_VERBS = verbs(
    "say", "tell", "add", "claim", "warn", "write", "tweet", "insist", "deny", "accuse",
    "announce", "confirm", "stress", "reflect", "underscore", "state", "note", "explain",
    "argue", "report", "reply", "respond", "declare", "admit", "acknowledge", "predict",
    "refute", "reiterate", "repeat", "recall", "assert", "contend", "maintain", "emphasise",
    "emphasize", "allege", "complain", "concede", "caution", "comment", "observe", "remark",
    "answer", "testify", "inform", "assure", "reassure", "boast", "brag", "joke", "quip",
    "proclaim", "counter", "retort", "disclose", "dispute", "reveal", "suggest", "rebut",
    "highlight", "recount", "describe", "cite", "mention", "conclude", "estimate", "project",
    "forecast", "signal", "hint", "imply", "scoff", "lament", "muse", "protest", "question",
    "shout", "yell", "exclaim", "whisper", "advise", "swear",
)
#: Internal states and intentions: believe, hope, want ... (need a source and content).
COGNITION_VERBS = verbs(
    "believe", "think", "hope", "fear", "want", "plan", "expect", "know", "feel", "worry",
    "doubt", "intend", "wish", "suspect", "assume", "reckon", "guess", "imagine", "realise",
    "realize", "suppose", "consider", "aim", "seek", "prefer", "favor", "favour", "oppose",
    "support", "endorse", "remember", "trust", "hate", "regret", "understand", "envision",
    "foresee", "anticipate",
)
#: Evidence cues: a poll shows, documents reveal, a study found.
EVIDENCE_VERBS = verbs(
    "show", "reveal", "suggest", "indicate", "find", "demonstrate", "confirm", "project",
    "estimate", "predict",
)
#: Expressive acts: count only when the content carries quoted words.
EXPRESSIVE_VERBS = verbs(
    "praise", "thank", "congratulate", "blast", "slam", "hail", "criticise", "criticize",
    "condemn", "attack", "mock", "rebuke", "lambast", "applaud", "commend", "denounce",
    "decry", "deride", "ridicule", "dismiss", "defend", "tout", "welcome", "celebrate",
    "apologise", "apologize", "blame", "chide", "scold", "taunt", "label", "dub", "call",
    "brand",
)
#: Speech-manner verbs that report only quoted words ("he continued: “...”").
QUOTE_ONLY_VERBS = verbs(
    "continue", "interject", "interrupt", "bark", "scream", "snap", "sing", "chant", "cry",
    "murmur", "mutter", "laugh", "sigh", "gasp", "plead", "growl", "roar", "thunder", "chuckle",
)
#: Commissive and directive acts: count only with a that-clause, a question or quoted words.
DIRECTIVE_VERBS = verbs(
    "pledge", "commit", "promise", "vow", "offer", "ask", "urge", "demand", "lobby", "request",
    "order", "propose", "recommend", "encourage", "implore", "beg", "invite", "agree", "vote",
    "threaten",
)
#: The outlet's perception of a subject: "Trump appeared to suggest ...", "the race seemed
#: likely to ...", "the vote is expected to slip" (passive only: "expect" is otherwise a
#: cognition verb). A claim without a source (the outlet's reading), content the subject and
#: the complement; the complement must open with one of ``RAISING_COMPLEMENTS``.
RAISING_VERBS = verbs("appear", "seem", "expect")
RAISING_COMPLEMENTS: frozenset[str] = frozenset(
    {"to", "likely", "unlikely", "poised", "ready", "set", "certain", "sure"}
)
#: Verbs whose object is the addressee: "told Zelensky (that) ...".
ADDRESSEE_VERBS = verbs(
    "tell", "assure", "reassure", "warn", "inform", "remind", "urge", "ask", "advise", "brief",
    "promise", "thank", "congratulate", "caution", "implore", "beg", "notify", "convince",
    "persuade", "teach",
)
#: Verbs whose content starts at the object: "accused X of Y".
OBJECT_CONTENT_VERBS = verbs(
    "accuse", "blame", "criticise", "criticize", "thank", "praise", "congratulate", "blast",
    "slam", "hail", "condemn", "attack", "mock", "rebuke", "lambast", "applaud", "commend",
    "denounce", "chide", "scold", "label", "dub", "call", "brand", "refute", "deny", "dispute",
    "defend", "tout", "welcome", "dismiss", "support", "back", "endorse", "oppose", "favor",
    "favour", "cite", "describe", "mention", "question", "highlight", "celebrate", "decry",
    "deride", "ridicule", "taunt",
)
#: Verbs that need a clause ("that ...", "X is ...") rather than a bare object.
CLAUSE_ONLY_VERBS = verbs(
    "say", "add", "insist", "explain", "argue", "believe", "think", "hope",
    "fear", "feel", "worry", "doubt", "suspect", "assume", "reckon", "guess", "realise",
    "realize", "suppose", "know", "show", "find", "indicate", "demonstrate", "reveal",
    "suggest", "confirm", "announce", "predict", "note", "observe", "remark", "state",
    "declare", "claim", "allege", "contend", "maintain", "assert", "concede", "admit",
    "acknowledge", "stress", "emphasise", "emphasize", "underscore", "reiterate", "warn",
    "caution", "conclude", "estimate", "project", "forecast", "signal", "hint", "imply",
    "understand", "remember", "recall", "expect", "continue", "joke", "quip", "boast", "brag",
    "lament", "complain", "protest", "muse", "scoff", "counter", "retort", "trust", "see",
    "imagine", "anticipate", "foresee", "envision", "swear", "testify", "report", "write",
    "tweet", "post", "tell", "assure", "reassure", "inform", "remind", "advise",
    "brief", "notify", "convince", "persuade", "teach",
)
#: Commissives whose infinitive is the stated intention ("vowed to repeal the law"): unlike
#: other commissive and directive acts, a claim without a that-clause or quoted words.
INTENTION_VERBS = verbs("vow", "promise", "pledge", "threaten")
#: Verbs that take an infinitive as content ("wants to build a wall").
INFINITIVE_VERBS = verbs(
    "want", "plan", "hope", "expect", "intend", "wish", "aim", "seek", "promise", "vow",
    "pledge", "commit", "offer", "threaten", "agree", "claim", "prefer", "appear", "seem",
    "urge", "ask", "order", "encourage", "decline", "refuse", "propose",
)

#: Multi-word speech cues, matched as a whole (first word inflected).
SPEECH_PHRASES: frozenset[str] = frozenset(
    {
        "according to", "spoke of", "spoken of", "speak of", "speaks of", "speaking of",
        "pointed out", "points out", "point out", "pointing out", "went on to say",
        "goes on to say", "made clear", "makes clear", "made it clear", "makes it clear",
        "shot back", "shoots back", "fired back", "fires back", "hit back", "hits back",
     "referring to", "referred to", "refers to", "refer to", "put it", "puts it",
        "spoke out", "weighed in", "wrote in", "went on", "summed up",
        "called out", "was quoted as saying", "were quoted as saying", "is quoted as saying",
        "in the words of", "raised concerns", "raised questions", "expressed concern",
        "expressed hope", "expressed confidence", "issued a statement saying",
        "took to twitter", "made the case", "pushed back", "went further",
    }
)
#: Multi-word expressive cues (need quoted words).
EXPRESSIVE_PHRASES: frozenset[str] = frozenset(
    {
        "heaped praise on", "heaps praise on", "heaping praise on", "heap praise on",
        "paid tribute to", "pays tribute to", "paying tribute to", "pay tribute to",
        "poured scorn on", "pours scorn on", "took aim at", "takes aim at", "taking aim at",
        "lashed out at", "lashes out at", "railed against", "rails against",
    }
)
#: Multi-word directive cues (need a that-clause or quoted words).
DIRECTIVE_PHRASES: frozenset[str] = frozenset(
    {
        "called for", "calls for", "calling for", "call for", "called on", "calls on",
        "calling on", "call on", "appealed for", "appealed to",
    }
)
#: Nouns that report speech or belief; cues only in "NOUN that ..." (speculation that).
NOMINAL_CUES: frozenset[str] = frozenset(
    {
        "claim", "claims", "speculation", "allegation", "allegations", "suggestion",
        "suggestions", "assertion", "assertions", "belief", "beliefs", "fears", "fear",
        "hopes", "warning", "warnings", "insistence", "reports", "rumours", "rumors",
        "argument", "view", "notion", "idea", "concern", "concerns", "promise", "pledge",
        "statement", "announcement", "admission", "accusation", "accusations", "charge",
        "charges", "predictions", "prediction", "expectations", "indications", "evidence",
        "impression", "sense", "conviction", "confidence", "assurances", "assurance",
    }
)
#: Nominal cues that are speech (the rest are cognition).
NOMINAL_SPEECH: frozenset[str] = frozenset(
    {
        "claim", "claims", "allegation", "allegations", "suggestion", "suggestions",
        "assertion", "assertions", "warning", "warnings", "insistence", "reports", "rumours",
        "rumors", "argument", "statement", "announcement", "admission", "accusation",
        "accusations", "charge", "charges", "promise", "pledge", "assurances", "assurance",
        "speculation",
    }
)
#: Nominal cues that only a named possessor or "by" can make a claim of; never agentless.
NOMINAL_NEED_SOURCE: frozenset[str] = frozenset(
    {
        "view", "notion", "idea", "concern", "concerns", "promise", "pledge", "statement",
        "announcement", "admission", "evidence", "impression", "sense", "conviction",
        "confidence", "argument", "belief", "beliefs", "fear", "fears", "hopes",
        "expectations", "indications", "assurance", "assurances", "charge", "charges",
        "prediction", "predictions", "warning", "warnings", "insistence",
    }
)
#: Nominal cues whose agentless form is itself a hedge ("amid speculation that ...").
AGENTLESS_NOMINAL: frozenset[str] = frozenset(
    {
        "speculation", "claims", "claim", "rumours", "rumors", "reports", "suggestions",
        "allegations", "fears",
    }
)

#: Past forms identical to their lemma ("put", "read"): never a bare present tense.
PAST_FORMS: frozenset[str] = frozenset({"put", "read", "bet", "forecast", "set", "cut", "hit"})
#: Irregular past participles (for reduced relative clauses: "a poll taken last week").
PAST_PARTICIPLES: frozenset[str] = frozenset(
    {"taken", "written", "given", "shown", "seen", "done", "made", "held", "run", "put",
     "set", "led", "sent", "built", "found", "known", "brought", "bought", "paid", "won",
     "drawn", "begun", "chosen", "spoken", "told", "said", "read", "released"}
)
#: Perception frames before an -ing cue: "is heard saying", "is seen speaking of".
PERCEPTION_VERBS: frozenset[str] = frozenset({"heard", "seen", "quoted", "filmed", "recorded"})

#: Auxiliaries and modals that belong to the cue ("has said", "have warned").
AUXILIARIES: frozenset[str] = frozenset(
    {
        "has", "have", "had", "is", "was", "were", "are", "am", "be", "been", "being", "will",
        "would", "shall", "should", "could", "can", "may", "might", "must", "did", "does",
        "do", "'ve", "’ve", "'d", "’d", "'ll", "’ll", "not", "never", "n't", "n’t", "don't",
        "don’t", "doesn't", "doesn’t", "didn't", "didn’t", "won't", "won’t", "wouldn't",
        "wouldn’t", "can't", "can’t", "couldn't", "couldn’t", "isn't", "isn’t", "wasn't",
        "wasn’t", "hasn't", "hasn’t", "haven't", "haven’t", "hadn't", "hadn’t", "shouldn't",
        "shouldn’t", "aren't", "aren’t", "weren't", "weren’t", "cannot",
    }
)
#: Forms of "be" (a be-auxiliary before a past participle makes a passive).
BE_FORMS: frozenset[str] = frozenset({"is", "was", "were", "are", "am", "be", "been", "being"})

#: Words ending in -ly that are not adverbs.
LY_NOUNS: frozenset[str] = frozenset(
    {
        "family", "ally", "rally", "assembly", "supply", "reply", "italy", "july", "bully",
        "belly", "jelly", "anomaly", "monopoly", "sully", "tally", "folly", "holly",
        "lily", "emily", "kelly", "beverly", "billy", "molly", "polly", "sally", "daily",
        "weekly", "monthly", "early", "only", "ugly", "friendly", "elderly", "likely",
        "unlikely", "costly", "deadly", "lonely", "lovely", "orderly", "silly", "holy",
    }
)
#: Adverbs that may stand between source and cue and are left out of both.
CUE_ADVERBS: frozenset[str] = frozenset(
    {
        "also", "still", "later", "again", "then", "once", "previously", "recently", "now",
        "repeatedly", "earlier", "first", "further", "yet", "already", "often", "never",
        "even", "just", "only", "always", "reportedly", "allegedly", "apparently", "publicly",
        "privately", "separately", "similarly", "likewise", "simply", "however", "too",
        "subsequently", "initially", "originally", "ultimately", "finally", "frequently",
        "long", "since", "both", "all", "each", "himself", "herself", "themselves", "itself",
        "so", "indeed", "not", "rarely", "seldom", "sometimes", "usually",
        "generally", "widely", "openly", "explicitly", "flatly", "emphatically", "firmly",
        "strongly", "personally", "essentially", "basically",
    }
)

# --------------------------------------------------------------------------
# Noun phrases: who speaks
# --------------------------------------------------------------------------

#: Determiners and possessive pronouns that open a noun phrase.
DETERMINERS: frozenset[str] = frozenset(
    {
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
        "these", "those", "some", "many", "most", "several", "both", "other", "another", "few",
        "all", "each", "every", "no", "any", "one", "two", "three", "four", "five", "such",
        "more", "fewer",
    }
)
#: Articles, possessive and demonstrative determiners: before a verb form they make it a noun.
ARTICLES: frozenset[str] = frozenset(
    {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
     "these", "those", "every", "each", "no", "any"}
)
#: Personal pronouns that can be a source.
PRONOUNS: frozenset[str] = frozenset(
    {"he", "she", "they", "we", "i", "you", "it", "who", "which", "whom"}
)
#: Pronouns that can only be subjects: a clause starts with them ("agreed they had ...").
SUBJECT_PRONOUNS: frozenset[str] = frozenset({"he", "she", "they", "we", "i", "there"})
#: Honorifics, dropped from canonical names.
HONORIFICS: frozenset[str] = frozenset(
    {
        "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor",
        "rev", "reverend", "mx", "mr.", "mrs.", "ms.", "dr.", "prof.", "rev.", "baroness",
        "baron", "hon",
    }
)
#: Honorifics used with a first name ("Sir Keir").
FIRST_NAME_HONORIFICS: frozenset[str] = frozenset({"sir", "dame", "lord", "lady"})
#: Female and male honorifics and role nouns (for pronoun agreement).
FEMALE_WORDS: frozenset[str] = frozenset(
    {
        "mrs", "ms", "miss", "dame", "lady", "baroness", "spokeswoman", "she", "her",
        "chairwoman", "congresswoman", "businesswoman", "queen", "princess", "mother", "wife",
        "woman", "sister", "daughter",
    }
)
MALE_WORDS: frozenset[str] = frozenset(
    {
        "mr", "sir", "lord", "baron", "spokesman", "he", "him", "chairman", "congressman",
        "businessman", "king", "prince", "father", "husband", "man", "brother", "son",
    }
)

#: Title and role words that precede a name ("Defence Secretary John Healey").
TITLE_WORDS: frozenset[str] = frozenset(
    {
        "president", "minister", "secretary", "chancellor", "governor", "senator", "sen",
        "sen.", "gov", "gov.", "rep", "rep.", "representative", "congressman", "congresswoman",
        "mayor", "general", "gen", "gen.", "admiral", "colonel", "col", "captain", "capt",
        "lieutenant", "lt", "sergeant", "commander", "chief", "judge", "justice", "ambassador",
        "envoy", "premier", "king", "queen", "prince", "princess", "pope", "cardinal",
        "bishop", "archbishop", "speaker", "leader", "chairman", "chairwoman", "chair",
        "director", "spokesman", "spokeswoman", "spokesperson", "officer", "commissioner",
        "attorney", "prosecutor", "sheriff", "deputy", "vice", "prime", "foreign", "home",
        "defence", "defense", "health", "finance", "interior", "culture",
        "education", "trade", "business", "transport", "energy", "environment", "economy",
        "shadow", "acting", "former", "first", "lady", "state", "head", "executive", "ceo",
        "founder", "candidate", "nominee", "adviser", "advisor", "aide", "negotiator",
        "official", "analyst", "economist", "professor", "lawyer", "author", "writer",
        "columnist", "editor", "correspondent", "reporter", "host", "anchor", "pollster",
        "strategist", "consultant", "activist", "campaigner", "manager", "coach",
        "president-elect", "mp", "mep", "councillor", "councilman",
        "councilwoman", "treasurer", "whip", "majority", "minority", "house", "senate",
        "white", "party", "press", "campaign", "communications", "national", "security",
        "attorney-general", "solicitor", "cabinet", "republican",
        "democratic", "democrat", "labour", "conservative", "tory", "liberal",
    }
)
#: Heads of role noun phrases that point at one person ("the Prime Minister").
ROLE_HEADS: frozenset[str] = frozenset(
    {
        "president", "minister", "secretary", "chancellor", "governor", "senator", "mayor",
        "leader", "premier", "king", "queen", "prince", "princess", "pope", "ambassador",
        "envoy", "spokesman", "spokeswoman", "spokesperson", "negotiator", "commander",
        "chief", "general", "chairman", "chairwoman", "chair", "director", "candidate",
        "nominee", "official", "aide", "adviser", "advisor", "congressman", "congresswoman",
        "representative", "speaker", "justice", "judge", "attorney", "prosecutor", "sheriff",
        "ceo", "founder", "head", "executive", "manager", "mp", "lawmaker", "legislator",
        "businessman", "businesswoman", "billionaire", "frontrunner", "front-runner",
        "incumbent", "challenger", "contender", "hopeful", "star", "actor", "actress",
        "singer", "host", "anchor", "journalist", "reporter", "columnist", "editor",
        "economist", "analyst", "pollster", "strategist", "consultant", "historian",
        "professor", "lawyer", "man", "woman", "mother", "father", "wife", "husband", "son",
        "daughter", "brother", "sister", "veteran", "source", "dictator", "tycoon", "mogul",
        "commissioner", "officer", "councillor", "captain", "coach", "owner", "monarch",
        "emperor", "ruler", "autocrat", "strongman", "counterpart", "colleague",
        "rival", "opponent", "ally", "friend", "pontiff",
    }
)
#: Role heads that name a spokesperson for an organisation ("a Downing Street spokeswoman").
SPOKES_NOUNS: frozenset[str] = frozenset(
    {
        "spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen",
        "representative", "representatives", "source", "sources", "official", "officials",
        "insider", "insiders", "aide", "aides", "statement", "readout", "press", "office",
    }
)
#: Generic role heads that agree with any earlier role of the same country ("the leader").
GENERIC_ROLE_HEADS: frozenset[str] = frozenset(
    {"leader", "head", "chief", "man", "woman", "official", "counterpart"}
)
#: Heads of plural noun phrases for unnamed sources.
UNNAMED_HEADS: frozenset[str] = frozenset(
    {
        "officials", "experts", "analysts", "critics", "supporters", "voters", "residents",
        "people", "sources", "aides", "advisers", "advisors", "diplomats", "observers",
        "lawmakers", "legislators", "senators", "investigators", "prosecutors", "police",
        "witnesses", "economists", "scientists", "researchers", "doctors", "activists",
        "protesters", "campaigners", "leaders", "members", "insiders", "commentators",
        "pundits", "strategists", "operatives", "donors", "allies", "opponents", "rivals",
        "colleagues", "staff", "staffers", "spokespeople", "spokesmen", "authorities",
        "americans", "democrats", "republicans", "conservatives", "liberals", "progressives",
        "evangelicals", "delegates", "superdelegates", "candidates", "governors", "mayors",
        "ministers", "generals", "commanders", "troops", "soldiers", "families", "victims",
        "parents", "students", "teachers", "workers", "employees", "executives", "bankers",
        "investors", "traders", "farmers", "locals", "citizens", "respondents", "participants",
        "organizers", "organisers", "fans", "followers", "backers", "defenders", "skeptics",
        "sceptics", "detractors", "insurgents", "militants", "rebels",
        "separatists", "negotiators", "mediators", "inspectors", "monitors", "ministries",
        "governments", "countries", "nations", "states", "agencies", "groups", "others",
        "women", "men", "many", "some", "most", "few", "both", "all", "pollsters",
        "forecasters", "historians", "lawyers", "attorneys", "judges", "justices", "reporters",
        "journalists", "editors", "scholars", "academics", "clinicians", "physicians",
        "nurses", "medics", "officers", "guards", "agents", "spies", "representatives",
        "congressmen",
    }
)
#: Heads of organisation noun phrases.
ORG_HEADS: frozenset[str] = frozenset(
    {
        "ministry", "department", "government", "office", "agency", "campaign", "committee",
        "council", "party", "administration", "army", "military", "navy", "police", "company",
        "firm", "group", "organisation", "organization", "court", "commission", "board",
        "bank", "union", "parliament", "congress", "senate", "house", "cabinet", "kremlin",
        "pentagon", "service", "services", "forces", "force", "command", "embassy",
        "institute", "foundation", "association", "federation", "coalition", "alliance",
        "network", "channel", "newspaper", "paper", "station", "broadcaster", "outlet",
        "corporation", "inc", "ltd", "plc", "co", "corp", "university", "school", "hospital",
        "center", "centre", "team", "club", "league", "fund", "authority", "regime", "state",
        "staff", "secretariat", "directorate", "bureau", "unit", "headquarters", "camp",
        "nato", "un", "eu", "times", "post", "journal", "news", "press", "tribune", "guardian",
        "telegraph", "independent", "standard", "mirror", "herald", "chronicle", "gazette",
        "reuters", "ap", "bbc", "cnn", "fox", "nbc", "abc", "cbs", "msnbc", "politico",
        "axios", "bloomberg", "afp", "interfax", "tass", "ria",
    }
)
#: Last words of place names, never people ("Downing Street", "Red Square").
PLACE_HEADS: frozenset[str] = frozenset(
    {
        "street", "square", "road", "avenue", "lane", "place", "city", "town", "village",
        "river", "sea", "ocean", "island", "islands", "mountain", "mountains", "region",
        "province", "county", "district", "oblast", "valley", "bay", "coast", "airport",
        "station", "bridge", "park", "hall", "palace", "castle", "tower", "building",
        "stadium", "arena", "summit", "conference", "forum", "war", "peninsula", "strait",
        "gulf", "lake", "desert", "border", "front", "line", "airbase", "base", "port",
    }
)
#: Heads of document noun phrases ("the readout", "leaked documents", "a new poll").
DOCUMENT_HEADS: frozenset[str] = frozenset(
    {
        "readout", "documents", "document", "report", "reports", "poll", "polls", "survey",
        "surveys", "study", "studies", "data", "figures", "records", "record", "analysis",
        "memo", "memos", "letter", "letters", "filing", "filings", "leak", "leaks", "email",
        "emails", "transcript", "research", "review", "audit", "estimates", "projections",
        "statement", "release", "briefing", "assessment", "dossier", "cable", "cables",
        "papers", "paper", "complaint", "lawsuit", "indictment", "ruling", "order", "bill",
        "legislation", "proposal", "plan", "budget", "platform", "manifesto", "website", "ad",
        "ads", "advertisement", "video", "footage", "tweet", "tweets", "post", "posts", "book",
        "article", "editorial", "op-ed", "interview", "numbers", "statistics", "results",
        "evidence", "testimony", "affidavit", "minutes", "agenda", "guidance", "intelligence",
        "update", "bulletin", "communique", "declaration", "charter", "polling", "exit",
        "count", "tally", "map", "chart", "graphic", "findings", "model", "models", "forecast",
        "forecasts", "exchange", "documentation", "file", "files",
    }
)
#: Nouns after which "of"/"for"/"at" continues a name ("Ministry of Defence").
OF_LINKED: frozenset[str] = frozenset({"of", "for", "at", "from", "in", "with", "on", "to"})
#: Words that end a backward noun-phrase scan (clause boundaries and function words).
NP_STOP: frozenset[str] = frozenset(
    {
        "that", "which", "who", "whom", "whose", "while", "when", "where", "whereas",
        "because", "although", "though", "if", "since", "as", "but", "so", "than", "after",
        "before", "until", "unless", "once", "whether", "what", "how", "why", "and", "or",
        "nor", "yet", "is", "was", "were", "are", "am", "be", "been", "being", "has", "have",
        "had", "will", "would", "shall", "should", "could", "can", "may", "might", "must",
        "did", "does", "do", "not", "to", "by", "into", "onto", "upon", "about", "against",
        "between", "through", "during", "without", "within", "among", "amid", "over", "under",
        "across", "around", "behind", "beyond", "toward", "towards", "via", "per", "like",
        "unlike", "despite", "including", "following", "regarding", "concerning", "him", "her",
        "them", "us", "me", "it", "there", "here", "then", "also", "said", "says", "told",
        "very", "too", "just", "even", "only", "already", "still", "now", "again", "ever",
        "never", "always", "often", "meanwhile", "however", "moreover", "furthermore",
        "instead", "thus", "therefore", "hence", "yes", "no", "perhaps", "maybe",
        "indeed", "really", "actually", "almost", "nearly", "quite", "rather", "up", "down",
        "out", "off", "away", "back", "far", "well", "more", "less", "least", "much", "enough",
        "else", "either", "neither", "whatever", "whoever", "we", "i", "you", "they",
        "he", "she", "itself", "themselves", "himself", "herself",
    }
)
#: Words that open a time or place adverbial at the left edge of a source ("On Saturday").
LEADING_ADVERBIAL: frozenset[str] = frozenset(
    {
        "on", "in", "at", "last", "this", "yesterday", "today", "earlier", "later", "then",
        "meanwhile", "however", "elsewhere", "separately", "also", "but", "and", "so", "now",
        "during", "after", "before", "following", "since", "from",
    }
)

#: Appositive openers: "Mr Sunak, wearing a dark suit, told ...".
APPOSITIVE_OPENERS: frozenset[str] = frozenset(
    {
        "a", "an", "the", "who", "whose", "which", "aged", "himself", "herself", "his", "her",
        "their", "its", "now", "then", "still", "once", "both", "each", "formerly", "also",
        "speaking", "standing", "sitting", "flanked", "clad", "dressed", "wearing", "looking",
        "smiling", "visibly", "seemingly", "apparently", "reportedly", "one", "another",
        "like", "in", "for", "however", "meanwhile", "too", "though", "instead", "including",
        "unlike", "as", "at", "after", "despite", "not", "only", "perhaps", "on", "by",
    }
)

#: Prepositions before an -ing cue whose subject is the clause's ("before saying").
PARTICIPLE_LINKS: frozenset[str] = frozenset(
    {"before", "after", "upon", "on", "by", "while", "when", "without", "in", "since"}
)
#: Labels before a colon that are page furniture or rubric, never a speaker.
COLON_LABELS: frozenset[str] = frozenset(
    {"update", "updated", "note", "editor's note", "editor’s note", "correction", "breaking",
     "exclusive", "analysis", "opinion", "live", "video", "photos", "photo", "picture",
     "image", "images", "credit", "source", "sources", "read more", "related", "watch",
     "listen", "more", "see also", "full text", "abstract", "transcript", "q", "a",
     "question", "answer", "warning", "caution", "disclaimer", "background", "context",
     "why", "what", "how", "where", "when", "who", "the bottom line", "bottom line", "tags",
     "topics", "share", "comments", "advertisement", "published", "posted", "filed"}
)
#: Prepositions: content never starts with one after a plain verb cue.
PREPOSITIONS: frozenset[str] = frozenset(
    {"of", "for", "at", "from", "in", "with", "on", "to", "by", "over", "under",
     "into", "onto", "through", "during", "after", "before", "without", "across", "around",
     "behind", "between", "among", "toward", "towards", "upon", "via", "per", "since"}
)
#: Verbs whose content may start with a preposition ("warned against", "agreed on").
PREPOSITION_VERBS: frozenset[str] = frozenset(
    {"warn", "caution", "agree", "speak", "comment", "complain", "insist", "testify",
     "respond", "answer", "reply", "write", "tweet", "post", "hint", "boast", "brag", "joke",
     "lament", "protest", "accuse", "blame", "praise", "thank", "congratulate", "criticise",
     "criticize", "apologise", "apologize"}
)
#: Particles of phrasal verbs ("showing up", "backed down"): never the start of content.
PARTICLES: frozenset[str] = frozenset({"up", "off", "out", "down", "back", "away", "over"})
#: Verbs that report only with "that", a quote or a colon ("maintained that", "found that").
THAT_ONLY_VERBS: frozenset[str] = frozenset(
    {"maintain", "project", "reflect", "estimate", "forecast", "signal"}
)
#: Mass and collective nouns that take a verb in either number ("data show", "data shows").
NUMBERLESS_HEADS: frozenset[str] = frozenset({"data", "media", "staff", "personnel"})
#: Cue forms that are also common nouns; as verbs they need a name, pronoun or known head.
NOUN_LIKE: frozenset[str] = frozenset(
    {"plans", "plan", "reports", "report", "votes", "vote", "states", "state", "promises",
     "promise", "calls", "call", "shows", "show", "views", "view", "needs", "answers",
     "answer", "questions", "question", "comments", "comment", "notes", "note", "thanks",
     "offers", "offer", "orders", "order", "demands", "demand", "requests", "request",
     "estimates", "estimate", "projects", "project", "supports", "support", "attacks",
     "attack", "claims", "claim", "fears", "fear", "hopes", "hope", "doubts", "doubt",
     "wishes", "wish", "aims", "aim", "pledges", "pledge", "vows", "vow", "forecasts",
     "forecast", "finds", "signals", "signal", "hints", "hint", "jokes", "joke", "posts",
     "post", "tweets", "tweet", "reviews", "accounts", "records", "cites", "quotes",
     "quote", "counters", "counter", "protests", "protest", "replies", "reply", "remarks",
     "remark", "warns", "insists", "backs", "favors", "favours", "endorses", "opposes"}
)
#: Subordinators that open a clause ending at its comma ("While X said ..., Y ...").
CLAUSE_SUBORDINATORS: frozenset[str] = frozenset(
    {"while", "although", "though", "because", "if", "when", "since", "after", "before",
     "until", "unless", "whereas", "once", "as"}
)
#: Verbs after which "that" is a demonstrative subject, not a complementiser ("said that was").
DEMONSTRATIVE_VERBS: frozenset[str] = frozenset(
    {"is", "was", "'s", "’s", "would", "will", "could", "has", "had", "may", "might", "can",
     "seems", "seemed", "sounds", "means", "meant", "wasn't", "isn't", "wasn’t", "isn’t"}
)
#: Nationality adjectives and country possessives -> a country key (for role matching).
NATIONALITIES: Mapping[str, str] = MappingProxyType(
    {
        "ukrainian": "ukraine", "ukraine": "ukraine", "russian": "russia", "russia": "russia",
        "british": "uk", "britain": "uk", "uk": "uk", "english": "uk", "american": "us",
        "us": "us", "u.s": "us", "u.s.": "us", "america": "us", "french": "france",
        "france": "france", "german": "germany", "germany": "germany", "italian": "italy",
        "italy": "italy", "spanish": "spain", "spain": "spain", "chinese": "china",
        "china": "china", "japanese": "japan", "japan": "japan", "polish": "poland",
        "poland": "poland", "turkish": "turkey", "turkey": "turkey", "iranian": "iran",
        "iran": "iran", "israeli": "israel", "israel": "israel", "palestinian": "palestine",
        "indian": "india", "india": "india", "canadian": "canada", "canada": "canada",
        "australian": "australia", "australia": "australia", "mexican": "mexico",
        "mexico": "mexico", "belarusian": "belarus", "belarus": "belarus",
        "lithuanian": "lithuania", "estonian": "estonia", "latvian": "latvia",
        "finnish": "finland", "swedish": "sweden", "norwegian": "norway",
        "dutch": "netherlands", "belgian": "belgium", "irish": "ireland",
        "scottish": "scotland", "welsh": "wales", "syrian": "syria", "iraqi": "iraq",
        "afghan": "afghanistan", "egyptian": "egypt", "saudi": "saudi arabia",
        "korean": "korea", "brazilian": "brazil", "hungarian": "hungary",
        "romanian": "romania", "moldovan": "moldova", "georgian": "georgia",
        "czech": "czechia", "slovak": "slovakia", "greek": "greece", "portuguese": "portugal",
        "austrian": "austria", "swiss": "switzerland", "danish": "denmark", "cuban": "cuba",
        "venezuelan": "venezuela", "european": "europe", "western": "west", "soviet": "ussr",
        "pakistani": "pakistan", "nigerian": "nigeria", "kenyan": "kenya",
        "argentine": "argentina",
    }
)
#: Short names for organisations, resolved to one canonical name (general vocabulary).
ORG_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "number 10": "Downing Street", "number ten": "Downing Street",
        "no 10": "Downing Street", "no10": "Downing Street", "no. 10": "Downing Street",
        "downing street": "Downing Street", "number 10 downing street": "Downing Street",
        "the kremlin": "Kremlin", "kremlin": "Kremlin", "the white house": "White House",
        "white house": "White House", "the pentagon": "Pentagon", "pentagon": "Pentagon",
        "fcdo": "Foreign, Commonwealth and Development Office",
        "foreign office": "Foreign, Commonwealth and Development Office",
        "the foreign office": "Foreign, Commonwealth and Development Office",
        "mod": "Ministry of Defence", "the mod": "Ministry of Defence",
        "whitehall": "Whitehall", "the elysee": "Elysee", "elysee": "Elysee",
    }
)
#: Ministry nouns for "the Russian defence ministry" -> "Russian Ministry of Defence".
MINISTRY_FIELDS: frozenset[str] = frozenset(
    {
        "defence", "defense", "foreign", "interior", "health", "finance", "justice", "energy",
        "economy", "education", "culture", "transport", "trade", "agriculture", "environment",
        "emergencies", "emergency", "information", "digital", "home",
    }
)
#: Readout-issuer phrases: "issued by X", "released by X", "from X".
ISSUER_WORDS: frozenset[str] = frozenset({"by", "from"})

#: Noun phrases that name a pair of earlier speakers ("the pair", "the two leaders").
PAIR_WORDS: frozenset[str] = frozenset(
    {"pair", "two", "both", "leaders", "duo", "men", "women", "sides", "couple"}
)

# --------------------------------------------------------------------------
# Content boundaries
# --------------------------------------------------------------------------

#: Where outlet additions begin inside a content span (setting, context, background).
CONTENT_CUTTERS = re.compile(
    r",?\s+amid\s|,\s+(?:but|and)\s+(?:he|she|they|it|we|I)\s|,\s+which\s(?![^,]*,\s+\S+\s+\S+\s+\S)|,\s+at\s+(?:a|an|the)\s|,\s+with\s+(?:a|an|the)\s|"
    r",\s+during\s+(?:a|an|the|his|her|their)\s|,\s+in\s+(?:a|an)\s+"
    r"(?:statement|interview|speech|video|post|tweet|letter|press|briefing|address)|"
    r",\s+(?:according\s+to|citing|referring\s+to)\s|\s+—\s|;\s"
)
#: Trailing "as/while" clauses whose subject may be the speakers (then the setting).
SETTING_CLAUSE = re.compile(r",?\s+(?:as|while|when)\s+(?P<subject>[^\s,]+(?:\s+[^\s,]+)?)")
#: Tail after a postposed cue: prepositional phrases and adverbials, nothing clausal.
TAIL_OPENERS: frozenset[str] = frozenset(
    {
        "in", "on", "at", "during", "to", "after", "before", "via", "from", "when", "as",
        "while", "with", "without", "of", "through", "over", "last", "this", "yesterday",
        "today", "tonight", "earlier", "later", "recently", "previously", "then", "again",
        "also", "adding", "according", "speaking", "referring", "citing", "noting",
        "explaining", "writing", "responding", "arguing", "saying", "echoing", "repeating",
        "pointing", "calling", "urging", "warning", "insisting", "stressing", "asking",
        "answering", "replying", "told", "telling", "about", "ahead", "following", "amid",
        "under", "for", "by", "outside", "inside", "near", "late", "early", "shortly", "soon",
        "once", "twice", "repeatedly", "publicly", "privately", "simply", "quietly", "angrily",
        "firmly", "flatly", "bluntly", "pointedly", "wryly", "since", "until", "back",
    }
)
#: Clause openers that embed a cue in a subordinate clause (the sentence stays a statement).
SUBORDINATORS: frozenset[str] = frozenset(
    {
        "while", "whereas", "although", "though", "because", "since", "after", "before",
        "when", "whenever", "as", "if", "unless", "until", "which", "who", "whom", "whose",
        "where", "that", "during", "including", "amid", "despite", "following", "than",
        "whether", "why", "how", "what", "once", "so", "like", "about", "of", "for", "by",
        "with", "without", "to", "in", "on", "at", "from", "into", "against", "over",
    }
)
#: Question words that make a directive "ask" a claim ("asked whether ...").
QUESTION_WORDS: frozenset[str] = frozenset(
    {"whether", "if", "why", "how", "what", "who", "when", "where", "which"}
)

# --------------------------------------------------------------------------
# Hedges
# --------------------------------------------------------------------------

#: Single-word hedges found anywhere in a claim's frame or content.
HEDGE_WORDS: frozenset[str] = frozenset(
    {
        "allegedly", "alleged", "purportedly", "purported", "apparently", "reportedly",
        "reported", "supposedly", "seemingly", "claimed", "speculation", "unconfirmed",
        "unverified", "rumoured", "rumored", "possibly", "perhaps", "maybe", "ostensibly",
    }
)
#: Multi-word hedge patterns ("appeared to", "I think", "could be").
HEDGE_PATTERNS = re.compile(
    r"\b(?P<hedge>appear(?:s|ed)?\s+to|seem(?:s|ed)?\s+to|I\s+think|I\s+believe|"
    r"could\s+not\s+(?:be\s+)?independently\s+(?:verify|verified|confirm|confirmed)|"
    r"(?:could|may|might)(?=\s+(?:be|have|not\s+be)\b)|(?:may|might)(?=\s+\w))\b"
)
#: "claim/claims/claimed" hedge only as a cue or a modifier, not as a noun naming claims.
CLAIM_WORDS: frozenset[str] = frozenset({"claim", "claims", "claimed", "claiming"})

# --------------------------------------------------------------------------
# Verification remarks
# --------------------------------------------------------------------------

#: Remark patterns by stance. Each needs a judging verb with a claim word or a party.
REMARK_PATTERNS: Mapping[str, re.Pattern[str]] = MappingProxyType(
    {
        "unverified": re.compile(
            r"\b(?:could\s+not|couldn[’']t|cannot|can[’']t|can\s+not|was\s+unable\s+to|"
            r"were\s+unable\s+to|is\s+unable\s+to|has\s+not\s+been\s+able\s+to|"
            r"have\s+not\s+been\s+able\s+to|did\s+not|was\s+not\s+able\s+to)\s+"
            r"(?:be\s+)?(?:immediately\s+|independently\s+)*(?:verify|verified|confirm|"
            r"confirmed|corroborate|corroborated)\b|\bnot\s+(?:been\s+)?independently\s+"
            r"(?:verified|confirmed)\b|\bunverified\b"
        ),
        "caution": re.compile(
            r"\bat\s+(?:[“\"‘']\s*)?face\s+value\b|\bwith\s+(?:some\s+|considerable\s+|"
            r"great\s+)?(?:scepticism|skepticism|caution|suspicion)\b|\bsceptical\s+of\b|"
            r"\bskeptical\s+of\b|\bwarned\s+against\s+(?:taking|believing|trusting)\b|"
            r"\bcast\s+doubt\s+on\b|\braised\s+doubts\b"
        ),
        "disputed": re.compile(
            r"\b(?:refuted|refutes|refute|denied|denies|deny|rejected|rejects|reject|"
            r"dismissed|dismisses|dismiss|disputed|disputes|dispute|debunked|contradicted|"
            r"contested)\s+(?:the|these|those|this|that|such|his|her|their|its|[A-Z]\w+[’']s)"
            r"\s+(?:\w+\s+){0,2}(?:claims?|allegations?|reports?|accounts?|assertions?|"
            r"suggestions?|statements?|announcement|version)\b|\b(?:false|untrue|fake|"
            r"baseless|lies|fabricated|disinformation|propaganda)\b(?=[^.]*\b(?:claims?|"
            r"allegations?|reports?)\b)"
        ),
        "supported": re.compile(
            r"\b(?:confirmed|confirms|corroborated|corroborates|verified|verifies|backed\s+up|"
            r"backs\s+up)\s+(?:the|these|those|this|that|his|her|their|its|[A-Z]\w+[’']s)"
            r"\s+(?:\w+\s+){0,2}(?:claims?|allegations?|reports?|accounts?|assertions?|"
            r"statements?|announcement|version)\b"
        ),
    }
)
#: Per remark pattern, the words without one of which it cannot match: only sentences
#: holding a remark word are tried, and in them only the patterns whose words they hold.
REMARK_STANCE_WORDS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "unverified": frozenset(
            {"verify", "verified", "confirm", "confirmed", "corroborate", "corroborated",
             "unverified"}
        ),
        "caution": frozenset(
            {"face", "scepticism", "skepticism", "caution", "suspicion", "sceptical",
             "skeptical", "warned", "cast", "raised"}
        ),
        "disputed": frozenset(
            {"refuted", "refutes", "refute", "denied", "denies", "deny", "rejected", "rejects",
             "reject", "dismissed", "dismisses", "dismiss", "disputed", "disputes", "dispute",
             "debunked", "contradicted", "contested", "false", "untrue", "fake", "baseless",
             "lies", "fabricated", "disinformation", "propaganda"}
        ),
        "supported": frozenset(
            {"confirmed", "confirms", "corroborated", "corroborates", "verified", "verifies",
             "backed", "backs"}
        ),
    }
)  # fmt: skip
#: Nouns that refer back to earlier claims ("the claims", "the announcement").
CLAIM_REFERENCE = re.compile(
    r"\b(?:claims?|allegations?|reports?|accounts?|assertions?|suggestions?|statements?|"
    r"announcement|version|leak)\b"
)

# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------

WEEKDAYS: Mapping[str, int] = MappingProxyType(
    {
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
        "sunday": 6,
    }
)
MONTHS: Mapping[str, int] = MappingProxyType(
    {
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1,
        "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
        "oct": 10, "nov": 11, "dec": 12,
    }
)
#: Time expressions that can date a speech act. (A leading day number is ASCII digits, as
#: the first-character test already requires, so the words it can begin with are known.)
TIME_EXPRESSION = re.compile(
    r"(?=[OoLlTtYyFfAaMmSsWwJjDdNnEe0-9])(?:"
    r"\b(?:(?:[Oo]n|[Ll]ate\s+on|[Ee]arly\s+on)\s+)?(?:(?:last|this|next)\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b|"
    r"\b(?:[Oo]n\s+)?(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Jan\.?|Feb\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
    r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?\b|"
    r"\b(?:[Oo]n\s+)?[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December)(?:\s+\d{4})?\b|"
    r"\b(?:[Ll]ast|[Tt]his|[Ee]arlier\s+this|[Ll]ater\s+this)\s+(?:week|weekend|month|"
    r"year|morning|afternoon|evening)\b|\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|"
    r"[Ll]ast\s+night)(?:\s+(?:morning|afternoon|evening))?\b|"
    r"\b(?:[Ff]ollowing|[Aa]fter)\s+the\s+(?:meeting|talks|call|summit|visit|speech|"
    r"debate|briefing|conversation|discussion)\b)"
)
#: Last words of time expressions (a cheap test before trying ``time_expression``).
TIME_END_WORDS: frozenset[str] = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week",
     "weekend", "month", "year", "morning", "afternoon", "evening", "night", "yesterday",
     "today", "tonight", "meeting", "talks", "call", "summit", "visit", "speech", "debate",
     "briefing", "conversation", "discussion", "january", "february", "march", "april",
     "may", "june", "july", "august", "september", "october", "november", "december"}
)
#: The leading publication-date header of a scraped file: "date 2024-12-23".
DATE_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b")

# --------------------------------------------------------------------------
# Sentences and boilerplate
# --------------------------------------------------------------------------

#: Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "mr", "mrs", "ms", "dr", "st", "sen", "gov", "rep", "gen", "col", "lt", "sgt", "capt",
        "prof", "rev", "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs", "v", "u.s", "u.k",
        "u.n", "e.u", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
        "calif", "fla", "mass", "penn", "pa", "ga", "va", "tenn", "ky", "ariz", "ala", "ark",
        "colo", "conn", "del", "ill", "ind", "kan", "la", "md", "mich", "minn", "miss", "mo",
        "mont", "neb", "nev", "n.h", "n.j", "n.m", "n.y", "n.c", "n.d", "okla", "ore", "r.i",
        "s.c", "s.d", "tex", "vt", "wash", "wis", "wyo", "d.c", "a.m", "p.m", "e.g", "i.e",
        "etc", "approx", "dept", "est", "fig", "gov't", "adm", "cmdr", "brig", "maj", "supt",
        "ft", "mt", "hon", "messrs", "mmes", "op", "ave", "blvd", "rd", "govt", "sens", "reps",
        "d", "r", "i",
    }
)
#: Honorifics that begin a sentence glued onto the previous one ("decadeMr Sunak").
GLUE_OPENERS: frozenset[str] = frozenset({"Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Lord"})

#: Lines that are page furniture, by how they begin (matched at each line start).
BOILERPLATE_START = re.compile(
    r"(?:\*[ \t]*)?(?:Follow[ \t]+(?:us|\w+(?:[ \t]+\w+){0,3}[ \t]+on)\b|"
    r"Watch:|WATCH:|Listen:|LISTEN:|Read[ \t]+more:|READ[ \t]+MORE:|Related:|RELATED:|"
    r"See[ \t]+also:|More:|MORE:|Sign[ \t]+up\b|Subscribe\b|Join[ \t]+[Oo]ur[ \t]+[Nn]ewsletter|"
    r"Related[ \t]+[Tt]opics[ \t\r]*$|Related[ \t]+[Aa]rticles|More[ \t]+on[ \t]+this[ \t]+story|"
    r"Most[ \t]+[Rr]ead|Share[ \t]+this|Click[ \t]+here|Download[ \t]+the|"
    r"Advertisement[ \t\r]*$|ADVERTISEMENT[ \t\r]*$|Image[ \t]+(?:source|caption)|"
    r"Getty[ \t]+Images[ \t\r]*$|Copyright\b|©|All[ \t]+rights[ \t]+reserved|Close[ \t\r]*$|"
    r"Share[ \t\r]*$|Comments[ \t\r]*$|Support[ \t]+[Nn]ow)",
    re.M,
)
#: Furniture anywhere in a line: captions, photo credits, newsletter prompts, " | " menus.
BOILERPLATE_ANY = re.compile(
    r"\((?:Picture|Photo|Image|Credit|Pictured|Photograph)s?:|"
    r"\b(?:Photo|Picture|Image)[ \t]*(?:credit)?:[ \t]|/(?:Getty|Alamy|Reuters|AP|AFP|PA)\b|"
    r"\b(?:newsletter|Newsletter)\b.{0,40}$|(?<=[ \t])\|(?=[ \t])",
    re.M,
)
#: Lines after which the rest of the page is furniture (related links, teasers).
FURNITURE_MARKER = re.compile(
    r"(?:Related\s+[Tt]opics|Related\s+[Aa]rticles|More\s+on\s+this\s+story|Most\s+[Rr]ead|"
    r"Join\s+[Oo]ur\s+[Nn]ewsletter|Read\s+[Nn]ext|You\s+[Mm]ay\s+[Aa]lso\s+[Ll]ike|"
    r"Recommended|Top\s+[Ss]tories|Latest\s+[Nn]ews|Trending)\b"
)
#: Donation and subscription appeal markers; two in one paragraph make it an appeal.
APPEAL_MARKERS = re.compile(
    r"\b(?:[Yy]our\s+support|[Yy]our\s+donation|[Ss]upport\s+[Nn]ow|[Rr]ead\s+more|"
    r"[Dd]onat(?:e|ion)|[Ss]ubscri(?:be|ption)|paywalls?|quality\s+journalism|"
    r"independent\s+journalism|[Cc]ontribut(?:e|ion)|reporters\s+on\s+the\s+ground|"
    r"afford\s+it|[Ss]ign\s+up|[Ff]ree\s+trial|[Bb]ecome\s+a\s+member)\b"
)
#: Button labels run together with page text; split at each ("Read more Support Now").
BUTTON_LABELS = re.compile(
    r"(?:Read\s+more|Support\s+[Nn]ow|Close|Subscribe(?:\s+[Nn]ow)?|Sign\s+up|Donate(?:\s+"
    r"[Nn]ow)?|Share|Log\s+in|Register)(?:\s+(?:Read\s+more|Support\s+[Nn]ow|Close|"
    r"Subscribe|Sign\s+up|Donate|Share|Log\s+in|Register))*"
)


# --------------------------------------------------------------------------
# The Lexicon
# --------------------------------------------------------------------------

# fmt: on


_Trie = dict[str, "_Trie"]


def trie_pattern(words: Iterable[str]) -> str:
    """One prefix-factored alternation matching exactly ``words`` (longest first)."""
    trie: _Trie = {}
    for word in sorted(set(words)):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


@dataclass(frozen=True, slots=True)
class CueInfo:
    """What one cue word or phrase is and how it takes its content."""

    lemma: str
    cue_class: str
    """``speech``, ``cognition`` or ``evidence``."""
    kind: str
    """``verb``, ``phrase``, ``noun``, ``according`` or ``raising``."""
    needs_quote: bool = False
    """Expressive acts: a claim only if the content carries quoted words."""
    needs_clause: bool = False
    """Commissive and directive acts: a claim only with that-clause, question or quote."""
    addressee: bool = False
    object_content: bool = False
    clause_only: bool = False
    infinitive: bool = False
    intention: bool = False
    """A commissive whose infinitive states an intention ("vowed to repeal ..."): a claim
    with that infinitive as content, even without a that-clause."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All vocabulary the parser uses. Replace fields with ``dataclasses.replace``.

    Cue fields (each a frozenset of words; verbs as lemma plus forms):

    - ``speech_verbs``: assertive reporting verbs (say, tell, warn, claim ...), class speech.
    - ``cognition_verbs``: belief and intention (believe, hope, want ...), class cognition.
    - ``evidence_verbs``: evidence cues (a poll shows, documents reveal ...), class evidence.
    - ``expressive_verbs`` / ``expressive_phrases``: praise, thank ...; need quoted words.
    - ``quote_only_verbs``: manner of speaking (continued, barked ...); need quoted words.
    - ``directive_verbs`` / ``directive_phrases``: pledge, ask, call for ...; need a
      that-clause, a question or quoted words.
    - ``speech_phrases``: multi-word speech cues ("according to", "spoken of").
    - ``nominal_cues``: nouns that report ("claims that", "speculation that").
    - ``addressee_verbs``, ``object_content_verbs``, ``clause_only_verbs``,
      ``infinitive_verbs``, ``that_only_verbs``, ``preposition_verbs``: how a verb takes
      its content (shape, not membership).
    - ``noun_like``: cue forms that are also common nouns (plans, reports); as verbs they
      need a name, a pronoun or a known head noun as subject.
    - ``remark_stance_words``: per remark pattern (stance), the words without one of which
      it cannot match.

    Other fields hold the noun-phrase vocabulary (titles, role, organisation, document
    and unnamed heads, nationalities, aliases), hedges, time expressions, sentence and
    boilerplate patterns; each is commented where it is defined.

    The compiled ``cue_pattern``, the ``cues`` table and the other derived patterns are
    built from these fields when the Lexicon is built, so a replaced copy uses its own.
    """

    speech_verbs: frozenset[str] = SPEECH_VERBS
    cognition_verbs: frozenset[str] = COGNITION_VERBS
    evidence_verbs: frozenset[str] = EVIDENCE_VERBS
    expressive_verbs: frozenset[str] = EXPRESSIVE_VERBS
    quote_only_verbs: frozenset[str] = QUOTE_ONLY_VERBS
    directive_verbs: frozenset[str] = DIRECTIVE_VERBS
    raising_verbs: frozenset[str] = RAISING_VERBS
    raising_complements: frozenset[str] = RAISING_COMPLEMENTS
    speech_phrases: frozenset[str] = SPEECH_PHRASES
    expressive_phrases: frozenset[str] = EXPRESSIVE_PHRASES
    directive_phrases: frozenset[str] = DIRECTIVE_PHRASES
    nominal_cues: frozenset[str] = NOMINAL_CUES
    nominal_speech: frozenset[str] = NOMINAL_SPEECH
    nominal_need_source: frozenset[str] = NOMINAL_NEED_SOURCE
    agentless_nominal: frozenset[str] = AGENTLESS_NOMINAL
    addressee_verbs: frozenset[str] = ADDRESSEE_VERBS
    object_content_verbs: frozenset[str] = OBJECT_CONTENT_VERBS
    clause_only_verbs: frozenset[str] = CLAUSE_ONLY_VERBS
    infinitive_verbs: frozenset[str] = INFINITIVE_VERBS
    intention_verbs: frozenset[str] = INTENTION_VERBS
    perception_verbs: frozenset[str] = PERCEPTION_VERBS
    past_forms: frozenset[str] = PAST_FORMS
    past_participles: frozenset[str] = PAST_PARTICIPLES
    auxiliaries: frozenset[str] = AUXILIARIES
    be_forms: frozenset[str] = BE_FORMS
    cue_adverbs: frozenset[str] = CUE_ADVERBS
    ly_nouns: frozenset[str] = LY_NOUNS
    determiners: frozenset[str] = DETERMINERS
    articles: frozenset[str] = ARTICLES
    pronouns: frozenset[str] = PRONOUNS
    subject_pronouns: frozenset[str] = SUBJECT_PRONOUNS
    honorifics: frozenset[str] = HONORIFICS
    first_name_honorifics: frozenset[str] = FIRST_NAME_HONORIFICS
    female_words: frozenset[str] = FEMALE_WORDS
    male_words: frozenset[str] = MALE_WORDS
    title_words: frozenset[str] = TITLE_WORDS
    role_heads: frozenset[str] = ROLE_HEADS
    spokes_nouns: frozenset[str] = SPOKES_NOUNS
    generic_role_heads: frozenset[str] = GENERIC_ROLE_HEADS
    unnamed_heads: frozenset[str] = UNNAMED_HEADS
    org_heads: frozenset[str] = ORG_HEADS
    document_heads: frozenset[str] = DOCUMENT_HEADS
    place_heads: frozenset[str] = PLACE_HEADS
    of_linked: frozenset[str] = OF_LINKED
    np_stop: frozenset[str] = NP_STOP
    leading_adverbial: frozenset[str] = LEADING_ADVERBIAL
    appositive_openers: frozenset[str] = APPOSITIVE_OPENERS
    participle_links: frozenset[str] = PARTICIPLE_LINKS
    prepositions: frozenset[str] = PREPOSITIONS
    preposition_verbs: frozenset[str] = PREPOSITION_VERBS
    particles: frozenset[str] = PARTICLES
    that_only_verbs: frozenset[str] = THAT_ONLY_VERBS
    noun_like: frozenset[str] = NOUN_LIKE
    numberless_heads: frozenset[str] = NUMBERLESS_HEADS
    colon_labels: frozenset[str] = COLON_LABELS
    demonstrative_verbs: frozenset[str] = DEMONSTRATIVE_VERBS
    clause_subordinators: frozenset[str] = CLAUSE_SUBORDINATORS
    nationalities: Mapping[str, str] = field(default_factory=lambda: NATIONALITIES)
    org_aliases: Mapping[str, str] = field(default_factory=lambda: ORG_ALIASES)
    ministry_fields: frozenset[str] = MINISTRY_FIELDS
    issuer_words: frozenset[str] = ISSUER_WORDS
    pair_words: frozenset[str] = PAIR_WORDS
    content_cutters: re.Pattern[str] = CONTENT_CUTTERS
    setting_clause: re.Pattern[str] = SETTING_CLAUSE
    tail_openers: frozenset[str] = TAIL_OPENERS
    subordinators: frozenset[str] = SUBORDINATORS
    question_words: frozenset[str] = QUESTION_WORDS
    hedge_words: frozenset[str] = HEDGE_WORDS
    hedge_patterns: re.Pattern[str] = HEDGE_PATTERNS
    claim_words: frozenset[str] = CLAIM_WORDS
    remark_stance_words: Mapping[str, frozenset[str]] = field(
        default_factory=lambda: REMARK_STANCE_WORDS
    )
    remark_patterns: Mapping[str, re.Pattern[str]] = field(default_factory=lambda: REMARK_PATTERNS)
    claim_reference: re.Pattern[str] = CLAIM_REFERENCE
    weekdays: Mapping[str, int] = field(default_factory=lambda: WEEKDAYS)
    months: Mapping[str, int] = field(default_factory=lambda: MONTHS)
    time_expression: re.Pattern[str] = TIME_EXPRESSION
    time_end_words: frozenset[str] = TIME_END_WORDS
    date_header: re.Pattern[str] = DATE_HEADER
    abbreviations: frozenset[str] = ABBREVIATIONS
    glue_openers: frozenset[str] = GLUE_OPENERS
    boilerplate_start: re.Pattern[str] = BOILERPLATE_START
    boilerplate_any: re.Pattern[str] = BOILERPLATE_ANY
    furniture_marker: re.Pattern[str] = FURNITURE_MARKER
    appeal_markers: re.Pattern[str] = APPEAL_MARKERS
    button_labels: re.Pattern[str] = BUTTON_LABELS
    # Derived in __post_init__ from the fields above.
    cues: Mapping[str, CueInfo] = field(init=False, repr=False, compare=False)
    """Every active cue word or phrase (and its capitalised form) -> how it behaves."""
    cue_pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)
    """One prefix-factored alternation over every key of ``cues`` and ``remark_words``:
    the single pass that finds cue candidates (and the sentences worth trying remarks on)."""
    furniture_scan: re.Pattern[str] = field(init=False, repr=False, compare=False)
    """``appeal_markers`` (group ``appeal``) and ``boilerplate_any`` (group ``furniture``)."""
    hedge_pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)
    """Hedge words (group ``word``) and ``hedge_patterns`` (group ``hedge``) in one pass."""
    time_expression_end: re.Pattern[str] = field(init=False, repr=False, compare=False)
    """``time_expression`` anchored at the end of the searched window."""
    glue_pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)
    """Where a sentence glued onto the previous one starts ("decade|Mr Sunak")."""
    glue_capital_led: bool = field(init=False, repr=False, compare=False)
    """Every glue opener starts with a capital A-Z (so only those places need trying)."""
    colon_cue: CueInfo = field(init=False, repr=False, compare=False)
    """The cue of a bare colon ("Graham: ..."), used when a sentence has no cue word."""
    head_words: frozenset[str] = field(init=False, repr=False, compare=False)
    """Role, unnamed, organisation, document and spokesperson heads and titles: nouns that
    can end a source noun phrase."""
    modifier_words: frozenset[str] = field(init=False, repr=False, compare=False)
    """``head_words`` and nationalities: words that can stand inside a source noun phrase."""
    name_stops: frozenset[str] = field(init=False, repr=False, compare=False)
    """Determiners, ``np_stop`` and leading adverbials: capitalised, still not a name."""
    role_tails: frozenset[str] = field(init=False, repr=False, compare=False)
    """The last run of letters and digits of every title word and role head ("president",
    "sen" of "sen."): no other word can end a role before a name."""
    name_rejects: frozenset[str] = field(init=False, repr=False, compare=False)
    """Words that keep a capitalised sequence from being a person's name (organisation
    heads, nationalities, months, weekdays, determiners, ``np_stop``, titles, aliases,
    unnamed heads)."""
    cutter_gap: GapLed | None = field(init=False, repr=False, compare=False)
    """The heads after the blanks and commas that open every ``content_cutters`` match
    (``scan.gap_led``); None scans the pattern as usual."""
    setting_gap: GapLed | None = field(init=False, repr=False, compare=False)
    """The same for ``setting_clause``."""
    scan_plan: ScanPlan = field(init=False, repr=False, compare=False)
    """The words ``cue_pattern``, ``furniture_scan``, ``hedge_pattern`` and ``time_expression``
    can begin with (indexes ``SCAN_CUE`` ...), so each article is read once for all four."""
    remark_words: frozenset[str] = field(init=False, repr=False, compare=False)
    """Every word of ``remark_stance_words``: the cue scan marks the sentences holding one."""

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "remark_words", frozenset().union(*self.remark_stance_words.values())
        )
        table: dict[str, CueInfo] = {}
        # Earlier sets win: a verb in two sets behaves as the first one says.
        verb_sets = (
            (self.speech_verbs, "speech", False, False),
            (self.cognition_verbs, "cognition", False, False),
            (self.evidence_verbs, "evidence", False, False),
            (self.expressive_verbs, "speech", True, False),
            (self.quote_only_verbs, "speech", True, False),
            (self.directive_verbs, "speech", False, True),
        )
        for words, cls, needs_quote, needs_clause in verb_sets:
            for form in words:
                lemma = _active_lemma(form, words)
                if lemma is not None and form not in table:
                    table[form] = CueInfo(lemma, cls, "verb", needs_quote, needs_clause)
        for form in self.raising_verbs:
            lemma = _active_lemma(form, self.raising_verbs)
            if lemma is not None and form not in table:
                table[form] = CueInfo(lemma, "cognition", "raising")
        for phrase in self.speech_phrases:
            kind = "according" if phrase == "according to" else "phrase"
            table[phrase] = CueInfo(phrase, "speech", kind)
        for phrase in self.expressive_phrases:
            table[phrase] = CueInfo(phrase, "speech", "phrase", needs_quote=True)
        for phrase in self.directive_phrases:
            table[phrase] = CueInfo(phrase, "speech", "phrase", needs_clause=True)
        for noun in self.nominal_cues:
            if noun not in table:
                cls = "speech" if noun in self.nominal_speech else "cognition"
                table[noun] = CueInfo(noun, cls, "noun")
        final: dict[str, CueInfo] = {}
        for word, info in table.items():
            lem = info.lemma
            full = CueInfo(
                lemma=lem,
                cue_class=info.cue_class,
                kind=info.kind,
                needs_quote=info.needs_quote,
                needs_clause=info.needs_clause,
                addressee=word in self.addressee_verbs,
                object_content=word in self.object_content_verbs,
                clause_only=word in self.clause_only_verbs,
                infinitive=word in self.infinitive_verbs,
                intention=word in self.intention_verbs,
            )
            final[word] = full
            final[word[:1].upper() + word[1:]] = full
        object.__setattr__(self, "cues", MappingProxyType(final))
        heads = (
            self.role_heads
            | self.unnamed_heads
            | self.org_heads
            | self.document_heads
            | self.spokes_nouns
            | self.title_words
        )
        object.__setattr__(self, "head_words", heads)
        object.__setattr__(self, "modifier_words", heads | frozenset(self.nationalities))
        object.__setattr__(
            self, "name_stops", self.determiners | self.np_stop | self.leading_adverbial
        )
        object.__setattr__(
            self,
            "role_tails",
            frozenset(
                _LAST_RUN.findall(w)[-1]
                for w in self.title_words | self.role_heads
                if _LAST_RUN.search(w)
            ),
        )
        object.__setattr__(
            self,
            "name_rejects",
            self.org_heads
            | frozenset(self.nationalities)
            | frozenset(self.months)
            | frozenset(self.weekdays)
            | self.determiners
            | self.np_stop
            | self.title_words
            | frozenset(self.org_aliases)
            | self.unnamed_heads,
        )
        scan = set(final) | set(self.remark_words) | {w.capitalize() for w in self.remark_words}
        body = trie_pattern(scan) if scan else r"(?!x)x"
        firsts = re.escape("".join(sorted({w[0] for w in scan}))) or "x"
        pattern = re.compile(
            r"(?<![\w’'\-])(?=[" + firsts + r"])(?:" + body + r")(?![\w\-]|[’']\w)"
        )
        object.__setattr__(self, "cue_pattern", pattern)
        object.__setattr__(self, "colon_cue", CueInfo(":", "speech", "colon"))
        object.__setattr__(
            self,
            "furniture_scan",
            re.compile(
                # A cheap first-character test before either alternative is tried.
                r"(?=[YyRrSsDdPpQqIiCcAaFfBbNn(/|])(?:(?P<appeal>"
                + self.appeal_markers.pattern
                + r")|(?P<furniture>"
                + self.boilerplate_any.pattern
                + r"))",
                re.M,
            ),
        )
        hedge_words = self.hedge_words | self.claim_words
        hedges = trie_pattern(hedge_words | {w.capitalize() for w in hedge_words}) or r"(?!x)x"
        object.__setattr__(
            self,
            "hedge_pattern",
            re.compile(r"\b(?P<word>" + hedges + r")\b|" + self.hedge_patterns.pattern),
        )
        object.__setattr__(
            self,
            "time_expression_end",
            re.compile(r"(?:" + self.time_expression.pattern + r")$", self.time_expression.flags),
        )
        # The opener's first letter is matched first (so the engine skips ahead to it), then
        # checked to follow a lower-case letter; the match is that one letter.
        glue = "|".join(
            f"{re.escape(w[0])}(?<=[a-z]{re.escape(w[0])})(?={re.escape(w[1:])}\\.?\\s+[A-Z])"
            for w in sorted(self.glue_openers)
            if w
        )
        object.__setattr__(self, "glue_pattern", re.compile(glue or r"(?!x)x"))
        object.__setattr__(
            self,
            "glue_capital_led",
            all("A" <= w[0] <= "Z" for w in self.glue_openers if w),
        )
        object.__setattr__(self, "cutter_gap", gap_led(self.content_cutters))
        object.__setattr__(self, "setting_gap", gap_led(self.setting_clause))
        object.__setattr__(
            self,
            "scan_plan",
            plan((self.cue_pattern, self.furniture_scan, self.hedge_pattern, self.time_expression)),
        )


def _active_lemma(form: str, words: frozenset[str]) -> str | None:
    """The lemma of ``form`` when both the form and its lemma are in ``words``."""
    if form not in words:
        return None
    candidates = [c for c in lemma_candidates(form) if c != form and form in inflect(c)]
    for lemma in candidates:
        if lemma in words:
            return lemma
    if candidates and form not in IRREGULAR_VERBS:
        return None  # an inflected form whose lemma was removed
    return form


# The last run of letters and digits in a word.
_LAST_RUN = re.compile(r"[^\W_]+")

#: Indexes of the patterns in ``Lexicon.scan_plan``.
SCAN_CUE, SCAN_FURNITURE, SCAN_HEDGE, SCAN_TIME = range(4)

DEFAULT_LEXICON = Lexicon()
