"""Attribution frames: for each reporting cue, its source mention and its content.

Owns the frames of English news writing: SOURCE CUE (that) CONTENT; CONTENT,
SOURCE CUE; CONTENT, CUE SOURCE; "according to SOURCE"; SOURCE CUE: “QUOTE”;
quotes split by their cue; multi-paragraph quotes and cue-less quoted
paragraphs that continue a quote; coordinated cues sharing one source;
nominal cues ("claims that"). Cue candidates come from one prefix-factored
pattern over the whole text; every rule then looks only around a candidate.
Must not resolve entities, hedges, dates or remarks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.parse.layout import Layout
from tracker.parse.lexicon import SCAN_CUE, CueInfo, Lexicon
from tracker.parse.ordered import bisect_right
from tracker.parse.quotes import Quote
from tracker.parse.scan import GapLed, gap_led_matches, matches
from tracker.parse.tokens import Tokens, is_capitalised, is_possessive

_OPEN_MARKS = frozenset({"“", '"', "''", "«", "„"})
_CLOSE_MARKS = frozenset({"”", '"', "''", "»"})
_END_PUNCT = frozenset({".", "!", "?", "…"})
_TRIM_END = " \t\r\n\xa0.,;:!?…"
_DASHES = frozenset({"—", "–", "-", "--"})
# Tokens after which a source begins a main clause: punctuation, dashes, closing quotes.
_MAIN_AFTER = frozenset({",", ";", ":", "(", "—", "–", "-", "--", "”", '"', "''", "»"})
_MAIN_AFTER_WORDS = frozenset({"and", "but", "or", "so", "yet", "then"})
# A subject pronoun with a contracted auxiliary: "he's", "they’ve", "I'm".
_CONTRACTED = re.compile(r"(?:he|she|it|who|they|we|i|you)['’](?:s|ve|re|d|ll|m)$")


@dataclass(slots=True, init=False)
class RawClaim:
    """A claim before entity resolution: offsets only."""

    sentence: int
    cue: tuple[int, int]
    info: CueInfo
    source: tuple[int, int] | None
    content: list[tuple[int, int]]
    main: bool
    frame: str
    """``pre``, ``post``, ``colon``, ``according``, ``noun``, ``coord`` or ``wrapped``."""
    quotes: list[Quote]
    """Quotes whose whole inside is a content span."""
    shares_source_with: int | None
    """Index (in the article's claim list) of the claim whose source mention this shares."""
    boundary: int | None
    """Where this claim's frame begins when it follows another claim in the sentence."""

    # Written out: the __init__ that dataclass generates is plain Python even in the
    # compiled parser (setup.py), where this one is compiled with the rest.
    def __init__(
        self,
        sentence: int,
        cue: tuple[int, int],
        info: CueInfo,
        source: tuple[int, int] | None,
        content: list[tuple[int, int]],
        main: bool,
        frame: str,
        quotes: list[Quote] | None = None,
        shares_source_with: int | None = None,
        boundary: int | None = None,
    ) -> None:
        self.sentence = sentence
        self.cue = cue
        self.info = info
        self.source = source
        self.content = content
        self.main = main
        self.frame = frame
        self.quotes = [] if quotes is None else quotes
        self.shares_source_with = shares_source_with
        self.boundary = boundary


# --------------------------------------------------------------------------
# Token classes
# --------------------------------------------------------------------------


def _wordlike(w: str) -> bool:
    return w[:1].isalnum()


def _acronym(w: str) -> bool:
    return len(w) >= 2 and w.isupper()


def _is_adverb(lex: Lexicon, w: str) -> bool:
    """An adverb as written (so "Cleverly" the name is not one)."""
    if not w.islower():
        return False
    return w in lex.cue_adverbs or (
        len(w) > 4 and w.endswith("ly") and w.isalpha() and w not in lex.ly_nouns
    )


def _head_word(lex: Lexicon, lw: str) -> bool:
    return lw in lex.head_words


def _modifier_word(lex: Lexicon, lw: str) -> bool:
    return lw in lex.modifier_words


def _name_word(lex: Lexicon, w: str, lw: str) -> bool:
    """A capitalised word that can be part of a name (not a sentence-initial function word)."""
    return w[:1].isupper() and (lw not in lex.name_stops or lw in lex.pronouns)


# --------------------------------------------------------------------------
# Noun phrases
# --------------------------------------------------------------------------


def _head_ok(lex: Lexicon, toks: Tokens, j: int, limit: int) -> bool:
    """Can token ``j`` end a source noun phrase?"""
    w, lw = toks.words[j], toks.lower[j]
    if w == ")":
        return True
    if len(w) > 2 and w.endswith(_POSSESSIVE):
        return False
    if w[:1].isupper():
        if lw not in lex.name_stops or lw in lex.pronouns:
            return True  # a name word
    elif w[:1].isdigit() and j > limit and toks.words[j - 1][:1].isupper():
        return True  # "Number 10", "G 7"
    if lw in lex.pronouns or lw in lex.head_words or lw in lex.pair_words:
        return True
    if lw in lex.prepositions or lw in lex.of_linked:
        return False
    if j == 0 and lw.endswith("ly") and lw not in lex.ly_nouns and len(lw) > 4:
        return False  # "Simply assuming ...": an adverb opening the sentence, not a name
    # A lower-case noun right after a determiner: "the pair", "the campaign".
    lower, words, determiners = toks.lower, toks.words, lex.determiners
    for k in range(max(limit, j - 3), j):
        if lower[k] in determiners or (len(words[k]) > 2 and words[k].endswith(_POSSESSIVE)):
            return w.isalpha() and w.islower() and lw not in lex.np_stop
    return False


_POSSESSIVE = ("’s", "'s")


def _paren_open(toks: Tokens, i: int, limit: int) -> int | None:
    for k in range(i - 1, max(limit - 1, i - 8), -1):
        if toks.words[k] == "(":
            return k
    return None


def np_before(
    lex: Lexicon, toks: Tokens, j: int, limit: int = 0, link_of: bool = True
) -> int | None:
    """First token of the source noun phrase that ends at token ``j``, or None."""
    key = ("np_before", j, limit, link_of)
    memo = toks.memo
    if key in memo:
        return memo[key]  # type: ignore[return-value]
    found = _np_before(lex, toks, j, limit, link_of)
    memo[key] = found
    return found


def _np_before(lex: Lexicon, toks: Tokens, j: int, limit: int, link_of: bool) -> int | None:
    if j < limit or j >= toks.n:
        return None
    words, lower = toks.words, toks.lower
    lw = lower[j]
    if lw in lex.pronouns or _CONTRACTED.match(lw):
        return j
    if not _head_ok(lex, toks, j, limit):
        return None
    determiners, of_linked, np_stop = lex.determiners, lex.of_linked, lex.np_stop
    start = j
    i = j
    while i >= limit and j - i < 16:
        w, lw = words[i], lower[i]
        if w == ")":
            k = _paren_open(toks, i, limit)
            if k is None:
                break
            start = k
            i = k - 1
            continue
        if i < j:
            if lw in determiners:
                start = i
                # "The author of the book": go on through "of" to the noun it follows.
                of, left = i - 1, i - 2
                if (
                    link_of
                    and left >= limit
                    and lower[of] in of_linked
                    and (words[left][:1].isupper() or lower[left] in lex.head_words)
                ):
                    i = left
                    continue
                break
            if lw == "and":
                left = i - 1
                if (
                    left >= limit
                    and start == i + 1
                    and (
                        _name_word(lex, words[left], lower[left])
                        or lower[left] in lex.modifier_words
                    )
                ):
                    i -= 1
                    continue
                if left >= limit and start == i + 1 and lower[left] in lex.subject_pronouns:
                    start = left  # "he and Mr. Allen said": a pronoun joined to a name
                break
            if lw in of_linked:
                left = i - 1
                if (
                    link_of
                    and left >= limit
                    and start == i + 1
                    and (words[left][:1].isupper() or lower[left] in lex.head_words)
                    and (words[i + 1][:1].isupper() or lower[i + 1] in determiners)
                ):
                    i -= 1
                    continue
                break
        name_like = w[:1].isupper() and i > 0 and lw not in determiners
        if (lw in np_stop and not (len(w) >= 2 and w.isupper()) and not name_like) or not w[
            :1
        ].isalnum():
            if not (len(w) > 2 and w.endswith(_POSSESSIVE)) or (lw in np_stop and not name_like):
                break
        if i < j and lw in lex.cues and w.islower() and lw not in lex.modifier_words:
            break  # another verb: "X met Y and said" never reaches here, "X told Y" does
        start = i
        i -= 1
    return _trim_np(lex, toks, start, j)


_NP_LEADS = frozenset(("and", "of", "for", "at", "in", "from", "with", "on", "to"))


def _trim_np(lex: Lexicon, toks: Tokens, start: int, j: int) -> int | None:
    """Drop leading adverbials, conjunctions and verbs caught between names."""
    words, lower = toks.words, toks.lower
    while start <= j and (
        lower[start] in lex.leading_adverbial
        or lower[start] in _NP_LEADS
        or not words[start][:1].isalnum()
        and words[start] != "("
    ):
        start += 1
    # A lower-case word between capitalised words is a verb ("Trump met Cruz").
    for k in range(j - 1, start, -1):
        w = words[k]
        if (
            w.islower()
            and w.isalpha()
            and words[k - 1][:1].isupper()
            and (words[k + 1][:1].isupper() or lower[k + 1] in lex.determiners)
        ):
            lw = lower[k]
            if (
                lw not in lex.determiners
                and lw not in lex.of_linked
                and lw != "and"
                and lw not in lex.modifier_words
            ):
                start = k + 1
                break
    if start > j:
        return None
    return start


def np_after(lex: Lexicon, toks: Tokens, k: int, end: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``k`` (inverted source "said Mr Healey")."""
    i = k
    while i < end and toks.lower[i] in lex.cue_adverbs and toks.lower[i] not in lex.determiners:
        i += 1
    s = i
    if i < end and (
        toks.lower[i] in ("that", "this", "these", "those", "if", "whether")
        or toks.lower[i] in lex.of_linked
        or toks.lower[i] in lex.tail_openers
    ):
        return None
    last: int | None = None
    while i < end and i - s < 18:
        w, lw = toks.words[i], toks.lower[i]
        if w == "(":
            close = next((x for x in range(i + 1, min(end, i + 8)) if toks.words[x] == ")"), None)
            if close is None or last is None:
                break
            last = close
            i = close + 1
            continue
        if lw in lex.determiners and last is None:
            i += 1
            continue
        if (lw in lex.of_linked or lw == "and") and last is not None and i + 1 < end:
            nxt = toks.words[i + 1]
            if is_capitalised(nxt) or toks.lower[i + 1] in lex.determiners:
                i += 1
                continue
            break
        if (
            lw in lex.np_stop
            and lw not in lex.pronouns
            and not _acronym(w)
            and not (is_capitalised(w) and i > 0 and lw not in lex.determiners)
        ) or not _wordlike(w):
            break
        if lw in lex.pronouns and last is None:
            return (i, i)
        if last is not None and w.islower() and lw in lex.cues and not _modifier_word(lex, lw):
            break
        if (
            last is not None
            and w.islower()
            and not _modifier_word(lex, lw)
            and _head_ok(lex, toks, last, s)
            and (toks.words[last][:1].isupper() or _head_word(lex, toks.lower[last]))
        ):
            break  # a verb after the head: "The Prime Minister ... spoke"
        last = i
        i += 1
    if last is None or not _head_ok(lex, toks, last, s):
        return None
    return (s, last)


# --------------------------------------------------------------------------
# Around the cue
# --------------------------------------------------------------------------


@dataclass(slots=True, init=False)
class _Cue:
    si: int
    toks: Tokens
    ci: int
    """First token of the cue word or phrase."""
    cj: int
    """One past its last token."""
    start: int
    """First token of the cue with its auxiliaries."""
    left: int
    """Last token before the cue, auxiliaries and adverbs (-1 at sentence start)."""
    passive: bool
    info: CueInfo
    word: str
    coordination: tuple[int, str] | None | bool
    """Cached result of ``_Finder._coordination`` (False until computed)."""

    # Written out (not generated by dataclass) so that it is compiled too: see RawClaim.
    def __init__(
        self,
        si: int,
        toks: Tokens,
        ci: int,
        cj: int,
        start: int,
        left: int,
        passive: bool,
        info: CueInfo,
        word: str,
    ) -> None:
        self.si = si
        self.toks = toks
        self.ci = ci
        self.cj = cj
        self.start = start
        self.left = left
        self.passive = passive
        self.info = info
        self.word = word
        self.coordination = False


def _locate(layout: Layout, si: int, cs: int, ce: int, info: CueInfo, word: str) -> _Cue | None:
    lex = layout.lexicon
    toks = layout.tokens(si)
    ends = toks.ends
    ci = bisect_right(ends, cs)
    if ci >= toks.n or toks.starts[ci] != cs:
        return None
    cj = bisect_right(ends, ce - 1) + 1
    is_ing = word.split(" ", 1)[0].endswith("ing")
    start = ci
    i = ci - 1
    adverb = False
    auxes: list[str] = []
    lower = toks.lower
    auxiliaries = lex.auxiliaries
    while i >= 0:
        lw = lower[i]
        if lw in auxiliaries:
            if not adverb:
                start = i
            auxes.append(lw)
            i -= 1
            continue
        if is_ing and lw in lex.perception_verbs and i > 0 and lower[i - 1] in lex.be_forms:
            if not adverb:
                start = i
            i -= 1
            continue
        w = toks.words[i]
        if _is_adverb(lex, w):
            adverb = True
            i -= 1
            continue
        if lw in lex.time_end_words or w[:1].isdigit():
            t = layout.time_ending_at(ends[i], layout.spans[si][0])
            if t is not None:
                adverb = True
                i = bisect_right(ends, t) - 1
                continue
        break
    passive = (
        not is_ing
        and info.kind == "verb"
        and bool(auxes)
        and any(a in lex.be_forms for a in auxes)
        and not any(a in lex.perception_verbs for a in auxes)
    )
    return _Cue(si, toks, ci, cj, start, i, passive, info, word)


def _raw_claim(
    cue: _Cue,
    first: int,
    source: tuple[int, int] | None,
    content: list[tuple[int, int]],
    main: bool,
    frame: str,
) -> RawClaim:
    """The claim of ``cue`` whose cue span begins at token ``first`` (with or without its
    auxiliaries)."""
    toks = cue.toks
    return RawClaim(
        sentence=cue.si,
        cue=(toks.starts[first], toks.ends[cue.cj - 1]),
        info=cue.info,
        source=source,
        content=content,
        main=main,
        frame=frame,
    )


def _after_adverbs(lex: Lexicon, toks: Tokens, k: int) -> int:
    while k < toks.n and _is_adverb(lex, toks.words[k]) and toks.lower[k] != "that":
        k += 1
    return k


def _skip_addressee(lex: Lexicon, toks: Tokens, k: int) -> int:
    """Token after the addressee of "told X ..." (k itself when there is none)."""
    n = toks.n
    if k >= n:
        return k
    lw = toks.lower[k]
    if lw in (
        "him",
        "her",
        "them",
        "us",
        "me",
        "you",
        "reporters",
        "journalists",
        "viewers",
        "supporters",
        "listeners",
        "lawmakers",
        "congress",
        "parliament",
        "mps",
    ):
        return k + 1
    # Look for "that", ":" or a quote within a short stretch free of verbs.
    for x in range(k, min(n, k + 10)):
        w, lx = toks.words[x], toks.lower[x]
        if lx == "that" or w == ":":
            return x if x > k else k
        if w == "," or w in _OPEN_MARKS or lx in lex.np_stop and lx not in lex.of_linked:
            break
    # Otherwise a name: titles, then at most two capitalised words.
    x = k
    if toks.lower[x] in lex.determiners:
        x += 1
        while x < n and (
            is_capitalised(toks.words[x])
            or _modifier_word(lex, toks.lower[x])
            or (toks.lower[x] == "of" and x + 1 < n and is_capitalised(toks.words[x + 1]))
        ):
            x += 1
        return x
    while x < n and (toks.lower[x] in lex.title_words or toks.lower[x] in lex.honorifics):
        x += 1
    names = 0
    while (
        x < n and names < 2 and is_capitalised(toks.words[x]) and toks.words[x] not in _OPEN_MARKS
    ):
        x += 1
        names += 1
    return x


def _clause_start_ok(lex: Lexicon, toks: Tokens, k: int, info: CueInfo) -> bool:
    """Does the content starting at token ``k`` have the shape this cue needs?"""
    if k >= toks.n:
        return False
    w, lw = toks.words[k], toks.lower[k]
    if w in _OPEN_MARKS or lw == "that":
        return True
    if lw == "to":
        return info.infinitive
    if w in _END_PUNCT or w in (",", ")", ";") or lw in ("and", "but", "or"):
        return False
    if info.needs_clause:
        return lw in lex.question_words or lw in lex.subject_pronouns
    if info.lemma in lex.that_only_verbs:
        return False  # "maintained above-average costs": not speech without "that"
    if lw in lex.particles or (lw in lex.auxiliaries and toks.lower[k - 1] in lex.noun_like):
        return False  # "showing up", "plans would ...": a phrasal verb or a noun, not a cue
    if lw in lex.prepositions and info.kind == "verb" and info.lemma not in lex.preposition_verbs:
        return False  # "responded by ...", "cited in ...": no content follows
    return True


def _quote_starting(layout: Layout, pos: int) -> Quote | None:
    q = layout.quote_at(pos + 1)
    if q is not None and q.open == pos:
        return q
    return None


def _group_from(layout: Layout, q: Quote) -> list[Quote]:
    """``q`` and the following quotes of its multi-paragraph quotation."""
    out = [q]
    idx = layout.quote_pos[id(q)]
    for nxt in layout.quotes[idx + 1 :]:
        if nxt.group != q.group:
            break
        out.append(nxt)
    return out


def _group_until(layout: Layout, q: Quote) -> list[Quote]:
    """The quotes of ``q``'s quotation up to and including ``q``."""
    idx = layout.quote_pos[id(q)]
    out = [q]
    for prev in reversed(layout.quotes[:idx]):
        if prev.group != q.group:
            break
        out.insert(0, prev)
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while b > a and text[b - 1] in _TRIM_END:
        b -= 1
    while a < b and text[a].isspace():
        a += 1
    return a, b


def _cut_content(layout: Layout, a: int, b: int, source: tuple[int, int] | None) -> tuple[int, int]:
    """End the content before outlet additions (setting, context, background)."""
    lex = layout.lexicon
    text = layout.text
    for m in _scanned(lex.content_cutters, lex.cutter_gap, text, a, b):
        start = m.start()
        if start - a < 3 or layout.quote_at(start) is not None:
            continue
        b = start
        break
    for m in _scanned(lex.setting_clause, lex.setting_gap, text, a, b):
        start = m.start()
        if start - a < 3 or layout.quote_at(start) is not None:
            continue
        if _speaker_subject(lex, m.group("subject"), text, source):
            b = start
            break
    return _trim(text, a, b)


def _scanned(
    pattern: re.Pattern[str], gap: GapLed | None, text: str, a: int, b: int
) -> list[re.Match[str]]:
    """Each match of ``pattern`` in ``[a, b)``, tried only before its heads when it has them."""
    if gap is not None:
        return gap_led_matches(pattern, gap, text, a, b)
    return list(pattern.finditer(text, a, b))


def _speaker_subject(lex: Lexicon, subject: str, text: str, source: tuple[int, int] | None) -> bool:
    """Is the subject of a trailing "as ..." clause the speakers themselves?"""
    words = subject.lower().split()
    if not words:
        return False
    if words[0] in lex.pair_words or (
        words[0] == "the" and len(words) > 1 and words[1] in lex.pair_words
    ):
        return True
    if source is None:
        return False
    src = text[source[0] : source[1]]
    last = src.split()[-1] if src.split() else ""
    plural = " and " in src or (last.islower() and last.endswith("s"))
    if words[0] == "they":
        return plural
    if words[0] in ("he", "she"):
        return not plural
    return False


# --------------------------------------------------------------------------
# Frames
# --------------------------------------------------------------------------


class _Finder:
    """Finds the claims of one article, sentence by sentence."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.lex = layout.lexicon
        self.text = layout.text
        self.claims: list[RawClaim] = []
        self.used_quotes: set[int] = set()  # ids of quotes taken as content
        self.cue_sentences: set[int] = set()  # sentences with a cue candidate outside quotes

    # -- candidates ----------------------------------------------------------

    def run(self) -> list[RawClaim]:
        layout = self.layout
        by_sentence: dict[int, list[tuple[int, int, str]]] = {}
        cues = self.lex.cues
        remark_words = self.lex.remark_words
        text = self.text
        starts = layout.words.starts(SCAN_CUE)
        scan = self.lex.cue_pattern
        spans = layout.spans
        furniture = layout.furniture
        sent_starts = layout.starts
        n_sent = len(spans)
        si = -1
        for m in matches(scan, text, starts):
            cs, ce = m.span()
            # Candidates come in text order: walk the sentences along with them.
            while si + 1 < n_sent and sent_starts[si + 1] <= cs:
                si += 1
            if si < 0 or furniture[si] is not None or ce > spans[si][1]:
                continue
            word = m.group()
            lowered = word.lower()
            if lowered in remark_words:
                layout.remark_words_at.setdefault(si, set()).add(lowered)
            if word in cues:
                found = by_sentence.get(si)
                if found is None:
                    by_sentence[si] = [(cs, ce, word)]
                else:
                    found.append((cs, ce, word))
        self.cue_sentences = set(by_sentence)
        # Sentences with cue candidates, and the first sentences of lines without one that
        # have a colon near the start ("Graham: ..."), in text order.
        todo = set(by_sentence)
        find = text.find
        for si in layout.line_first:
            if (
                si < n_sent
                and si not in todo
                and furniture[si] is None
                and find(":", spans[si][0], spans[si][0] + 60) >= 0
            ):
                todo.add(si)
        for si in sorted(todo):
            cues_here = by_sentence.get(si)
            if cues_here is not None:
                self._sentence(si, cues_here)
            else:
                claim = self._headline_colon(si)
                if claim is not None:
                    self.claims.append(claim)
        self._drop_nested()
        self._continue_quotes()
        return self.claims

    def _sentence(self, si: int, cues: list[tuple[int, int, str]]) -> None:
        layout = self.layout
        located: list[_Cue] = []
        a_sent = layout.spans[si][0]
        for cs, ce, word in cues:
            if (
                word[0].isupper()
                and cs > a_sent
                and not self._opens_after_mark(a_sent, cs)
                and not self._title_case_after(ce, layout.spans[si][1])
            ):
                continue  # "the United States was ...": part of a name, not a cue
            q = layout.quote_at(cs)
            info = self.lex.cues[word]
            if q is not None and not self._wrapped(q, cs):
                continue
            cue = _locate(layout, si, cs, ce, info, word)
            if cue is not None:
                located.append(cue)
        first_in_sentence = len(self.claims)
        cue_of: list[_Cue] = []
        for cue in located:
            claim = self._frame(cue, first_in_sentence)
            if claim is not None:
                cue_of.append(cue)
                self.claims.append(claim)
        built = self.claims[first_in_sentence:]
        # A later claim's frame ends the content of an earlier one (boundaries only matter
        # from the second claim of the sentence on).
        for n in range(1, len(built)):
            if built[n].frame != "raising":  # the outlet's reading ends no one's words
                built[n].boundary = self._boundary(cue_of[n], built[n])
        for n, claim in enumerate(built):
            for later in built[n + 1 :]:
                if later.boundary is not None and later.cue[0] > claim.cue[0]:
                    self._cut_at(claim, later.boundary)
                    break
        self.claims[first_in_sentence:] = [c for c in built if c.content]

    def _boundary(self, cue: _Cue, claim: RawClaim) -> int | None:
        """Where a later claim's frame begins, for ending the earlier claim's content."""
        coord = self._coordination(cue)
        if coord is not None:
            return coord[0] if coord[1] in ("and", "participle", "clause") else None
        return self._postposed_start(cue)

    def _cut_at(self, claim: RawClaim, b: int) -> None:
        """End the content span that contains ``b`` there (quotes are never cut)."""
        for n, (s, e) in enumerate(claim.content):
            if s < b < e and not any((q.start, q.end) == (s, e) for q in claim.quotes):
                a2, b2 = _trim(self.text, s, b)
                claim.content[n : n + 1] = [(a2, b2)] if b2 > a2 else []
                claim.content[n + 1 :] = [x for x in claim.content[n + 1 :] if x[0] < b]
                return

    def _title_case_after(self, ce: int, end: int) -> bool:
        """Is the next word capitalised, as in a title-case headline ("Trump Says We ...")?"""
        rest = self.text[ce:end].lstrip()
        return bool(rest) and rest[0].isupper()

    def _opens_after_mark(self, a: int, cs: int) -> bool:
        """Is the cue at ``cs`` the first word after a quote mark or colon ("“Asked ...")?"""
        before = self.text[a:cs].rstrip()
        return not before or before[-1] in "“\"‘':(—"

    def _wrapped(self, q: Quote, cs: int) -> bool:
        """A cue quoted with its content: 'and “committed to ...”' (cue stays outside)."""
        if q.start != cs:
            return False
        word = self.text[cs : cs + 20].split()[0] if self.text[cs : cs + 20].split() else ""
        if word.endswith("ing"):
            return False
        before = self.text[max(0, q.open - 8) : q.open].rstrip().lower()
        return before.endswith(", and")

    def _postposed_start(self, cue: _Cue) -> int | None:
        """Offset of the comma that opens a postposed frame (", Downing Street said.")."""
        toks = cue.toks
        j = cue.left
        if j < 0 or cue.info.kind not in ("verb", "phrase", "according"):
            return None
        if cue.info.kind == "according":
            if toks.words[j] == "," or self._closes_quote(toks, j):
                return toks.starts[j]
            return None
        if toks.words[j] == "," or toks.words[j] in _CLOSE_MARKS:
            np = np_after(self.lex, toks, _after_adverbs(self.lex, toks, cue.cj), toks.n)
            if np is not None and self._tail_ok(cue, np[1] + 1, inverted=True):
                return toks.starts[j]
            return None
        s = np_before(self.lex, toks, j)
        if s is None or s == 0:
            return None
        prev = toks.words[s - 1]
        if (prev == "," or prev in _CLOSE_MARKS) and self._tail_ok(cue, cue.cj):
            return toks.starts[s - 1]
        return None

    def _coordination(self, cue: _Cue) -> tuple[int, str] | None:
        """(offset where the clause begins, kind) for a cue coordinated with an earlier one."""
        if cue.coordination is False:
            cue.coordination = self._find_coordination(cue)
        return cue.coordination  # type: ignore[return-value]

    def _find_coordination(self, cue: _Cue) -> tuple[int, str] | None:
        toks = cue.toks
        j = cue.left
        wrapping = self.layout.quote_at(toks.starts[cue.ci])
        if wrapping is not None:
            # A wrapped cue: 'and “committed ...' -> the clause begins at "and".
            k = toks.index_at(wrapping.open) - 1
            if k >= 0 and toks.lower[k] == "and":
                return (
                    toks.starts[k - 1] if k > 0 and toks.words[k - 1] == "," else toks.starts[k],
                    "and",
                )
            return None
        if j < 0:
            return None
        lw = toks.lower[j]
        if lw in ("and", "but") and cue.info.kind in ("verb", "phrase"):
            if cue.info.cue_class != "speech":
                return None  # "told X that A knew ... and thought ...": inside the content
            start = toks.starts[j - 1] if j > 0 and toks.words[j - 1] == "," else toks.starts[j]
            return (start, "and")
        ing = cue.word.split()[0].endswith("ing")
        if ing and (toks.words[j] == "," or self._closes_quote(toks, j)):
            return (toks.starts[j], "participle")
        if ing and lw in self.lex.participle_links:
            return (toks.starts[j], "linked")  # "before saying", "upon saying"
        s = np_before(self.lex, toks, j)
        if (
            ing
            and s is not None
            and s > 0
            and toks.words[s - 1].islower()
            and toks.lower[s - 1] not in self.lex.np_stop
            and toks.lower[s - 1] not in self.lex.subordinators
        ):
            return (toks.starts[s - 1], "linked")  # "issued a statement saying"
        if s is None and toks.words[j] == ",":
            appositive = self._appositive_source(cue)
            s = appositive[0] if appositive is not None else None
        if s is not None and s > 0:
            k = s - 1
            comma = k > 0 and toks.words[k - 1] == ","
            if toks.lower[k] in ("while", "whereas", "but") or (
                comma and toks.lower[k] in ("and", "so", "yet")
            ):
                # ", while liberal groups reported ...", ", and I think ..."
                return (toks.starts[k - 1] if comma else toks.starts[k], "clause")
            if toks.words[k] == ";":
                return (toks.starts[k], "clause")
        return None

    # -- one cue ---------------------------------------------------------------

    def _frame(self, cue: _Cue, first: int) -> RawClaim | None:
        info = cue.info
        kind = info.kind
        toks = cue.toks
        words, lower = toks.words, toks.lower
        lex = self.lex
        if kind == "according":
            return self._according(cue)
        if kind == "raising":
            return self._raising(cue)
        if kind == "noun" or self._nominal_reading(cue):
            return self._nominal(cue)
        j = cue.left
        if info.lemma == "ask" and cue.word.endswith("ed") and (j < 0 or lower[j] == "when"):
            return self._asked(cue)
        if (
            j >= 0
            and cue.start == cue.ci
            and (lower[j] in lex.articles or (len(words[j]) > 2 and words[j].endswith(_POSSESSIVE)))
        ):
            return None  # "the reported leak", "Britain's support": not a verb here
        if cue.passive:
            return self._passive(cue)
        if self.layout.quote_at(toks.starts[cue.ci]) is not None:
            return self._wrapped_frame(cue, first)
        # CONTENT, CUE SOURCE: "..., said Mr Healey." / "“...,” said the senator".
        if j >= 0 and (words[j] == "," or words[j] in _CLOSE_MARKS):
            inv = self._inverted(cue)
            if inv is not None:
                return inv
        coord = self._coordination(cue)
        if coord is not None and coord[1] in ("and", "participle", "linked"):
            return self._shared(cue, first)
        if j >= 0 and lower[j] in ("and", "but") and info.cue_class != "speech":
            return None
        source: tuple[int, int] | None
        if j >= 0 and words[j] == ",":
            source = self._appositive_source(cue)
        else:
            s = np_before(lex, toks, j)
            source = (s, j) if s is not None else self._reduced_relative(toks, j)
        if (
            source is None
            or not self._agrees(cue, source[0], source[1])
            or (
                cue.word.lower() in lex.noun_like
                and not self._strong_head(toks, source[0], source[1])
            )
        ):
            # No subject for the verb reading: "contained claims that ..." is a noun.
            if (
                cue.word.lower() in lex.nominal_cues
                and cue.cj < toks.n
                and (lower[cue.cj] == "that")
            ):
                return self._nominal(cue)
            return None
        s_idx, e_idx = source
        if words[e_idx] == ")":
            s_idx, e_idx = self._extend_acronym(toks, s_idx, e_idx)
        src = (toks.starts[s_idx], toks.ends[e_idx])
        if s_idx == e_idx and _CONTRACTED.match(lower[s_idx]):
            cut = max(words[s_idx].find("'"), words[s_idx].find("’"))
            src = (src[0], src[0] + cut)
        # CONTENT, SOURCE CUE: "..., Downing Street said."
        post = self._postposed(cue, s_idx, src)
        if post is not None:
            return post
        return self._preposed(cue, src, s_idx)

    def _raising(self, cue: _Cue) -> RawClaim | None:
        """ "Donald Trump appeared poised to win": the outlet's reading of a subject, without
        a source; the content is the subject and the complement."""
        toks = cue.toks
        lex = self.lex
        k = cue.cj
        j = cue.left
        if (cue.start < cue.ci and not cue.passive) or k >= toks.n or j < 0:
            return None
        content: list[tuple[int, int]] = []
        if toks.lower[j] == "it":
            # "It seems increasingly likely that ...": the reading is all after the cue.
            if toks.words[k] in _END_PUNCT or toks.words[k] == ",":
                return None
        else:
            if toks.lower[k] not in lex.raising_complements or toks.words[j] == ",":
                return None
            s = np_before(lex, toks, j)
            if s is None:
                return None
            content.append((toks.starts[s], toks.ends[j]))
        if toks.lower[k] == "that" and k + 1 < toks.n:
            k += 1  # "it appears that ...": the content begins after "that"
        a, b = _cut_content(self.layout, toks.starts[k], self.layout.spans[cue.si][1], None)
        if b <= a:
            return None
        content.append((a, b))
        return _raw_claim(cue, cue.start, None, content, False, "raising")

    def _nominal_reading(self, cue: _Cue) -> bool:
        """ "including claims that ...": a verb form used as a noun before "that"."""
        toks = cue.toks
        lex = self.lex
        if cue.cj >= toks.n or toks.lower[cue.cj] != "that":
            return False
        if cue.word.lower() not in lex.nominal_cues or cue.start < cue.ci:
            return False
        if cue.left < 0:
            return False
        lw = toks.lower[cue.left]
        return (
            lw in lex.determiners
            or is_possessive(toks.words[cue.left])
            or lw in lex.subordinators
            or lw in lex.np_stop
        )

    def _agrees(self, cue: _Cue, s: int, e: int) -> bool:
        """Subject-verb agreement: "officials fear" and "Russia claims", not "military support"."""
        if cue.start < cue.ci or cue.info.kind != "verb":
            return True  # an auxiliary carries the agreement ("will support", "has said")
        word = cue.word.lower()
        lemma = cue.info.lemma
        toks = cue.toks
        if s == e and toks.lower[e] in ("who", "which", "that"):
            return True
        if toks.lower[e] in self.lex.numberless_heads:
            return True  # "data show", "data shows"
        plural = self._plural(toks, s, e)
        if word == lemma and not word.endswith("ed") and word not in self.lex.past_forms:
            return plural
        if word != lemma and word.endswith("s") and not word.endswith("ss"):
            return not plural
        return True

    def _strong_head(self, toks: Tokens, s: int, e: int) -> bool:
        """A subject that makes a noun-like word a verb: a name, a pronoun or a known head."""
        for x in range(s + 1, e):
            if toks.lower[x] in self.lex.of_linked:
                e = x - 1  # "Supporters of the law hope": the head is before "of"
                break
        w, lw = toks.words[e], toks.lower[e]
        return (
            (w[:1].isupper() and e > 0)
            or (w[:1].isupper() and lw not in self.lex.np_stop)
            or lw in self.lex.pronouns
            or w == ")"
            or _head_word(self.lex, lw)
        )

    def _plural(self, toks: Tokens, s: int, e: int) -> bool:
        lw = toks.lower[e]
        if lw in ("they", "we", "i", "you"):
            return True
        if lw in ("he", "she", "it", "who", "which"):
            return lw in ("who", "which")
        if s != e and "and" in toks.lower[s : e + 1]:
            return True
        for x in range(s + 1, e):
            if toks.lower[x] in self.lex.of_linked:
                e = x - 1  # the head comes before "of"/"from": "Audit files from NGP VAN"
                lw = toks.lower[e]
                break
        if lw in self.lex.unnamed_heads:
            return True
        w = toks.words[e]
        plural_form = lw.endswith("s") and not lw.endswith(("ss", "us", "is"))
        return plural_form and (w.islower() or e == 0 or _head_word(self.lex, lw))

    def _main(self, toks: Tokens, s_idx: int) -> bool:
        """Does the source begin a main clause of the sentence?"""
        if s_idx <= 0:
            return True
        prev, lp = toks.words[s_idx - 1], toks.lower[s_idx - 1]
        if prev in _MAIN_AFTER or lp in _MAIN_AFTER_WORDS:
            return True
        lex = self.lex
        if lp in lex.leading_adverbial and lp not in lex.subordinators:
            return True
        if s_idx > 3 or toks.lower[0] in lex.subordinators:
            return False
        words, lower = toks.words, toks.lower
        return all(
            lower[x] in lex.leading_adverbial or words[x][:1].isupper() for x in range(s_idx)
        )

    def _extend_acronym(self, toks: Tokens, s: int, e: int) -> tuple[int, int]:
        """Take in the whole expansion of a bracketed acronym ("Foreign, ... Office (FCDO)")."""
        if toks.words[e] != ")" or e - 1 < 0:
            return s, e
        abbr = toks.words[e - 1]
        letters = [c for c in abbr if c.isupper()]
        if len(letters) < 2:
            return s, e
        k = e - 2
        while k >= 0 and toks.words[k] != "(":
            k -= 1
        caps = [w for w in toks.words[s:k] if is_capitalised(w)]
        x = s
        while len(caps) < len(letters) and x >= 2 and toks.words[x - 1] == ",":
            if not is_capitalised(toks.words[x - 2]):
                break
            x -= 2
            caps.insert(0, toks.words[x])
        if [c[0] for c in caps[-len(letters) :]] == letters:
            while x > 0 and toks.lower[x - 1] in self.lex.determiners:
                x -= 1
            return x, e
        return s, e

    def _reduced_relative(self, toks: Tokens, j: int) -> tuple[int, int] | None:
        """ "A poll conducted last week found ...": the noun phrase before the participle."""
        lex = self.lex
        for p in range(j, max(-1, j - 10), -1):
            w, lw = toks.words[p], toks.lower[p]
            if w in (",", ";", ":") or w in _OPEN_MARKS or w in _CLOSE_MARKS:
                return None
            if p < j and lw in lex.np_stop and lw not in ("by",):
                return None
            if w.islower() and (lw.endswith("ed") or lw in lex.past_participles) and p > 0:
                s = np_before(lex, toks, p - 1)
                if (
                    s is None
                    or not _head_word(lex, toks.lower[p - 1])
                    and not (is_capitalised(toks.words[p - 1]))
                ):
                    return None
                return (s, j)
        return None

    def _appositive_source(self, cue: _Cue) -> tuple[int, int] | None:
        """ "Mr Sunak, wearing a dark suit, told ...": the noun phrase before the appositive."""
        toks = cue.toks
        lex = self.lex
        for p in range(0, cue.left):
            if toks.words[p] != "," or p + 1 >= cue.left:
                continue
            s = np_before(lex, toks, p - 1)
            if s is None:
                continue
            if not (
                s == 0
                or toks.words[s - 1] in (",", ":")
                or toks.words[s - 1] in _CLOSE_MARKS
                or toks.lower[s - 1] in ("and", "but", "that")
            ):
                continue
            opener = toks.lower[p + 1]
            if (
                opener in lex.appositive_openers
                or opener.endswith(("ing", "ed"))
                or opener.startswith("who")
                or opener[:1].isdigit()
                or _head_word(lex, opener)
                or (_name_word(lex, toks.words[p + 1], opener))
            ):
                seg = toks.lower[p + 1 : cue.left]
                if len(seg) <= 24 and not any(
                    w in lex.cues
                    and w.endswith(("ed", "s"))
                    and w not in lex.appositive_openers
                    and w != opener
                    and not _modifier_word(lex, w)
                    for w in seg[:1]
                ):
                    return (s, p - 1)
        return None

    def _content_claim(
        self,
        cue: _Cue,
        src: tuple[int, int] | None,
        k: int,
        main: bool,
        frame: str,
    ) -> RawClaim | None:
        """The claim whose content starts at token ``k`` and runs to the sentence end."""
        toks = cue.toks
        layout = self.layout
        info = cue.info
        n = toks.n
        if (
            k + 2 < n
            and toks.words[k] == ","
            and _is_adverb(self.lex, toks.words[k + 1])
            and toks.words[k + 2] == ","
        ):
            k += 3  # "says, however, that ..."
        if k < n and toks.words[k] == "," and k + 1 < n and toks.words[k + 1] in _OPEN_MARKS:
            k += 1
        elif k < n and toks.words[k] == ",":
            colon = next((x for x in range(k + 1, min(n, k + 8)) if toks.words[x] == ":"), None)
            if (
                colon is not None
                and colon + 1 < n
                and toks.words[colon + 1] in _OPEN_MARKS
                and not any(t in self.lex.np_stop for t in toks.lower[k + 1 : colon])
            ):
                k = colon  # "responded pointedly, with a smile: “...”"
        if k < n and toks.words[k] == ":":
            frame = "colon"
            k += 1
        if k >= n:
            return None
        if frame != "colon" and not _clause_start_ok(self.lex, toks, k, info):
            return None
        if (
            toks.lower[k] == "that"
            and frame != "colon"
            and not (k + 1 < n and toks.lower[k + 1] in self.lex.demonstrative_verbs)
        ):
            k += 1
            if k >= n:
                return None
        a = toks.starts[k]
        sent_end = layout.spans[cue.si][1]
        q = _quote_starting(layout, a) if toks.words[k] in _OPEN_MARKS else None
        quotes: list[Quote] = []
        if q is not None and id(q) not in self.used_quotes:
            rest = self.text[q.close : sent_end] if q.close < sent_end else ""
            if q.close >= sent_end or not rest.strip(_TRIM_END + '”"’'):
                quotes = _group_from(layout, q)
        if quotes:
            content = [(x.start, x.end) for x in quotes]
        else:
            b = sent_end
            # A quote that opens in the content and closes after the sentence end.
            last = layout.quote_at(b - 1)
            if last is not None and last.close > b and last.open >= a:
                b = last.close
            a2, b2 = _cut_content(layout, a, b, src)
            if b2 <= a2:
                return None
            content = [(a2, b2)]
        if info.needs_quote and not self._has_quote(content, quotes):
            return None
        if info.needs_clause and not (
            quotes
            or self._has_quote(content, quotes)
            or toks.lower[k - 1] == "that"
            or toks.lower[k] in self.lex.question_words
            or toks.lower[k] in self.lex.subject_pronouns
            or (info.intention and toks.lower[k] == "to")
        ):
            return None
        for x in quotes:
            self.used_quotes.add(id(x))
        return RawClaim(
            sentence=cue.si,
            cue=(toks.starts[cue.start], toks.ends[cue.cj - 1]),
            info=info,
            source=src,
            content=content,
            main=main,
            frame=frame,
            quotes=quotes,
        )

    def _has_quote(self, content: list[tuple[int, int]], quotes: list[Quote]) -> bool:
        if quotes:
            return True
        for a, b in content:
            seg = self.text[a:b]
            if any(m in seg for m in ("“", "”", '"', "''")):
                return True
        return False

    def _preposed(self, cue: _Cue, src: tuple[int, int], s_idx: int) -> RawClaim | None:
        """SOURCE CUE [addressee] [PP] (that|:) CONTENT."""
        toks = cue.toks
        info = cue.info
        lex = self.lex
        n = toks.n
        k = _after_adverbs(lex, toks, cue.cj)
        if info.addressee and not info.object_content:
            k = _skip_addressee(lex, toks, k)
        elif info.addressee and info.object_content and k < n and toks.lower[k] != "that":
            pass  # "accused X of ...": content starts at the object
        k = self._skip_time(cue.si, toks, k)
        if k < n and toks.lower[k] in lex.of_linked and toks.lower[k] not in ("of", "to"):
            # A channel or time between cue and content: "said in its briefing that".
            jump = self._skip_channel(toks, k)
            if jump is not None:
                k = jump
            elif info.clause_only and info.lemma not in lex.preposition_verbs:
                return None
        k = self._skip_time(cue.si, toks, k)
        main = self._main(toks, s_idx)
        claim = self._content_claim(cue, src, k, main, "pre")
        if claim is not None and s_idx > 0 and not claim.quotes:
            before = toks.lower[s_idx - 1]
            if (
                before in self.lex.clause_subordinators
                or (before in ("who", "which") and s_idx > 1 and toks.words[s_idx - 2] == ",")
                or (
                    toks.lower[s_idx] in ("who", "which")
                    and s_idx > 0
                    and toks.words[s_idx - 1] == ","
                )
            ):
                self._end_at_comma(claim)
        return claim

    def _end_at_comma(self, claim: RawClaim) -> None:
        """A cue inside a subordinate or relative clause: its content ends at the clause."""
        s, e = claim.content[-1]
        for x in range(s + 1, e):
            if self.text[x] == "," and self.layout.quote_at(x) is None:
                a2, b2 = _trim(self.text, s, x)
                claim.content[-1] = (a2, b2)
                return

    def _skip_time(self, si: int, toks: Tokens, k: int) -> int:
        """Token after a time expression starting at ``k`` ("said on Friday that")."""
        if k >= toks.n:
            return k
        layout = self.layout
        end = layout.time_starting_at(toks.starts[k], layout.spans[si][1])
        if end is None:
            return k
        x = bisect_right(toks.ends, end)
        if x < toks.n and toks.words[x] == ",":
            x += 1
        return x

    def _skip_channel(self, toks: Tokens, k: int) -> int | None:
        """Token after a channel or time phrase that ends in "that", ":" or a quote."""
        n = toks.n
        for x in range(k, min(n, k + 14)):
            w, lw = toks.words[x], toks.lower[x]
            if lw == "that" or w == ":" or w in _OPEN_MARKS:
                return x
            if w == ",":
                return x + 1 if x + 1 < n and toks.words[x + 1] in _OPEN_MARKS else None
            if lw in ("is", "was", "were", "are", "had", "has", "have", "been", "will", "would"):
                return None
        return None

    def _postposed(self, cue: _Cue, s_idx: int, src: tuple[int, int]) -> RawClaim | None:
        """CONTENT, SOURCE CUE [tail]: the content comes before the source."""
        toks = cue.toks
        if s_idx == 0:
            return self._quote_before_sentence(cue, src)
        prev = toks.words[s_idx - 1]
        if not (prev == "," or prev in _CLOSE_MARKS):
            return None
        quoted = self._closes_quote(toks, s_idx - 1)
        if not quoted and self._adverbial_only(cue, s_idx - 1):
            # "In an interview, she said ...": the words come after the cue (or around it:
            # "Last year, the report said, prices rose").
            return self._medial(cue, s_idx - 1, cue.cj, src)
        if quoted or self._tail_ok(cue, cue.cj, after_quote=quoted):
            return self._content_before(cue, s_idx - 1, src)
        return self._medial(cue, s_idx - 1, cue.cj, src)

    def _adverbial_only(self, cue: _Cue, comma: int) -> bool:
        """Is everything before the comma at token ``comma`` one leading adverbial ("In an
        interview", "On Wednesday", "A year ago"), with more than punctuation after the cue?"""
        toks = cue.toks
        if cue.cj >= toks.n or toks.words[cue.cj] in _END_PUNCT:
            return False
        if any(w in (",", ";", ":") or w in _OPEN_MARKS for w in toks.words[:comma]):
            return False
        if self._is_leading_adverbial(toks, comma):
            return True
        end = self.layout.time_starting_at(toks.starts[0], toks.starts[comma])
        return end is not None and end >= toks.ends[comma - 1]

    def _is_leading_adverbial(self, toks: Tokens, end: int) -> bool:
        """Do tokens 0..end form a leading adverbial rather than content?"""
        first = toks.lower[0]
        return (
            first in self.lex.clause_subordinators
            or first.endswith("ing")
            or (first.endswith("ed") and first not in self.lex.cues)
            or first in ("in", "on", "at", "during", "after", "before", "with", "by")
        )

    def _closes_quote(self, toks: Tokens, j: int) -> bool:
        """Does token ``j`` close a quote that ends in , ? or ! (“...,” he said)?"""
        if j < 1 or toks.words[j] not in _CLOSE_MARKS:
            return False
        before = j - 1
        if toks.words[before] in ("'", "’") and before > 0:
            before -= 1  # an inner single quote closes first
        return toks.words[before] in (",", "?", "!", "…") and (
            self.layout.quote_at(toks.starts[j]) is not None
        )

    def _medial(self, cue: _Cue, comma: int, after: int, src: tuple[int, int]) -> RawClaim | None:
        """CONTENT, SOURCE CUE, CONTENT: "In his state, Christie said, offenders are ..."."""
        toks = cue.toks
        lex = self.lex
        n = toks.n
        k = after
        if cue.info.addressee:
            k = _skip_addressee(lex, toks, _after_adverbs(lex, toks, k))
        k = self._skip_time(cue.si, toks, k)
        if k < n and toks.lower[k] in lex.of_linked:
            # "Mr. Rogan said in an interview, Mr. Clinton ..."
            x = next((i for i in range(k, min(n, k + 8)) if toks.words[i] == ","), None)
            if x is not None and not any(t in lex.np_stop for t in toks.lower[k + 1 : x]):
                k = x
        if k >= n - 1 or toks.words[k] != "," or toks.words[comma] != ",":
            return None
        if (
            not self._clause_word(toks, k + 1)
            and not is_capitalised(toks.words[k + 1])
            and not self._subject_clause(toks, k + 1)
        ):
            return None
        if toks.words[k + 1] in _OPEN_MARKS:
            return None
        a_sent, b_sent = self.layout.spans[cue.si]
        left = _trim(self.text, a_sent, toks.starts[comma])
        right = _cut_content(self.layout, toks.starts[k + 1], b_sent, src)
        content = [span for span in (left, right) if span[1] > span[0]]
        if not content or right[1] <= right[0]:
            return None
        return _raw_claim(cue, cue.start, src, content, True, "post")

    def _quote_before_sentence(self, cue: _Cue, src: tuple[int, int]) -> RawClaim | None:
        """“Whole quote?” Rubio said. -- the quote closes the sentence before the frame."""
        toks = cue.toks
        layout = self.layout
        si = cue.si
        if si == 0 or layout.line_of[si - 1] != layout.line_of[si]:
            return None
        prev_end = layout.spans[si - 1][1]
        q = layout.quote_at(prev_end - 1)
        if q is None or q.close != prev_end or id(q) in self.used_quotes:
            return None
        if not self._tail_ok(cue, cue.cj):
            return None
        quotes = _group_until(layout, q)
        for x in quotes:
            self.used_quotes.add(id(x))
        claim = RawClaim(
            sentence=si,
            cue=(toks.starts[cue.start], toks.ends[cue.cj - 1]),
            info=cue.info,
            source=src,
            content=[(x.start, x.end) for x in quotes],
            main=True,
            frame="post",
            quotes=quotes,
        )
        self._split_rest(claim, cue.cj)
        return claim

    def _inverted(self, cue: _Cue) -> RawClaim | None:
        """CONTENT, CUE SOURCE: the source follows the cue."""
        toks = cue.toks
        if cue.info.kind not in ("verb", "phrase") or cue.word.endswith("ing"):
            return None
        k = _after_adverbs(self.lex, toks, cue.cj)
        np = np_after(self.lex, toks, k, toks.n)
        if np is None:
            return None
        s, e = np
        head, lhead = toks.words[e], toks.lower[e]
        if not (
            head[:1].isupper()
            or lhead in self.lex.pronouns
            or _head_word(self.lex, lhead)
            or head == ")"
        ):
            return None
        src = (toks.starts[s], toks.ends[e])
        quoted = self._closes_quote(toks, cue.left)
        if not quoted and not self._inverted_tail(cue, e + 1):
            return None
        if not quoted and toks.words[cue.left] == "," and e + 2 < toks.n:
            # "The solution, said the partner, was simple."
            nxt = toks.lower[e + 2] if toks.words[e + 1] == "," else ""
            if nxt and self._clause_word(toks, e + 2):
                return self._medial(cue, cue.left, e + 1, src)
        return self._content_before(cue, cue.left, src, tail_from=e + 1)

    def _inverted_tail(self, cue: _Cue, k: int) -> bool:
        """After "said Mr Healey": the end, a comma, or a prepositional or time phrase."""
        toks = cue.toks
        n = toks.n
        k = self._skip_time(cue.si, toks, k)
        if k >= n:
            return True
        w, lw = toks.words[k], toks.lower[k]
        if w in _END_PUNCT or w in _CLOSE_MARKS or w == "," or w in _DASHES:
            return True
        return lw in self.lex.of_linked or lw in ("during", "via", "outside", "after", "before")

    def _subject_clause(self, toks: Tokens, k: int) -> bool:
        """Does "the number of real independents shrinks" start at token ``k``: a determiner,
        then a noun phrase and a verb (a finite auxiliary or a present-tense form) before any
        comma?"""
        lex = self.lex
        lower = toks.lower
        if lower[k] not in lex.articles:
            return False
        s = k + 1
        for x in range(k + 1, min(toks.n, k + 10)):
            w, lw = toks.words[x], lower[x]
            if w in _END_PUNCT or w == "," or w in _OPEN_MARKS:
                return False
            if x > s and (lw in lex.auxiliaries or (lw in lex.cues and w.islower())):
                return np_before(lex, toks, x - 1, s - 1) == k
            if x > s and lw.endswith("s") and not lw.endswith("ss") and w.islower():
                prev = lower[x - 1]
                if prev not in lex.of_linked and prev not in lex.determiners:
                    return np_before(lex, toks, x - 1, k) == k
        return False

    def _clause_word(self, toks: Tokens, k: int) -> bool:
        """Does token ``k`` start a clause (not an appositive, a tail or a quote)?"""
        w, lw = toks.words[k], toks.lower[k]
        return not (
            lw in self.lex.tail_openers
            or lw.endswith("ing")
            or lw in self.lex.appositive_openers
            or w in _OPEN_MARKS
            or _head_word(self.lex, lw)
            or lw in self.lex.of_linked
        )

    def _tail_ok(
        self, cue: _Cue, k: int, inverted: bool = False, after_quote: bool = False
    ) -> bool:
        """Is everything after the frame a tail (channel, time, adverbial), not content?"""
        toks = cue.toks
        n = toks.n
        lex = self.lex
        if not inverted and cue.info.addressee:
            k = _after_adverbs(lex, toks, k)
            np = np_after(lex, toks, k, n)
            k = np[1] + 1 if np is not None else _skip_addressee(lex, toks, k)
            k = _after_adverbs(lex, toks, k)
        k = self._skip_time(cue.si, toks, k)
        if k >= n:
            return True
        w, lw = toks.words[k], toks.lower[k]
        if w in _END_PUNCT or w in _CLOSE_MARKS:
            return all(x in _END_PUNCT or x in _CLOSE_MARKS for x in toks.words[k:])
        if w == ",":
            if k + 1 >= n or inverted:
                return True  # "..., said Andrew Rice, a Democrat who ..."
            nw, nl = toks.words[k + 1], toks.lower[k + 1]
            if nw in _OPEN_MARKS:
                return after_quote  # a quote split by its cue: “...,” he said, “...”
            return nl in lex.tail_openers or nl.endswith("ing")
        if w in _DASHES:
            return True
        if lw in lex.tail_openers and lw not in ("that",):
            rest = toks.lower[k:]
            if "that" in rest[:3] or ":" in toks.words[k:]:
                return False
            comma = next((x for x in range(k, n) if toks.words[x] == ","), None)
            if comma is not None and comma + 1 < n and toks.words[comma + 1] in _OPEN_MARKS:
                return after_quote  # "proclaimed at a press conference, “...”"
            # "..., Ash argued in his email, the incident is ...": a medial frame, not a tail.
            return not (
                comma is not None
                and comma + 1 < n
                and toks.words[comma + 1] not in _END_PUNCT
                and self._clause_word(toks, comma + 1)
                and not is_capitalised(toks.words[comma + 1])
            )
        return False

    def _content_before(
        self, cue: _Cue, j: int, src: tuple[int, int], tail_from: int | None = None
    ) -> RawClaim | None:
        """Content that ends at token ``j`` (a comma or a closing quote) before the frame."""
        toks = cue.toks
        layout = self.layout
        a_sent = layout.spans[cue.si][0]
        quotes: list[Quote] = []
        # The quote that closes right before the frame (“...,” he said).
        for x in (j, j - 1):
            if 0 <= x < toks.n and toks.words[x] in _CLOSE_MARKS:
                q = layout.quote_at(toks.starts[x])
                if (
                    q is not None
                    and q.close == toks.ends[x]
                    and id(q) not in self.used_quotes
                    and self._opens_clause(
                        layout.spans[max(0, layout.sentence_at(q.open))][0], q.open
                    )
                ):
                    quotes = _group_until(layout, q)
                break
        if quotes:
            content = [(q.start, q.end) for q in quotes]
        else:
            b = toks.starts[j]
            if b <= a_sent:
                return None
            first = toks.lower[0]
            if cue.info.kind != "according" and (
                first.endswith("ing") or (first.endswith("ed") and first not in self.lex.cues)
            ):
                return None  # a leading participle, not content ("Asked about X, he said")
            a2, b2 = _trim(self.text, a_sent, b)
            if b2 <= a2:
                return None
            content = [(a2, b2)]
        if cue.info.needs_quote and not self._has_quote(content, quotes):
            return None
        for q in quotes:
            self.used_quotes.add(id(q))
        claim = RawClaim(
            sentence=cue.si,
            cue=(toks.starts[cue.start], toks.ends[cue.cj - 1]),
            info=cue.info,
            source=src,
            content=content,
            main=True,
            frame="post",
            quotes=quotes,
        )
        # A quote split by its cue: “...,” he said, “...” -> the second part joins.
        if quotes:
            self._split_rest(claim, tail_from if tail_from is not None else cue.cj)
        return claim

    def _opens_clause(self, a: int, pos: int) -> bool:
        """Is the quote at ``pos`` the start of its clause (nothing or a dash before it)?"""
        before = self.text[a:pos].rstrip()
        return not before or before[-1] in "—–-:;"

    def _split_rest(self, claim: RawClaim, k: int) -> None:
        """Append the second part of a quote split by its cue (same or next sentence)."""
        layout = self.layout
        toks = layout.tokens(claim.sentence)
        for x in range(k, min(toks.n, k + 12)):
            w = toks.words[x]
            if w in _OPEN_MARKS and (x == k or toks.words[x - 1] in (",", ":", "—", "-")):
                q = _quote_starting(layout, toks.starts[x])
                if q is not None and id(q) not in self.used_quotes:
                    self._append_group(claim, q)
                return
            if w in _END_PUNCT or (toks.lower[x] in self.lex.cues and x > k):
                break
        nxt = claim.sentence + 1
        if (
            nxt < len(layout.spans)
            and layout.line_of[nxt] == layout.line_of[claim.sentence]
            and nxt not in self.cue_sentences
        ):
            q = _quote_starting(layout, layout.spans[nxt][0])
            if q is not None and id(q) not in self.used_quotes:
                self._append_group(claim, q)

    def _append_group(self, claim: RawClaim, q: Quote) -> None:
        for g in _group_from(self.layout, q):
            claim.content.append((g.start, g.end))
            claim.quotes.append(g)
            self.used_quotes.add(id(g))

    def _according(self, cue: _Cue) -> RawClaim | None:
        """ "According to SOURCE, CONTENT", "CONTENT, according to SOURCE" and the medial form."""
        toks = cue.toks
        n = toks.n
        k = cue.cj
        # The source runs to the next comma, colon or quote ("a readout of the call issued by
        # Number 10 on Monday"), without a trailing time expression.
        x = k
        while x < n and toks.words[x] not in (",", ":", ";") and toks.words[x] not in _OPEN_MARKS:
            if toks.words[x] in _END_PUNCT:
                break
            x += 1
        if x == k:
            return None
        e = self._trim_time_end(cue.si, toks, k, x - 1)
        src = (toks.starts[k], toks.ends[e])
        ci = cue.ci
        before = toks.words[ci - 1] if ci > 0 else ""
        after_comma = before == "," or self._closes_quote(toks, ci - 1)
        rest = [w for w in toks.words[x + 1 :] if w not in _END_PUNCT and w not in _CLOSE_MARKS]
        if not after_comma:
            if ci == 0 or self._main(toks, ci):
                # Preposed: the content follows the source's comma or colon.
                if x < n and toks.words[x] in (",", ":") and rest:
                    return self._content_claim(cue, src, x + 1, True, "according")
                return None
            return self._content_before(cue, ci, src, tail_from=x)
        if x < n and toks.words[x] == "," and len(rest) >= 3:
            # Medial: "Over the long term, according to the budget office, the rise ...".
            claim = self._content_claim(cue, src, x + 1, True, "according")
            if claim is None:
                return None
            left = _trim(self.text, self.layout.spans[cue.si][0], toks.starts[ci - 1])
            if ci - 1 >= 5 and not self._is_leading_adverbial(toks, ci - 1) and not claim.quotes:
                claim.content.insert(0, left)
            return claim
        return self._content_before(cue, ci - 1, src, tail_from=x)

    def _trim_time_end(self, si: int, toks: Tokens, s: int, e: int) -> int:
        for x in range(s + 1, e + 1):
            end = self.layout.time_starting_at(toks.starts[x], toks.ends[e])
            if end is not None and end >= toks.ends[e]:
                return x - 1
        return e

    def _nominal(self, cue: _Cue) -> RawClaim | None:
        """ "claims that ...", "speculation that ...", "Ms Malyar's claims that ..."."""
        toks = cue.toks
        lex = self.lex
        n = toks.n
        if cue.cj >= n or toks.lower[cue.cj] != "that":
            return None
        word = toks.lower[cue.ci]
        src: tuple[int, int] | None = None
        j = cue.ci - 1
        if j >= 0 and is_possessive(toks.words[j]):
            s = j
            while s > 0 and (
                is_capitalised(toks.words[s - 1]) or toks.lower[s - 1] in lex.honorifics
            ):
                s -= 1
            src = (toks.starts[s], toks.ends[j] - 2)
        else:
            for x in range(cue.ci - 1, -1, -1):
                if toks.lower[x] in lex.document_heads and toks.lower[x] not in ("leak", "leaks"):
                    doc = np_before(lex, toks, x, link_of=False)
                    if doc is not None:
                        src = (toks.starts[doc], toks.ends[x])
                    break
        if src is None and word not in lex.agentless_nominal:
            return None
        if src is None and word in lex.nominal_need_source:
            return None
        return self._content_claim(cue, src, cue.cj, False, "noun")

    def _asked(self, cue: _Cue) -> RawClaim | None:
        """ "Asked whether X, he said ...": the question, from an unnamed asker or "by X"."""
        toks = cue.toks
        n = toks.n
        k = cue.cj
        src: tuple[int, int] | None = None
        if k < n and toks.lower[k] == "by":
            np = np_after(self.lex, toks, k + 1, n)
            if np is None:
                return None
            src = (toks.starts[np[0]], toks.ends[np[1]])
            k = np[1] + 1
        if k < n and toks.lower[k] == "about":
            k += 1
        elif k >= n or toks.lower[k] not in self.lex.question_words and toks.lower[k] != "to":
            return None
        end = next((x for x in range(k, n) if toks.words[x] == ","), None)
        if end is None or end <= k:
            return None
        a, b = _trim(self.text, toks.starts[k], toks.starts[end])
        if b <= a:
            return None
        return RawClaim(
            sentence=cue.si,
            cue=(toks.starts[cue.ci], toks.ends[cue.cj - 1]),
            info=cue.info,
            source=src,
            content=[(a, b)],
            main=False,
            frame="asked",
        )

    def _headline_colon(self, si: int) -> RawClaim | None:
        """ "Graham: Trump's rhetoric is destroying the party" -- a bare colon as the cue."""
        layout = self.layout
        lex = self.lex
        toks = layout.tokens(si)
        n = toks.n
        colon = next((x for x in range(1, min(n, 6)) if toks.words[x] == ":"), None)
        if colon is None or n - colon < 4:
            return None
        head = toks.words[:colon]
        lows = toks.lower[:colon]
        if " ".join(lows) in lex.colon_labels or any(w in lex.cues for w in lows):
            return None
        if not (
            is_capitalised(head[0])
            and all(
                is_capitalised(w) or _head_word(lex, lw) for w, lw in zip(head, lows, strict=True)
            )
        ):
            return None
        a, b = _trim(self.text, toks.starts[colon + 1], layout.spans[si][1])
        q = _quote_starting(layout, toks.starts[colon + 1])
        quotes = [q] if q is not None and q.end <= layout.spans[si][1] else []
        content = [(q.start, q.end)] if quotes and q is not None else [(a, b)]
        if content[0][1] <= content[0][0]:
            return None
        return RawClaim(
            sentence=si,
            cue=(toks.starts[colon], toks.ends[colon]),
            info=lex.colon_cue,
            source=(toks.starts[0], toks.ends[colon - 1]),
            content=content,
            main=True,
            frame="colon",
            quotes=quotes,
        )

    def _passive(self, cue: _Cue) -> RawClaim | None:
        """ "X was told by Y that ..." -- only with a "by" agent."""
        toks = cue.toks
        k = cue.cj
        if k < toks.n and toks.lower[k] == "by":
            np = np_after(self.lex, toks, k + 1, toks.n)
            if np is None:
                return None
            s, e = np
            src = (toks.starts[s], toks.ends[e])
            j = _after_adverbs(self.lex, toks, e + 1)
            if j >= toks.n or not (
                toks.lower[j] == "that" or toks.words[j] in _OPEN_MARKS or toks.words[j] == ":"
            ):
                return None
            return self._content_claim(cue, src, j, self._main(toks, cue.start), "pre")
        if cue.info.lemma in self.lex.raising_verbs and k < toks.n and toks.lower[k] == "to":
            # "The vote is expected to slip": the outlet's reading, like "appears to".
            return self._raising(cue)
        return None

    def _shared(self, cue: _Cue, first: int) -> RawClaim | None:
        """A cue coordinated with an earlier one ("... and pledged that", ", saying ...")."""
        toks = cue.toks
        prev = self.claims[-1] if len(self.claims) > first else None
        if prev is not None and prev.sentence == cue.si:
            src = prev.source
            main = prev.main
            shared: int | None = len(self.claims) - 1
        else:
            subject = self._subject(cue)
            if subject is None:
                return None
            s, e = subject
            src = (toks.starts[s], toks.ends[e])
            main = True
            shared = None
        k = _after_adverbs(self.lex, toks, cue.cj)
        if cue.info.addressee and not cue.info.object_content:
            k = _skip_addressee(self.lex, toks, k)
        claim = self._content_claim(cue, src, k, main, "coord")
        if claim is not None:
            claim.shares_source_with = shared
        return claim

    def _subject(self, cue: _Cue) -> tuple[int, int] | None:
        """The subject noun phrase of the sentence's main clause, before the cue."""
        toks = cue.toks
        lex = self.lex
        k = 0
        # Skip leading adverbials that end in a comma ("On Monday, ...", "Asked about X, ...").
        while k < cue.start:
            comma = next((x for x in range(k, cue.start) if toks.words[x] == ","), None)
            first = toks.lower[k]
            if comma is None or not (
                first in lex.leading_adverbial
                or first.endswith("ing")
                or (first.endswith("ed") and is_capitalised(toks.words[k]))
                or first in lex.subordinators
            ):
                break
            k = comma + 1
        return np_after(lex, toks, k, cue.start)

    def _wrapped_frame(self, cue: _Cue, first: int) -> RawClaim | None:
        """'..., and “committed to continue ...”': cue inside the quote, subject outside."""
        layout = self.layout
        toks = cue.toks
        q = layout.quote_at(toks.starts[cue.ci])
        if q is None:
            return None
        prev = self.claims[-1] if len(self.claims) > first else None
        if prev is not None and prev.sentence == cue.si:
            src = prev.source
        else:
            subject = self._subject(cue)
            if subject is None:
                return None
            src = (toks.starts[subject[0]], toks.ends[subject[1]])
        a = toks.starts[cue.cj] if cue.cj < toks.n else q.end
        a, b = _trim(self.text, a, q.end)
        if b <= a:
            return None
        if cue.info.kind == "verb" and cue.cj < toks.n and toks.lower[cue.cj] == "that":
            a = toks.starts[cue.cj + 1]
        return RawClaim(
            sentence=cue.si,
            cue=(toks.starts[cue.ci], toks.ends[cue.cj - 1]),
            info=cue.info,
            source=src,
            content=[(a, b)],
            main=True,
            frame="wrapped",
        )

    # -- article-level passes --------------------------------------------------

    def _drop_nested(self) -> None:
        """Annotate the outer attribution only: drop claims whose cue is inside other content."""
        claims = self.claims
        if len(claims) < 2:
            return
        layout = self.layout
        line_of, spans, starts = layout.line_of, layout.spans, layout.starts
        # Content spans by the lines they cover, so each cue is checked against its own line.
        by_line: dict[int, list[tuple[RawClaim, int, int]]] = {}
        for c in claims:
            if c.frame == "raising":
                continue  # the outlet's reading of a subject frames no one's words
            a_s, b_s = spans[c.sentence]
            for s, e in c.content:
                if a_s <= s and e <= b_s:
                    first = last = line_of[c.sentence]  # inside its own sentence
                else:
                    first = line_of[max(0, bisect_right(starts, s) - 1)]
                    last = line_of[max(0, bisect_right(starts, e - 1) - 1)]
                for li in range(first, last + 1):
                    entry = by_line.get(li)
                    if entry is None:
                        by_line[li] = [(c, s, e)]
                    else:
                        entry.append((c, s, e))
        # The claims whose content holds each claim's cue.
        outer: list[list[int]] = []
        index = {id(c): i for i, c in enumerate(claims)}
        for claim in claims:
            a = claim.cue[0]
            holders: list[int] = []
            for other, s, e in by_line.get(line_of[claim.sentence], ()):
                if s <= a < e and other is not claim:
                    if claim.frame in ("post", "according") and any(
                        s2 <= other.cue[0] < e2 for s2, e2 in claim.content
                    ):
                        continue
                    holders.append(index[id(other)])
            outer.append(holders)
        # Only a claim that stays can hide another: "When X pointed out that Y hadn't
        # answered, Z said ..." keeps "said" although the dropped "answered" holds it.
        state: list[bool | None] = [None if h else True for h in outer]
        changed = True
        while changed:
            changed = False
            for i, holders in enumerate(outer):
                if state[i] is not None:
                    continue
                if any(state[h] is True for h in holders):
                    state[i] = False
                    changed = True
                elif all(state[h] is False for h in holders):
                    state[i] = True
                    changed = True
        keep: list[RawClaim] = []
        for i, claim in enumerate(claims):
            if state[i] is not True:  # nested (or held in a circle of claims)
                for q in claim.quotes:
                    self.used_quotes.discard(id(q))
                continue
            keep.append(claim)
        if len(keep) == len(claims):
            return
        remap = {id(c): i for i, c in enumerate(keep)}
        for c in keep:
            if c.shares_source_with is not None:
                target = claims[c.shares_source_with]
                c.shares_source_with = remap.get(id(target))
        self.claims = keep

    def _continue_quotes(self) -> None:
        """Append cue-less quoted paragraphs that directly follow a claim's quote."""
        layout = self.layout
        cue_lines = {layout.line_of[c.sentence] for c in self.claims}
        cue_sentences = {c.sentence for c in self.claims}
        for claim in self.claims:
            li = layout.line_of[claim.sentence]
            end = max(b for _, b in claim.content)
            # Same paragraph: quoted sentences after the frame with no cue of their own.
            for q in layout.quotes_in_line(li):
                if q.open < end or q.open < claim.cue[1]:
                    continue
                if id(q) in self.used_quotes:
                    break
                si = layout.sentence_at(q.open)
                if si in cue_sentences and si != claim.sentence:
                    break
                if si == claim.sentence:
                    continue
                if layout.spans[si][0] != q.open:
                    break
                for g in _group_from(layout, q):
                    claim.content.append((g.start, g.end))
                    claim.quotes.append(g)
                    self.used_quotes.add(id(g))
                end = claim.content[-1][1]
            # Following paragraphs that open with a quote and have no cue.
            if not self._ends_with_quote(claim):
                continue
            nxt = layout.line_of[layout.sentence_at(claim.content[-1][1] - 1)] + 1
            while nxt < len(layout.lines) and nxt not in cue_lines:
                line = layout.lines[nxt]
                qs = layout.quotes_in_line(nxt)
                if not qs or qs[0].open != line.start or id(qs[0]) in self.used_quotes:
                    break
                if any(layout.furniture[layout.line_first[nxt]] is not None for _ in (0,)):
                    break
                group = _group_from(layout, qs[0])
                if any(id(g) in self.used_quotes for g in group):
                    break
                for g in group:
                    claim.content.append((g.start, g.end))
                    claim.quotes.append(g)
                    self.used_quotes.add(id(g))
                nxt = layout.line_of[layout.sentence_at(group[-1].end - 1)] + 1

    def _ends_with_quote(self, claim: RawClaim) -> bool:
        layout = self.layout
        if claim.quotes and claim.quotes[-1].end == claim.content[-1][1]:
            return claim.quotes[-1].closed
        a, b = layout.spans[claim.sentence]
        tail = self.text[claim.content[-1][1] : b].strip(" .,!?;\xa0")
        seg = self.text[claim.content[-1][0] : claim.content[-1][1]].rstrip()
        return not tail and seg.endswith(("”", '"', "''"))


def find_claims(layout: Layout) -> list[RawClaim]:
    """Every attribution in the article, in cue order, with offsets only."""
    return _Finder(layout).run()
