"""Fast candidate finding: where a word-led pattern can match, without scanning every character.

Owns two things. ``first_runs`` reads a compiled pattern and, when every match
must begin with one of a known set of words (or a fixed punctuation lead such as
``(``), lists them; ``WordIndex`` finds, in one pass of C-level string methods
per article, every place those words stand. Matching then runs only at those
places (``matches``), with exactly the results ``finditer`` would give. A
pattern whose start cannot be read this way gets ``None`` and is scanned as
usual. ``gap_led`` does the same for patterns whose matches open with blanks
and commas before a literal head (", but he", "; "): ``gap_led_matches`` tries
them only before their heads. Must not hold vocabulary or attribution rules.

Words here are runs of ASCII letters and digits in a projection of the text
where every other character is a space and every digit reads ``0``. A match
that begins at a word boundary begins a run, so a run's text names the
patterns worth trying there; the pattern itself always has the last word.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from tracker.parse.tokens import ALNUM, SPACE, char_kind

# The projection: letters stay, digits read "0", everything else is a space. Non-ASCII
# characters become "?" first (one byte each, so offsets stay those of the text).
_PROJECT = bytes(
    c if (65 <= c <= 90 or 97 <= c <= 122) else 48 if 48 <= c <= 57 else 32 for c in range(256)
)
# Over the projection: capitals read "A", other letters and digits "a", the rest a space.
_CAPITAL_MARK = bytes(
    65 if 65 <= c <= 90 else 97 if (97 <= c <= 122 or c == 48) else 32 for c in range(256)
)
# The most (lead, run) entries a pattern may expand to before it is scanned instead.
_MAX_ENTRIES = 4000
# The most characters a character class may enumerate before it counts as open.
_MAX_CLASS = 64
# The most repetitions of an item that are spelled out ("[0-9]{1,2}").
_MAX_REPEAT = 4
# How far the literal text after a first word is followed, looking for a rarer word.
_MAX_TAIL = 40


def _project_char(ch: str) -> str:
    return "0" if "0" <= ch <= "9" else ch


def _alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


@dataclass(frozen=True, slots=True)
class Starts:
    """How matches of one pattern can begin: a word, or a punctuation lead then a word.

    ``runs`` maps each projected word to the lengths of the leads that may stand right
    before it ("(" in "(Picture:" has length 1); ``leads`` holds punctuation that may
    open a match with no word right after it ("|").
    """

    runs: Mapping[bytes, tuple[int, ...]]
    leads: tuple[str, ...]
    plain: bool
    """Every match begins with its word (no leads): word offsets are the start offsets."""


class _Open(Exception):
    """The start of the pattern cannot be enumerated."""


def _parsed(pattern: re.Pattern[str]) -> tuple[Any, _Frames]:
    """The regex constants and ``pattern`` parsed, as walk frames (``_Open``: unreadable).

    Reads the standard library's own regex parser; a case-insensitive pattern's
    letters cannot be listed.
    """
    if pattern.flags & re.IGNORECASE:
        raise _Open
    try:
        parser: Any = importlib.import_module("re._parser")
        constants: Any = importlib.import_module("re._constants")
        tree = parser.parse(pattern.pattern, pattern.flags)
    except (ImportError, AttributeError, re.error) as error:
        raise _Open from error
    return constants, ((list(tree), 0),)


def first_runs(pattern: re.Pattern[str]) -> Starts | None:
    """The words every match of ``pattern`` begins with, or None when they can't be listed."""
    try:
        constants, frames = _parsed(pattern)
        walker = _Walker(constants)
        walker.walk(frames, "", None, False)
    except (_Open, AttributeError, RecursionError):
        return None
    runs: dict[bytes, set[int]] = {}
    leads: set[str] = set()
    for lead, run, tail in walker.out:
        if run is None:
            leads.add(lead)
            continue
        # The longest whole word of the literal text the match begins with: a phrase such
        # as "in the words of" is found at "words", not at every "in".
        offset, word = 0, run
        at = len(run)
        for m in _TAIL_WORD.finditer(tail):
            if len(m.group(1)) > len(word):
                offset, word = at + m.start(1), m.group(1)
        projected = "".join(_project_char(ch) for ch in word)
        runs.setdefault(projected.encode("ascii"), set()).add(len(lead) + offset)
    plain = not leads and all(n == {0} for n in runs.values())
    return Starts({r: tuple(sorted(n)) for r, n in runs.items()}, tuple(sorted(leads)), plain)


