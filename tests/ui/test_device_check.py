"""Check my camera and microphone: plain words when a device is missing, a live picture and level.

This machine (like CI) has no camera, no microphone and no speaker, so the "cannot find" words
are checked for real through QMediaDevices. A camera is the one thing faked: a DeviceCatalog
whose camera sends made pictures through QVideoFrameInput into the screen's real capture session
and QVideoWidget.
"""

from __future__ import annotations

from array import array
from datetime import UTC, timedelta

import pytest
from PySide6.QtCore import QByteArray, QIODevice, QObject, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import (
    QAudioDevice,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoFrameInput,
)
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from companion.appointments.model import Appointment
from companion.i18n import set_language
from tests.ui.recording_speech import RecordingSpeech
from ui.app import MainWindow
from ui.screens.sessions.device_check import DeviceCheckScreen
from ui.screens.sessions.device_parts import (
    CameraFeed,
    DeviceCatalog,
    QtCameraFeed,
)
from ui.screens.sessions.sessions_screen import SessionsScreen
from ui.shared.appointments import appointment_store
from ui.widgets.screen import MAX_CHOICES


@pytest.fixture
def no_devices(qapp: QApplication) -> None:
    """These tests need a computer like CI's: no camera, no microphone, no speaker."""
    if QMediaDevices.videoInputs() or QMediaDevices.audioInputs() or QMediaDevices.audioOutputs():
        pytest.skip("this computer has a camera, microphone or speaker")


needs_no_devices = pytest.mark.usefixtures("no_devices")

NO_CAMERA = (
    "Companion cannot find a camera. If your computer has one, check that it is plugged in and "
    "turned on. Then press Look again."
)
NO_MICROPHONE = (
    "Companion cannot find a microphone. If you use a headset, check that it is plugged in. "
    "Then press Look again."
)
NO_SPEAKER = (
    "Companion cannot find a speaker or headphones. Check that they are plugged in and turned "
    "on. Then press Look again."
)


class MadeCamera(CameraFeed):
    """A camera that sends pictures we make, through the capture session like a real one."""

    def __init__(self, parent: QObject) -> None:
        super().__init__("Made camera", parent)
        self.frames = QVideoFrameInput(self)
        self.attached_to: QMediaCaptureSession | None = None

    def attach(self, session: QMediaCaptureSession) -> None:
        session.setVideoFrameInput(self.frames)
        self.attached_to = session

    def detach(self, session: QMediaCaptureSession) -> None:
        session.setVideoFrameInput(None)  # type: ignore[arg-type]
        self.attached_to = None

    def send_picture(self) -> bool:
        picture = QImage(640, 360, QImage.Format.Format_RGB32)
        picture.fill(QColor("#c8a27a"))
        return self.frames.sendVideoFrame(QVideoFrame(picture))


class CatalogWithCamera(DeviceCatalog):
    """The real lists for microphones and speakers (none here), and one made camera."""

    def __init__(self, camera_allowed: Qt.PermissionStatus = Qt.PermissionStatus.Granted) -> None:
        super().__init__()
        self.cameras_made: list[MadeCamera] = []
        self.camera_allowed = camera_allowed

    def camera(self, parent: QObject) -> CameraFeed | None:
        self.cameras_made.append(MadeCamera(parent))
        return self.cameras_made[-1]

    def allowed(self, what: str) -> Qt.PermissionStatus:
        return self.camera_allowed if what == "camera" else super().allowed(what)


class SoundStream(QIODevice):
    """Plays the part of a microphone's audio stream: the test writes samples, it says readyRead."""

    def __init__(self) -> None:
        super().__init__()
        self.waiting = b""
        self.open(QIODevice.OpenModeFlag.ReadOnly)

    def say(self, samples: list[int]) -> None:
        self.waiting += array("h", samples).tobytes()
        self.readyRead.emit()

    def bytesAvailable(self) -> int:
        return len(self.waiting) + super().bytesAvailable()

    def readData(self, maxlen: int) -> bytes:
        chunk, self.waiting = self.waiting[:maxlen], self.waiting[maxlen:]
        return chunk

    def writeData(self, data: bytes | QByteArray) -> int:
        return -1


def _open_check(window: MainWindow, phone: str | None = "613-555-0199") -> DeviceCheckScreen:
    """Open My video sessions with a session tomorrow, then its camera-and-microphone check."""
    now = window.ctx.clock.now()
    appointment_store(window.ctx).save(
        Appointment(
            id=None,
            title="Therapy",
            with_whom="Dr. Lee",
            start=(now + timedelta(days=2)).astimezone(UTC),
            duration_minutes=50,
            link="https://zoom.us/j/5551234567",
            phone=phone,
            notes="",
            recurrence=None,
            uid=None,
        )
    )
    sessions = SessionsScreen(window.ctx)
    window.push(sessions)
    window.ctx.runner.wait_for_idle()  # the sessions are read in the background
    QApplication.processEvents()  # and their answer delivered here
    sessions.check_button.click()
    screen = window.current()
    assert isinstance(screen, DeviceCheckScreen)
    return screen


