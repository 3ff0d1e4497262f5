"""Errors the tool reports to its user, each with a message fit for one line.

Owns the exception hierarchy; front ends catch ``TrackerError`` and print its
message. Must not import anything but the standard library.
"""

from __future__ import annotations


class TrackerError(Exception):
    """An error with a message meant for the user, not a traceback."""


class InputError(TrackerError):
    """An input file that cannot be read or decoded as an article."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


class ConfigError(TrackerError):
    """A flag or TRACKER_* variable with a value that cannot be used."""


class StoreError(TrackerError):
    """The database could not be reached or refused an operation."""


class NotFoundError(TrackerError):
    """A claim, article or log entry that does not exist."""


class ValidationError(TrackerError):
    """A user action with arguments the domain refuses (e.g. a dispute without a note)."""


class ConflictError(TrackerError):
    """A decision made against a claim version that someone else already changed."""

    def __init__(
        self,
        claim_id: int,
        expected_version: int,
        current_version: int,
        changed_by: str | None,
        changed_at: str | None,
        current_status: str,
    ) -> None:
        who = changed_by or "someone"
        when = f" at {changed_at}" if changed_at else ""
        super().__init__(
            f"claim {claim_id} changed since version {expected_version}: "
            f"{who} set it to {current_status}{when} (now version {current_version})"
        )
        self.claim_id = claim_id
        self.expected_version = expected_version
        self.current_version = current_version
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.current_status = current_status
