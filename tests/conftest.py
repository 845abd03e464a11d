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
