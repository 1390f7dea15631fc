"""Decide whether a meeting link is safe to open, and say why not in words a person understands.

The check is strict on purpose: a person who gets a fake "your appointment" link should meet a
refusal that names where the link really goes. The app opens only `LinkCheck.url`, the link as
this module re-serialised it, so what was checked is exactly what the browser gets.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from urllib.parse import quote

from publicsuffixlist import PublicSuffixList  # type: ignore[import-untyped,unused-ignore]

from companion.appointments.link_privacy import link_for_log
from companion.i18n import _
from companion.logs import log_cause

_log = logging.getLogger(__name__)

MAX_LINK_LENGTH = 2000  # real Teams links are under 1000 characters; longer is a trick or junk

# Real platform domains: (platform id, shown name, whether the platform uses subdomains).
PLATFORM_DOMAINS: dict[str, tuple[str, str, bool]] = {
    "zoom.us": ("zoom", "Zoom", True),  # us02web.zoom.us, clinic.zoom.us
    "zoom.com": ("zoom", "Zoom", True),
    "teams.microsoft.com": ("teams", "Microsoft Teams", False),
    "teams.live.com": ("teams", "Microsoft Teams", False),
    "teams.cloud.microsoft": ("teams", "Microsoft Teams", False),
    "meet.google.com": ("meet", "Google Meet", False),
    "meet.jit.si": ("jitsi", "Jitsi", False),
    "8x8.vc": ("jitsi", "Jitsi", False),
    "webex.com": ("webex", "Webex", True),  # clinic.webex.com, clinic.my.webex.com
    "doxy.me": ("doxyme", "Doxy.me", False),
    "whereby.com": ("whereby", "Whereby", True),  # clinic.whereby.com
}

# Outlook's "Safe Links" wrapper hosts (nam12.safelinks.protection.outlook.com, and the US
# government cloud's). A wrapper can send the browser anywhere after the click, so Companion never
# opens one, even when a caregiver trusted outlook.com; the person is asked for the direct link.
SAFE_LINKS_DOMAINS: tuple[str, ...] = (
    "safelinks.protection.outlook.com",
    "safelinks.protection.office365.us",
)

# Words in a host name that show which platform a fake link pretends to be.
_PRETENDS_TO_BE: tuple[tuple[str, str], ...] = (
    ("zoom", "Zoom"),
    ("teams", "Microsoft Teams"),
    ("microsoft", "Microsoft Teams"),
    ("jitsi", "Jitsi"),
    ("jit", "Jitsi"),
    ("8x8", "Jitsi"),
    ("webex", "Webex"),
    ("doxy", "Doxy.me"),
    ("whereby", "Whereby"),
    ("google", "Google Meet"),
    ("meet", "Google Meet"),  # last: "meet" also appears in Jitsi and Webex names
)

# Letters from other alphabets that look like Latin ones (enough to name the platform faked).
_LOOKALIKE_LETTERS = str.maketrans(
    "аеорсухіѕјԁһкмтвпԛԝαεοικνρτυχΖΟΤΜΑΒΕΗΙΚΝΡΧΥ",
    "aeopcyxisjdhkmtbnqwaeoiknptuxzotmabehiknpxy",
)

_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
_HEX_OR_DIGITS = re.compile(r"^(?:[0-9]+|0x[0-9a-f]*)$")
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = _PATH_SAFE + "?"


@dataclass(frozen=True)
class LinkCheck:
    """The verdict on one link: `url` is the only thing ever opened, and only when `ok`.

    `problem` is a short fixed code for tests and logs (never shown): "" when ok.
    """

    ok: bool
    platform: str | None
    reason: str
    url: str | None
    problem: str = ""


def check_link(url: str, trusted_domains: Iterable[str] = ()) -> LinkCheck:
    """Check `url` against the known platforms and the caregiver's trusted domains."""
    verdict = _check(url, trusted_domains)
    if verdict.ok:
        accepted = f"Link accepted for {verdict.platform}"
        log_cause(_log, logging.INFO, accepted, "%s: %s", accepted, link_for_log(verdict.url or ""))
    else:
        shown = link_for_log(url) if isinstance(url, str) else "(not text)"
        refused = f"Link refused ({verdict.problem})"
        log_cause(_log, logging.INFO, refused, "%s: %s", refused, shown)
    return verdict


