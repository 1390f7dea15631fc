"""The French content fixes a clinical and language reading asked for (issue 17, item 7), and
the breathing exercise's word on dizziness, kept from sliding back."""

from __future__ import annotations

import pytest

from companion.paths import content_dir


def _read(relative: str) -> str:
    return (content_dir() / relative).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("relative", "wanted", "unwanted"),
    [
        # "l'exercice" is masculine.
        (
            "packs/fr/alcohol.md",
            "« Détendre votre corps » au lieu d'un verre pour vous détendre. Il peut",
            "Elle peut aider votre corps à relâcher la journée",
        ),
        (
            "packs/fr/caregiving.md",
            "« Détendre votre corps ». Il peut",
            "« Détendre votre corps ». Elle peut",
        ),
        # "on edge" is "à cran"; "à bout" means worn out.
        ("packs/fr/worry.md", "à cran", "à bout"),
        # The English says "not a normal part of growing older": "normal" must stay.
        (
            "packs/fr/talk-to-doctor.md",
            "ne font pas partie du vieillissement normal",
            "du fait de vieillir",
        ),
        ("packs/fr/memory-mood.md", "Faites-vous accompagner", "Venez avec un proche"),
        ("packs/fr/video-session.md", "quelques minutes à l'avance", "minutes d'avance"),
        ("exercises/relaxation.toml", "Sautez toute partie du corps", "Sautez une partie du corps"),
        # Words that mean something else in France get a neutral word.
        ("packs/fr/loneliness.md", "bavardez avec un voisin", "jasez"),
        ("packs/fr/alcohol.md", "pour vous détendre", "pour relaxer"),
    ],
)
def test_french_content_fix(relative: str, wanted: str, unwanted: str) -> None:
    text = _read(relative)
    assert wanted in text
    assert unwanted not in text


def test_french_help_now_lists_the_lines_of_france_and_its_neighbours() -> None:
    text = _read("packs/fr/help-now.md")
    for words in ("3114", "15 (SAMU) ou le 112", "0800 32 123", "143", "144 ou le 112"):
        assert words in text
    assert "1 866 APPELLE" in text


def test_breathing_says_what_to_do_when_dizzy() -> None:
    text = _read("exercises/breathing.toml")
    assert "If you feel dizzy, stop and breathe normally again." in text
    assert "Si la tête vous tourne, arrêtez et respirez normalement." in text