# A whole ASCII word inside the literal text after a run: between a non-word character and
# another one (the end of the text does not count: the word may go on).
_TAIL_WORD = re.compile(r"(?<=[^0-9A-Za-z])([0-9A-Za-z]+)(?=[^0-9A-Za-z])")


_Frames = tuple[tuple[Sequence[Any], int], ...]


class _Walker:
    """Walks a parsed pattern from its start, collecting (lead, run) entries."""

    def __init__(self, c: Any) -> None:
        self.c = c
        self.out: set[tuple[str, str | None, str]] = set()
        """(lead, run, tail): the literal text after the run, when the path goes on with it."""

    def emit(self, lead: str, run: str | None, tail: str = "") -> None:
        self.out.add((lead, run, tail))
        if len(self.out) > _MAX_ENTRIES:
            raise _Open

    def tail(self, frames: _Frames, lead: str, run: str, text: str) -> None:
        """After a whole run: follow the literal text of this path (for a rarer anchor)."""
        c = self.c
        while len(text) < _MAX_TAIL:
            while frames and frames[0][1] >= len(frames[0][0]):
                frames = frames[1:]
            if not frames:
                break
            items, i = frames[0]
            rest: _Frames = ((items, i + 1), *frames[1:])
            op, av = items[i]
            if op is c.LITERAL:
                text += chr(av)
                frames = rest
            elif op is c.SUBPATTERN and not av[1] and not av[2]:
                frames = ((list(av[3]), 0), *rest)
            elif op is c.BRANCH:
                for alt in av[1]:
                    self.tail(((list(alt), 0), *rest), lead, run, text)
                return
            elif op is c.MAX_REPEAT and av[0] == 0 and av[1] == 1:
                self.tail(rest, lead, run, text)
                self.tail(((list(av[2]), 0), *rest), lead, run, text)
                return
            else:
                break
        self.emit(lead, run, text)

    def walk(self, frames: _Frames, lead: str, run: str | None, bounded: bool) -> None:
        c = self.c
        while frames and frames[0][1] >= len(frames[0][0]):
            frames = frames[1:]
        if not frames:
            # The pattern ends here: after a run the next character is not known.
            if run is None and lead:
                self.emit(lead, None)
                return
            raise _Open
        items, i = frames[0]
        rest: _Frames = ((items, i + 1), *frames[1:])
        op, av = items[i]
        if op is c.LITERAL:
            self.char(rest, lead, run, bounded, chr(av))
        elif op is c.IN:
            chars = _class_chars(c, av)
            if chars is not None:
                seen: set[str] = set()
                for ch in chars:
                    key = _project_char(ch) if _alnum(ch) else ch
                    if key not in seen:
                        seen.add(key)
                        self.char(rest, lead, run, bounded, ch)
            elif _class_no_alnum(c, av):
                self.stop(lead, run)
            else:
                self.open(lead, run)
        elif op is c.AT:
            if av in (c.AT_BOUNDARY, c.AT_BEGINNING, c.AT_BEGINNING_STRING) and run is None:
                self.walk(rest, lead, run, bounded or not lead)
            elif av in (c.AT_BOUNDARY, c.AT_END, c.AT_END_STRING) and run is not None:
                self.emit(lead, run)
            elif run is None:
                self.walk(rest, lead, run, bounded)
            else:
                raise _Open
        elif op is c.ASSERT or op is c.ASSERT_NOT:
            direction, sub = av
            if direction == 1 and run is not None:
                stops = _first_no_alnum(c, list(sub)) if op is c.ASSERT else _covers_alnum(c, sub)
                if stops:
                    self.emit(lead, run)
                    return
            elif direction == -1 and run is None and not lead:
                guards = _covers_alnum(c, sub) if op is c.ASSERT_NOT else _no_alnum_char(c, sub)
                bounded = bounded or guards
            self.walk(rest, lead, run, bounded)
        elif op is c.SUBPATTERN:
            _group, add_flags, _del, sub = av
            if add_flags & c.SRE_FLAG_IGNORECASE:
                raise _Open
            self.walk(((list(sub), 0), *rest), lead, run, bounded)
        elif op is getattr(c, "ATOMIC_GROUP", object()):
            self.walk(((list(av), 0), *rest), lead, run, bounded)
        elif op is c.BRANCH:
            for alt in av[1]:
                self.walk(((list(alt), 0), *rest), lead, run, bounded)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", object())):
            lo, hi, item = av
            item = list(item)
            if lo == 0:
                self.walk(rest, lead, run, bounded)
            if hi == 0:
                return
            if run is not None and _first_no_alnum(c, item):
                if hi == 1:
                    self.tail(((item, 0), *rest), lead, run, "")
                else:
                    self.emit(lead, run)
            elif run is None and lead and _first_no_alnum(c, item):
                self.emit(lead, None)
            elif hi <= _MAX_REPEAT:
                for n in range(max(lo, 1), hi + 1):
                    self.walk((*(((item, 0),) * n), *rest), lead, run, bounded)
            else:
                self.open(lead, run)
        else:
            self.open(lead, run)

    def char(self, rest: _Frames, lead: str, run: str | None, bounded: bool, ch: str) -> None:
        if run is not None:
            if _alnum(ch):
                self.walk(rest, lead, run + _project_char(ch), bounded)
            else:
                self.tail(rest, lead, run, ch)
        elif _alnum(ch):
            if not lead and not bounded:
                raise _Open  # the match may begin inside a word
            self.walk(rest, lead, _project_char(ch), bounded)
        else:
            self.walk(rest, lead + ch, None, bounded)

    def stop(self, lead: str, run: str | None) -> None:
        """The next character cannot be a letter or digit."""
        if run is not None or lead:
            self.emit(lead, run)
        else:
            raise _Open

    def open(self, lead: str, run: str | None) -> None:
        """The next character is not known: only a punctuation lead can still be named."""
        if run is None and lead:
            self.emit(lead, None)
        else:
            raise _Open


