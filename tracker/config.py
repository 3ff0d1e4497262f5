"""Settings: flags and TRACKER_* variables resolved once into a frozen ``Settings``.

Owns every read of the environment. Nothing else in the package reads
``os.environ``; front ends call ``load_settings`` and pass the result down.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping
from dataclasses import dataclass

from tracker.errors import ConfigError

DEFAULT_DB = "tracker.db"
#: Largest article accepted by default, in bytes (raise with --max-bytes / TRACKER_MAX_BYTES).
DEFAULT_MAX_ARTICLE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    db: str
    """A file path or an SQLAlchemy URL."""
    reviewer: str
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
    """Articles larger than this are refused with a clear error."""
    workers: int = 0
    """Parser processes for ingest; 0 picks from the CPU count."""


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises when no name can be found at all
        return "unknown"


def _whole_number(variable: str, value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ConfigError(f"{variable} must be a whole number, not {value!r}") from None


def load_settings(
    db: str | None = None,
    reviewer: str | None = None,
    max_article_bytes: int | None = None,
    workers: int | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Resolve flags, then TRACKER_* variables, then defaults."""
    env = os.environ if environ is None else environ
    max_bytes = max_article_bytes
    if max_bytes is None and env.get("TRACKER_MAX_BYTES"):
        max_bytes = _whole_number("TRACKER_MAX_BYTES", env["TRACKER_MAX_BYTES"])
    if max_bytes is not None and max_bytes <= 0:
        raise ConfigError("the article size limit must be a positive number of bytes")
    n_workers = workers
    if n_workers is None:
        n_workers = _whole_number("TRACKER_WORKERS", env.get("TRACKER_WORKERS") or "0")
    return Settings(
        db=db or env.get("TRACKER_DB") or DEFAULT_DB,
        reviewer=reviewer or env.get("TRACKER_REVIEWER") or _login_name(),
        max_article_bytes=max_bytes if max_bytes is not None else DEFAULT_MAX_ARTICLE_BYTES,
        workers=max(0, n_workers),
    )
