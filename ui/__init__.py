"""The PySide6 window of Companion: the shell, the screens, speech and switch access on screen."""

from ui.qt_source_check import use_light_source_check

use_light_source_check()  # before anything else of ours is imported after PySide6
