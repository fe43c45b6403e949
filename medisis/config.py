"""The MEDISIS protocol file: every value the spec marks UNKNOWN is configuration (docs/medisis.md §1.3).

UNKNOWN keys have no default: absent means "not configured" (None), and a feature that needs one
raises NotConfigured. UNCONFIRMED keys keep the spec's shipped default, marked "to verify".
The file format is documented in `medisis/protocol.example.toml` and docs/medisis.md.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from medisis import hospital_score, lace
from medisis.acb import DEFAULT_ACB_TABLE
from medisis.bands import Bands
from medisis.errors import InvalidProtocol, NotConfigured
from medisis.review_data import DEFAULT_ACB_THRESHOLD, DEFAULT_RECURRENT_FALLS_MIN, RULE_IDS
from medisis.vocab import Moment
from parcours.core.errors import FieldIssue

#: stages.review_30d.days_after_discharge: 30, from the pathway's name in the brief (UNCONFIRMED, to verify).
DEFAULT_REVIEW_30D_DAYS = 30
#: indicators.moments: High 5s measures admission (UNCONFIRMED, to verify).
DEFAULT_INDICATOR_MOMENTS: tuple[str, ...] = (Moment.ADMISSION.value,)
#: fhir.medication_ig_base (PROJECT DECISION, docs/medisis.md §2.4).
DEFAULT_MEDICATION_IG_BASE = "https://hl7.fr/ig/fhir/medication"
#: stages.review_30d.form: the skeleton of docs/medisis.md §8 (PROJECT DECISION).
REVIEW_30D_FIELDS: tuple[str, ...] = (
    "due_date", "status", "scheduled_at", "performed_at", "mode", "performed_by", "participants",
    "medication_taken", "adherence", "adverse_events", "readmission_or_ed_visit", "interventions",
    "transmission", "notes",
)

T = TypeVar("T")

_STR, _INT, _NUM, _BOOL, _STRS, _TABLE = "string", "integer", "number", "boolean", "list of strings", "table"

#: Every key of the file: dotted name -> expected kind (unknown keys are refused).
SCHEMA: Mapping[str, str] = MappingProxyType({
    "protocol.source": _STR, "protocol.version": _STR,
    "inclusion.min_age_years": _INT, "inclusion.min_drug_count": _INT,
    "inclusion.wards": _STRS, "inclusion.admission_routes": _STRS, "inclusion.exclusions": _STRS,
    "sites": _STRS,
    "stages.admission_reconciliation.max_delay_hours": _NUM,
    "stages.transfer_reconciliation.enabled": _BOOL,
    "stages.discharge_reconciliation.max_delay_hours": _NUM,
    "stages.review_30d.days_after_discharge": _INT,
    "stages.review_30d.window_days_before": _INT, "stages.review_30d.window_days_after": _INT,
    "stages.review_30d.modes": _STRS, "stages.review_30d.performed_by": _STRS, "stages.review_30d.form": _STRS,
    "risk.score": _STR,
    "risk.lace.bands": _TABLE, "risk.lace_modified.bands": _TABLE, "risk.hospital.bands": _TABLE,
    "indicators.reported": _STRS, "indicators.moments": _STRS,
    "payment": _TABLE,
    "review.acb_threshold": _INT, "review.recurrent_falls_min": _INT, "review.rules": _STRS,
    "review.acb_table": _TABLE,
    "formulary.equivalences": "list of tables",
    "bdpm.path": _STR,
    "fhir.medication_ig_base": _STR,
})
_SECTIONS = frozenset(k.rsplit(".", i)[0] for k in SCHEMA for i in range(1, k.count(".") + 1))


@dataclass(frozen=True, slots=True)
class Protocol:
    """A loaded protocol file; None = not configured (UNKNOWN in the spec)."""

    values: Mapping[str, Any] = field(default_factory=dict)

    def get(self, key: str) -> Any:
        """The configured value of a dotted key, or None (UNKNOWN keys have no default)."""
        if key not in SCHEMA:
            raise KeyError(key)
        return self.values.get(key)

    def require(self, key: str) -> Any:
        """The configured value, or NotConfigured (the UI shows "not configured")."""
        value = self.get(key)
        if value is None:
            raise NotConfigured(key)
        return value

    def _or_default(self, key: str, default: T) -> T:
        """The value of a key that has a shipped default; load_protocol checked its kind against SCHEMA."""
        value: T = self.values.get(key, default)
        return value

    def risk_bands(self, score: str) -> Bands:
        """Bands of `lace`, `lace_modified` or `hospital` (UNCONFIRMED defaults [M32][M18])."""
        table = self.values.get(f"risk.{score}.bands")
        if table is not None:
            return Bands.of(table)
        return hospital_score.DEFAULT_BANDS if score == "hospital" else lace.DEFAULT_BANDS

    @property
    def review_30d_days(self) -> int:
        """Nominal day of the review consultation after discharge (30, UNCONFIRMED)."""
        return self._or_default("stages.review_30d.days_after_discharge", DEFAULT_REVIEW_30D_DAYS)

    @property
    def review_30d_form(self) -> tuple[str, ...]:
        """Fields the 30-day consultation records (§8 skeleton by default)."""
        return tuple(self.values.get("stages.review_30d.form", REVIEW_30D_FIELDS))

    @property
    def indicator_moments(self) -> tuple[str, ...]:
        """Reconciliation moments that feed MR2/MR3 (`["admission"]`, UNCONFIRMED)."""
        return tuple(self.values.get("indicators.moments", DEFAULT_INDICATOR_MOMENTS))

    @property
    def acb_threshold(self) -> int:
        """ACB total that raises ACB-TOTAL (3, UNCONFIRMED [M27])."""
        return self._or_default("review.acb_threshold", DEFAULT_ACB_THRESHOLD)

    @property
    def recurrent_falls_min(self) -> int:
        """Falls in 12 months counted as recurrent (2, PROJECT DECISION)."""
        return self._or_default("review.recurrent_falls_min", DEFAULT_RECURRENT_FALLS_MIN)

    @property
    def review_rules(self) -> tuple[str, ...]:
        """Enabled review rule ids (all of §6.3 by default)."""
        return tuple(self.values.get("review.rules", RULE_IDS))

    @property
    def acb_table(self) -> Mapping[str, int]:
        """ATC → ACB score (the §6.5 subset by default)."""
        table = self.values.get("review.acb_table")
        return DEFAULT_ACB_TABLE if table is None else MappingProxyType(dict(table))

    @property
    def medication_ig_base(self) -> str:
        """Base URI of the FR Medication IG code systems."""
        return self._or_default("fhir.medication_ig_base", DEFAULT_MEDICATION_IG_BASE)


def _kind_ok(kind: str, value: Any) -> bool:
    if kind == _STR:
        return isinstance(value, str)
    if kind == _INT:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == _NUM:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == _BOOL:
        return isinstance(value, bool)
    if kind == _STRS:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if kind == _TABLE:
        return isinstance(value, dict)
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


def _flatten(data: Mapping[str, Any], prefix: str, out: dict[str, Any], issues: list[FieldIssue]) -> None:
    for key, value in data.items():
        name = f"{prefix}{key}"
        if name in SCHEMA:
            if value != {}:  # an empty table (e.g. [payment]) is "not configured"
                out[name] = value
        elif name in _SECTIONS and isinstance(value, dict):
            _flatten(value, f"{name}.", out, issues)
        else:
            issues.append(FieldIssue(tuple(name.split(".")), "unknown_field"))


def _semantic(values: Mapping[str, Any]) -> list[FieldIssue]:
    issues = []
    for key in ("risk.lace.bands", "risk.lace_modified.bands", "risk.hospital.bands"):
        table = values.get(key)
        if table is not None:
            ok = all(isinstance(v, int) and not isinstance(v, bool) for v in table.values())
            if (
                not ok
                or table.get("high") is None
                or len(set(table.values())) != len(table)
                or min(table.values(), default=1) != 0
            ):
                issues.append(FieldIssue(tuple(key.split(".")), "bad_bands"))
    for key in ("review.acb_threshold", "review.recurrent_falls_min", "stages.review_30d.days_after_discharge"):
        if key in values and values[key] < 1:
            issues.append(FieldIssue(tuple(key.split(".")), "ge", {"limit": 1}))
    for k, rule in enumerate(values.get("review.rules", ())):
        if rule not in RULE_IDS:
            issues.append(FieldIssue(("review", "rules", k), "unknown_rule", {"rule": rule}))
    for atc, score in values.get("review.acb_table", {}).items():
        if not isinstance(score, int) or isinstance(score, bool) or not 0 <= score <= 3:
            issues.append(FieldIssue(("review", "acb_table", atc), "not_one_of", {"expected": "0 | 1 | 2 | 3"}))
    moments = {m.value for m in Moment}
    for k, moment in enumerate(values.get("indicators.moments", ())):
        if moment not in moments:
            issues.append(FieldIssue(("indicators", "moments", k), "not_one_of", {"expected": " | ".join(moments)}))
    return issues


def parse_protocol(data: Mapping[str, Any]) -> Protocol:
    """Validate a decoded TOML table: unknown keys, wrong kinds and bad values are InvalidProtocol."""
    values: dict[str, Any] = {}
    issues: list[FieldIssue] = []
    _flatten(data, "", values, issues)
    for key, value in values.items():
        if not _kind_ok(SCHEMA[key], value):
            issues.append(FieldIssue(tuple(key.split(".")), "bad_kind", {"kind": SCHEMA[key]}))
    if not issues:
        issues = _semantic(values)
    if issues:
        raise InvalidProtocol(issues)
    return Protocol(MappingProxyType(values))


def load_protocol(path: str | Path) -> Protocol:
    """Read a protocol TOML file with `tomllib`; a syntax error is InvalidProtocol at the root."""
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidProtocol([FieldIssue((), "bad_toml", {"reason": str(exc)})]) from None
    return parse_protocol(data)


#: The protocol with nothing configured: UNCONFIRMED defaults, every UNKNOWN key "not configured".
UNCONFIGURED = Protocol()
