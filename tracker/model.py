"""Shared vocabulary of the whole tool: enums and frozen dataclasses.

Owns the types that cross layer boundaries (parser output, store read models,
results of user actions). Must not import anything from the rest of the
package, nor SQLAlchemy, Textual or Rich: every layer imports this module.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple, TypeVar

_T = TypeVar("_T")


class SentenceLabel(StrEnum):
    """What a sentence is, in the sense of ../shared/gold/GUIDELINES.md."""

    ATTRIBUTED = "attributed"
    STATEMENT = "statement"
    HEADING = "heading"
    BOILERPLATE = "boilerplate"


class Mode(StrEnum):
    """How the content is reported: verbatim, paraphrased or both."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class CueClass(StrEnum):
    """The kind of reporting cue; the review queue defaults to speech."""

    SPEECH = "speech"
    COGNITION = "cognition"
    EVIDENCE = "evidence"


class SourceType(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    UNNAMED = "unnamed"
    DOCUMENT = "document"


class Stance(StrEnum):
    """How a verification remark judges the claims it points at."""

    UNVERIFIED = "unverified"
    CAUTION = "caution"
    DISPUTED = "disputed"
    SUPPORTED = "supported"


class Status(StrEnum):
    """Review status of a claim. ORPHANED is a filter value, not a verdict."""

    UNREVIEWED = "unreviewed"
    VERIFIED = "verified"
    DISPUTED = "disputed"
    UNVERIFIABLE = "unverifiable"
    ORPHANED = "orphaned"


#: Statuses a reviewer can set; ORPHANED is set only by re-parsing.
DECISION_STATUSES: frozenset[Status] = frozenset(
    {Status.UNREVIEWED, Status.VERIFIED, Status.DISPUTED, Status.UNVERIFIABLE}
)
#: Decisions that must carry a note saying why.
NOTE_REQUIRED: frozenset[Status] = frozenset({Status.DISPUTED, Status.UNVERIFIABLE})

UNSPECIFIED_SOURCE = "unspecified"
#: Joins the parts of a claim's content (quote parts, paragraphs) into one text.
CONTENT_SEPARATOR = " … "


# --------------------------------------------------------------------------
# Parser output
# --------------------------------------------------------------------------


def _quick_init(cls: type[_T]) -> type[_T]:
    """Give a frozen slots dataclass an ``__init__`` that stores each field through its
    slot's descriptor.

    The ``__init__`` that ``dataclasses`` writes for a frozen class calls
    ``object.__setattr__`` per field, which made building the parser's output (a few
    dozen spans, sentences and claims per article) about a twentieth of a parse. This one
    takes the same arguments and stores the same values; instances stay frozen. Only for
    plain fields: no ``default_factory``, ``InitVar``, keyword-only field or ``__post_init__``.
    """
    params: list[str] = []
    body: list[str] = []
    namespace: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.default_factory is not dataclasses.MISSING or not f.init or f.kw_only:
            raise TypeError(f"_quick_init cannot build {cls.__name__}.{f.name}")
        namespace[f"_set_{f.name}"] = getattr(cls, f.name).__set__
        if f.default is dataclasses.MISSING:
            params.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        body.append(f"    _set_{f.name}(self, {f.name})")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"_quick_init cannot run {cls.__name__}.__post_init__")
    exec(f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body), namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    cls.__init__ = init  # type: ignore[method-assign]
    return cls


@_quick_init
@dataclass(frozen=True, slots=True)
class Span:
    """A slice of the original article text."""

    start: int
    """Index of the first character (Python ``str`` index)."""
    end: int
    """Index one past the last character (end-exclusive)."""
    text: str
    """Exactly ``article_text[start:end]``."""


@_quick_init
@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    label: SentenceLabel


@_quick_init
@dataclass(frozen=True, slots=True)
class Claim:
    """One attribution: who (source), how (cue), what (content)."""

    source: Span | None
    """The source mention as written; None only for an agentless cue."""
    source_entity: str
    """Canonical name, resolved within the article ("Hanna Malyar")."""
    source_type: SourceType
    cue: Span | None
    cue_class: CueClass
    content: tuple[Span, ...]
    """One span per quoted paragraph or quote part; never empty."""
    mode: Mode
    hedges: tuple[str, ...] = ()
    speech_date: dt.date | None = None
    speech_date_text: str | None = None
    sentence_index: int = 0
    """Index into ``ParsedArticle.sentences`` of the sentence holding the cue."""


@_quick_init
@dataclass(frozen=True, slots=True)
class VerificationLink:
    """A sentence that judges earlier claims (could not verify, refuted, ...)."""

    sentence: Span
    stance: Stance
    by: str
    """Canonical name of the judging party ("The Standard")."""
    target_claims: tuple[int, ...]
    """Indexes into ``ParsedArticle.claims``."""


