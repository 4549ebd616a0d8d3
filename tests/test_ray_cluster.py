"""`sitrep ingest --ray ADDRESS` on a real two-node Ray cluster started on this machine (loopback), with a
worker process killed in the middle of the job: every article must end stored exactly once or recorded as
a failure, and the duplicates named.

The cluster runs with token authentication (Ray's default for new clusters): the test makes a token, gives
it to `ray start` (RAY_AUTH_MODE=token, RAY_AUTH_TOKEN) and to sitrep only as RAY_AUTH_TOKEN. A loopback
cluster may run without it instead: RAY_AUTH_MODE=disabled for `ray start` and for sitrep alike.

Teardown kills this cluster's processes only (those started with its temp dirs, and their children):
`ray stop --force` takes no temp dir and stops every Ray on the machine, other people's included.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

pytest.importorskip("ray")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find a worker")]

ROOT = Path(__file__).resolve().parents[1]
RAY = str(Path(sys.executable).with_name("ray"))
ACTOR = "ExtractActor"      # in the process title of Ray Data's actors: ray::MapWorker(MapBatches(ExtractActor))

CITIES = ["KHARTOUM", "ADEN", "GOMA", "MOSUL", "TRIPOLI", "KHERSON", "BAMAKO", "MOGADISHU", "HODEIDAH", "IDLIB"]
ACTORS = ["Army units", "Rebel fighters", "Police officers", "Militia members", "Government troops"]
VERBS = ["shelled positions near", "clashed with gunmen in", "detained protesters in", "seized a checkpoint outside"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def wire_article(i: int) -> dict:
    """A short wire story, its text distinct for every ``i``."""
    city, place = CITIES[i % len(CITIES)], CITIES[(i * 7 + 3) % len(CITIES)].title()
    who, verb, day = ACTORS[i % len(ACTORS)], VERBS[i % len(VERBS)], DAYS[i % len(DAYS)]
    text = (f"{city}, March {1 + i % 28} (Test Wire) - {who} {verb} {place} on {day}, officials said, "
            f"in the {i + 1}th such report this month.\n"
            f"\"We will respond,\" a spokesman for the governor told reporters. At least {2 + i % 40} people "
            f"were killed and {10 + i % 90} wounded, the local health office said.")
    return {"id": f"wire-{i:04d}", "text": text, "published": "2026-03-28", "source": "Test Wire"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _ppid(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return -1


def _pids() -> list[int]:
    return [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()]


def _cluster_pids(temp_dirs: list[str]) -> set[int]:
    """The processes started with one of ``temp_dirs`` (GCS, raylets, monitors) and their descendants."""
    pids = _pids()
    parent = {p: _ppid(p) for p in pids}
    ours = {p for p in pids if p != os.getpid() and any(d in _cmdline(p) for d in temp_dirs)}
    grew = True
    while grew:
        more = {p for p in pids if parent[p] in ours} - ours
        ours |= more
        grew = bool(more)
    return ours


def _kill(pids: set[int]) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for p in pids:
            try:
                os.kill(p, sig)
            except ProcessLookupError:
                pass
        time.sleep(1)


def _busy_actor(raylets: set[int]) -> int | None:
    """The pid of an extraction actor of this cluster that has started work (its supervised worker
    process, forked on its first batch, is there); one on the second node first."""
    found = []
    for p in _pids():
        parent = _ppid(p)
        if ACTOR in _cmdline(p) and parent in raylets and any(_ppid(c) == p for c in _pids()):
            found.append((parent != min(raylets), p))
    return max(found)[1] if found else None


def _ray_start(args: list[str], env: dict, *, last: bool = True) -> bool:
    r = subprocess.run([RAY, "start", *args], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 or not last, f"ray start {' '.join(args)}: {r.stderr[-3000:]}"
    return r.returncode == 0


@pytest.fixture
def cluster():
    """A head and a second node on loopback, one CPU each; yields (address, env for sitrep, raylet pids)."""
    dirs = [tempfile.mkdtemp(prefix="sitrep-ray-", dir="/tmp") for _ in range(2)]  # short: Ray's socket paths
    token = secrets.token_hex(32)
    env = {**os.environ, "RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": token,
           "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""),
           # a busy machine (CI, other tests) must not get a node declared dead for slow heartbeats
           "RAY_health_check_failure_threshold": "20", "RAY_health_check_timeout_ms": "20000"}
    port = _free_port()
    address = f"127.0.0.1:{port}"

    def ports(*names: str) -> list[str]:
        return [x for n in names for x in (f"--{n}", str(_free_port()))]

    def node() -> list[str]:  # each node its own ports (two nodes on one host)
        return ["--node-ip-address", "127.0.0.1", "--num-cpus", "1", "--disable-usage-stats",
                *ports("dashboard-agent-listen-port", "metrics-export-port", "runtime-env-agent-port")]
    try:
        _ray_start(["--head", "--port", str(port), "--include-dashboard=false", "--temp-dir", dirs[0], *node(),
                    *ports("dashboard-port")], env)
        for attempt in range(3):  # the second node may time out reaching a busy GCS: try again
            ok = _ray_start(["--address", address, "--temp-dir", dirs[-1], *node()], env, last=attempt == 2)
            if ok:
                break
            dirs.append(tempfile.mkdtemp(prefix="sitrep-ray-", dir="/tmp"))
        raylets = {p for p in _cluster_pids(dirs) if "raylet/raylet" in _cmdline(p)}
        assert len(raylets) == 2, "two raylets expected, one per node"
        sitrep_env = {k: v for k, v in env.items() if k != "RAY_AUTH_MODE"}  # sitrep turns token mode on
        yield address, sitrep_env, raylets
    finally:
        _kill(_cluster_pids(dirs))
        for d in dirs:
            shutil.rmtree(d, ignore_errors=True)


def test_ingest_on_two_nodes_survives_a_killed_worker(cluster, tmp_path):
    address, env, raylets = cluster
    records = [wire_article(i) for i in range(300)]
    records += [{**records[5], "id": "wire-copy-a"}, {**records[77], "id": "wire-copy-b"}]  # named duplicates
    src = tmp_path / "wire.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records))
    db = tmp_path / "cluster.duckdb"
    job = subprocess.Popen([sys.executable, "-m", "sitrep", "ingest", str(src), "--db", str(db), "--ray", address,
                            "-j", "2"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed = None
    deadline = time.monotonic() + 150
    while killed is None and job.poll() is None and time.monotonic() < deadline:
        pid = _busy_actor(raylets)
        if pid is not None:
            os.kill(pid, signal.SIGKILL)
            killed = pid
        time.sleep(0.2)
    try:
        out, err = job.communicate(timeout=200)
    finally:
        job.kill()
    assert killed is not None, f"the job ended before a worker could be killed: {err[-2000:]}"
    assert "read 302, " in err, err[-2000:]

    from sitrep.situation.store import Store

    with Store(db, read_only=True) as store:
        stored = [r["id"] for r in store.query("SELECT id FROM articles")]
        failed = [f.article_id for f in store.failures()]
        dups = {r["id"]: r["duplicate_of"] for r in store.query("SELECT id, duplicate_of FROM duplicates")}
    ids = {r["id"] for r in records[:300]}
    assert len(stored) == len(set(stored)), "an article stored twice"
    assert set(stored) | set(failed) == ids and not set(stored) & set(failed)
    assert dups == {"wire-copy-a": "wire-0005", "wire-copy-b": "wire-0077"}
    tally = err.strip().splitlines()[-1]
    assert tally == f"read 302, documents {len(stored)}, duplicates 2, failed {len(failed)}", tally
