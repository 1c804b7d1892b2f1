"""Batch inputs from untrusted archives: nothing escapes OUTDIR, bombs are refused unread."""

from __future__ import annotations

import io
import json
import os
import stat
import struct
import tarfile
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from aligner.batch import BatchOptions, run_batch
from aligner.batch.inputs.limits import BatchLimits
from aligner.batch.inputs.listing import TooLarge, read_capped
from aligner.cli import main
from aligner.errors import InputError
from aligner.readers.safety import ZipLimits

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ZH = (SAMPLES / "gacc-2025-01-13.zh.txt").read_bytes()
EN = (SAMPLES / "gacc-2025-01-13.en.txt").read_bytes()
MB = 1 << 20


def run_cli(*args: str) -> Result:
    return CliRunner().invoke(main, ["batch", "--jobs", "1", *args])


def summary(outdir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((outdir / "summary.json").read_text(encoding="utf-8"))
    return data


def rejected(outdir: Path) -> dict[str, str]:
    return {item["member"]: item["reason"] for item in summary(outdir)["rejected"]}


def files_outside(root: Path, outdir: Path) -> set[str]:
    """Every file under ``root`` that is not inside ``outdir``, relative to ``root``."""
    found = set()
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            if outdir not in path.parents:
                found.add(str(path.relative_to(root)))
    return found


def zeros_deflated(prefix: bytes, megabytes: int, suffix: bytes = b"") -> tuple[bytes, int, int]:
    """Raw deflate data, CRC-32 and size of ``prefix + megabytes MB of zeros + suffix``.

    A fully flushed block of a megabyte of zeros compresses to the same bytes every time,
    so a gigabyte can be written by repeating it: the test file stays around 1 MB and
    takes well under a second to build.
    """
    block = bytes(MB)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    second = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert first == second
    tail = compressor.compress(suffix) + compressor.flush()
    crc = zlib.crc32(prefix)
    for _ in range(megabytes):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(suffix, crc)
    return head + first * megabytes + tail, crc, len(prefix) + megabytes * MB + len(suffix)


def deflated(data: bytes) -> tuple[bytes, int, int]:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data)


def handmade_zip(entries: list[tuple[str, tuple[bytes, int, int]]]) -> bytes:
    """A zip written field by field, so sizes can be whatever a hostile archive claims."""
    body = bytearray()
    directory = bytearray()
    for name, (raw, crc, size) in entries:
        encoded = name.encode()
        offset = len(body)
        body += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(raw), size, len(encoded), 0
        )
        body += encoded + raw
        directory += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(raw), size, len(encoded), 0, 0, 0, 0, 0,
            offset,
        )  # fmt: skip
        directory += encoded
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), len(body), 0
    )
    return bytes(body + directory + end)


def good_pair(prefix: str = "") -> list[tuple[str, tuple[bytes, int, int]]]:
    return [(f"{prefix}good.zh.txt", deflated(ZH)), (f"{prefix}good.en.txt", deflated(EN))]


def test_hostile_zip_members_are_refused_and_nothing_lands_outside(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    absolute = tmp_path / "abs-target.zh.txt"
    archive = work / "hostile.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("good.zh.txt", ZH)
        zf.writestr("good.en.txt", EN)
        zf.writestr("../evil.zh.txt", ZH)
        zf.writestr("../evil.en.txt", EN)
        zf.writestr(str(absolute), ZH)
        link = zipfile.ZipInfo("link.en.txt")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, "/etc/passwd")
        zf.writestr("link.zh.txt", ZH)
    assert "../evil.zh.txt" in zipfile.ZipFile(archive).namelist()
    outdir = work / "out"

    result = run_cli(str(archive), "-o", str(outdir), "--to", "html")

    assert result.exit_code == 0, result.output
    reasons = rejected(outdir)
    assert "'..'" in reasons[f"{archive}:../evil.zh.txt"]
    assert "'..'" in reasons[f"{archive}:../evil.en.txt"]
    assert "absolute path" in reasons[f"{archive}:{absolute}"]
    assert "symbolic link" in reasons[f"{archive}:link.en.txt"]
    data = summary(outdir)
    assert [(d["name"], d["status"]) for d in data["documents"]] == [("good", "ok")]
    assert [u["member"] for u in data["unpaired"]] == [f"{archive}:link.zh.txt"]
    assert files_outside(tmp_path, outdir) == {"work/hostile.zip"}
    assert not absolute.exists()


