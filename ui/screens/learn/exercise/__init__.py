"""Guided exercises: paced breathing, grounding, muscle relaxation and the activity planner."""
