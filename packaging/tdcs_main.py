"""Entry point of the frozen programs, ``TDCS.exe`` (window, no console) and
``tdcs-cli.exe`` (console): both run the ``tdcs`` command line, which opens the window when
given no command.

``--smoke-screenshot`` is for the release smoke test only (see ``smoke_screenshot.py``);
it is not listed in ``--help``.
"""

from __future__ import annotations

import sys


def main() -> int:
    if sys.argv[1:2] == ["--smoke-screenshot"]:
        from smoke_screenshot import main as screenshot

        return screenshot(sys.argv[2:])
    from desktop.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    raise SystemExit(main())
