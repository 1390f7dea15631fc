"""Check my camera and microphone: a live picture, a level bar that moves, a chime, plain words.

Before a video session a person can see themselves, watch the bar move as they talk and hear a
chime. When a device is missing, broken or not allowed, the screen says so in one sentence with
what to do. Nothing is recorded. The camera and microphone are let go as soon as the screen
is covered or closed, so the video call in the browser can use them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtMultimedia import QAudioDevice, QMediaCaptureSession
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QFrame,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
)

from companion.appointments.device_sound import hears_a_voice
from companion.appointments.model import Appointment
from companion.i18n import _
from ui.context import AppContext
from ui.screens.sessions.device_parts import (
    CameraFeed,
    ChimePlayer,
    MicrophoneMeter,
    device_catalog,
)
from ui.screens.sessions.side_by_side import SideBySide
from ui.widgets.big_button import BigButton
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)

PICTURE_SIZE = QSize(400, 225)  # 16:9, big enough to see a face, small enough for 1280 x 720
PICTURE_FRAME_STYLE = "QFrame#CameraPicture { border: 3px solid palette(window-text); }"
LEVEL_BAR_HEIGHT_PX = 48
# The bar in the theme's own colours (the palette is set by ui.theme on every change of look).
LEVEL_BAR_STYLE = f"""
QProgressBar {{
    border: 3px solid palette(window-text); border-radius: 8px;
    background: palette(base); min-height: {LEVEL_BAR_HEIGHT_PX}px;
}}
QProgressBar::chunk {{ background: palette(highlight); border-radius: 4px; }}
"""


class DeviceCheckScreen(Screen):
    """One look at the camera, the microphone and the speaker, with the words for each state."""

    screen_id = "sessions_device_check"

    def __init__(self, ctx: AppContext, session: Appointment | None = None) -> None:
        super().__init__(ctx)
        self.session = session
        self.devices = device_catalog(ctx)
        self.camera_feed: CameraFeed | None = None
        self.microphone: QAudioDevice | None = None
        self.speaker: QAudioDevice | None = None
        # States: "none", "not_allowed", "asking", "ready" (found, not started), "working",
        # "failed". The words come from them.
        self.camera_state = "none"
        self.microphone_state = "none"
        self.speaker_state = "none"
        self.heard = False
        self.running = False
        self._camera_attached = False

        self.set_title(lambda: _("Check my camera and microphone"))
        self.add_text(
            lambda: _("Do this a little before your session. Nothing is recorded or sent."),
            explain=True,
        )
        self.camera_label = self.add_text(self._camera_text, notice=True)
        self.picture = QVideoWidget()
        self.picture.setFixedSize(PICTURE_SIZE)
        self.picture.setAccessibleName(_("Your camera picture"))
        self.picture_frame = QFrame()  # an edge, so the picture's place shows before it starts
        self.picture_frame.setObjectName("CameraPicture")
        self.picture_frame.setStyleSheet(PICTURE_FRAME_STYLE)
        frame_layout = QVBoxLayout(self.picture_frame)
        frame_layout.setContentsMargins(3, 3, 3, 3)
        frame_layout.addWidget(self.picture)
        self.picture_frame.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.add_widget(self.picture_frame)
        self.capture = QMediaCaptureSession(self)
        self.capture.setVideoOutput(self.picture)

        self.microphone_label = self.add_text(self._microphone_text, notice=True)
        self.level_bar = QProgressBar()
        self.level_bar.setRange(0, 100)
        self.level_bar.setValue(0)
        self.level_bar.setTextVisible(False)
        self.level_bar.setStyleSheet(LEVEL_BAR_STYLE)
        self.level_bar.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.add_widget(self.level_bar)
        self.heard_label = self.add_text(self._heard_text)
        self.meter = MicrophoneMeter(self)
        self.meter.level.connect(self.show_level)
        self.meter.failed.connect(lambda: self._set_microphone("failed"))

        self.speaker_label = self.add_text(self._speaker_text, notice=True)
        self.chime = ChimePlayer(self)
        self.chime.failed.connect(self._chime_failed)
        self.columns = SideBySide(
            self.body_layout,
            [self.camera_label, self.picture_frame],
            [self.microphone_label, self.level_bar, self.heard_label, self.speaker_label],
        )
        self._fit_columns()
        self.fallback_label = self.add_text(self._fallback_text)

        self.sound_button = self.add_choice(
            BigButton(
                lambda: _("Play the test sound"), "read-aloud", description_fn=self._speaker_text
            )
        )
        self.sound_button.clicked.connect(self.play_test_sound)
        self.checklist_button = self.add_choice(BigButton(lambda: _("Say the checklist"), "check"))
        self.checklist_button.clicked.connect(self.say_checklist)
        self.again_button = self.add_choice(BigButton(lambda: _("Look again")))
        self.again_button.clicked.connect(self.look_again)
        self.devices.changed.connect(self._devices_changed)
        self.finish_layout()
        self._grid_at = self.body_layout.indexOf(self.grid)
        self.find_devices()

    def room_savers(self) -> list[Callable[[bool], None]]:
        return [*super().room_savers(), self._choices_first]

    def _choices_first(self, on: bool) -> None:
        """Where the camera, microphone and speaker cannot fit one screen (larger text), the
        choices come right under the title ("Say the checklist" reads every state aloud), and
        the states below them are read by parts."""
        at = 1 if on else self._grid_at
        if self.body_layout.indexOf(self.grid) != at:
            self.body_layout.removeWidget(self.grid)
            self.body_layout.insertWidget(at, self.grid)

    def _fit_columns(self) -> None:
        self.columns.fit(self.ctx.look().text_scale)

    def changeEvent(self, event: QEvent) -> None:
        # The look changed (text size, theme); Qt may say so before the columns exist.
        if event.type() == QEvent.Type.StyleChange and hasattr(self, "columns"):
            self._fit_columns()
        super().changeEvent(event)

    # --- what there is ----------------------------------------------------------------------
    def find_devices(self) -> None:
        """Read the lists again (nothing is started here) and redraw the words."""
        self.stop_devices()
        if self.camera_feed is not None:
            self.camera_feed.deleteLater()
        self.camera_feed = self.devices.camera(self)
        self.microphone = self.devices.microphone()
        self.speaker = self.devices.speaker()
        self.camera_state = self._first_state("camera", self.camera_feed is not None)
        self.microphone_state = self._first_state("microphone", self.microphone is not None)
        self.speaker_state = "ready" if self.speaker is not None else "none"
        self.heard = False
        self.level_bar.setValue(0)
        self._redraw()

    def _first_state(self, what: str, found: bool) -> str:
        if not found:
            return "none"
        allowed = self.devices.allowed(what)
        if allowed == Qt.PermissionStatus.Denied:
            return "not_allowed"
        if allowed == Qt.PermissionStatus.Undetermined:
            self.devices.ask_to_allow(what, self, self._allow_answered)
            return "asking"
        return "ready"

    def _allow_answered(self) -> None:
        self.find_devices()
        if self.isVisible():
            self.start_devices()

    # --- starting and stopping --------------------------------------------------------------
    def start_devices(self) -> None:
        """Show the camera's picture and listen to the microphone (only while on screen)."""
        self.running = True
        if self.camera_feed is not None and self.camera_state == "ready":
            self.camera_state = "working"
            self.camera_feed.failed.connect(self._camera_failed)
            self.camera_feed.attach(self.capture)
            self._camera_attached = True
        microphone = self.microphone
        if microphone is not None and self.microphone_state == "ready":
            self.microphone_state = "working" if self.meter.start(microphone) else "failed"
        self._redraw()

    def stop_devices(self) -> None:
        """Let go of the camera and the microphone and stop the chime."""
        if self.camera_feed is not None and self._camera_attached:
            self._camera_attached = False
            self.camera_feed.failed.disconnect(self._camera_failed)
            self.camera_feed.detach(self.capture)
            if self.camera_state == "working":
                self.camera_state = "ready"
        self.meter.stop()
        if self.microphone_state == "working":
            self.microphone_state = "ready"
        self.chime.stop()
        self.running = False

    def _camera_failed(self) -> None:
        self.camera_state = "failed"
        self._redraw()

    def _set_microphone(self, state: str) -> None:
        self.microphone_state = state
        self._redraw()

    def _devices_changed(self) -> None:
        """A camera, microphone or speaker was plugged in or out: look again by ourselves."""
        if self.running:
            self.look_again()

    # --- what the person does ---------------------------------------------------------------
    def show_level(self, percent: int) -> None:
        """The microphone's level now; once it hears a voice, the words say so."""
        self.level_bar.setValue(percent)
        if hears_a_voice(percent) and not self.heard:
            self.heard = True
            self._redraw()

    def play_test_sound(self) -> None:
        self.speaker = self.devices.speaker()  # a speaker may have been plugged in since
        if self.speaker is None:
            self.speaker_state = "none"
            self._redraw()
            self.ctx.speech.say(self._speaker_text())
            return
        if self.speaker_state != "failed":
            self.speaker_state = "ready"
        self.chime.play(self.speaker)
        _log.info("Played the test sound")

    def _chime_failed(self) -> None:
        self.speaker_state = "failed"
        self._redraw()
        self.ctx.speech.say(self._speaker_text())

    def say_checklist(self) -> None:
        self.ctx.speech.say_sequence(self.checklist())

    def look_again(self) -> None:
        self.find_devices()
        if self.isVisible():
            self.start_devices()

    def checklist(self) -> list[str]:
        """What "Say the checklist" says: a question per working device, else its problem."""
        items = [
            _("Is your face in the picture?")
            if self.camera_state in ("ready", "working")
            else self._camera_text(),
            _("Say hello. Does the bar move?")
            if self.microphone_state in ("ready", "working")
            else self._microphone_text(),
            _("Press Play the test sound. Can you hear it?")
            if self.speaker_state == "ready"
            else self._speaker_text(),
        ]
        items.append(self._fallback_text() if self._anything_wrong() else _("You are ready."))
        return items

    # --- the words --------------------------------------------------------------------------
    def _camera_text(self) -> str:
        return {
            "none": _(
                "Companion cannot find a camera. If your computer has one, check that it is "
                "plugged in and turned on. Then press Look again."
            ),
            "not_allowed": _(
                "Companion is not allowed to use the camera. A helper can allow it in the "
                "computer's privacy settings."
            ),
            "asking": _("Your computer is asking if Companion may use the camera."),
            "failed": _(
                "The camera is not working right now. Close other programs that use it, "
                "then press Look again."
            ),
        }.get(self.camera_state, _("This is what your camera sees. Is your face in the picture?"))

    def _microphone_text(self) -> str:
        return {
            "none": _(
                "Companion cannot find a microphone. If you use a headset, check that it is "
                "plugged in. Then press Look again."
            ),
            "not_allowed": _(
                "Companion is not allowed to use the microphone. A helper can allow it in the "
                "computer's privacy settings."
            ),
            "asking": _("Your computer is asking if Companion may use the microphone."),
            "failed": _(
                "The microphone is not working right now. Close other programs that use it, "
                "then press Look again."
            ),
        }.get(self.microphone_state, _("Say hello. The bar moves when your microphone hears you."))

    def _heard_text(self) -> str:
        return _("Your microphone hears you.") if self.heard else _("We hear nothing yet.")

    def _speaker_text(self) -> str:
        if self.speaker_state == "none":
            return _(
                "Companion cannot find a speaker or headphones. Check that they are plugged in "
                "and turned on. Then press Look again."
            )
        if self.speaker_state == "failed":
            return _(
                "The test sound could not play. Check that the sound is turned up and the "
                "speaker is on."
            )
        return _("Press Play the test sound. You should hear a short chime.")

    def _fallback_text(self) -> str:
        phone = self.session.phone if self.session is not None else None
        if phone:
            return _(
                "If something does not work, you can call {phone} at the time of your session."
            ).format(phone=phone)
        return _(
            "If something does not work, you can call your clinic at the time of your session."
        )

    def _anything_wrong(self) -> bool:
        states = (self.camera_state, self.microphone_state, self.speaker_state)
        return any(state in ("none", "not_allowed", "failed") for state in states)

    def _redraw(self) -> None:
        has_camera = self.camera_state in ("ready", "working")
        has_microphone = self.microphone_state in ("ready", "working")
        self.picture_frame.setVisible(has_camera)
        self.level_bar.setVisible(has_microphone)
        self.heard_label.setVisible(has_microphone)
        self.fallback_label.setVisible(self._anything_wrong())
        self.level_bar.setAccessibleName(_("Microphone level"))
        self.level_bar.setAccessibleDescription(self._heard_text())
        self.retranslate()

    # --- life on the stack ------------------------------------------------------------------
    def retranslate(self) -> None:
        super().retranslate()
        self.picture.setAccessibleName(_("Your camera picture"))

    def on_shown(self) -> None:
        self._fit_columns()
        self.start_devices()
        super().on_shown()

    def on_hidden(self) -> None:
        self.stop_devices()
        super().on_hidden()

    def on_closed(self) -> None:
        self.stop_devices()
        self.devices.changed.disconnect(self._devices_changed)
