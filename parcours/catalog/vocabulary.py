"""The one public vocabulary of labels: `report.<vocabulary>.<code>` for every code the engines emit.

Why one module: the reports (reports/labels.py), the FHIR CodeSystems' displays (fhir_export/artefacts.py)
and the TUI read the same (French, English) label of a code; tests check that every member of the domain's
vocabularies (icope.vocab, medisis.vocab, medisis.interventions) has one.
"""

from collections.abc import Mapping
from typing import Final

#: vocabulary -> code -> (French, English)
VOCABULARY: Final[Mapping[str, Mapping[str, tuple[str, str]]]] = {
    "reason": {
        "orientation_year_wrong": ("orientation : année erronée", "orientation: year wrong"),
        "orientation_year_unknown": ("orientation : année non sue", "orientation: year not known"),
        "orientation_month_wrong": ("orientation : mois erronée", "orientation: month wrong"),
        "orientation_month_unknown": ("orientation : mois non sue", "orientation: month not known"),
        "orientation_day_of_month_wrong": ("orientation : date du jour erronée", "orientation: day of the month wrong"),
        "orientation_day_of_month_unknown": ("orientation : date du jour non sue",
                                             "orientation: day of the month not known"),
        "orientation_day_of_week_wrong": ("orientation : jour de la semaine erronée",
                                          "orientation: day of the week wrong"),
        "orientation_day_of_week_unknown": ("orientation : jour de la semaine non sue",
                                            "orientation: day of the week not known"),
        "orientation_place_wrong": ("orientation : lieu erronée", "orientation: place wrong"),
        "orientation_place_unknown": ("orientation : lieu non sue", "orientation: place not known"),
        "words_recalled_below_3": ("moins de 3 mots rappelés", "fewer than 3 words recalled"),
        "chair_rise_not_completed": ("5 levers de chaise non réalisés", "5 chair rises not completed"),
        "chair_rise_used_arms": ("levers de chaise avec les bras", "chair rises using the arms"),
        "chair_rise_too_slow": ("5 levers de chaise en plus de 14 s", "5 chair rises took over 14 s"),
        "weight_loss_over_3kg": ("perte de poids de plus de 3 kg", "weight loss over 3 kg"),
        "measured_weight_loss": ("perte de poids mesurée de plus de 3 kg", "measured weight loss over 3 kg"),
        "weight_loss_reported": ("perte de poids déclarée", "weight loss reported"),
        "weight_loss_unknown": ("perte de poids inconnue", "weight loss not known"),
        "appetite_loss": ("perte d'appétit", "loss of appetite"),
        "eye_problems": ("problèmes de vue déclarés", "eye problems reported"),
        "whisper_right_failed": ("test du chuchotement échoué à droite", "whisper test failed, right ear"),
        "whisper_left_failed": ("test du chuchotement échoué à gauche", "whisper test failed, left ear"),
        "hearwho_below_50": ("hearWHO inférieur à 50", "hearWHO below 50"),
        "audiometry_above_pass_level": ("audiométrie au-delà du seuil", "audiometry above the pass level"),
        "feeling_down": ("se sent triste, déprimé(e) ou sans espoir", "feeling down, depressed or hopeless"),
        "little_interest": ("peu d'intérêt ou de plaisir", "little interest or pleasure"),
    },
    "flag": {
        "memory_complaint": ("plainte mnésique", "memory complaint"),
        "hearing_monitor": ("hearWHO entre 50 et 75 : à surveiller", "hearWHO 50 to 75: monitor"),
        "chair_rise_age_adjusted_cutoff": ("seuil du lever de chaise ajusté à l'âge",
                                           "age-adjusted chair-rise cut-off"),
        "self_harm_risk": ("PHQ-9 item 9 > 0 : risque suicidaire", "PHQ-9 item 9 > 0: self-harm risk"),
    },
    "instrument": {
        "sppb": ("SPPB", "SPPB"), "mna_sf": ("MNA-SF", "MNA-SF"), "gds15": ("GDS-15", "GDS-15"),
        "phq9": ("PHQ-9", "PHQ-9"), "moca": ("MoCA", "MoCA"), "mini_cog": ("Mini-Cog", "Mini-Cog"),
        "mmse": ("MMSE", "MMSE"), "visual_acuity": ("acuité visuelle", "visual acuity"),
        "audiometry": ("audiométrie", "audiometry"), "hearwho": ("hearWHO", "hearWHO"),
    },
    "band": {
        "normal": ("normal", "normal"), "at_risk": ("à risque", "at risk"),
        "malnourished": ("dénutrition", "malnourished"), "severe": ("sévère", "severe"), "low": ("faible", "low"),
        "moderate": ("modéré", "moderate"), "high": ("élevé", "high"), "mild": ("léger", "mild"),
        "minimal": ("minimal", "minimal"), "moderately_severe": ("modérément sévère", "moderately severe"),
        "impaired": ("altéré", "impaired"), "positive": ("positif", "positive"), "refer": ("à orienter", "refer"),
        "good": ("bon", "good"), "monitor": ("à surveiller", "monitor"), "profound": ("profond", "profound"),
        "complete": ("total", "complete"), "unilateral": ("unilatérale", "unilateral"),
    },
    "rule": {
        "D1": ("D1 nouveau positif", "D1 newly positive"), "D2": ("D2 positif persistant", "D2 persistently positive"),
        "D3": ("D3 lever de chaise ralenti", "D3 slower chair rises"),
        "D4": ("D4 perte de poids mesurée", "D4 measured weight loss"),
        "D5": ("D5 cognition en baisse", "D5 cognition worsening"), "D6": ("D6 baisse du hearWHO", "D6 hearWHO drop"),
        "S1": ("S1 sécurité : idées de mort ou d'auto-agression", "S1 safety: thoughts of death or self-harm"),
    },
    "alert_status": {
        "new": ("nouvelle", "new"), "confirmed": ("confirmée", "confirmed"), "closed": ("close", "closed"),
        "refuted": ("infirmée", "refuted"),
    },
    "role": {
        "self": ("la personne elle-même", "the person themself"), "caregiver": ("un aidant", "a caregiver"),
        "nurse": ("infirmier(ère)", "nurse"), "physiotherapist": ("kinésithérapeute", "physiotherapist"),
        "physician": ("médecin", "physician"), "pharmacist": ("pharmacien(ne)", "pharmacist"),
        "other": ("autre", "other"),
    },
    "intervention_type": {
        "exercise": ("activité physique", "physical exercise"), "nutrition": ("nutrition", "nutrition"),
        "eye_care": ("soins ophtalmologiques", "eye care"), "hearing": ("audition", "hearing care"),
        "memory_clinic": ("consultation mémoire", "memory clinic"),
        "psych": ("soutien psychologique", "psychological support"),
        "social": ("accompagnement social", "social support"),
        "caregiver": ("soutien de l'aidant", "caregiver support"),
    },
    "moment": {
        "admission": ("admission", "admission"), "transfer": ("transfert", "transfer"),
        "discharge": ("sortie", "discharge"),
    },
    "mode": {"proactive": ("proactive", "proactive"), "retroactive": ("rétroactive", "retroactive")},
    "status": {
        "continued": ("poursuivi", "continued"), "equivalence": ("équivalence", "equivalent"),
        "stopped": ("arrêté", "stopped"), "modified": ("modifié", "modified"), "initiated": ("initié", "initiated"),
    },
    "discrepancy": {
        "none": ("aucune", "none"), "unqualified": ("non qualifiée", "unqualified"),
        "intentional": ("intentionnelle", "intentional"), "unintentional": ("non intentionnelle", "unintentional"),
    },
    "category": {
        "none": ("—", "—"), "unqualified": ("à qualifier", "to be qualified"), "did": ("DID", "DID"),
        "dind": ("DIND", "DIND"), "dni": ("DNI", "DNI"),
    },
    "error_type": {
        "posology": ("posologie", "dosage"),
        "omission_prescribed": ("omission (traitement prescrit)", "omission (prescribed drug)"),
        "omission_self_medication": ("omission (automédication)", "omission (self-medication)"),
        "substitution": ("substitution", "substitution"), "dosage_form": ("forme galénique", "dosage form"),
        "addition": ("ajout", "addition"), "other": ("autre", "other"),
    },
    "severity": {
        "minor": ("mineure", "minor"), "significant": ("significative", "significant"), "major": ("majeure", "major"),
        "critical": ("critique", "critical"), "catastrophic": ("catastrophique", "catastrophic"),
    },
    "resolution": {
        "dose_corrected": ("dose corrigée", "dose corrected"), "resumed": ("traitement repris", "resumed"),
        "product_corrected": ("produit corrigé", "product corrected"),
        "form_corrected": ("forme corrigée", "form corrected"), "discontinued": ("arrêté", "discontinued"),
    },
    "change": {
        "substance": ("substance", "substance"), "form": ("forme", "form"), "release": ("libération", "release"),
        "route": ("voie", "route"), "dose": ("dose", "dose"), "frequency": ("fréquence", "frequency"),
        "as_needed": ("si besoin", "as needed"),
    },
    "warning": {
        "fewer_than_3_sources": ("moins de 3 sources pour le bilan à l'admission",
                                 "fewer than 3 history sources at admission"),
        "unqualified_discrepancies": ("des divergences restent à qualifier avec le prescripteur",
                                      "some discrepancies are still to be qualified with the prescriber"),
        "undocumented_intentional_discrepancies": ("des divergences intentionnelles ne sont pas documentées",
                                                   "some intentional discrepancies are not documented"),
        "incomplete_lines": ("dose ou fréquence connue d'un seul côté : ligne à compléter et à qualifier",
                             "dose or frequency known on one side only: complete and qualify the line"),
    },
    "route": {
        "oral": ("orale", "oral"), "sublingual": ("sublinguale", "sublingual"), "buccal": ("buccale", "buccal"),
        "intravenous": ("IV", "IV"), "intramuscular": ("IM", "IM"), "subcutaneous": ("SC", "SC"),
        "transdermal": ("transdermique", "transdermal"), "inhalation": ("inhalée", "inhaled"),
        "nasal": ("nasale", "nasal"), "ophthalmic": ("ophtalmique", "ophthalmic"), "otic": ("auriculaire", "otic"),
        "rectal": ("rectale", "rectal"), "vaginal": ("vaginale", "vaginal"), "cutaneous": ("cutanée", "cutaneous"),
        "enteral_tube": ("sonde entérale", "enteral tube"), "other": ("autre voie", "other route"),
    },
    "unit": {
        "mg": ("mg", "mg"), "g": ("g", "g"), "ug": ("µg", "µg"), "mmol": ("mmol", "mmol"), "mL": ("mL", "mL"),
        "IU": ("UI", "IU"), "tablet": ("cp", "tablet(s)"), "capsule": ("gél.", "capsule(s)"),
        "drop": ("gtte(s)", "drop(s)"), "puff": ("bouffée(s)", "puff(s)"), "sachet": ("sachet(s)", "sachet(s)"),
        "patch": ("patch(s)", "patch(es)"), "application": ("application(s)", "application(s)"),
    },
    "source": {
        "10000001": ("Entretien avec le patient", "Patient interview"),
        "10000002": ("Entretien avec les proches", "Interview with relatives"),
        "10000003": ("Entretien avec le pharmacien d'officine", "Community pharmacist interview"),
        "10000004": ("Entretien avec le pharmacien hospitalier", "Hospital pharmacist interview"),
        "10000005": ("Entretien avec le médecin traitant", "GP interview"),
        "10000006": ("Lettre du médecin traitant", "GP letter"),
        "10000007": ("Le dossier médical partagé (DMP)", "Shared medical record (DMP)"),
        "10000008": ("Lettres de liaison", "Liaison letters"),
        "10000009": ("Dossier pharmaceutique (DP)", "Pharmaceutical record (DP)"),
        "10000010": ("Bilan de médication par le pharmacien d'officine",
                     "Medication review by the community pharmacist"),
        "10000011": ("Compte-rendu de télé-expertise entre deux médecins généralistes pour un patient admis en EHPAD",
                     "Tele-expertise report between two GPs for a nursing-home resident"),
        "10000012": ("Médicaments apportés par le patient", "Drugs brought by the patient"),
        "10000013": ("Ordonnances apportées par le patient", "Prescriptions brought by the patient"),
        "10000014": ("Fiche de liaison de l'EHPAD", "Nursing-home liaison sheet"),
        "10000015": ("Entretien ou lettre du médecin spécialiste", "Specialist interview or letter"),
        "10000016": ("Fiche de liaison avec le service de soins à domicile", "Home-care liaison sheet"),
        "10000017": ("Dossier patient d'une précédente hospitalisation", "Record of a previous stay"),
        "10000018": ("Volet de synthèse médicale", "Medical summary"),
    },
    "problem": {
        "1": ("Non conformité aux référentiels / contre-indication", "Non-conformity to guidelines / contraindication"),
        "2": ("Indication non traitée", "Untreated indication"), "3": ("Sous-dosage", "Underdose"),
        "4": ("Surdosage", "Overdose"), "5": ("Médicament non indiqué", "Drug not indicated"),
        "6.1": ("Interaction à prendre en compte", "Interaction to take into account"),
        "6.2": ("Interaction : précaution d'emploi", "Interaction: precaution for use"),
        "6.3": ("Interaction : association déconseillée", "Interaction: combination not advised"),
        "6.4": ("Interaction : association contre-indiquée", "Interaction: contraindicated combination"),
        "6.5": ("Interaction publiée", "Published interaction"), "7": ("Effet indésirable", "Adverse effect"),
        "8": ("Voie ou administration inappropriée", "Inappropriate route or administration"),
        "9": ("Traitement non reçu", "Treatment not received"), "10": ("Monitorage à suivre", "Monitoring to follow"),
    },
    "pi_type": {
        "1": ("Ajout", "Addition"), "2": ("Arrêt", "Discontinuation"), "3": ("Substitution / échange", "Substitution"),
        "4": ("Choix de la voie d'administration", "Choice of route"),
        "5": ("Suivi thérapeutique", "Therapeutic monitoring"),
        "6": ("Optimisation des modalités d'administration", "Administration optimisation"),
        "7": ("Adaptation posologique", "Dose adjustment"),
    },
    "outcome": {
        "accepted": ("acceptée", "accepted"), "not_accepted": ("non acceptée", "not accepted"),
        "not_recorded": ("non renseignée", "not recorded"),
        "accepted_modified": ("acceptée avec modification", "accepted with changes"),
    },
}

#: Vocabularies with labels (reports/labels.py and the tests check their coverage).
VOCABULARIES: Final[tuple[str, ...]] = tuple(VOCABULARY)

PAIRS: Final[Mapping[str, tuple[str, str]]] = {
    f"report.{vocabulary}.{code}": pair for vocabulary, labels in VOCABULARY.items() for code, pair in labels.items()
}
