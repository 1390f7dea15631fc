"""check_link: real platform links open; fakes and broken links are refused, with a reason."""

from __future__ import annotations

import logging

import pytest

from companion.appointments.link_privacy import link_for_log, redact_passcodes
from companion.appointments.links import check_link, normalise_trusted_domain

REAL_LINKS = [
    ("https://us02web.zoom.us/j/85512345678?pwd=aBcDeFgHiJkLmNoPqRsTuVwXyZ.1", "zoom"),
    ("https://zoom.us/j/5551234567", "zoom"),
    ("https://clinic-west.zoom.us/my/drlee", "zoom"),
    ("https://app.zoom.com/wc/join/85512345678", "zoom"),
    (
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjA0ZTk2ZGUtYmI3Ny00MzQ2LWE5ZjYt"
        "Y2ZmMjQ3ZjQ0NmY5%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd0"
        "11db47%22%2c%22Oid%22%3a%22a1b2c3d4-0000-4000-8000-000000000000%22%7d",
        "teams",
    ),
    ("https://teams.microsoft.com/meet/2345678901234?p=AbCdEfGhIjKlMn", "teams"),
    ("https://teams.live.com/meet/9312345678901?p=AbCdEfGhIjKl", "teams"),
    ("https://teams.cloud.microsoft/meet/2345678901234?p=XyZ123", "teams"),
    ("https://meet.google.com/abc-defg-hij", "meet"),
    ("https://meet.google.com/abc-defg-hij?authuser=0&hs=122", "meet"),
    ("https://meet.jit.si/DrLeeWeeklySession", "jitsi"),
    (
        "https://8x8.vc/vpaas-magic-cookie-1234abcd/SessionRoom?jwt=eyJhbGciOiJSUzI1NiJ9.e30.c2ln",
        "jitsi",
    ),
    ("https://clinic.webex.com/clinic/j.php?MTID=m1234567890abcdef1234567890abcdef", "webex"),
    ("https://clinic.my.webex.com/meet/drlee", "webex"),
    ("https://meet.webex.com/meet/pr1234567890", "webex"),
    ("https://doxy.me/drlee", "doxyme"),
    ("https://whereby.com/dr-lee-room", "whereby"),
    ("https://clinic.whereby.com/room-4", "whereby"),
]


@pytest.mark.parametrize(("url", "platform"), REAL_LINKS)
def test_real_links_of_every_platform_are_accepted(url: str, platform: str) -> None:
    result = check_link(url)
    assert result.ok, result.reason
    assert result.platform == platform
    assert result.url == url
    assert result.reason.endswith(".")


def test_every_named_platform_has_a_real_link_here() -> None:
    tested = {platform for _url, platform in REAL_LINKS}
    assert tested == {"zoom", "teams", "meet", "jitsi", "webex", "doxyme", "whereby"}


def test_the_opened_link_drops_the_fragment_default_port_and_shouting() -> None:
    result = check_link("HTTPS://Zoom.US:443/j/5551234567?pwd=Ab1#success")
    assert result.ok
    assert result.url == "https://zoom.us/j/5551234567?pwd=Ab1"


def test_odd_characters_in_the_path_are_encoded_as_a_browser_would() -> None:
    result = check_link('https://meet.jit.si/Séance"<b>')
    assert result.ok
    assert result.url == "https://meet.jit.si/S%C3%A9ance%22%3Cb%3E"


def test_a_caregiver_trusted_domain_and_its_subdomains_are_accepted() -> None:
    trusted = ["Clinique-Exemple.ca"]
    for url in ("https://clinique-exemple.ca/salle", "https://visio.clinique-exemple.ca/r/4"):
        result = check_link(url, trusted_domains=trusted)
        assert result.ok, result.reason
        assert result.platform == "clinique-exemple.ca"
    assert not check_link("https://visio.clinique-exemple.ca/r/4").ok
    assert not check_link("https://clinique-exemple.ca.evil.com/", trusted_domains=trusted).ok
    assert not check_link("https://fakeclinique-exemple.ca/", trusted_domains=trusted).ok


