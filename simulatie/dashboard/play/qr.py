"""The QR code of the address to join, as a PNG image drawn on the server (no network).

``segno`` is a pure-Python QR code generator without dependencies; it writes PNG itself, so the
code is made on the laptop at run time, offline, and sent to the projector like any picture.
"""

from __future__ import annotations

import io

import segno

__all__ = ["qr_png"]


def qr_png(text: str, scale: int = 10) -> bytes:
    """Return a QR code of ``text`` (an address) as PNG bytes.

    Args:
        text: What the code holds.
        scale: Pixels per module (square) of the code.

    Returns:
        The PNG image, black on white with a quiet zone.
    """
    code = segno.make(text, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()
