"""Build hook: compile the parser (``tracker/parse``) to C with mypyc when it can.

Everything about the package is in ``pyproject.toml``; this file only adds the
compiled parser. The parser is pure, fully typed Python, and mypyc (part of mypy)
compiles it unchanged into a C extension that parses about 1.5 times as fast,
with the same results (``tests/parse/test_compiled.py`` checks that against the
installed build). The ``.py`` files ship too, so nothing is lost when the
extension is missing.

Pure Python is built instead:
- for an editable install (``pip install -e .``), where an extension built in
  place would shadow the ``.py`` files being edited;
- when ``TRACKER_PURE_PYTHON=1`` is set;
- when compiling fails (no C compiler, say): a warning says so, and the install
  goes on.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

COMPILED = ["tracker/parse"]


def _warn(message: str) -> None:
    print(f"tracker build: {message}; installing the pure-Python parser", file=sys.stderr)


class _OptionalBuildExt(build_ext):
    """Build every extension, or none: on a failure, the pure-Python modules stay in charge.

    mypyc's modules import one shared library, so a half-built set would not import.
    """

    def build_extensions(self) -> None:
        try:
            super().build_extensions()
        except Exception as error:  # compiler missing or failing: the .py files still work
            for ext in self.extensions:
                built = self.get_ext_fullpath(ext.name)
                if os.path.exists(built):
                    os.remove(built)
            _warn(f"compiling the parser failed ({error})")


def _compiled_parser() -> list[Any]:
    if os.environ.get("TRACKER_PURE_PYTHON", "") not in ("", "0"):
        return []
    if "editable_wheel" in sys.argv or "develop" in sys.argv:
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _warn("mypyc is not available")
        return []
    try:
        return list(mypycify(COMPILED, opt_level="3", group_name="tracker_parse"))
    except (Exception, SystemExit) as error:  # mypyc exits on a type error
        _warn(f"mypyc could not compile the parser ({error})")
        return []


setup(ext_modules=_compiled_parser(), cmdclass={"build_ext": _OptionalBuildExt})
