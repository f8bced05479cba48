"""Motion ballots, one per exclusive part, and the declared policies around them.

The policies cover spoiled ballots, proxies and the contested "non-voters follow the majority"
clause.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import attrs

from community_governance._base.lang import language
from community_governance._base.serial import dump, load
from community_governance.exceptions import (
    InvalidBallotError,
    InvalidChoiceError,
    VotingInputError,
)

__all__ = ["Ballot", "Choice", "Proxy"]


class Choice(Enum):
    """What a motion ballot says.

    Attributes:
        AGREE: 同意.
        OPPOSE: 反对.
        ABSTAIN: 弃权 — takes part, does not agree (Civil Code Art. 278 counts approval among
            those taking part).
        SPOILED: 废票 — returned but unreadable or invalid; counted per
            [SpoiledPolicy][community_governance.rules.SpoiledPolicy].
    """

    AGREE = "agree"
    OPPOSE = "oppose"
    ABSTAIN = "abstain"
    SPOILED = "spoiled"

    slot: int  # position in declaration order, set below

    @classmethod
    def parse(cls, value: object) -> Choice:
        """Read a choice from a member, its English value or its Chinese word.

        Raises:
            InvalidChoiceError: the value is not a known spelling.
        """
        if isinstance(value, Choice):
            return value
        if isinstance(value, str):
            found = _SPELLINGS.get(value.strip().lower())
            if found is not None:
                return found
        raise InvalidChoiceError(
            f"ballot choice {value!r} is not one of {', '.join(_SPELLINGS)}",
            value=value,
            allowed=tuple(_SPELLINGS),
        )

    def label(self, lang: str = "en") -> str:
        """Human label in ``"en"`` or ``"zh"``."""
        lang = language(lang)
        return _ZH[self] if lang == "zh" else self.value


# A plain per-member slot number lets the tally index lists instead of hashing enum members
# (Enum.__hash__ is a Python-level call, measurably slow in the ballot loop).
for _slot, _member in enumerate(Choice):
    object.__setattr__(_member, "slot", _slot)

_ZH = {Choice.AGREE: "同意", Choice.OPPOSE: "反对", Choice.ABSTAIN: "弃权", Choice.SPOILED: "废票"}
_SPELLINGS = {member.value: member for member in Choice} | {
    text: member for member, text in _ZH.items()
}


@attrs.frozen(slots=True)
class Proxy:
    """A proxy (委托代理人) casting the ballot for the owner.

    Attributes:
        holder: Who cast the ballot.
        written_authorisation: Whether a written authorisation was produced. Guidance Rules
            2009 Art. 26 allows proxies in writing, and Shanghai Art. 18 requires it; a ballot by
            a proxy without one is not counted, and the decision says so.
    """

    holder: str = attrs.field(validator=lambda _, __, value: _holder(value))
    written_authorisation: bool = attrs.field(validator=lambda _, __, value: _written(value))


def _holder(value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise VotingInputError(
            f"proxy holder must be a non-empty str, not {value!r}", field="holder", value=value
        )


def _written(value: object) -> None:
    if not isinstance(value, bool):
        raise VotingInputError(
            f"proxy written_authorisation must be True or False, not {value!r}",
            field="written_authorisation",
            value=value,
        )


def _proxy(value: object) -> Proxy | None:
    if value is None or isinstance(value, Proxy):
        return value
    raise VotingInputError(
        f"ballot proxy must be a Proxy or None, not {value!r}",
        field="proxy",
        value=value,
    )


def _choice(value: object) -> Choice:
    return Choice.parse(value)


def _unit(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value:
        raise InvalidBallotError(
            f"ballot unit must be a non-empty unit id, not {value!r}",
            field="unit",
            value=value,
        )


@attrs.frozen(slots=True)
class Ballot:
    """A motion ballot for one exclusive part.

    Attributes:
        unit: The unit id.
        choice: Agree, oppose, abstain or spoiled (English or Chinese spellings accepted).
        proxy: The proxy who cast it, if any.
    """

    unit: str = attrs.field(validator=_unit)
    choice: Choice = attrs.field(converter=_choice)
    proxy: Proxy | None = attrs.field(default=None, converter=_proxy)

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form, schema ``community_governance.ballot/1``."""
        return dump(self, "community_governance.ballot/1")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Ballot:
        """Rebuild a ballot from [to_dict][community_governance.Ballot.to_dict] output."""
        return load(cls, data, "community_governance.ballot/1")
