"""The fields of the ten step-2 instruments (docs/interchange.md §2), and their live score via `icope`.

Why: every instrument form is the same screen fed with a different field list; the score,
band and "abnormal" come from `icope.parse_assessment` / `icope.assess_instrument`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import orjson

from tui.forms import BOOL, Choice, FieldSpec, Kind

if TYPE_CHECKING:
    from icope.step2 import Step2Result

__all__ = ["INSTRUMENT_FIELDS", "score_assessment"]


def _c(name: str, values: tuple[str, ...]) -> tuple[Choice, ...]:
    return tuple(Choice(v, f"tui.s2.{name}.{v}") for v in values)


def _f(instrument: str, path: tuple[Any, ...], kind: Kind, choices: tuple[Choice, ...] = (), **kw: Any) -> FieldSpec:
    label = f"tui.s2.{instrument}." + ".".join(str(p) for p in path)
    return FieldSpec(path, kind, label, choices, **kw)


_DATE = FieldSpec(("date",), "date", "tui.field.date")
_FREQ = tuple(Choice(v, f"tui.s2.phq9.freq.{v}") for v in range(4))
_YES_NO = (Choice(True, "tui.yes"), Choice(False, "tui.no"))

#: instrument → its fields in the order of the instrument's sheet.
INSTRUMENT_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "sppb": (
        _DATE,
        _f("sppb", ("side_by_side_s",), "number", null_when_empty=True, hint="tui.hint.not_attempted"),
        _f("sppb", ("semi_tandem_s",), "number", null_when_empty=True, hint="tui.hint.not_attempted"),
        _f("sppb", ("tandem_s",), "number", null_when_empty=True, hint="tui.hint.not_attempted"),
        _f(
            "sppb",
            ("gait_course_m",),
            "choice",
            (Choice(4, "tui.s2.sppb.course.4"), Choice(3, "tui.s2.sppb.course.3")),
        ),
        _f("sppb", ("gait_times_s", 0), "number", null_when_empty=True, hint="tui.hint.unable"),
        _f("sppb", ("gait_times_s", 1), "number", null_when_empty=True),
        _f("sppb", ("chair_single_stand",), "choice", BOOL),
        _f(
            "sppb",
            ("chair_stands_s",),
            "number",
            null_when_empty=True,
            hint="tui.hint.unable",
            extra={"stopwatch": True},
        ),
    ),
    "mna_sf": (
        _DATE,
        _f("mna_sf", ("food_intake",), "choice", _c("mna", ("severe_decrease", "moderate_decrease", "no_decrease"))),
        _f("mna_sf", ("weight_loss",), "choice", _c("mna", ("over_3kg", "unknown", "1_to_3kg", "none"))),
        _f("mna_sf", ("weight_loss_kg",), "number", width=8),
        _f("mna_sf", ("mobility",), "choice", _c("mna", ("bed_or_chair_bound", "does_not_go_out", "goes_out"))),
        _f("mna_sf", ("acute_disease_or_stress",), "choice", BOOL),
        _f("mna_sf", ("neuropsychological",), "choice", _c("mna.neuro", ("severe", "mild", "none"))),
        _f("mna_sf", ("bmi",), "number", width=8),
        _f("mna_sf", ("calf_circumference_cm",), "number", width=8),
    ),
    "gds15": (_DATE,) + tuple(_f("gds15", ("answers", i), "choice", _YES_NO) for i in range(15)),
    "phq9": (_DATE,) + tuple(_f("phq9", ("items", i), "choice", _FREQ) for i in range(9)),
    "moca": (_DATE, _f("moca", ("raw_score",), "int", width=4), _f("moca", ("education_years",), "int", width=4)),
    "mini_cog": (
        _DATE,
        _f("mini_cog", ("words_recalled",), "int", width=4),
        _f("mini_cog", ("clock_normal",), "choice", BOOL),
    ),
    "mmse": (_DATE, _f("mmse", ("score",), "int", width=4)),
    "visual_acuity": (
        _DATE,
        _f("visual_acuity", ("right",), "acuity", hint="tui.hint.acuity"),
        _f("visual_acuity", ("left",), "acuity", hint="tui.hint.acuity"),
        _f("visual_acuity", ("near",), "text", hint="tui.hint.near"),
    ),
    "audiometry": (
        _DATE,
        _f("audiometry", ("pta_right_db",), "number", width=8),
        _f("audiometry", ("pta_left_db",), "number", width=8),
    ),
    "hearwho": (_DATE, _f("hearwho", ("score",), "number", width=8)),
}


def score_assessment(doc: dict[str, Any]) -> Step2Result:
    """Validate and score one step-2 document with the domain (raises icope.InvalidAssessment)."""
    from icope.step2 import assess_instrument, parse_assessment

    return assess_instrument(parse_assessment(orjson.dumps(doc)))