@cache
def _public_suffixes() -> PublicSuffixList:
    """The public suffix list shipped inside the package (never fetched), read on first use."""
    return PublicSuffixList()


def is_public_suffix(name: str) -> bool:
    """True for names under which anyone can get a site (co.uk, github.io, blogspot.com)."""
    return bool(_public_suffixes().is_public(name))


def normalise_trusted_domain(text: str) -> str | None:
    """The plain form of a domain the caregiver typed ("Meet.Clinic.ca." -> "meet.clinic.ca").

    Returns None when it cannot be trusted: not a name with at least two parts, an IP address,
    a look-alike, something with a scheme or path pasted in, or a public suffix (co.uk,
    github.io), which would trust every stranger's site under it.
    """
    name = text.strip().lower().removeprefix("*.").removeprefix(".").removesuffix(".")
    labels = name.split(".")
    if len(labels) < 2 or len(name) > 253 or not name.isascii():
        return None
    if not all(_LABEL.match(label) and not label.startswith("xn--") for label in labels):
        return None
    if _HEX_OR_DIGITS.match(labels[-1]) or is_public_suffix(name):
        return None
    return name


def _refuse(problem: str, reason: str) -> LinkCheck:
    return LinkCheck(ok=False, platform=None, reason=reason, url=None, problem=problem)


def _check(url: object, trusted_domains: Iterable[str]) -> LinkCheck:
    ask = _("Ask your clinic to check it.")
    if not isinstance(url, str) or not url:
        return _refuse("empty", _("There is no link to open."))
    if len(url) > MAX_LINK_LENGTH:
        return _refuse("too_long", _("This link is far too long to be a meeting link.") + " " + ask)
    if any(_is_hidden_or_odd(char) for char in url):
        return _refuse(
            "bad_characters",
            _("This link has hidden or unusual characters in it, so it is not safe to open.")
            + " "
            + ask,
        )
    scheme, separator, rest = url.partition("://")
    if not separator or scheme.lower() != "https":
        if scheme.lower() == "http" and separator:
            reason = _("This link is not a secure link (it does not start with https).")
        else:
            reason = _("This is not a web link to a video session.")
        return _refuse("not_https", reason + " " + ask)

    split_at = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    authority, tail = rest[:split_at], rest[split_at:]
    if "@" in authority:
        real_host = authority.rpartition("@")[2].partition(":")[0] or "?"
        return _refuse(
            "credentials",
            _("This link hides where it really goes. It goes to {host}.").format(
                host=_shown_host(real_host)
            )
            + " "
            + ask,
        )
    if authority.startswith("["):
        return _refuse("ip_address", _ip_reason(ask))
    host, colon, port = authority.partition(":")
    if colon and port not in ("", "443"):
        return _refuse(
            "port",
            _("This link uses an unusual door (port) on the internet, so it is not safe to open.")
            + " "
            + ask,
        )
    return _check_host(host, tail, trusted_domains, ask)


def _check_host(host: str, tail: str, trusted_domains: Iterable[str], ask: str) -> LinkCheck:
    if not host.isascii() or any(label.lower().startswith("xn--") for label in host.split(".")):
        return _refuse("lookalike", _lookalike_reason(host, ask))
    host = host.lower()
    if host.endswith(".") and not host.endswith(".."):
        host = host[:-1]
    labels = host.split(".")
    if not host or not all(_LABEL.match(label) for label in labels):
        return _refuse(
            "malformed",
            _("This link is not written correctly, so it cannot be opened.") + " " + ask,
        )
    if _HEX_OR_DIGITS.match(labels[-1]):
        return _refuse("ip_address", _ip_reason(ask))

    if any(_is_at_or_under(labels, d.split("."), True) for d in SAFE_LINKS_DOMAINS):
        return _refuse(
            "outlook_safe_links",
            _(
                "Outlook has wrapped this link in one of its own, so Companion cannot see "
                "where it really goes."
            )
            + " "
            + _("Ask your clinic to send you the direct link to your session."),
        )
    platform = _platform_for(labels, trusted_domains)
    if platform is None:
        return _refuse("unknown_host", _unknown_host_reason(host, ask))
    platform_id, shown_name = platform
    safe_url = "https://" + host + _reserialise_tail(tail)
    return LinkCheck(
        ok=True,
        platform=platform_id,
        reason=_("This link goes to {platform}.").format(platform=shown_name),
        url=safe_url,
    )


