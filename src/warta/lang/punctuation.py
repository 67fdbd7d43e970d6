"""Tokenizer punctuation for news text: extra prefixes, suffixes, infixes and whole-token patterns."""

from __future__ import annotations

# A dash glued to a capitalised word after a dateline: "Jurnas.com -Presiden" -> "-", "Presiden".
PREFIXES = [r"[-–—](?=[A-Z])"]

# A dash glued after a dateline's outlet: "Liputan6.com- Presiden", "KOMPAS.com—Presiden".
SUFFIXES = [r"(?<=\.com)[-–—]", r"(?<=\.id)[-–—]"]

# Glued words in scraped text where splitting is safe: "Jakarta.Presiden" (two lower-case letters,
# a period, a capitalised word) and "kata,Pompeo"; "Liputan6.com" and "10.000" are left alone.
INFIXES = [
    r"(?<=[a-z]{2})\.(?=[A-Z][a-z])",
    r"(?<=[a-z]),(?=[A-Za-z])",
    r"(?<=\.com)[-–—](?=[A-Z])",
]

# Whole tokens that must not be split: dates 14/5 and 23/3/2019, times 09:04 and 09.04 are
# handled by the default rules; reduplications anak-anak, negara-negaranya, rudal-rudal.
TOKEN_MATCH = (
    r"^(?:"
    r"\d{1,2}/\d{1,2}(?:/\d{2,4})?"  # 14/5, 23/3/2019
    r"|\d{1,2}:\d{2}(?::\d{2})?"  # 09:04, 09:04:30
    r"|(?i:(?P<base>[^\W\d_]{2,})-(?P=base)(?:nya|lah|kah|pun)?)"  # full reduplication
    r")$"
)
