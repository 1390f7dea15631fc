"""Attack: a restore or a save killed part-way, and the leftovers it leaves.

Real processes killed with SIGKILL at exact points, real encrypted files. Before the fix a kill
during a restore left the new person listed with none of their check-ins (15 of 32 kills); now
the person is listed only once all their data is in, and the next start removes the unfinished
folder. Temporary files of killed saves are removed at start, and one file cannot flood the log.
"""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from companion.backup.archive import export_backup
from companion.checkin.models import CheckIn
from companion.clock import FixedClock
from companion.files import write_file_atomically
from companion.leftovers import remove_leftovers
from companion.logs import one_line_per_cause
from companion.people.profiles import People, open_people
from tests.fast_argon2 import FAST

CHILD = Path(__file__).with_name("restore_child.py")
NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)
EVER = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
PASSPHRASE = "green teapot on sunday"
CHECKINS = 300


def _pc(folder: Path) -> People:
    return open_people(folder, FixedClock(NOW), keyring=None, argon2=FAST)


@pytest.fixture(scope="module")
def backup_of_300(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("source")
    home = _pc(base / "home")
    mary = home.add("Mary", "pin", "583920")
    session = home.unlock(mary.id, "583920")
    for n in range(CHECKINS):
        when = NOW - timedelta(days=n)
        session.checkins.finish(CheckIn(None, when, when, "good", frozenset(), f"day {n}", False))
    path = base / "mary.companion-backup"
    export_backup(session, path, PASSPHRASE, FAST)
    session.close()
    return path


def run_child(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COMPANION_KEYRING": "none"}
    return subprocess.run(
        [sys.executable, str(CHILD), *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.mark.parametrize("point", ["before-data", "after-data"])
def test_a_killed_restore_never_lists_a_person_without_their_notes(
    tmp_path: Path, backup_of_300: Path, point: str
) -> None:
    folder = tmp_path / "pc"
    _pc(folder).add("Me", "none", "", chosen_by_caregiver=True)
    for _round in range(2):
        done = run_child(str(folder), str(backup_of_300), PASSPHRASE, point)
        assert done.returncode == -9, done.stderr  # killed, as a power cut or a crash would

        people = _pc(folder)  # the next start
        for person in people.all():
            session = people.unlock(person.id, "294751" if person.name == "Mary" else "")
            count = len(session.checkins.checkins_between(*EVER))
            session.close()
            assert count in (0, CHECKINS) and (person.name != "Mary" or count == CHECKINS)
        assert [p.name for p in people.all()] == ["Me"]
        people.remove_unfinished()
        assert sorted(p.name for p in (folder / "people").iterdir()) == [people.all()[0].id]


def test_a_restore_that_finishes_lists_the_person_with_every_check_in(
    tmp_path: Path, backup_of_300: Path
) -> None:
    folder = tmp_path / "pc"
    done = run_child(str(folder), str(backup_of_300), PASSPHRASE, "never")
    assert done.returncode == 0, done.stderr
    people = _pc(folder)
    (mary,) = people.all()
    session = people.unlock(mary.id, "294751")
    assert len(session.checkins.checkins_between(*EVER)) == CHECKINS
    session.close()


def test_a_save_killed_before_its_rename_leaves_a_temporary_file_the_next_start_removes(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "pc"
    folder.mkdir()
    (folder / "settings.json").write_text('{"theme": "standard"}', encoding="utf-8")
    done = run_child(str(folder), "-", "-", "settings-write")
    assert done.returncode == -9, done.stderr
    (left,) = [p for p in folder.iterdir() if p.name.startswith(".settings.json.tmp-")]
    assert (folder / "settings.json").read_text(encoding="utf-8") == '{"theme": "standard"}'

    # Young temporary files may belong to a save running now: kept. Old ones go.
    assert remove_leftovers(folder, datetime.now(UTC)) == []
    an_hour_ago = (datetime.now(UTC) - timedelta(hours=1)).timestamp()
    os.utime(left, (an_hour_ago, an_hour_ago))
    check = folder / ".encryption-check-abcd"
    check.mkdir()
    os.utime(check, (an_hour_ago, an_hour_ago))
    home = tmp_path / "home"
    home.mkdir()
    backup_leftover = home / ".mary.companion-backup.tmp-x1y2"
    backup_leftover.write_bytes(b"half a backup")
    someone_elses = home / ".bashrc.tmp-keep"
    someone_elses.write_text("not ours")
    for path in (backup_leftover, someone_elses):
        os.utime(path, (an_hour_ago, an_hour_ago))

    removed = remove_leftovers(folder, datetime.now(UTC), outside=[home])

    assert sorted(removed) == sorted([left.name, check.name, backup_leftover.name])
    assert someone_elses.exists()


def test_a_saved_file_and_its_rename_are_flushed_to_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[bool] = []  # for each fsync: was it a folder?
    real_fsync = os.fsync

    def recording_fsync(fd: int) -> None:
        synced.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", recording_fsync)
    write_file_atomically(tmp_path / "people.json", b"{}")
    assert synced == [False, True]  # the file's bytes, then the folder that holds its new name


def test_one_file_cannot_flood_the_log(caplog: pytest.LogCaptureFixture) -> None:
    from companion.appointments.ics import read_ics

    events = "".join(
        "BEGIN:VEVENT\r\n"
        f"UID:{n}@clinic\r\nDTSTART:20260320T1{n % 10}0000Z\r\nDURATION:PT30M\r\n"
        f"SUMMARY:Session\r\nDESCRIPTION:Join https://zoom.us.evil.example/j/{n}\r\n"
        "END:VEVENT\r\n"
        for n in range(400)
    )
    data = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{events}END:VCALENDAR\r\n".encode()
    caplog.set_level(logging.INFO)
    logging.getLogger("companion").info("an earlier line")
    read_ics(data, now=NOW)
    link_lines = [r.getMessage() for r in caplog.records if "Link" in r.getMessage()]
    assert len(link_lines) <= 3, link_lines[:5]
    assert any("400 time(s)" in line for line in link_lines)

    # A pasted invitation full of links: one line too.
    from companion.appointments.invitation_text import choose_meeting_link

    caplog.clear()
    pasted = " ".join(f"https://zoom.us.evil.example/j/{n}" for n in range(500))
    with one_line_per_cause():  # an outer import: the inner one counts into it
        choose_meeting_link([pasted])
    link_lines = [r.getMessage() for r in caplog.records if "Link" in r.getMessage()]
    assert len(link_lines) == 1 and "500 time(s)" in link_lines[0]
