"""Find the meeting link and a phone number inside an invitation's long, noisy text.

Zoom and Teams invitation bodies hold many links (downloads, help pages, meeting options) and
many phone numbers; this picks the one a person should click and the one they should call.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from companion.appointments.links import check_link
from companion.logs import one_line_per_cause

_URL = re.compile(r"https://[^\s<>\"'\]\[|]+", re.IGNORECASE)
_TRAILING_PUNCTUATION = ".,;:!?)>*"

# Paths that are the meeting itself, per platform; any other path on a platform is a help page,
# a download or meeting options, which a person must not be sent to.
_MEETING_PATHS: dict[str, re.Pattern[str]] = {
    "zoom": re.compile(r"^/(j|w|my|s|wc/join)/", re.IGNORECASE),
    "teams": re.compile(r"^/(l/meetup-join|meet)/", re.IGNORECASE),
    "meet": re.compile(r"^/[a-z]{3}-[a-z]{4}-[a-z]{3}\b", re.IGNORECASE),
    "webex": re.compile(r"^/(meet/|join/|[^/]+/j\.php|wbxmjs/joinservice|[^/]+/k2/j\.php)", re.I),
}
_NOT_A_MEETING = re.compile(r"^/(download|support|meetingoptions|privacy|help)\b", re.IGNORECASE)

# Phone numbers: a "+" and country code, or a North American number. One-tap extras
# (",,855123#") are left out: a person dials the number, then the meeting ID shown beside it.
_PHONE = re.compile(r"(\+\d[\d .()/-]{6,18}\d|\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b)")
_PHONE_HINTS = re.compile(
    r"dial|call|phone|t[ée]l[ée]phone|audio|one tap|appel|composer|tel:", re.IGNORECASE
)
_HINT_REACH = 3  # Zoom and Teams put the numbers on the lines after "Dial by your location"
# Lines a person needs when joining by phone (copied into the appointment's notes).
_DIAL_IN_DETAILS = re.compile(
    r"^\s*(meeting id|meeting number|passcode|password|phone conference id|conference id|"
    r"access code|"
    r"id de (la )?r[ée]union|code secret|mot de passe|code d.acc[èe]s)\b.{0,60}$",
    re.IGNORECASE,
)


def urls_in(text: str) -> list[str]:
    """Every https link written in `text`, without the punctuation that ends a sentence."""
    found = []
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(_TRAILING_PUNCTUATION)
        if url.lower() != "https://":
            found.append(url)
    return found


def choose_meeting_link(texts: Iterable[str], trusted_domains: Iterable[str] = ()) -> str | None:
    """The link a person should open: a safe meeting link first, else the first link seen.

    Returning an unsafe link on purpose lets the screen show why it was refused, instead of
    silently dropping the link a clinic sent.
    """
    trusted = tuple(trusted_domains)
    candidates: list[str] = []
    for text in texts:
        candidates.extend(urls_in(text))
    safe_meetings, safe_others = [], []
    with one_line_per_cause():  # a pasted text full of links must not flood the log
        verdicts = [(url, check_link(url, trusted)) for url in candidates]
    for url, verdict in verdicts:
        if not verdict.ok or verdict.url is None:
            continue
        path = "/" + verdict.url.split("/", 3)[3] if verdict.url.count("/") >= 3 else "/"
        pattern = _MEETING_PATHS.get(verdict.platform or "")
        if _NOT_A_MEETING.match(path) or path == "/":
            continue
        if pattern is None or pattern.match(path):
            safe_meetings.append(url)
        else:
            safe_others.append(url)
    if safe_meetings:
        return safe_meetings[0]
    if safe_others:
        return safe_others[0]
    return candidates[0] if candidates else None


def choose_phone(texts: Iterable[str]) -> str | None:
    """The first phone number written near words like "dial" or "call"."""
    for text in texts:
        reach = 0
        for line in text.splitlines():
            reach = _HINT_REACH if _PHONE_HINTS.search(line) else max(reach - 1, 0)
            match = _PHONE.search(line) if reach else None
            if match:
                return match.group(1).strip()
    return None


def dial_in_details(texts: Iterable[str]) -> list[str]:
    """Lines like "Meeting ID: 855 1234 5678" and "Passcode: 123456", each once, in order."""
    found: list[str] = []
    for text in texts:
        for line in text.splitlines():
            cleaned = " ".join(line.replace("*", "").split())
            if _DIAL_IN_DETAILS.match(cleaned) and cleaned not in found:
                found.append(cleaned)
    return found
