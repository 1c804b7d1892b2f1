"""The ``aligner`` command as a process: the installed script and ``python -m aligner``.

Checking one release takes a fraction of a second, and two costs of a plain Python process
were a sixth of it. Importing the pipeline creates some hundred thousand objects, and the
cycle collector walked them again and again while they were being created, although the
document model holds no reference cycles (the Bible aligns in the same peak memory without
the collector). And at exit the interpreter freed every module, table and numpy structure
one by one, only for the operating system to reclaim the memory anyway. So the collector
stays off for the commands that work through one job and end (``batch``, ``eval`` and
``review``, which run long, switch it back on), and once the command has finished, its exit
handlers have run and its output is flushed, the process ends at once. It ends the usual
way when other threads or child processes are still running, so nothing is cut short.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import sys


def run() -> None:
    """Run the command line and end the process with its exit status."""
    gc.disable()
    from aligner.cli import main

    try:
        main()
    except SystemExit as stop:
        status = exit_status(stop.code)
    else:
        status = 0
    if not alone():
        sys.exit(status)
    atexit._run_exitfuncs()
    os._exit(flushed(status))


def exit_status(code: object) -> int:
    """The status ``sys.exit(code)`` would give, printing a message as it would."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def alone() -> bool:
    """Whether the main thread is the only thing left running in this process."""
    import threading

    if threading.active_count() > 1:
        return False
    processes = sys.modules.get("multiprocessing")
    return processes is None or not processes.active_children()


def flushed(status: int) -> int:
    """Flush standard output and error, and the status to leave with.

    A reader that has stopped reading (``aligner qa ... | head``) is not an error, as
    elsewhere in the command line; a stream that cannot be written (a full disk) is, with
    one line saying so.
    """
    for stream, label in ((sys.stdout, "output"), (sys.stderr, "error")):
        if stream is None or stream.closed:
            continue
        try:
            stream.flush()
        except BrokenPipeError:
            continue
        except OSError as error:
            if status == 0:  # otherwise the command has already said what went wrong
                message = f"aligner: error: standard {label}: {error.strerror}\n"
                with contextlib.suppress(OSError):
                    os.write(2, message.encode())
                status = 2
    return status


if __name__ == "__main__":
    run()
