"""Makes every platform icon from the one master PNG, with Pillow only.

resources/icons/briefer-1024.png (rendered from briefer.svg by render_icon.py) becomes
briefer.ico (Windows, 16-256 px), briefer.icns (macOS) and briefer-<N>.png (Linux
hicolor sizes 16-512). Outputs are build products: packaging/build/icons by default.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
MASTER = HERE.parent / "resources" / "icons" / "briefer-1024.png"
DEFAULT_OUT = HERE / "build" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def _scaled(master: Image.Image, size: int) -> Image.Image:
    return master if master.width == size else master.resize((size, size), Image.Resampling.LANCZOS)


def make_icons(out_dir: Path = DEFAULT_OUT, master_path: Path = MASTER) -> dict[str, Path]:
    """Writes the icons and returns them by kind: "ico", "icns", and "png<N>" for each size."""
    master = Image.open(master_path).convert("RGBA")
    if master.size != (1024, 1024):
        raise ValueError(
            f"{master_path} should be 1024x1024 px, not {master.width}x{master.height}"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    made: dict[str, Path] = {}
    for size in PNG_SIZES:
        path = out_dir / f"briefer-{size}.png"
        _scaled(master, size).save(path)
        made[f"png{size}"] = path
    # Each size is downscaled from the master itself, never from a smaller copy.
    ico = [_scaled(master, s) for s in ICO_SIZES]
    made["ico"] = out_dir / "briefer.ico"
    ico[-1].save(made["ico"], sizes=[(s, s) for s in ICO_SIZES], append_images=ico[:-1])
    icns = [_scaled(master, s) for s in ICNS_SIZES]
    made["icns"] = out_dir / "briefer.icns"
    icns[-1].save(made["icns"], append_images=icns[:-1])
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--master", type=Path, default=MASTER)
    args = parser.parse_args()
    for path in make_icons(args.out_dir, args.master).values():
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