@_quick_init
@dataclass(frozen=True, slots=True)
class ParsedArticle:
    text: str
    published: dt.date | None
    """The publication date used to resolve relative dates."""
    published_in_text: bool
    """True when ``published`` came from the text itself (a ``date`` header)."""
    title: str | None
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]
    links: tuple[VerificationLink, ...]


# --------------------------------------------------------------------------
# Store read models and results of user actions
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ArticleRow:
    id: int
    sha256: str
    title: str | None
    outlet: str | None
    url: str | None
    path: str | None
    published: dt.date | None
    ingested_at: dt.datetime
    encoding: str


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """A stored claim, flattened for lists and exports."""

    id: int
    article_id: int
    ordinal: int
    status: Status
    version: int
    orphaned: bool
    source_id: int
    source_entity: str
    source_type: SourceType
    source: Span | None
    cue: Span | None
    cue_class: CueClass
    content: tuple[Span, ...]
    mode: Mode
    hedges: tuple[str, ...]
    speech_date: dt.date | None
    speech_date_text: str | None
    created_at: dt.datetime
    updated_at: dt.datetime

    @property
    def content_text(self) -> str:
        return CONTENT_SEPARATOR.join(span.text for span in self.content)


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Which claims a list shows; every field narrows, empty fields match all."""

    statuses: tuple[Status, ...] = ()
    """ORPHANED here selects orphaned claims (whatever their verdict)."""
    source: str | None = None
    """Part of the source's canonical name or of one of its aliases, any case."""
    article_id: int | None = None
    cue_classes: tuple[CueClass, ...] = ()
    hedged: bool = False
    """Only claims with at least one hedge."""
    has_remark: bool = False
    """Only claims that a verification remark in the text points at."""
    text: str | None = None
    """Words that must all occur in the content or the source name."""
    source_id: int | None = None
    """Exactly this source; ``source`` then only names it for display."""


@dataclass(frozen=True, slots=True)
class ReviewEntry:
    """One row of the append-only verification log."""

    id: int
    claim_id: int
    reviewer: str
    from_status: Status
    to_status: Status
    note: str
    evidence: tuple[str, ...]
    created_at: dt.datetime
    claim_version: int
    """The claim's version after this decision."""
    undoes: int | None
    """Id of the entry this one reverts, for undo entries."""
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class Remark:
    """A verification remark in the article, seen from a claim it judges."""

    sentence: Span
    stance: Stance
    by: str


@dataclass(frozen=True, slots=True)
class ClaimDetail:
    """Everything a reviewer needs to judge one claim."""

    claim: ClaimRow
    article: ArticleRow
    sentence: Span
    """The sentence holding the cue."""
    context: tuple[Sentence, ...]
    """The claim's sentence with the sentences around it, in article order."""
    remarks: tuple[Remark, ...]
    history: tuple[ReviewEntry, ...]
    """The claim's log entries, oldest first."""
    source_claims: int
    """How many stored claims the same source entity has, this one included."""
    source_aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MarkResult:
    claim: ClaimRow
    entry: ReviewEntry


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What happened to one input of ``tracker ingest``."""

    name: str
    """The file path as given, or ``-`` for stdin."""
    state: str
    """``ingested``, ``unchanged`` or ``failed``."""
    article_id: int | None = None
    claims: int = 0
    reason: str | None = None
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class IngestSummary:
    outcomes: tuple[IngestOutcome, ...] = field(default_factory=tuple)

    def count(self, state: str) -> int:
        return sum(1 for o in self.outcomes if o.state == state)

    @property
    def claims_added(self) -> int:
        return sum(o.claims for o in self.outcomes if o.state == "ingested")

    @property
    def failed(self) -> tuple[IngestOutcome, ...]:
        return tuple(o for o in self.outcomes if o.state == "failed")


#: The filter that matches every claim.
ALL_CLAIMS = ClaimFilter()


@dataclass(frozen=True, slots=True)
class ReparseOutcome:
    """What re-parsing one stored article did to its claims."""

    article_id: int
    carried: int
    """Reviewed claims found again: kept with their status, version and log."""
    orphaned: int
    """Reviewed claims the parser no longer finds: kept, marked orphaned."""
    replaced: int
    """Unreviewed claims dropped for the new parse."""
    added: int
    """Claims of the new parse that were not stored before."""


# --------------------------------------------------------------------------
# Browsing: what the review screen reads (pages, counts, articles, summary)
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimPage:
    """A run of claims in id order, read by keyset (never by offset)."""

    rows: tuple[ClaimRow, ...]
    more_before: bool
    """Claims matching the same filter exist with smaller ids."""
    more_after: bool
    """Claims matching the same filter exist with larger ids."""


@dataclass(frozen=True, slots=True)
class FilterCounts:
    """Counters for a filter: how many it shows, and progress over its scope."""

    shown: int
    """Claims the filter matches, statuses included."""
    total: int
    """Claims in the filter's scope: the same filter with any status."""
    reviewed: int
    """Of ``total``, the claims with a verdict (anything but unreviewed)."""


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One article whole: its text, labelled sentences, claims and remarks."""

    article: ArticleRow
    text: str
    sentences: tuple[Sentence, ...]
    claims: tuple[ClaimRow, ...]
    """The article's claims in text order."""
    remarks: tuple[Remark, ...]


