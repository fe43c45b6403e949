"""Catalog part: the PDF reports' titles, headings and the labels of every code they show.

Why pairs: each entry is written once as (French, English), so the two languages cannot drift
apart; `FR` and `EN` are derived for `parcours.messages`. Vocabulary labels are keyed
`report.<vocabulary>.<code>` (reason codes, instruments, statuses…); reports/labels.py reads them.
"""

from typing import Final

_PAIRS: Final[dict[str, tuple[str, str]]] = {
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
    "report.subject.history": (
        "Historique ICOPE et MEDISIS d'un patient",
        "A patient's ICOPE and MEDISIS history"),
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
    "report.detail.sppb": ("équilibre {balance}, marche {gait}, lever de chaise {chair}",
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
        "{lines} ligne(s), {discrepant} divergence(s) : {dni} DNI, {dind} DIND, {did} DID, {unqualified} non qualifiée(s).",
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
    "report.cli.exists": ("-o : {path} existe déjà (ajouter --force pour le remplacer)",
                          "-o: {path} already exists (add --force to replace it)"),
    "report.cli.cannot_write": ("-o : impossible d'écrire {path} : {reason}", "-o: cannot write {path}: {reason}"),
    "report.cli.unknown_patient": ("--patient : patient inconnu : {key}", "--patient: unknown patient: {key}"),
    "report.cli.bad_epoch": ("SOURCE_DATE_EPOCH : doit être un entier ≥ 0 (secondes depuis 1970)",
                             "SOURCE_DATE_EPOCH: must be an integer ≥ 0 (seconds since 1970)"),
    "report.cli.progress": ("{done}/{total} rapports", "{done}/{total} reports"),
}

_VOCAB: Final[dict[str, dict[str, tuple[str, str]]]] = {
    "reason": {
        **{f"orientation_{item}_{answer}": (f"orientation : {fr} {afr}", f"orientation: {en} {aen}")
           for item, fr, en in (("year", "année", "year"), ("month", "mois", "month"),
                                ("day_of_month", "date du jour", "day of the month"),
                                ("day_of_week", "jour de la semaine", "day of the week"), ("place", "lieu", "place"))
           for answer, afr, aen in (("wrong", "erronée", "wrong"), ("unknown", "non sue", "not known"))},
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
        "chair_rise_age_adjusted_cutoff": ("seuil du lever de chaise ajusté à l'âge", "age-adjusted chair-rise cut-off"),
    },
    "instrument": {
        "sppb": ("SPPB", "SPPB"), "mna_sf": ("MNA-SF", "MNA-SF"), "gds15": ("GDS-15", "GDS-15"),
        "phq9": ("PHQ-9", "PHQ-9"), "moca": ("MoCA", "MoCA"), "mini_cog": ("Mini-Cog", "Mini-Cog"),
        "mmse": ("MMSE", "MMSE"), "visual_acuity": ("acuité visuelle", "visual acuity"),
        "audiometry": ("audiométrie", "audiometry"), "hearwho": ("hearWHO", "hearWHO"),
    },
    "band": {
        "normal": ("normal", "normal"), "at_risk": ("à risque", "at risk"), "malnourished": ("dénutrition", "malnourished"),
        "severe": ("sévère", "severe"), "low": ("faible", "low"), "moderate": ("modéré", "moderate"),
        "high": ("élevé", "high"), "mild": ("léger", "mild"), "minimal": ("minimal", "minimal"),
        "moderately_severe": ("modérément sévère", "moderately severe"), "impaired": ("altéré", "impaired"),
        "positive": ("positif", "positive"), "refer": ("à orienter", "refer"), "good": ("bon", "good"),
        "monitor": ("à surveiller", "monitor"), "profound": ("profond", "profound"), "complete": ("total", "complete"),
    },
    "rule": {
        "D1": ("D1 nouveau positif", "D1 newly positive"), "D2": ("D2 positif persistant", "D2 persistently positive"),
        "D3": ("D3 lever de chaise ralenti", "D3 slower chair rises"), "D4": ("D4 perte de poids mesurée", "D4 measured weight loss"),
        "D5": ("D5 cognition en baisse", "D5 cognition worsening"), "D6": ("D6 baisse du hearWHO", "D6 hearWHO drop"),
    },
    "alert_status": {
        "new": ("nouvelle", "new"), "confirmed": ("confirmée", "confirmed"),
        "closed": ("close", "closed"), "refuted": ("infirmée", "refuted"),
    },
    "role": {
        "self": ("la personne elle-même", "the person themself"), "caregiver": ("un aidant", "a caregiver"),
        "nurse": ("infirmier(ère)", "nurse"), "physiotherapist": ("kinésithérapeute", "physiotherapist"),
        "physician": ("médecin", "physician"), "pharmacist": ("pharmacien(ne)", "pharmacist"), "other": ("autre", "other"),
    },
    "intervention_type": {
        "exercise": ("activité physique", "physical exercise"), "nutrition": ("nutrition", "nutrition"),
        "eye_care": ("soins ophtalmologiques", "eye care"), "hearing": ("audition", "hearing care"),
        "memory_clinic": ("consultation mémoire", "memory clinic"), "psych": ("soutien psychologique", "psychological support"),
        "social": ("accompagnement social", "social support"), "caregiver": ("soutien de l'aidant", "caregiver support"),
    },
    "moment": {"admission": ("admission", "admission"), "transfer": ("transfert", "transfer"), "discharge": ("sortie", "discharge")},
    "mode": {"proactive": ("proactive", "proactive"), "retroactive": ("rétroactive", "retroactive")},
    "status": {
        "continued": ("poursuivi", "continued"), "equivalence": ("équivalence", "equivalent"), "stopped": ("arrêté", "stopped"),
        "modified": ("modifié", "modified"), "initiated": ("initié", "initiated"),
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
        "posology": ("posologie", "dosage"), "omission_prescribed": ("omission (traitement prescrit)", "omission (prescribed drug)"),
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
        "product_corrected": ("produit corrigé", "product corrected"), "form_corrected": ("forme corrigée", "form corrected"),
        "discontinued": ("arrêté", "discontinued"),
    },
    "change": {
        "substance": ("substance", "substance"), "form": ("forme", "form"), "release": ("libération", "release"),
        "route": ("voie", "route"), "dose": ("dose", "dose"), "frequency": ("fréquence", "frequency"),
        "as_needed": ("si besoin", "as needed"),
    },
    "warning": {
        "fewer_than_3_sources": ("moins de 3 sources pour le bilan à l'admission", "fewer than 3 history sources at admission"),
        "unqualified_discrepancies": ("des divergences restent à qualifier avec le prescripteur",
                                      "some discrepancies are still to be qualified with the prescriber"),
        "undocumented_intentional_discrepancies": ("des divergences intentionnelles ne sont pas documentées",
                                                   "some intentional discrepancies are not documented"),
    },
    "route": {
        "oral": ("orale", "oral"), "sublingual": ("sublinguale", "sublingual"), "buccal": ("buccale", "buccal"),
        "intravenous": ("IV", "IV"), "intramuscular": ("IM", "IM"), "subcutaneous": ("SC", "SC"),
        "transdermal": ("transdermique", "transdermal"), "inhalation": ("inhalée", "inhaled"), "nasal": ("nasale", "nasal"),
        "ophthalmic": ("ophtalmique", "ophthalmic"), "otic": ("auriculaire", "otic"), "rectal": ("rectale", "rectal"),
        "vaginal": ("vaginale", "vaginal"), "cutaneous": ("cutanée", "cutaneous"),
        "enteral_tube": ("sonde entérale", "enteral tube"), "other": ("autre voie", "other route"),
    },
    "unit": {
        "mg": ("mg", "mg"), "g": ("g", "g"), "ug": ("µg", "µg"), "mmol": ("mmol", "mmol"), "mL": ("mL", "mL"),
        "IU": ("UI", "IU"), "tablet": ("cp", "tablet(s)"), "capsule": ("gél.", "capsule(s)"), "drop": ("gtte(s)", "drop(s)"),
        "puff": ("bouffée(s)", "puff(s)"), "sachet": ("sachet(s)", "sachet(s)"), "patch": ("patch(s)", "patch(es)"),
        "application": ("application(s)", "application(s)"),
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
        "10000010": ("Bilan de médication par le pharmacien d'officine", "Medication review by the community pharmacist"),
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
        "4": ("Choix de la voie d'administration", "Choice of route"), "5": ("Suivi thérapeutique", "Therapeutic monitoring"),
        "6": ("Optimisation des modalités d'administration", "Administration optimisation"),
        "7": ("Adaptation posologique", "Dose adjustment"),
    },
    "outcome": {
        "accepted": ("acceptée", "accepted"), "not_accepted": ("non acceptée", "not accepted"),
        "not_recorded": ("non renseignée", "not recorded"), "accepted_modified": ("acceptée avec modification", "accepted with changes"),
    },
}

# --- issue 15: ICOPE safety rails (S1, unilateral hearing loss, ORL referral) ---
_VOCAB["flag"]["self_harm_risk"] = ("PHQ-9 item 9 > 0 : risque suicidaire", "PHQ-9 item 9 > 0: self-harm risk")
_VOCAB["band"]["unilateral"] = ("unilatérale", "unilateral")
_VOCAB["rule"]["S1"] = ("S1 sécurité : idées de mort ou d'auto-agression", "S1 safety: thoughts of death or self-harm")
_PAIRS.update({
    "report.section.safety": ("ALERTE S1 — À TRAITER LE JOUR MÊME", "S1 ALERT — TO HANDLE TODAY"),
    "report.safety.s1": (
        ("PHQ-9 du {date} : item 9 (idées de mort ou d'auto-agression) supérieur à 0. Quel que soit le score "
         "total, évaluation du risque suicidaire le jour même."),
        ("PHQ-9 of {date}: item 9 (thoughts of death or self-harm) above 0. Whatever the total score, "
         "same-day safety assessment.")),
    "report.safety.status": ("Alerte S1 : {status}", "S1 alert: {status}"),
})

for _vocab, _labels in _VOCAB.items():
    for _code, _pair in _labels.items():
        _PAIRS[f"report.{_vocab}.{_code}"] = _pair

FR: Final[dict[str, str]] = {key: pair[0] for key, pair in _PAIRS.items()}

EN: Final[dict[str, str]] = {key: pair[1] for key, pair in _PAIRS.items()}

#: Vocabularies with labels (reports/labels.py and tests/reports check their coverage).
VOCABULARIES: Final[tuple[str, ...]] = tuple(_VOCAB)
