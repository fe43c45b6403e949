"""Catalog part: the PDF reports' titles, headings and sentences (labels of codes: parcours.catalog.vocabulary).

Why pairs: each entry is written once as (French, English), so the two languages cannot drift apart.
"""

from collections.abc import Mapping
from typing import Final

PAIRS: Final[Mapping[str, tuple[str, str]]] = {
    # --- document ---
    "report.title.screening": ("Dépistage ICOPE — étape 1", "ICOPE screening — step 1"),
    "report.title.followup": ("Suivi ICOPE", "ICOPE follow-up"),
    "report.title.reconciliation": ("Conciliation médicamenteuse — {moment}", "Medication reconciliation — {moment}"),
    "report.title.history": ("Historique du patient", "Patient history"),
    "report.subject.screening": (
        "Résultat du dépistage ICOPE (étape 1), évaluations de l'étape 2 et plan de soins",
        "ICOPE step-1 screening result, step-2 assessments and care plan"),
    "report.subject.followup": (
        "Suivi ICOPE : dépistages successifs, alertes et prochaine échéance",
        "ICOPE follow-up: successive screenings, alerts and next due date"),
    "report.subject.reconciliation": (
        "Fiche de conciliation médicamenteuse : bilan, prescription, divergences",
        "Medication reconciliation sheet: history, orders, discrepancies"),
    "report.subject.history": ("Historique ICOPE et MEDISIS d'un patient", "A patient's ICOPE and MEDISIS history"),
    "report.page": ("page {page}/{pages}", "page {page}/{pages}"),
    "report.printed": ("Édité le {date} avec parcours {version}", "Printed on {date} with parcours {version}"),
    "report.none": ("—", "—"),
    "report.yes": ("oui", "yes"),
    "report.no": ("non", "no"),
    "report.list_sep": (" ; ", "; "),
    # --- identity (header of every page) ---
    "report.identity.unknown": ("Patient non identifié", "Unidentified patient"),
    "report.identity.born.female": ("née le {date}", "born {date}"),
    "report.identity.born.male": ("né le {date}", "born {date}"),
    "report.identity.born.other": ("né(e) le {date}", "born {date}"),
    "report.identity.ins": ("INS {value}", "INS {value}"),
    "report.identity.identifier": ("identifiant {value}", "identifier {value}"),
    "report.identity.store_id": ("dossier {value}", "record {value}"),
    "report.sex.female": ("femme", "female"),
    "report.sex.male": ("homme", "male"),
    "report.sex.other": ("autre", "other"),
    "report.sex.unknown": ("sexe inconnu", "sex unknown"),
    # --- context ---
    "report.field.date": ("Date", "Date"),
    "report.field.screening_date": ("Date du dépistage", "Screening date"),
    "report.field.administered_by": ("Réalisé par", "Administered by"),
    "report.field.practitioner": ("Professionnel", "Professional"),
    "report.field.organization": ("Structure", "Organisation"),
    "report.field.rpps": ("RPPS {value}", "RPPS {value}"),
    "report.field.finess": ("FINESS {value}", "FINESS {value}"),
    "report.field.moment": ("Moment", "Transition"),
    "report.field.mode": ("Mode", "Mode"),
    # --- ICOPE step 1 ---
    "report.section.overall": ("Résultat global", "Overall result"),
    "report.overall.positive": (
        "Dépistage positif : au moins un domaine est à approfondir (étape 2).",
        "Positive screening: at least one domain calls for an in-depth assessment (step 2)."),
    "report.overall.negative": ("Dépistage négatif pour les six domaines.", "Negative screening in all six domains."),
    "report.overall.incomplete": (
        "Dépistage incomplet : au moins un domaine n'a pas pu être évalué, aucun n'est positif.",
        "Incomplete screening: at least one domain could not be assessed, none is positive."),
    "report.section.domains": ("Les six domaines", "The six domains"),
    "report.col.domain": ("Domaine", "Domain"),
    "report.col.result": ("Résultat", "Result"),
    "report.col.reasons": ("Motifs", "Reasons"),
    "report.section.flags": ("Signaux à suivre", "Signals to watch"),
    "report.section.step2_proposed": ("Évaluations proposées (étape 2)", "Proposed assessments (step 2)"),
    "report.proposal": ("{domain} : {instruments}", "{domain}: {instruments}"),
    "report.section.next_due": ("Prochain dépistage", "Next screening"),
    "report.next_due": ("Prochain dépistage (étape 1) à faire le {date}.", "Next step-1 screening due on {date}."),
    "report.symbol.positive": ("+", "+"),
    "report.symbol.negative": ("−", "−"),
    "report.symbol.incomplete": ("?", "?"),
    # --- step 2 ---
    "report.section.step2_results": ("Évaluations de l'étape 2", "Step-2 assessments"),
    "report.col.instrument": ("Instrument", "Instrument"),
    "report.col.score": ("Score", "Score"),
    "report.col.band": ("Classe", "Band"),
    "report.col.abnormal": ("Anormal", "Abnormal"),
    "report.col.details": ("Détails", "Details"),
    "report.score": ("{score} / {max}", "{score} / {max}"),
    "report.detail.sppb": (
        "équilibre {balance}, marche {gait}, lever de chaise {chair}",
        "balance {balance}, gait {gait}, chair stands {chair}"),
    "report.detail.phq9_urgent": ("item 9 positif : évaluation urgente", "item 9 positive: urgent assessment"),
    "report.detail.moca_raw": ("score brut {raw}", "raw score {raw}"),
    "report.detail.acuity": ("œil droit {right}, œil gauche {left}", "right eye {right}, left eye {left}"),
    "report.detail.near": ("près {near}", "near {near}"),
    "report.section.confirmed": ("Domaines confirmés par l'étape 2", "Domains confirmed at step 2"),
    "report.confirmed.none": ("Aucun domaine confirmé.", "No domain confirmed."),
    # --- care plan ---
    "report.section.care_plan": ("Plan de soins personnalisé (étape 3)", "Personalised care plan (step 3)"),
    "report.care_plan.date": ("Plan du {date}", "Plan of {date}"),
    "report.care_plan.goals": ("Objectifs de la personne", "The person's goals"),
    "report.care_plan.no_goal": ("Aucun objectif renseigné.", "No goal recorded."),
    "report.care_plan.no_intervention": ("Aucune intervention planifiée.", "No intervention planned."),
    "report.care_plan.gp_agreement": ("Accord du médecin traitant", "GP agreement"),
    "report.care_plan.motivational_interview": ("Entretien motivationnel", "Motivational interview"),
    "report.care_plan.rci": ("Réunion de concertation ICOPE (RCI)", "ICOPE coordination meeting (RCI)"),
    "report.care_plan.review_date": ("Date de révision", "Review date"),
    "report.care_plan.status": ("Statut", "Status"),
    "report.care_plan_status.active": ("en cours", "active"),
    "report.care_plan_status.completed": ("terminé", "completed"),
    "report.col.type": ("Intervention", "Intervention"),
    "report.col.assignee": ("Confiée à", "Assigned to"),
    "report.col.due": ("Échéance", "Due"),
    "report.col.status": ("Statut", "Status"),
    # --- follow-up ---
    "report.section.chart": ("Évolution des six domaines", "The six domains over time"),
    "report.chart.legend": (
        "Légende : + positif (à approfondir), − négatif, ? incomplet ; case vide : pas de dépistage.",
        "Key: + positive (to assess further), − negative, ? incomplete; blank: no screening."),
    "report.chart.overall": ("Global", "Overall"),
    "report.section.latest": ("Dernier dépistage ({date})", "Latest screening ({date})"),
    "report.section.alerts": ("Alertes de suivi", "Follow-up alerts"),
    "report.alerts.none": ("Aucune alerte.", "No alert."),
    "report.col.rule": ("Règle", "Rule"),
    "report.section.screenings": ("Dépistages", "Screenings"),
    # --- reconciliation ---
    "report.section.patient": ("Patient", "Patient"),
    "report.patient.weight": ("poids {value} kg", "weight {value} kg"),
    "report.patient.egfr": ("DFG {value} mL/min/1,73 m²", "eGFR {value} mL/min/1.73 m²"),
    "report.patient.creatinine": ("créatinine {value} µmol/L", "creatinine {value} µmol/L"),
    "report.patient.potassium": ("kaliémie {value} mmol/L", "potassium {value} mmol/L"),
    "report.patient.allergies": ("allergies : {value}", "allergies: {value}"),
    "report.patient.falls": ("chutes sur 12 mois : {value}", "falls in 12 months: {value}"),
    "report.patient.conditions": ("pathologies (CIM-10) : {value}", "conditions (ICD-10): {value}"),
    "report.section.sources": ("Sources du bilan médicamenteux", "Medication history sources"),
    "report.sources.none": ("Aucune source renseignée.", "No source recorded."),
    "report.section.lines": ("Lignes de traitement", "Medication lines"),
    "report.side.admission.bm": ("Bilan médicamenteux", "Medication history"),
    "report.side.admission.orders": ("Prescription hospitalière", "Hospital orders"),
    "report.side.transfer.bm": ("Traitement en cours", "Current treatment"),
    "report.side.transfer.orders": ("Nouvelle prescription", "New orders"),
    "report.side.discharge.bm": ("Traitement hospitalier", "Hospital treatment"),
    "report.side.discharge.orders": ("Ordonnance de sortie", "Discharge prescription"),
    "report.col.discrepancy": ("Divergence", "Discrepancy"),
    "report.line.absent": ("(absent)", "(absent)"),
    "report.line.changes": ("changé : {value}", "changed: {value}"),
    "report.line.error_type": ("erreur : {value}", "error: {value}"),
    "report.line.severity": ("gravité : {value}", "severity: {value}"),
    "report.line.resolution": ("résolution : {value}", "resolution: {value}"),
    "report.line.documented": ("documentée", "documented"),
    "report.line.as_needed": ("si besoin", "as needed"),
    "report.line.self_medication": ("automédication", "self-medication"),
    "report.line.prolonged": ("LP", "prolonged release"),
    "report.line.started": ("depuis le {date}", "since {date}"),
    "report.section.summary": ("Synthèse", "Summary"),
    "report.summary": (
        ("{lines} ligne(s), {discrepant} divergence(s) : {dni} DNI, {dind} DIND, {did} DID, {unqualified} non "
         "qualifiée(s)."),
        ("{lines} line(s), {discrepant} discrepancy(ies): {dni} unintentional, {dind} intentional undocumented, "
         "{did} intentional documented, {unqualified} unqualified.")),
    "report.section.warnings": ("Points d'attention", "Warnings"),
    "report.section.interventions": ("Interventions pharmaceutiques", "Pharmaceutical interventions"),
    "report.interventions.none": ("Aucune intervention enregistrée.", "No intervention recorded."),
    "report.col.drug": ("Médicament", "Drug"),
    "report.col.problem": ("Problème", "Problem"),
    "report.col.proposal": ("Intervention proposée", "Proposed intervention"),
    "report.col.outcome": ("Devenir", "Outcome"),
    "report.outcome.pending": ("non renseigné", "not recorded yet"),
    "report.analysis.VALIDATION": ("validation sans intervention", "validated, no intervention"),
    "report.section.reconciliations": ("Conciliations médicamenteuses", "Medication reconciliations"),
    "report.history.empty": ("Aucun dossier enregistré pour ce patient.", "No record stored for this patient."),
    # --- frequency ---
    "report.freq.times_per_day": ("{times} fois par jour", "{times}× a day"),
    "report.freq.per.day": ("{times} fois par jour", "{times}× a day"),
    "report.freq.per.week": ("{times} fois par semaine", "{times}× a week"),
    "report.freq.per.month": ("{times} fois par mois", "{times}× a month"),
    "report.freq.every.day": ("{times} fois tous les {every} jours", "{times}× every {every} days"),
    "report.freq.every.week": ("{times} fois toutes les {every} semaines", "{times}× every {every} weeks"),
    "report.freq.every.month": ("{times} fois tous les {every} mois", "{times}× every {every} months"),
    # --- CLI ---
    "report.cli.one_source": (
        "donner soit FILE, soit --patient ID (un seul des deux)",
        "give either FILE or --patient ID (exactly one)"),
    "report.cli.exists": (
        "-o : {path} existe déjà (ajouter --force pour le remplacer)",
        "-o: {path} already exists (add --force to replace it)"),
    "report.cli.cannot_write": ("-o : impossible d'écrire {path} : {reason}", "-o: cannot write {path}: {reason}"),
    "report.cli.unknown_patient": ("--patient : patient inconnu : {key}", "--patient: unknown patient: {key}"),
    "report.cli.bad_epoch": (
        "SOURCE_DATE_EPOCH : doit être un entier ≥ 0 (secondes depuis 1970)",
        "SOURCE_DATE_EPOCH: must be an integer ≥ 0 (seconds since 1970)"),
    "report.cli.progress": ("{done}/{total} rapports", "{done}/{total} reports"),
    # --- issue 15: ICOPE safety rails (S1, unilateral hearing loss, ORL referral) ---
    "report.section.safety": ("ALERTE S1 — À TRAITER LE JOUR MÊME", "S1 ALERT — TO HANDLE TODAY"),
    "report.safety.s1": (
        ("PHQ-9 du {date} : item 9 (idées de mort ou d'auto-agression) supérieur à 0. Quel que soit le score total, "
         "évaluation du risque suicidaire le jour même."),
        ("PHQ-9 of {date}: item 9 (thoughts of death or self-harm) above 0. Whatever the total score, same-day "
         "safety assessment.")),
    "report.safety.status": ("Alerte S1 : {status}", "S1 alert: {status}"),
    # --- relevance review (docs/medisis.md §6; `unchecked` §6.2, revised 2026-12-01) ---
    "report.section.review": (
        "Révision de pertinence des prescriptions — {date}",
        "Medication relevance review — {date}"),
    "report.review.drugs": ("Traitements revus", "Reviewed drugs"),
    "report.review.findings": (
        "Critères déclenchés (suggestions à discuter, jamais une modification automatique)",
        "Criteria fired (suggestions to discuss, never an automatic change)"),
    "report.review.no_finding": (
        "Aucun critère déclenché parmi ceux qui ont pu être vérifiés.",
        "No criterion fired among those that could be checked."),
    "report.review.acb": ("Charge anticholinergique (ACB) : {total}", "Anticholinergic burden (ACB): {total}"),
    "report.review.age": ("Âge à la date de la révision : {age} ans", "Age on the review date: {age}"),
    "report.review.unchecked": ("Non vérifiable : données manquantes", "Not checkable: missing data"),
    "report.review.unchecked_line": (
        "{rule} ({drugs}) — non vérifiable : {missing}",
        "{rule} ({drugs}) — not checkable: {missing}"),
    "report.review.unchecked_none": (
        "Tous les critères concernés par ces traitements ont pu être vérifiés.",
        "Every criterion these drugs make relevant could be checked."),
    "report.review.unchecked_unknown": (
        "Révision enregistrée avant le 01/12/2026 : les critères non vérifiables n'y sont pas listés.",
        "Review saved before 01/12/2026: the criteria that could not be checked are not listed."),
    "report.col.criterion": ("Critère", "Criterion"),
    "report.col.posology": ("Posologie", "Dosage"),
    "report.col.drugs_involved": ("Médicaments en cause", "Drugs involved"),
    "report.missing.egfr": ("DFG manquant", "eGFR missing"),
    "report.missing.potassium_mmol_l": ("kaliémie manquante", "potassium missing"),
    "report.missing.falls_12m": ("nombre de chutes sur 12 mois manquant", "number of falls in 12 months missing"),
    "report.missing.conditions_icd10": ("diagnostics CIM-10 manquants", "ICD-10 diagnoses missing"),
    "report.missing.started": ("date de début de {drug} manquante", "start date of {drug} missing"),
    "report.missing.dose": (
        "dose de {drug} manquante ou non exprimée en masse",
        "dose of {drug} missing or not a mass"),
    "report.missing.frequency": (
        "fréquence de {drug} manquante ou mensuelle",
        "frequency of {drug} missing or monthly"),
    # our short paraphrases of the criteria (docs/medisis.md §6.3), never the criteria text
    "report.review.rule.STOPP-A3": (
        "doublon de classe thérapeutique en prise régulière",
        "duplicate drug class, regular use"),
    "report.review.rule.STOPP-B3": (
        "bêtabloquant avec vérapamil ou diltiazem",
        "beta-blocker with verapamil or diltiazem"),
    "report.review.rule.STOPP-B12": ("IEC ou ARA II avec hyperkaliémie", "ACE inhibitor or ARB with hyperkalaemia"),
    "report.review.rule.STOPP-C1": ("aspirine au long cours à plus de 100 mg/j", "long-term aspirin above 100 mg/day"),
    "report.review.rule.STOPP-C10": ("AINS avec un anticoagulant oral", "NSAID with an oral anticoagulant"),
    "report.review.rule.STOPP-D8": ("benzodiazépine depuis 4 semaines ou plus", "benzodiazepine for 4 weeks or more"),
    "report.review.rule.STOPP-D10": (
        "benzodiazépine pour insomnie depuis 2 semaines ou plus",
        "benzodiazepine for insomnia for 2 weeks or more"),
    "report.review.rule.STOPP-D11": (
        "hypnotique apparenté (Z) depuis 2 semaines ou plus",
        "Z-drug for 2 weeks or more"),
    "report.review.rule.STOPP-E1": (
        "digoxine à 125 µg/j ou plus avec DFG < 30",
        "digoxin 125 µg/day or more with eGFR < 30"),
    "report.review.rule.STOPP-E2": ("dabigatran avec DFG < 30", "dabigatran with eGFR < 30"),
    "report.review.rule.STOPP-E3": ("inhibiteur du facteur Xa avec DFG < 15", "factor Xa inhibitor with eGFR < 15"),
    "report.review.rule.STOPP-E4": ("AINS avec DFG < 50", "NSAID with eGFR < 50"),
    "report.review.rule.STOPP-E5": ("colchicine avec DFG < 10", "colchicine with eGFR < 10"),
    "report.review.rule.STOPP-E6": ("metformine avec DFG < 30", "metformin with eGFR < 30"),
    "report.review.rule.STOPP-E8": ("nitrofurantoïne avec DFG < 45", "nitrofurantoin with eGFR < 45"),
    "report.review.rule.STOPP-J1": (
        "sulfamide hypoglycémiant à longue durée d'action dans le diabète de type 2",
        "long half-life sulfonylurea in type 2 diabetes"),
    "report.review.rule.STOPP-K1": ("benzodiazépine et chutes répétées", "benzodiazepine with recurrent falls"),
    "report.review.rule.STOPP-K4": ("hypnotique apparenté (Z) et chutes répétées", "Z-drug with recurrent falls"),
    "report.review.rule.STOPP-L2": ("opioïde régulier sans laxatif", "regular opioid without a laxative"),
    "report.review.rule.STOPP-M1": ("deux médicaments anticholinergiques ou plus", "two or more anticholinergic drugs"),
    "report.review.rule.START-C1": (
        "fibrillation atriale sans anticoagulant",
        "atrial fibrillation without an anticoagulant"),
    "report.review.rule.ACB-TOTAL": ("charge anticholinergique élevée", "high anticholinergic burden"),
    "report.review.rule.FR-HYPNOTIC-4W": (
        "hypnotique au-delà de la durée maximale française de 4 semaines",
        "hypnotic beyond the French 4-week maximum"),
    "report.review.rule.FR-ANXIOLYTIC-12W": (
        "benzodiazépine anxiolytique au-delà de la durée maximale française de 12 semaines",
        "anxiolytic benzodiazepine beyond the French 12-week maximum"),
}