def test_my_video_sessions_offers_the_check_within_six_choices(window: MainWindow) -> None:
    sessions = SessionsScreen(window.ctx)
    window.push(sessions)
    assert sessions.check_button in sessions.choices()
    assert len(sessions.choices()) <= MAX_CHOICES
    assert sessions.check_button.accessibleName() == "Check my camera and microphone"


@needs_no_devices
def test_with_no_devices_at_all_each_is_named_in_plain_words(
    window: MainWindow, speech: RecordingSpeech
) -> None:
    screen = _open_check(window)
    assert screen.title() == "Check my camera and microphone"
    assert screen.camera_label.text() == NO_CAMERA
    assert screen.microphone_label.text() == NO_MICROPHONE
    assert screen.speaker_label.text() == NO_SPEAKER
    assert screen.fallback_label.isVisible()
    assert "call 613-555-0199" in screen.fallback_label.text()
    assert not screen.picture_frame.isVisible() and not screen.level_bar.isVisible()
    screen.checklist_button.click()
    assert speech.texts()[-4:] == [
        NO_CAMERA,
        NO_MICROPHONE,
        NO_SPEAKER,
        "If something does not work, you can call 613-555-0199 at the time of your session.",
    ]
    spoken = " ".join(part.sentence for part in screen.reading_order())
    assert NO_CAMERA in spoken and "Play the test sound" in spoken


@needs_no_devices
def test_play_the_test_sound_with_no_speaker_says_why(
    window: MainWindow, speech: RecordingSpeech
) -> None:
    screen = _open_check(window, phone=None)
    screen.sound_button.click()
    assert speech.texts()[-1] == NO_SPEAKER
    assert screen.sound_button.accessibleDescription() == NO_SPEAKER
    assert "call your clinic" in screen.fallback_label.text()


