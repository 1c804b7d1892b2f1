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
