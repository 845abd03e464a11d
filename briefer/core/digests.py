"""Short digests of Briefer's own data, without loading OpenSSL.

``import hashlib`` loads OpenSSL's libcrypto for its constructors, 11 M instructions:
3% of a short `briefer export`, which needs digests only to find renderings it kept
and to shorten long file names. BLAKE2 is built into CPython (it is hashlib's own
fallback), so it is taken from there; hashlib only where an interpreter lacks it.
Digests stored in a project file (``store.codec.text_hash``) stay SHA-256: this is
for names and cache keys that may change between versions.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without its own BLAKE2
    from hashlib import blake2b


def hex_digest(data: bytes, length: int = 20) -> str:
    """``data``'s BLAKE2b digest in hexadecimal, ``2 * length`` characters (at most 128)."""
    return blake2b(data, digest_size=length).hexdigest()