@needs_no_devices
def test_a_camera_picture_reaches_the_screen_and_the_camera_is_let_go_on_back(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    catalog = CatalogWithCamera()
    window.ctx.parts.devices.put(catalog)
    screen = _open_check(window)
    camera = catalog.cameras_made[-1]
    assert camera.attached_to is screen.capture
    assert screen.camera_label.text() == (
        "This is what your camera sees. Is your face in the picture?"
    )
    assert screen.picture_frame.isVisible()
    sink = screen.picture.videoSink()
    with qtbot.waitSignal(sink.videoFrameChanged, timeout=5000):
        assert camera.send_picture()
    assert sink.videoFrame().size().width() == 640
    screen.checklist_button.click()
    assert speech.texts()[-4] == "Is your face in the picture?"
    window.back()  # the browser's video call needs the camera: it is let go at once
    assert camera.attached_to is None


@needs_no_devices
def test_covering_the_screen_lets_the_camera_go_and_coming_back_takes_it_again(
    window: MainWindow,
) -> None:
    catalog = CatalogWithCamera()
    window.ctx.parts.devices.put(catalog)
    screen = _open_check(window)
    camera = catalog.cameras_made[-1]
    window.show_help_now()
    assert camera.attached_to is None
    window.back()
    assert window.current() is screen and camera.attached_to is screen.capture


@needs_no_devices
def test_a_camera_that_stops_is_explained_and_look_again_tries_once_more(
    window: MainWindow,
) -> None:
    catalog = CatalogWithCamera()
    window.ctx.parts.devices.put(catalog)
    screen = _open_check(window)
    catalog.cameras_made[-1].failed.emit()
    assert screen.camera_label.text() == (
        "The camera is not working right now. Close other programs that use it, "
        "then press Look again."
    )
    assert not screen.picture_frame.isVisible()
    assert screen.fallback_label.isVisible()
    screen.again_button.click()
    assert catalog.cameras_made[-1].attached_to is screen.capture
    assert screen.picture_frame.isVisible()


@needs_no_devices
def test_a_camera_the_system_does_not_allow_is_explained(window: MainWindow) -> None:
    catalog = CatalogWithCamera(camera_allowed=Qt.PermissionStatus.Denied)
    window.ctx.parts.devices.put(catalog)
    screen = _open_check(window)
    assert screen.camera_label.text() == (
        "Companion is not allowed to use the camera. A helper can allow it in the computer's "
        "privacy settings."
    )
    assert catalog.cameras_made[-1].attached_to is None


def test_the_level_bar_moves_with_the_voice_and_the_words_follow(window: MainWindow) -> None:
    screen = _open_check(window)
    stream = SoundStream()
    screen.meter.listen(stream, "int16")
    stream.say([3, -5, 8, -2] * 200)  # a quiet room
    assert screen.level_bar.value() < 20
    assert screen.heard_label.text() == "We hear nothing yet."
    stream.say([0, 9000, -12000, 4000] * 200)  # someone saying hello
    assert screen.level_bar.value() > 80
    assert screen.heard_label.text() == "Your microphone hears you."
    assert screen.level_bar.accessibleDescription() == "Your microphone hears you."
    stream.say([1, -1] * 200)
    assert screen.level_bar.value() < 10
    assert screen.heard_label.text() == "Your microphone hears you."  # it did hear: that stays
    screen.again_button.click()
    assert screen.heard_label.text() == "We hear nothing yet."


@pytest.mark.qt_log_ignore(
    r"^No audio device detected$",
    r"^QSoundEffect: playback of this format is not supported on the selected audio device$",
)
def test_a_speaker_that_cannot_play_the_chime_is_explained(
    qtbot: QtBot, window: MainWindow, speech: RecordingSpeech
) -> None:
    screen = _open_check(window)
    with qtbot.waitSignal(screen.chime.failed, timeout=5000):
        screen.chime.play(QAudioDevice())  # a listed speaker that plays nothing
    sentence = (
        "The test sound could not play. Check that the sound is turned up and the speaker is on."
    )
    assert screen.speaker_label.text() == sentence
    assert speech.texts()[-1] == sentence


def test_the_screen_speaks_french_after_a_language_change(window: MainWindow) -> None:
    screen = _open_check(window)
    window.ctx.settings.set("language", "fr")
    try:
        assert screen.title() != "Check my camera and microphone"
        assert screen.again_button.accessibleName() != "Look again"
        assert screen.heard_label.text() != "We hear nothing yet."
    finally:
        set_language("en")


def test_every_choice_is_big_enough_to_press(window: MainWindow) -> None:
    screen = _open_check(window)
    QApplication.processEvents()
    for button in screen.choices():
        assert button.width() >= 64 and button.height() >= 64, button.accessibleName()


class CatalogWithBrokenCamera(DeviceCatalog):
    """A camera is listed, but the device behind it cannot be opened (QCamera reports it)."""

    def camera(self, parent: QObject) -> CameraFeed | None:
        return QtCameraFeed(QCameraDevice(), parent)


def test_a_listed_camera_that_cannot_open_is_explained(window: MainWindow) -> None:
    window.ctx.parts.devices.put(CatalogWithBrokenCamera())
    screen = _open_check(window)
    assert screen.camera_label.text().startswith("The camera is not working right now.")
    assert not screen.picture_frame.isVisible()
    window.back()  # letting go of a camera that never opened is fine too
    assert isinstance(window.current(), SessionsScreen)


@pytest.mark.qt_log_ignore(r"^No audio device detected$")
def test_a_microphone_that_cannot_open_is_explained(qtbot: QtBot, window: MainWindow) -> None:
    screen = _open_check(window)
    screen.microphone_state = "ready"
    with qtbot.waitSignal(screen.meter.failed, timeout=5000):
        started = screen.meter.start(QAudioDevice())  # the real QAudioSource, on no device
    assert not started
    assert screen.microphone_label.text() == (
        "The microphone is not working right now. Close other programs that use it, "
        "then press Look again."
    )
    assert not screen.level_bar.isVisible()


def _clipped_labels(screen: DeviceCheckScreen) -> list[str]:
    QApplication.processEvents()
    return [
        label.text()
        for label in screen.findChildren(QLabel)
        if label.isVisible() and label.height() < label.heightForWidth(label.width())
    ]


def test_large_text_puts_the_parts_under_each_other_live_and_cuts_no_words(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.ctx.parts.devices.put(CatalogWithCamera())
    screen = _open_check(window)
    assert screen.columns.side_by_side
    assert _clipped_labels(screen) == []
    assert screen.microphone_label.x() > screen.picture_frame.geometry().right()
    window.ctx.settings.set("text_scale", 200)
    assert not screen.columns.side_by_side
    qtbot.waitUntil(lambda: _clipped_labels(screen) == [], timeout=3000)
    assert screen.microphone_label.y() > screen.picture_frame.geometry().bottom()
    assert _clipped_labels(screen) == []
    window.ctx.settings.set("text_scale", 100)
    assert screen.columns.side_by_side
    qtbot.waitUntil(lambda: _clipped_labels(screen) == [], timeout=3000)
