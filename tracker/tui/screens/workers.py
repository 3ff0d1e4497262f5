"""Reading through ops inside a thread worker: the result, or the failure, as a message.

Owns the one pattern every screen's read follows: call an ops function,
post a past-tense message with its result, or ``LoadFailed`` naming what
could not be read and why; a cancelled worker (replaced by a newer read)
posts nothing. Call only from inside a ``@work(thread=True)`` method.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.message import Message
from textual.message_pump import MessagePump
from textual.worker import get_current_worker

from tracker.errors import TrackerError
from tracker.tui.messages import LoadFailed

T = TypeVar("T")


def describe_error(exc: BaseException) -> str:
    """One line for the reviewer: our own errors as they are, others with their type."""
    if isinstance(exc, TrackerError):
        return str(exc)
    text = " ".join(str(exc).split())[:300]
    return f"database error: {type(exc).__name__}: {text}"


def post_read(
    target: MessagePump, read: Callable[[], T], loaded: Callable[[T], Message], what: str
) -> None:
    """Run ``read`` and post ``loaded(result)`` to ``target``, or ``LoadFailed``."""
    try:
        result = read()
    except Exception as exc:  # any failure of a read is shown, never raised
        target.post_message(LoadFailed(f"could not {what}: {describe_error(exc)}"))
        return
    if not get_current_worker().is_cancelled:
        target.post_message(loaded(result))