def test_a_gigabyte_zip_bomb_is_refused_from_its_header(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    archive.write_bytes(handmade_zip([*good_pair(), ("bomb.zh.txt", zeros_deflated(b"", 1024))]))
    assert archive.stat().st_size < 2 * MB
    assert zipfile.ZipFile(archive).getinfo("bomb.zh.txt").file_size == 1024 * MB
    outdir = tmp_path / "out"

    result = run_cli(str(archive), "-o", str(outdir))

    assert result.exit_code == 0, result.output
    reason = rejected(outdir)[f"{archive}:bomb.zh.txt"]
    assert "1,024 MB" in reason and "zip bomb" in reason
    assert [d["status"] for d in summary(outdir)["documents"]] == ["ok"]


def test_a_member_that_inflates_beyond_its_stated_size_fails_its_pair(tmp_path: Path) -> None:
    raw, crc, _ = zeros_deflated(ZH, 512)
    archive = tmp_path / "liar.zip"
    # The directory says the member is as small as the real Chinese file.
    archive.write_bytes(
        handmade_zip([("liar.zh.txt", (raw, crc, len(ZH))), ("liar.en.txt", deflated(EN))])
    )
    outdir = tmp_path / "out"

    result = run_cli(str(archive), "-o", str(outdir))

    assert result.exit_code == 2
    [document] = summary(outdir)["documents"]
    assert document["status"] == "failed"
    assert "damaged archive member" in document["reason"]
    assert f"{archive}:liar.zh.txt" in rejected(outdir)


def test_the_archive_wide_caps_refuse_the_whole_zip(tmp_path: Path) -> None:
    archive = tmp_path / "many.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for number in range(6):
            zf.writestr(f"r{number}.zh.txt", ZH)
    outdir = tmp_path / "out"
    limits = BatchLimits(archive=ZipLimits(max_members=5))

    result = run_batch(BatchOptions((str(archive),), str(outdir), jobs=1, limits=limits))

    assert result.documents == ()
    [refusal] = result.rejected
    assert refusal.member == str(archive)
    assert "6 members" in refusal.reason


def test_a_highly_compressible_member_is_refused_by_its_ratio(tmp_path: Path) -> None:
    archive = tmp_path / "ratio.zip"
    archive.write_bytes(handmade_zip([("dense.zh.txt", zeros_deflated(b"", 8))]))
    outdir = tmp_path / "out"

    result = run_batch(BatchOptions((str(archive),), str(outdir), jobs=1))

    [refusal] = result.rejected
    assert "times" in refusal.reason and "zip bomb" in refusal.reason


def tar_member(name: str, data: bytes = b"", **fields: Any) -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    for key, value in fields.items():
        setattr(info, key, value)
    return info, data


@pytest.mark.parametrize(("mode", "suffix"), [("w", ".tar"), ("w:gz", ".tar.gz")])
def test_hostile_tar_members_are_refused(tmp_path: Path, mode: str, suffix: str) -> None:
    work = tmp_path / "work"
    work.mkdir()
    archive = work / f"hostile{suffix}"
    members = [
        tar_member("good.zh.txt", ZH),
        tar_member("good.en.txt", EN),
        tar_member("../evil.zh.txt", ZH),
        tar_member("/abs/evil.en.txt", EN),
        tar_member("link.zh.txt", type=tarfile.SYMTYPE, linkname="/etc/passwd"),
        tar_member("hard.zh.txt", type=tarfile.LNKTYPE, linkname="good.zh.txt"),
        tar_member("pipe.zh.txt", type=tarfile.FIFOTYPE),
        tar_member("dev.zh.txt", type=tarfile.CHRTYPE, devmajor=1, devminor=3),
    ]
    with tarfile.open(archive, mode) as tf:  # type: ignore[call-overload]
        for info, data in members:
            tf.addfile(info, io.BytesIO(data) if data else None)
    outdir = work / "out"

    result = run_cli(str(archive), "-o", str(outdir))

    assert result.exit_code == 0, result.output
    reasons = rejected(outdir)
    assert "'..'" in reasons[f"{archive}:../evil.zh.txt"]
    assert "absolute path" in reasons[f"{archive}:/abs/evil.en.txt"]
    assert "symbolic link" in reasons[f"{archive}:link.zh.txt"]
    assert "hard link" in reasons[f"{archive}:hard.zh.txt"]
    assert "fifo" in reasons[f"{archive}:pipe.zh.txt"]
    assert "device" in reasons[f"{archive}:dev.zh.txt"]
    assert [d["status"] for d in summary(outdir)["documents"]] == ["ok"]
    assert files_outside(tmp_path, outdir) == {f"work/hostile{suffix}"}


def test_a_tar_bomb_refuses_the_archive_before_inflating_it(tmp_path: Path) -> None:
    header = tarfile.TarInfo("bomb.zh.txt")
    header.size = 1024 * MB
    raw, crc, size = zeros_deflated(header.tobuf(format=tarfile.GNU_FORMAT), 1024, bytes(1024))
    gzip_header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    archive = tmp_path / "bomb.tar.gz"
    archive.write_bytes(gzip_header + raw + struct.pack("<II", crc, size & 0xFFFFFFFF))
    outdir = tmp_path / "out"

    result = run_cli(str(archive), "-o", str(outdir))

    assert result.exit_code == 2
    reason = rejected(outdir)[str(archive)]
    assert "tar bomb" in reason


def test_links_in_a_folder_are_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_bytes(ZH)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.zh.txt").symlink_to(secret)
    (folder / "a.en.txt").write_bytes(EN)
    outdir = tmp_path / "out"

    result = run_batch(BatchOptions((str(folder),), str(outdir), jobs=1))

    assert result.documents == ()
    assert [(r.member, "symbolic link" in r.reason) for r in result.rejected] == [
        (str(folder / "a.zh.txt"), True)
    ]
    assert [u.member for u in result.unpaired] == [str(folder / "a.en.txt")]


def test_an_output_folder_that_is_a_link_is_not_written_through(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.zh.txt").write_bytes(ZH)
    (folder / "a.en.txt").write_bytes(EN)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    outdir = tmp_path / "out"
    outdir.mkdir()
    (outdir / "a").symlink_to(elsewhere)

    result = run_batch(BatchOptions((str(folder),), str(outdir), jobs=1))

    [document] = result.documents
    assert document.status == "failed"
    assert "symbolic link" in document.reason
    assert list(elsewhere.iterdir()) == []


def test_hostile_pair_names_stay_inside_the_output_folder(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    archive = work / "names.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("zh/..txt", ZH)
        zf.writestr("en/..txt", EN)
    manifest = work / "pairs.csv"
    manifest.write_text("zh,en,name\nzh/..txt,en/..txt,../../escaped\n", encoding="utf-8")
    outdir = work / "out"

    result = run_cli(str(archive), "-o", str(outdir), "--pairs", str(manifest))

    assert result.exit_code == 0, result.output
    assert [d["name"] for d in summary(outdir)["documents"]] == ["escaped"]
    assert (outdir / "escaped" / "qa.json").is_file()
    assert files_outside(tmp_path, outdir) == {"work/names.zip", "work/pairs.csv"}


def test_reading_stops_as_soon_as_the_cap_is_passed() -> None:
    class Endless(io.RawIOBase):
        def __init__(self) -> None:
            self.served = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            size = len(buffer)
            buffer[:size] = bytes(size)
            self.served += size
            return size

    stream = Endless()
    with pytest.raises(TooLarge):
        read_capped(io.BufferedReader(stream), 3 * MB)
    assert stream.served < 5 * MB
    assert read_capped(io.BytesIO(b"small"), 3 * MB) == b"small"


def test_the_library_refuses_an_output_path_that_is_a_file(tmp_path: Path) -> None:
    taken = tmp_path / "taken"
    taken.write_text("a file", encoding="utf-8")

    with pytest.raises(InputError, match="not a folder"):
        run_batch(BatchOptions((str(SAMPLES),), str(taken), jobs=1))
    assert taken.read_text(encoding="utf-8") == "a file"
