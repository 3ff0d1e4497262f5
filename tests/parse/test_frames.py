"""Attribution frames of English news writing, one table per pattern of issue 3.

Every example is written for this project; each row names the pattern it pins.
Rows with an empty expectation must yield no claim at all.
"""

from __future__ import annotations

import pytest

from tests.parse.helpers import frames, parse

Frame = tuple[str | None, str, tuple[str, ...]]


def check(text: str, expected: list[Frame]) -> None:
    assert frames(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The mayor said that the bridge would reopen in May.",
            [("The mayor", "said", ("the bridge would reopen in May",))],
            id="source-cue-that-content",
        ),
        pytest.param(
            "The mayor said the bridge would reopen in May.",
            [("The mayor", "said", ("the bridge would reopen in May",))],
            id="source-cue-content-without-that",
        ),
        pytest.param(
            "Harbour officials have warned that the storm could close the port.",
            [("Harbour officials", "have warned", ("the storm could close the port",))],
            id="auxiliary-belongs-to-the-cue",
        ),
        pytest.param(
            "The council last week claimed it would cut fares.",
            [("The council", "claimed", ("it would cut fares",))],
            id="time-between-source-and-cue",
        ),
        pytest.param(
            "Ms Okafor also told the committee that the figures were wrong.",
            [("Ms Okafor", "told", ("the figures were wrong",))],
            id="addressee-before-that",
        ),
        pytest.param(
            "Anna Berg told Pavel Novak the deal was “finished” as the pair left the hall.",
            [("Anna Berg", "told", ("the deal was “finished”",))],
            id="addressee-then-content-then-setting",
        ),
        pytest.param(
            "The agency said the river had risen, which flooded two farms in 2019.",
            [("The agency", "said", ("the river had risen",))],
            id="background-relative-clause-left-out",
        ),
        pytest.param(
            "The union said pay had fallen amid growing evidence that prices were rising.",
            [("The union", "said", ("pay had fallen",))],
            id="outlet-context-left-out",
        ),
        pytest.param(
            "Governor Hugo Rossi accused the builders of cutting corners.",
            [("Governor Hugo Rossi", "accused", ("the builders of cutting corners",))],
            id="accused-x-of-y",
        ),
    ],
)
def test_source_cue_content(text: str, expected: list[Frame]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The ferry will stop running in winter, the operator said.",
            [("the operator", "said", ("The ferry will stop running in winter",))],
            id="content-comma-source-cue",
        ),
        pytest.param(
            "The ferry will stop running in winter, said Mr Weber.",
            [("Mr Weber", "said", ("The ferry will stop running in winter",))],
            id="content-comma-cue-source",
        ),
        pytest.param(
            "Prices rose for a third month, Statistics Office officials said on Tuesday.",
            [("Statistics Office officials", "said", ("Prices rose for a third month",))],
            id="postposed-with-time-tail",
        ),
        pytest.param(
            "The plan, the minister said, would cost less than expected.",
            [("the minister", "said", ("The plan", "would cost less than expected"))],
            id="medial-cue-splits-content",
        ),
    ],
)
def test_postposed(text: str, expected: list[Frame]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Exports fell sharply in March, according to the trade ministry.",
            [("the trade ministry", "according to", ("Exports fell sharply in March",))],
            id="according-to-after",
        ),
        pytest.param(
            "According to the trade ministry, exports fell sharply in March.",
            [("the trade ministry", "According to", ("exports fell sharply in March",))],
            id="according-to-before",
        ),
        pytest.param(
            "Over the year, according to the auditors, the deficit doubled.",
            [("the auditors", "according to", ("the deficit doubled",))],
            id="according-to-in-the-middle",
        ),
        pytest.param(
            "According to a statement issued by the club on Sunday, “The coach has resigned.”",
            [
                (
                    "a statement issued by the club",
                    "According to",
                    ("The coach has resigned.",),
                )
            ],
            id="according-to-document-with-quote",
        ),
    ],
)
def test_according_to(text: str, expected: list[Frame]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The coach said: “We played well. We deserved more.”",
            [("The coach", "said", ("We played well. We deserved more.",))],
            id="colon-curly-quote",
        ),
        pytest.param(
            'The coach said: "We played well."',
            [("The coach", "said", ("We played well.",))],
            id="colon-straight-quote",
        ),
        pytest.param(
            'The coach said: "We played well.”',
            [("The coach", "said", ("We played well.",))],
            id="colon-mixed-quote-marks",
        ),
        pytest.param(
            "In a statement, the hospital said: “Two patients are stable.”",
            [("the hospital", "said", ("Two patients are stable.",))],
            id="in-a-statement-source-said",
        ),
        pytest.param(
            "The ministry said in its weekly briefing that supplies were running low.",
            [("The ministry", "said", ("supplies were running low",))],
            id="channel-between-cue-and-that",
        ),
        pytest.param(
            "She wrote on Facebook: “The road is open again.”",
            [("She", "wrote", ("The road is open again.",))],
            id="channel-between-cue-and-colon",
        ),
    ],
)
def test_colon_and_channel(text: str, expected: list[Frame]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "“The water is safe,” the engineer said. “We tested it twice.”",
            [("the engineer", "said", ("The water is safe,", "We tested it twice."))],
            id="split-by-cue-across-sentences",
        ),
        pytest.param(
            "“The water is safe,” the engineer said, “and we tested it twice.”",
            [("the engineer", "said", ("The water is safe,", "and we tested it twice."))],
            id="split-by-cue-in-one-sentence",
        ),
        pytest.param(
            "“The water is safe. We tested it twice,” said Dr Silva.",
            [("Dr Silva", "said", ("The water is safe. We tested it twice,",))],
            id="quote-of-two-sentences-before-inverted-cue",
        ),
        pytest.param(
            "''We are ready,'' the captain said.",
            [("the captain", "said", ("We are ready,",))],
            id="two-apostrophe-quote-marks",
        ),
        pytest.param(
            "“Is the bridge safe?” Mr Quinn asked.",
            [("Mr Quinn", "asked", ("Is the bridge safe?",))],
            id="question-quote-then-cue",
        ),
    ],
)
def test_split_quotes(text: str, expected: list[Frame]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The chair said: “The first point is cost.\n"
            "“The second point is time.\n"
            "“The last point is trust.”",
            [
                (
                    "The chair",
                    "said",
                    (
                        "The first point is cost.",
                        "The second point is time.",
                        "The last point is trust.",
                    ),
                )
            ],
            id="three-paragraph-quote",
        ),
        pytest.param(
            "“We will rebuild,” the mayor said.\n\n“Every house will be checked.”",
            [("the mayor", "said", ("We will rebuild,", "Every house will be checked."))],
            id="cueless-quoted-paragraph-continues",
        ),
        pytest.param(
            "“We will rebuild,” the mayor said.\n\nThe council met later.\n\n“Not soon.”",
            [("the mayor", "said", ("We will rebuild,",))],
            id="quote-after-a-plain-paragraph-is-not-appended",
        ),
    ],
)
def test_multi_paragraph_quotes(text: str, expected: list[Frame]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        pytest.param("The judge added that the case was closed.", "added", id="added"),
        pytest.param("The judge warned that the case was closed.", "warned", id="warned"),
        pytest.param("The judge insisted that the case was closed.", "insisted", id="insisted"),
        pytest.param("The judge denied that the case was closed.", "denied", id="denied"),
        pytest.param("The judge confirmed that the case was closed.", "confirmed", id="confirmed"),
        pytest.param("The judge stressed that the case was closed.", "stressed", id="stressed"),
        pytest.param("The judge announced that the case was closed.", "announced", id="announced"),
        pytest.param("The judge tweeted that the case was closed.", "tweeted", id="tweeted"),
        pytest.param(
            "The judge underscored that the case was closed.", "underscored", id="underscored"
        ),
        pytest.param("The judge agreed that the case was closed.", "agreed", id="agreed-that"),
        pytest.param("The judge urged that the case be closed.", "urged", id="urged-that"),
    ],
)
def test_reporting_verbs_beyond_said(text: str, cue: str) -> None:
    (found,) = frames(text)
    assert found[0] == "The judge"
    assert found[1] == cue


