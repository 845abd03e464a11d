"""Images that arrive with an article, made safe and small through Pillow.

Only bytes already on disk or inside the source reach here; nothing is fetched.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image, UnidentifiedImageError

from briefer.core.logs import get_logger
from briefer.core.model import ArticleImage
from briefer.importers.base import ImportLimits

log = get_logger(__name__)


def normalise_image(
    data: bytes,
    limits: ImportLimits,
    *,
    name: str = "",
    caption: str = "",
    offset: int = 0,
) -> ArticleImage | None:
    """A PNG (if it has transparency) or JPEG no larger than the limits allow.

    Returns ``None`` for anything Pillow cannot read or that claims more
    pixels than the limit (a decompression bomb): a broken image should not
    cost the analyst the article it came with.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                width, height = probe.size
                if width * height > limits.max_image_pixels or width == 0 or height == 0:
                    return None
                probe.draft("RGB", (limits.max_image_side, limits.max_image_side))
                image = probe.copy() if probe.format != "JPEG" else probe.convert("RGB")
                image.load()
    except (
        UnidentifiedImageError,
        OSError,
        ValueError,
        SyntaxError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as error:
        log.warning("an image was skipped (%s: %s)", type(error).__name__, error)
        return None
    image.thumbnail((limits.max_image_side, limits.max_image_side))
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    out = io.BytesIO()
    if has_alpha:
        image.convert("RGBA").save(out, format="PNG", optimize=True)
        media_type = "image/png"
    else:
        image.convert("RGB").save(out, format="JPEG", quality=85, optimize=True)
        media_type = "image/jpeg"
    return ArticleImage(
        media_type=media_type,
        data=out.getvalue(),
        width=image.width,
        height=image.height,
        offset=offset,
        caption=caption,
        name=name,
    )
