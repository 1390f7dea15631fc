"""What a questionnaire result offers next, in order: help first after a self-harm answer, the
longer questionnaire after a positive short one, and always a way back to the start."""

from __future__ import annotations

from enum import StrEnum

from companion.checkin.instruments import SELF_HARM_FLAG, Score

WHO5_OFFER_PHQ9_AT_OR_BELOW = 50
"""A WHO-5 of 50 % or less is low well-being: the PHQ-9 is offered (28 % or less also says
that talking to a doctor is a good idea; see wording.result_sentences)."""


class FollowUp(StrEnum):
    """One choice on the result screen."""

    HELP_NOW = "help_now"
    TRUSTED_PEOPLE = "trusted_people"
    """"Talk to someone I trust": the person's own contacts."""
    START_PHQ9 = "start_phq9"
    START_GAD7 = "start_gad7"
    HOME = "home"


INSTRUMENT_TO_START: dict[FollowUp, str] = {
    FollowUp.START_PHQ9: "phq9",
    FollowUp.START_GAD7: "gad7",
}


def follow_ups(score: Score) -> tuple[FollowUp, ...]:
    """The result screen's choices for `score`, most important first."""
    if SELF_HARM_FLAG in score.flags:
        return (FollowUp.HELP_NOW, FollowUp.TRUSTED_PEOPLE, FollowUp.HOME)
    if score.instrument_id == "phq2" and score.band == "positive":
        return (FollowUp.START_PHQ9, FollowUp.HOME)
    if score.instrument_id == "gad2" and score.band == "positive":
        return (FollowUp.START_GAD7, FollowUp.HOME)
    if (
        score.instrument_id == "who5"
        and score.percent is not None
        and score.percent <= WHO5_OFFER_PHQ9_AT_OR_BELOW
    ):
        return (FollowUp.START_PHQ9, FollowUp.HOME)
    return (FollowUp.HOME,)
