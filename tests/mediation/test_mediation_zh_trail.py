"""A Chinese trail names each event in Chinese, not by its identifier."""

from __future__ import annotations

import re

from mediation_builders import NATIONAL, reach

from community_governance import mediation as m


def test_every_event_kind_has_a_chinese_name() -> None:
    for kind in m.EventKind:
        assert kind.zh and not re.search(r"[A-Za-z]", kind.zh), kind
    assert len({kind.zh for kind in m.EventKind}) == len(m.EventKind)


def test_a_zh_trail_names_events_in_chinese_and_en_by_identifier() -> None:
    case = reach(m.CaseState.APPLIED, NATIONAL)
    zh_steps = [line for line in case.explain("zh").splitlines() if re.match(r"\d+\. ", line)]
    en_steps = [line for line in case.explain("en").splitlines() if re.match(r"\d+\. ", line)]
    assert zh_steps and len(zh_steps) == len(en_steps)
    for entry, zh, en in zip(case.trail, zh_steps, en_steps, strict=True):
        assert f" {entry.event.kind.zh}：" in zh or f" {entry.event.kind.zh}:" in zh
        assert entry.event.kind.value not in zh
        assert f" {entry.event.kind.value}: " in en