def _class_chars(c: Any, items: Sequence[Any]) -> list[str] | None:
    """The characters of a small positive class of literals and ranges, else None."""
    chars: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            chars.append(chr(av))
        elif op is c.RANGE:
            lo, hi = av
            if hi - lo > _MAX_CLASS:
                return None
            chars.extend(chr(x) for x in range(lo, hi + 1))
        else:
            return None
        if len(chars) > _MAX_CLASS:
            return None
    return chars


def _class_no_alnum(c: Any, items: Sequence[Any]) -> bool:
    """Can this class never match an ASCII letter or digit?"""
    ops = [op for op, _ in items]
    if c.NEGATE in ops:
        return any(
            op is c.CATEGORY and av in (c.CATEGORY_WORD, c.CATEGORY_UNI_WORD) for op, av in items
        )
    for op, av in items:
        if op is c.LITERAL:
            if _alnum(chr(av)):
                return False
        elif op is c.RANGE:
            lo, hi = av
            if any(_alnum(chr(x)) for x in range(max(lo, 0), min(hi, 127) + 1)):
                return False
        elif op is c.CATEGORY:
            if av not in (c.CATEGORY_SPACE, c.CATEGORY_NOT_WORD, c.CATEGORY_LINEBREAK):
                return False
        else:
            return False
    return True


def _first_no_alnum(c: Any, items: list[Any]) -> bool:
    """Does every match of ``items`` begin with a character that is not a letter or digit?"""
    for op, av in items:
        if op is c.AT or op is c.ASSERT or op is c.ASSERT_NOT:
            continue
        if op is c.LITERAL:
            return not _alnum(chr(av))
        if op is c.IN:
            return _class_no_alnum(c, av)
        if op is c.SUBPATTERN:
            return _first_no_alnum(c, list(av[3]))
        if op is c.BRANCH:
            return all(_first_no_alnum(c, list(alt)) for alt in av[1])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            return _first_no_alnum(c, list(av[2]))
        return False
    return False


def _covers_alnum(c: Any, sub: Sequence[Any]) -> bool:
    """Does this (negated) assertion hold for every letter or digit as its one character?"""
    items = list(sub)
    if len(items) != 1:
        return False
    op, av = items[0]
    if op is c.IN:
        return _class_has_word(c, av)
    if op is c.BRANCH:
        return any(
            len(alt) == 1 and list(alt)[0][0] is c.IN and _class_has_word(c, list(alt)[0][1])
            for alt in av[1]
        )
    return False


