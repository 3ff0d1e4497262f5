"""Who speaks: canonical source entities and source types, resolved within one article.

Owns entity resolution: person names (full names, surnames with honorifics,
misspelt repeats, a truncated first word), roles ("the Prime Minister", "the
Ukrainian president") through the names they are given in the text,
describe-then-name, pronouns, spokespeople and aliases of organisations,
acronyms and their expansions, documents and their issuers, unnamed sources.
Canonical names are built deterministically from the text, so the same entity
gets the same name in every article. Must not find attributions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from tracker.model import UNSPECIFIED_SOURCE, SentenceLabel, SourceType
from tracker.parse.attribution import RawClaim
from tracker.parse.layout import Layout
from tracker.parse.lexicon import Lexicon
from tracker.parse.ordered import bisect_left
from tracker.parse.tokens import ALNUM, char_kind, plain_words

# A run of capitalised words, with name particles between them ("Hanna Malyar", "Charles
# de Gaulle", "Mr. Smith"): what ``_name_run_end`` walks. As a regex:
#   [A-Z](?<![\w’'].)[\w’'\-]*(?:\.(?=[ \xa0]))?
#   (?:[ \xa0]+(?:[A-Z][\w’'\-]*(?:\.(?=[ \xa0]))?|(?:of|de|van|von|al|bin|la|le|du|del|da)
#   (?=[ \xa0]+[A-Z])))+
# tests/parse/test_sources.py holds the regex and checks that the walk ends where it does;
# compiled (setup.py), the walk costs a fraction of starting the regex at each capital.
_NAME_PARTICLES: Final = ("of", "de", "van", "von", "al", "bin", "la", "le", "du", "del", "da")
# The characters besides letters and digits a name word holds ([\w’'\-]).
_NAME_JOINERS: Final = frozenset({ord("_"), ord("'"), ord("-"), ord("’")})
# Besides letters and digits, what may not stand before a run's first capital ([\w’']).
_NOT_BEFORE_NAME: Final = frozenset({ord("_"), ord("'"), ord("’")})
# The spaces allowed between the words of a run.
_NAME_GAP: Final = frozenset(" \xa0")


def _name_run_end(text: str, pos: int, end: int) -> int:
    """End of the name run that begins at ``pos``, or -1 when none begins there.

    A run is a capitalised word not glued to a word before it, then one or more
    capitalised words or name particles (a particle only before a capitalised word),
    each after spaces; a word may keep a full stop that a space follows ("Mr.").
    Nothing past ``end`` is read.
    """
    if pos >= end or not 65 <= ord(text[pos]) <= 90:
        return -1
    if pos > 0:
        before = ord(text[pos - 1])
        if char_kind(before) == ALNUM or before in _NOT_BEFORE_NAME:
            return -1
    j = _name_word_end(text, pos + 1, end)
    words = 0
    while True:
        k = _name_gap_end(text, j, end)
        if k == j or k >= end:
            break
        if 65 <= ord(text[k]) <= 90:
            j = _name_word_end(text, k + 1, end)
        else:
            after = _particle_end(text, k, end)
            if after < 0:
                break
            j = after
        words += 1
    return j if words else -1


def _name_word_end(text: str, j: int, end: int) -> int:
    """End of the name word whose letters go on at ``j``, with a full stop a space follows."""
    while j < end:
        code = ord(text[j])
        if char_kind(code) == ALNUM or code in _NAME_JOINERS:
            j += 1
        else:
            break
    if j + 1 < end and text[j] == "." and text[j + 1] in _NAME_GAP:
        j += 1
    return j


def _name_gap_end(text: str, j: int, end: int) -> int:
    while j < end and text[j] in _NAME_GAP:
        j += 1
    return j


def _particle_end(text: str, k: int, end: int) -> int:
    """End of the name particle at ``k`` when spaces and a capital follow it, else -1."""
    candidates = _PARTICLES_BY_INITIAL.get(text[k])
    if candidates is None:
        return -1
    for particle in candidates:
        after = k + len(particle)
        if after > end or any(
            ord(text[k + i]) != ord(particle[i]) for i in range(1, len(particle))
        ):
            continue
        capital = _name_gap_end(text, after, end)
        if after < capital < end and 65 <= ord(text[capital]) <= 90:
            return after
    return -1


_PARTICLES_BY_INITIAL: Final = {
    initial: tuple(p for p in _NAME_PARTICLES if p[0] == initial)
    for initial in {p[0] for p in _NAME_PARTICLES}
}


# Name words: letters and digits, joined inside by ’ ' - or a full stop ("U.S"), with a
# full stop after them kept ("Mr.", "U.S.").
_NAME_WORD_JOINERS: Final = frozenset("’'-.")


def _name_words(text: str) -> list[str]:
    return plain_words(text, 0, len(text), _NAME_WORD_JOINERS, final_stop=True)


_ACRONYM = re.compile(r"\((?P<abbr>[A-Z][A-Za-z&]{1,9})\)")
_TRAILING_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
_TRUNCATED = re.compile(r"\A\s*(?P<part>[a-z]{2,})[ \xa0]+(?P<rest>[A-Z][\w’'\-]+)")


_POSSESSIVE = ("’s", "'s")


def _possessive(w: str) -> bool:
    return len(w) > 2 and w.endswith(_POSSESSIVE)


def _strip_possessive(w: str) -> str:
    return w[:-2] if _possessive(w) else w


def _edit_distance(a: str, b: str, cap: int = 3) -> int:
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@dataclass(slots=True, init=False)
class Person:
    first: str | None
    last: str
    spellings: dict[str, int]
    """Full-name spellings and how often each occurs."""
    first_pos: int
    roles: list[tuple[str, str | None, int]]
    """(role head, country key, offset) for each "Role Name" apposition."""
    mentions: list[int]
    gender: str | None

    # Written out so that it is compiled (see attribution.RawClaim).
    def __init__(self, first: str | None, last: str) -> None:
        self.first = first
        self.last = last
        self.spellings = {}
        self.first_pos = 1 << 30
        self.roles = []
        self.mentions = []
        self.gender = None

    @property
    def name(self) -> str:
        if not self.spellings:
            return self.last if self.first is None else f"{self.first} {self.last}"
        best = max(self.spellings.items(), key=lambda kv: (kv[1], -len(kv[0]) * 0, kv[0]))
        top = [k for k, v in self.spellings.items() if v == best[1]]
        return sorted(top)[0] if len(top) > 1 else best[0]


@dataclass(slots=True, init=False)
class Entity:
    name: str
    type: SourceType
    person: Person | None
    gender: str | None
    plural: bool

    # Written out so that it is compiled (see attribution.RawClaim).
    def __init__(
        self,
        name: str,
        type: SourceType,
        person: Person | None = None,
        gender: str | None = None,
        plural: bool = False,
    ) -> None:
        self.name = name
        self.type = type
        self.person = person
        self.gender = gender
        self.plural = plural


class Resolver:
    """Names in one article, and the resolution of each claim's source mention."""

    def __init__(self, layout: Layout, claims: list[RawClaim]) -> None:
        self.layout = layout
        self.lex: Lexicon = layout.lexicon
        self.text = layout.text
        self.claims = claims
        self.people: list[Person] = []
        self.acronyms: dict[str, str] = {}
        self.role_cache: list[tuple[str, str | None, Person]] = []
        self.bound: dict[int, tuple[str, str | None]] = {}
        self.documents: list[tuple[str, Entity]] = []
        self.spokes: list[Entity] = []
        self.holders: dict[tuple[str, str | None], list[tuple[int, Person]]] = {}
        self._collect_names()
        self._collect_acronyms()

    # -- article-wide name inventory -------------------------------------------

    def _collect_names(self) -> None:
        people: dict[str, Person] = {}
        order: list[Person] = []
        text = self.text
        lay = self.layout
        heading = SentenceLabel.HEADING
        # The name runs of each body sentence, looked for only where a word starts with a
        # capital.
        capitals = lay.words.capital_starts()
        ci, n = 0, len(capitals)
        for (a, b), label in zip(lay.spans, lay.furniture, strict=True):
            if label is None or label is heading:
                ci = bisect_left(capitals, a, ci)
                last = a
                while ci < n and capitals[ci] < b:
                    pos = capitals[ci]
                    ci += 1
                    if pos < last:
                        continue
                    run_end = _name_run_end(text, pos, b)
                    if run_end >= 0:
                        self._name_occurrence(text[pos:run_end], pos, people, order)
                        last = run_end
        trunc = _TRUNCATED.match(text)
        if trunc:
            part, rest = trunc.group("part"), _strip_possessive(trunc.group("rest"))
            # A truncated first word ("ishi Sunak"): the person with that surname.
            for p in order:
                if p.last == rest and (p.first is None or p.first.lower().endswith(part)):
                    p.first_pos = 0
                    p.mentions.insert(0, 0)
                    break
        merged: list[Person] = []
        for p in order:
            twin = None
            for q in merged:
                if q.last == p.last and (
                    q.first is None
                    or p.first is None
                    or q.first == p.first
                    or _edit_distance(q.first, p.first) <= 2
                ):
                    twin = q
                    break
            if twin is None:
                merged.append(p)
                continue
            if twin.first is None:
                twin.first = p.first
            for k, v in p.spellings.items():
                twin.spellings[k] = twin.spellings.get(k, 0) + v
            twin.first_pos = min(twin.first_pos, p.first_pos)
            twin.roles.extend(p.roles)
            twin.mentions.extend(p.mentions)
            twin.gender = twin.gender or p.gender
        for p in merged:
            p.mentions.sort()
        merged.sort(key=lambda p: p.first_pos)
        self.people = merged

    def _name_occurrence(
        self, seq: str, pos: int, people: dict[str, Person], order: list[Person]
    ) -> None:
        lex = self.lex
        words = seq.split()
        n = len(words)
        if n == 1:
            # A lone capitalised word is a name only after an honorific or a role word.
            low = words[0].lower().rstrip(".")
            if low not in lex.honorifics:
                before = self.text[max(0, pos - 30) : pos].split()
                prev = before[-1].lower().rstrip(".,") if before else ""
                if prev not in lex.title_words and prev not in lex.role_heads:
                    return
        # Lower-casing keeps the words apart (it never makes or removes whitespace).
        lowered = seq.lower().split()
        # A last word that cannot be part of a name and is not dropped as a trailing
        # nationality, organisation or acronym rejects the whole sequence ("The Prime
        # Minister", "Downing Street"): decided before the rest is read.
        last_word, last_low = words[-1], lowered[-1]
        if len(last_word) > 2 and last_word.endswith(_POSSESSIVE):
            last_word, last_low = last_word[:-2], last_low[:-2]
        if (
            n > 1
            and last_low in lex.name_rejects
            and last_low not in lex.nationalities
            and last_low not in lex.org_heads
            and not (last_word.isupper() and len(last_word) > 1)
            and lowered[0].rstrip(".") not in lex.honorifics
        ):
            return
        lows = [w.rstrip(".") for w in lowered] if "." in seq else lowered
        honorifics = lex.honorifics
        gender = None
        k = 0
        while k < n:
            lw = lows[k]
            if lw not in honorifics and lw + "." not in honorifics:
                break
            if lw in lex.female_words:
                gender = "f"
            elif lw in lex.male_words:
                gender = "m"
            k += 1
        honor = k > 0
        first_name_honorific = honor and lows[k - 1] in lex.first_name_honorifics
        titles = lex.title_words
        last_title = -1
        for x in range(k, n - 1):
            if lows[x] in titles:
                last_title = x
        role_words: list[str] = []
        if last_title >= k:
            role_words = lows[k : last_title + 1]
            k = last_title + 1
        # The name words, without a possessive ending, and their lower-case forms.
        name = words[k:]
        nl = lowered[k:]
        for x, w in enumerate(name):
            if len(w) > 2 and w.endswith(_POSSESSIVE):
                name[x] = w[:-2]
                nl[x] = nl[x][:-2]
        # Trailing words that cannot be part of a name ("Volodymr Zelensky Ukraine").
        while name:
            last_word = name[-1]
            lw = nl[-1]
            if not (
                lw in lex.nationalities
                or lw in lex.org_heads
                or last_word.isupper()
                and len(last_word) > 1
            ):
                break
            name.pop()
            nl.pop()
        if not name or len(name) > 3:
            return
        if nl[-1] in lex.place_heads or not lex.name_rejects.isdisjoint(nl):
            return
        if (len(nl) > 1 and " ".join(nl) in lex.org_aliases) or not all(
            w[:1].isupper() and not w.isupper() for w in name if len(w) > 1
        ):
            return
        before_roles, country = self._roles_before(pos)
        if role_words:
            roles = [*before_roles, " ".join(role_words)]
        else:
            roles = before_roles
        if len(name) == 1:
            if not (honor or roles):
                return
            if first_name_honorific:
                first, last = name[0], None
            else:
                first, last = None, name[0]
        else:
            first, last = name[0], name[-1]
        start = pos + seq.find(words[k]) if k < n else pos
        if last is None:
            # "Sir Keir": a first name; attach to a known person with that first name.
            for p in order:
                if p.first == first:
                    p.mentions.append(start)
                    p.gender = p.gender or gender
                    return
            return
        key = f"{first or ''} {last}"
        person = people.get(key)
        if person is None:
            person = Person(first, last)
            people[key] = person
            order.append(person)
        if first:
            full = f"{first} {last}"
            person.spellings[full] = person.spellings.get(full, 0) + 1
        if start < person.first_pos:
            person.first_pos = start
        person.mentions.append(start)
        if person.gender is None:
            person.gender = gender
        for role in roles:
            head = self._role_head(role.split())
            if head:
                person.roles.append((head, country, start))

    def _roles_before(self, pos: int) -> tuple[list[str], str | None]:
        """Lower-case role words and a country right before a name ("Ukraine’s president")."""
        lex = self.lex
        text = self.text
        lo = max(0, pos - 70)
        # Only a role or title word can stand last: test the last letters before reading words.
        end = pos
        while end > lo and not text[end - 1].isalnum():
            end -= 1
        begin = end
        while begin > lo and text[begin - 1].isalnum():
            begin -= 1
        if text[begin:end].lower() not in lex.role_tails:
            return [], None
        window = text[lo:pos]
        words = _name_words(window)
        role: list[str] = []
        country: str | None = None
        x = len(words) - 1
        while x >= 0:
            lw = words[x].lower().rstrip(".")
            if lw in lex.title_words or lw in lex.role_heads:
                role.insert(0, lw)
                x -= 1
                continue
            break
        if not role:
            return [], None
        if x >= 0:
            lw = _strip_possessive(words[x]).lower()
            country = lex.nationalities.get(lw)
        for w in role:
            if w in lex.nationalities:
                country = lex.nationalities[w]
        return [" ".join(role)], country

    def _role_head(self, words: list[str]) -> str | None:
        lex = self.lex
        heads = [w for w in words if w in lex.role_heads]
        if not heads:
            return None
        last = max(i for i, w in enumerate(words) if w in lex.role_heads)
        head = words[last]
        if (
            last > 0
            and words[last - 1] in lex.title_words
            and words[last - 1] not in lex.role_heads
        ):
            if words[last - 1] not in ("former", "acting", "deputy", "state", "top"):
                head = words[last - 1] + " " + head
        return head

    def _collect_acronyms(self) -> None:
        for m in _ACRONYM.finditer(self.text):
            abbr = m.group("abbr")
            letters = [c for c in abbr if c.isupper()]
            if len(letters) < 2:
                continue
            window = self.text[max(0, m.start() - 120) : m.start()].rstrip()
            words: list[str] = re.findall(r"[A-Za-z][\w’'\-]*", window)
            caps: list[str] = []
            taken: list[str] = []
            for w in reversed(words):
                taken.insert(0, w)
                if w[0].isupper():
                    caps.insert(0, w)
                    if len(caps) == len(letters):
                        break
                elif w.lower() not in ("of", "and", "for", "the", "on", "in"):
                    break
            if [c[0] for c in caps] == letters:
                start = window.rfind(taken[0])
                expansion = window[start:].strip(" ,")
                self.acronyms[abbr.lower()] = expansion

    # -- resolution ------------------------------------------------------------

    def resolve_all(self) -> list[Entity]:
        out: list[Entity] = []
        for i, claim in enumerate(self.claims):
            if claim.shares_source_with is not None and claim.shares_source_with < len(out):
                out.append(out[claim.shares_source_with])
                continue
            ent = self._resolve_claim(i, claim, out)
            out.append(ent)
        return out

    def _resolve_claim(self, i: int, claim: RawClaim, done: list[Entity]) -> Entity:
        if claim.source is None:
            return Entity(UNSPECIFIED_SOURCE, SourceType.UNNAMED)
        a, b = claim.source
        return self.resolve_mention(a, b, claim.sentence, done)

    def resolve_mention(self, a: int, b: int, si: int, done: list[Entity]) -> Entity:
        lex = self.lex
        raw = self.text[a:b]
        words = _name_words(raw)
        if not words:
            return Entity(raw, SourceType.UNNAMED)
        lows = [w.lower().rstrip(".") for w in words]
        if len(words) == 1 and lows[0] in lex.pronouns:
            return self._pronoun(lows[0], a, si, done)
        # Joint sources: "A and B", "The Prime Minister and Ukrainian president".
        if "and" in lows and lows[-1] not in lex.unnamed_heads:
            joint = self._joint(raw, a, si, done)
            if joint is not None:
                return joint
        return self._single(raw, a, si, done, words, lows)

    def _single(
        self,
        raw: str,
        a: int,
        si: int,
        done: list[Entity],
        words: list[str] | None = None,
        lows: list[str] | None = None,
    ) -> Entity:
        """The entity of one mention (``words``/``lows``: its words, when already read)."""
        lex = self.lex
        if words is None or lows is None:
            words = _name_words(raw)
            if not words:
                return Entity(raw.strip() or UNSPECIFIED_SOURCE, SourceType.UNNAMED)
            lows = [w.lower().rstrip(".") for w in words]
        core = self._strip_determiners(raw)
        core_l = core.lower()
        # Organisation aliases and acronyms ("Number 10", "the MoD").
        alias = self._alias(core)
        if alias is not None:
            return Entity(alias, SourceType.ORGANISATION)
        # Documents: "a readout of the call issued by Number 10", "The readout".
        doc = self._document(raw, words, lows, a, done)
        if doc is not None:
            return doc
        # Spokespeople: "A Downing Street spokeswoman", "The spokesperson".
        spokes = self._spokesperson(raw, words, lows, a, si)
        if spokes is not None:
            return spokes
        # A named person inside the phrase ("Ukraine’s deputy defence minister Hanna Malyar").
        person = self._person_in(words, a)
        if person is not None:
            return Entity(person.name, SourceType.PERSON, person, person.gender)
        heads = [w for w in lows if w in lex.role_heads]
        if heads and lows[-1] in lex.role_heads or (len(lows) >= 2 and lows[-1] in lex.role_heads):
            role = self._role_mention(lows, a, si)
            if role is not None:
                return Entity(role.name, SourceType.PERSON, role, role.gender)
        if lows[-1] in lex.unnamed_heads or lows[-1] in lex.pair_words:
            return Entity(core, SourceType.UNNAMED, plural=True)
        if any(w in lex.org_heads for w in lows) or core_l in lex.org_aliases:
            return Entity(self._org_name(core), SourceType.ORGANISATION, plural=False)
        if len(words) == 1 and words[0][:1].isupper():
            return Entity(_strip_possessive(core), SourceType.ORGANISATION)
        if all(w[:1].isupper() for w in words) and len(words) <= 3:
            return Entity(core, SourceType.PERSON)
        return Entity(core, SourceType.UNNAMED, plural=lows[-1].endswith("s"))

    def _strip_determiners(self, raw: str) -> str:
        lex = self.lex
        text = (_TRAILING_PAREN.sub("", raw) if ")" in raw else raw).strip()
        parts = text.split()
        while parts and (
            parts[0].lower() in ("the", "a", "an") or parts[0].lower().rstrip(".") in lex.honorifics
        ):
            parts = parts[1:]
        return " ".join(parts) if parts else text

    def _alias(self, core: str) -> str | None:
        lex = self.lex
        key = core.lower().replace("\xa0", " ")
        if key in lex.org_aliases:
            return lex.org_aliases[key]
        if key in self.acronyms:
            exp = self._strip_determiners(self.acronyms[key])
            return lex.org_aliases.get(exp.lower(), exp)
        words = key.split()
        # "The Russian defence ministry" -> "Russian Ministry of Defence".
        if len(words) >= 2 and words[-1] == "ministry" and words[-2] in lex.ministry_fields:
            prefix = core.split()[:-2]
            field = words[-2].capitalize()
            return " ".join([*prefix, "Ministry of", field]).strip()
        return None

    def _org_name(self, core: str) -> str:
        alias = self._alias(core)
        return alias if alias is not None else core

    def _document(
        self, raw: str, words: list[str], lows: list[str], a: int, done: list[Entity]
    ) -> Entity | None:
        lex = self.lex
        head_idx = next((i for i, w in enumerate(lows) if w in lex.document_heads), None)
        if head_idx is None:
            return None
        if any(w in lex.role_heads for w in lows[:head_idx]):
            return None
        head = lows[head_idx]
        # "issued by Number 10", "from the Pentagon".
        for i, w in enumerate(lows):
            if w in lex.issuer_words and i + 1 < len(words) and i > head_idx:
                issuer = " ".join(words[i + 1 :])
                issuer = self._strip_determiners(issuer)
                ent = Entity(self._org_name(issuer), SourceType.DOCUMENT)
                self.documents.append((head, ent))
                return ent
        if lows[0] in ("the", "this", "that") and len(lows) <= 3:
            for h, ent in reversed(self.documents):
                if h == head:
                    return ent
        core = self._strip_determiners(raw)
        before = self.text[max(0, a - 12) : a].lower()
        if re.search(r"\bleak(?:ed)?\s+of\s*$", before):
            core = "leaked " + core
        # A possessor names the issuer: "the Pentagon's report".
        for i, w in enumerate(words[:head_idx]):
            if _possessive(w):
                ent = Entity(
                    self._org_name(_strip_possessive(" ".join(words[: i + 1]))), SourceType.DOCUMENT
                )
                self.documents.append((head, ent))
                return ent
        ent = Entity(core, SourceType.DOCUMENT)
        self.documents.append((head, ent))
        return ent

    def _spokesperson(
        self, raw: str, words: list[str], lows: list[str], a: int, si: int
    ) -> Entity | None:
        lex = self.lex
        spokes = {
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "spokespeople",
            "spokesmen",
            "spokeswomen",
        }
        idx = next((i for i, w in enumerate(lows) if w in spokes), None)
        if idx is None:
            return None
        gender = "f" if lows[idx] == "spokeswoman" else "m" if lows[idx] == "spokesman" else None
        org_words = [w for w in words[:idx] if w.lower() not in lex.determiners]
        if idx + 2 < len(words) and lows[idx + 1] in ("for", "at", "of"):
            org_words = [w for w in words[idx + 2 :] if w.lower() not in lex.determiners]
        if org_words:
            org = self._org_name(_strip_possessive(" ".join(org_words)))
            ent = Entity(org, SourceType.ORGANISATION, gender=gender)
            self.spokes.append(ent)
            return ent
        if self.spokes:
            prev = self.spokes[-1]
            return Entity(prev.name, prev.type, gender=gender or prev.gender)
        return None

    def _person_in(self, words: list[str], a: int) -> Person | None:
        """A known person named in the phrase (the last capitalised words)."""
        lex = self.lex
        names = [
            _strip_possessive(w)
            for w in words
            if w[:1].isupper()
            and w.lower().rstrip(".") not in lex.title_words
            and w.lower().rstrip(".") not in lex.honorifics
            and w.lower() not in lex.determiners
        ]
        if not names:
            return None
        last = names[-1]
        cands = [p for p in self.people if p.last == last]
        if not cands and len(names) == 1:
            cands = [p for p in self.people if p.first == last and len(p.spellings) > 0]
            honor = [w for w in words if w.lower().rstrip(".") in lex.first_name_honorifics]
            if not honor:
                cands = []
        if not cands:
            return None
        if len(names) >= 2:
            first = names[-2]
            exact = [p for p in cands if p.first == first]
            if exact:
                return exact[0]
            close = [p for p in cands if p.first and _edit_distance(p.first, first) <= 2]
            if close:
                return close[0]
        return cands[0]

    def _role_key(self, lows: list[str]) -> tuple[str | None, str | None]:
        lex = self.lex
        head = self._role_head(lows)
        country = None
        for w in lows:
            key = lex.nationalities.get(_strip_possessive(w))
            if key:
                country = key
        return head, country

    def _role_mention(self, lows: list[str], a: int, si: int) -> Person | None:
        lex = self.lex
        head, country = self._role_key(lows)
        if head is None:
            return None
        definite = lows[0] not in ("a", "an", "one")
        generic = head in lex.generic_role_heads

        def compatible(h: str, c: str | None) -> bool:
            if country is not None and c is not None and c != country:
                return False
            return h == head or generic or h.endswith(" " + head) and country is None

        # 1. Someone the text gives this role ("Prime Minister Rishi Sunak").
        key = (head, country)
        holders = self.holders.get(key)
        if holders is None:
            holders = [(pos, p) for p in self.people for (h, c, pos) in p.roles if compatible(h, c)]
            self.holders[key] = holders
        if holders and definite:
            before = [x for x in holders if x[0] < a]
            pick = (
                max(before, key=lambda x: x[0])[1]
                if before
                else min(holders, key=lambda x: x[0])[1]
            )
            self.role_cache.append((head, country, pick))
            return pick
        # 2. The same role resolved earlier in the article.
        for h, c, p in reversed(self.role_cache):
            if (h == head or generic) and (country is None or c is None or c == country):
                if country is not None and c is None and not generic:
                    continue
                return p
        taken = {id(p) for h, c, p in self.role_cache if h != head}
        taken |= {id(p) for p in self.people if any(h != head for h, _, _ in p.roles)}
        # 3. Describe-then-name: the next sentence names the person.
        nxt = self._names_in_sentence(si + 1)
        for p in nxt:
            if id(p) in taken:
                continue
            if definite and p.first_pos > a:
                continue
            self.role_cache.append((head, country, p))
            return p
        if not definite:
            return None
        # 4. The first person the article names who holds no other role.
        for p in self.people:
            if id(p) in taken or p.first_pos > a:
                continue
            self.role_cache.append((head, country, p))
            return p
        return None

    def _names_in_sentence(self, si: int) -> list[Person]:
        lay = self.layout
        if si >= len(lay.spans) or lay.furniture[si] is not None:
            return []
        a, b = lay.spans[si]
        found: list[tuple[int, Person]] = []
        for p in self.people:
            hits = [m for m in p.mentions if a <= m < b]
            if hits:
                found.append((hits[0], p))
        found.sort(key=lambda x: x[0])
        return [p for _, p in found]

    def _joint(self, raw: str, a: int, si: int, done: list[Entity]) -> Entity | None:
        parts = re.split(r"\s+and\s+", raw)
        if len(parts) != 2:
            return None
        left = self._single(parts[0], a, si, done)
        right_text = parts[1]
        # "The Prime Minister and Ukrainian president": the determiner covers both.
        right = self._single(right_text, a + raw.find(right_text), si, done)
        if left.type is SourceType.PERSON and right.type is SourceType.PERSON:
            if left.person is not None and right.person is not None and left.person is right.person:
                return None
            return Entity(f"{left.name} and {right.name}", SourceType.PERSON, plural=True)
        return None

    def _pronoun(self, word: str, a: int, si: int, done: list[Entity]) -> Entity:
        lay = self.layout
        if word in ("who", "which"):
            # The antecedent: the noun phrase before ", who".
            before = self.text[max(0, a - 80) : a].rstrip(" ,")
            m = re.search(r"((?:[A-Z][\w’'\-.]*\s+){0,3}[A-Z][\w’'\-.]*)$", before)
            if m:
                return self._single(m.group(1), a - len(before) + m.start(1) - 0, si, done)
            return Entity(word, SourceType.UNNAMED)
        gender = "f" if word == "she" else "m" if word == "he" else None
        plural = word in ("they", "we")
        # A person named in the same sentence as a possessive or subject ("Sir Keir’s trip").
        if word in ("he", "she"):
            sa = lay.spans[si][0]
            for p in self.people:
                for pos in p.mentions:
                    if sa <= pos < a and (pos == sa or self._possessive_at(pos)):
                        if p.gender is None or gender is None or p.gender == gender:
                            return Entity(p.name, SourceType.PERSON, p, p.gender)
        # The source of the previous claim.
        for ent in reversed(done):
            if ent.name == UNSPECIFIED_SOURCE:
                continue
            if plural != ent.plural and word in ("he", "she", "they"):
                if not (word == "they" and ent.type is SourceType.ORGANISATION):
                    continue
            g = ent.gender or (ent.person.gender if ent.person else None)
            if gender and g and g != gender:
                continue
            if word in ("he", "she") and ent.type not in (
                SourceType.PERSON,
                SourceType.ORGANISATION,
            ):
                continue
            if word == "it" and ent.type is SourceType.PERSON:
                continue
            return ent
        # The person mentioned last before the pronoun.
        best: tuple[int, Person] | None = None
        for p in self.people:
            for pos in p.mentions:
                if pos < a and (best is None or pos > best[0]):
                    if p.gender is None or gender is None or p.gender == gender:
                        best = (pos, p)
        if best is not None and word in ("he", "she"):
            return Entity(best[1].name, SourceType.PERSON, best[1], best[1].gender)
        return Entity(word, SourceType.UNNAMED)

    def _possessive_at(self, pos: int) -> bool:
        m = re.match(r"[\w\-]+(?:[ \xa0][A-Z][\w\-]+)*[’']s\b", self.text[pos : pos + 60])
        return m is not None


def resolve_sources(layout: Layout, claims: list[RawClaim]) -> list[Entity]:
    """The canonical entity of each claim's source, in claim order."""
    return Resolver(layout, claims).resolve_all()
