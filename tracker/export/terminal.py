"""Untrusted text made safe to show on a terminal.

Article text may carry terminal escape sequences or other control
characters; written to a terminal they would move the cursor, recolour or
clear the screen. ``visible`` replaces each control character with its
Unicode "control picture" (ESC shows as ␛), so the text is shown, not obeyed.
Pure: str in, str out.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and the C1 range (which some terminals obey).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # U+2400 CONTROL PICTURES block: ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\\x{code:02x}"


def visible(text: str) -> str:
    """``text`` with every control character (but tab and newline) shown as a visible sign."""
    return _CONTROL.sub(_picture, text)
