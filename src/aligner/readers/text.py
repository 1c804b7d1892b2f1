"""Plain-text input: decoding bytes safely and finding the paragraphs.

Press releases arrive as UTF-8, as UTF-16 from Windows "Unicode" saves, and as GB18030 or
Big5 from older Chinese systems. A wrong guess would silently turn the Chinese side into
mojibake and every later stage would report nonsense, so decoding prefers an explicit
"cannot decode" over an unlikely reading.
"""

from __future__ import annotations

import codecs
import statistics
import unicodedata

from aligner.errors import InputError
from aligner.lexicon.compiled import re_pattern
from aligner.model import RawDocument
from aligner.readers.script import Plausibility, count_letters, plausibility

EMPTY_PROBLEM = "the file is empty"
BINARY_PROBLEM = "looks like a binary file, not text"

# Byte-order marks decide the encoding outright; UTF-32 first because its little-endian
# mark begins with the UTF-16 one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)

# Tried in this order; earlier wins a tie. GB18030 is a superset of GBK and GB 2312, and
# the Big5 variants differ only in rarely used extension characters.
_LEGACY_ENCODINGS = ("gb18030", "big5", "cp950", "big5hkscs")
_WESTERN_FALLBACK = "cp1252"
_UTF16_WITHOUT_BOM = ("utf-16-le", "utf-16-be")
_JAPANESE_KOREAN = ("jis", "_jp", "-jp", "932", "kr", "949", "johab", "2022")
_CHINESE_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "hz": "gb18030", "euc_cn": "gb18030"}
_LABELS = {
    "utf-8": "UTF-8",
    "gb18030": "GB18030",
    "big5": "Big5",
    "cp950": "CP950",
    "big5hkscs": "Big5-HKSCS",
    "cp1252": "Windows-1252",
    "utf-16-le": "UTF-16LE",
    "utf-16-be": "UTF-16BE",
}

# Below this, the best decoding still has too many obscure characters, symbols from the
# wrong script or control codes to be trusted; a very short text gets some slack because
# one rare character in a name weighs a lot there.
_MIN_QUALITY = 0.8
_MIN_QUALITY_SHORT = 0.7
_SHORT_TEXT = 10
# Real Chinese prose, even literary, keeps about a third of its characters among the most
# frequent ones; Korean or Japanese bytes read as Chinese give valid but random
# characters and fall far below this.
_MIN_FREQUENT_SHARE = 0.2
_JUDGE_FREQUENCY_FROM = 100
_MAINLAND_PREFERENCE = 0.1
# How much more plausible a Chinese reading must be to overrule a declared encoding that
# itself reads as real writing.
_DECLARED_MARGIN = 0.15
# Share of control characters above which a "text" is really binary data.
_MAX_CONTROL_SHARE = 0.1

_LINE_BREAKS = {ord(c): "\n" for c in "\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e"}
# Invisible characters that would otherwise split words for matching and alignment:
# zero-width spaces and joiners, word joiner, stray byte-order marks, soft hyphen,
# Mongolian vowel separator and bidirectional controls.
_INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f"
        "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    )
)

