"""A corpus of hostile and careless inputs, generated on the fly (nothing large is stored).

Each :class:`Case` is a set of files and a command line that uses them. The corpus is run by
``tests/test_hostile_inputs.py``, which holds every case to the same promises (no traceback,
no hang, exit 0, 1 or 2 with one line naming the file on a refusal, no input modified), and
by ``benchmarks/hostile_inputs.py``, which prints the figures the README quotes.

The classes follow what users and attackers actually hand a tool like this: empty and
binary files, every common encoding declared right and wrong, broken and hostile DOCX and
XML, deep and malformed HTML, broken glossaries and bilingual files, things that are not
files, and outputs aimed at the inputs.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ZH_TEXT = (SAMPLES / "gacc-2025-01-13.zh.txt").read_text(encoding="utf-8")
EN_TEXT = (SAMPLES / "gacc-2025-01-13.en.txt").read_text(encoding="utf-8")
ZH_SHORT = "海关总署今天发布了全年进出口数据。\n货物贸易进出口总值43.85万亿元，增长5%。\n"
EN_SHORT = (
    "The General Administration of Customs released the annual trade data today.\n"
    "Total trade in goods reached 43.85 trillion yuan, up 5%.\n"
)


@dataclass(frozen=True)
class Case:
    """Files to create and a command that uses them; ``{name}`` in argv is a file's path."""

    name: str
    kind: str
    files: dict[str, bytes]
    argv: tuple[str, ...]
    # "refuse": must exit 2; "accept": must exit 0 or 1; "any": either, as long as cleanly.
    expect: str = "any"
    fifos: tuple[str, ...] = field(default=())


