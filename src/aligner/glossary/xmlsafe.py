"""Parsing untrusted glossary XML without touching the network or the local disk."""

from __future__ import annotations

from lxml import etree

from aligner.errors import InputError


def _safe_parser() -> etree.XMLParser:
    # No entity expansion, no DTD loading, no network: a glossary received from a client
    # must not be able to pull in local files (XXE) or explode in memory.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(path: str, data: bytes) -> etree._Element:
    """Parse ``data`` or raise InputError naming the line of the first syntax error.

    Documents that declare entities are refused outright: their references would stay
    unexpanded and silently lose text, and there is no legitimate need for them in TBX.
    """
    try:
        root = etree.fromstring(data, _safe_parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else 1
        raise InputError(path, f"not well-formed XML: line {line}: {exc.msg}") from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):  # type: ignore[union-attr]
        raise InputError(path, "the DOCTYPE declares entities, which glossary files may not use")
    return root


def local_name(element: etree._Element) -> str:
    """Element name without namespace, so TBX files with or without xmlns read alike."""
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""
