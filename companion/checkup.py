"""`companion --check`: says in plain words whether speech, keyring, encryption and data work."""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from companion.i18n import N_, _
from companion.safety.crisis import load_crisis_directory

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckResult:
    """One line of the report: what was checked, whether it works, and a plain sentence."""

    name: str
    ok: bool
    sentence: str
    warning: bool = False  # works, but someone should look (e.g. an old crisis line entry)


Probe = Callable[[], CheckResult]


def check_data_folder(folder: Path) -> CheckResult:
    """The data folder exists, is writable and is private to this user."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, name = tempfile.mkstemp(dir=folder, prefix=".check-")
        os.close(fd)
        Path(name).unlink()
    except OSError as exc:
        return CheckResult(
            N_("data folder"),
            False,
            _("Companion cannot save in {folder}: {problem}.").format(folder=folder, problem=exc),
        )
    private = os.name != "posix" or (folder.stat().st_mode & 0o077) == 0
    if not private:
        return CheckResult(
            N_("data folder"),
            True,
            _(
                "The data folder {folder} works, but other users of this computer can open it."
            ).format(folder=folder),
            warning=True,
        )
    return CheckResult(
        N_("data folder"), True, _("The data folder works: {folder}.").format(folder=folder)
    )


def check_crisis_lines(content_root: Path, today: date) -> CheckResult:
    """The crisis lines load, and none was last checked more than a year ago."""
    directory, problem = load_crisis_directory(content_root)
    if problem is not None:
        return CheckResult(
            N_("crisis lines"),
            False,
            _("The crisis phone lines could not be read. {problem} Reinstall Companion.").format(
                problem=problem.sentence()
            ),
        )
    stale = directory.stale_entries(today)
    unconfirmed = directory.unconfirmed_entries()
    sentences = []
    if unconfirmed:
        sentences.append(
            _(
                "These crisis lines are not yet confirmed against their official source; "
                "check each one: {lines}."
            ).format(lines="; ".join(unconfirmed))
        )
    if stale:
        sentences.append(
            _(
                "These crisis lines were last checked over a year ago; check them against their "
                "official source: {lines}."
            ).format(lines="; ".join(stale))
        )
    if sentences:
        return CheckResult(N_("crisis lines"), True, " ".join(sentences), warning=True)
    return CheckResult(
        N_("crisis lines"),
        True,
        _("Crisis lines are ready for {n} regions.").format(n=len(directory.regions)),
    )


def run_checks(probes: Iterable[Probe]) -> list[CheckResult]:
    """Run every probe; a probe that crashes counts as a failed check, never as a crash."""
    results = []
    for probe in probes:
        try:
            results.append(probe())
        except Exception as exc:  # a broken probe is itself a finding
            _log.exception("A check failed to run")
            name = getattr(probe, "__name__", "check")
            results.append(
                CheckResult(
                    name, False, _("This check could not run: {problem}.").format(problem=exc)
                )
            )
    return results


def report(results: list[CheckResult]) -> tuple[str, int]:
    """The text to print and the exit code (non-zero if anything does not work)."""
    lines = []
    for result in results:
        mark = "OK  " if result.ok and not result.warning else ("WARN" if result.ok else "FAIL")
        lines.append(f"[{mark}] {_(result.name)}: {result.sentence}")
    failed = [r for r in results if not r.ok]
    if failed:
        lines.append(_("{n} thing(s) do not work. See above for what to do.").format(n=len(failed)))
    else:
        lines.append(_("Everything Companion needs works on this computer."))
    return "\n".join(lines), 1 if failed else 0
