"""Suite-wide rules: no network, and no test touches the real user directories."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"


class NetworkUsed(AssertionError):
    """Raised when code under test tries to reach another machine."""


def _refuse(self: socket.socket, address: object, *args: object, **kwargs: object) -> None:
    if self.family == socket.AF_UNIX:
        return _real_connect(self, address)  # type: ignore[arg-type]
    raise NetworkUsed(f"network connection attempted to {address!r}")


_real_connect = socket.socket.connect


def _refuse_create_connection(address: object, *args: object, **kwargs: object) -> socket.socket:
    raise NetworkUsed(f"network connection attempted to {address!r}")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Briefer never opens a network connection; any attempt fails the test."""
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse_create_connection)


@pytest.fixture(autouse=True)
def briefer_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Every settings, log, backup and cache location goes under a fresh temp folder."""
    home = tmp_path_factory.mktemp("briefer-home")
    monkeypatch.setenv("BRIEFER_HOME", str(home))
    yield home


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on its own tiny tmpfs (2 MiB), to fill up for real.

    Needs root and mount(2), as CI has; elsewhere the test is skipped, and the
    injected-failure tests still cover the same code paths.
    """
    import subprocess

    folder = tmp_path / "small-disk"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace')}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill_disk(folder: Path, *, leave: int = 0) -> Path:
    """Fill the file system under ``folder`` until at most ``leave`` bytes stay free."""
    filler = folder / "filler.bin"
    with filler.open("ab") as handle:
        while True:
            free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
            if free <= leave:
                break
            try:
                handle.write(b"\0" * min(65536, max(1, free - leave)))
                handle.flush()
            except OSError:
                break
    return filler
