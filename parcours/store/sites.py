"""Sites (FINESS) and professionals (RPPS): found by their identifier, created on first use.

Why: a document's `organization` and `practitioner` (docs/interchange.md §5.2) name where and by whom; the
store keeps one row per FINESS and per RPPS, audited on creation.
"""

from __future__ import annotations

import orjson
from sqlalchemy import Connection, insert, select, update

from parcours.core.identity import Organization, Practitioner
from parcours.store import audit
from parcours.store.errors import NotFound
from parcours.store.rows import Site, SiteKind
from parcours.store.schema import professionals, sites

__all__ = ["ensure_professional", "ensure_site", "list_sites", "site_id"]


def ensure_site(conn: Connection, finess: str, name: str | None = None, kind: str = SiteKind.MSP,
                territory: str | None = None, *, actor: str) -> int:
    """The id of the site with this FINESS, created (and audited, by `actor`) on first use; a new name audited."""
    Organization(finess=finess)  # FINESS format check (ValidationError on a bad one)
    found = conn.execute(select(sites.c.id, sites.c.name).where(sites.c.finess == finess)).first()
    if found is not None:
        if name and found.name != name:
            conn.execute(update(sites).where(sites.c.id == found.id).values(name=name))
            audit.append(conn, actor=actor, action="update", entity="site", entity_id=found.id,
                         before={"name": found.name}, after={"name": name})
        return found.id
    values = {"finess": finess, "name": name, "kind": SiteKind(kind).value, "territory": territory}
    new_id = conn.execute(insert(sites).values(**values).returning(sites.c.id)).scalar_one()
    audit.append(conn, actor=actor, action="create", entity="site", entity_id=new_id, after=values)
    return new_id


def site_id(conn: Connection, finess: str) -> int:
    """The id of a known site; NotFound names the FINESS."""
    found = conn.execute(select(sites.c.id).where(sites.c.finess == finess)).scalar()
    if found is None:
        raise NotFound(entity="site", key=finess)
    return found


def list_sites(conn: Connection) -> list[Site]:
    """Every site, by FINESS."""
    rows = conn.execute(select(sites).order_by(sites.c.finess)).all()
    return [Site(r.finess, r.name, SiteKind(r.kind), r.territory) for r in rows]


def ensure_professional(conn: Connection, practitioner: Practitioner, *, actor: str) -> int:
    """The id of the professional with this RPPS, created (and audited, by `actor`) on first use."""
    found = conn.execute(select(professionals.c.id).where(professionals.c.rpps == practitioner.rpps)).scalar()
    if found is not None:
        return found
    values = {
        "rpps": practitioner.rpps, "family": practitioner.family,
        "given": orjson.dumps(practitioner.given).decode() if practitioner.given else None,
        "role": practitioner.role.value if practitioner.role else None,
    }
    new_id = conn.execute(insert(professionals).values(**values).returning(professionals.c.id)).scalar_one()
    audit.append(conn, actor=actor, action="create", entity="professional", entity_id=new_id, after=values)
    return new_id
