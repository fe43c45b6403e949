"""The pydantic_core schema of a step-1 screening (docs/interchange.md §1).

GENERATED from icope.screening.Screening by `python tools/schema_source.py --write`:
do not edit. It is the schema pydantic builds for the model, with plain immutable classes in
place of the models (parcours.core.compiled); tests/core/test_schema_source.py checks it is current.
"""

from icope.option_values import ChairRiseComparator, UnknownWeightLoss, WhisperRule
from icope.vocab import AdministeredBy, OrientationAnswer, WeightLossAnswer, WhisperResult
from parcours.core.compiled import ValidatedObject
from parcours.core.identifiers import (
    ProfessionalRole,
    Sex,
    absolute_uri,
    finess_checked,
    given_list,
    identifier_value,
    ins_checked,
    one_identifier,
    rpps_checked,
)
from pydantic_core import CoreConfig

__all__ = ["CONFIG", "SCHEMA"]


class Screening(ValidatedObject):
    """A step-1 screening document: its answers and the optional context objects (§5.2)."""

    __slots__ = ()


class CognitionItems(ValidatedObject):
    """Orientation, three-word recall and the (recorded, non-scoring) memory complaint."""

    __slots__ = ()


class Orientation(ValidatedObject):
    """Orientation in time and place; any subset may be given."""

    __slots__ = ()


class LocomotionItems(ValidatedObject):
    """Five chair rises without the arms, timed."""

    __slots__ = ()


class NutritionItems(ValidatedObject):
    """Unintentional weight loss, appetite loss and today's measured weight."""

    __slots__ = ()


class VisionItems(ValidatedObject):
    """Self-reported eye problems."""

    __slots__ = ()


class HearingItems(ValidatedObject):
    """Any one method: whisper test per ear, hearWHO score, screening audiometry."""

    __slots__ = ()


class PsychologyItems(ValidatedObject):
    """The two yes/no mood questions about the last two weeks."""

    __slots__ = ()


class Step1Options(ValidatedObject):
    """Options of one screening (`options` in docs/interchange.md §1); defaults: icope.option_values."""

    __slots__ = ()


class PatientIdentity(ValidatedObject):
    """Who the document is about (all keys optional); MEDISIS extends it with clinical keys."""

    __slots__ = ()


class Identifier(ValidatedObject):
    """A business identifier: an absolute-URI system and a non-empty value."""

    __slots__ = ()


class Practitioner(ValidatedObject):
    """The professional who produced the document (RPPS: 11 digits)."""

    __slots__ = ()


class Organization(ValidatedObject):
    """The site (FINESS: 2 digits or 2A/2B, then 7 digits)."""

    __slots__ = ()


CONFIG: CoreConfig = {
    'extra_fields_behavior': 'forbid',
    'strict': True,
    'allow_inf_nan': False,
    'validate_default': False,
    'title': 'Screening',
}

