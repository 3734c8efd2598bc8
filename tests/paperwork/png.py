"""A small PNG reader (8-bit greyscale, RGB or RGBA, not interlaced): enough to look at a page.

pdftoppm and Chromium write exactly these, so the printing tests need no imaging library.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

_CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}


@dataclass(frozen=True)
class Image:
    width: int
    height: int
    #: Rows of brightness (0 black .. 255 white), one value per pixel.
    rows: tuple[bytes, ...]

    def ink(self, left: int, top: int, right: int, bottom: int, threshold: int = 200) -> int:
        """How many pixels in the box are darker than ``threshold``."""
        return sum(1 for row in self.rows[top:bottom] for value in row[left:right] if value < threshold)

    def longest_line(self, threshold: int = 160) -> int:
        """The longest unbroken horizontal run of dark pixels: the width of the widest rule."""
        best = 0
        for row in self.rows:
            run = 0
            for value in row:
                run = run + 1 if value < threshold else 0
                best = max(best, run)
        return best


def read_png(path: Path) -> Image:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    position, idat, header = 8, bytearray(), None
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    assert header is not None, f"{path} has no IHDR"
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in _CHANNELS and interlace == 0, f"unsupported PNG {header}"
    channels = _CHANNELS[colour]
    stride = width * channels
    raw = zlib.decompress(bytes(idat))
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        _unfilter(kind, line, previous, channels)
        rows.append(_brightness(line, channels))
        previous = line
    return Image(width, height, tuple(rows))


def _unfilter(kind: int, line: bytearray, previous: bytearray, bpp: int) -> None:
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        up = previous[i]
        corner = previous[i - bpp] if i >= bpp else 0
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 2:
            line[i] = (line[i] + up) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
            line[i] = (line[i] + pred) & 0xFF


def _brightness(line: bytearray, channels: int) -> bytes:
    if channels <= 2:
        return bytes(line[::channels])
    return bytes(min(line[i : i + 3]) for i in range(0, len(line), channels))
