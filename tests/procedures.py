"""Registers, ballots and a staged decision shared by the procedure tests.

`lots` builds a register of single-owner lots with voting shares, `by` the ballots a proxy
holder casts for some of them, and `tw_decision` Taiwan's general resolution with a revote:
five units of one developer and five of single owners; the developer and two owners agree
in the first meeting, three owners in the revote, and three persons object in the window
(Condominium Management Act (Taiwan) Arts. 31–32).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import community_governance as cg
from community_governance.voting.procedure import ProcedureDecision, decide_procedure

ON = date(2026, 6, 1)


def lots(shares: Sequence[str], *, area: str = "10", prefix: str = "u") -> cg.Estate:
    """One lot per share value (``u0``, ``u1``...), each of one owner (``o0``, ``o1``...)."""
    units = [cg.Unit(f"{prefix}{n}", area, (f"o{n}",), shares=v) for n, v in enumerate(shares)]
    return cg.Estate(units=units, owners=[cg.Owner(f"o{n}") for n in range(len(shares))])


def by(holder: str, units: Sequence[int], choice: str = "agree") -> list[cg.Ballot]:
    """The ballots ``holder`` casts by written proxy for the lots numbered ``units``."""
    proxy = cg.Proxy(holder, written_authorisation=True)
    return [cg.Ballot(f"u{n}", choice, proxy=proxy) for n in units]


def tw_decision(objections: Sequence[str] | None = ("d0", "u3", "u4")) -> ProcedureDecision:
    """The decision, with ``objections`` (``None``: the objection window still open)."""
    rows = [(f"d{n}", ("dev",)) for n in range(5)] + [(f"u{n}", (f"o{n}",)) for n in range(5)]
    estate = cg.Estate(
        units=[cg.Unit(uid, "100", owners) for uid, owners in rows],
        owners=[cg.Owner("dev"), *(cg.Owner(f"o{n}") for n in range(5))],
    )
    first = [cg.Ballot(f"d{n}", "agree") for n in range(5)]
    first += [cg.Ballot("u0", "agree"), cg.Ballot("u1", "agree")]
    later = [[cg.Ballot(u, "agree") for u in ("u0", "u1", "u2")]]
    return decide_procedure(
        estate,
        first,
        rules=cg.rules_for("TW", on=ON),
        matter="general-resolution",
        later=later,
        objections=objections,
    )
