#!/usr/bin/env python3
"""Peak resident memory of one worker: this process loads the full pipeline and runs it over the
benchmark corpus; prints the RSS after loading and the peak (target: <= 1 GB), writes JSON. (The batches
run in this process, ``article_timeout=0``: with a time budget they would run in a worker process.)

    PYTHONPATH=src python benchmarks/memory.py [--synthetic 500] [--repeat 10]
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from _corpus import corpus, machine, write_result

from sitrep.pipeline import Pipeline


def rss_mb() -> float:
    """Current resident set size (Linux /proc; falls back to the peak)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return peak_mb()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--synthetic", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args()
    articles, info = corpus(args.synthetic, args.repeat)
    start = rss_mb()
    pipe = Pipeline()
    list(pipe.pipe(articles[:2], article_timeout=0))
    loaded = rss_mb()
    t0 = time.perf_counter()
    n = sum(1 for _ in pipe.pipe(articles, article_timeout=0))
    secs = time.perf_counter() - t0
    data = {"corpus": info, "machine": machine(), "rss_start_mb": start, "rss_loaded_mb": loaded,
            "rss_end_mb": rss_mb(), "peak_rss_mb": peak_mb(), "articles": n, "seconds": secs, "target_mb": 1024}
    print(f"RSS at start {start:.0f} MB, pipeline loaded {loaded:.0f} MB, "
          f"after {n} articles {data['rss_end_mb']:.0f} MB; peak {data['peak_rss_mb']:.0f} MB (target <= 1024 MB)")
    print(f"written: {write_result('memory', data)}")


if __name__ == "__main__":
    main()
