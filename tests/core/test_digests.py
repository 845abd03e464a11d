"""Digests that name kept renderings and shortened files: stable, distinct, sized."""

from __future__ import annotations

import hashlib

from briefer.core.digests import hex_digest


def test_a_digest_is_blake2b_of_the_bytes_in_the_length_asked() -> None:
    data = "Hafenabkommen · harbour deal".encode()
    assert hex_digest(data) == hashlib.blake2b(data, digest_size=20).hexdigest()
    assert len(hex_digest(data)) == 40 and len(hex_digest(data, 6)) == 12


def test_different_data_gives_different_digests() -> None:
    digests = {hex_digest(f"style {n}".encode(), 6) for n in range(2000)}
    assert len(digests) == 2000
