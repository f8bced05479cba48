"""The lifecycle phases, one module each: its transition rows with their guards and effects.

``intake`` (report to acceptance), ``session`` (mediating, extensions and terminations),
``agreement`` (oral, drafted and signed agreements), ``performance`` (after the agreement takes
effect) and ``confirmation`` (the parallel judicial-confirmation status). The table module
(`community_governance.mediation.table`) concatenates and validates them.
"""