def _docx(paragraphs: list[str], extra: dict[str, bytes] | None = None) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    ).encode()
    members = {
        "[Content_Types].xml": (
            b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            b'.org/package/2006/content-types"><Default Extension="rels" ContentType="application'
            b'/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" Content'
            b'Type="application/xml"/><Override PartName="/word/document.xml" ContentType="'
            b'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"'
            b"/></Types>"
        ),
        "_rels/.rels": (
            b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openx'
            b'mlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://sc'
            b'hemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target'
            b'="word/document.xml"/></Relationships>'
        ),
        "word/document.xml": document,
    }
    members.update(extra or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _html(body: str, head: str = "", doctype: str = "<!DOCTYPE html>") -> bytes:
    return f"{doctype}<html><head>{head}</head><body>{body}</body></html>".encode()


def _paragraphs_html(text: str) -> str:
    return "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())


def _pair(
    zh: bytes, en: bytes, zh_name: str = "zh.txt", en_name: str = "en.txt"
) -> dict[str, bytes]:
    return {zh_name: zh, en_name: en}


def _bad_english_files() -> Iterator[tuple[str, str, str, bytes]]:
    """(case name, class, file name, bytes) for files given as the English side."""
    en = EN_SHORT
    yield "empty", "empty or blank", "en.txt", b""
    yield "spaces", "empty or blank", "en.txt", b"   \n\t\n  "
    yield "bom only", "empty or blank", "en.txt", b"\xef\xbb\xbf"
    yield "nul bytes", "binary", "en.txt", b"\x00" * 512
    yield "png", "binary", "en.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    yield "pdf", "binary", "en.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 4
    yield "random", "binary", "en.txt", bytes((i * 7919 + 13) % 256 for i in range(4096))
    yield "elf", "binary", "en.txt", b"\x7fELF\x02\x01\x01" + bytes(600)
    yield "latin-1", "encodings", "en.txt", en.replace("today", "today\xe9").encode("latin-1")
    yield "cp1252 quotes", "encodings", "en.txt", ("\u201cQuoted\u201d. " + en).encode("cp1252")
    yield "utf-16 bom", "encodings", "en.txt", en.encode("utf-16")
    yield "utf-16le no bom", "encodings", "en.txt", en.encode("utf-16-le")
    yield "utf-16be no bom", "encodings", "en.txt", en.encode("utf-16-be")
    yield "utf-32", "encodings", "en.txt", en.encode("utf-32")
    yield "truncated utf-8", "encodings", "en.txt", en.encode() + "é".encode()[:1]
    yield "mixed encodings", "encodings", "en.txt", en.encode() + "é".encode("latin-1") + b"\n"
    yield "lone surrogate", "encodings", "en.txt", en.encode() + b"\xed\xa0\x80\n"
    yield "control chars", "encodings", "en.txt", en.replace(" ", "\x07 ", 3).encode()
    yield "one huge line", "size", "en.txt", (en.replace("\n", " ") * 200).encode()
    yield "many tiny lines", "size", "en.txt", ("Yes.\n" * 3000).encode()
    yield "chinese as english", "wrong language", "en.txt", ZH_SHORT.encode()
    yield "digits only", "wrong language", "en.txt", b"2025 2024 43.85 5%\n"
    yield "punctuation only", "wrong language", "en.txt", b"... !!! ???\n"
    for label in ("base64", "hex", "rot13", "uu", "zlib", "bz2", "quopri", "utf-7", "nonsense"):
        head = f'<meta charset="{label}">'
        yield f"html charset {label}", "html labels", "en.html", _html(_paragraphs_html(en), head)
    yield (
        "html declared latin-1 but utf-8",
        "html labels",
        "en.html",
        _html(_paragraphs_html(en + "Caf\u00e9.\n"), '<meta charset="iso-8859-1">'),
    )
    yield "html no text", "html structure", "en.html", _html("<script>var a = 1;</script>")
    yield "html only nav", "html structure", "en.html", _html("<nav><a href='/'>Home</a></nav>")
    yield (
        "html deep divs",
        "html structure",
        "en.html",
        _html("<div>" * 300 + _paragraphs_html(en) + "</div>" * 300),
    )
    yield (
        "html unclosed font",
        "html structure",
        "en.html",
        _html(
            "".join(f"<font size=2>{line}" for line in en.splitlines()) * 1
            + "<font>" * 300
            + "<p>The end.</p>"
        ),
    )
    yield (
        "html doctype subset",
        "html structure",
        "en.html",
        _html(
            _paragraphs_html(en),
            doctype='<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        ).replace(b"</body>", b"<p>&xxe;</p></body>"),
    )
    yield (
        "html billion laughs",
        "html structure",
        "en.html",
        (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;'
            b'&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><html><body><p>&lol2;</p><p>'
            + en.encode()
            + b"</p></body></html>"
        ),
    )
    yield "html truncated", "html structure", "en.html", _html(_paragraphs_html(en))[:-40]
    yield (
        "html frameset",
        "html structure",
        "en.html",
        b"<html><frameset><frame src=x></frameset></html>",
    )
    yield "docx corrupt", "docx", "en.docx", b"PK\x03\x04" + bytes(200)
    yield "docx truncated", "docx", "en.docx", _docx(en.splitlines())[:300]
    yield "docx empty zip", "docx", "en.docx", _empty_zip()
    yield "docx is xlsx", "docx", "en.docx", _xlsx()
    yield "docx no text", "docx", "en.docx", _docx([])
    yield "docx external entity", "docx", "en.docx", _docx_entity()
    yield (
        "docx dotdot member",
        "docx",
        "en.docx",
        _docx(en.splitlines(), {"../evil.txt": b"escape"}),
    )
    yield "docx absolute member", "docx", "en.docx", _docx(en.splitlines(), {"/etc/evil": b"x"})
    yield (
        "docx bomb",
        "docx",
        "en.docx",
        _docx(en.splitlines(), {"word/media/big.bin": bytes(16 * 1024 * 1024)}),
    )
    yield "docx ok", "docx", "en.docx", _docx(en.splitlines())
    yield "doc legacy", "docx", "en.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000)
    yield "pdf by name", "docx", "en.pdf", b"%PDF-1.4\n" + bytes(100)


def _empty_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w"):
        pass
    return buffer.getvalue()


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


def _docx_entity() -> bytes:
    document = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )
    return _docx([], {"word/document.xml": document})


def _bad_glossaries() -> Iterator[tuple[str, str, bytes]]:
    yield "no header", "terms.csv", "海关总署,GACC\n".encode()
    yield "missing en column", "terms.csv", "zh,note\n海关总署,x\n".encode()
    yield "empty zh", "terms.csv", b"zh,en\n,GACC\n"
    yield "bad status", "terms.csv", "zh,en,status\n海关总署,GACC,sometimes\n".encode()
    yield "gbk bytes", "terms.csv", "zh,en\n海关总署,GACC\n".encode("gbk")
    yield "unclosed quote", "terms.csv", 'zh,en\n"海关总署,GACC\n'.encode()
    yield "too many cells", "terms.csv", "zh,en\n海关总署,GACC,extra,more\n".encode()
    yield (
        "contradiction",
        "terms.csv",
        ("zh,en,status\n海关总署,GACC,preferred\n海关总署,GACC,forbidden\n".encode()),
    )
    yield "binary", "terms.csv", bytes(range(256))
    yield "empty", "terms.csv", b""
    yield "tbx not xml", "terms.tbx", b"<tbx><unclosed>"
    yield (
        "tbx entity",
        "terms.tbx",
        (
            b'<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b"<tbx>&e;</tbx>"
        ),
    )
    yield (
        "tbx laughs",
        "terms.tbx",
        (
            b'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;'
            b'&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><tbx>&c;</tbx>'
        ),
    )
    yield "tbx wrong root", "terms.tbx", b"<html><body>not a glossary</body></html>"
    yield (
        "tbx no terms",
        "terms.tbx",
        (
            b'<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" '
            b'xml:lang="en"><text><body/></text></tbx>'
        ),
    )


def _bad_bilingual() -> Iterator[tuple[str, str, bytes]]:
    x12 = (
        '<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file original="r" source-language="zh-CN" target-language="en" datatype="plaintext">'
        "<body>{units}</body></file></xliff>"
    )
    x20 = (
        '<?xml version="1.0"?><xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"'
        ' srcLang="zh-CN" trgLang="en"><file id="f"><unit id="u1"><segment>'
        "<source>{source}</source><target>{target}</target></segment></unit></file></xliff>"
    )
    unit = '<trans-unit id="{i}"><source>{s}</source><target>{t}</target></trans-unit>'
    yield "not xml", "r.xlf", b"this is not xml at all"
    yield "empty xlf", "r.xlf", b""
    yield "no units", "r.xlf", x12.format(units="").encode()
    yield (
        "unit without source",
        "r.xlf",
        x12.format(units='<trans-unit id="1"><target>Customs.</target></trans-unit>').encode(),
    )
    yield (
        "duplicate ids",
        "r.xlf",
        x12.format(units=unit.format(i=1, s="海关。", t="Customs.") * 2).encode(),
    )
    yield (
        "cp surrogate",
        "r.xlf",
        x20.format(source='海关<cp hex="D800"/>。', target="Customs.").encode(),
    )
    yield (
        "cp out of range",
        "r.xlf",
        x20.format(source='海关<cp hex="110000"/>', target="C.").encode(),
    )
    yield "cp not hex", "r.xlf", x20.format(source='海关<cp hex="zz"/>', target="C.").encode()
    yield "cp control", "r.xlf", x20.format(source='海关<cp hex="0001"/>', target="C.").encode()
    yield (
        "huge attribute",
        "r.xlf",
        x12.format(
            units=f'<trans-unit id="1" resname="{"x" * (20 * 1024 * 1024)}"><source>海关。</source>'
            "<target>Customs.</target></trans-unit>"
        ).encode(),
    )
    yield (
        "xliff entity",
        "r.xlf",
        (
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            + x12.format(units=unit.format(i=1, s="&e;", t="Customs."))
        ).encode(),
    )
    yield "unknown version", "r.xlf", b'<xliff version="9.9" xmlns="urn:example"><file/></xliff>'
    yield "tmx no body", "r.tmx", b'<tmx version="1.4"><header srclang="zh-CN"/></tmx>'
    yield (
        "tmx one side",
        "r.tmx",
        (
            '<tmx version="1.4"><header srclang="zh-CN" adminlang="en" segtype="sentence" '
            'datatype="plaintext" o-tmf="x" creationtool="x" creationtoolversion="1"/><body><tu>'
            '<tuv xml:lang="zh-CN"><seg>海关。</seg></tuv></tu></body></tmx>'
        ).encode(),
    )
    yield "plain text as bilingual", "zh.txt", ZH_SHORT.encode()
    yield "html as bilingual", "r.html", _html("<p>x</p>")


# Unusual but legal: XLIFF 2 may carry a control character as <cp>, a TMX unit may have
# one side only (an omission), and a reader may keep the first of two units with one id.
_BILINGUAL_THAT_MAY_BE_READ = {"cp control", "tmx one side", "duplicate ids"}
# An empty glossary is legal to load (glossary check reports it), and harmless to apply.
_GLOSSARIES_THAT_MAY_LOAD = {"tbx no terms"}


def cases() -> list[Case]:
    """Every case of the corpus, in a stable order."""
    found: list[Case] = []
    zh_ok, en_ok = ZH_SHORT.encode(), EN_SHORT.encode()
    for name, kind, file_name, data in _bad_english_files():
        files = {"zh.txt": zh_ok, file_name: data}
        found.append(
            Case(f"qa English {name}", kind, files, ("qa", "{zh.txt}", f"{{{file_name}}}"))
        )
        found.append(
            Case(f"segment {name}", kind, {file_name: data}, ("segment", f"{{{file_name}}}"))
        )
        zh_name = file_name.replace("en", "zh", 1)
        swapped = {zh_name: data, "en.txt": en_ok}
        found.append(
            Case(f"align Chinese {name}", kind, swapped, ("align", f"{{{zh_name}}}", "{en.txt}"))
        )
    for name, file_name, data in _bad_glossaries():
        files = {"zh.txt": zh_ok, "en.txt": en_ok, file_name: data}
        found.append(
            Case(
                f"qa glossary {name}",
                "glossary",
                files,
                ("qa", "{zh.txt}", "{en.txt}", "--glossary", f"{{{file_name}}}"),
                "any" if name in _GLOSSARIES_THAT_MAY_LOAD else "refuse",
            )
        )
        found.append(
            Case(
                f"glossary check {name}",
                "glossary",
                {file_name: data},
                ("glossary", "check", f"{{{file_name}}}"),
                "any" if name in _GLOSSARIES_THAT_MAY_LOAD else "refuse",
            )
        )
        found.append(
            Case(
                f"glossary convert {name}",
                "glossary",
                {file_name: data},
                ("glossary", "convert", f"{{{file_name}}}", "{out.csv}"),
                "refuse",
            )
        )
    for name, file_name, data in _bad_bilingual():
        found.append(
            Case(
                f"qa bilingual {name}",
                "bilingual",
                {file_name: data},
                ("qa", f"{{{file_name}}}"),
                "any" if name in _BILINGUAL_THAT_MAY_BE_READ else "refuse",
            )
        )
    found.extend(_not_files())
    found.extend(_outputs_onto_inputs())
    found.extend(_bad_options())
    return found


def _not_files() -> Iterator[Case]:
    files = {"zh.txt": ZH_SHORT.encode(), "en.txt": EN_SHORT.encode()}
    for argv in (
        ("qa", "{pipe}", "{en.txt}"),
        ("qa", "{zh.txt}", "{pipe}"),
        ("segment", "{pipe}"),
        ("glossary", "check", "{pipe}"),
        ("qa", "{pipe}"),
        ("qa", "{zh.txt}", "{en.txt}", "--glossary", "{pipe}"),
        ("qa", "{zh.txt}", "{en.txt}", "--reference", "{pipe}"),
    ):
        yield Case(f"fifo: {' '.join(argv)}", "not a file", files, argv, "refuse", ("pipe",))
    for argv in (
        ("qa", "{missing}", "{en.txt}"),
        ("qa", "{zh.txt}", "{folder}"),
        ("segment", "/dev/null"),
        ("segment", "/dev/zero"),
        ("qa", "{zh.txt}", "{en.txt}", "--glossary", "/dev/zero"),
    ):
        folder = dict(files, **{"folder/x.txt": b"x"})
        yield Case(f"not a file: {' '.join(argv)}", "not a file", folder, argv, "refuse")


def _outputs_onto_inputs() -> Iterator[Case]:
    zh, en = ZH_SHORT.encode(), EN_SHORT.encode()
    html = _html(_paragraphs_html(EN_SHORT))
    docx = _docx(EN_SHORT.splitlines())
    for target, files, argv in (
        ("en.html", {"zh.txt": zh, "en.html": html}, ("qa", "{zh.txt}", "{en.html}")),
        ("en.docx", {"zh.txt": zh, "en.docx": docx}, ("qa", "{zh.txt}", "{en.docx}")),
        (
            "g.csv",
            {"zh.txt": zh, "en.txt": en, "g.csv": "zh,en\n海关,customs\n".encode()},
            ("qa", "{zh.txt}", "{en.txt}", "--glossary", "{g.csv}"),
        ),
        (
            "ref.html",
            {"zh.txt": zh, "en.txt": en, "ref.html": html},
            ("qa", "{zh.txt}", "{en.txt}", "--reference", "{ref.html}"),
        ),
        ("en.html", {"zh.txt": zh, "en.html": html}, ("align", "{zh.txt}", "{en.html}")),
    ):
        yield Case(
            f"{argv[0]} output onto input {target}",
            "outputs onto inputs",
            files,
            (*argv, "-o", f"{{{target}}}"),
            "refuse",
        )
    tbx = b'<tbx xmlns="urn:iso:std:iso:30042:ed-2"/>'
    yield Case(
        "glossary convert onto itself",
        "outputs onto inputs",
        {"g.tbx": tbx},
        ("glossary", "convert", "{g.tbx}", "{g.tbx}"),
        "refuse",
    )
    tree = {"in/zh/a.txt": zh, "in/en/a.txt": en}
    for outdir in ("{in}", "{in}/zh", "{in}/out"):
        yield Case(
            f"batch into {outdir}",
            "outputs onto inputs",
            tree,
            ("batch", "{in}", "-o", outdir, "--jobs", "1", "--to", "docx"),
            "refuse",
        )


def _bad_options() -> Iterator[Case]:
    files = {"zh.txt": ZH_TEXT.encode(), "en.txt": EN_TEXT.encode()}
    for shapes in ("1:1", "1:1,1:0", "1:1,2:1", "0:1", "5:1", "x", "1:1,,"):
        yield Case(
            f"link types {shapes}",
            "options",
            files,
            ("align", "{zh.txt}", "{en.txt}", "--link-types", shapes),
            "refuse",
        )
    yield Case("same file twice", "options", files, ("qa", "{en.txt}", "{en.txt}"), "refuse")
    yield Case("stdin twice", "options", files, ("qa", "-", "-"), "refuse")
    yield Case(
        "three files", "options", files, ("qa", "{zh.txt}", "{en.txt}", "{en.txt}"), "refuse"
    )
    yield Case(
        "unknown output",
        "options",
        files,
        ("qa", "{zh.txt}", "{en.txt}", "-o", "{x.pdf}"),
        "refuse",
    )
