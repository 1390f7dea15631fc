"""Video sessions: appointments, the safe-link check and calendar invitations (no Qt here)."""
