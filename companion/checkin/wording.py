"""The words shown for moods, tags and score bands, and the plain sentences about a result.

Declared with N_() at import and translated with _() when shown, so a language switch applies live.
"""

from __future__ import annotations

from companion.checkin.instruments import SELF_HARM_FLAG, Score
from companion.i18n import N_, _

MOOD_WORDS: dict[str, str] = {
    "very_good": N_("Very good"),
    "good": N_("Good"),
    "okay": N_("Okay"),
    "not_good": N_("Not good"),
    "very_bad": N_("Very bad"),
}
MOOD_ICONS: dict[str, str] = {
    "very_good": "face-very-good",
    "good": "face-good",
    "okay": "face-okay",
    "not_good": "face-not-good",
    "very_bad": "face-very-bad",
}
TAG_WORDS: dict[str, str] = {
    "sleep": N_("Sleep"),
    "pain": N_("Pain"),
    "loneliness": N_("Loneliness"),
    "family": N_("Family"),
    "money": N_("Money"),
    "health": N_("Health"),
    "worry": N_("Worry"),
    "nothing_special": N_("Nothing special"),
}
BAND_WORDS: dict[str, str] = {
    "minimal": N_("very few signs"),
    "mild": N_("mild"),
    "moderate": N_("moderate"),
    "moderately severe": N_("moderately severe"),
    "severe": N_("severe"),
    "negative": N_("few signs"),
    "positive": N_("some signs"),
    "adequate": N_("good"),
    "poor": N_("low"),
    "likely depression": N_("very low"),
}
NO_RIGHT_OR_WRONG = N_(
    "There are no right or wrong answers. Your answers stay on this computer, locked."
)
"""Said before the first question of every questionnaire."""
INSTRUMENT_NAMES: dict[str, str] = {  # official names: small print, reports, the helper's view
    "phq9": "PHQ-9",
    "phq2": "PHQ-2",
    "gad7": "GAD-7",
    "gad2": "GAD-2",
    "who5": "WHO-5",
}
PLAIN_NAMES: dict[str, str] = {  # what a person reads as the name of a choice
    "phq9": N_("Questions about low mood"),
    "phq2": N_("A few questions about low mood"),
    "gad7": N_("Questions about worry"),
    "gad2": N_("A few questions about worry"),
    "who5": N_("Questions about well-being"),
}


def plain_name(instrument_id: str) -> str:
    """ "Questions about low mood", never "PHQ-9", as the name a person sees."""
    return _(PLAIN_NAMES[instrument_id]) if instrument_id in PLAIN_NAMES else instrument_id


def mood_word(mood: str | None) -> str:
    """The mood in words, or "Skipped" when the person chose not to say."""
    return _(MOOD_WORDS[mood]) if mood in MOOD_WORDS else _("Skipped")


def tag_word(tag: str) -> str:
    return _(TAG_WORDS[tag]) if tag in TAG_WORDS else tag


def band_word(band: str) -> str:
    return _(BAND_WORDS[band]) if band in BAND_WORDS else band


def _meaning(score: Score) -> str:
    """One sentence on what this score means, in plain words."""
    kind = score.instrument_id
    if kind in ("phq9", "phq2"):
        if score.band in ("minimal", "negative"):
            return _("Your answers show few signs of low mood in the last two weeks.")
        if score.band == "mild":
            return _("Your answers show some signs of low mood in the last two weeks.")
        if score.band == "positive":
            return _(
                "Your answers show signs of low mood. A longer set of questions can tell more."
            )
        return _("Your answers show many signs of low mood in the last two weeks.")
    if kind in ("gad7", "gad2"):
        if score.band in ("minimal", "negative"):
            return _("Your answers show few signs of worry in the last two weeks.")
        if score.band == "mild":
            return _("Your answers show some signs of worry in the last two weeks.")
        if score.band == "positive":
            return _("Your answers show signs of worry. A longer set of questions can tell more.")
        return _("Your answers show a lot of worry in the last two weeks.")
    if score.band == "adequate":
        return _("Your answers show good well-being in the last two weeks.")
    if score.band == "poor":
        return _(
            "Your answers show low well-being in the last two weeks. "
            "Questions about mood can tell more."
        )
    return _(
        "Your answers show very low well-being in the last two weeks. "
        "Talking to a doctor about this is a good idea."
    )


def _self_harm_sentences(score: Score) -> list[str]:
    """After a self-harm answer the result never reassures: that answer comes before the score."""
    return [
        _(
            "You said you have had thoughts that you would be better off dead, "
            "or of hurting yourself."
        ),
        _("That answer matters more than your score of {total}.").format(total=score.total),
        _("You do not have to face this alone. Please reach out to someone today."),
        _("You can share this result with your clinician. They can help you understand it."),
    ]


def result_sentences(score: Score) -> list[str]:
    """What the results screen says: the score, its meaning, not a diagnosis, share it.

    After a self-harm answer (PHQ-9 item 9 above 0) it says that answer matters more than the
    score, and nothing about "few signs".
    """
    if SELF_HARM_FLAG in score.flags:
        return _self_harm_sentences(score)
    name = INSTRUMENT_NAMES.get(score.instrument_id, score.instrument_id)
    if score.percent is not None:
        first = _("Your {name} score is {percent} out of 100.").format(
            name=name, percent=score.percent
        )
    else:
        first = _("Your {name} score is {total}.").format(name=name, total=score.total)
    return [
        first,
        _meaning(score),
        _("This is not a diagnosis. Only a health professional can make one."),
        _("You can share this result with your clinician. They can help you understand it."),
    ]


def self_harm_reason() -> str:
    """Why Get help now opened by itself after the question about hurting oneself."""
    return _("You told us you have had thoughts of hurting yourself. You do not have to wait.")


def question_of(number: int, count: int) -> str:
    """ "Question 2 of 3": where a person is, in a check-in or a questionnaire."""
    return _("Question {number} of {count}").format(number=number, count=count)
