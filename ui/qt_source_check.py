"""A lighter PySide6 import check: the same answer without keeping every module's source.

After PySide6 loads, it asks of every newly imported module "does it use PySide6?" (for its
optional `__feature__` switches) by reading the module's whole source with
`inspect.getsource`, and `linecache` keeps that text for the life of the process: here about
23 MB at start (all of SQLAlchemy, our own modules) and a third of the CPU spent importing.
`use_light_source_check` answers the same question by searching the file's bytes, keeping
nothing. It touches one private function of PySide6's support module, so it does nothing
when that function is not there (another PySide6 release); tests/ui/test_start_imports.py
fails if the check stops taking effect.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"
MARKER = b"PySide6"


def uses_pyside(module: ModuleType) -> bool:
    """PySide6's own question, answered from the source file's bytes (no cache, no tokenizer).

    Modules without a Python source file (built-ins, compiled extensions) do not use
    `__feature__`, exactly as PySide6 decides for them."""
    name = getattr(module, "__file__", None)
    if not isinstance(name, str) or not name.endswith(".py"):
        return False
    try:
        return MARKER in Path(name).read_bytes()
    except OSError:
        return False


def use_light_source_check() -> bool:
    """Install the lighter check; True when PySide6's check was there to replace."""
    import PySide6.QtCore  # noqa: F401  (loads PySide6's support modules)

    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
