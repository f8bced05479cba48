"""The library's two languages: every explanation is in English (``"en"``) or Chinese (``"zh"``)."""

from __future__ import annotations

from community_governance.exceptions import LanguageError

__all__ = ["LANGUAGES", "language"]

#: The languages a ``lang=`` argument may name.
LANGUAGES = ("en", "zh")


def language(lang: object) -> str:
    """Return ``lang`` when it is ``"en"`` or ``"zh"``.

    Raises:
        LanguageError: any other value (``"ZH"``, ``"zh-CN"``, ``"fr"``, ``None``), so that a
            misspelt language is not silently answered in English.
    """
    if type(lang) is str and lang in LANGUAGES:
        return lang
    raise LanguageError(
        f"lang must be 'en' or 'zh', not {lang!r}",
        field="lang",
        value=lang,
    )
