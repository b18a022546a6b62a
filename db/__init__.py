"""Storage for TDCS: SQLAlchemy models, engine set-up, migrations and backups.

Nothing here imports Qt or the application's services; the desktop package builds on this.
"""
