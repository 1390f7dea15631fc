"""Every declared schema refuses bad input (wrong type, missing field, unknown field, huge value)
with one kind sentence naming the file and the field, in English and in French."""

from __future__ import annotations

import copy
import json
import logging
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from companion.config import SETTINGS_BY_NAME, SettingsStore, check_settings
from companion.i18n import set_language, translated_ids
from companion.library.articles import read_article, split_header
from companion.library.exercises import read_exercise
from companion.library.schema import ContentError
from companion.paths import content_dir
from companion.preset.reading import load_system_preset
from companion.safety.crisis import CrisisDataError, parse_crisis_data
from companion.schemas import SchemaError, field_words

Damage = Callable[[dict[str, Any]], object]


@pytest.fixture
def french() -> Iterator[None]:
    set_language("fr")
    yield
    set_language("en")


def _article_text(change: Damage) -> str:
    """The shipped stress.md with its header changed by `change`, written back as TOML."""
    text = (content_dir() / "packs" / "en" / "stress.md").read_text(encoding="utf-8")
    header, body = split_header(Path("stress.md"), text)
    change(header)
    return "+++\n" + _toml(header) + "+++\n" + body


def _toml(table: dict[str, Any]) -> str:
    """Just enough TOML for an article header (strings, numbers, dates, lists, [[sources]])."""
    lines, tables = [], []
    for key, value in table.items():
        if key == "sources" and isinstance(value, list) and value and isinstance(value[0], dict):
            tables.extend(value)
        else:
            lines.append(
                f"{key} = {json.dumps(value) if not hasattr(value, 'isoformat') else value}"
            )
    for source in tables:
        lines.append("[[sources]]")
        lines.extend(f"{k} = {json.dumps(v)}" for k, v in source.items())
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("change", "field", "sentence"),
    [
        (lambda h: h.update(minutes="two"), "minutes", "“minutes” should be a whole number."),
        (lambda h: h.pop("summary"), "summary", "“summary” is missing or empty."),
        (lambda h: h.update(colour="blue"), "colour", "“colour” is not a name Companion knows."),
        (lambda h: h.update(minutes=10**30), "minutes", "“minutes” should be at most 10."),
        (lambda h: h.update(title="x" * 10_000), "title", "“title” is too long: at most 90"),
        (lambda h: h.update(topics=["sleep"] * 3), "topics", "lists the same thing twice."),
        (lambda h: h["sources"][0].update(url="ftp://x"), "sources #1 url", "starts with https"),
        (lambda h: h["sources"][0].pop("title"), "sources #1 title", "is missing or empty."),
    ],
)
def test_an_article_header_refuses_bad_input_by_file_and_field(
    tmp_path: Path, change: Damage, field: str, sentence: str
) -> None:
    path = tmp_path / "en" / "stress.md"
    path.parent.mkdir()
    path.write_text(_article_text(change), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        read_article(path)
    assert raised.value.field_name == field
    assert str(raised.value.refusal).startswith("In stress.md, ")
    assert sentence in str(raised.value.refusal)


def _exercise(tmp_path: Path, change: Damage, name: str = "breathing") -> Path:
    table = tomllib.loads((content_dir() / "exercises" / f"{name}.toml").read_text("utf-8"))
    change(table)
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(table, default=str), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda t: t["breathing"]["paces"][0].update(inhale="slow"), "breathing.paces #1 inhale"),
        (lambda t: t["breathing"]["paces"][0].update(inhale=1e300), "breathing.paces #1 inhale"),
        (lambda t: t["breathing"].pop("cue_in"), "breathing.cue_in"),
        (lambda t: t["breathing"].update(tempo=3), "breathing.tempo"),
        (lambda t: t["title"].update(de="Atmen"), "title.de"),
        (lambda t: t["title"].update(fr="   "), "title.fr"),
        (lambda t: t["breathing"].update(minutes=list(range(1, 10_000))), "breathing.minutes"),
        (lambda t: t["steps"][0].update(kind="timed"), "steps #1 seconds"),
        (lambda t: t["breathing"].update(default_pace="fast"), "breathing.default_pace"),
        (lambda t: t.pop("breathing"), "breathing"),
    ],
)
def test_an_exercise_file_refuses_bad_input_by_file_and_field(
    tmp_path: Path, change: Damage, field: str
) -> None:
    from companion.library.exercises import parse_exercise

    raw = _exercise(tmp_path, change)
    table = json.loads(raw.read_text("utf-8"))
    table["reviewed"] = tomllib.loads(f"d = {table['reviewed']}")["d"]
    with pytest.raises(ContentError) as raised:
        parse_exercise(tmp_path / "breathing.toml", table, "companion")
    assert raised.value.field_name == field
    assert "breathing.toml" in raised.value.refusal.sentence()


def test_a_corrupt_exercise_file_names_itself_and_not_a_field(tmp_path: Path) -> None:
    path = tmp_path / "breathing.toml"
    path.write_bytes(b"id = \xff\xfe")
    with pytest.raises(ContentError) as raised:
        read_exercise(path)
    assert raised.value.field_name is None
    assert raised.value.refusal.sentence().startswith("breathing.toml could not be read")


