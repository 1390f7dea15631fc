"""What Companion keeps about you and where: what, which folder, encrypted how, nothing sent,
what the log keeps, who holds the safe key and how long guessing the person's lock would take."""

from __future__ import annotations

from companion.i18n import _
from companion.security import keyring_uses_fallback
from ui.context import AppContext
from ui.screens.people.change_pin import person_in, your_lock_sentences
from ui.widgets.screen import Screen


class KeepsScreen(Screen):
    """What Companion keeps about you and where, honestly and briefly."""

    screen_id = "my_data_keeps"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        people = ctx.parts.people  # None while the data is still opening
        folder = people.data_dir if people is not None else ctx.data_dir
        fallback = (
            people.uses_fallback_file() if people is not None else keyring_uses_fallback(folder)
        )
        self.set_title(lambda: _("What Companion keeps about you and where"))
        self.add_text(
            lambda: _(
                "What: your check-ins and notes, your answers to questions, your video "
                "sessions, the people you can call, your safety plan, and your choices in "
                "Settings."
            )
        )
        self.add_text(
            lambda: _("Where: in one folder on this computer: {folder}").format(folder=folder)
        )
        self.add_text(lambda: _("Each person has their own file there, encrypted."))
        self.add_text(
            lambda: _(
                "Companion sends nothing over the internet. A video session opens in your own "
                "video program only when you press Join."
            )
        )
        self.add_text(
            lambda: _(
                "A small log helps fix problems. It keeps times and what went wrong. It never "
                "keeps your notes, answers, PIN, names or meeting passcodes."
            )
        )
        person = person_in(ctx)
        if fallback and person is not None and person.lock == "none":  # never called locked
            from companion.security.exposure import no_keyring_no_pin_sentence

            self.add_text(no_keyring_no_pin_sentence, notice=True)
        elif fallback:
            self.add_text(
                lambda: _(
                    "This computer has no keyring, so Companion keeps its safe key in a private "
                    "file in that folder. Someone who copies the whole folder would then only "
                    "need to guess your PIN, so choose one that is hard to guess."
                ),
                notice=True,
            )
        else:
            self.add_text(
                lambda: _(
                    "The computer's keyring holds Companion's safe key. Someone who copies your "
                    "files would also need that key and your PIN."
                )
            )
        from ui.shared.reminder_words import kept_outside_sentence  # in the reminders catalog

        self.add_text(lambda: kept_outside_sentence(ctx))
        # The person's own lock and how long guessing it would take ("" for a guest).
        self.lock_label = self.add_text(lambda: your_lock_sentences(ctx, keyring=False))
        self.lock_label.setVisible(bool(self.lock_label.text()))
        self.finish_layout()
