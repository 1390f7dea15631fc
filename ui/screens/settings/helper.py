"""Helper settings: the shared-PC switch, the idle lock time, the helper PIN, trusted video sites,
the daily reminder, and presets to set up other PCs the same way. All behind the helper PIN."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from companion.appointments.links import normalise_trusted_domain
from companion.i18n import _
from companion.preset.files import export_preset, import_preset
from companion.preset.table import PresetFileError
from ui.context import AppContext
from ui.screens.settings.options import ChoiceSettingScreen, declared_options
from ui.screens.settings.screen import TileScreen
from ui.shared.caregiver_gate import CaregiverPinScreen, guarded
from ui.widgets.big_button import BigButton
from ui.widgets.place_chooser import PlaceChooser
from ui.widgets.screen import Screen

_log = logging.getLogger(__name__)


def helper_tile_title() -> str:
    return _("Helper settings")


def open_helper_settings(ctx: AppContext) -> Screen:
    """The tile's factory: the helper PIN gate first when one is set."""
    return guarded(ctx, HelperSettingsScreen)


class HelperSettingsScreen(TileScreen):
    screen_id = "helper_settings"

    def _content_problems(self) -> str:
        return content_problems_sentence(self.ctx)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(helper_tile_title)
        self.add_text(lambda: _("How Companion works on this computer. None of this opens notes."))
        self.content_label = self.add_text(self._content_problems, notice=True)
        self.content_label.setVisible(bool(self.content_label.text()))
        self.add_tile(lambda: _("Who uses this computer"), "person", shared_pc_screen)
        self.add_tile(lambda: _("Lock when nobody is using it"), "lock", autolock_screen)
        self.add_tile(lambda: _("Helper PIN"), "lock", CaregiverPinScreen)
        self.add_route_tile("checkin.schedule", "mood")
        self.add_tile(lambda: _("Trusted video websites"), "sessions", _trusted)
        self.add_tile(lambda: _("Same settings on other computers"), "settings", PresetScreen)
        self.finish_layout()


def content_problems_sentence(ctx: AppContext) -> str:
    """For the helper: content files that were skipped, by name and field, and where packs go."""
    from companion.library.packs import PACKS_FOLDER
    from ui.shared.library import load_report

    problems = load_report(ctx).problems
    if not problems:
        return ""
    listing = " ".join(str(p) for p in problems[:5])  # each a sentence naming file and field
    more = len(problems) - 5
    if more > 0:
        listing += " " + _("And {n} more.").format(n=more)
    return _(
        "Some reading files could not be used and are left out. {files} The other articles "
        "work. Extra packs go in {folder}."
    ).format(files=listing, folder=ctx.data_dir / PACKS_FOLDER)


def _trusted(ctx: AppContext) -> Screen:
    return guarded(ctx, TrustedSitesScreen, "trusted_domains")


def shared_pc_screen(ctx: AppContext) -> Screen:
    return ChoiceSettingScreen(
        ctx,
        "shared_pc",
        lambda: _("Who uses this computer"),
        lambda: _(
            "On a shared computer, Companion starts with the list of people, offers a guest, "
            "and locks by itself when nobody is using it."
        ),
        declared_options("shared_pc"),
    )


def autolock_screen(ctx: AppContext) -> Screen:
    return ChoiceSettingScreen(
        ctx,
        "autolock_minutes",
        lambda: _("Lock when nobody is using it"),
        lambda: _(
            "On a shared computer, Companion warns aloud a minute before, then locks. "
            "Nothing is lost."
        ),
        declared_options("autolock_minutes"),
    )


class TrustedSitesScreen(Screen):
    """Websites a clinic uses for video besides the well-known ones, one per line or comma."""

    screen_id = "helper_trusted_sites"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("Trusted video websites"))
        self.add_text(
            lambda: _(
                "Zoom, Teams, Meet and the other well-known ones are trusted already. Add your "
                "clinic's own video website here, for example meet.myclinic.ca."
            )
        )
        label = QLabel(_("Websites, separated by commas"))
        label.setWordWrap(True)
        self.box = QLineEdit(str(ctx.settings.get("trusted_link_domains")))
        self.box.setAccessibleName(_("Websites, separated by commas"))
        label.setBuddy(self.box)
        self.add_widget(label)
        self.add_widget(self.box, focusable=True)
        self.status = self.add_text(lambda: "", notice=True)
        self.status.hide()
        self.save_button = self.add_choice(BigButton(lambda: _("Save"), "check"))
        self.save_button.clicked.connect(self.save)
        self.finish_layout()

    def save(self) -> None:
        typed = [part.strip() for part in self.box.text().replace("\n", ",").split(",")]
        names = [normalise_trusted_domain(part) for part in typed if part]
        if any(name is None for name in names):
            self.status.setText(
                _("One of these is not a website name like meet.myclinic.ca. Nothing was changed.")
            )
        else:
            self.ctx.settings.set("trusted_link_domains", ", ".join(n for n in names if n))
            self.box.setText(str(self.ctx.settings.get("trusted_link_domains")))
            self.status.setText(_("Saved."))
        self.status.show()


class PresetScreen(Screen):
    """Save these settings to a file, or use a file made on another computer of the centre."""

    screen_id = "helper_presets"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.set_title(lambda: _("Same settings on other computers"))
        self.add_text(
            lambda: _(
                "Save how Companion works here to a file, then use it on the other computers. "
                "The file has no names, phone numbers, PINs or notes."
            )
        )
        self.status = self.add_text(lambda: "", notice=True)
        self.status.hide()
        self.export_button = self.add_choice(
            BigButton(lambda: _("Save settings to a file"), "about")
        )
        self.export_button.clicked.connect(self.export)
        self.import_button = self.add_choice(
            BigButton(lambda: _("Use a settings file"), "settings")
        )
        self.import_button.clicked.connect(self.import_file)
        self.finish_layout()

    @classmethod
    def ask_save_path(cls, parent: QWidget) -> Path | None:
        return PlaceChooser.save_path(
            parent, _("Save settings"), _("Companion settings") + ".json", ".json"
        )

    @classmethod
    def ask_open_path(cls, parent: QWidget) -> Path | None:
        return PlaceChooser.open_path(parent, _("Use a settings file"), (".json",))

    def _say(self, sentence: str) -> None:
        self.status.setText(sentence)
        self.status.show()
        self.setAccessibleDescription(sentence)

    def export(self) -> None:
        path = type(self).ask_save_path(self)
        if path is None:
            return
        try:
            written = export_preset(self.ctx.settings, path)
        except OSError:
            _log.exception("Saving the settings file failed")
            self._say(_("The file could not be saved there. Please choose another place."))
            return
        self._say(_("Saved: {name}").format(name=written.name))

    def import_file(self) -> None:
        path = type(self).ask_open_path(self)
        if path is None:
            return
        try:
            result = import_preset(path, self.ctx.settings)
        except PresetFileError as exc:
            self._say(
                _("That file is too big to be a settings file. Nothing was changed.")
                if exc.reason == "too_big"
                else _("That file is not a Companion settings file. Nothing was changed.")
            )
            return
        sentence = _("Done: {count} settings now match the file.").format(count=len(result.applied))
        if result.skipped:
            sentence += " " + _("Some parts of the file were left out.")
            sentence += "".join(" " + r.sentence() for r in result.refusals[:3])
        self._say(sentence)
