"""Small HTML helpers shared by every ``_repr_html_`` (no I/O, no templates)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape


def html_table(
    caption: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    footer: Sequence[str] = (),
) -> str:
    """Render a captioned HTML table; every cell is escaped.

    Args:
        caption: Text above the table.
        headers: Column headings.
        rows: Cell values, converted with ``str``.
        footer: Lines (plain text) shown under the table.

    Returns:
        An HTML fragment suitable for a notebook.
    """
    head = "".join(f"<th>{escape(str(cell))}</th>" for cell in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in row) + "</tr>" for row in rows
    )
    notes = "".join(f"<p>{escape(line)}</p>" for line in footer)
    return (
        f'<div class="community-governance"><table><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{notes}</div>"
    )
