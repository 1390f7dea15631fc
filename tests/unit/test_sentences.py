"""One sentence splitter, in English and French, that knows titles, times and numbers."""

from __future__ import annotations

import pytest

from companion.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call Dr. Roy today. He is kind.", ["Call Dr. Roy today.", "He is kind."]),
        ("Mrs. Lee and Mr. Tan will help.", ["Mrs. Lee and Mr. Tan will help."]),
        ("Come at 9 a.m. tomorrow. Bring water.", ["Come at 9 a.m. tomorrow.", "Bring water."]),
        ("It starts at 2 p.m. Bring your glasses.", ["It starts at 2 p.m.", "Bring your glasses."]),
        ("Call or text 9-8-8. Someone answers.", ["Call or text 9-8-8.", "Someone answers."]),
        ("Walk 2.5 km a day. It helps!", ["Walk 2.5 km a day.", "It helps!"]),
        ("Is it today? Yes.", ["Is it today?", "Yes."]),
        ("First line\nSecond line.", ["First line", "Second line."]),
        ("Appelez M. Roy demain. Il répond.", ["Appelez M. Roy demain.", "Il répond."]),
        (
            "Mme Roy et Mme. Tremblay sont là. Merci.",
            ["Mme Roy et Mme. Tremblay sont là.", "Merci."],
        ),
        ("Composez le 9-8-8. C’est gratuit.", ["Composez le 9-8-8.", "C’est gratuit."]),
        ("Marchez 2,5 km. Respirez.", ["Marchez 2,5 km.", "Respirez."]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_the_library_and_the_screens_use_the_same_splitter() -> None:
    from companion.library import schema as library_schema

    assert library_schema.split_sentences is split_sentences