PHISHING_AND_BROKEN = [
    # (link, problem code, words the reason must contain)
    ("http://zoom.us/j/5551234567", "not_https", ["https"]),
    ("javascript:alert(document.cookie)", "not_https", []),
    ("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "not_https", []),
    ("file:///etc/passwd", "not_https", []),
    ("ftp://zoom.us/j/1", "not_https", []),
    ("zoommtg://zoom.us/join?confno=5551234567", "not_https", []),
    ("https:/zoom.us/j/1", "not_https", []),
    ("https://zoom-meetings.help/j/5551234567", "unknown_host", ["Zoom", "zoom-meetings.help"]),
    ("https://zoom.us.evil.com/j/5551234567", "unknown_host", ["Zoom", "evil.com"]),
    ("https://evilzoom.us/j/5551234567", "unknown_host", ["Zoom", "evilzoom.us"]),
    ("https://teams.microsoft.com.phish.io/l/meetup-join/1", "unknown_host", ["Teams", "phish.io"]),
    ("https://meet.google.com.evil.co.uk/abc-defg-hij", "unknown_host", ["Meet", "evil.co.uk"]),
    ("https://doxyme.com/drlee", "unknown_host", ["Doxy.me", "doxyme.com"]),
    ("https://webex.com-join.info/meet/drlee", "unknown_host", ["Webex", "com-join.info"]),
    ("https://meet.jit.si.attacker.net/room", "unknown_host", ["Jitsi", "attacker.net"]),
    ("https://8x8.vc.attacker.net/room", "unknown_host", ["Jitsi", "attacker.net"]),
    ("https://whereby.co/room", "unknown_host", ["Whereby", "whereby.co"]),
    ("https://sub.teams.microsoft.com/l/meetup-join/1", "unknown_host", ["Teams"]),
    ("https://evil.com#@zoom.us/j/1", "unknown_host", ["evil.com"]),
    ("https://evil.com?@zoom.us/j/1", "unknown_host", ["evil.com"]),
    ("HTTPS://EVIL.COM/zoom.us/j/1", "unknown_host", ["evil.com"]),
    ("https://random-site.org/join", "unknown_host", ["random-site.org", "trusted"]),
    ("https://zoom.us@evil.com/j/5551234567", "credentials", ["evil.com"]),
    ("https://user:secret@zoom.us/j/1", "credentials", ["zoom.us"]),
    ("https://zoom.us:443@evil.com/", "credentials", ["evil.com"]),
    ("https://zoom.us%2F@evil.com/", "credentials", ["evil.com"]),
    ("https://zoom.us\\@evil.com/", "bad_characters", []),
    ("https://zoom.us/j/1 https://evil.com", "bad_characters", []),
    (" https://zoom.us/j/1", "bad_characters", []),
    ("https://zoom.us/j/1\n", "bad_characters", []),
    ("https://zoom.us/j/1\x00.evil.com", "bad_characters", []),
    ("https://zoom.us/\u202egnp.exe", "bad_characters", []),
    ("https://zo\u200bom.us/j/1", "bad_characters", []),
    ("https://zoom.us\u00a0/j/1", "bad_characters", []),
    ("https://z\u043e\u043em.us/j/1", "lookalike", ["Zoom"]),  # Cyrillic о
    ("https://" + "z\u043e\u043em.us".encode("idna").decode() + "/j/1", "lookalike", []),
    ("https://\uff5a\uff4f\uff4f\uff4d.us/j/1", "lookalike", ["Zoom"]),  # full-width letters
    ("https://meet.g\u03bf\u03bfgle.com/abc-defg-hij", "lookalike", ["Google Meet"]),  # Greek ο
    ("https://d\u043exy.me/drlee", "lookalike", ["Doxy.me"]),
    ("https://127.0.0.1/j/1", "ip_address", []),
    ("https://2130706433/j/1", "ip_address", []),
    ("https://0x7f000001/j/1", "ip_address", []),
    ("https://0177.0.0.1/j/1", "ip_address", []),
    ("https://127.1/j/1", "ip_address", []),
    ("https://[::1]/j/1", "ip_address", []),
    ("https://[2001:db8::1]:443/j/1", "ip_address", []),
    ("https://zoom.us:8443/j/1", "port", []),
    ("https://zoom.us:80/j/1", "port", []),
    ("https://zoom.us:0443/j/1", "port", []),
    ("https://zoom..us/j/1", "malformed", []),
    ("https://zo%6Fm.us/j/1", "malformed", []),
    ("https://zoom_us.com/j/1", "malformed", []),
    ("https:///j/1", "malformed", []),
    ("https://" + "a" * 3000 + ".zoom.us/", "too_long", []),
    ("", "empty", []),
]


@pytest.mark.parametrize(("url", "problem", "words"), PHISHING_AND_BROKEN)
def test_phishing_and_broken_links_are_refused_with_a_reason(
    url: str, problem: str, words: list[str]
) -> None:
    result = check_link(url)
    assert not result.ok
    assert result.url is None and result.platform is None
    assert result.problem == problem
    assert result.reason.endswith(".") and len(result.reason) > 20
    for word in words:
        assert word in result.reason
    if problem != "empty":
        assert "Ask your clinic" in result.reason


def test_there_are_at_least_thirty_refusals() -> None:
    assert len(PHISHING_AND_BROKEN) >= 30


def test_the_example_from_the_issue_reads_as_promised() -> None:
    assert check_link("https://zoom-meetings.help/j/1").reason == (
        "This link does not go to Zoom. It goes to zoom-meetings.help. Ask your clinic to check it."
    )


def test_something_that_is_not_text_is_refused() -> None:
    assert not check_link(None).ok  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Meet.Clinic.ca.", "meet.clinic.ca"),
        ("*.clinic.ca", "clinic.ca"),
        ("ca", None),
        ("10.0.0.1", None),
        ("https://clinic.ca/", None),
        ("xn--clnic-fsa.ca", None),
        ("clïnic.ca", None),
    ],
)
def test_trusted_domains_are_normalised_or_refused(typed: str, expected: str | None) -> None:
    assert normalise_trusted_domain(typed) == expected


