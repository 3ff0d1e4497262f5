"""Finding and reading article files: paths in, decoded text (or one-line reasons) out.

Owns the rules for what counts as an article file (``*.txt`` in folders,
any file named explicitly, ``-`` for stdin), how bytes are decoded (BOMs,
UTF-8, a Windows-1252 fallback) and what is refused (binary data, HTML
pages, empty files, files over the size limit). Never parses and never
touches the database.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tracker.errors import InputError

STDIN = "-"
ARTICLE_SUFFIX = ".txt"

# Longest BOMs first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTML_STARTS = (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")
#: Share of control characters (other than tab, CR, LF, FF, ESC) above which text is binary.
_MAX_CONTROL_SHARE = 0.01
_BINARY_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


@dataclass(frozen=True, slots=True)
class InputRef:
    """One article to read: a file path, or stdin."""

    name: str
    """As shown to the user: the path as found, or ``-``."""
    path: Path | None
    """None for stdin."""


@dataclass(frozen=True, slots=True)
class ArticleText:
    ref: InputRef
    text: str
    encoding: str


def find_inputs(paths: list[str]) -> tuple[list[InputRef], list[InputError]]:
    """Expand command-line paths: files as given, folders recursively (``*.txt``), ``-``.

    Symlinked folders are not followed (a link loop cannot trap the walk);
    symlinked files are read. Paths that do not exist are reported, not raised.
    """
    refs: list[InputRef] = []
    errors: list[InputError] = []
    seen: set[str] = set()

    def add(ref: InputRef) -> None:
        key = ref.name if ref.path is None else os.path.normpath(str(ref.path))
        if key not in seen:
            seen.add(key)
            refs.append(ref)

    for raw in paths:
        if raw == STDIN:
            add(InputRef(STDIN, None))
            continue
        path = Path(raw)
        if path.is_dir():
            found = _walk_folder(path, errors)
            if not found:
                errors.append(InputError(raw, f"folder holds no {ARTICLE_SUFFIX} files"))
            for f in found:
                add(InputRef(str(f), f))
        elif path.exists() or path.is_symlink():
            add(InputRef(raw, path))
        else:
            errors.append(InputError(raw, "no such file or folder"))
    return refs, errors


def _walk_folder(folder: Path, errors: list[InputError]) -> list[Path]:
    found: list[Path] = []

    def on_error(exc: OSError) -> None:
        errors.append(InputError(exc.filename or str(folder), _os_reason(exc)))

    for root, dirs, files in os.walk(folder, onerror=on_error, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(ARTICLE_SUFFIX) and not name.startswith("."):
                found.append(Path(root) / name)
    return found


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "file vanished before it could be read"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    return exc.strerror or str(exc)


def _read_limited(
    stream: BinaryIO, name: str, max_bytes: int, expected: int | None = None
) -> bytes:
    """At most ``max_bytes`` of ``stream``, or ``InputError`` when it holds more.

    ``expected`` (a file's size) sizes the first read: asking for the whole limit
    would allocate it (20 MB by default) for every article.
    """
    if expected is None or expected >= max_bytes:
        data = stream.read(max_bytes + 1)
    else:
        data = stream.read(expected + 1)
        if len(data) > expected:  # the file grew since its size was read: read on
            data += stream.read(max_bytes + 1 - len(data))
    if len(data) > max_bytes:
        raise InputError(
            name, f"larger than the {_human(max_bytes)} article limit (raise it with --max-bytes)"
        )
    return data


def _human(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):g} MB"
    if n >= 1024:
        return f"{n / 1024:g} KB"
    return f"{n} bytes"


def read_bytes(ref: InputRef, max_bytes: int, stdin: BinaryIO | None = None) -> bytes:
    """The raw bytes of one input, refusing anything over ``max_bytes``."""
    if ref.path is None:
        return _read_limited(stdin or sys.stdin.buffer, ref.name, max_bytes)
    try:
        status = ref.path.stat()
        mode = status.st_mode
        if stat.S_ISDIR(mode):
            raise InputError(ref.name, "is a folder, not a file")
        if not stat.S_ISREG(mode):
            # a FIFO or device would block or never end: only plain files are articles
            raise InputError(ref.name, "not a regular file (pipe, socket or device)")
        with ref.path.open("rb") as f:
            return _read_limited(f, ref.name, max_bytes, status.st_size)
    except OSError as exc:
        raise InputError(ref.name, _os_reason(exc)) from None


def decode_article(data: bytes, name: str) -> tuple[str, str]:
    """Decode article bytes; returns ``(text, encoding used)`` or raises ``InputError``.

    A BOM decides the encoding; otherwise strict UTF-8, then Windows-1252 for
    legacy files. Line ends are kept exactly as written.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    name, f"invalid {encoding} after its byte-order mark (byte {exc.start})"
                ) from None
            return _checked(text, name), encoding  # the codec drops the BOM itself
    if b"\x00" in data:
        raise InputError(name, f"binary data, not text (NUL byte at offset {data.index(0)})")
    head = data[:512].lstrip().lower()
    if any(head.startswith(tag) for tag in _HTML_STARTS):
        raise InputError(name, "an HTML page, not article text (save the article as plain text)")
    try:
        return _checked(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(name, f"not valid UTF-8 (byte {first_bad}) nor Windows-1252") from None
    return _checked(text, name), "cp1252"


def _checked(text: str, name: str) -> str:
    if not text:
        raise InputError(name, "empty file")
    if not text.strip():
        raise InputError(name, "holds only whitespace, no text")
    if "\x00" in text:
        raise InputError(name, "binary data, not text (NUL character)")
    sample = text[:65536]
    if len(_BINARY_CONTROLS.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise InputError(name, "binary data, not text (too many control characters)")
    return text


def read_article(ref: InputRef, max_bytes: int, stdin: BinaryIO | None = None) -> ArticleText:
    """Read and decode one input."""
    data = read_bytes(ref, max_bytes, stdin)
    text, encoding = decode_article(data, ref.name)
    return ArticleText(ref, text, encoding)


def iter_articles(
    refs: list[InputRef], max_bytes: int, stdin: BinaryIO | None = None
) -> Iterator[ArticleText | InputError]:
    """Each input read and decoded, or the error that stopped it, in order."""
    for ref in refs:
        try:
            yield read_article(ref, max_bytes, stdin)
        except InputError as exc:
            yield exc