@pytest.mark.parametrize(
    ("text", "expected", "cue_class"),
    [
        pytest.param(
            "Most economists believe rates will fall.",
            [("Most economists", "believe", ("rates will fall",))],
            "cognition",
            id="believe",
        ),
        pytest.param(
            "The farmers fear that the harvest is lost.",
            [("The farmers", "fear", ("the harvest is lost",))],
            "cognition",
            id="fear",
        ),
        pytest.param(
            "Ms Petrova hopes to win the seat.",
            [("Ms Petrova", "hopes", ("to win the seat",))],
            "cognition",
            id="hope-to",
        ),
        pytest.param(
            "A new survey shows that most drivers support the toll.",
            [("A new survey", "shows", ("most drivers support the toll",))],
            "evidence",
            id="survey-shows",
        ),
    ],
)
def test_cognition_and_evidence(text: str, expected: list[Frame], cue_class: str) -> None:
    check(text, expected)
    assert parse(text).claims[0].cue_class.value == cue_class


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The mayor said the roads were clear and pledged that the buses would run.",
            [
                ("The mayor", "said", ("the roads were clear",)),
                ("The mayor", "pledged", ("the buses would run",)),
            ],
            id="two-cues-share-a-source",
        ),
        pytest.param(
            "Residents have warned that the dam is weak, saying it leaked last year.",
            [
                ("Residents", "have warned", ("the dam is weak",)),
                ("Residents", "saying", ("it leaked last year",)),
            ],
            id="participle-cue-shares-the-source",
        ),
        pytest.param(
            "The club denied the reports, while critics believe the sale has begun.",
            [
                ("The club", "denied", ("the reports",)),
                ("critics", "believe", ("the sale has begun",)),
            ],
            id="while-clause-has-its-own-source",
        ),
    ],
)
def test_several_cues_in_a_sentence(text: str, expected: list[Frame]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The talks ended amid speculation that the plant will close.",
            [(None, "speculation", ("the plant will close",))],
            id="agentless-speculation-that",
        ),
        pytest.param(
            "The report leaked online, including claims that ten staff were fired.",
            [("The report", "claims", ("ten staff were fired",))],
            id="nominal-claims-that-with-a-document",
        ),
    ],
)
def test_nominal_cues(text: str, expected: list[Frame]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The governor has vowed to veto the bill.",
            [("The governor", "has vowed", ("to veto the bill",))],
            id="commissive-with-its-intention",
        ),
        pytest.param(
            "The harbour master appeared ready to close the port.",
            [(None, "appeared", ("The harbour master", "ready to close the port"))],
            id="outlet-reading-of-a-subject",
        ),
        pytest.param(
            "It seems likely that the ferry will run late.",
            [(None, "seems", ("likely that the ferry will run late",))],
            id="outlet-reading-without-subject",
        ),
        pytest.param(
            "The new bridge is expected to open in May.",
            [(None, "is expected", ("The new bridge", "to open in May"))],
            id="outlet-reading-in-the-passive",
        ),
        pytest.param(
            "Engineers expect the bridge to open in May.",
            [("Engineers", "expect", ("the bridge to open in May",))],
            id="active-expect-keeps-its-source",
        ),
        pytest.param(
            "Figures show the river rising for a third week.",
            [("Figures", "show", ("the river rising for a third week",))],
            id="evidence-cue-takes-no-addressee",
        ),
        pytest.param(
            "The data show that fares rose.",
            [("The data", "show", ("fares rose",))],
            id="mass-noun-agrees-with-either-number",
        ),
        pytest.param(
            "When the clerk pointed out that the mayor had not answered the letter, the "
            "mayor said the letter was late.",
            [
                ("the clerk", "pointed out", ("the mayor had not answered the letter",)),
                ("the mayor", "said", ("the letter was late",)),
            ],
            id="only-kept-claims-hide-others",
        ),
        pytest.param(
            "On Fridays, the warden says, the gate closes early.",
            [("the warden", "says", ("On Fridays", "the gate closes early"))],
            id="medial-frame-before-a-determiner-clause",
        ),
        pytest.param(
            "In an interview with the local paper, the mayor said the bridge would reopen.",
            [("the mayor", "said", ("the bridge would reopen",))],
            id="leading-adverbial-is-not-content",
        ),
        pytest.param(
            "In the long run, fares will rise, the mayor said.",
            [("the mayor", "said", ("In the long run, fares will rise",))],
            id="adverbial-then-clause-is-content",
        ),
        pytest.param(
            "Fares will rise next year, she and Mr Novak said.",
            [("she and Mr Novak", "said", ("Fares will rise next year",))],
            id="pronoun-joined-to-a-name",
        ),
    ],
)
def test_readings_and_intentions(text: str, expected: list[Frame]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The mayor opened the new bridge on Monday.", id="no-cue"),
        pytest.param("The mayor thanked the builders.", id="expressive-without-quote"),
        pytest.param("The club has offered to pay the fine.", id="commissive-without-that"),
        pytest.param("The team asked the fans to stay calm.", id="directive-without-that"),
        pytest.param("The plan seems.", id="reading-without-complement"),
        pytest.param("The players agreed and left the pitch.", id="agreed-without-content"),
        pytest.param("The reported leak caused alarm.", id="participle-adjective"),
        pytest.param("Her support for the plan is well known.", id="noun-after-possessive"),
        pytest.param("The new rules were announced yesterday.", id="agentless-passive"),
        pytest.param("He spoke to reporters for an hour.", id="speaking-without-content"),
        pytest.param("", id="empty-text"),
        pytest.param("“An open quote that never closes", id="unpaired-quote"),
    ],
)
def test_no_claim(text: str) -> None:
    assert frames(text) == []


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        pytest.param("The coach said: “We played well.”", "direct", id="direct"),
        pytest.param("The coach said the team played well.", "indirect", id="indirect"),
        pytest.param("The coach said the team played “very well”.", "mixed", id="mixed"),
        pytest.param(
            "The coach said that “the team played well”.", "direct", id="that-then-whole-quote"
        ),
    ],
)
def test_mode(text: str, mode: str) -> None:
    assert parse(text).claims[0].mode.value == mode
