"""My video sessions: the next session, the Join button, invitations and the add/edit form."""
