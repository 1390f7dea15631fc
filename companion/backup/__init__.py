"""My data backup: one encrypted file (passphrase) that restores a person on another PC."""