def _crisis() -> dict[str, Any]:
    raw = (content_dir() / "crisis" / "regions.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(raw)
    return loaded


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["regions"][0].update(code=7), "regions #1 code"),
        (
            lambda d: d["regions"][0]["lines"][0].update(confirmed="yes"),
            "regions #1 lines #1 confirmed",
        ),
        (lambda d: d["regions"][0].pop("name"), "regions #1 name"),
        (lambda d: d["regions"][0].update(colour="red"), "regions #1 colour"),
        (
            lambda d: d["regions"][0]["lines"][0].update(number="9" * 10_000),
            "regions #1 lines #1 number",
        ),
        (lambda d: d.update(regions=[d["regions"][0]] * 10_000), "regions"),
        (
            lambda d: d["regions"][0]["emergency"].update(last_checked="2026-13-40"),
            "regions #1 emergency.last_checked",
        ),
    ],
)
def test_the_crisis_file_refuses_bad_input_by_field(change: Damage, field: str) -> None:
    data = copy.deepcopy(_crisis())
    change(data)
    with pytest.raises(CrisisDataError) as raised:
        parse_crisis_data(data)
    assert raised.value.field_name == field
    assert raised.value.refusal.english().startswith("In regions.json, ")


def test_a_crisis_refusal_is_a_french_sentence_too(french: None) -> None:
    data = _crisis()
    data["regions"][0]["lines"][0]["confirmed"] = "oui"
    with pytest.raises(CrisisDataError) as raised:
        parse_crisis_data(data)
    assert raised.value.refusal.sentence() == (
        "Dans regions.json, « regions #1 lines #1 confirmed » devrait être "
        "true ou false (vrai ou faux)."
    )
    assert "In regions.json" in str(raised.value)  # the log stays in English


@pytest.mark.parametrize(
    ("name", "value", "sentence"),
    [
        ("text_scale", "big", "“text_scale” should be a whole number."),
        ("text_scale", 130, "holds 130, which Companion does not know."),
        ("speech_rate", True, "“speech_rate” should be a whole number."),
        ("speech_rate", 10**30, "“speech_rate” should be at most 260."),
        ("less_motion", 1, "“less_motion” should be true or false."),
        ("trusted_link_domains", "a" * 100_000, "is too long: at most 2000 letters."),
        ("wallpaper", "blue", "“wallpaper” is not a name Companion knows."),
    ],
)
def test_settings_refuse_bad_values_one_by_one(name: str, value: object, sentence: str) -> None:
    valid, refused = check_settings({name: value, "theme": "dark"}, "settings.json")
    assert valid == {"theme": "dark"}  # one bad value loses nothing else
    [refusal] = refused
    assert refusal.field == name and refusal.file == "settings.json"
    assert refusal.sentence().startswith("In settings.json, ") and sentence in refusal.sentence()


def test_a_bad_stored_setting_is_logged_by_name_and_the_rest_are_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"text_scale": "huge", "theme": "dark"}), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="companion.config"):
        store = SettingsStore(path)
    assert store.get("theme") == "dark" and store.get("text_scale") == 100
    assert any("settings.json, “text_scale”" in r.getMessage() for r in caplog.records)


def test_a_preset_keeps_its_good_settings_and_logs_each_bad_one(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "preset.json"
    path.write_text(
        json.dumps({"theme": ["dark"], "shared_pc": True, "autolock_minutes": -5}),
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING, logger="companion.preset"):
        preset = load_system_preset([path])
    assert preset == {"shared_pc": True}
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "“theme” should be text" in messages
    assert "“autolock_minutes” should be at least 0" in messages


def test_a_preset_that_is_not_a_table_is_refused_whole(tmp_path: Path) -> None:
    path = tmp_path / "preset.json"
    path.write_text("[1, 2, 3]", encoding="utf-8")
    bad: list[Path] = []
    assert load_system_preset([path], bad) == {} and bad == [path]


def test_every_declared_choice_has_words_in_english_and_french(french: None) -> None:
    translated = translated_ids("fr")
    for setting in SETTINGS_BY_NAME.values():
        for option in setting.options:
            assert setting.label(option.value), (setting.name, option.value)
            if setting.name not in ("language", "text_scale"):  # names and numbers stay
                assert option.label in translated, (setting.name, option.label)
                assert not option.explanation or option.explanation in translated
    assert SETTINGS_BY_NAME["autolock_minutes"].label(5) == "Verrouiller après 5 minutes"
    assert SETTINGS_BY_NAME["theme"].label("high_contrast") == "Contraste élevé"


def test_a_value_inside_a_range_is_allowed_even_without_words() -> None:
    speed = SETTINGS_BY_NAME["speech_rate"]
    assert speed.validate(170) == 170 and speed.label(170) == "170"
    with pytest.raises(SchemaError):
        speed.validate(79)


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("$.breathing.paces[0].inhale", "breathing.paces #1 inhale"),
        ("$.title.en", "title.en"),
        ("$.regions[2].lines[0]", "regions #3 lines #1"),
        ("$", None),
    ],
)
def test_msgspec_paths_read_the_way_a_helper_reads_them(path: str, words: str | None) -> None:
    assert field_words(path) == words
