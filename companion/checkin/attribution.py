"""Who made each questionnaire, credited under its first screen, in About and in the report.

The PHQ and GAD scales ask to be credited to their authors and Pfizer's grant; the WHO-5 asks
that its source be cited. One sentence per family, translated like every other sentence.
"""

from __future__ import annotations

from companion.checkin.instruments import INSTRUMENT_IDS
from companion.i18n import N_, _

PFIZER_SCALES: tuple[str, ...] = ("phq9", "phq2", "gad7", "gad2")
PFIZER_CREDIT = N_(
    "The PHQ-9, PHQ-2, GAD-7 and GAD-2 were developed by Drs. Robert L. Spitzer, "
    "Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from "
    "Pfizer Inc. They are free to use."
)
WHO5_CREDIT = N_(
    "The WHO-5 comes from the Psychiatric Research Unit, WHO Collaborating Centre in Mental "
    "Health, Mental Health Centre North Zealand. It is free to use with its source named."
)


def attribution(instrument_id: str) -> str:
    """The credit to show with `instrument_id`, in the current language."""
    if instrument_id not in INSTRUMENT_IDS:
        raise ValueError(f"Unknown instrument {instrument_id!r}")
    return _(PFIZER_CREDIT) if instrument_id in PFIZER_SCALES else _(WHO5_CREDIT)


def all_attributions() -> list[str]:
    """Every credit once (for About and the clinician report), in the current language."""
    return [_(PFIZER_CREDIT), _(WHO5_CREDIT)]
