"""tracker.parse.ordered: the standard library's bisect, for lists of ints."""

from __future__ import annotations

import bisect

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parse import ordered


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.integers(-5, 40), max_size=30).map(sorted), st.integers(-10, 50), st.integers(0, 35)
)
def test_same_as_the_standard_library(a: list[int], x: int, lo: int) -> None:
    lo = min(lo, len(a))
    assert ordered.bisect_left(a, x, lo) == bisect.bisect_left(a, x, lo)
    assert ordered.bisect_right(a, x, lo) == bisect.bisect_right(a, x, lo)
    assert ordered.bisect_left(a, x) == bisect.bisect_left(a, x)
    assert ordered.bisect_right(a, x) == bisect.bisect_right(a, x)