# Control characters (Unicode category Cc) other than tab and newline; carriage returns
# and the other line breaks have already become newlines by the time this applies.
_CONTROL = re_pattern("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Category Cc (U+0000-001F, U+007F-009F) without tab, newline, form feed and return: how
# much of a decoding is control characters, found in one pass.
_COUNTED_CONTROL = re_pattern("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")

_SENTENCE_END = tuple(".!?;:。！？；：…\"'”’)）")
_WRAPPED_MIN_LINES = 3
_WRAPPED_LONG_LINE = 50


def normalize_text(text: str) -> str:
    """Give every reader the same view of a text: one newline style, no invisible
    characters, NFC, so that equal-looking strings compare equal downstream."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
    text = text.translate(_INVISIBLE)
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def _control_share(text: str) -> float:
    """The share of control characters (category Cc) other than line breaks and tabs."""
    if not text:
        return 0.0
    return _COUNTED_CONTROL.subn("", text)[1] / len(text)


def _decode_utf16_without_bom(data: bytes) -> str | None:
    """Read UTF-16 saved without a byte-order mark, in whichever byte order makes sense.

    Where the NUL bytes fall is not enough to tell the byte order: English puts one in
    every other byte, always on the same side, but Chinese puts them on the other side
    too ("一" is U+4E00), and pure Chinese has none at all. So both orders are decoded
    strictly and the reading that looks like real writing wins; the wrong order of
    English gives rare ideographs, the wrong order of Chinese gives symbols from random
    scripts, and binary data gives control codes, so neither passes the test.
    """
    if len(data) % 2:
        return None
    best: tuple[Plausibility, str] | None = None
    for codec in _UTF16_WITHOUT_BOM:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" in text or _control_share(text) > _MAX_CONTROL_SHARE:
            continue
        score = plausibility(text)
        if _trustworthy(score) and (best is None or score.score > best[0].score):
            best = (score, text)
    return None if best is None else best[1]


def _codec_name(name: str) -> str | None:
    """The codec to try for a detector proposal, or None for one that cannot be right.

    Unicode without a byte-order mark is handled elsewhere, and Japanese and Korean
    encodings would only ever turn Chinese bytes into plausible-looking kanji or hangul.
    """
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return None
    if canonical.startswith(("utf-16", "utf-32", "utf-7", "utf-8")):
        return None
    if any(marker in canonical for marker in _JAPANESE_KOREAN):
        return None
    return _CHINESE_ALIASES.get(canonical.replace("-", "_"), canonical)


def _candidate_encodings(data: bytes) -> list[str]:
    """Legacy encodings worth trying: the Chinese ones and Windows-1252 (Western text with
    curly quotes) always, then whatever else the detector proposes."""
    candidates = [*_LEGACY_ENCODINGS, _WESTERN_FALLBACK]
    import charset_normalizer  # only for files that are not UTF-8 or UTF-16

    for match in charset_normalizer.from_bytes(data):
        name = _codec_name(str(match.encoding))
        if name and name not in candidates:
            candidates.append(name)
    return candidates


def _trustworthy(score: Plausibility) -> bool:
    minimum = _MIN_QUALITY if score.non_ascii >= _SHORT_TEXT else _MIN_QUALITY_SHORT
    if score.quality < minimum:
        return False
    mostly_han = score.han >= 0.5 * score.non_ascii
    if mostly_han and score.non_ascii >= _JUDGE_FREQUENCY_FROM:
        return score.frequent >= _MIN_FREQUENT_SHARE
    return True


def _ranking(codec: str, score: Plausibility) -> float:
    """The Chinese side is a mainland release, so GB18030 wins a near tie with Big5."""
    return score.score + (_MAINLAND_PREFERENCE if codec == "gb18030" else 0.0)


def _best_legacy_decoding(data: bytes, candidates: list[str]) -> tuple[Plausibility, str] | None:
    best: tuple[Plausibility, str, str] | None = None
    for codec in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if _control_share(text) > _MAX_CONTROL_SHARE:
            continue
        score = plausibility(text)
        if best is None or _ranking(codec, score) > _ranking(best[2], best[0]):
            best = (score, text, codec)
    return None if best is None else best[:2]


def _decode_utf8(data: bytes, text: str) -> str:
    """Keep a valid UTF-8 reading unless it is gibberish and a Chinese one is not.

    A few GB18030 characters can form valid UTF-8 by accident ("为女" reads as "ΪŮ"),
    which only matters for very short files; longer legacy files are never valid UTF-8.
    Western code pages are not considered: reading UTF-8 through them is the classic
    mojibake ("â€™"), never the right answer.
    """
    utf8_score = plausibility(text)
    if utf8_score.quality >= _MIN_QUALITY:
        return text
    best = _best_legacy_decoding(data, list(_LEGACY_ENCODINGS))
    if (
        best is not None
        and best[0].han > 0
        and _trustworthy(best[0])
        and best[0].score > utf8_score.score
    ):
        return best[1]
    return text


def _decode_legacy(data: bytes, path: str, utf8_error: UnicodeDecodeError) -> str:
    candidates = _candidate_encodings(data)
    best = _best_legacy_decoding(data, candidates)
    if best is None or not _trustworthy(best[0]):
        # Chinese in UTF-16 without a single ASCII character has no NUL byte to give it
        # away, so it only gets here.
        utf16 = _decode_utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        tried = ", ".join(
            _LABELS.get(codec, codec.upper())
            for codec in ["utf-8", *candidates, *_UTF16_WITHOUT_BOM]
        )
        raise InputError(
            path,
            f"cannot decode as text (tried {tried}); the first byte that is not valid "
            f"UTF-8 is at offset {utf8_error.start}. Save the file as UTF-8 and try again",
        )
    return best[1]


def decode_text(data: bytes, path: str) -> str:
    """Turn the bytes of a text file into a string, or say why that is not possible."""
    if not data:
        raise InputError(path, EMPTY_PROBLEM)
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as error:
                raise InputError(
                    path,
                    f"cannot decode as text (tried {label}, as its byte-order mark says); "
                    f"invalid bytes at offset {error.start}",
                ) from None
            break
    else:
        if b"\x00" in data:
            maybe_text = _decode_utf16_without_bom(data)
            if maybe_text is None:
                raise InputError(path, BINARY_PROBLEM)
            text = maybe_text
        else:
            try:
                text = _decode_utf8(data, data.decode("utf-8"))
            except UnicodeDecodeError as error:
                text = _decode_legacy(data, path, error)
    reject_binary(text, path)
    return text


def decode_declared(data: bytes, codec: str, path: str) -> str:
    """Decode bytes whose container names their encoding (an HTML <meta charset>).

    The label is checked against the bytes instead of being obeyed: pages copied between
    systems keep stale labels, and GBK text labelled ISO-8859-1 "decodes" without error
    into Latin mojibake. The declared reading is kept when it looks like real writing and
    no Chinese reading looks clearly better; otherwise the bytes are decoded as if
    nothing had been declared. Only when that fails too does the label get the last word.
    """
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return decode_text(data, path)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        return decode_text(data, path)
    score = plausibility(text)
    if _trustworthy(score):
        guess = _best_legacy_decoding(data, list(_LEGACY_ENCODINGS))
        if (
            guess is None
            or not _trustworthy(guess[0])
            or guess[0].score <= score.score + _DECLARED_MARGIN
        ):
            return text
    try:
        return decode_text(data, path)
    except InputError:
        return text


def reject_binary(text: str, path: str) -> None:
    """Refuse decoded "text" that is mostly control codes: it was binary data."""
    if "\x00" in text or _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError(path, BINARY_PROBLEM)


# --- paragraphs ----------------------------------------------------------------------


def _blocks(text: str) -> list[list[str]]:
    """Runs of non-blank lines, each line stripped; whitespace-only lines separate runs."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            current.append(stripped)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_hard_wrapped_english(lines: list[str]) -> bool:
    """True for prose broken at a fixed width (e-mail, plain-text exports).

    Every line but the last of a wrapped paragraph is long, about the same length and
    usually ends mid-sentence; press-release lines, one paragraph each, end in
    punctuation and vary in length.
    """
    if len(lines) < _WRAPPED_MIN_LINES:
        return False
    share = count_letters(lines).han_share
    if share is None or share > 0.05:
        return False
    body = lines[:-1]
    lengths = [len(line) for line in body]
    long_lines = sum(1 for length in lengths if length > _WRAPPED_LONG_LINE)
    if long_lines < 0.75 * len(body):
        return False
    typical = statistics.median(lengths)
    similar = sum(1 for length in lengths if abs(length - typical) <= 0.25 * typical)
    if similar < 0.75 * len(body):
        return False
    ending = sum(1 for line in body if line.endswith(_SENTENCE_END))
    return ending < 0.5 * len(body)


def _join_wrapped(lines: list[str]) -> str:
    joined = lines[0]
    for line in lines[1:]:
        # "year-on-" + "year" is one word; a space would split a compound.
        if len(joined) >= 2 and joined.endswith("-") and joined[-2].isalpha():
            joined += line
        else:
            joined += " " + line
    return joined


def _unwrap(lines: list[str]) -> list[str]:
    """Rejoin wrapped lines; a clearly short line ends a paragraph (or is a heading)."""
    width = max(len(line) for line in lines)
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        current.append(line)
        if len(line) < 0.6 * width:
            paragraphs.append(_join_wrapped(current))
            current = []
    if current:
        paragraphs.append(_join_wrapped(current))
    return paragraphs


def split_paragraphs(text: str, *, split_lines: bool = False) -> tuple[str, ...]:
    """Find the paragraphs of a normalised text.

    By default each line is a paragraph, which is how press releases and Chinese text
    are written, except that hard-wrapped English prose is rejoined. With
    ``split_lines`` the text is one sentence per line: a paragraph is a blank-line
    separated block whose lines stay separated by "\\n" for the segmenter.
    """
    paragraphs: list[str] = []
    for block in _blocks(text):
        if split_lines:
            paragraphs.append("\n".join(block))
        elif _is_hard_wrapped_english(block):
            paragraphs.extend(_unwrap(block))
        else:
            paragraphs.extend(block)
    return tuple(paragraphs)


def read_text(data: bytes, path: str, *, split_lines: bool = False) -> RawDocument:
    text = normalize_text(decode_text(data, path))
    paragraphs = split_paragraphs(text, split_lines=split_lines)
    if not paragraphs:
        raise InputError(path, EMPTY_PROBLEM)
    return RawDocument(path=path, paragraphs=paragraphs)
