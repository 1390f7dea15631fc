"""My data as ordinary files a person saves: their check-ins as a CSV for a spreadsheet."""
