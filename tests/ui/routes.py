"""Every route (ui/router.py) with the keyword arguments and sample data it needs, so a test can
open any screen by name in a real window: `open_sample_pc`, then `all_routes` and `open_route`.

The sample person, "Me" on a new PC, has twelve weeks of check-ins and questionnaires
(tests/report_data.py), two video sessions, a safety plan, people to call and a second person
with a PIN, all in the real encrypted stores of a temporary data folder. A route that opens
with nothing but the context needs no entry in SAMPLES; every other route needs one (a test
fails when one is missing).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from companion.appointments.model import Appointment
from companion.checkin.flow import CheckInFlow
from companion.checkin.instruments import score
from companion.people.profiles import Person
from companion.safety.crisis import EmergencyContact
from companion.safety_plan.plan import Part, PlanEntry, SafetyPlan
from companion.setup.flow import STEPS
from tests.report_data import fill_twelve_weeks
from tests.ui.fit import settle
from tests.ui.launcher import open_new_pc
from tests.ui.runner_wait import runner_done
from ui.app import MainWindow
from ui.context import AppContext
from ui.shared.appointments import appointment_store
from ui.shared.checkin_common import checkin_store
from ui.shared.library import learn_services
from ui.shared.people_common import people_of
from ui.widgets.screen import Screen

SECOND_PERSON = "Mary"
SECOND_PIN = "480257"
Sample = Callable[[AppContext], dict[str, Any]]


def open_sample_pc(qtbot, ctx: AppContext, data_dir: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    """A new PC with "Me" open on Home and the sample data in their stores (the caller closes
    `ctx.session`)."""
    window = open_new_pc(qtbot, ctx, data_dir)
    fill_sample_data(ctx)
    return window


def fill_sample_data(ctx: AppContext) -> None:
    session = ctx.session
    assert session is not None and not session.is_guest
    now = ctx.clock.now()
    fill_twelve_weeks(checkin_store(ctx), now)
    store = appointment_store(ctx)
    for days, who in ((2, "Dr. Lee"), (9, "Anne Tremblay, counsellor")):
        store.save(
            Appointment(
                None,
                "Video session",
                who,
                now + timedelta(days=days),
                45,
                "https://meet.example.org/lee",
                None,
                "Bring my list of questions.",
                None,
                None,
            )
        )
    plan = SafetyPlan()
    for part, lines in (
        (Part.WARNING_SIGNS, ("I stop sleeping", "I stay in bed all day")),
        (Part.ON_MY_OWN, ("A walk around the block", "Listen to the radio")),
        (Part.REASONS, ("My grandchildren", "My garden")),
    ):
        plan = plan.with_entries(part, tuple(PlanEntry(line) for line in lines))
    session.safety_plan.save(plan)
    session.contacts.set_contacts(
        [
            EmergencyContact("Louise", "514 555 0199", "my sister"),
            EmergencyContact("Dr. Lee", "514 555 0142", "my doctor"),
        ]
    )
    people = people_of(ctx)
    if not any(p.name == SECOND_PERSON for p in people.all()):
        people.add(SECOND_PERSON, "pin", SECOND_PIN)


def _second_person(ctx: AppContext) -> Person:
    return next(p for p in people_of(ctx).all() if p.name == SECOND_PERSON)


def _me(ctx: AppContext) -> Person:
    session = ctx.session
    assert session is not None
    return people_of(ctx).get(session.person_id)


def _sessions(ctx: AppContext) -> list[Appointment]:
    return appointment_store(ctx).all()


def _draft(ctx: AppContext) -> dict[str, Any]:
    store = checkin_store(ctx)
    if store.latest_draft() is None:
        CheckInFlow(store, ctx.clock).choose_mood("not_good")
    return {"draft": store.latest_draft()}


def _library(ctx: AppContext) -> Any:
    return learn_services(ctx).report.library


def _first_article(ctx: AppContext) -> str:
    return str(_library(ctx).articles(ctx.language())[0].id)


def _exercise_of_kind(ctx: AppContext, breathing: bool) -> str:
    kinds = [e for e in _library(ctx).exercises() if (e.kind == "breathing") == breathing]
    return str(kinds[0].id)


# The routes that need more than the context, and what they get.
SAMPLES: dict[str, Sample] = {
    "help_now": lambda ctx: {
        "because": "You told us you have had thoughts of hurting yourself. You do not have to wait."
    },
    "people.unlock": lambda ctx: {"person": _second_person(ctx), "someone_else": True},
    "people.forgot": lambda ctx: {"person": _second_person(ctx)},
    "people.change_pin": lambda ctx: {"person": _me(ctx)},
    "settings.still_reminding": lambda ctx: {
        "close_window": lambda: None,
        "quit_app": lambda: None,
    },
    "checkin.resume": _draft,
    "checkin.questionnaires": lambda ctx: {"instrument_ids": ["phq9", "gad7", "who5"]},
    "checkin.result": lambda ctx: {"score": score("phq9", (1, 2, 1, 1, 0, 1, 1, 0, 0))},
    "checkin.mood_days": lambda ctx: {"weeks": 12},  # the most days, the most pages
    "learn.articles": lambda ctx: {"topic": _library(ctx).topics(ctx.language())[0]},
    "learn.reader": lambda ctx: {"article_id": _first_article(ctx)},
    "learn.exercise": lambda ctx: {"exercise_id": _exercise_of_kind(ctx, breathing=False)},
    "report.options": lambda ctx: {"weeks": 4},
    "setup.step": lambda ctx: {"index": 0},  # every index of companion.setup.STEPS opens so
    "sessions.expect": lambda ctx: {"session": _sessions(ctx)[0]},
    "sessions.choices": lambda ctx: {"session": _sessions(ctx)[0]},
    "sessions.delete": lambda ctx: {"session": _sessions(ctx)[0]},
    "sessions.import": lambda ctx: {"sessions": _sessions(ctx)},
}
# Routes that open with the context alone (checked: each is really opened by the test).
NO_ARGUMENTS = frozenset(
    {
        "home",
        "help_now.region",
        "help_now.contacts",
        "people",
        "people.add",
        "people.account",
        "people.rename",
        "people.my_data",
        "people.backup",
        "people.restore",
        "people.keeps",
        "settings",
        "settings.more",
        "settings.personal",
        "settings.about",
        "settings.text_size",
        "settings.colours",
        "settings.language",
        "settings.switch_access",
        "settings.voice",
        "settings.speaking_options",
        "settings.reminders",
        "settings.checkin_invitation",
        "settings.helper",
        "checkin",
        "checkin.steps",
        "checkin.history",
        "checkin.score_history",
        "checkin.trusted_people",
        "checkin.schedule",
        "learn",
        "learn.topics",
        "learn.exercises",
        "learn.favourites",
        "learn.search",
        "report",
        "report.preview",
        "report.save",
        "safety_plan",
        "safety_plan.intro",
        "safety_plan.make",
        "safety_plan.view",
        "safety_plan.parts",
        "sessions",
        "sessions.add",
        "sessions.device_check",
        "setup.finished",
    }
)


def all_routes(window: MainWindow) -> list[str]:
    """Every route name the window's router knows, sorted."""
    return window.routes.names()