SECRET = "S3cretPasscode9"


def test_passcodes_and_room_names_never_reach_the_log(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    links = [
        f"https://us02web.zoom.us/j/85512345678?pwd={SECRET}",
        f"https://teams.live.com/meet/9312345678901?p={SECRET}",
        f"https://8x8.vc/vpaas-magic-cookie-1/Room?jwt={SECRET}",
        f"https://zoom-meetings.help/j/1?pwd={SECRET}",
        f"https://user:{SECRET}@zoom.us/j/1",
        f"http://zoom.us/j/1?pwd={SECRET}",
        f"https://doxy.me/{SECRET}",
        f"https://zoom.us/j/1?pwd={SECRET} extra",
    ]
    for url in links:
        check_link(url)
    assert len(caplog.records) == len(links)
    assert SECRET not in caplog.text
    assert "zoom.us" in caplog.text


def test_redact_passcodes_hides_every_secret_parameter_in_text() -> None:
    text = f"join https://zoom.us/j/1?pwd={SECRET}&uname=x and https://x.webex.com/?p={SECRET}&tk={SECRET}"
    redacted = redact_passcodes(text)
    assert SECRET not in redacted
    assert "uname=x" in redacted and "pwd=…" in redacted
    assert redact_passcodes("map=1&zip=2") == "map=1&zip=2"


def test_link_for_log_keeps_only_scheme_and_host() -> None:
    assert (
        link_for_log(f"https://Clinic.zoom.us/my/drlee?pwd={SECRET}") == "https://clinic.zoom.us/…"
    )
    assert link_for_log("not a link") == "(not a web link)"


def test_reasons_are_given_in_french_when_the_app_speaks_french() -> None:
    from companion.i18n import set_language

    set_language("fr")
    try:
        reason = check_link("https://zoom-meetings.help/j/1").reason
    finally:
        set_language("en")
    assert reason == (
        "Ce lien ne mène pas à Zoom. Il mène à zoom-meetings.help. "
        "Demandez à votre clinique de le vérifier."
    )


SAFE_LINKS = [
    # How Outlook rewrites a Teams link in a clinic's e-mail (region prefixes vary).
    "https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fteams.microsoft.com%2Fl%2F"
    "meetup-join%2F19%253ameeting_NjA0%2540thread.v2%2F0&data=05%7C02%7C%7Cabc%7C0&sdata=xYz%3D"
    "&reserved=0",
    "https://can01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fus02web.zoom.us%2Fj%2F855"
    "12345678%3Fpwd%3DaBc&data=05%7C01&reserved=0",
    "https://EUR03.SafeLinks.Protection.Outlook.com/?url=https%3A%2F%2Fevil.example%2F&reserved=0",
    "https://gcc02.safelinks.protection.office365.us/?url=https%3A%2F%2Fmeet.google.com%2Fabc",
]


@pytest.mark.parametrize("url", SAFE_LINKS)
def test_an_outlook_safe_links_wrapper_is_refused_and_named(url: str) -> None:
    result = check_link(url)
    assert not result.ok and result.url is None
    assert result.problem == "outlook_safe_links"
    assert result.reason == (
        "Outlook has wrapped this link in one of its own, so Companion cannot see where it "
        "really goes. Ask your clinic to send you the direct link to your session."
    )


def test_trusting_outlook_does_not_let_a_safe_links_wrapper_through() -> None:
    result = check_link(SAFE_LINKS[0], trusted_domains=["outlook.com", "protection.outlook.com"])
    assert not result.ok
    assert result.problem == "outlook_safe_links"


def test_a_look_alike_of_the_wrapper_is_still_an_unknown_host() -> None:
    result = check_link("https://nam12.safelinks.protection.outlook.com.evil.io/?url=x")
    assert result.problem == "unknown_host"
    assert "evil.io" in result.reason


def test_an_invitation_whose_links_are_all_wrapped_shows_the_outlook_reason() -> None:
    from companion.appointments.invitation_text import choose_meeting_link

    body = f"Join the meeting now <{SAFE_LINKS[0]}>\nMeeting options <{SAFE_LINKS[1]}>"
    chosen = choose_meeting_link([body])
    assert chosen == SAFE_LINKS[0]
    assert "Outlook" in check_link(chosen).reason


def test_the_safe_links_reason_is_in_french_too() -> None:
    from companion.i18n import set_language

    set_language("fr")
    try:
        reason = check_link(SAFE_LINKS[0]).reason
    finally:
        set_language("en")
    assert "Outlook" in reason and "clinique" in reason
    assert "Outlook has wrapped" not in reason
