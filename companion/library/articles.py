"""Read one article file (TOML header between `+++` lines, Markdown body) into an `Article`.

The header is declared as a schema (`ArticleHeader`); with the rules that need the file's place
and the body's shape, a broken rule raises `ContentError` naming the file and the field, so the
loader can skip that one file and tell the caregiver why.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec

from companion.i18n import N_
from companion.library.schema import (
    CHECKIN_TARGET,
    EXERCISE_PREFIX,
    TRY_THIS_HEADINGS,
    Article,
    Block,
    ContentError,
    Page,
    Slug,
    Source,
    SourceEntry,
    Text,
    Topic,
    check_text,
    no_repeats,
)
from companion.library.schema import is_https_link as is_https_link  # its old home
from companion.schemas import RuleError, SchemaError, convert

HEADER_FENCE = "+++"
PAGE_BREAK = "---"
MAX_TITLE_LENGTH = 90
MAX_SUMMARY_LENGTH = 220
MAX_MINUTES = 10

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*]))")

UNREADABLE = N_("{file} could not be read ({problem}).")
NO_FENCE = N_("In {file}, the first line must be +++ (the start of the header).")
NO_CLOSING_FENCE = N_("In {file}, the header has no closing +++ line.")
BAD_TOML = N_("In {file}, the header is not written the right way ({problem}).")
ID_NOT_FILE_NAME = N_("In {file}, “{field}” must be the same as the file name ({name}).")
WRONG_FOLDER = N_("{file} is in the “{folder}” folder, but “{field}” says another language.")
TRY_THIS_TARGET = N_("In {file}, “{field}” must be checkin or exercise: and an exercise name.")
EMPTY_PAGE = N_("In {file}, page {number} is empty. Are there two --- lines in a row?")
NO_TRY_THIS = N_("In {file}, the text must end with a “## {heading}” part.")
TRY_THIS_NOT_LAST = N_("In {file}, the “## {heading}” part must close the last page.")


class ArticleHeader(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """The TOML header of an article file, as written between the +++ lines."""

    id: Slug
    language: Literal["en", "fr"]
    title: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_TITLE_LENGTH)]
    summary: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_SUMMARY_LENGTH)]
    minutes: Annotated[int, msgspec.Meta(ge=1, le=MAX_MINUTES)]
    topics: Annotated[list[Topic], msgspec.Meta(min_length=1)]
    reviewed: date
    try_this: Text
    sources: Annotated[list[SourceEntry], msgspec.Meta(min_length=1)]

    def __post_init__(self) -> None:
        check_text(self.title, "title", one_line=True)
        check_text(self.summary, "summary", one_line=True)
        no_repeats(self.topics, "topics")
        target = self.try_this
        exercise = target.removeprefix(EXERCISE_PREFIX)
        if target != CHECKIN_TARGET and (exercise == target or not SLUG.match(exercise)):
            raise RuleError("try_this", TRY_THIS_TARGET)


def read_article(path: Path, pack: str = "companion") -> Article:
    """Parse and check the article at `path`; raises ContentError saying what is wrong."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError.of(path, None, UNREADABLE, problem=type(exc).__name__) from exc
    header, body = split_header(path, text)
    return parse_article(path, header, body, pack)


def split_header(path: Path, text: str) -> tuple[dict[str, Any], str]:
    """The TOML header as a table and the Markdown body after it."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != HEADER_FENCE:
        raise ContentError.of(path, None, NO_FENCE)
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == HEADER_FENCE)
    except StopIteration:
        raise ContentError.of(path, None, NO_CLOSING_FENCE) from None
    try:
        header = tomllib.loads("\n".join(lines[1:end]))
    except tomllib.TOMLDecodeError as exc:
        raise ContentError.of(path, None, BAD_TOML, problem=exc) from exc
    return header, "\n".join(lines[end + 1 :])


def parse_article(path: Path, table: dict[str, Any], body: str, pack: str) -> Article:
    """The header checked against `ArticleHeader`, then the rules of the file's place and body."""
    try:
        header = convert(table, ArticleHeader, path.name)
    except SchemaError as exc:
        raise ContentError(path, exc.refusal) from exc
    if header.id != path.stem:
        raise ContentError.of(path, "id", ID_NOT_FILE_NAME, name=path.stem)
    if path.parent.name != header.language:
        raise ContentError.of(path, "language", WRONG_FOLDER, folder=path.parent.name)
    return Article(
        id=header.id,
        language=header.language,
        title=header.title.strip(),
        summary=header.summary.strip(),
        minutes=header.minutes,
        topics=tuple(header.topics),
        reviewed=header.reviewed,
        try_this=header.try_this,
        sources=sources_of(header.sources),
        pages=parse_body(path, body, header.language),
        pack=pack,
        path=path,
    )


def sources_of(entries: list[SourceEntry] | None) -> tuple[Source, ...]:
    return tuple(Source(title=e.title.strip(), url=e.url.strip()) for e in entries or ())


def parse_body(path: Path, body: str, language: str) -> tuple[Page, ...]:
    """Split the body into pages at `---` lines and each page into headings, bullets, paragraphs."""
    pages: list[Page] = []
    chunks: list[list[str]] = [[]]
    for line in body.splitlines():
        if line.strip() == PAGE_BREAK:
            chunks.append([])
        else:
            chunks[-1].append(line)
    for number, chunk in enumerate(chunks, start=1):
        blocks = parse_blocks(chunk)
        if not blocks:
            raise ContentError.of(path, f"page {number}", EMPTY_PAGE, number=number)
        pages.append(Page(blocks=blocks))
    check_try_this(path, pages, language)
    return tuple(pages)


def parse_blocks(lines: list[str]) -> tuple[Block, ...]:
    blocks: list[Block] = []
    paragraph: list[str] = []

    def close_paragraph() -> None:
        if paragraph:
            blocks.append(Block("paragraph", clean_inline(" ".join(paragraph))))
            paragraph.clear()

    for raw in lines:
        line = raw.strip()
        if not line:
            close_paragraph()
        elif line.startswith("#"):
            close_paragraph()
            blocks.append(Block("heading", clean_inline(line.lstrip("#").strip())))
        elif line.startswith(("- ", "* ")):
            close_paragraph()
            blocks.append(Block("bullet", clean_inline(line[2:].strip())))
        elif (
            raw.startswith((" ", "\t")) and blocks and blocks[-1].kind == "bullet" and not paragraph
        ):
            # An indented line continues the bullet above it.
            previous = blocks.pop()
            blocks.append(Block("bullet", previous.text + " " + clean_inline(line)))
        else:
            paragraph.append(line)
    close_paragraph()
    return tuple(blocks)


def clean_inline(text: str) -> str:
    """Markdown links become their words and emphasis marks go: the reader shows plain text."""
    return _EMPHASIS.sub("", _LINK.sub(r"\1", text)).strip()


def check_try_this(path: Path, pages: list[Page], language: str) -> None:
    """The body must end with the language's "Try this" section, with words after the heading."""
    expected = TRY_THIS_HEADINGS[language]
    headings = [(p, i, b) for p, page in enumerate(pages) for i, b in enumerate(page.blocks)]
    headings = [h for h in headings if h[2].kind == "heading"]
    if not headings or headings[-1][2].text.rstrip(" :") != expected:
        raise ContentError.of(path, "body", NO_TRY_THIS, heading=expected)
    page_index, block_index, _block = headings[-1]
    if page_index != len(pages) - 1 or block_index == len(pages[-1].blocks) - 1:
        raise ContentError.of(path, "body", TRY_THIS_NOT_LAST, heading=expected)
