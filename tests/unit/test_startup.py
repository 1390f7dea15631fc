"""At start a newcomer lands in their own encrypted data with no setup; problems are said."""

from __future__ import annotations

from pathlib import Path

from companion.clock import FixedClock
from companion.people.profiles import open_people
from companion.startup import open_start_session


def test_first_start_creates_me_and_opens_it_encrypted(tmp_path: Path) -> None:
    people = open_people(tmp_path, FixedClock(), keyring=None)
    start = open_start_session(people)
    assert not start.needs_person_picker and start.problem is None
    assert not start.session.is_guest
    assert [p.name for p in people.all()] == ["Me"]
    start.session.close()
    databases = list(tmp_path.rglob("*.db"))
    assert databases and all(not d.read_bytes().startswith(b"SQLite format 3") for d in databases)
    again = open_start_session(open_people(tmp_path, FixedClock(), keyring=None))
    assert again.session.person_id == start.session.person_id  # the same person, not a new one
    again.session.close()


def test_a_missing_device_secret_is_said_and_nothing_is_touched(tmp_path: Path) -> None:
    people = open_people(tmp_path, FixedClock(), keyring=None)
    open_start_session(people).session.close()
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and p.suffix == ".db"}
    for secret in tmp_path.glob("device-secret*"):
        secret.unlink()
    start = open_start_session(open_people(tmp_path, FixedClock(), keyring=None))
    assert start.session.is_guest
    assert start.problem and "could not be opened" in start.problem
    after = {p: p.read_bytes() for p in before}
    assert before == after
