"""Safety in a hard moment: crisis lines by region and the person's emergency contacts."""