def _class_has_word(c: Any, items: Sequence[Any]) -> bool:
    ops = [op for op, _ in items]
    return c.NEGATE not in ops and any(
        op is c.CATEGORY and av in (c.CATEGORY_WORD, c.CATEGORY_UNI_WORD) for op, av in items
    )


def _no_alnum_char(c: Any, sub: Sequence[Any]) -> bool:
    """Is this lookbehind one character that cannot be a letter or digit?"""
    items = list(sub)
    return len(items) == 1 and items[0][0] is c.IN and _class_no_alnum(c, items[0][1])


@dataclass(frozen=True, slots=True)
class ScanPlan:
    """The start words of several patterns, merged into one lookup table."""

    starts: tuple[Starts | None, ...]
    """Per pattern, in the order given to ``plan``; None for one scanned as usual."""
    table: dict[bytes, tuple[int, ...]]
    """Every start word -> the patterns (indexes) it can begin without a lead."""
    led: frozenset[bytes]
    """Start words that can follow a lead ("(" of "(Picture:") in some pattern."""


def plan(patterns: Sequence[re.Pattern[str]]) -> ScanPlan:
    """Read the start words of each pattern (see ``first_runs``) into one table."""
    starts = tuple(first_runs(p) for p in patterns)
    kinds: dict[bytes, list[int]] = {}
    led: set[bytes] = set()
    for k, s in enumerate(starts):
        if s is None:
            continue
        for run, offsets in s.runs.items():
            kinds.setdefault(run, [])
            if offsets == (0,):
                kinds[run].append(k)
            else:
                led.add(run)
    return ScanPlan(
        starts,
        {w: tuple(ks) for w, ks in kinds.items()},
        frozenset(led),
    )


# --------------------------------------------------------------------------
# Per article
# --------------------------------------------------------------------------


class WordIndex:
    """Where the start words of a plan stand in one text (one pass, C-level string methods)."""

    __slots__ = ("text", "plan", "offsets", "led", "projected", "_marked")

    def __init__(self, text: str, scan_plan: ScanPlan) -> None:
        self.text = text
        self.plan = scan_plan
        table = scan_plan.table
        self.offsets: list[list[int]] = [[] for _ in scan_plan.starts]
        """Per plain pattern, the offsets of its start words, in text order."""
        self.led: list[tuple[int, bytes]] = []
        """(offset, word) of the start words that can follow a lead, in text order."""
        projected = text.encode("ascii", "replace").translate(_PROJECT)
        self.projected = projected
        self._marked: bytes | None = None
        offsets = self.offsets
        led = scan_plan.led
        # The projection holds letters, "0" and spaces, one byte per character of the text:
        # split at each space, the pieces are its words (and empty strings between
        # spaces), and their lengths give each word's offset.
        pos = 0
        for word in projected.split(b" "):
            if not word:
                pos += 1
                continue
            kinds = table.get(word)
            if kinds is not None:
                for k in kinds:
                    offsets[k].append(pos)
                if word in led:
                    self.led.append((pos, word))
            pos += len(word) + 1

    def capital_starts(self) -> list[int]:
        """Offsets of the words that begin with a capital A-Z, in text order.

        Words of the projection (ASCII letters and digits), so the list also holds a
        capital after a non-ASCII letter or "_": a superset of the places where a pattern
        that starts at a capital with no word character before it can match.
        """
        # The capital stands at i + 1 of the padded text: at i of the text.
        return find_all(self._capitals_marked(), b" A")

    def capitals_after_letters(self) -> list[int]:
        """Offsets of the capitals A-Z that directly follow an ASCII letter or digit."""
        return find_all(self._capitals_marked(), b"aA")

    def _capitals_marked(self) -> bytes:
        """The projection with capitals as "A", other letters and digits as "a", after a space."""
        if self._marked is None:
            self._marked = b" " + self.projected.translate(_CAPITAL_MARK)
        return self._marked

    def starts(self, k: int) -> list[int] | None:
        """Sorted offsets where a match of pattern ``k`` may begin (None: scan it all)."""
        starts = self.plan.starts[k]
        if starts is None:
            return None
        if starts.plain:
            return self.offsets[k]
        text = self.text
        runs = starts.runs
        out = list(self.offsets[k])
        for pos, word in self.led:
            offsets = runs.get(word)
            if offsets is not None and offsets != (0,):
                out.extend(pos - n for n in offsets if n <= pos)
        for lead in starts.leads:
            i = text.find(lead)
            while i >= 0:
                out.append(i)
                i = text.find(lead, i + 1)
        return sorted(set(out))


