"""Check-in screens: the hub, the quick check-in steps, questionnaires, results and history."""
