"""Attacks on trusted session sites: a public suffix (co.uk, github.io) is never trusted, since
anyone can put a site under it (issue #13, item 10)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from companion.appointments.links import check_link, normalise_trusted_domain

PUBLIC_SUFFIXES = [
    "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "co.nz", "ne.jp", "qc.ca",
    "github.io", "gitlab.io", "blogspot.com", "herokuapp.com", "azurewebsites.net",
    "s3.amazonaws.com", "appspot.com", "netlify.app", "vercel.app", "pages.dev", "web.app",
    "firebaseapp.com", "*.github.io", "CO.UK.",
]  # fmt: skip


@pytest.mark.parametrize("suffix", PUBLIC_SUFFIXES)
def test_a_public_suffix_cannot_be_trusted(suffix: str) -> None:
    assert normalise_trusted_domain(suffix) is None


@pytest.mark.parametrize("suffix", PUBLIC_SUFFIXES)
def test_a_strangers_site_under_a_public_suffix_is_not_opened(suffix: str) -> None:
    host = "fake-clinic." + suffix.strip(".*").lower()
    verdict = check_link(f"https://{host}/join/1", [suffix])
    assert not verdict.ok and verdict.url is None


@pytest.mark.parametrize(
    ("trusted", "link"),
    [
        ("myclinic.co.uk", "https://video.myclinic.co.uk/room/4"),
        ("myclinic.github.io", "https://myclinic.github.io/room"),
        ("meet.clinic.ca", "https://meet.clinic.ca/r/1"),
    ],
)
def test_a_clinics_own_site_under_a_public_suffix_is_still_trusted(trusted: str, link: str) -> None:
    assert normalise_trusted_domain(trusted) == trusted
    assert check_link(link, [trusted]).ok


def test_the_list_ships_with_the_package_and_needs_no_network() -> None:
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('no network in this test')\n"
        "socket.socket = refuse; socket.create_connection = refuse; socket.getaddrinfo = refuse\n"
        "from companion.appointments.links import normalise_trusted_domain as n\n"
        "assert n('github.io') is None and n('clinic.github.io') == 'clinic.github.io'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
