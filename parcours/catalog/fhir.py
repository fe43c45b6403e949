"""Catalog part: messages of the fhir area (merged by parcours.messages)."""

from typing import Final

FR: Final[dict[str, str]] = {
}

EN: Final[dict[str, str]] = {
}
