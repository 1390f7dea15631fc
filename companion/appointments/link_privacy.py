"""Keep meeting passcodes and room names out of logs: what of a link may be written down."""

from __future__ import annotations

import re

from companion.logs import SECRET_PARAMETERS, redact_secret_parameters

__all__ = ["SECRET_PARAMETERS", "link_for_log", "redact_passcodes"]

_HOST = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://([^/?#\\@\s]*@)?([^/?#\\:\s]*)")


def redact_passcodes(text: str) -> str:
    """`text` with the value of every passcode-like parameter (pwd=, p=, jwt=...) replaced."""
    return redact_secret_parameters(text)


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
