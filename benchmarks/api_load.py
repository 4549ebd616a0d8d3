"""The API under load: 20 concurrent clients over the main read endpoints, on both backends.

    PYTHONPATH=src python benchmarks/api_load.py [--clients 20] [--requests 30] [--duckdb PATH] [--pg URL]
                                                 [--no-pg] [--pg-workers 2] [--json]

Builds the demo store (``sitrep demo``) once, copies its documents into a PostgreSQL database (``--pg URL``,
else a temporary server started with ``pgserver`` when it is installed), starts ``sitrep serve`` on each
backend in its own process, warms every endpoint up, then runs ``--clients`` threads, each sending
``--requests`` requests over one keep-alive connection, cycling through :data:`ENDPOINTS`, with the
server's read cache (the default) and without it (``--no-cache``: every request queries the store); PostgreSQL
also with ``sitrep serve --workers`` ``--pg-workers`` processes (the keep-alive connections spread over them). Prints the
latency p50/p95 per endpoint and over all requests, and requests/s; writes
``benchmarks/results/api_load-latest.json``. Target (issue #16): p95 <= 100 ms at 20 clients.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _pg import temporary_postgres

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "api_load-latest.json"

#: what the dashboard asks for first, and the searches and filters people use most
ENDPOINTS = ("/stats", "/events?limit=50", "/actors?limit=50", "/timeline?limit=100", "/graph", "/search?q=syria",
             "/places", "/quotes?limit=50", "/articles?limit=20", "/report", "/events?type=ASSAULT&limit=50",
             "/timeline/histogram?bucket=week")


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return round(values[min(len(values) - 1, int(round(q * (len(values) - 1))))], 1)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("SITREP_TOKEN", None)
    return env


def build_demo(path: Path) -> None:
    subprocess.run([sys.executable, "-m", "sitrep", "demo", "--db", str(path)], check=True, env=_env(),
                   stdout=subprocess.DEVNULL)


def copy_to_pg(duck: Path, url: str) -> None:
    """The demo's documents, failures and duplicates copied into the PostgreSQL store at ``url``."""
    from sitrep.situation.store import Store

    with Store(duck, read_only=True) as src, Store(url) as dst:
        if dst.counts()["articles"]:
            return
        dst.add_documents(src.documents())
        dst.write_batch(src.failures())
        for d in src.query("SELECT id, duplicate_of, origin FROM duplicates"):
            dst.con.execute("INSERT INTO duplicates VALUES (?, ?, ?, now()) ON CONFLICT DO NOTHING",
                            [d["id"], d["duplicate_of"], d["origin"]])


class Server:
    """``sitrep serve`` in a process of its own."""

    def __init__(self, db: str, cache: bool = True, workers: int = 1):
        self.port = _free_port()
        self.proc = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", db, "--port", str(self.port),
                                      "--cache" if cache else "--no-cache", "--workers", str(workers)],
                                     env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def __enter__(self) -> "Server":
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                c.request("GET", "/stats")
                if c.getresponse().status == 200:
                    return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("the server did not start")

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def load(port: int, clients: int, requests: int) -> dict:
    """``clients`` threads, ``requests`` each over one keep-alive connection; latency per endpoint."""
    times: dict[str, list[float]] = {e: [] for e in ENDPOINTS}
    errors = []
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)

    def client(k: int) -> None:
        con = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine: list[tuple[str, float]] = []
        start.wait()
        for i in range(requests):
            path = ENDPOINTS[(k + i) % len(ENDPOINTS)]
            t = time.perf_counter()
            con.request("GET", path, headers={"Host": "127.0.0.1"})
            resp = con.getresponse()
            resp.read()
            mine.append((path, (time.perf_counter() - t) * 1000))
            if resp.status != 200:
                errors.append((path, resp.status))
        with lock:
            for p, ms in mine:
                times[p].append(ms)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    every = [ms for v in times.values() for ms in v]
    return {"clients": clients, "requests": len(every), "errors": len(errors), "requests_per_s": round(len(every) / wall, 1),
            "p50_ms": _pct(every, 0.5), "p95_ms": _pct(every, 0.95),
            "endpoints": {e: {"p50_ms": _pct(v, 0.5), "p95_ms": _pct(v, 0.95)} for e, v in times.items() if v}}


def alone(port: int, rounds: int = 5) -> dict:
    """Each endpoint's median latency with one client (what the load is compared with)."""
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    out = {}
    for path in ENDPOINTS:
        ts = []
        for _ in range(rounds):
            t = time.perf_counter()
            con.request("GET", path, headers={"Host": "127.0.0.1"})
            con.getresponse().read()
            ts.append((time.perf_counter() - t) * 1000)
        out[path] = round(statistics.median(ts), 1)
    return out


def run_backend(db: str, clients: int, requests: int, cache: bool = True, workers: int = 1) -> dict:
    with Server(db, cache, workers) as srv:
        single = alone(srv.port)  # also the warm-up
        result = load(srv.port, clients, requests)
    result["alone_p50_ms"] = single
    return result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=30, help="Requests per client.")
    ap.add_argument("--duckdb", type=Path, default=None, help="The demo store (built when missing).")
    ap.add_argument("--pg", default=None, help="A PostgreSQL URL to copy the demo into (else pgserver).")
    ap.add_argument("--no-pg", action="store_true", help="DuckDB only.")
    ap.add_argument("--pg-workers", type=int, default=2, help="PostgreSQL is also served by this many processes.")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    tmp = Path(tempfile.mkdtemp(prefix="sitrep-api-load-"))
    results = {}
    try:
        duck = args.duckdb or tmp / "demo.duckdb"
        if not duck.exists():
            build_demo(duck)
        for cache in (True, False):
            results["duckdb" + ("" if cache else " (--no-cache)")] = run_backend(str(duck), args.clients,
                                                                                args.requests, cache)
        with contextlib.ExitStack() as stack:
            url = args.pg
            if url is None and not args.no_pg:
                pg_server = stack.enter_context(temporary_postgres("sitrep-api-load-pg-"))
                if pg_server is not None:
                    pg_server.psql("CREATE DATABASE api_load;")
                    url = pg_server.get_uri("api_load")
            if url:
                copy_to_pg(duck, url)
                for workers in (1, args.pg_workers):
                    for cache in (True, False):
                        flags = ([f"--workers {workers}"] if workers > 1 else []) + ([] if cache else ["--no-cache"])
                        results["postgresql" + (f" ({', '.join(flags)})" if flags else "")] = run_backend(
                            url, args.clients, args.requests, cache, workers)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    for name, r in results.items():
        print(f"{name}: {r['clients']} clients, {r['requests']} requests, {r['errors']} errors: "
              f"{r['requests_per_s']} requests/s, p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms")
        for e, v in r["endpoints"].items():
            print(f"  {e:<34} p50 {v['p50_ms']:>7} ms  p95 {v['p95_ms']:>7} ms  alone {r['alone_p50_ms'][e]:>6} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