def find_all(data: bytes, needle: bytes) -> list[int]:
    """Offsets of every occurrence of ``needle`` in ``data``, overlapping ones included."""
    if _overlaps_itself(needle):
        out: list[int] = []
        find = data.find
        i = find(needle)
        while i >= 0:
            out.append(i)
            i = find(needle, i + 1)
        return out
    return _split_offsets(data.split(needle), len(needle))


def char_offsets(text: str, needles: Sequence[str]) -> list[int]:
    """Sorted offsets where any of ``needles`` occurs (overlapping occurrences included).

    One C-level ``str.find`` pass per needle: far quicker than a regex that opens with
    a character class, which tests the class at every character.
    """
    out: list[int] = []
    for needle in needles:
        find = text.find
        i = find(needle)
        while i >= 0:
            out.append(i)
            i = find(needle, i + 1)
    out.sort()
    return out


def _overlaps_itself(needle: bytes) -> bool:
    """Can two occurrences of ``needle`` overlap (two apostrophes in three)? Then
    ``split`` would miss some."""
    return any(needle[:k] == needle[-k:] for k in range(1, len(needle)))


def _split_offsets(pieces: list[bytes], needle_length: int) -> list[int]:
    """Where the needle stands, from the lengths of the pieces that splitting at it gave.

    One ``split`` finds every occurrence that cannot overlap another; a ``find`` per
    occurrence parses its arguments each time, which costs more than the pieces.
    """
    out: list[int] = []
    pos = 0
    for k in range(len(pieces) - 1):
        pos += len(pieces[k])
        out.append(pos)
        pos += needle_length
    return out


def within(begins: Sequence[int], a: int, b: int) -> bool:
    """Does any offset of ``begins`` (sorted) lie in ``[a, b)``?"""
    i = bisect_left(begins, a)
    return i < len(begins) and begins[i] < b


def matches(
    pattern: re.Pattern[str],
    text: str,
    begins: Sequence[int] | None,
    pos: int = 0,
    endpos: int | None = None,
) -> list[re.Match[str]]:
    """``pattern.finditer(text, pos, endpos)``, trying only the offsets in ``begins``.

    ``begins`` holds, sorted, every offset where a match may begin (``WordIndex.starts``);
    None means anywhere, and the text is scanned as usual.
    """
    if endpos is None:
        endpos = len(text)
    if begins is None:
        return list(pattern.finditer(text, pos, endpos))
    lo = bisect_left(begins, pos)
    hi = bisect_left(begins, endpos, lo)
    out: list[re.Match[str]] = []
    last = pos
    match = pattern.match
    for k in range(lo, hi):
        p = begins[k]
        if p < last:
            continue
        m = match(text, p, endpos)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


