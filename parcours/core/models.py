"""Pydantic bases shared by every input document and result of the domain packages.

Inputs reject unknown fields (a typo must never be silently ignored), are strict (no "1" for 1,
no 1 for true) and refuse NaN and infinities; results are frozen values.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class InputModel(BaseModel):
    """Base of every input object of the JSON contract."""

    # defer_build: a model is built on first use, and a document's sub-models are built inside it
    # without a validator and serializer of their own (~15 ms of the one-shot CLI's start-up).
    model_config = ConfigDict(
        extra="forbid", strict=True, allow_inf_nan=False, frozen=True, validate_default=False, defer_build=True
    )


class ResultModel(BaseModel):
    """Base of every computed result: immutable, unknown fields refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)
