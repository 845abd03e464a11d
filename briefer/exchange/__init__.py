"""Files shared with other analysis tools: REFI-QDA codebooks (.qdc) and projects (.qdpx).

A lower room beside importers and exporters: imports core and its own libraries (lxml),
never store, session or ui. The session turns a project into a ``QdaProject`` and back.
"""

from __future__ import annotations

from briefer.exchange.qda_model import (
    ExchangeError,
    LeftOut,
    QdaCode,
    QdaLimits,
    QdaProject,
    QdaSelection,
    QdaSource,
)
from briefer.exchange.qda_read import read_codebook, read_exchange_file, read_project
from briefer.exchange.qda_write import write_codebook, write_project

__all__ = [
    "ExchangeError",
    "LeftOut",
    "QdaCode",
    "QdaLimits",
    "QdaProject",
    "QdaSelection",
    "QdaSource",
    "read_codebook",
    "read_exchange_file",
    "read_project",
    "write_codebook",
    "write_project",
]