@dataclass(frozen=True, slots=True)
class SourceTally:
    """One source's claims by review state."""

    source_id: int
    name: str
    source_type: SourceType
    verified: int
    disputed: int
    unverifiable: int
    open: int
    """Claims still unreviewed."""

    @property
    def total(self) -> int:
        return self.verified + self.disputed + self.unverifiable + self.open


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    """Counts by status and the sources with the most claims, for one filter scope."""

    by_status: tuple[tuple[Status, int], ...]
    """Every verdict status with its count, in ``Status`` order (orphaned excluded)."""
    orphaned: int
    sources: tuple[SourceTally, ...]
    """The sources with the most claims, most first."""
    source_count: int
    """How many distinct sources the scope holds."""


# --------------------------------------------------------------------------
# The verification log read whole: exports, ``tracker log``, chain checks
# --------------------------------------------------------------------------


class LogRow(NamedTuple):
    """One log entry with its claim, source and article, as plain values.

    Exports stream a million of these, so this is a flat tuple rather than
    nested dataclasses (building a ``ClaimRow`` and a ``ReviewEntry`` per entry
    costs more than reading the row), and it carries the claim's identity and
    verdict context, not its spans. Statuses, types and modes are the string
    values of their enums.
    """

    seq: int
    """Position in the chain, from 1."""
    entry_id: int
    reviewer: str
    from_status: str
    to_status: str
    note: str
    evidence: tuple[str, ...]
    created_at: dt.datetime
    """When the decision was made, timezone-aware UTC."""
    claim_version: int
    """The claim's version after this decision."""
    undoes: int | None
    prev_hash: str
    hash: str
    claim_id: int
    article_id: int
    status: str
    """The claim's current status (after every decision, not only this one)."""
    version: int
    """The claim's current version."""
    orphaned: bool
    source_id: int
    source_entity: str
    source_type: str
    cue_class: str
    content_text: str
    mode: str
    hedges: tuple[str, ...]
    speech_date: dt.date | None
    article_title: str | None
    article_path: str | None
    """Where the article was read from, as given to ``tracker ingest``."""
    article_url: str | None
    article_outlet: str | None
    article_published: dt.date | None


class LogLine(NamedTuple):
    """One log entry with the names a reader needs: the narrow row of CSV and ``tracker log``.

    Reading these skips the claim's spans, hashes and dates, which halves the
    cost per row against ``LogRow``.
    """

    seq: int
    entry_id: int
    reviewer: str
    from_status: str
    to_status: str
    note: str
    evidence: tuple[str, ...]
    created_at: dt.datetime
    """Timezone-aware UTC."""
    claim_id: int
    content_text: str
    source_entity: str
    article_title: str | None
    article_path: str | None


@dataclass(frozen=True, slots=True)
class LogWindow:
    """Which log entries a read covers; every field narrows, empty fields match all."""

    claim_id: int | None = None
    reviewer: str | None = None
    """Exact reviewer name."""
    since: dt.datetime | None = None
    """Entries made at or after this moment (timezone-aware)."""
    until: dt.datetime | None = None
    """Entries made before this moment (timezone-aware, exclusive)."""
    statuses: tuple[Status, ...] = ()
    """Per entry: its ``to_status``; per claim (latest verdicts): its latest entry's."""


@dataclass(frozen=True, slots=True)
class ChainBreak:
    """The first place where the stored log stops matching its hash chain."""

    seq: int
    """Chain position of the entry named (for a removed entry: where it was)."""
    entry_id: int | None
    """Id of the entry named; None when it was removed."""
    kind: str
    """``altered``, ``removed``, ``inserted`` or ``reordered``."""
    detail: str
    """One line saying what was found, naming the entry."""


@dataclass(frozen=True, slots=True)
class ChainReport:
    """The result of recomputing the whole chain (``tracker log verify``)."""

    entries: int
    """Entries read from the log."""
    head_entries: int
    """Entries the chain head records."""
    first_break: ChainBreak | None = None

    @property
    def intact(self) -> bool:
        return self.first_break is None


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What one ``tracker export`` wrote."""

    format: str
    written: int
    unit: str
    """What ``written`` counts: ``entries`` (csv, jsonl) or ``claims`` (markdown, claimreview)."""
    warnings: tuple[str, ...] = ()
    """Things the reader of the export should know (e.g. reviews without a url)."""
