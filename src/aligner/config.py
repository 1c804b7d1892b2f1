"""A team's shared setup: defaults for the command line from ``aligner.toml`` or ``pyproject.toml``.

A team checks every release with the same glossaries, checklists, word lists, accepted
findings and severities; writing them once in the project folder spares every reviewer the
same long command line and keeps the setup under version control with the releases. The
file is looked for in the working directory only: ``aligner.toml``, or else a
``[tool.aligner]`` table in ``pyproject.toml``. Options given on the command line always
win over the file; a repeatable option given there replaces the file's list.

Keys (all optional)::

    glossaries = ["team-terms.tbx"]        # --glossary
    default-glossary = true                # false is --no-default-glossary
    checklists = ["house-style.toml"]      # --checklist
    default-checklist = true               # false is --no-default-checklist
    words = ["names.txt"]                  # --words
    accepted = ["accepted.txt"]            # --accepted
    checks = ["term", "number"]            # qa --check
    scorer = "lexical"                     # --scorer
    fail-on = "warning"                    # --fail-on

    [severity]                             # --severity CHECK=LEVEL
    spelling = "info"
    length = "off"

File names are relative to the folder of the configuration file. A key this version does
not know, or a value of the wrong kind, is refused with the file and the key named: a
setting that is silently ignored is worse than none.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aligner.checks.registry import check_names
from aligner.checks.severity import LEVELS
from aligner.errors import InputError
from aligner.files import read_input_file

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_FILE = "aligner.toml"
PYPROJECT = "pyproject.toml"
_MAX_CONFIG_BYTES = 4 * 1024 * 1024

_LISTS = ("glossaries", "checklists", "words", "accepted")
_FLAGS = ("default-glossary", "default-checklist")
_CHOICES = {
    "scorer": ("auto", "lexical", "semantic", "hybrid"),
    "fail-on": ("error", "warning", "never"),
}
KEYS = (*_LISTS, *_FLAGS, "checks", *_CHOICES, "severity")


@dataclass(frozen=True)
class Config:
    """The settings a configuration file gives; None (or empty) where it says nothing."""

    path: str | None = None
    glossaries: tuple[str, ...] | None = None
    default_glossary: bool | None = None
    checklists: tuple[str, ...] | None = None
    default_checklist: bool | None = None
    words: tuple[str, ...] | None = None
    accepted: tuple[str, ...] | None = None
    checks: tuple[str, ...] | None = None
    scorer: str | None = None
    fail_on: str | None = None
    severities: tuple[tuple[str, str], ...] | None = None


def find_config(directory: Path) -> tuple[Path, str] | None:
    """The configuration file of a folder and the table holding the settings in it."""
    own = directory / CONFIG_FILE
    if own.is_file():
        return own, ""
    pyproject = directory / PYPROJECT
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            # A broken pyproject.toml that names no aligner settings is not ours to judge.
            if b"[tool.aligner]" in pyproject.read_bytes():
                return pyproject, "tool.aligner"
            return None
        if isinstance(data.get("tool"), dict) and "aligner" in data["tool"]:
            return pyproject, "tool.aligner"
    return None


def load_config(directory: Path | None = None) -> Config:
    """The settings of the working directory's configuration file (none if there is none)."""
    folder = directory or Path.cwd()
    found = find_config(folder)
    if found is None:
        return Config()
    path, table = found
    shown = str(path) if directory is not None else path.name
    data = read_input_file(str(path), max_bytes=_MAX_CONFIG_BYTES, what="configuration file")
    try:
        document = tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise InputError(shown, f"not valid UTF-8 (byte {error.start})") from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(shown, f"not valid TOML: {error}") from None
    settings: Any = document
    for part in table.split(".") if table else ():
        settings = settings.get(part, {}) if isinstance(settings, dict) else {}
    if not isinstance(settings, dict):
        raise InputError(shown, f"[{table}] must be a table of settings")
    return parse_settings(settings, shown, folder, table)


