"""The live parts of the device check: what the computer has, the camera, the microphone, the chime.

Each part reports in states (never sentences), so the screen alone decides the words. The lists
come from QMediaDevices; tests put a DeviceCatalog with a made-up camera in ctx.parts.devices,
since a camera is the one thing no test machine has (microphones and speakers are checked for real).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import (
    QCameraPermission,
    QCoreApplication,
    QIODevice,
    QMicrophonePermission,
    QObject,
    Qt,
    QTemporaryDir,
    QUrl,
    Signal,
)
from PySide6.QtMultimedia import (
    QAudioDevice,
    QAudioFormat,
    QAudioSource,
    QCamera,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QSoundEffect,
    QtAudio,
)

from companion.appointments.device_sound import chime_wav, peak_percent
from ui.context import AppContext

_log = logging.getLogger(__name__)
_Device = TypeVar("_Device", QCameraDevice, QAudioDevice)


_SAMPLE_FORMATS = {
    QAudioFormat.SampleFormat.UInt8: "uint8",
    QAudioFormat.SampleFormat.Int16: "int16",
    QAudioFormat.SampleFormat.Int32: "int32",
    QAudioFormat.SampleFormat.Float: "float",
}


class CameraFeed(QObject):
    """A source of pictures for a capture session; `failed` means it stopped giving them."""

    failed = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name

    def attach(self, session: QMediaCaptureSession) -> None:
        """Start sending pictures into `session`."""
        raise NotImplementedError

    def detach(self, session: QMediaCaptureSession) -> None:
        """Stop, and let go of the device (so the video call can use it)."""
        raise NotImplementedError


class QtCameraFeed(CameraFeed):
    """The computer's real camera, through QCamera."""

    def __init__(self, device: QCameraDevice, parent: QObject | None = None) -> None:
        super().__init__(device.description(), parent)
        self.device = device
        self.camera: QCamera | None = None

    def attach(self, session: QMediaCaptureSession) -> None:
        self.camera = QCamera(self.device, self)
        self.camera.errorOccurred.connect(self._on_error)
        session.setCamera(self.camera)
        if self.camera.error() != QCamera.Error.NoError:  # it failed before we listened
            self._on_error(self.camera.error(), "")
            return
        self.camera.start()

    def detach(self, session: QMediaCaptureSession) -> None:
        if self.camera is not None:
            self.camera.stop()
            session.setCamera(None)  # type: ignore[arg-type]
            self.camera.deleteLater()
            self.camera = None

    def _on_error(self, error: QCamera.Error, _words: str) -> None:
        if error != QCamera.Error.NoError:
            _log.warning("The camera failed: %s", error.name)
            self.failed.emit()


