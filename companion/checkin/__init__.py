"""Mood check-ins: quick check-in, validated questionnaires, trends, schedule, safety rules."""
