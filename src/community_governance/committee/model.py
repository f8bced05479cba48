"""The [Committee][community_governance.committee.Committee] value: members, term, history.

A committee is elected on a day for a term of whole years chosen by the assembly's rules of
procedure within the range of the rule set (Guidance Rules 2009 Art. 32: 5 years or less;
Shanghai Art. 20(1): 3 to 5 years; Beijing Art. 41: 5 years or less). Its term expires on the
corresponding day (Civil Code Arts. 201–202). `elect_committee` also checks its number of seats
against the rule set's committee size rule and that the rule set is the one of the election
day. Events change it (see
`community_governance.committee.events`); each returns a new value with one more entry in its
explained history.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any, TypeVar

import attrs
from dateutil.relativedelta import relativedelta

from community_governance._base.citations import Citation
from community_governance._base.html import html_table
from community_governance._base.lang import language
from community_governance._base.notices import Notice
from community_governance._base.serial import check_derived, dump, load, refuse_floats
from community_governance.exceptions import (
    BodyError,
    CommitteeError,
    CommitteeInputError,
    CommitteeSizeError,
    LayerNotInForceError,
    RuleSetDayMismatchError,
    RuleSetNotInForceError,
    TermOutOfRangeError,
)
from community_governance.register.estate import Estate
from community_governance.rules.ruleset import RuleSet
from community_governance.voting.size import check_committee_size

_SCHEMA = "community_governance.committee/1"
_DEFAULT_NAME = "owners' committee"
T = TypeVar("T")

__all__ = ["Committee", "HistoryEntry", "Member", "Role", "check_day", "elect_committee", "require"]


def check_day(value: object, field: str) -> date:
    """Return ``value`` if it is a plain date; raise `CommitteeInputError` otherwise."""
    if type(value) is not date:
        raise CommitteeInputError(
            f"{field} must be a datetime.date (not a datetime or a string), not {value!r}",
            field=field,
            value=value,
        )
    return value


def require(value: T, cls: type[T] | tuple[type, ...], field: str) -> T:
    """Return ``value`` if it is an instance of ``cls``; raise `CommitteeInputError` otherwise."""
    if not isinstance(value, cls):
        names = cls.__name__ if isinstance(cls, type) else " or ".join(c.__name__ for c in cls)
        raise CommitteeInputError(
            f"{field} must be a {names}, not {value!r}", field=field, value=value
        )
    return value


def _day(value: object, field: str) -> None:
    if value is not None:
        check_day(value, field)


def _history(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(e, HistoryEntry) for e in value):
        raise CommitteeInputError(
            f"history must be a tuple of HistoryEntry, not {value!r}", field="history", value=value
        )


def _id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        raise CommitteeInputError(
            f"{attribute.name} must be a non-empty string of at most 200 characters, not {value!r}",
            field=attribute.name,
            value=value,
        )


class Role(Enum):
    """A member's role (主任, 副主任, 委员)."""

    CHAIR = "chair"
    VICE_CHAIR = "vice-chair"
    MEMBER = "member"

    def label(self, lang: str = "en") -> str:
        """Human label: the value, or 主任, 副主任, 委员 in Chinese."""
        lang = language(lang)
        if lang == "zh":
            return {"chair": "主任", "vice-chair": "副主任", "member": "委员"}[self.value]
        return self.value


@attrs.frozen(slots=True)
class Member:
    """A seated member.

    Attributes:
        owner: The owner's identifier.
        role: Chair, vice-chair or member.
        since: The day the member took the seat (the election, or an alternate stepping in).
    """

    owner: str = attrs.field(validator=_id)
    role: Role = attrs.field(default=Role.MEMBER, validator=attrs.validators.instance_of(Role))
    since: date | None = attrs.field(default=None, validator=lambda _i, a, v: _day(v, a.name))


def _notices(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(n, Notice) for n in value):
        raise CommitteeInputError(
            f"notices must be a tuple of Notice, not {value!r}", field="notices", value=value
        )


