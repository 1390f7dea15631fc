"""Read one article file (TOML header between `+++` lines, Markdown body) into an `Article`.

Every rule an article must follow is checked here, and a broken rule raises `ContentError` naming
the file and the field, so the loader can skip that one file and tell the caregiver why.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from companion.library.schema import (
    CHECKIN_TARGET,
    CONTENT_LANGUAGES,
    EXERCISE_PREFIX,
    TOPICS,
    TRY_THIS_HEADINGS,
    Article,
    Block,
    ContentError,
    Page,
    Source,
)

HEADER_FENCE = "+++"
PAGE_BREAK = "---"
ARTICLE_KEYS = frozenset(
    {"id", "language", "title", "summary", "minutes", "topics", "reviewed", "try_this", "sources"}
)
SOURCE_KEYS = frozenset({"title", "url"})
MAX_TITLE_LENGTH = 90
MAX_SUMMARY_LENGTH = 220
MAX_MINUTES = 10

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*]))")


def read_article(path: Path, pack: str = "companion") -> Article:
    """Parse and check the article at `path`; raises ContentError saying what is wrong."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(path, None, f"the file could not be read ({exc})") from exc
    header, body = split_header(path, text)
    return parse_article(path, header, body, pack)


def split_header(path: Path, text: str) -> tuple[dict[str, Any], str]:
    """The TOML header as a table and the Markdown body after it."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != HEADER_FENCE:
        raise ContentError(path, None, f"the first line must be {HEADER_FENCE}")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == HEADER_FENCE)
    except StopIteration:
        raise ContentError(path, None, f"the header has no closing {HEADER_FENCE} line") from None
    try:
        header = tomllib.loads("\n".join(lines[1:end]))
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(path, None, f"the header is not valid TOML ({exc})") from exc
    return header, "\n".join(lines[end + 1 :])


def parse_article(path: Path, header: dict[str, Any], body: str, pack: str) -> Article:
    unknown = sorted(set(header) - ARTICLE_KEYS)
    if unknown:
        raise ContentError(path, unknown[0], "is not a known field (a typing mistake?)")
    article_id = required_text(path, header, "id")
    if not SLUG.match(article_id):
        raise ContentError(path, "id", "use lower-case letters, digits and dashes only")
    if article_id != path.stem:
        raise ContentError(path, "id", f"must match the file name ({path.stem!r})")
    language = required_text(path, header, "language")
    if language not in CONTENT_LANGUAGES:
        raise ContentError(path, "language", f"must be one of {', '.join(CONTENT_LANGUAGES)}")
    if path.parent.name != language:
        raise ContentError(path, "language", f"the file is in the {path.parent.name!r} folder")
    title = required_text(path, header, "title", MAX_TITLE_LENGTH)
    summary = required_text(path, header, "summary", MAX_SUMMARY_LENGTH)
    minutes = header.get("minutes")
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= MAX_MINUTES:
        raise ContentError(path, "minutes", f"must be a whole number from 1 to {MAX_MINUTES}")
    return Article(
        id=article_id,
        language=language,
        title=title,
        summary=summary,
        minutes=minutes,
        topics=parse_topics(path, header.get("topics")),
        reviewed=parse_date(path, header.get("reviewed"), "reviewed"),
        try_this=parse_try_this(path, header.get("try_this")),
        sources=parse_sources(path, header.get("sources"), required=True),
        pages=parse_body(path, body, language),
        pack=pack,
        path=path,
    )


def required_text(path: Path, table: dict[str, Any], name: str, limit: int = 0) -> str:
    """A non-empty one-line string field, at most `limit` characters when limit is set."""
    value = table.get(name)
    if not isinstance(value, str) or not value.strip():
        raise ContentError(path, name, "is missing or empty")
    if "\n" in value.strip():
        raise ContentError(path, name, "must be one line")
    if limit and len(value) > limit:
        raise ContentError(path, name, f"is too long ({len(value)} characters, at most {limit})")
    return value.strip()


def parse_topics(path: Path, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise ContentError(path, "topics", "must be a list of at least one topic")
    for topic in value:
        if topic not in TOPICS:
            raise ContentError(path, "topics", f"{topic!r} is not one of: {', '.join(TOPICS)}")
    if len(set(value)) != len(value):
        raise ContentError(path, "topics", "lists a topic twice")
    return tuple(value)


def parse_date(path: Path, value: Any, name: str) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ContentError(path, name, "must be a date written like 2026-11-21 (no quotes)")
    return value


def parse_try_this(path: Path, value: Any) -> str:
    if value == CHECKIN_TARGET:
        return CHECKIN_TARGET
    is_exercise = isinstance(value, str) and value.startswith(EXERCISE_PREFIX)
    if is_exercise and SLUG.match(value[len(EXERCISE_PREFIX) :]):
        return str(value)
    raise ContentError(path, "try_this", 'must be "checkin" or "exercise:<exercise id>"')


def parse_sources(path: Path, value: Any, required: bool) -> tuple[Source, ...]:
    """The list of [[sources]] tables; each needs a title and an https link."""
    if value is None and not required:
        return ()
    if not isinstance(value, list) or not value:
        raise ContentError(path, "sources", "must list at least one [[sources]] with title and url")
    sources = []
    for number, entry in enumerate(value, start=1):
        where = f"sources #{number}"
        if not isinstance(entry, dict):
            raise ContentError(path, where, "must be a table with title and url")
        unknown = sorted(set(entry) - SOURCE_KEYS)
        if unknown:
            raise ContentError(path, f"{where} {unknown[0]}", "is not a known field")
        title = required_text(path, entry, "title")
        url = entry.get("url")
        if not isinstance(url, str) or not is_https_link(url):
            raise ContentError(path, f"{where} url", "must be a full https:// link")
        sources.append(Source(title=title, url=url.strip()))
    return tuple(sources)


def is_https_link(url: str) -> bool:
    """True for a well-formed https link with a host name and no spaces."""
    parts = urlsplit(url.strip())
    return parts.scheme == "https" and bool(parts.hostname) and not any(c.isspace() for c in url)


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
            raise ContentError(path, f"page {number}", "is empty (two --- lines in a row?)")
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
        raise ContentError(path, "body", f'must end with a "## {expected}" section')
    page_index, block_index, _block = headings[-1]
    if page_index != len(pages) - 1 or block_index == len(pages[-1].blocks) - 1:
        raise ContentError(path, "body", f'the "## {expected}" section must close the last page')
