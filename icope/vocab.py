"""Closed vocabularies of the ICOPE pathway (docs/interchange.md §1–§3, docs/icope.md §1, §3)."""

from __future__ import annotations

from enum import StrEnum


class Domain(StrEnum):
    """The six intrinsic-capacity domains, in the fixed order of every output."""

    COGNITION = "cognition"
    LOCOMOTION = "locomotion"
    NUTRITION = "nutrition"
    VISION = "vision"
    HEARING = "hearing"
    PSYCHOLOGY = "psychology"


DOMAINS: tuple[Domain, ...] = tuple(Domain)
#: The same names as plain strings (JSON keys, database columns, catalog keys).
DOMAIN_NAMES: tuple[str, ...] = tuple(d.value for d in Domain)


class DomainResult(StrEnum):
    """Step-1 result of a domain and of the whole screening (docs/icope.md §1.1, project decision)."""

    POSITIVE = "positive"
    NEGATIVE = "negative"
    INCOMPLETE = "incomplete"


class OrientationAnswer(StrEnum):
    """One orientation sub-answer (docs/icope.md §1.2)."""

    CORRECT = "correct"
    WRONG = "wrong"
    UNKNOWN = "unknown"


class WeightLossAnswer(StrEnum):
    """Self-reported unintentional loss of more than 3 kg in 3 months (docs/icope.md §1.4)."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class WhisperResult(StrEnum):
    """Whisper test result for one ear (docs/icope.md §1.6)."""

    PASS = "pass"
    FAIL = "fail"


class AdministeredBy(StrEnum):
    """Who ran the screening (docs/interchange.md §1)."""

    SELF = "self"
    CAREGIVER = "caregiver"
    NURSE = "nurse"
    PHYSIOTHERAPIST = "physiotherapist"
    PHYSICIAN = "physician"
    PHARMACIST = "pharmacist"
    OTHER = "other"


class Instrument(StrEnum):
    """Step-2 instruments (docs/interchange.md §2)."""

    SPPB = "sppb"
    MNA_SF = "mna_sf"
    GDS15 = "gds15"
    PHQ9 = "phq9"
    MOCA = "moca"
    MINI_COG = "mini_cog"
    MMSE = "mmse"
    VISUAL_ACUITY = "visual_acuity"
    AUDIOMETRY = "audiometry"
    HEARWHO = "hearwho"


#: docs/interchange.md §1 table: step-2 instruments proposed for a positive domain, in this order.
STEP2_INSTRUMENTS: dict[Domain, tuple[Instrument, ...]] = {
    Domain.COGNITION: (Instrument.MMSE, Instrument.MOCA, Instrument.MINI_COG),
    Domain.LOCOMOTION: (Instrument.SPPB,),
    Domain.NUTRITION: (Instrument.MNA_SF,),
    Domain.VISION: (Instrument.VISUAL_ACUITY,),
    Domain.HEARING: (Instrument.AUDIOMETRY, Instrument.HEARWHO),
    Domain.PSYCHOLOGY: (Instrument.GDS15, Instrument.PHQ9),
}

#: The domain each instrument assesses (inverse of STEP2_INSTRUMENTS).
INSTRUMENT_DOMAIN: dict[Instrument, Domain] = {
    instrument: domain for domain, instruments in STEP2_INSTRUMENTS.items() for instrument in instruments
}


class DeclineRule(StrEnum):
    """Follow-up alert rules D1–D6 (docs/icope.md §3.2)."""

    D1 = "D1"
    D2 = "D2"
    D3 = "D3"
    D4 = "D4"
    D5 = "D5"
    D6 = "D6"


class SafetyRule(StrEnum):
    """Safety alerts, raised whatever the scores and never switchable (docs/icope.md "Safety rules")."""

    S1 = "S1"  # PHQ-9 item 9 > 0: same-day safety assessment (docs/icope.md §2.4, §3.2 revised)


#: Every stored alert rule, in worklist priority order: the safety rules first.
ALERT_RULES: tuple[str, ...] = (*(r.value for r in SafetyRule), *(r.value for r in DeclineRule))


class InterventionType(StrEnum):
    """Step-3 intervention kinds (docs/icope.md §3.3)."""

    EXERCISE = "exercise"
    NUTRITION = "nutrition"
    EYE_CARE = "eye_care"
    HEARING = "hearing"
    MEMORY_CLINIC = "memory_clinic"
    PSYCH = "psych"
    SOCIAL = "social"
    CAREGIVER = "caregiver"