SCHEMA = {
    'type': 'model',
    'cls': Screening,
    'schema': {
        'type': 'model-fields',
        'fields': {
            'date': {'type': 'model-field', 'schema': {'type': 'date'}},
            'birth_date': {
                'type': 'model-field',
                'schema': {'type': 'default', 'schema': {'type': 'nullable', 'schema': {'type': 'date'}}, 'default': None},
            },
            'administered_by': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'enum',
                            'cls': AdministeredBy,
                            'members': [
                                AdministeredBy.SELF,
                                AdministeredBy.CAREGIVER,
                                AdministeredBy.NURSE,
                                AdministeredBy.PHYSIOTHERAPIST,
                                AdministeredBy.PHYSICIAN,
                                AdministeredBy.PHARMACIST,
                                AdministeredBy.OTHER,
                            ],
                            'sub_type': 'str',
                        },
                    },
                    'default': None,
                },
            },
            'cognition': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'model',
                            'cls': CognitionItems,
                            'schema': {
                                'type': 'model-fields',
                                'fields': {
                                    'orientation': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {
                                                'type': 'nullable',
                                                'schema': {
                                                    'type': 'model',
                                                    'cls': Orientation,
                                                    'schema': {
                                                        'type': 'model-fields',
                                                        'fields': {
                                                            'year': {
                                                                'type': 'model-field',
                                                                'schema': {
                                                                    'type': 'default',
                                                                    'schema': {
                                                                        'type': 'nullable',
                                                                        'schema': {
                                                                            'type': 'enum',
                                                                            'cls': OrientationAnswer,
                                                                            'members': [
                                                                                OrientationAnswer.CORRECT,
                                                                                OrientationAnswer.WRONG,
                                                                                OrientationAnswer.UNKNOWN,
                                                                            ],
                                                                            'sub_type': 'str',
                                                                        },
                                                                    },
                                                                    'default': None,
                                                                },
                                                            },
                                                            'month': {
                                                                'type': 'model-field',
                                                                'schema': {
                                                                    'type': 'default',
                                                                    'schema': {
                                                                        'type': 'nullable',
                                                                        'schema': {
                                                                            'type': 'enum',
                                                                            'cls': OrientationAnswer,
                                                                            'members': [
                                                                                OrientationAnswer.CORRECT,
                                                                                OrientationAnswer.WRONG,
                                                                                OrientationAnswer.UNKNOWN,
                                                                            ],
                                                                            'sub_type': 'str',
                                                                        },
                                                                    },
                                                                    'default': None,
                                                                },
                                                            },
                                                            'day_of_month': {
                                                                'type': 'model-field',
                                                                'schema': {
                                                                    'type': 'default',
                                                                    'schema': {
                                                                        'type': 'nullable',
                                                                        'schema': {
                                                                            'type': 'enum',
                                                                            'cls': OrientationAnswer,
                                                                            'members': [
                                                                                OrientationAnswer.CORRECT,
                                                                                OrientationAnswer.WRONG,
                                                                                OrientationAnswer.UNKNOWN,
                                                                            ],
                                                                            'sub_type': 'str',
                                                                        },
                                                                    },
                                                                    'default': None,
                                                                },
                                                            },
                                                            'day_of_week': {
                                                                'type': 'model-field',
                                                                'schema': {
                                                                    'type': 'default',
                                                                    'schema': {
                                                                        'type': 'nullable',
                                                                        'schema': {
                                                                            'type': 'enum',
                                                                            'cls': OrientationAnswer,
                                                                            'members': [
                                                                                OrientationAnswer.CORRECT,
                                                                                OrientationAnswer.WRONG,
                                                                                OrientationAnswer.UNKNOWN,
                                                                            ],
                                                                            'sub_type': 'str',
                                                                        },
                                                                    },
                                                                    'default': None,
                                                                },
                                                            },
                                                            'place': {
                                                                'type': 'model-field',
                                                                'schema': {
                                                                    'type': 'default',
                                                                    'schema': {
                                                                        'type': 'nullable',
                                                                        'schema': {
                                                                            'type': 'enum',
                                                                            'cls': OrientationAnswer,
                                                                            'members': [
                                                                                OrientationAnswer.CORRECT,
                                                                                OrientationAnswer.WRONG,
                                                                                OrientationAnswer.UNKNOWN,
                                                                            ],
                                                                            'sub_type': 'str',
                                                                        },
                                                                    },
                                                                    'default': None,
                                                                },
                                                            },
                                                        },
                                                        'model_name': 'Orientation',
                                                        'computed_fields': [],
                                                    },
                                                    'custom_init': False,
                                                    'root_model': False,
                                                    'config': {
                                                        'extra_fields_behavior': 'forbid',
                                                        'strict': True,
                                                        'allow_inf_nan': False,
                                                        'validate_default': False,
                                                        'title': 'Orientation',
                                                    },
                                                },
                                            },
                                            'default': None,
                                        },
                                    },
                                    'words_recalled': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {'type': 'nullable', 'schema': {'type': 'int', 'ge': 0, 'le': 3}},
                                            'default': None,
                                        },
                                    },
                                    'memory_complaint': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {'type': 'nullable', 'schema': {'type': 'bool'}},
                                            'default': None,
                                        },
                                    },
                                },
                                'model_name': 'CognitionItems',
                                'computed_fields': [],
                            },
                            'custom_init': False,
                            'root_model': False,
                            'config': {
                                'extra_fields_behavior': 'forbid',
                                'strict': True,
                                'allow_inf_nan': False,
                                'validate_default': False,
                                'title': 'CognitionItems',
                            },
                        },
                    },
                    'default': None,
                },
            },
            'locomotion': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'model',
                            'cls': LocomotionItems,
                            'schema': {
                                'type': 'model-fields',
                                'fields': {
                                    'completed': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {'type': 'nullable', 'schema': {'type': 'bool'}},
                                            'default': None,
                                        },
                                    },
                                    'chair_rise_seconds': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {'type': 'nullable', 'schema': {'type': 'float', 'ge': 1, 'le': 300}},
                                            'default': None,
                                        },
                                    },
                                    'used_arms': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {'type': 'nullable', 'schema': {'type': 'bool'}},
                                            'default': None,
                                        },
                                    },
                                },
                                'model_name': 'LocomotionItems',
                                'computed_fields': [],
                            },
                            'custom_init': False,
                            'root_model': False,
                            'config': {
                                'extra_fields_behavior': 'forbid',
                                'strict': True,
                                'allow_inf_nan': False,
                                'validate_default': False,
                                'title': 'LocomotionItems',
                            },
                        },
                    },
                    'default': None,
                },
            },
            'nutrition': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'model',
                            'cls': NutritionItems,
                            'schema': {
                                'type': 'model-fields',
                                'fields': {
                                    'weight_loss': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {
                                                'type': 'nullable',
                                                'schema': {
                                                    'type': 'enum',
                                                    'cls': WeightLossAnswer,
                                                    'members': [
                                                        WeightLossAnswer.YES,
                                                        WeightLossAnswer.NO,
                                                        WeightLossAnswer.UNKNOWN,
                                                    ],
                                                    'sub_type': 'str',
                                                },
                                            },
                                            'default': None,
                                        },
                                    },
                                    'weight_loss_kg': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {'type': 'nullable', 'schema': {'type': 'float', 'ge': -50, 'le': 100}},
                                            'default': None,
                                        },
                                    },
                                    'appetite_loss': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {'type': 'nullable', 'schema': {'type': 'bool'}},
                                            'default': None,
                                        },
                                    },
                                    'weight_kg': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {'type': 'nullable', 'schema': {'type': 'float', 'ge': 20, 'le': 350}},
                                            'default': None,
                                        },
                                    },
                                },
                                'model_name': 'NutritionItems',
                                'computed_fields': [],
                            },
                            'custom_init': False,
                            'root_model': False,
                            'config': {
                                'extra_fields_behavior': 'forbid',
                                'strict': True,
                                'allow_inf_nan': False,
                                'validate_default': False,
                                'title': 'NutritionItems',
                            },
                        },
                    },
                    'default': None,
                },
            },
            'vision': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'model',
                            'cls': VisionItems,
                            'schema': {
                                'type': 'model-fields',
                                'fields': {
                                    'eye_problems': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {'type': 'nullable', 'schema': {'type': 'bool'}},
                                            'default': None,
                                        },
                                    },
                                },
                                'model_name': 'VisionItems',
                                'computed_fields': [],
                            },
                            'custom_init': False,
                            'root_model': False,
                            'config': {
                                'extra_fields_behavior': 'forbid',
                                'strict': True,
                                'allow_inf_nan': False,
                                'validate_default': False,
                                'title': 'VisionItems',
                            },
                        },
                    },
                    'default': None,
                },
            },
            'hearing': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'model',
                            'cls': HearingItems,
                            'schema': {
                                'type': 'model-fields',
                                'fields': {
                                    'whisper_right': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {
                                                'type': 'nullable',
                                                'schema': {
                                                    'type': 'enum',
                                                    'cls': WhisperResult,
                                                    'members': [WhisperResult.PASS, WhisperResult.FAIL],
                                                    'sub_type': 'str',
                                                },
                                            },
                                            'default': None,
                                        },
                                    },
                                    'whisper_left': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {
                                                'type': 'nullable',
                                                'schema': {
                                                    'type': 'enum',
                                                    'cls': WhisperResult,
                                                    'members': [WhisperResult.PASS, WhisperResult.FAIL],
                                                    'sub_type': 'str',
                                                },
                                            },
                                            'default': None,
                                        },
                                    },
                                    'hearwho_score': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {'type': 'nullable', 'schema': {'type': 'float', 'ge': 0, 'le': 100}},
                                            'default': None,
                                        },
                                    },
                                    'audiometry_db': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {'type': 'nullable', 'schema': {'type': 'float', 'ge': -10, 'le': 120}},
                                            'default': None,
                                        },
                                    },
                                },
                                'model_name': 'HearingItems',
                                'computed_fields': [],
                            },
                            'custom_init': False,
                            'root_model': False,
                            'config': {
                                'extra_fields_behavior': 'forbid',
                                'strict': True,
                                'allow_inf_nan': False,
                                'validate_default': False,
                                'title': 'HearingItems',
                            },
                        },
                    },
                    'default': None,
                },
            },
            'psychology': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'model',
                            'cls': PsychologyItems,
                            'schema': {
                                'type': 'model-fields',
                                'fields': {
                                    'feeling_down': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {'type': 'nullable', 'schema': {'type': 'bool'}},
                                            'default': None,
                                        },
                                    },
                                    'little_interest': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {'type': 'nullable', 'schema': {'type': 'bool'}},
                                            'default': None,
                                        },
                                    },
                                },
                                'model_name': 'PsychologyItems',
                                'computed_fields': [],
                            },
                            'custom_init': False,
                            'root_model': False,
                            'config': {
                                'extra_fields_behavior': 'forbid',
                                'strict': True,
                                'allow_inf_nan': False,
                                'validate_default': False,
                                'title': 'PsychologyItems',
                            },
                        },
                    },
                    'default': None,
                },
            },
            'options': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'model',
                            'cls': Step1Options,
                            'schema': {
                                'type': 'model-fields',
                                'fields': {
                                    'age_adjusted_chair_rise': {
                                        'type': 'model-field',
                                        'schema': {'type': 'default', 'schema': {'type': 'bool'}, 'default': False},
                                    },
                                    'chair_rise_comparator': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {
                                                'type': 'enum',
                                                'cls': ChairRiseComparator,
                                                'members': [ChairRiseComparator.GREATER, ChairRiseComparator.GREATER_OR_EQUAL],
                                                'sub_type': 'str',
                                            },
                                            'default': ChairRiseComparator.GREATER,
                                        },
                                    },
                                    'weight_loss_unknown': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {
                                                'type': 'enum',
                                                'cls': UnknownWeightLoss,
                                                'members': [UnknownWeightLoss.POSITIVE, UnknownWeightLoss.INCOMPLETE],
                                                'sub_type': 'str',
                                            },
                                            'default': UnknownWeightLoss.POSITIVE,
                                        },
                                    },
                                    'whisper_rule': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {
                                                'type': 'enum',
                                                'cls': WhisperRule,
                                                'members': [WhisperRule.EITHER_EAR, WhisperRule.BOTH_EARS],
                                                'sub_type': 'str',
                                            },
                                            'default': WhisperRule.EITHER_EAR,
                                        },
                                    },
                                    'audiometry_pass_max_db': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {'type': 'float', 'ge': 0, 'le': 120},
                                            'default': 35.0,
                                        },
                                    },
                                    'rescreen_months': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {'type': 'int', 'ge': 4, 'le': 6},
                                            'default': 6,
                                        },
                                    },
                                },
                                'model_name': 'Step1Options',
                                'computed_fields': [],
                            },
                            'custom_init': False,
                            'root_model': False,
                            'config': {
                                'extra_fields_behavior': 'forbid',
                                'strict': True,
                                'allow_inf_nan': False,
                                'validate_default': False,
                                'title': 'Step1Options',
                            },
                        },
                    },
                    'default': None,
                },
            },
            'patient': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'function-after',
                            'function': {'type': 'no-info', 'function': one_identifier},
                            'schema': {
                                'type': 'model',
                                'cls': PatientIdentity,
                                'schema': {
                                    'type': 'model-fields',
                                    'fields': {
                                        'identifier': {
                                            'type': 'model-field',
                                            'schema': {
                                                'type': 'default',
                                                'schema': {
                                                    'type': 'nullable',
                                                    'schema': {
                                                        'type': 'model',
                                                        'cls': Identifier,
                                                        'schema': {
                                                            'type': 'model-fields',
                                                            'fields': {
                                                                'system': {
                                                                    'type': 'model-field',
                                                                    'schema': {
                                                                        'type': 'function-after',
                                                                        'function': {
                                                                            'type': 'no-info',
                                                                            'function': absolute_uri,
                                                                        },
                                                                        'schema': {'type': 'str'},
                                                                    },
                                                                },
                                                                'value': {
                                                                    'type': 'model-field',
                                                                    'schema': {
                                                                        'type': 'function-after',
                                                                        'function': {
                                                                            'type': 'with-info',
                                                                            'function': identifier_value,
                                                                        },
                                                                        'schema': {'type': 'str', 'min_length': 1},
                                                                    },
                                                                },
                                                            },
                                                            'model_name': 'Identifier',
                                                            'computed_fields': [],
                                                        },
                                                        'custom_init': False,
                                                        'root_model': False,
                                                        'config': {
                                                            'extra_fields_behavior': 'forbid',
                                                            'strict': True,
                                                            'allow_inf_nan': False,
                                                            'validate_default': False,
                                                            'title': 'Identifier',
                                                        },
                                                    },
                                                },
                                                'default': None,
                                            },
                                        },
                                        'ins': {
                                            'type': 'model-field',
                                            'schema': {
                                                'type': 'default',
                                                'schema': {
                                                    'type': 'function-after',
                                                    'function': {'type': 'no-info', 'function': ins_checked},
                                                    'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                                                },
                                                'default': None,
                                            },
                                        },
                                        'family': {
                                            'type': 'model-field',
                                            'schema': {
                                                'type': 'default',
                                                'schema': {'type': 'nullable', 'schema': {'type': 'str', 'min_length': 1}},
                                                'default': None,
                                            },
                                        },
                                        'given': {
                                            'type': 'model-field',
                                            'schema': {
                                                'type': 'default',
                                                'schema': {
                                                    'type': 'function-before',
                                                    'function': {'type': 'no-info', 'function': given_list},
                                                    'schema': {
                                                        'type': 'nullable',
                                                        'schema': {
                                                            'type': 'list',
                                                            'items_schema': {'type': 'str', 'min_length': 1},
                                                            'min_length': 1,
                                                        },
                                                    },
                                                },
                                                'default': None,
                                            },
                                        },
                                        'birth_date': {
                                            'type': 'model-field',
                                            'schema': {
                                                'type': 'default',
                                                'schema': {'type': 'nullable', 'schema': {'type': 'date'}},
                                                'default': None,
                                            },
                                        },
                                        'sex': {
                                            'type': 'model-field',
                                            'schema': {
                                                'type': 'default',
                                                'schema': {
                                                    'type': 'nullable',
                                                    'schema': {
                                                        'type': 'enum',
                                                        'cls': Sex,
                                                        'members': [Sex.FEMALE, Sex.MALE, Sex.OTHER, Sex.UNKNOWN],
                                                        'sub_type': 'str',
                                                    },
                                                },
                                                'default': None,
                                            },
                                        },
                                    },
                                    'model_name': 'PatientIdentity',
                                    'computed_fields': [],
                                },
                                'custom_init': False,
                                'root_model': False,
                                'config': {
                                    'extra_fields_behavior': 'forbid',
                                    'strict': True,
                                    'allow_inf_nan': False,
                                    'validate_default': False,
                                    'title': 'PatientIdentity',
                                },
                            },
                        },
                    },
                    'default': None,
                },
            },
            'practitioner': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'model',
                            'cls': Practitioner,
                            'schema': {
                                'type': 'model-fields',
                                'fields': {
                                    'rpps': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'function-after',
                                            'function': {'type': 'no-info', 'function': rpps_checked},
                                            'schema': {'type': 'str'},
                                        },
                                    },
                                    'family': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {'type': 'nullable', 'schema': {'type': 'str', 'min_length': 1}},
                                            'default': None,
                                        },
                                    },
                                    'given': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {
                                                'type': 'function-before',
                                                'function': {'type': 'no-info', 'function': given_list},
                                                'schema': {
                                                    'type': 'nullable',
                                                    'schema': {
                                                        'type': 'list',
                                                        'items_schema': {'type': 'str', 'min_length': 1},
                                                        'min_length': 1,
                                                    },
                                                },
                                            },
                                            'default': None,
                                        },
                                    },
                                    'role': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {
                                                'type': 'nullable',
                                                'schema': {
                                                    'type': 'enum',
                                                    'cls': ProfessionalRole,
                                                    'members': [
                                                        ProfessionalRole.NURSE,
                                                        ProfessionalRole.PHYSIOTHERAPIST,
                                                        ProfessionalRole.PHYSICIAN,
                                                        ProfessionalRole.PHARMACIST,
                                                        ProfessionalRole.OTHER,
                                                    ],
                                                    'sub_type': 'str',
                                                },
                                            },
                                            'default': None,
                                        },
                                    },
                                },
                                'model_name': 'Practitioner',
                                'computed_fields': [],
                            },
                            'custom_init': False,
                            'root_model': False,
                            'config': {
                                'extra_fields_behavior': 'forbid',
                                'strict': True,
                                'allow_inf_nan': False,
                                'validate_default': False,
                                'title': 'Practitioner',
                            },
                        },
                    },
                    'default': None,
                },
            },
            'organization': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'model',
                            'cls': Organization,
                            'schema': {
                                'type': 'model-fields',
                                'fields': {
                                    'finess': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'function-after',
                                            'function': {'type': 'no-info', 'function': finess_checked},
                                            'schema': {'type': 'str'},
                                        },
                                    },
                                    'name': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {'type': 'nullable', 'schema': {'type': 'str', 'min_length': 1}},
                                            'default': None,
                                        },
                                    },
                                },
                                'model_name': 'Organization',
                                'computed_fields': [],
                            },
                            'custom_init': False,
                            'root_model': False,
                            'config': {
                                'extra_fields_behavior': 'forbid',
                                'strict': True,
                                'allow_inf_nan': False,
                                'validate_default': False,
                                'title': 'Organization',
                            },
                        },
                    },
                    'default': None,
                },
            },
        },
        'model_name': 'Screening',
        'computed_fields': [],
    },
    'custom_init': False,
    'root_model': False,
    'config': {
        'extra_fields_behavior': 'forbid',
        'strict': True,
        'allow_inf_nan': False,
        'validate_default': False,
        'title': 'Screening',
    },
}
