"""Keep meeting passcodes and room names out of logs: what of a link may be written down."""

from __future__ import annotations

import re

# Query parameters that carry a meeting secret on the platforms we know (Zoom pwd, Webex p/tk,
# Jitsi/8x8 jwt) or look like one anywhere else.
SECRET_PARAMETERS: tuple[str, ...] = ("pwd", "p", "jwt", "tk", "passcode", "password", "token")

_SECRET_VALUE = re.compile(
    r"(?<![A-Za-z0-9_])(" + "|".join(SECRET_PARAMETERS) + r")=[^&#\s\"'<>]*",
    re.IGNORECASE,
)
_HOST = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://([^/?#\\@\s]*@)?([^/?#\\:\s]*)")


def redact_passcodes(text: str) -> str:
    """`text` with the value of every passcode-like parameter (pwd=, p=, jwt=...) replaced."""
    return _SECRET_VALUE.sub(lambda match: match.group(1) + "=…", text)


def link_for_log(url: str) -> str:
    """What a log may say about a link: its scheme and host, never its path, query or fragment.

    Paths hold meeting numbers and personal room names, queries hold passcodes.
    """
    match = _HOST.match(url)
    if not match:
        return "(not a web link)"
    scheme = url.split(":", 1)[0].lower()
    host = match.group(2).lower()
    has_more = len(url) > match.end()
    return redact_passcodes(f"{scheme}://{host}" + ("/…" if has_more else ""))
