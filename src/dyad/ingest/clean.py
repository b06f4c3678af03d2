"""Length-preserving cleaning: boilerplate and odd characters become spaces, so every
offset into the cleaned text is also an offset into the original."""

from __future__ import annotations

import re

TRAILERS = [
    r"Больше новостей[^\n]*:\s*$",
    r"(Читайте|Смотрите) также[^\n]*$",
    r"Подписывайтесь на [^\n]*$",
    r"Присоединяйтесь к [^\n]*$",
    r"Следите за новостями [^\n]*$",
    r"Фото:[^\n]{0,80}$",
]
TRAILER = re.compile("|".join(f"(?:{p})" for p in TRAILERS), re.MULTILINE | re.IGNORECASE)
ODD_SPACE = re.compile("[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff\t\x00-\x08\x0b\x0c"
                       "\x0e-\x1f\x7f]")


def blank(match: re.Match[str]) -> str:
    return "".join("\n" if c == "\n" else " " for c in match.group(0))


def clean_text(text: str) -> str:
    text = ODD_SPACE.sub(" ", text)
    return TRAILER.sub(blank, text)
