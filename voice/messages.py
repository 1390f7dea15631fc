"""The sentences speech problems are reported with, marked for translation but not translated here.

voice/ imports nothing of ours, so it cannot call companion.i18n: the UI translates these with `_()`
when it shows them (they are the msgids of the "voice" catalog).
"""

from __future__ import annotations

import sys


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Mark `message` for the catalog extractor; the UI translates it when shown."""
    return message


if sys.platform == "win32":
    NO_ENGINE = N_(
        "Speech is not available on this computer. Ask a helper to turn on a voice in the "
        "Windows Settings, under Time and language, then Speech."
    )
elif sys.platform == "darwin":
    NO_ENGINE = N_(
        "Speech is not available on this computer. Ask a helper to check the voices in the "
        "Mac's System Settings, under Accessibility, then Spoken content."
    )
else:
    NO_ENGINE = N_(
        "Speech is not available on this computer. Ask a helper to install the espeak-ng "
        "program, then start Companion again."
    )

ENGINE_FAILED = N_(
    "Speech is not available on this computer: the voice program stopped working. "
    "Start Companion again. If it still does not talk, ask a helper to reinstall espeak-ng."
)
NO_AUDIO_DEVICE = N_(
    "Speech is not available on this computer: no speakers or headphones were found. "
    "Plug in speakers or headphones, then start Companion again."
)
NO_PLAYER = N_(
    "Speech is not available on this computer. Ask a helper to install a sound player, "
    "such as the alsa-utils package, then start Companion again."
)
VOICE_MISSING = N_(
    "The voice for this language is not installed, so another voice is speaking. "
    "Ask a helper to install the espeak-ng voices."
)
SPEECH_OK = N_("Speech works.")
