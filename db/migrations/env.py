"""Alembic environment: migrations run on the connection the application hands over
(``config.attributes["connection"]``), in batch mode so SQLite tables can be altered."""

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext

from db.base import UtcDateTime
from db.models import Base


def render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Write custom column types as their plain storage type, so that each migration file
    stands alone and keeps working when the Python types change later."""
    if type_ == "type" and isinstance(obj, UtcDateTime):
        return "sa.String(length=19)"
    return False


config = context.config
connection = config.attributes.get("connection")
if connection is None:
    from db.engine import make_engine

    url = config.get_main_option("sqlalchemy.url") or "sqlite:///tdcs-dev.sqlite3"
    engine = make_engine(url.removeprefix("sqlite:///"))
    connection = engine.connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    render_item=render_item,
)
with context.begin_transaction():
    context.run_migrations()
