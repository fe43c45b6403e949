"""Versioned rule data of the relevance review: drug sets and rule ids (docs/medisis.md §6.3, §6.4).

STOPP/START v3 (O'Mahony 2023 [M22]) criterion ids from a third-party transcription: check each id
against the official Appendix 1 before release. ATC seeds from `IarlaithDoherty/stoppstartR` (MIT,
v2) [M23] where one exists; every set is to verify against the WHO ATC index.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

#: Version of this data module; bump it with any change of a set or a rule.
DATA_VERSION = "medisis-review-2026.2"
CITATION = (
    "O'Mahony D et al. STOPP/START criteria for potentially inappropriate prescribing in older people: "
    "version 3. Eur Geriatr Med 2023;14(4):625-632. doi:10.1007/s41999-023-00777-y"
)


@dataclass(frozen=True, slots=True)
class DrugSet:
    """ATC prefixes and exact exclusions (docs/medisis.md §6.2 "drug in a set")."""

    name: str
    prefixes: tuple[str, ...]
    exclusions: frozenset[str] = frozenset()

    def __contains__(self, atc: object) -> bool:
        return isinstance(atc, str) and atc.startswith(self.prefixes) and atc not in self.exclusions


# docs/medisis.md §6.4; aspirin and topical NSAIDs (M02A) are not ATC-M01, hence not in the set.
NSAIDS = DrugSet("NSAIDS", ("M01AA", "M01AB", "M01AC", "M01AE", "M01AG", "M01AH", "M01AX01", "M01AX02"))
ANTICOAGULANTS = DrugSet("ANTICOAGULANTS", ("B01AA", "B01AE", "B01AF"))
BENZODIAZEPINES = DrugSet("BENZODIAZEPINES", ("N05BA", "N05CD", "N03AE01"))
Z_DRUGS = DrugSet("Z_DRUGS", ("N05CF",))
BETA_BLOCKERS = DrugSet("BETA_BLOCKERS", ("C07",))
RATE_LIMITING_CCB = DrugSet("RATE_LIMITING_CCB", ("C08DA01", "C08DB01"))
RAS_BLOCKERS = DrugSet("RAS_BLOCKERS", ("C09A", "C09B", "C09C", "C09D"))  # aliskiren C09X excluded
ASPIRIN = DrugSet("ASPIRIN", ("B01AC06", "N02BA01"))
#: docs/medisis.md §6.4 METFORMIN: metformin and every A10BD combination containing it in the WHO
#: ATC index (WHOCC, https://atcddd.fhi.no/atc_ddd_index/?code=A10BD), each code named below.
METFORMIN = DrugSet(
    "METFORMIN",
    (
        "A10BA02",  # metformin
        "A10BD02",  # metformin and sulfonylureas
        "A10BD03",  # metformin and rosiglitazone
        "A10BD05",  # metformin and pioglitazone
        "A10BD07",  # metformin and sitagliptin
        "A10BD08",  # metformin and vildagliptin
        "A10BD10",  # metformin and saxagliptin
        "A10BD11",  # metformin and linagliptin
        "A10BD13",  # metformin and alogliptin
        "A10BD14",  # metformin and repaglinide (revised 2026-12-01)
        "A10BD15",  # metformin and dapagliflozin (revised: SGLT2)
        "A10BD16",  # metformin and canagliflozin (revised: SGLT2)
        "A10BD17",  # metformin and acarbose (revised)
        "A10BD18",  # metformin and gemigliptin (revised)
        "A10BD20",  # metformin and empagliflozin (revised: SGLT2)
        "A10BD22",  # metformin and evogliptin (revised)
        "A10BD23",  # metformin and ertugliflozin (revised: SGLT2)
        "A10BD25",  # metformin, saxagliptin and dapagliflozin (revised: SGLT2)
        "A10BD26",  # metformin and lobeglitazone (revised)
        "A10BD27",  # metformin, linagliptin and empagliflozin (revised: SGLT2)
        "A10BD28",  # metformin and teneligliptin (revised)
    ),
)
LONG_SULFONYLUREAS = DrugSet("LONG_SULFONYLUREAS", ("A10BB01", "A10BB02", "A10BB12"))
OPIOIDS = DrugSet("OPIOIDS", ("N02A",))
LAXATIVES = DrugSet("LAXATIVES", ("A06A",))
DIGOXIN = DrugSet("DIGOXIN", ("C01AA05",))
DABIGATRAN = DrugSet("DABIGATRAN", ("B01AE07",))
FACTOR_XA_INHIBITORS = DrugSet("FACTOR_XA_INHIBITORS", ("B01AF",))
COLCHICINE = DrugSet("COLCHICINE", ("M04AC01",))
NITROFURANTOIN = DrugSet("NITROFURANTOIN", ("J01XE01",))
ANXIOLYTIC_BZD = DrugSet("N05BA", ("N05BA",))
HYPNOTICS = DrugSet("HYPNOTICS", ("N05CD", "N05CF"))

#: STOPP-A3 classes, in this order (docs/medisis.md §6.4; lithium N05AN is not an antipsychotic here).
DUPLICATE_CLASSES: tuple[DrugSet, ...] = (
    NSAIDS,
    DrugSet("SSRI", ("N06AB",)),
    DrugSet("LOOP_DIURETICS", ("C03CA",)),
    DrugSet("ACE_INHIBITORS", ("C09AA",)),
    ANTICOAGULANTS,
    DrugSet("ANTIPSYCHOTICS", ("N05A",), frozenset({"N05AN01"})),  # lithium excluded
    OPIOIDS,
)

#: STOPP-M1 set (docs/medisis.md §6.4): stoppstartR `stopp_m1` list (MIT) [M23], G04BD01–G04BD11
#: expanded, plus every drug scoring 3 in the shipped ACB table of §6.5 (revised 2026-12-01; the
#: v2 list already holds amitriptyline, oxybutynin, hydroxyzine, solifenacin, tolterodine).
#: A configured `review.acb_table` adds its own ACB-3 drugs at run time (`m1_extra`).
ANTICHOLINERGICS_M1 = DrugSet(
    "ANTICHOLINERGICS_M1",
    (
        "R06AA", "R06AB", "R06AC", "R06AD", "R06AE01", "R06AE03", "R06AE04", "R06AE05", "R06AE06",
        "R06AE51", "R06AE53", "R06AE55", "R06AX01", "R06AX02", "R06AX03", "R06AX04", "R06AX05",
        "R06AX08", "R06AX09", "R06AX15", "R06AX16", "R06AX17", "R06AX23", "R06AX53", "R06AX58",
        "N05BB01", "N05BB51", "N07CA02", "N07CA52",
        *(f"G04BD{n:02d}" for n in range(1, 12)),
        "N06AA", "A03B", "A03AA", "A03AB", "A04AD01", "M03BX02", "N04A",
        "N05AA01", "N05AH02", "N05AB02", "N05AA02", "N05AC02", "N05AA04", "N05AF04",
        "N06AB05",  # paroxetine, ACB 3 (§6.5)
        "N05AH04",  # quetiapine, ACB 3 (§6.5)
        "N05AH03",  # olanzapine, ACB 3 (§6.5)
    ),
)
#: ACB score that puts a drug in the M1 set (docs/medisis.md §6.4: "every drug scoring 3").
M1_ACB_SCORE = 3


def m1_extra(acb_table: Mapping[str, int]) -> frozenset[str]:
    """The ACB-3 codes of the ACB table in use, which STOPP-M1 counts too (docs/medisis.md §6.4)."""
    return frozenset(atc for atc, score in acb_table.items() if score >= M1_ACB_SCORE)


#: Every rule id in the order of docs/medisis.md §6.3 (the order of the findings).
RULE_IDS: tuple[str, ...] = (
    "STOPP-A3", "STOPP-B3", "STOPP-B12", "STOPP-C1", "STOPP-C10", "STOPP-D8", "STOPP-D10", "STOPP-D11",
    "STOPP-E1", "STOPP-E2", "STOPP-E3", "STOPP-E4", "STOPP-E5", "STOPP-E6", "STOPP-E8", "STOPP-J1",
    "STOPP-K1", "STOPP-K4", "STOPP-L2", "STOPP-M1", "START-C1", "ACB-TOTAL", "FR-HYPNOTIC-4W",
    "FR-ANXIOLYTIC-12W",
)
#: §6.2: these apply at any age; the STOPP/START ones only from 65.
ANY_AGE_RULES = frozenset({"ACB-TOTAL", "FR-HYPNOTIC-4W", "FR-ANXIOLYTIC-12W"})
#: STOPP/START v3 population: people ≥ 65 years (CONFIRMED [M22]).
STOPP_START_MIN_AGE = 65

# Thresholds exactly as written in docs/medisis.md §6.3 ("<" and "≥" kept as written).
HYPERKALAEMIA_MMOL_L = 5.5  # B12: potassium > 5.5
ASPIRIN_MAX_DAILY_MG = 100  # C1: daily dose > 100 mg
BZD_MAX_DAYS = 28  # D8: duration ≥ 28 days
INSOMNIA_MAX_DAYS = 14  # D10, D11: duration ≥ 14 days
DIGOXIN_EGFR = 30  # E1: eGFR < 30
DIGOXIN_DAILY_MG = (1, 8)  # E1: daily dose ≥ 0.125 mg = 1/8 mg (exact)
DABIGATRAN_EGFR = 30  # E2
FACTOR_XA_EGFR = 15  # E3
NSAID_EGFR = 50  # E4
COLCHICINE_EGFR = 10  # E5
METFORMIN_EGFR = 30  # E6
NITROFURANTOIN_EGFR = 45  # E8
TYPE2_DIABETES_ICD10 = "E11"  # J1
ATRIAL_FIBRILLATION_ICD10 = "I48"  # START-C1
FR_HYPNOTIC_MAX_DAYS = 28  # French maximum 4 weeks [M28]: duration > 28 days
FR_ANXIOLYTIC_MAX_DAYS = 84  # French maximum 12 weeks [M28]: duration > 84 days
INSOMNIA = "insomnia"

#: Defaults of the protocol keys `review.acb_threshold` (UNCONFIRMED [M27], to verify) and
#: `review.recurrent_falls_min` (PROJECT DECISION).
DEFAULT_ACB_THRESHOLD = 3
DEFAULT_RECURRENT_FALLS_MIN = 2