@attrs.frozen(slots=True)
class HistoryEntry:
    """One applied event, explained.

    Attributes:
        kind: The event's kind, e.g. ``"resignation"``.
        on: The day it happened.
        en: What changed, in English.
        zh: What changed, in Chinese.
        citation: The rule applied.
        notices: Remarks (a late first meeting, a handover deadline, a vacancy action).
    """

    kind: str = attrs.field(validator=_id)
    on: date = attrs.field(validator=lambda _i, a, v: check_day(v, a.name))
    en: str = attrs.field(validator=lambda _i, a, v: require(v, str, a.name))
    zh: str = attrs.field(validator=lambda _i, a, v: require(v, str, a.name))
    citation: Citation | None = attrs.field(
        default=None, validator=lambda _i, a, v: v is None or require(v, Citation, a.name)
    )
    notices: tuple[Notice, ...] = attrs.field(default=(), validator=_notices)

    def __str__(self) -> str:
        return f"{self.on.isoformat()} {self.kind}: {self.en}"


def _members(value: object) -> tuple[Member, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, (tuple, list)):
        raise CommitteeInputError(
            f"members must be a tuple of Member, not {value!r}", field="members", value=value
        )
    items = tuple(Member(v) if isinstance(v, str) else v for v in value)
    for item in items:
        if not isinstance(item, Member):
            raise CommitteeInputError(
                f"members: {item!r} is not a Member", field="members", value=item
            )
    return items


def _alternates(value: object) -> tuple[str, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, (tuple, list)):
        raise CommitteeInputError(
            f"alternates must be a tuple of owner ids, not {value!r}",
            field="alternates",
            value=value,
        )
    return tuple(value)


