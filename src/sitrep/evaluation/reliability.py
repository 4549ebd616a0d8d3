"""A reliability diagram of event confidence (``sitrep eval news --plots DIR``): per confidence bin,
the share of strictly right events against the bin's mean confidence, with the diagonal of perfect
calibration. Drawn with matplotlib when it is installed, else written as a PNG by a small pure-Python
writer (no dependency)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Optional

#: confidence bins of the diagram (the ECE's, see news.ECE_BINS)
BINS = 10
#: side of the pure-Python image, pixels
SIZE = 320
MARGIN = 30


def reliability_bins(pairs: list[tuple[float, bool]], bins: int = BINS) -> list[tuple[int, float, float, int]]:
    """``(bin, mean confidence, share right, count)`` of every non-empty bin:
    [(0.9, True), (0.95, False)] -> [(9, 0.925, 0.5, 2)]."""
    groups: dict[int, list[tuple[float, bool]]] = {}
    for conf, ok in pairs:
        groups.setdefault(min(bins - 1, int(conf * bins)), []).append((conf, ok))
    return [(b, sum(c for c, _ in g) / len(g), sum(o for _, o in g) / len(g), len(g))
            for b, g in sorted(groups.items())]


def png_bytes(pixels: list[list[tuple[int, int, int]]]) -> bytes:
    """An RGB PNG of ``pixels`` (rows of (r, g, b))."""
    raw = b"".join(b"\x00" + bytes(v for px in row for v in px) for row in pixels)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    h, w = len(pixels), len(pixels[0])
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def _draw(rows: list[tuple[int, float, float, int]], bins: int = BINS) -> list[list[tuple[int, int, int]]]:
    """The diagram as pixels: grey frame, light diagonal, one blue bar per bin (its share right) and
    a red tick at its mean confidence."""
    img = [[(255, 255, 255)] * SIZE for _ in range(SIZE)]
    inner = SIZE - 2 * MARGIN

    def put(x: float, y: float, color) -> None:   # x, y in [0, 1]; y up
        px, py = MARGIN + int(x * (inner - 1)), SIZE - MARGIN - 1 - int(y * (inner - 1))
        if 0 <= px < SIZE and 0 <= py < SIZE:
            img[py][px] = color

    steps = inner * 2
    for i in range(steps + 1):
        t = i / steps
        put(t, t, (170, 170, 170))
        for edge in (0.0, 1.0):
            put(t, edge, (90, 90, 90))
            put(edge, t, (90, 90, 90))
    width = 1.0 / bins
    for b, conf, acc, _ in rows:
        x0 = b * width
        for i in range(int(width * inner) - 2):
            x = x0 + (i + 1) / inner
            for j in range(int(acc * inner)):
                put(x, j / inner, (70, 110, 200))
        for i in range(-3, 4):
            for dy in (-1, 0, 1):
                put(conf + i / inner, conf + dy / inner, (210, 40, 40))
    return img


def write_reliability_plot(pairs: list[tuple[float, bool]], out_dir: str | Path,
                           name: str = "event_reliability.png") -> Optional[Path]:
    """Write the diagram to ``out_dir/name`` (matplotlib if installed, else the pure-Python PNG);
    ``None`` without predictions."""
    if not pairs:
        return None
    rows = reliability_bins(pairs)
    path = Path(out_dir) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        path.write_bytes(png_bytes(_draw(rows)))
        return path
    fig, ax = plt.subplots(figsize=(4, 4))
    ax.plot([0, 1], [0, 1], color="grey", lw=1)
    ax.bar([(b + 0.5) / BINS for b, *_ in rows], [a for _, _, a, _ in rows], width=0.9 / BINS, color="#4670c8")
    ax.plot([c for _, c, _, _ in rows], [c for _, c, _, _ in rows], "r_", ms=12)
    ax.set(xlim=(0, 1), ylim=(0, 1), xlabel="confidence", ylabel="share strictly right",
           title="event confidence reliability")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path
