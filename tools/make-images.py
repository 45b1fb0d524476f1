#!/usr/bin/env python3
"""make-images.py - draws the bundled post images in assets/images/ (simple flat
illustrations made here, no copied artwork) as 8-bit RGB PNGs with Python's zlib.

Usage: tools/make-images.py [OUTDIR]   (default: assets/images next to this tool)
Deterministic: the same script writes the same bytes."""
import os
import struct
import sys
import zlib

W, H = 480, 270


class Canvas:
    def __init__(self, w, h, bg):
        self.w, self.h = w, h
        self.px = [list(bg) * w for _ in range(h)]

    def rect(self, x0, y0, x1, y1, c):
        for y in range(max(0, y0), min(self.h, y1)):
            row = self.px[y]
            for x in range(max(0, x0), min(self.w, x1)):
                row[3 * x:3 * x + 3] = c

    def tri(self, ax, ay, bx, by, cx, cy, c):
        def side(px, py, qx, qy, rx, ry):
            return (px - rx) * (qy - ry) - (qx - rx) * (py - ry)
        for y in range(max(0, min(ay, by, cy)), min(self.h, max(ay, by, cy) + 1)):
            for x in range(max(0, min(ax, bx, cx)), min(self.w, max(ax, bx, cx) + 1)):
                d1 = side(x, y, ax, ay, bx, by)
                d2 = side(x, y, bx, by, cx, cy)
                d3 = side(x, y, cx, cy, ax, ay)
                if not ((d1 < 0 or d2 < 0 or d3 < 0) and (d1 > 0 or d2 > 0 or d3 > 0)):
                    self.px[y][3 * x:3 * x + 3] = c

    def circle(self, cx, cy, r, c):
        for y in range(max(0, cy - r), min(self.h, cy + r + 1)):
            for x in range(max(0, cx - r), min(self.w, cx + r + 1)):
                if (x - cx) ** 2 + (y - cy) ** 2 <= r * r:
                    self.px[y][3 * x:3 * x + 3] = c

    def png(self):
        raw = b"".join(b"\x00" + bytes(row) for row in self.px)
        def chunk(kind, data):
            return (struct.pack(">I", len(data)) + kind + data +
                    struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
        return (b"\x89PNG\r\n\x1a\n" +
                chunk(b"IHDR", struct.pack(">IIBBBBB", self.w, self.h, 8, 2, 0, 0, 0)) +
                chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def library():
    """A small library building with shelves of books in its windows, a book bus beside."""
    c = Canvas(W, H, (214, 232, 244))
    c.rect(0, 210, W, H, (120, 170, 100))          # grass
    c.rect(60, 90, 300, 215, (196, 120, 88))        # brick house
    c.tri(50, 92, 180, 30, 310, 92, (110, 62, 52))  # roof
    c.rect(160, 150, 200, 215, (88, 60, 40))        # door
    colours = [(200, 60, 60), (60, 110, 190), (230, 190, 60), (70, 150, 90), (150, 80, 160)]
    for wx in (80, 220):                            # windows with books
        c.rect(wx, 110, wx + 60, 150, (250, 246, 230))
        for i in range(10):
            c.rect(wx + 3 + i * 6, 118 + (i % 3) * 2, wx + 8 + i * 6, 148, colours[i % 5])
    c.rect(330, 160, 450, 210, (240, 150, 40))      # the book bus
    c.rect(340, 168, 380, 188, (220, 236, 250))
    c.rect(390, 168, 440, 188, (220, 236, 250))
    c.circle(355, 212, 11, (40, 40, 40))
    c.circle(425, 212, 11, (40, 40, 40))
    c.circle(410, 50, 22, (250, 220, 90))           # sun
    return c


def parking():
    """A car park by a station: parking bays, a sign with a P and a bicycle shelter."""
    c = Canvas(W, H, (200, 222, 238))
    c.rect(0, 150, W, H, (92, 96, 104))             # asphalt
    for i in range(8):                              # bay lines
        c.rect(30 + i * 55, 175, 34 + i * 55, 250, (240, 240, 240))
    for i, col in enumerate([(190, 50, 50), (50, 90, 170), (230, 230, 230), (60, 140, 80)]):
        x = 42 + i * 110
        c.rect(x, 195, x + 40, 235, col)            # cars from above
        c.rect(x + 6, 202, x + 34, 214, (170, 200, 225))
    c.rect(20, 60, 26, 150, (80, 80, 80))           # the sign
    c.rect(0, 40, 48, 84, (30, 90, 180))
    c.rect(14, 48, 20, 78, (255, 255, 255))         # "P"
    c.rect(14, 48, 34, 54, (255, 255, 255))
    c.rect(30, 48, 36, 66, (255, 255, 255))
    c.rect(14, 62, 34, 68, (255, 255, 255))
    c.rect(300, 70, 460, 80, (70, 120, 90))         # bicycle shelter roof
    c.rect(305, 80, 311, 150, (70, 120, 90))
    c.rect(449, 80, 455, 150, (70, 120, 90))
    for i in range(4):
        c.circle(330 + i * 35, 132, 10, (30, 30, 30))
        c.circle(330 + i * 35, 132, 6, (92, 96, 104))
    c.rect(120, 90, 260, 150, (170, 150, 120))      # the station building
    c.tri(110, 92, 190, 55, 270, 92, (120, 70, 60))
    return c


def bins():
    """Two waste bins at a kerb, one green and one grey, with a calendar page."""
    c = Canvas(W, H, (222, 236, 228))
    c.rect(0, 200, W, H, (150, 150, 150))
    for x, col in ((90, (60, 140, 80)), (200, (100, 104, 110))):
        c.rect(x, 90, x + 80, 205, col)
        c.rect(x - 6, 80, x + 86, 92, tuple(max(0, v - 30) for v in col))
        c.circle(x + 12, 208, 8, (30, 30, 30))
        c.circle(x + 68, 208, 8, (30, 30, 30))
    c.rect(320, 50, 440, 170, (255, 255, 255))      # a calendar page
    c.rect(320, 50, 440, 74, (200, 60, 60))
    for r in range(4):
        for k in range(5):
            col = (60, 140, 80) if (r * 5 + k) % 7 == 3 else (210, 210, 210)
            c.rect(328 + k * 22, 82 + r * 22, 344 + k * 22, 98 + r * 22, col)
    return c


def phone_lock():
    """A phone with a padlock on its screen: an account to secure."""
    c = Canvas(W, H, (34, 40, 56))
    c.rect(180, 20, 300, 250, (20, 20, 24))
    c.rect(188, 36, 292, 232, (70, 130, 200))
    c.rect(212, 120, 268, 170, (250, 210, 70))      # padlock body
    c.rect(222, 92, 230, 122, (230, 230, 230))      # shackle
    c.rect(250, 92, 258, 122, (230, 230, 230))
    c.rect(222, 88, 258, 96, (230, 230, 230))
    c.circle(240, 140, 6, (40, 40, 40))
    c.rect(237, 142, 243, 158, (40, 40, 40))
    return c


IMAGES = {
    "bibliotek.png": library,
    "parkering.png": parking,
    "sophamtning.png": bins,
    "konto-las.png": phone_lock,
}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "assets", "images")
    os.makedirs(out, exist_ok=True)
    for name, draw in IMAGES.items():
        data = draw().png()
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print("%s: %d bytes" % (name, len(data)))


if __name__ == "__main__":
    main()