def parse_settings(
    settings: Mapping[str, Any], shown: str, folder: Path, table: str = ""
) -> Config:
    """Check every key and value; the first one that is wrong is an InputError naming it."""
    prefix = f"{table}." if table else ""

    def bad(key: str, problem: str) -> InputError:
        return InputError(shown, f"key {prefix}{key}: {problem}")

    for key in settings:
        if key not in KEYS:
            raise bad(key, f"unknown setting; the settings are {', '.join(KEYS)}")
    values: dict[str, Any] = {"path": shown}
    for key in _LISTS:
        if key in settings:
            values[key] = _files(settings[key], folder, lambda p, key=key: bad(key, p))
    for key in _FLAGS:
        if key in settings:
            if not isinstance(settings[key], bool):
                raise bad(key, "expected true or false")
            values[key.replace("-", "_")] = settings[key]
    for key, choices in _CHOICES.items():
        if key in settings:
            value = settings[key]
            if value not in choices:
                raise bad(key, f"expected one of {', '.join(choices)}, not {value!r}")
            values[key.replace("-", "_")] = value
    if "checks" in settings:
        values["checks"] = _check_list(settings["checks"], lambda p: bad("checks", p))
    if "severity" in settings:
        values["severities"] = _severities(settings["severity"], bad)
    return Config(**values)


def _files(value: Any, folder: Path, bad: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise bad("expected a file name or a list of file names")
    resolved = []
    for name in value:
        path = Path(name).expanduser()
        if not path.is_absolute() and folder != Path.cwd():
            path = folder / path
        resolved.append(str(path))
    return tuple(resolved)


def _check_list(value: Any, bad: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise bad("expected a list of check names")
    known = check_names()
    for name in value:
        if name not in known:
            raise bad(f"unknown check {name!r}; the checks are {', '.join(known)}")
    return tuple(value)


def _severities(value: Any, bad: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise bad("severity", "expected a table: [severity] with CHECK = LEVEL lines")
    known = check_names()
    found: list[tuple[str, str]] = []
    for check, level in value.items():
        if check not in known:
            raise bad(f"severity.{check}", f"unknown check; the checks are {', '.join(known)}")
        if level not in LEVELS:
            raise bad(f"severity.{check}", f"expected one of {', '.join(LEVELS)}, not {level!r}")
        found.append((check, level))
    return tuple(found)


def parse_severity_option(values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """``--severity CHECK=LEVEL`` values as pairs; a bad one is an InputError naming it."""
    known = check_names()
    found: list[tuple[str, str]] = []
    for value in values:
        check, sep, level = value.partition("=")
        check, level = check.strip(), level.strip().lower()
        if not sep or check not in known or level not in LEVELS:
            raise InputError(
                "--severity",
                f"{value!r} is not CHECK=LEVEL with a check among {', '.join(known)} and a "
                f"level among {', '.join(LEVELS)}",
            )
        found.append((check, level))
    return tuple(found)


def command_defaults(config: Config) -> dict[str, dict[str, Any]]:
    """The configuration as defaults of the commands' options, by command and option name.

    This is what lets the command line win: a default applies only where the option is
    not given. Settings a command has no option for are left out of its defaults.
    """
    common: dict[str, Any] = {}
    if config.glossaries is not None:
        common["glossaries"] = list(config.glossaries)
    if config.default_glossary is not None:
        common["no_default_glossary"] = not config.default_glossary
    if config.scorer is not None:
        common["scorer"] = config.scorer
    checking = dict(common)
    if config.checklists is not None:
        checking["checklists"] = list(config.checklists)
    if config.default_checklist is not None:
        checking["no_default_checklist"] = not config.default_checklist
    if config.words is not None:
        checking["words"] = list(config.words)
    if config.accepted is not None:
        checking["accepted_files"] = list(config.accepted)
    if config.fail_on is not None:
        checking["fail_on"] = config.fail_on
    if config.severities is not None:
        checking["severities"] = [f"{check}={level}" for check, level in config.severities]
    qa = dict(checking)
    if config.checks is not None:
        qa["checks"] = list(config.checks)
    return {"align": common, "qa": qa, "batch": checking}
