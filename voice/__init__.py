"""Speech for Companion: a Speaker that renders with pyttsx3 and plays in its own thread (no Qt)."""

from voice.engine import Rendering, SpeechUnavailableError, VoiceSettings
from voice.jobs import SpeechListener
from voice.speaker import ENGINE_ENV, Speaker, probe
from voice.status import SpeechStatus

__all__ = [
    "ENGINE_ENV",
    "Rendering",
    "Speaker",
    "SpeechListener",
    "SpeechStatus",
    "SpeechUnavailableError",
    "VoiceSettings",
    "probe",
]