def routes_without_samples(names: list[str]) -> list[str]:
    """Route names nobody wrote sample data for (a new screen must add its line here)."""
    return [n for n in names if n not in SAMPLES and n not in NO_ARGUMENTS]


def sample_arguments(ctx: AppContext, name: str) -> dict[str, Any]:
    """The keyword arguments route `name` opens with; KeyError when nobody wrote them down."""
    if name in SAMPLES:
        return SAMPLES[name](ctx)
    if name in NO_ARGUMENTS:
        return {}
    raise KeyError(f"The route {name!r} has no sample data in tests/ui/routes.py")


def open_route(window: MainWindow, name: str) -> Screen:
    """Back to Home (past a people picker too), then open route `name` with its sample data;
    returns the screen it built, showing and laid out (posted events handled, no waiting), so
    a test can measure or grab it at once."""
    window.clear_to_home()
    screen = window.open(name, **sample_arguments(window.ctx, name))
    QApplication.processEvents()
    return screen


def open_case(window: MainWindow, case: str, arguments: dict[str, object]) -> Screen:
    """The screen built fresh and shown on top of Home, in place of the one checked before:
    going back to Home between screens would show (and fit) Home each time, a third of the
    time spent (measured with cProfile)."""
    before = window.current() if len(window._screens) > 1 else None
    screen = window.open(case.split(" ")[0], **arguments)
    runner_done(window)  # a screen that reads on the runner is checked as it is once filled in
    screen = window.current()  # a screen may give its place to another (no plan: the start)
    if before is not None:  # what MainWindow._pop does, without showing what lies under it
        window._screens.remove(before)
        window.stack.removeWidget(before)
        before.on_closed()
        before.deleteLater()
    settle()
    return screen


def cases(window: MainWindow) -> list[tuple[str, dict[str, object]]]:
    """Every route by name; the first-run step route once per step. While working on a few
    screens, `COMPANION_FIT_ONLY=checkin.,setup.step` keeps the cases starting with those."""
    out: list[tuple[str, dict[str, object]]] = []
    for name in all_routes(window):
        if name == "setup.step":
            out += [(f"setup.step {i}", {"index": i}) for i in range(len(STEPS))]
        else:
            out.append((name, sample_arguments(window.ctx, name)))
    only = [p for p in os.environ.get("COMPANION_FIT_ONLY", "").split(",") if p]
    return [c for c in out if c[0].startswith(tuple(only))] if only else out
