"""My safety plan: making it step by step, reading it, printing it (the ways in: ui/shared)."""
