"""The `briefer` command's entry point: load the program with the cycle collector paused.

Loading the command line (argparse, our modules' functions and classes)
makes some hundred thousand objects that live as long as the process.
While they are made, the cycle collector walks them again and again and finds nothing
to free: about a tenth of a short command's CPU time (`briefer export` of a small
note). Once loaded they are moved out of its sight (``gc.freeze``), and the collector
runs as usual for the command's own work and for the window's whole life.
"""

from __future__ import annotations

import gc


def main() -> int:
    """Run `briefer` (the command line, or the window when it asks for one)."""
    gc.disable()
    try:
        from briefer.cli import main as run_cli
    finally:
        gc.freeze()
        gc.enable()
    return run_cli()
