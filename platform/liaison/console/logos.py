"""An agency's logo: decoded with Pillow before anything is kept, and stored re-encoded.

Magic bytes prove nothing (a junk file can start with PNG's eight), so a logo is accepted
only when Pillow decodes all of it, as PNG, JPEG or WebP, within a pixel budget checked on
the header before any pixel is decoded (a small file can declare a huge image: a
decompression bomb). What is stored is a fresh PNG of the pixels alone — no EXIF, text
chunks or colour profile, transparency kept — at most STORED_SIDE pixels on a side.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps

from tenants.operations import InvalidInput

MAX_LOGO_BYTES = 512 * 1024
MAX_SIDE = 4096  # of the uploaded image, in pixels
STORED_SIDE = 512  # the site shows it at 40 CSS pixels; this is plenty for any screen
FORMATS = ("PNG", "JPEG", "WEBP")

TOO_LARGE = "Use a logo of at most 512 KB."
TOO_MANY_PIXELS = f"Use a logo of at most {MAX_SIDE} × {MAX_SIDE} pixels."
NOT_AN_IMAGE = (
    "That file could not be read as a PNG, JPEG or WebP image. "
    "Export the logo again as PNG and upload that."
)


class LogoRefused(InvalidInput):
    """The upload is not a logo the site will keep; the message says why, for the form."""


def _open(data: bytes) -> Image.Image:
    """Pillow's lazy open (the header only), refused at once if it declares too many pixels."""
    image = Image.open(io.BytesIO(data), formats=FORMATS)
    width, height = image.size
    if width > MAX_SIDE or height > MAX_SIDE:
        raise LogoRefused(TOO_MANY_PIXELS)
    return image


def decode_logo(data: bytes) -> Image.Image:
    """The decoded image of an upload, or LogoRefused with the reason to show."""
    if len(data) > MAX_LOGO_BYTES:
        raise LogoRefused(TOO_LARGE)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            _open(data).verify()  # checks the structure (chunk CRCs); unusable afterwards
            image = _open(data)
            image.load()
    except LogoRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise LogoRefused(TOO_MANY_PIXELS) from exc
    except Exception as exc:  # a broken file can make a decoder raise almost anything
        raise LogoRefused(NOT_AN_IMAGE) from exc
    return image


def reencode_logo(image: Image.Image) -> bytes:
    """`image` as the PNG to store: upright, pixels only, within STORED_SIDE."""
    image = ImageOps.exif_transpose(image)  # a phone photo's turn, before its EXIF goes
    transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    image = image.convert("RGBA" if transparent else "RGB")
    image.thumbnail((STORED_SIDE, STORED_SIDE))  # keeps the proportions, never enlarges
    image.info = {}  # no EXIF, text, ICC profile or anything else rides along
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def logo_png(data: bytes) -> bytes:
    """The PNG to store for an uploaded logo, or LogoRefused."""
    return reencode_logo(decode_logo(data))
