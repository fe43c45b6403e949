"""Alembic environment: run migrations on the connection parcours hands over (no ini file)."""

from alembic import context

from parcours.store.schema import metadata

connection = context.config.attributes.get("connection")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
