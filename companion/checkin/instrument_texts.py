"""Loads and validates the questionnaire wording kept as data in content/instruments/.

A bad file is reported with its name and the field that is wrong (InstrumentContentError), so a
content mistake shows as one clear sentence, never a crash deep in a screen.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from companion.checkin.instruments import INSTRUMENT_IDS, rules_for
from companion.i18n import LANGUAGES

_log = logging.getLogger(__name__)
INSTRUMENTS_FOLDER = "instruments"
TEXT_FIELDS = ("name", "title", "stem")


class InstrumentContentError(ValueError):
    """A questionnaire file is missing, unreadable, or has a wrong field."""

    def __init__(self, path: Path, field: str, problem: str) -> None:
        super().__init__(f"{path.name}: field {field!r}: {problem}")
        self.path = path
        self.field = field
        self.problem = problem


@dataclass(frozen=True)
class AnswerChoice:
    """One answer button: the words shown and the value scored."""

    value: int
    label: str


@dataclass(frozen=True)
class ClosingQuestion:
    """The published, unscored last question of the PHQ-9 and GAD-7 (how difficult...)."""

    text: str
    choices: tuple[AnswerChoice, ...]


@dataclass(frozen=True)
class InstrumentText:
    """A questionnaire's wording in one language, ready for one-item-per-screen display."""

    instrument_id: str
    language: str
    name: str
    title: str
    stem: str
    items: tuple[str, ...]
    choices: tuple[AnswerChoice, ...]
    source: str
    terms_of_use: str
    closing_question: ClosingQuestion | None = None
    """None when the file has no confirmed wording of it in this language (then it is not
    asked: questionnaire wording is never made up)."""


def instrument_path(content_dir: Path, instrument_id: str) -> Path:
    return content_dir / INSTRUMENTS_FOLDER / f"{instrument_id}.json"


def _text(path: Path, data: dict[str, Any], field: str, key: str, language: str) -> str:
    where = f"{field}.{language}" if key == language else field
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InstrumentContentError(path, where, "must be non-empty text")
    return value


def _translated(path: Path, data: Any, field: str, language: str, variant: str = "") -> str:
    """The text in `language`, or in its regional form (`fr-CA`) when the file has one."""
    if not isinstance(data, dict):
        raise InstrumentContentError(path, field, "must be a table of languages")
    regional = f"{language}-{variant}" if variant else ""
    if regional and regional in data:
        return _text(path, data, field, regional, regional)
    return _text(path, data, field, language, language)


def _closing_question(
    path: Path, data: dict[str, Any], language: str, variant: str
) -> ClosingQuestion | None:
    raw = data.get("closing_question")
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise InstrumentContentError(path, "closing_question", "must be an object")
    text = raw.get("text")
    if not isinstance(text, dict) or language not in text:
        return None  # no wording in this language: not asked
    words = _translated(path, text, "closing_question.text", language, variant)
    choices = raw.get("choices")
    if not isinstance(choices, list) or len(choices) != 4:
        raise InstrumentContentError(path, "closing_question.choices", "must list 4 answers")
    answers = []
    for index, entry in enumerate(choices):
        where = f"closing_question.choices[{index}]"
        if not isinstance(entry, dict) or entry.get("value") != index:
            raise InstrumentContentError(path, where, f"must be an object with value {index}")
        answers.append(AnswerChoice(index, _translated(path, entry, where, language, variant)))
    return ClosingQuestion(words, tuple(answers))


def _read(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InstrumentContentError(
            path, "(file)", f"cannot be read ({error.strerror})"
        ) from error
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise InstrumentContentError(
            path, "(file)", f"is not valid JSON (line {error.lineno})"
        ) from error
    if not isinstance(data, dict):
        raise InstrumentContentError(path, "(file)", "must hold one JSON object")
    return data


def _choices(
    path: Path, data: dict[str, Any], instrument_id: str, language: str
) -> tuple[AnswerChoice, ...]:
    rules = rules_for(instrument_id)
    raw = data.get("choices")
    if not isinstance(raw, list) or not raw:
        raise InstrumentContentError(path, "choices", "must be a list of answer choices")
    choices = []
    for index, entry in enumerate(raw):
        field = f"choices[{index}]"
        if not isinstance(entry, dict):
            raise InstrumentContentError(path, field, "must be an object")
        value = entry.get("value")
        if isinstance(value, bool) or not isinstance(value, int):
            raise InstrumentContentError(path, f"{field}.value", "must be a whole number")
        choices.append(AnswerChoice(value, _text(path, entry, field, language, language)))
    expected = set(range(rules.lowest_answer, rules.highest_answer + 1))
    values = [c.value for c in choices]
    if len(values) != len(set(values)) or set(values) != expected:
        raise InstrumentContentError(
            path,
            "choices",
            f"values must be each of {rules.lowest_answer} to {rules.highest_answer} once, "
            f"got {values}",
        )
    return tuple(choices)


def load_instrument(
    content_dir: Path, instrument_id: str, language: str, variant: str = ""
) -> InstrumentText:
    """Read and check one questionnaire's wording in `language` (`en` or `fr`); `variant` (a
    country, "CA") picks a regional form such as `fr-CA` where the file carries one."""
    rules = rules_for(instrument_id)
    if language not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    path = instrument_path(content_dir, instrument_id)
    data = _read(path)
    if data.get("id") != instrument_id:
        raise InstrumentContentError(path, "id", f"must be {instrument_id!r}")
    texts = {
        field: _translated(path, data.get(field), field, language, variant) for field in TEXT_FIELDS
    }
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or len(raw_items) != rules.item_count:
        count = len(raw_items) if isinstance(raw_items, list) else 0
        raise InstrumentContentError(
            path, "items", f"must list {rules.item_count} items, found {count}"
        )
    items = tuple(
        _translated(path, item, f"items[{index}]", language, variant)
        for index, item in enumerate(raw_items)
    )
    return InstrumentText(
        instrument_id=instrument_id,
        language=language,
        name=texts["name"],
        title=texts["title"],
        stem=texts["stem"],
        items=items,
        choices=_choices(path, data, instrument_id, language),
        source=_text(path, data, "source", "source", language),
        terms_of_use=_text(path, data, "terms_of_use", "terms_of_use", language),
        closing_question=_closing_question(path, data, language, variant),
    )


def load_all_instruments(content_dir: Path, language: str) -> dict[str, InstrumentText]:
    """Every questionnaire in `language`; the first bad file raises InstrumentContentError."""
    return {i: load_instrument(content_dir, i, language) for i in INSTRUMENT_IDS}