def _platform_for(labels: list[str], trusted_domains: Iterable[str]) -> tuple[str, str] | None:
    """(platform id, shown name) when the host is a real platform's or a trusted domain."""
    for domain, (platform_id, shown_name, allows_subdomains) in PLATFORM_DOMAINS.items():
        if _is_at_or_under(labels, domain.split("."), allows_subdomains):
            return platform_id, shown_name
    for typed in trusted_domains:
        trusted = normalise_trusted_domain(typed)
        if trusted and _is_at_or_under(labels, trusted.split("."), allows_subdomains=True):
            return trusted, trusted
    return None


def _is_at_or_under(labels: list[str], domain: list[str], allows_subdomains: bool) -> bool:
    """True when the host labels equal `domain`, or end with all of its labels (subdomain)."""
    if labels == domain:
        return True
    return allows_subdomains and len(labels) > len(domain) and labels[-len(domain) :] == domain


def _is_hidden_or_odd(char: str) -> bool:
    """Backslashes, any kind of space, control and invisible formatting characters."""
    if char == "\\" or char.isspace():
        return True
    return unicodedata.category(char) in ("Cc", "Cf", "Co", "Cs", "Cn", "Zs", "Zl", "Zp")


def _reserialise_tail(tail: str) -> str:
    """Path and query, percent-encoded where a browser would, with the fragment dropped."""
    without_fragment = tail.partition("#")[0]
    path, question, query = without_fragment.partition("?")
    result = quote(path, safe=_PATH_SAFE)
    if question and query:
        result += "?" + quote(query, safe=_QUERY_SAFE)
    return result


def _shown_host(host: str) -> str:
    """The part of a host name that says who owns it ("zoom.us.evil.com" -> "evil.com")."""
    labels = host.lower().strip(".").split(".")
    keep = 2
    if len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3:
        keep = 3  # evil.co.uk, clinic.gc.ca
    return ".".join(labels[-keep:])


def _pretends_to_be(host: str) -> str | None:
    skeleton = unicodedata.normalize("NFKD", host.lower()).translate(_LOOKALIKE_LETTERS)
    for word, shown_name in _PRETENDS_TO_BE:
        if word in skeleton:
            return shown_name
    return None


def _unknown_host_reason(host: str, ask: str) -> str:
    shown = _shown_host(host)
    pretended = _pretends_to_be(host)
    if pretended:
        return (
            _("This link does not go to {platform}. It goes to {host}.").format(
                platform=pretended, host=shown
            )
            + " "
            + ask
        )
    return (
        _("This link does not go to a video service Companion knows. It goes to {host}.").format(
            host=shown
        )
        + " "
        + _("Ask your clinic to check it, or ask your helper to add it as trusted.")
    )


def _lookalike_reason(host: str, ask: str) -> str:
    pretended = _pretends_to_be(host)
    if pretended:
        return (
            _(
                "This link pretends to go to {platform}, but some letters in it only look "
                "like ordinary letters. It may be a fake."
            ).format(platform=pretended)
            + " "
            + ask
        )
    return (
        _("This link uses letters that only look like ordinary letters. It may be a fake.")
        + " "
        + ask
    )


def _ip_reason(ask: str) -> str:
    return (
        _("This link goes to a bare number address, not to a video service. It may be a fake.")
        + " "
        + ask
    )
