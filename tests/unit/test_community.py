"""Community-centre mode: the policy a shared PC follows, and the daily tidy on real files."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from companion.clock import FixedClock
from companion.community.shared_pc import (
    GUEST_FILES_FOLDER,
    DailyTidy,
    SavedToday,
    closing_question,
    policy_for,
)
from companion.config import SettingsStore
from companion.logs import LOG_FILE_NAME, LOG_KEEP_DAYS

NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)


def test_a_home_pc_has_none_of_the_shared_pc_rules(tmp_path: Path) -> None:
    policy = policy_for(SettingsStore(None))
    assert not policy.shared_pc and policy.idle_lock_seconds is None
    assert not (policy.starts_at_people_picker or policy.full_screen or policy.offers_guest)
    assert not (policy.asks_before_closing or policy.offers_finished_button)


@pytest.mark.parametrize(("minutes", "seconds"), [(10, 600), (2, 120), (30, 1800), (0, None)])
def test_a_shared_pc_locks_after_the_caregivers_idle_time(
    minutes: int, seconds: int | None
) -> None:
    settings = SettingsStore(None)
    settings.set("shared_pc", True)
    settings.set("autolock_minutes", minutes)
    policy = policy_for(settings)
    assert policy.starts_at_people_picker and policy.full_screen and policy.offers_guest
    assert policy.asks_before_closing and policy.offers_finished_button
    assert policy.idle_lock_seconds == seconds


def test_the_closing_question_says_only_what_is_true() -> None:
    assert closing_question(SavedToday(is_guest=True, checkins=2)) == (
        "Are you finished? Nothing you did is kept on this computer."
    )
    assert closing_question(SavedToday(is_guest=False, checkins=1)) == (
        "Are you finished? Today's check-in is saved."
    )
    assert closing_question(SavedToday(is_guest=False, questionnaires=1)) == (
        "Are you finished? Today's answers are saved."
    )
    assert closing_question(SavedToday(is_guest=False)) == "Are you finished?"


def _age(path: Path, now: datetime, days: float) -> None:
    moment = (now - timedelta(days=days)).timestamp()
    os.utime(path, (moment, moment))


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A lived-in data folder: people's files, a guest's saved report, leftovers, logs."""
    base = tmp_path / "data"
    person = base / "people" / "a1b2c3"
    person.mkdir(parents=True)
    (person / "companion.db").write_bytes(b"encrypted")
    _age(person / "companion.db", NOW, 400)  # old, but a person's own: never touched
    (base / "settings.json").write_text("{}")
    (base / "people.json").write_text("{}")
    (base / ".people.json.lock").write_bytes(b"")  # a lock file: old, maybe held, never a leftover
    _age(base / ".people.json.lock", NOW, 400)
    guest = base / GUEST_FILES_FOLDER
    guest.mkdir()
    (guest / "report.pdf").write_bytes(b"%PDF")
    (base / ".settings.json.k2j3h4").write_text("{}")  # an interrupted write, a day old
    _age(base / ".settings.json.k2j3h4", NOW, 1)
    (person / ".people.json.fresh1").write_text("{}")  # a write happening right now
    _age(person / ".people.json.fresh1", NOW, 0)
    check = base / ".encryption-check-x1"
    check.mkdir()
    (check / "check.db").write_bytes(b"x")
    _age(check, NOW, 2)
    logs = base / "logs"
    logs.mkdir()
    for name, days in ((LOG_FILE_NAME, 90), (f"{LOG_FILE_NAME}.1", 5), (f"{LOG_FILE_NAME}.2", 45)):
        (logs / name).write_text("line\n")
        _age(logs / name, NOW, days)
    (logs / f"{LOG_FILE_NAME}.3").write_text("line\n")
    _age(logs / f"{LOG_FILE_NAME}.3", NOW, LOG_KEEP_DAYS + 1)
    return base


def test_the_tidy_removes_guest_leftovers_and_old_logs_and_nothing_else(data_dir: Path) -> None:
    before = _files(data_dir)
    report = DailyTidy(data_dir, data_dir / "logs", FixedClock(NOW)).run()
    after = _files(data_dir)
    gone = before - after
    assert gone == {
        f"{GUEST_FILES_FOLDER}",
        f"{GUEST_FILES_FOLDER}/report.pdf",
        ".settings.json.k2j3h4",
        ".encryption-check-x1",
        ".encryption-check-x1/check.db",
        f"logs/{LOG_FILE_NAME}.2",
        f"logs/{LOG_FILE_NAME}.3",
    }
    assert sorted(report.removed) == sorted(
        [
            GUEST_FILES_FOLDER,
            ".settings.json.k2j3h4",
            ".encryption-check-x1",
            f"logs/{LOG_FILE_NAME}.2",
            f"logs/{LOG_FILE_NAME}.3",
        ]
    )
    assert after - before == {"tidy.json"}
    assert (data_dir / "people" / "a1b2c3" / "companion.db").read_bytes() == b"encrypted"
    assert (data_dir / "logs" / LOG_FILE_NAME).exists()  # the log being written stays


def test_the_tidy_runs_once_a_day(data_dir: Path) -> None:
    clock = FixedClock(NOW)
    tidy = DailyTidy(data_dir, data_dir / "logs", clock)
    assert tidy.run_if_due().ran
    (data_dir / GUEST_FILES_FOLDER).mkdir()
    clock.advance(hours=5)
    assert not tidy.run_if_due().ran
    assert (data_dir / GUEST_FILES_FOLDER).exists()
    clock.advance(hours=12)  # the next day
    second = tidy.run_if_due()
    # ... and by now the write that was under way yesterday is a leftover too.
    assert second.ran
    assert second.removed == [GUEST_FILES_FOLDER, "people/a1b2c3/.people.json.fresh1"]
