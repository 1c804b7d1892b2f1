"""The one exception type the command line turns into a clean message and exit code 2."""

from __future__ import annotations


class InputError(Exception):
    """Bad input the user can fix: names the file and says what is wrong with it.

    Library code raises this instead of letting decoding, XML or zip errors escape,
    so that the command line can print one line and exit 2 without a traceback.
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class SettingError(Exception):
    """A setting that cannot work for these inputs (an option the user can change).

    ``setting`` is the command-line spelling of the option, so the message can point at
    what to change; library callers read it as the name of the parameter at fault.
    """

    def __init__(self, setting: str, problem: str) -> None:
        super().__init__(f"{setting}: {problem}")
        self.setting = setting
        self.problem = problem
