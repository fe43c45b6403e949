"""Words of a report in its language: catalog labels of codes, dates dd/mm/yyyy, numbers, names, doses.

Why one place: every string a reader sees goes through the FR/EN catalog (parcours.messages);
a code the catalog does not know yet is shown as the code itself rather than breaking a report.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from parcours.messages import CATALOG, Lang, message

__all__ = ["Labels"]

_LANG_TAG = {"fr": "fr-FR", "en": "en-GB"}


class Labels:
    """Formatting helpers bound to one language."""

    def __init__(self, lang: Lang) -> None:
        self.lang: Lang = lang
        self._table = CATALOG[lang]

    @property
    def tag(self) -> str:
        """BCP 47 tag of the document language (PDF /Lang)."""
        return _LANG_TAG[self.lang]

    def __call__(self, key: str, /, **params: object) -> str:
        return message(key, self.lang, **params)

    def code(self, vocabulary: str, code: object) -> str:
        """The label of a code (`report.<vocabulary>.<code>`), or the code when unlabelled."""
        if code is None:
            return self("report.none")
        return self._table.get(f"report.{vocabulary}.{code}", str(code))

    def codes(self, vocabulary: str, codes: Any) -> str:
        return self("report.list_sep").join(self.code(vocabulary, c) for c in codes or ()) or self("report.none")

    def date(self, value: object) -> str:
        """dd/mm/yyyy (the ISO strings of the contract and date objects alike)."""
        if value is None or value == "":
            return self("report.none")
        if not isinstance(value, date):
            try:
                value = date.fromisoformat(str(value)[:10])
            except ValueError:
                return str(value)
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"

    def number(self, value: object) -> str:
        """12 → "12", 2.5 → "2,5" in French, "2.5" in English."""
        if isinstance(value, bool) or not isinstance(value, int | float):
            return str(value)
        text = str(int(value)) if float(value).is_integer() else f"{value:g}"
        return text.replace(".", ",") if self.lang == "fr" else text

    def yes_no(self, value: object) -> str:
        return self("report.yes") if value else self("report.no")

    @staticmethod
    def person(obj: dict[str, Any] | None) -> str:
        """FAMILY Given Given (names as given, family in capitals)."""
        if not obj:
            return ""
        given = obj.get("given") or []
        if isinstance(given, str):
            given = [given]
        family = (obj.get("family") or "").upper()
        return " ".join(part for part in (family, *given) if part)

    def dose(self, dose: dict[str, Any] | None) -> str:
        if not dose:
            return ""
        return f"{self.number(dose.get('value'))} {self.code('unit', dose.get('unit'))}"

    def frequency(self, freq: dict[str, Any] | None) -> str:
        if not freq:
            return ""
        if freq.get("times_per_day") is not None:
            return self("report.freq.times_per_day", times=self.number(freq["times_per_day"]))
        every, period = freq.get("every"), freq.get("period")
        key = f"report.freq.per.{period}" if every == 1 else f"report.freq.every.{period}"
        return self(key, times=self.number(freq.get("times")), every=self.number(every))

    def drug_line(self, line: dict[str, Any]) -> tuple[str, str]:
        """(name, posology) of a BM or order line: label or code; dose, route, frequency, flags."""
        name = (
            line.get("label") or line.get("atc") or line.get("cis") or line.get("cip13") or line.get("ucd13")
            or line.get("id", "")
        )
        code = line.get("atc")
        if code and line.get("label"):
            name = f"{name} ({code})"
        parts = [self.dose(line.get("dose"))]
        if line.get("release") == "prolonged":
            parts.append(self("report.line.prolonged"))
        if line.get("route"):
            parts.append(self.code("route", line["route"]))
        parts.append(self.frequency(line.get("frequency")))
        if line.get("as_needed"):
            parts.append(self("report.line.as_needed"))
        if line.get("self_medication"):
            parts.append(self("report.line.self_medication"))
        return str(name), ", ".join(p for p in parts if p)
