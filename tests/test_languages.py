"""Every renderer refuses a language it does not speak, instead of answering in English."""

from __future__ import annotations

import inspect

import pytest

from community_governance._base.lang import LANGUAGES, language
from community_governance.exceptions import GovernanceError, LanguageError
from harvest import harvest as harvested
from test_zh_everywhere import RENDERERS


def _renderers(value: object) -> list[str]:
    names = []
    for name in RENDERERS:
        method = getattr(value, name, None)
        if callable(method):
            try:
                parameters = inspect.signature(method).parameters
            except (TypeError, ValueError):  # a builtin without a signature
                continue
            if "lang" in parameters:
                names.append(name)
    return names


@pytest.mark.parametrize("lang", ["ZH", "zh-CN", "fr", "", None, 1])
def test_every_renderer_refuses_an_unknown_language(lang: object) -> None:
    found, _ = harvested()
    seen = 0
    for value in found:
        for name in _renderers(value):
            with pytest.raises(LanguageError) as error:
                getattr(value, name)(lang=lang)
            assert (error.value.field, error.value.value) == ("lang", lang), (value, name)
            seen += 1
    assert seen > 100  # every result the docs show, not a handful


def test_the_two_languages_pass_unchanged() -> None:
    assert [language(lang) for lang in LANGUAGES] == ["en", "zh"]
    assert issubclass(LanguageError, GovernanceError) and issubclass(LanguageError, ValueError)
    with pytest.raises(LanguageError, match="'en' or 'zh', not 'fr'"):
        language("fr")
