"""My data as ordinary files a person saves: their check-ins and safety plan as CSV files."""
