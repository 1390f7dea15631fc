"""The screens and looks that do not fit today, and why (tests/ui/test_every_screen_fits.py).

Each entry: a case (a route name, or "setup.step N"), the kinds of problem it has ("off":
a control outside the visible area, "small": under 64 x 64, "unnamed", "cut": words cut), the
looks it has them at (None: every look checked) and why. Delete an entry when its screen is
fixed: the test fails while a listed failure passes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Known:
    case: str
    kinds: frozenset[str]
    reason: str
    themes: tuple[str, ...] | None = None
    scales: tuple[int, ...] | None = None
    languages: tuple[str, ...] | None = None
    sizes: tuple[tuple[int, int], ...] | None = None

    def matches(
        self, case: str, theme: str, scale: int, language: str, size: tuple[int, int]
    ) -> bool:
        return (
            case == self.case
            and (self.themes is None or theme in self.themes)
            and (self.scales is None or scale in self.scales)
            and (self.languages is None or language in self.languages)
            and (self.sizes is None or size in self.sizes)
        )


# "parts": the screen is not on the screen-fit layout yet (#15 item 1): where its words and
# choices do not fit it gives way to reading by parts, so these choices sit below the first part
# ("Next part" reaches them, a scroll bar shows) instead of being on screen or on a page.
PARTS = "Reads by parts: choices below the first part"
# "off": below the edge with no "Next part" either: only the thin scroll bar reaches it.
OFF = "Below the edge with no Next part, only the scroll bar reaches it"

# Measured on 2026-12-01 after merging layout 173c82b into the feature folders.
KNOWN: tuple[Known, ...] = (
    Known("help_now.contacts", frozenset({"parts"}), PARTS + ' ("Person 1: Name", "Save")'),
    Known(
        "learn.exercise",
        frozenset({"parts"}),
        PARTS + ' ("Étape suivante")',
        scales=(200,),
        languages=("fr",),
    ),
    Known(
        "learn.reader",
        frozenset({"parts"}),
        PARTS + ' ("Favourite", "Next page")',
        scales=(150, 200),
    ),
    Known(
        "people",
        frozenset({"off"}),
        OFF + ': the picker does not page, "Add a person" is below the last name',
        scales=(200,),
        languages=("fr",),
        sizes=((1024, 768),),
    ),
    Known("people.account", frozenset({"parts"}), PARTS + ' ("Choose a PIN")', scales=(200,)),
    Known("people.backup", frozenset({"parts"}), PARTS + ' ("Save the backup")', scales=(200,)),
    Known(
        "people.restore",
        frozenset({"parts"}),
        PARTS + ' ("Choose the backup file", "Open the backup")',
        scales=(200,),
        sizes=((1024, 768),),
    ),
    Known(
        "people.restore",
        frozenset({"parts"}),
        PARTS + ' ("Choose the backup file", "Open the backup")',
        scales=(200,),
        languages=("en",),
    ),
    Known(
        "safety_plan",
        frozenset({"parts"}),
        PARTS + ' ("Lisez-moi mon plan", "Voir tout mon plan")',
        scales=(200,),
        languages=("fr",),
        sizes=((1024, 768),),
    ),
    Known("safety_plan.intro", frozenset({"parts"}), PARTS + ' ("Not now")', scales=(200,)),
    Known(
        "safety_plan.parts",
        frozenset({"off"}),
        OFF + ': page 6 is too tall, "Back to the first choices" below the edge',
        scales=(200,),
        sizes=((1024, 768),),
    ),
    Known(
        "safety_plan.parts",
        frozenset({"parts"}),
        PARTS + ' ("Change this part", "Delete my plan")',
        scales=(200,),
        sizes=((1280, 720),),
    ),
    Known(
        "safety_plan.view",
        frozenset({"parts"}),
        PARTS + ' ("Lisez-moi mon plan", "Voir tout mon plan")',
        scales=(200,),
        languages=("fr",),
        sizes=((1024, 768),),
    ),
    Known(
        "sessions",
        frozenset({"parts"}),
        PARTS + ' ("Add a session", "Change or save this session")',
        scales=(200,),
    ),
    Known(
        "sessions",
        frozenset({"parts"}),
        PARTS + ' ("Add a session", "Change or save this session")',
        scales=(150, 200),
        languages=("fr",),
        sizes=((1024, 768),),
    ),
    Known(
        "sessions.device_check", frozenset({"parts"}), PARTS + ' ("Look again")', scales=(150, 200)
    ),
    Known(
        "sessions.expect",
        frozenset({"parts"}),
        PARTS + ' ("Back to my sessions", "Open it again")',
        scales=(200,),
    ),
    Known(
        "sessions.expect",
        frozenset({"parts"}),
        PARTS + ' ("Back to my sessions", "Open it again")',
        scales=(150, 200),
        languages=("fr",),
        sizes=((1024, 768),),
    ),
    Known(
        "sessions.import",
        frozenset({"parts"}),
        PARTS + ' ("Add to my sessions", "Do not add")',
        scales=(200,),
    ),
    Known(
        "settings.reminders",
        frozenset({"off"}),
        OFF + ': "Start Companion when the computer starts" (no paging here)',
        scales=(200,),
        languages=("en",),
        sizes=((1280, 720),),
    ),
    Known(
        "settings.speaking_options",
        frozenset({"parts"}),
        PARTS + ' ("Talking buttons", "Say reminders aloud")',
        scales=(200,),
    ),
    Known(
        "setup.step 1",
        frozenset({"parts"}),
        PARTS + ' ("Dites-m’en plus", "Faire ceci plus tard", "Retour")',
        scales=(200,),
        languages=("fr",),
    ),
    Known(
        "setup.step 2",
        frozenset({"parts"}),
        PARTS + ' ("Dites-m’en plus", "Faire ceci plus tard", "Retour")',
        scales=(200,),
        languages=("fr",),
    ),
    Known(
        "setup.step 3", frozenset({"parts"}), PARTS + ' ("Back", "Do this later")', scales=(200,)
    ),
    Known(
        "setup.step 3",
        frozenset({"parts"}),
        PARTS + ' ("Back", "Do this later")',
        scales=(150, 200),
        languages=("fr",),
    ),
    Known(
        "setup.step 4",
        frozenset({"parts"}),
        PARTS + ' ("Faire ceci plus tard", "Suivant")',
        scales=(200,),
        languages=("fr",),
        sizes=((1024, 768),),
    ),
    Known(
        "setup.step 5",
        frozenset({"parts"}),
        PARTS + ' ("A PIN of 4 numbers", "A PIN of 6 numbers or more", "A few words")',
        scales=(150, 200),
    ),
    Known("setup.step 6", frozenset({"parts"}), PARTS + ' ("Back", "Do this later")'),
    Known(
        "setup.step 7",
        frozenset({"parts"}),
        PARTS + ' ("Add my first video session", "Back")',
        scales=(200,),
    ),
)