# --------------------------------------------------------------------------
# Gap-led patterns: blanks and commas, then a literal head
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GapLed:
    """How every match of a pattern begins: blanks and commas, then one of ``heads``.

    A head that is a word ("amid", "according") always has a blank or comma before it
    in the match; a punctuation head (";", "—") may open the match itself.
    """

    heads: tuple[str, ...]
    by_first: dict[int, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    """The heads by the code point of their first character."""

    def __post_init__(self) -> None:
        by_first: dict[int, list[str]] = {}
        for head in self.heads:
            by_first.setdefault(ord(head[0]), []).append(head)
        object.__setattr__(self, "by_first", {k: tuple(v) for k, v in by_first.items()})


# The most head strings a pattern may expand to before it is scanned instead.
_MAX_HEADS = 200


def gap_led(pattern: re.Pattern[str]) -> GapLed | None:
    """The heads of a pattern whose matches all open with blanks and commas, or None.

    ``", but he "``, ``" amid "`` and ``"; "`` are such matches: one C-level pass can
    find the heads, and the pattern is tried only in the blanks before each
    (``gap_led_matches``), not at every blank of the text.
    """
    heads: set[str] = set()
    try:
        constants, frames = _parsed(pattern)
        _collect_heads(constants, frames, False, heads)
    except (_Open, AttributeError, RecursionError):
        return None
    return GapLed(tuple(sorted(heads)))


_COMMA: Final = ord(",")


def _gap_char(ch: str) -> bool:
    """A blank or a comma (the blanks of ``char_kind``, re's \\s)."""
    return ch == "," or ch.isspace()


def _gap_item(c: Any, op: Any, av: Any) -> tuple[bool, bool]:
    """(only blanks and commas, at least one character) for one parsed item."""
    if op is c.LITERAL:
        return _gap_char(chr(av)), True
    if op is c.IN:
        only = all(
            (o is c.LITERAL and _gap_char(chr(a))) or (o is c.CATEGORY and a is c.CATEGORY_SPACE)
            for o, a in av
        )
        return only, True
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and len(av[2]) == 1:
        ((inner_op, inner_av),) = list(av[2])
        only, _ = _gap_item(c, inner_op, inner_av)
        return only, av[0] >= 1
    return False, False


def _collect_heads(c: Any, frames: _Frames, gapped: bool, heads: set[str]) -> None:
    """Skip the opening blanks and commas of each path, then read its literal head."""
    while frames and frames[0][1] >= len(frames[0][0]):
        frames = frames[1:]
    if not frames:
        raise _Open  # a match of blanks and commas only
    items, i = frames[0]
    rest: _Frames = ((items, i + 1), *frames[1:])
    op, av = items[i]
    if op is c.SUBPATTERN and not av[1] and not av[2]:
        _collect_heads(c, ((list(av[3]), 0), *rest), gapped, heads)
        return
    if op is c.BRANCH:
        for alt in av[1]:
            _collect_heads(c, ((list(alt), 0), *rest), gapped, heads)
        return
    only, required = _gap_item(c, op, av)
    if only:
        _collect_heads(c, rest, gapped or required, heads)
        return
    for head in _literal_heads(c, frames, ""):
        if not head or _gap_char(head[0]) or (head[0].isalnum() and not gapped):
            raise _Open  # no head, or a word that may open the match in mid-text
        heads.add(head)
        if len(heads) > _MAX_HEADS:
            raise _Open


def _literal_heads(c: Any, frames: _Frames, text: str) -> list[str]:
    """The literal texts each path from ``frames`` begins with (up to its first class)."""
    while frames and frames[0][1] >= len(frames[0][0]):
        frames = frames[1:]
    if not frames:
        return [text]
    items, i = frames[0]
    rest: _Frames = ((items, i + 1), *frames[1:])
    op, av = items[i]
    if op is c.LITERAL:
        return _literal_heads(c, rest, text + chr(av))
    if op is c.SUBPATTERN and not av[1] and not av[2]:
        return _literal_heads(c, ((list(av[3]), 0), *rest), text)
    if op is c.BRANCH:
        out: list[str] = []
        for alt in av[1]:
            out.extend(_literal_heads(c, ((list(alt), 0), *rest), text))
            if len(out) > _MAX_HEADS:
                raise _Open
        return out
    return [text]


def gap_led_matches(
    pattern: re.Pattern[str], gap: GapLed, text: str, pos: int, endpos: int
) -> list[re.Match[str]]:
    """``pattern.finditer(text, pos, endpos)`` for a pattern read by ``gap_led``.

    Walks the text once; where a head stands after a blank or comma (or is
    punctuation), tries the pattern at each blank or comma before it and at the head.
    """
    by_first = gap.by_first
    out: list[re.Match[str]] = []
    last = pos
    match = pattern.match
    run = pos  # start of the current stretch of blanks and commas
    after_gap = False
    k = pos
    while k < endpos:
        code = ord(text[k])
        kind = char_kind(code)
        if kind == SPACE or code == _COMMA:
            if not after_gap:
                run = k
                after_gap = True
            k += 1
            continue
        heads = by_first.get(code) if after_gap or kind != ALNUM else None
        if heads is not None and k >= last and text.startswith(heads, k):
            for q in range(max(run if after_gap else k, last), k + 1):
                m = match(text, q, endpos)
                if m is not None:
                    out.append(m)
                    last = m.end()
                    break
        after_gap = False
        k += 1
    return out
