"""The one page a caregiver prints at the end of the first run: never the PIN, never the
recovery code (it opens the notes; the person sees it alone, see ui/screens/setup/recovery_code)."""

from __future__ import annotations

from dataclasses import dataclass

from companion.config import SETTINGS_BY_NAME
from companion.i18n import _
from companion.setup.flow import LOCK_WORDS, STEP_IDS, STEPS, SetupAnswers
from companion.when_words import clock_words


@dataclass(frozen=True)
class SummaryLine:
    label: str
    value: str


def summary(answers: SetupAnswers, later: set[str], region_name: str) -> list[SummaryLine]:
    """The one page a caregiver prints: never the PIN and never the recovery code."""
    lines: list[SummaryLine] = []
    if answers.name:
        lines.append(SummaryLine(_("Name"), answers.name))
    language = SETTINGS_BY_NAME["language"].label(answers.language or "en")
    lines.append(SummaryLine(_("Language"), language))
    if answers.text_scale:
        lines.append(
            SummaryLine(_("Text size"), SETTINGS_BY_NAME["text_scale"].label(answers.text_scale))
        )
    who = SETTINGS_BY_NAME["shared_pc"].label(bool(answers.shared_pc))
    lines.append(SummaryLine(_("Who uses this computer"), who))
    lock = answers.lock or "none"
    lines.append(SummaryLine(_("Keeping notes private"), _(LOCK_WORDS[lock])))
    if lock != "none":
        lines.append(
            SummaryLine(_("Your PIN"), _("Not printed here. Keep it in your head or a safe place."))
        )
    if answers.recovery_code and lock != "none":
        lines.append(
            SummaryLine(
                _("Recovery code"),
                _("Made, and shown to this person alone. It is not printed here."),
            )
        )
    lines.append(SummaryLine(_("Crisis lines for"), region_name))
    for contact in answers.contacts:
        relation = f" ({contact.relation})" if contact.relation else ""
        lines.append(SummaryLine(_("Person to call"), f"{contact.name}{relation}: {contact.phone}"))
    if answers.reminder_time is not None:
        lines.append(SummaryLine(_("Daily check-in reminder"), clock_words(answers.reminder_time)))
    if answers.shared_pc is not None:  # the answer to "Who" decides it (companion.setup.flow)
        starts = _("No") if answers.shared_pc else _("Yes, quietly, to remind you")
        lines.append(SummaryLine(_("Starts when the computer starts"), starts))
    if later:
        names = [_(STEPS[STEP_IDS.index(s)].question) for s in STEP_IDS if s in later]
        lines.append(SummaryLine(_("Left for later (in Settings)"), " ".join(names)))
    return lines
