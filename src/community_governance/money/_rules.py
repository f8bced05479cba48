"""Reading the money parameters of a rule set, and the deprecated undated values."""

from __future__ import annotations

import warnings
from typing import TypeVar

from community_governance.exceptions import MissingParameterError, MoneyTypeError
from community_governance.rules.params import Param
from community_governance.rules.ruleset import RuleSet

T = TypeVar("T")


def money_param(rules: RuleSet, param: Param[T] | None, name: str) -> Param[T]:
    """``param``, read by its attribute path (``rules.money.<name>``), or an error naming it.

    The error hints at unconfirmed values when ``rules`` leaves them out.

    Raises:
        MissingParameterError: no layer in force supplies it (none is invented).
    """
    if param is None:
        hint = "" if rules.include_unconfirmed else " (pass include_unconfirmed=True to admit "
        hint += "" if rules.include_unconfirmed else "medium-confidence values)"
        raise MissingParameterError(
            f"rule set {rules.code} on {rules.on}: no layer supplies money.{name}{hint}",
            code=rules.code,
            param=f"money.{name}",
        )
    return param


def deprecated(old: str, new: str) -> None:
    """Warn that ``old`` (an undated money value) is deprecated in favour of ``new``."""
    warnings.warn(
        f"passing {old} is deprecated and will be refused in the next minor version; pass {new}",
        DeprecationWarning,
        stacklevel=4,  # the caller of Fund.to_replenish or check_emergency
    )


def not_rules(name: str, value: object, accepted: str) -> MoneyTypeError:
    """The error for an argument that is neither a RuleSet nor the deprecated value."""
    return MoneyTypeError(
        f"{name} must be a RuleSet (rules_for(code, on=day)){accepted}, not {value!r:.80}",
        field=name,
        value=value,
    )
