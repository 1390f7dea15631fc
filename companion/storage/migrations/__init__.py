"""Alembic migration scripts of a person's database, shipped inside the package."""