def _int(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 100:
        raise CommitteeInputError(
            f"{attribute.name} must be a whole number from 1 to 100, not {value!r}",
            field=attribute.name,
            value=value,
        )


@attrs.frozen(slots=True)
class Committee:
    """An owners' committee over its term.

    Attributes:
        elected_on: The day of the election.
        term_years: The term in whole years (checked against the rule set by `elect_committee`).
        full_size: The full number of seats (定额; checked against the rule set's committee size
            rule by `elect_committee`).
        members: The seated members, in seat order.
        alternates: Alternates (候补委员) in the order they step in.
        name: A label, e.g. ``"Mayflower Life Plaza, 1st committee"``.
        history: The applied events, oldest first.
        chair_elected_on: The day the first meeting elected the chair, if it has.

    Raises:
        CommitteeInputError: a field has the wrong type.
        CommitteeError: more members than seats, a member or alternate twice, an alternate who
            is seated, more than one chair, a day (the chair's election, a member's ``since``,
            a history entry) outside the term, or history entries out of order.
    """

    elected_on: date = attrs.field(validator=lambda _i, _a, v: check_day(v, "elected_on"))
    term_years: int = attrs.field(validator=_int)
    full_size: int = attrs.field(validator=_int)
    members: tuple[Member, ...] = attrs.field(converter=_members)
    alternates: tuple[str, ...] = attrs.field(default=(), converter=_alternates)
    name: str = attrs.field(default=_DEFAULT_NAME, validator=_id)
    history: tuple[HistoryEntry, ...] = attrs.field(default=(), validator=_history)
    chair_elected_on: date | None = attrs.field(
        default=None, validator=lambda _i, a, v: _day(v, a.name)
    )

    def __attrs_post_init__(self) -> None:
        owners = [m.owner for m in self.members]
        for owner in self.alternates:
            _id(self, attrs.fields(Committee).alternates, owner)
        problem = (
            f"{len(owners)} members for {self.full_size} seats"
            if len(owners) > self.full_size
            else "an owner is seated or listed twice"
            if len({*owners, *self.alternates}) != len(owners) + len(self.alternates)
            else "more than one chair"
            if sum(m.role is Role.CHAIR for m in self.members) > 1
            else ""
        )
        if problem:
            raise CommitteeError(
                f"committee {self.name!r}: {problem}", field="members", value=tuple(owners)
            )
        self._check_days()

    def _check_days(self) -> None:
        """Refuse a day outside the term or a history out of order."""
        days = [("chair_elected_on", self.chair_elected_on)]
        days += [("members", m.since) for m in self.members]
        days += [("history", entry.on) for entry in self.history]
        last = self.elected_on
        for field, day in days:
            if day is None:
                continue
            floor = last if field == "history" else self.elected_on
            if not floor <= day <= self.expires_on:
                raise CommitteeError(
                    f"committee {self.name!r}: {field} has {day.isoformat()}, outside "
                    f"{floor.isoformat()} to {self.expires_on.isoformat()} (the term, in order)",
                    field=field,
                    value=day,
                )
            last = day if field == "history" else last

    @property
    def expires_on(self) -> date:
        """The last day of the term: the corresponding day ``term_years`` after the election."""
        end: date = self.elected_on + relativedelta(years=self.term_years)
        return end

    @property
    def seated(self) -> int:
        """How many seats are filled."""
        return len(self.members)

    @property
    def vacancies(self) -> int:
        """How many seats are empty."""
        return self.full_size - len(self.members)

    def member(self, owner: str) -> Member:
        """The seated member ``owner``.

        Raises:
            CommitteeError: ``owner`` holds no seat.
        """
        for item in self.members:
            if item.owner == owner:
                return item
        raise CommitteeError(
            f"{owner!r} holds no seat on {self.name!r}", field="member", value=owner
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-ready data with a versioned ``"schema"`` key and the derived expiry."""
        data = dump(self, _SCHEMA)
        data["expires_on"] = self.expires_on.isoformat()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Committee:
        """Inverse of `to_dict`, validated like a new value; the expiry is recomputed.

        Raises:
            InvalidDataError: wrong schema, a float, or data that do not fit.
            DerivedFactMismatchError: the stored expiry differs from the recomputed one.
        """
        refuse_floats("Committee", data)
        body = dict(data) if isinstance(data, dict) else data
        stored = body.pop("expires_on", None) if isinstance(body, dict) else None
        committee = load(cls, body, _SCHEMA)
        if stored is not None:
            check_derived("Committee", "expires_on", stored, committee.expires_on.isoformat())
        return committee

    def __str__(self) -> str:
        return (
            f"{self.name}: {self.seated}/{self.full_size} seated, term {self.term_years} years "
            f"from {self.elected_on.isoformat()} to {self.expires_on.isoformat()}, "
            f"{len(self.alternates)} alternates, {len(self.history)} events"
        )

    def describe(self, lang: str = "en") -> str:
        """The committee in ``"en"`` or ``"zh"``: seats and term, each member, each event.

        Chinese: ``"业主委员会：在任委员5名（定额5名），任期5年，2020-06-30至2025-06-30；
        候补委员0名"``, then one line per member (主任, 副主任, 委员) and per event with its
        article. The default name ``"owners' committee"`` reads 业主委员会.
        """
        lang = language(lang)
        if lang != "zh":
            lines = [str(self)]
            lines += [
                f"  {m.owner} ({m.role.label()}, since {(m.since or self.elected_on).isoformat()})"
                for m in self.members
            ]
            lines += [f"  alternate: {owner}" for owner in self.alternates]
            for entry in self.history:
                cite = f" ({entry.citation.format()})" if entry.citation else ""
                lines.append(f"  {entry}{cite}")
                lines += [f"    Note: {notice.text()}" for notice in entry.notices]
            return "\n".join(lines)
        name = "业主委员会" if self.name == _DEFAULT_NAME else self.name
        lines = [
            f"{name}：在任委员{self.seated}名（定额{self.full_size}名），任期{self.term_years}年，"
            f"{self.elected_on.isoformat()}至{self.expires_on.isoformat()}；"
            f"候补委员{len(self.alternates)}名"
        ]
        lines += [
            f"  {m.owner}（{m.role.label('zh')}，{(m.since or self.elected_on).isoformat()}起）"
            for m in self.members
        ]
        lines += [f"  候补委员：{owner}" for owner in self.alternates]
        for entry in self.history:
            cite = f"（依据：{entry.citation.format('zh')}）" if entry.citation else ""
            lines.append(f"  {entry.on.isoformat()} {entry.zh}{cite}")
            lines += [f"    注意：{notice.text('zh')}" for notice in entry.notices]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = [[m.owner, m.role.value, m.since or self.elected_on] for m in self.members]
        rows += [[a, "alternate", ""] for a in self.alternates]
        return html_table(
            str(self), ["owner", "role", "since"], rows, footer=[str(h) for h in self.history]
        )


def elect_committee(
    members: tuple[str, ...] | list[str],
    *,
    elected_on: date,
    term_years: int,
    rules: RuleSet,
    alternates: tuple[str, ...] | list[str] = (),
    full_size: int | None = None,
    name: str = "owners' committee",
    estate: Estate | None = None,
) -> Committee:
    """A newly elected committee, its term and size checked against the election day's rules.

    **The rule set must be the one in force on the election day.** When ``rules.on`` is
    another day, the jurisdiction is resolved again for ``elected_on``
    ([RuleSet.on_day][community_governance.RuleSet.on_day], with the estate's own layers of
    ``rules`` on top, each of which must be in force that day) and the rules this function
    applies are compared: the term rule (``rules.committee.term``) and the size rule
    (``rules.elections.committee_size`` or ``committee_size_bands``), each with the layer that
    supplies it. The same rules are accepted (a rule set for the day of the count states the
    same law); different ones, or a hand-built rule set that cannot be resolved for another
    day, are refused. A change in layers this function does not read (the voting rules of
    the Civil Code from 2021) does not refuse the election.

    **The size checked is the full number of seats** (``full_size``, by default the number of
    members), with the alternates, by the check the elections engine applies
    ([check_committee_size][community_governance.elections.check_committee_size]): 5 to 11,
    odd (Guidance Rules 2009 Art. 31); 5 or more, odd, or 3 at 10,000 m² or less (Shanghai
    Residential Property Management Provisions Art. 20(1)); 5 or more, odd, or 3 at 100
    households or fewer, alternates no more than members (Beijing Property Management
    Regulation Art. 39(1)(2)); 5 to 11, odd, or 3 at 100 households or fewer (Hangzhou
    Property Management Regulation Art. 27); the minimum of the estate's band of flats
    (Building Management Ordinance (Hong Kong) Cap. 344 Sch. 2 para. 1). A size that depends
    on the estate's area, households or flats is read from ``estate``. Where the rule set
    sets no size rule (a gap in the law as encoded), no size is checked and the election's
    history entry carries a ``no-committee-size-rule`` notice; an unconfirmed band that was
    not applied leaves its ``size-band-unconfirmed`` notice there.

    Args:
        members: The elected members' owner ids, in seat order.
        elected_on: The election day.
        term_years: The term the assembly's rules of procedure chose.
        rules: The rule set in force on the election day.
        alternates: The alternates, in order.
        full_size: The full number of seats (default: the number of members).
        name: A label.
        estate: The register, read when the size rule depends on the estate's area,
            households or flats.

    Returns:
        The committee, with its election as the first history entry.

    Raises:
        RuleSetDayMismatchError: ``rules`` is for another day and its term or size rules
            differ from those in force on ``elected_on`` (both days are named).
        TermOutOfRangeError: the term is outside the rule set's range (the article is named).
        CommitteeSizeError: the seats or alternates are not allowed (the articles are named),
            or the size depends on a figure of the estate and ``estate`` is not given.
        CommitteeError: the rule set has no term rule, or the members are invalid.

    Warns:
        StaleRuleSetWarning: ``rules`` is resolved again for an election day after the date
            its data were last checked against the law.
    """
    day = check_day(elected_on, "elected_on")
    _in_force_on(require(rules, RuleSet, "rules"), day)
    require(estate, (Estate, type(None)), "estate")
    param = rules.committee.term
    if param is None:
        raise CommitteeError(
            f"rule set {rules.code} on {rules.on} has no committee term rule",
            field="rules",
            value=rules.code,
        )
    rule = param.value
    low = rule.min_years or 1
    number = isinstance(term_years, int) and not isinstance(term_years, bool)
    if number and not low <= term_years <= rule.max_years:
        article = rule.citation.format()
        raise TermOutOfRangeError(
            f"a term of {term_years} years is outside {low} to {rule.max_years} years ({article})",
            field="term_years",
            value=term_years,
            article=article,
        )
    seated = _members(members)
    seats = len(seated) if full_size is None else full_size
    elected = Committee(day, term_years, seats, seated, _alternates(alternates), name)
    entry = HistoryEntry(
        "election",
        day,
        f"{len(seated)} members elected for {term_years} years",
        f"选举产生委员{len(seated)}名，任期{term_years}年",
        rule.citation,
        _size_notices(elected, rules, estate),
    )
    return attrs.evolve(elected, history=(entry,))


def _applied(rules: RuleSet) -> tuple[object, ...]:
    """The rules `elect_committee` applies, each with the layer that supplies it."""
    return (
        rules.committee.term,
        rules.elections.committee_size,
        rules.elections.committee_size_bands,
    )


def _in_force_on(rules: RuleSet, day: date) -> None:
    """Refuse ``rules`` when it is for another day and the rules applied differ on ``day``."""
    if rules.on == day:
        return
    try:
        then = rules.on_day(day)
        for layer in rules.layers:
            if then is not None and layer.code == "estate":
                then = then.with_layer(layer)
    except (RuleSetNotInForceError, LayerNotInForceError):
        then = None
    if then is not None and _applied(then) == _applied(rules):
        return
    why = (
        "a hand-built rule set cannot be resolved for another day"
        if rules.resolver is None
        else f"the term or size rules in force on {day.isoformat()} differ"
    )
    raise RuleSetDayMismatchError(
        f"a committee elected on {day.isoformat()} was given the rule set {rules.code} for "
        f"{rules.on.isoformat()}: {why}; use the rule set in force on the election day",
        field="rules",
        value=rules.code,
        elected_on=day,
        rules_on=rules.on,
    )


def _size_notices(
    committee: Committee, rules: RuleSet, estate: Estate | None
) -> tuple[Notice, ...]:
    """Refuse seats the size rule does not allow; notices for a gap or an unapplied band."""
    seats, alternates = committee.full_size, len(committee.alternates)
    if rules.elections.committee_size is None and rules.elections.committee_size_bands is None:
        return (
            Notice(
                "no-committee-size-rule",
                f"rule set {rules.code} on {rules.on} sets no committee size; the {seats} "
                "seats were not checked",
                f"{rules.code}在{rules.on}的规则中没有业主委员会人数的规定，{seats}个席位未作检查",
            ),
        )
    try:
        checked = check_committee_size(seats, rules, alternates=alternates, estate=estate)
    except BodyError as error:
        why = f"it depends on the estate's {error.field}: give estate=" if estate is None else ""
        raise CommitteeSizeError(
            f"a committee of {seats} seats cannot be checked: {why or error.message}",
            field="estate",
            value=estate,
            article="",
        ) from error
    failed = [notice for ok, notice in checked.reasons if not ok]
    if failed:
        article = "; ".join(dict.fromkeys(_cited(notice) for notice in failed))
        only_alternates = {notice.code for notice in failed} == {"alternates-at-most-members"}
        field, value = ("alternates", alternates) if only_alternates else ("full_size", seats)
        raise CommitteeSizeError(
            f"a committee of {seats} seats and {alternates} alternates is not allowed: "
            f"{'; '.join(notice.en for notice in failed)} ({article})",
            field=field,
            value=value,
            article=article,
        )
    return tuple(notice for _, notice in checked.reasons if notice.code == "size-band-unconfirmed")


def _cited(notice: Notice) -> str:
    """The notice's citation, formatted (every size condition is cited)."""
    return notice.citation.format() if notice.citation is not None else ""
