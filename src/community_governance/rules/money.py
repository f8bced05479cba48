"""The vocabulary of money: apportionment bases and rounding, charges, the fund's rules.

Values only, no evaluation (the engine is `community_governance.money`). Amounts are whole
fen (分, 1/100 yuan) as ``int``; a ratio is a `Fraction`. Each value the law supplies carries
its citation; what the law leaves to local rules is left out with a note, never filled in.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from fractions import Fraction

import attrs

from community_governance._base.citations import Citation, Confidence, Uncertain
from community_governance.exceptions import MoneyError, MoneyTypeError
from community_governance.rules.matters import Matter

__all__ = [
    "DESIGN_LARGEST_REMAINDER",
    "MEASURES_2007",
    "Applicant",
    "Basis",
    "ChargeKind",
    "EmergencyProcedure",
    "EmergencyStep",
    "FirstDeposit",
    "MatterReading",
    "MoneyRules",
    "Rounding",
    "measures_2007",
]

#: The 2007 Measures on the residential special maintenance fund (住宅专项维修资金管理办法,
#: Ministry of Construction and Ministry of Finance Order No. 165, in force 2008-02-01).
MEASURES_2007 = "maintenance_fund_measures_2007"
_M07 = date(2008, 2, 1)


class Basis(Enum):
    """How an amount is split over units.

    Attributes:
        AREA: In proportion to each unit's exclusive area (the 2007 Measures' rule for
            shared repair costs: each owner's share of the building area).
        UNIT: The same for every exclusive part.
        HOUSEHOLD: The same for every counted person (SPC interpretation Art. 9), split
            within a person's units by area.
        SHARE: In proportion to declared shares (e.g. a covenant's schedule).
    """

    AREA = "area"
    UNIT = "unit"
    HOUSEHOLD = "household"
    SHARE = "share"


class Rounding(Enum):
    """How the fen left over by exact shares are placed, so that the parts sum exactly.

    Attributes:
        LARGEST_REMAINDER: Each part is first rounded down to the fen; the remaining fen go
            one each to the parts with the largest remainders, ties to the earlier unit in
            the order given (Hamilton's method; a library design decision unless a rule set
            declares another).
    """

    LARGEST_REMAINDER = "largest-remainder"

    @property
    def citation(self) -> Citation:
        """The design decision behind the rule."""
        return DESIGN_LARGEST_REMAINDER


#: The default rounding rule, cited as the library's own choice.
DESIGN_LARGEST_REMAINDER = Citation(
    "library_design",
    "apportion.largest-remainder",
    confidence=Confidence.MEDIUM,
    note="no national text fixes how fen are rounded; ties go to the earlier unit",
)


class ChargeKind(Enum):
    """Whether a charge binds owners, and so whether it needs an assembly decision.

    Attributes:
        FUND_DRAW: Paid from the maintenance fund: the owners concerned decide (Civil Code
            Art. 278(1)(5)), except the emergency procedure (Art. 281(2)).
        LEVY: Charged to every owner in scope whether they agree or not (replenishing the
            fund, a shared repair): needs an assembly decision of the owners concerned.
        PLEDGE: Crowdfunding: only those who pledge pay; no decision binds anyone else.
        OPT_IN: A fee for a service or facility paid only by those who choose to use it
            (case: 100 yuan per household for an e-bike shed); no vote to charge users, but
            building it on common parts may itself need one.
    """

    FUND_DRAW = "fund-draw"
    LEVY = "levy"
    PLEDGE = "pledge"
    OPT_IN = "opt-in"


@attrs.frozen(slots=True)
class MatterReading:
    """Which matter of Civil Code Art. 278(1) a money question is decided as, and why.

    Attributes:
        matter: The matter.
        citation: The article (or design decision) for the reading.
    """

    matter: Matter = attrs.field(validator=attrs.validators.instance_of(Matter))
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))


class Applicant(Enum):
    """Who applies to use the fund in an emergency.

    Attributes:
        ASSEMBLY: The owners' assembly (业主大会).
        COMMITTEE: The owners' committee (业主委员会).
        PROPERTY_COMPANY: The property service company (物业服务企业).
        OWNERS_CONCERNED: The owners concerned (相关业主).
    """

    ASSEMBLY = "assembly"
    COMMITTEE = "committee"
    PROPERTY_COMPANY = "property-company"
    OWNERS_CONCERNED = "owners-concerned"


class EmergencyStep(Enum):
    """A step of the emergency-use procedure that can be checked from the facts given.

    Attributes:
        APPLICANT: The applicant is one the rules name.
        EMERGENCY: The situation endangers the building's safety (a declared fact).
        SCOPE: The units charged are named (the owners concerned).
        PUBLISHED: The use was published to the owners.
        AUDITED: The cost was certified (the audit's amount is what is drawn).
        BALANCE: The scoped balance covers the draw.
    """

    APPLICANT = "applicant"
    EMERGENCY = "emergency"
    SCOPE = "scope"
    PUBLISHED = "published"
    AUDITED = "audited"
    BALANCE = "balance"


def _citations(value: object) -> tuple[tuple[EmergencyStep, Citation], ...]:
    if not isinstance(value, tuple) or not all(
        isinstance(item, tuple)
        and len(item) == 2
        and isinstance(item[0], EmergencyStep)
        and isinstance(item[1], Citation)
        for item in value
    ):
        raise MoneyTypeError(
            f"steps must be a tuple of (EmergencyStep, Citation) pairs, not {value!r}",
            field="steps",
            value=value,
        )
    return value


def _applicants(value: object) -> frozenset[Applicant]:
    items = frozenset(value) if isinstance(value, set | frozenset | tuple | list) else frozenset()
    if not items or not all(isinstance(a, Applicant) for a in items):
        raise MoneyTypeError(
            f"applicants must be a non-empty set of Applicant, not {value!r}",
            field="applicants",
            value=value,
        )
    return items


@attrs.frozen(slots=True)
class EmergencyProcedure:
    """Emergency use of the fund: no owners' vote, but a procedure of checked steps.

    Attributes:
        applicants: Who may apply.
        steps: The steps required, each with the article requiring it (a step the rules do
            not require is not checked).
        citation: The article allowing emergency use.
    """

    applicants: frozenset[Applicant] = attrs.field(converter=_applicants)
    steps: tuple[tuple[EmergencyStep, Citation], ...] = attrs.field(converter=_citations)
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))


def _ratio(value: object) -> Fraction:
    if not isinstance(value, Fraction) or not 0 < value < 1:
        raise MoneyError(
            f"a first-deposit ratio must be a Fraction in (0, 1), not {value!r}",
            field="ratio",
            value=value,
        )
    return value


@attrs.frozen(slots=True)
class FirstDeposit:
    """The first deposit per m²: a range of shares of the local building cost per m².

    The share within the range, and the cost, are set locally; only the range is national.

    Attributes:
        low: The lowest share (inclusive).
        high: The highest share (inclusive).
        citation: The article setting the range.
    """

    low: Fraction = attrs.field(converter=_ratio)
    high: Fraction = attrs.field(converter=_ratio)
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))

    def __attrs_post_init__(self) -> None:
        if self.low > self.high:
            raise MoneyError(
                f"first deposit: low {self.low} is above high {self.high}",
                field="low",
                value=self.low,
            )


@attrs.frozen(slots=True)
class MoneyRules:
    """The money rules of one jurisdiction (each value cited; ``None`` where no text is known).

    Attributes:
        first_deposit: The national range of the first deposit.
        replenish_below: The share of the first deposit under which a unit's balance must be
            topped up.
        emergency: The emergency-use procedure.
        fee_adjustment: Which matter a property-fee adjustment is decided as.
        rounding: The rounding rule for apportionment.
        scoped: The article under which the owners concerned decide for their part
            (a building, a unit), with the rule set's thresholds counted within the scope.
    """

    first_deposit: FirstDeposit | None = None
    replenish_below: tuple[Fraction, Citation] | None = None
    emergency: EmergencyProcedure | None = None
    fee_adjustment: MatterReading | None = None
    rounding: tuple[Rounding, Citation] = (Rounding.LARGEST_REMAINDER, DESIGN_LARGEST_REMAINDER)
    scoped: Citation | None = None


def measures_2007(article: str, note: str = "") -> Citation:
    """A citation of the 2007 Measures; medium confidence (official text not compared).

    Args:
        article: The article, e.g. ``"7"``.
        note: A remark shown with the citation.
    """
    return Citation(
        MEASURES_2007,
        article,
        effective=_M07,
        confidence=Confidence.MEDIUM,
        note=note or "wording from published copies; the official text is not compared",
        uncertain=frozenset({Uncertain.ARTICLE_NUMBER}),
    )