class DeviceCatalog(QObject):
    """The cameras, microphones and speakers there are now; `changed` when one comes or goes."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._media = QMediaDevices(self)
        self._media.videoInputsChanged.connect(self.changed)
        self._media.audioInputsChanged.connect(self.changed)
        self._media.audioOutputsChanged.connect(self.changed)

    def camera(self, parent: QObject) -> CameraFeed | None:
        """The camera to show (the system's default first), or None when there is none."""
        found = _default_first(QMediaDevices.defaultVideoInput(), QMediaDevices.videoInputs())
        return QtCameraFeed(found, parent) if found is not None else None

    def microphone(self) -> QAudioDevice | None:
        return _default_first(QMediaDevices.defaultAudioInput(), QMediaDevices.audioInputs())

    def speaker(self) -> QAudioDevice | None:
        return _default_first(QMediaDevices.defaultAudioOutput(), QMediaDevices.audioOutputs())

    def allowed(self, what: str) -> Qt.PermissionStatus:
        """Whether the system lets Companion use the "camera" or "microphone" (macOS asks)."""
        app = QCoreApplication.instance()
        if app is None:
            return Qt.PermissionStatus.Denied
        if what == "camera":
            return app.checkPermission(QCameraPermission())
        return app.checkPermission(QMicrophonePermission())

    def ask_to_allow(self, what: str, context: QObject, answered: Callable[[], None]) -> None:
        """Ask the system (it shows its own question); `answered()` runs when the person replies."""
        app = QCoreApplication.instance()
        if app is None:
            return
        permission = QCameraPermission() if what == "camera" else QMicrophonePermission()
        app.requestPermission(permission, context, lambda _p: answered())


def _default_first(default: _Device, every: list[_Device]) -> _Device | None:
    """The system's default device when there is one, else the first listed, else None."""
    if not default.isNull():
        return default
    return next((device for device in every if not device.isNull()), None)


class MicrophoneMeter(QObject):
    """Listens to a microphone and says how loud it is (0 to 100) many times a second."""

    level = Signal(int)
    failed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source: QAudioSource | None = None
        self.stream: QIODevice | None = None
        self.sample_format = "int16"

    def start(self, device: QAudioDevice) -> bool:
        """Listen to `device` in its own format; False (and `failed`) when it cannot be opened."""
        self.stop()
        audio_format = device.preferredFormat()
        self.source = QAudioSource(device, audio_format, self)
        stream = self.source.start()
        if stream is None or self.source.error() != QtAudio.Error.NoError:
            _log.warning("The microphone could not be opened: %s", self.source.error().name)
            self.stop()
            self.failed.emit()
            return False
        self.listen(stream, _SAMPLE_FORMATS.get(audio_format.sampleFormat(), ""))
        return True

    def listen(self, stream: QIODevice, sample_format: str) -> None:
        """Measure whatever `stream` delivers (a microphone's stream, or a test's)."""
        self.stream = stream
        self.sample_format = sample_format
        stream.readyRead.connect(self._read)

    def stop(self) -> None:
        if self.stream is not None:
            self.stream.readyRead.disconnect(self._read)
            self.stream = None
        if self.source is not None:
            self.source.stop()
            self.source.deleteLater()
            self.source = None

    def _read(self) -> None:
        if self.stream is None:
            return
        data = self.stream.readAll().data()
        if data:
            self.level.emit(peak_percent(bytes(data), self.sample_format))


class ChimePlayer(QObject):
    """Plays the test chime on a speaker; `failed` when the speaker cannot play it."""

    failed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder: QTemporaryDir | None = None
        self._effect: QSoundEffect | None = None
        self._device_id = b""
        self._waiting_to_play = False

    def play(self, speaker: QAudioDevice) -> None:
        if self._effect is None or bytes(speaker.id().data()) != self._device_id:
            self._make_effect(speaker)
        assert self._effect is not None
        if self._effect.status() == QSoundEffect.Status.Ready:
            self._effect.play()
        else:
            self._waiting_to_play = True

    def _make_effect(self, speaker: QAudioDevice) -> None:
        if self._folder is None:  # the chime lives only as long as the screen
            self._folder = QTemporaryDir()
            Path(self._folder.filePath("chime.wav")).write_bytes(chime_wav())
        if self._effect is not None:
            self._effect.deleteLater()
        self._effect = QSoundEffect(speaker, self)
        self._device_id = bytes(speaker.id().data())
        self._effect.statusChanged.connect(self._on_status)
        self._effect.setSource(QUrl.fromLocalFile(self._folder.filePath("chime.wav")))

    def _on_status(self) -> None:
        if self._effect is None:
            return
        status = self._effect.status()
        if status == QSoundEffect.Status.Ready and self._waiting_to_play:
            self._waiting_to_play = False
            self._effect.play()
        elif status == QSoundEffect.Status.Error:
            self._waiting_to_play = False
            _log.warning("The test sound could not be played")
            self.failed.emit()

    def stop(self) -> None:
        self._waiting_to_play = False
        if self._effect is not None:
            self._effect.stop()


def device_catalog(ctx: AppContext) -> DeviceCatalog:
    """The app's one catalog (ctx.parts.devices: a test may put its own), made on first use."""
    return ctx.parts.devices.get()
