"""Binary search over sorted lists of offsets.

The standard library's ``bisect`` functions, written out for lists of ints: compiled
with the parser (setup.py), a call costs a fraction of calling the C ones through
Python's call protocol, and the rules ask where an offset falls many times per
sentence. Same results (tests/parse/test_ordered.py).
"""

from __future__ import annotations


def bisect_left(a: list[int], x: int, lo: int = 0) -> int:
    """Index of the first item of ``a[lo:]`` that is not less than ``x`` (len when none)."""
    hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def bisect_right(a: list[int], x: int, lo: int = 0) -> int:
    """Index of the first item of ``a[lo:]`` that is greater than ``x`` (len when none)."""
    hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo
