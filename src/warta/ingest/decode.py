"""Bytes to text: gzip, encoding detection (UTF-8, BOMs, Windows-1252 via charset-normalizer), newlines."""

from __future__ import annotations

import codecs
import re
import zlib

GZIP_MAGIC = b"\x1f\x8b"

# BOMs are checked longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters other than tab, LF, CR and form feed do not occur in text copied from a page.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


# Guesses that, for Indonesian text, almost always mean a Windows-1252 page (short texts are ambiguous).
_WESTERN = {"latin_1", "iso8859_1", "iso8859_15", "cp1252", "cp1250", "iso8859_2", "mac_roman", "cp850"}


class DecodeError(ValueError):
    """The bytes are not text we can read; the message is the one-line reason."""


def gunzip(data: bytes, *, max_bytes: int) -> bytes:
    """Decompress gzip bytes, refusing truncated streams and output over ``max_bytes``."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as error:
        raise DecodeError(f"corrupt gzip data ({error})") from None
    if len(out) > max_bytes:
        raise DecodeError(f"over the size limit: more than {max_bytes:,} bytes once decompressed")
    if not inflater.eof:
        raise DecodeError("truncated gzip file (the compressed stream ends early)")
    return out


def is_gzip(data: bytes) -> bool:
    """True when the bytes start with the gzip magic number."""
    return data[:2] == GZIP_MAGIC


def decode(data: bytes) -> str:
    """Decode bytes as text and normalise CRLF/CR to LF; raise ``DecodeError`` with the reason."""
    if not data.strip():
        raise DecodeError("empty input (no text)")
    text = _decode(data)
    if not text.strip():
        raise DecodeError("empty input (no text)")
    # counted by a regex: a Python loop over 20,000 characters cost more than the rest of decoding
    controls = len(_CONTROL.findall(text, 0, 20000))
    if controls > max(2, len(text[:20000]) // 1000):
        raise DecodeError("binary content, not text (control characters)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).lstrip("\ufeff")
            except UnicodeDecodeError:
                raise DecodeError(f"undecodable bytes after a {codec.upper()} byte-order mark") from None
    if b"\x00" in data:
        codec = _utf16_without_bom(data)
        if codec is None:  # NUL bytes without a BOM: an image, a PDF, a zip; never a page of news.
            raise DecodeError("binary content, not text (NUL bytes)")
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            raise DecodeError(f"undecodable bytes: they look like {codec.upper()} without a byte-order mark, "
                              "but are not") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data[:200_000]):
        # UTF-8 with a few bytes of another encoding (a page pasted into a UTF-8 file): those bytes are read as
        # Windows-1252, the rest as UTF-8; a single-byte guess for the whole file would garble every UTF-8 letter
        return data.decode("utf-8", errors=_CP1252_BYTES)
    return _guess(data)


# What UTF-8 Indonesian text holds beyond ASCII: Latin letters with accents (é, ñ, ş) and the punctuation of
# general typography (curly quotes, dashes, the ellipsis, €). A byte pair of another encoding that happens to
# read as UTF-8 mostly gives something else: 'Ó’' in Windows-1252 reads as the Cyrillic 'Ӓ', Cyrillic or
# Chinese in cp1251/GBK as combining marks, Cyrillic, CJK.
_TEXT_LETTERS = re.compile("[\u00a0-\u017f\u2010-\u206f\u20ac]")
_CP1252_BYTES = "warta-cp1252-bytes"


def _mostly_utf8(sample: bytes) -> bool:
    """True when the UTF-8 in ``sample`` clearly outweighs the bytes UTF-8 cannot read: the Latin letters and
    punctuation it spells are at least as many as those bytes (one 'é' in UTF-8, one pasted in Windows-1252),
    or it holds three or more characters of any script and more of them than bad bytes. A file of one
    legacy encoding (Windows-1252, cp1251, GBK, Big5, Shift-JIS) has a few chance UTF-8 pairs among
    many bad bytes and goes to the guess."""
    text = sample.decode("utf-8", errors="surrogateescape")  # each bad byte becomes one U+DC80-U+DCFF
    bad = len(_BAD_BYTE.findall(text))
    read = len(_NON_ASCII.findall(text)) - bad
    return read > 0 and (len(_TEXT_LETTERS.findall(text)) >= bad or (read >= 3 and read > bad))


_BAD_BYTE = re.compile("[\udc80-\udcff]")
_NON_ASCII = re.compile("[^\x00-\x7f]")


def _cp1252_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    """A decoding error handler: the bytes UTF-8 cannot read, as Windows-1252 (Latin-1 where it has no character)."""
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="ignore") if all(b not in (0x81, 0x8d, 0x8f, 0x90, 0x9d) for b in bad) \
        else bad.decode("latin-1"), error.end


codecs.register_error(_CP1252_BYTES, _cp1252_bytes)


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the bytes read as UTF-16 text without a byte-order mark (every other
    byte NUL, as ASCII letters are in UTF-16: a Windows export), else None."""
    sample = data[:20_000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    for codec, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[::2])):
        if zeros.count(0) >= 0.9 * len(zeros) and b"\x00" not in (sample[::2] if codec == "utf-16-le" else sample[1::2]):
            return codec
    return None


def _guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise DecodeError("undecodable bytes: neither UTF-8 nor a known single-byte encoding")
    encoding = best.encoding
    # Latin-1 maps 0x80-0x9F to invisible controls; pages that use them mean Windows-1252 quotes/dashes.
    candidates = ["cp1252", encoding] if encoding in _WESTERN else [encoding]
    for codec in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        # Indonesian text in a legacy encoding is mostly ASCII; a guess that yields mostly
        # non-ASCII letters is charset-normalizer making sense of noise.
        visible = [ch for ch in text[:20000] if not ch.isspace()]
        if visible and sum(ch.isascii() for ch in visible) / len(visible) < 0.8:
            break
        return text
    raise DecodeError(f"undecodable bytes: not UTF-8, and as {encoding} they are not readable text")
