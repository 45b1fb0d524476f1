#!/usr/bin/env python3
"""bmp2png.py - converts an uncompressed BMP (what SDL_SaveBMP and sd_app_screenshot_bmp
write: 24 or 32 bits a pixel, BI_RGB or BI_BITFIELDS with byte-aligned masks, bottom-up or
top-down) into an 8-bit RGB PNG of the same size, with the standard library only (zlib).
Alpha is dropped: the window's screenshots are opaque. Used by tools/screenshots.sh.

Usage: tools/bmp2png.py IN.bmp OUT.png
Exit status: 0 written; 1 the input is not a BMP this reads, or a file cannot be read or
written; 2 bad usage."""
import struct
import sys
import zlib


class BmpError(Exception):
    pass


def channel_offsets(data, compression, bpp):
    """The byte offsets of red, green and blue within a pixel."""
    if compression == 0:  # BI_RGB: stored as B, G, R (and a fourth byte at 32 bits)
        return 2, 1, 0
    if compression != 3 or bpp != 32:
        raise BmpError("unsupported compression %d at %d bits a pixel" % (compression, bpp))
    # BI_BITFIELDS: the masks follow a 40-byte header, or sit inside a V4/V5 header.
    masks = struct.unpack_from("<III", data, 14 + 40)
    offs = []
    for mask in masks:
        if mask not in (0xFF, 0xFF00, 0xFF0000, 0xFF000000):
            raise BmpError("colour mask 0x%08x is not one byte" % mask)
        offs.append({0xFF: 0, 0xFF00: 1, 0xFF0000: 2, 0xFF000000: 3}[mask])
    return tuple(offs)


def bmp_to_png(data):
    if len(data) < 54 or data[:2] != b"BM":
        raise BmpError("not a BMP file")
    pixels_at = struct.unpack_from("<I", data, 10)[0]
    header_size = struct.unpack_from("<I", data, 14)[0]
    width, height = struct.unpack_from("<ii", data, 18)
    bpp = struct.unpack_from("<H", data, 28)[0]
    compression = struct.unpack_from("<I", data, 30)[0]
    if header_size < 40 or width <= 0 or height == 0 or bpp not in (24, 32):
        raise BmpError("unsupported BMP (header %d bytes, %d x %d, %d bits a pixel)"
                       % (header_size, width, height, bpp))
    r_at, g_at, b_at = channel_offsets(data, compression, bpp)
    step = bpp // 8
    stride = (width * step + 3) & ~3
    rows = abs(height)
    if pixels_at + stride * rows > len(data):
        raise BmpError("file is shorter than its %d x %d pixels" % (width, rows))
    raw = bytearray()
    for y in range(rows):
        src_y = rows - 1 - y if height > 0 else y  # a positive height is stored bottom-up
        row = data[pixels_at + src_y * stride: pixels_at + src_y * stride + width * step]
        out = bytearray(width * 3)
        out[0::3] = row[r_at::step]
        out[1::3] = row[g_at::step]
        out[2::3] = row[b_at::step]
        raw += b"\0" + out  # filter type 0 (none) for each scanline

    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, rows, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
            + chunk(b"IEND", b""))


def main(argv):
    if len(argv) != 3:
        print("usage: bmp2png.py IN.bmp OUT.png", file=sys.stderr)
        return 2
    try:
        with open(argv[1], "rb") as f:
            png = bmp_to_png(f.read())
        with open(argv[2], "wb") as f:
            f.write(png)
    except (OSError, BmpError) as e:
        print("bmp2png.py: %s: %s" % (argv[1], e), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
