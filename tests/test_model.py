"""The parser's output types: frozen dataclasses whose quicker ``__init__`` (``_quick_init``)
must behave exactly as the one ``dataclasses`` writes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
from dataclasses import dataclass, field

import pytest

from tracker.model import (
    Claim,
    CueClass,
    Mode,
    ParsedArticle,
    Sentence,
    SentenceLabel,
    SourceType,
    Span,
    Stance,
    VerificationLink,
    _quick_init,
)

SPAN = Span(3, 8, "Malyar")


def _claim(**changes: object) -> Claim:
    values: dict[str, object] = {
        "source": SPAN,
        "source_entity": "Hanna Malyar",
        "source_type": SourceType.PERSON,
        "cue": Span(9, 13, "said"),
        "cue_class": CueClass.SPEECH,
        "content": (Span(14, 20, "it was"),),
        "mode": Mode.INDIRECT,
    }
    return Claim(**{**values, **changes})  # type: ignore[arg-type]


EXAMPLES = [
    SPAN,
    Sentence(SPAN, SentenceLabel.STATEMENT),
    _claim(),
    _claim(hedges=("reportedly",), speech_date=dt.date(2023, 2, 24), sentence_index=4),
    VerificationLink(SPAN, Stance.DISPUTED, "Ukraine", (0, 2)),
    ParsedArticle("text", None, False, None, (), (), ()),
]


@pytest.mark.parametrize("value", EXAMPLES, ids=lambda v: type(v).__name__)
def test_each_field_holds_what_was_given_and_stays_frozen(value: object) -> None:
    fields = dataclasses.fields(value)  # type: ignore[arg-type]
    by_position = type(value)(*(getattr(value, f.name) for f in fields))
    by_keyword = type(value)(**{f.name: getattr(value, f.name) for f in fields})
    assert by_position == by_keyword == value
    assert pickle.loads(pickle.dumps(value)) == value
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, fields[0].name, None)


def test_defaults_and_replace_work_as_for_any_dataclass() -> None:
    claim = _claim()
    assert (claim.hedges, claim.speech_date, claim.speech_date_text, claim.sentence_index) == (
        (),
        None,
        None,
        0,
    )
    later = dataclasses.replace(claim, sentence_index=7)
    assert later.sentence_index == 7 and later.source is claim.source
    with pytest.raises(TypeError):
        Span(1, 2)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Span(1, 2, "x", "y")  # type: ignore[call-arg]


def test_refuses_what_it_cannot_build() -> None:
    @dataclass(frozen=True, slots=True)
    class WithFactory:
        items: list[int] = field(default_factory=list)

    @dataclass(frozen=True, slots=True)
    class WithPostInit:
        n: int

        def __post_init__(self) -> None:
            pass

    for kind in (WithFactory, WithPostInit):
        with pytest.raises(TypeError):
            _quick_init(kind)
