"""The one adapter to lingua (offline language identification): no lingua object leaves it.

The detector knows Russian, the Cyrillic languages most often confused with it
(Ukrainian, Belarusian, Bulgarian, Kazakh) and English; its models ship inside the
lingua-language-detector wheel and load lazily, once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

LANGUAGES = ("RUSSIAN", "UKRAINIAN", "BELARUSIAN", "BULGARIAN", "KAZAKH", "ENGLISH")
SAMPLE_CHARS = 1000


@dataclass(frozen=True, slots=True)
class Guess:
    lang: str
    confidence: float


@lru_cache(maxsize=1)
def detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def guess_language(text: str) -> Guess:
    """The likeliest language of `text` (ISO 639-1) and its confidence in [0, 1]."""
    values = detector().compute_language_confidence_values(text[:SAMPLE_CHARS])
    if not values:
        return Guess("", 0.0)
    top = values[0]
    return Guess(top.language.iso_code_639_1.name.lower(), float(top.value))
