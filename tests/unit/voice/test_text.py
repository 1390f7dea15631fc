"""Cutting texts into pieces that keep their place in the whole text."""

from __future__ import annotations

from voice.text import split_into_pieces


def test_sentences_keep_their_offsets() -> None:
    text = "Hello there.  How are you?\nFine! Très bien… Merci."
    pieces = split_into_pieces(text)
    assert [p.text for p in pieces] == [
        "Hello there.",
        "How are you?",
        "Fine!",
        "Très bien…",
        "Merci.",
    ]
    assert all(text[p.offset : p.offset + len(p.text)] == p.text for p in pieces)


def test_long_sentences_are_cut_at_commas_then_spaces() -> None:
    text = "word " * 100 + "and then, " + "more " * 10
    pieces = split_into_pieces(text, max_chars=60)
    assert all(len(p.text) <= 60 for p in pieces)
    assert all(text[p.offset : p.offset + len(p.text)] == p.text for p in pieces)
    assert " ".join(p.text for p in pieces).split() == text.split()


def test_blank_and_punctuation_only_text_has_no_pieces() -> None:
    assert split_into_pieces("   \n ... ") == []
