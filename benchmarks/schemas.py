"""Benchmark: what the schema library costs at start (import, first model, peak memory) and how
long checking our own content against its schemas takes (docs/decisions/0022).

pydantic is measured too when it is installed (it is not a dependency: `pip install pydantic`
into a scratch venv to compare); each import runs in a fresh interpreter, median of 9.

    .venv/bin/python benchmarks/schemas.py
"""

from __future__ import annotations

import importlib.util
import json
import statistics
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from companion.library.articles import ArticleHeader, split_header  # noqa: E402
from companion.library.exercises import ExerciseFile  # noqa: E402
from companion.paths import content_dir  # noqa: E402
from companion.safety.crisis import CrisisFile  # noqa: E402
from companion.schemas import convert  # noqa: E402

# What Companion imports anyway before it reads a file: only the library's own cost counts.
ALREADY = "import typing, datetime, re, inspect, dataclasses, enum, json, tomllib, logging, decimal"
FIRST_MODEL = {
    "msgspec": "import msgspec\nclass A(msgspec.Struct, forbid_unknown_fields=True):\n"
    "    x: int\n    d: datetime.date\n"
    "msgspec.convert({'x': 1, 'd': datetime.date(2026, 1, 1)}, A)",
    "pydantic": "from pydantic import BaseModel, ConfigDict\nclass A(BaseModel):\n"
    "    model_config = ConfigDict(extra='forbid', strict=True)\n    x: int\n    d: datetime.date\n"
    "A.model_validate({'x': 1, 'd': datetime.date(2026, 1, 1)})",
}
PROBE = """
import resource, sys, time
{already}
before, modules = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, len(sys.modules)
start = time.perf_counter()
{body}
took = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(took * 1000, (after - before) / 1024, len(sys.modules) - modules)
"""


def import_cost(library: str) -> str:
    code = PROBE.format(already=ALREADY, body=FIRST_MODEL[library])
    runs = [
        [float(v) for v in subprocess.check_output([sys.executable, "-c", code], text=True).split()]
        for _ in range(9)
    ]
    ms, mb = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
    return f"{library}: import + first model {ms:.0f} ms, +{mb:.1f} MB, +{runs[0][2]:.0f} modules"


def median_ms(work: Callable[[], object], runs: int = 30) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    for library in FIRST_MODEL:
        if importlib.util.find_spec(library) is not None:
            print(import_cost(library))
    content = content_dir()
    articles = sorted((content / "packs").rglob("*.md"))
    headers = [split_header(p, p.read_text(encoding="utf-8"))[0] for p in articles]
    exercises = [
        tomllib.loads(p.read_text(encoding="utf-8"))
        for p in sorted((content / "exercises").glob("*.toml"))
    ]
    crisis = json.loads((content / "crisis" / "regions.json").read_text(encoding="utf-8"))
    print(
        f"checking {len(headers)} article headers: "
        f"{median_ms(lambda: [convert(h, ArticleHeader, 'a') for h in headers]):.2f} ms; "
        f"{len(exercises)} exercises: "
        f"{median_ms(lambda: [convert(e, ExerciseFile, 'e') for e in exercises]):.2f} ms; "
        f"crisis file: {median_ms(lambda: convert(crisis, CrisisFile, 'c', text_dates=True)):.2f}"
        " ms"
    )


if __name__ == "__main__":
    main()
