"""Writes jsonld.mhtml from jsonld.html and its image, laid out as Chrome's "single file" save.

Run with the project's Python; the tests read the committed result.
"""

from __future__ import annotations

import base64
import quopri
from pathlib import Path

HERE = Path(__file__).parent
PAGE = "https://alvartimes.example/environment/2026/05/18/drought-hydropower-cuts"
IMAGE = "https://alvartimes.example/environment/2026/05/18/drought_files/reservoir.jpg"
BOUNDARY = "----MultipartBoundary--Qm3ZlWd7u1xIc0Yb8rN2kT5vHsE4aPoJgF6yXtCwD9----"


def main() -> None:
    html = (HERE / "jsonld.html").read_bytes()
    image = (HERE / "drought_files" / "reservoir.jpg").read_bytes()
    css = b"body{font-family:Georgia,serif}.pic-caption{font-size:small}"
    body = quopri.encodestring(html, quotetabs=False).decode("ascii")
    encoded = base64.encodebytes(image).decode("ascii")
    lines = [
        "From: <Saved by Blink>",
        f"Snapshot-Content-Location: {PAGE}",
        "Subject: =?utf-8?Q?Drought_forces_hydropower_cuts_across_the_Alvar_basin_-_Alvar?=",
        "Date: Mon, 18 May 2026 10:12:03 +0200",
        "MIME-Version: 1.0",
        "Content-Type: multipart/related;",
        '\ttype="text/html";',
        f'\tboundary="{BOUNDARY}"',
        "",
        "",
        f"--{BOUNDARY}",
        "Content-Type: text/html",
        "Content-ID: <frame-5D1C0A2B6E8F4A7C9B3E1D2F4A6C8E0B@mhtml.blink>",
        "Content-Transfer-Encoding: quoted-printable",
        f"Content-Location: {PAGE}",
        "",
        body,
        f"--{BOUNDARY}",
        "Content-Type: text/css",
        "Content-Transfer-Encoding: quoted-printable",
        "Content-Location: cid:css-3b8f7a1e-0c2d-4e5f-9a6b-7c8d9e0f1a2b@mhtml.blink",
        "",
        css.decode("ascii"),
        f"--{BOUNDARY}",
        "Content-Type: image/jpeg",
        "Content-Transfer-Encoding: base64",
        f"Content-Location: {IMAGE}",
        "",
        encoded,
        f"--{BOUNDARY}--",
        "",
    ]
    (HERE / "jsonld.mhtml").write_bytes("\r\n".join(lines).encode("ascii"))


if __name__ == "__main__":
    main()
