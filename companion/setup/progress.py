"""Where an unfinished first run stopped, kept in the person's encrypted preferences.

Leaving the setup (Home, Esc, closing the window) must not send the person back to step 1 next
time. What was answered is kept with the step, except the PIN or passphrase and the recovery
code, which are never written anywhere: when they were chosen but not yet used, the setup
resumes at the lock step so they are asked again.
"""

from __future__ import annotations

import logging
from dataclasses import fields
from datetime import time
from typing import Any

from companion.preferences import Preferences
from companion.safety.crisis import EmergencyContact
from companion.setup.flow import STEP_IDS, SetupAnswers, SetupFlow

_log = logging.getLogger(__name__)

SETUP_PROGRESS_KEY = "setup_progress"
# Answers that may be kept between starts (never the secret or the recovery code).
_KEPT_ANSWERS = (
    "language",
    "text_scale",
    "speech_rate",
    "shared_pc",
    "name",
    "region",
    "wants_first_session",
)


def save_progress(flow: SetupFlow, preferences: Preferences) -> None:
    """Keep the step being shown and the answers so far (one write)."""
    answers = flow.answers
    saved: dict[str, Any] = {name: getattr(answers, name) for name in _KEPT_ANSWERS}
    saved["contacts"] = [[c.name, c.phone, c.relation] for c in answers.contacts]
    saved["contacts_replace"] = answers.contacts_replace
    saved["reminder_time"] = (
        answers.reminder_time.strftime("%H:%M") if answers.reminder_time else None
    )
    saved["lock_chosen"] = answers.lock is not None
    preferences.set(
        SETUP_PROGRESS_KEY,
        {"step": STEP_IDS[min(flow.index, len(STEP_IDS) - 1)], "answers": saved},
    )


def forget_progress(preferences: Preferences) -> None:
    preferences.remove(SETUP_PROGRESS_KEY)


def resumed_flow(preferences: Preferences) -> SetupFlow:
    """A flow at the step where the setup was left, with its answers; a fresh flow when
    nothing (or nothing readable) was kept."""
    flow = SetupFlow()
    saved = preferences.get(SETUP_PROGRESS_KEY)
    try:
        if not isinstance(saved, dict) or saved.get("step") not in STEP_IDS:
            return flow
        flow.index = STEP_IDS.index(saved["step"])
        answers = saved.get("answers", {})
        known = {f.name for f in fields(SetupAnswers)}
        for name in _KEPT_ANSWERS:
            if name in known and answers.get(name) is not None:
                setattr(flow.answers, name, answers[name])
        flow.answers.contacts = tuple(
            EmergencyContact(str(n), str(p), str(r)) for n, p, r in answers.get("contacts", [])
        )
        # Kept before this was saved: a list typed was the whole list only if it had someone.
        replace = answers.get("contacts_replace", bool(flow.answers.contacts))
        flow.answers.contacts_replace = replace is True
        if answers.get("reminder_time"):
            hour, minute = (int(x) for x in str(answers["reminder_time"]).split(":"))
            flow.answers.reminder_time = time(hour, minute)
        if answers.get("lock_chosen") and "lock" in STEP_IDS:
            flow.index = min(flow.index, STEP_IDS.index("lock"))  # the PIN was never kept
    except (TypeError, ValueError, KeyError):
        _log.warning("The kept setup progress could not be read; the setup starts again")
        return SetupFlow()
    return flow
