"""The library of articles and exercises: find the content packs, load them, and look things up.

Loading never fails as a whole: a broken file is skipped, logged, and listed in
`LoadReport.problems` so the caregiver's view can say which file and why, while the person still
sees everything else. The shipped pack lives in content/; a caregiver or clinic adds their own
as a folder under <data dir>/packs/<name>/ with the same layout, without touching code.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from companion.i18n import N_
from companion.library.articles import read_article
from companion.library.exercises import read_exercise
from companion.library.schema import (
    CONTENT_LANGUAGES,
    TOPICS,
    Article,
    ContentError,
    ContentProblem,
    Exercise,
)
from companion.library.search import SearchHit, SearchIndex
from companion.schemas import Refusal

_log = logging.getLogger(__name__)

SHIPPED_PACK = "companion"
PACKS_FOLDER = "packs"
EXERCISES_FOLDER = "exercises"
ARTICLE_SUFFIX = ".md"
EXERCISE_SUFFIX = ".toml"

ID_USED = N_("In {file}, “{field}” is {value}, which another file already uses.")
NO_SUCH_EXERCISE = N_("In {file}, “{field}” names an exercise that is not there ({value}).")
NOT_READ = N_("{file} could not be read. The log says why.")


@dataclass(frozen=True)
class PackFolder:
    """Where one pack's articles (<articles>/<lang>/*.md) and exercises (*.toml) live."""

    name: str
    articles: Path
    exercises: Path


def pack_folders(content_dir: Path, data_dir: Path | None = None) -> list[PackFolder]:
    """The shipped pack first, then every folder a caregiver put in <data dir>/packs/, by name."""
    packs = [PackFolder(SHIPPED_PACK, content_dir / PACKS_FOLDER, content_dir / EXERCISES_FOLDER)]
    extra_root = data_dir / PACKS_FOLDER if data_dir is not None else None
    if extra_root is not None and extra_root.is_dir():
        for folder in sorted(extra_root.iterdir()):
            if folder.is_dir() and not folder.name.startswith((".", "_")):
                packs.append(PackFolder(folder.name, folder, folder / EXERCISES_FOLDER))
    return packs


class Library:
    """Every article and exercise that loaded, with the lookups the screens need."""

    def __init__(self, articles: Iterable[Article], exercises: Iterable[Exercise]) -> None:
        self._articles: dict[tuple[str, str], Article] = {}
        for article in articles:
            self._articles.setdefault((article.language, article.id), article)
        self._exercises: dict[str, Exercise] = {}
        for exercise in exercises:
            self._exercises.setdefault(exercise.id, exercise)
        self._index = SearchIndex(self._articles.values(), self._exercises.values())

    def articles(self, language: str) -> list[Article]:
        """The articles in `language`, shipped pack first, in the order the files are named."""
        return [a for (lang, _id), a in self._articles.items() if lang == language]

    def all_articles(self) -> list[Article]:
        return list(self._articles.values())

    def article(self, article_id: str, language: str) -> Article | None:
        return self._articles.get((language, article_id))

    def twin(self, article: Article) -> Article | None:
        """The same article in the other language, if there is one."""
        others = [lang for lang in CONTENT_LANGUAGES if lang != article.language]
        for language in others:
            found = self.article(article.id, language)
            if found is not None:
                return found
        return None

    def topics(self, language: str) -> list[str]:
        """The topics that have at least one article in `language`, in the standard order."""
        used = {t for a in self.articles(language) for t in a.topics}
        return [t for t in TOPICS if t in used]

    def articles_about(self, topic: str, language: str) -> list[Article]:
        """Articles on `topic`, those whose main (first) topic it is before the rest."""
        found = [a for a in self.articles(language) if topic in a.topics]
        return sorted(found, key=lambda a: a.topics.index(topic) > 0)

    def exercises(self) -> list[Exercise]:
        return list(self._exercises.values())

    def exercise(self, exercise_id: str) -> Exercise | None:
        return self._exercises.get(exercise_id)

    def by_key(self, key: str, language: str) -> Article | Exercise | None:
        """An article or exercise from its key ("article:<id>" or "exercise:<id>")."""
        kind, _sep, item_id = key.partition(":")
        if kind == "article":
            return self.article(item_id, language)
        if kind == "exercise":
            return self.exercise(item_id)
        return None

    def search(self, query: str, language: str, limit: int = 8) -> list[SearchHit]:
        """Articles in `language` and exercises matching `query`, forgiving spelling mistakes."""
        return self._index.search(query, language, limit)


@dataclass(frozen=True)
class LoadReport:
    """What loading found: the library, and the files skipped with why (for the caregiver)."""

    library: Library
    problems: tuple[ContentProblem, ...] = field(default=())


def load_library(packs: Sequence[PackFolder]) -> LoadReport:
    """Load every pack; each broken file is skipped and reported, never raised."""
    problems: list[ContentProblem] = []
    articles: dict[tuple[str, str], Article] = {}
    exercises: dict[str, Exercise] = {}
    for pack in packs:
        for path in _files(pack.exercises, EXERCISE_SUFFIX):
            exercise = _load_one(path, pack.name, problems, is_article=False)
            if isinstance(exercise, Exercise):
                if exercise.id in exercises:
                    _skip(problems, path, "id", ID_USED, exercise.id)
                else:
                    exercises[exercise.id] = exercise
        for language in CONTENT_LANGUAGES:
            for path in _files(pack.articles / language, ARTICLE_SUFFIX):
                article = _load_one(path, pack.name, problems, is_article=True)
                if isinstance(article, Article):
                    key = (article.language, article.id)
                    if key in articles:
                        _skip(problems, path, "id", ID_USED, article.id)
                    else:
                        articles[key] = article
    for article in articles.values():
        target = article.try_this_exercise
        if target is not None and target not in exercises:
            # Kept: the article is still worth reading; only its "Try this" button is hidden.
            refusal = Refusal(article.path.name, "try_this", NO_SUCH_EXERCISE, (("value", target),))
            problems.append(ContentProblem(article.path, refusal))
            _log.warning("Article %s points at a missing exercise", article.path.name)
    _log.info(
        "Library loaded: %d articles, %d exercises, %d problems",
        len(articles),
        len(exercises),
        len(problems),
    )
    return LoadReport(Library(articles.values(), exercises.values()), tuple(problems))


def load_installed_library(content_dir: Path, data_dir: Path | None) -> LoadReport:
    """The shipped content plus every caregiver pack: what the launcher calls."""
    return load_library(pack_folders(content_dir, data_dir))


def _files(folder: Path, suffix: str) -> list[Path]:
    """Content files in `folder`; names starting with . or _ are drafts and skipped."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix == suffix and p.is_file() and not p.name.startswith((".", "_"))
    )


def _load_one(
    path: Path, pack: str, problems: list[ContentProblem], is_article: bool
) -> Article | Exercise | None:
    try:
        return read_article(path, pack) if is_article else read_exercise(path, pack)
    except ContentError as exc:
        problems.append(ContentProblem(path, exc.refusal))
        _log.warning("Skipped content file %s: %s", path.name, exc.refusal.english())
    except Exception:  # a bug must not take the whole library down; the log keeps the traceback
        _log.exception("Unexpected error reading content file %s", path.name)
        _skip(problems, path, None, NOT_READ)
    return None


def _skip(
    problems: list[ContentProblem], path: Path, field: str | None, reason: str, value: str = ""
) -> None:
    problem = ContentProblem(path, Refusal(path.name, field, reason, (("value", value),)))
    problems.append(problem)
    _log.warning("Skipped content file %s: %s", path.name, problem.refusal.english())
