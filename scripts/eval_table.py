#!/usr/bin/env python3
"""Regenerate the README's evaluation table (between <!-- eval-table --> and <!-- /eval-table -->) from
the JSON results of `sitrep eval`, with the command that produced each figure, and the performance
table (between <!-- perf-table --> and <!-- /perf-table -->), the reliability table (hostile corpus,
cost of the time budget; between <!-- reliability-table --> and <!-- /reliability-table -->), the Ray
table (<!-- ray-table -->) and the store and API table (<!-- scale-table -->) from
benchmarks/results/*-latest.json.

    python scripts/eval_table.py --run            # run the suites (needs shared/data), then write
    python scripts/eval_table.py                  # rebuild from eval/results/*.json
    python scripts/eval_table.py --check          # exit 1 when the README is not up to date

Results are kept in eval/results/SUITE.json without their details (which quote the gold data).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "eval" / "results"
README = ROOT / "README.md"
BENCH = ROOT / "benchmarks" / "results"

NEWS_SHOWN = ["event type precision", "event type recall", "event type+source+target precision",
              "event type+source+target recall", "event confidence ECE", "quote speaker accuracy",
              "claim precision", "claim recall", "place precision", "place recall"]
#: the French set (eval/fr, the news set's format and rules): issue #18's figures first
FR_SHOWN = ["articles read as French", "event type+source+target precision", "event type+source+target recall",
            "event type precision", "quote speaker accuracy", "quote recall", "place precision", "place recall"]
#: the short-report set (eval/short, authored): issue #14's two short-report figures and the no-event rate
SHORT_SHOWN = ["top event type acceptable", "top type weighted F1", "top event type acceptable (monitor)",
               "top type weighted F1 (snippet)", "no event where gold has one"]
#: the figures shown, per suite, in order
SHOWN = {
    "seed": ["required events found", "must-not errors", "event precision", "quotes found",
             "quotes with right speaker", "relations found", "places right", "dates right", "claims found",
             "contradictions found"],
    "plover": ["event type accuracy", "mode accuracy", "source accuracy", "target accuracy"],
    "polnear": ["content (all) precision", "content (all) recall", "content (all) F1", "source (all) F1",
                "content (quoted) F1", "source (quoted) F1"],
    "lgl": ["toponym precision", "toponym recall", "toponym F1", "accuracy@161km", "mean error km"],
    "news": NEWS_SHOWN,
    "news-held": NEWS_SHOWN,
    "fr": FR_SHOWN,
    "fr-held": FR_SHOWN,
    "short": SHORT_SHOWN,
    "short-held": SHORT_SHOWN,
}
#: a result file that is another split of a suite: name -> (suite, extra arguments)
VARIANTS = {"news": ("news", ["--split", "dev"]), "news-held": ("news", ["--split", "held"]),
            "fr": ("fr", ["--split", "dev"]), "fr-held": ("fr", ["--split", "held"]),
            "short": ("short", ["--split", "dev"]), "short-held": ("short", ["--split", "held"])}
#: the held-back splits: run only when asked (once per change)
HELD = ("news-held", "fr-held", "short-held")


def run_suites(suites: list[str], data: str | None, limits: dict[str, int] | None = None) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    if data:
        env["SITREP_EVAL_DATA"] = data
    for suite in suites:
        out = RESULTS / f"{suite}.json"
        real, extra = VARIANTS.get(suite, (suite, []))
        cmd = [sys.executable, "-m", "sitrep.evaluation", "eval", real, *extra, "--json", str(out)]
        if limits and suite in limits:
            cmd += ["--limit", str(limits[suite])]
        print("running:", " ".join(cmd[2:]), flush=True)
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr)
            raise SystemExit(f"`sitrep eval {suite}` failed (exit {proc.returncode})")
        res = json.loads(out.read_text(encoding="utf-8"))
        res.pop("details", None)          # they quote the gold data, which stays out of the repository
        res.pop("data", None)             # a local path
        res["commit"] = _git("rev-parse", "--short", "HEAD")
        out.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""


def _value(m: dict) -> str:
    v = m.get("value")
    num, den = m.get("numerator"), m.get("denominator")
    frac = f" ({int(num)}/{int(den)})" if den is not None and num is not None else ""
    if v is None:
        return "n/a" + frac
    if m.get("kind") == "count":
        return str(int(v))
    if m.get("kind") == "km":
        return f"{v:.0f} km"
    return f"{v:.3f}{frac}"


def eval_table(results: dict[str, dict]) -> str:
    lines = ["| suite | figure | value | command |", "|---|---|---|---|"]
    for suite in SHOWN:
        res = results.get(suite)
        if res is None:
            continue
        metrics = {m["name"]: m for m in res.get("metrics", [])}
        cmd = res.get("command") or f"sitrep eval {suite}"
        for name in SHOWN[suite]:
            if name in metrics:
                lines.append(f"| {suite} | {name} | {_value(metrics[name])} | `{cmd}` |")
    when = sorted({r.get("commit", "") for r in results.values() if r.get("commit")})
    lines.append("")
    lines.append("Generated by `scripts/eval_table.py` from `eval/results/*.json`"
                 + (f" (commit {', '.join(when)})" if when else "") + "; the gold data are the development sets "
                 "in `../shared/data` (see DEVELOPERS.md); "
                 "`scripts/check_floors.py` keeps the floors in `eval/floors.json`.")
    return "\n".join(lines)


def perf_table() -> str | None:
    tp, mem = BENCH / "throughput-latest.json", BENCH / "memory-latest.json"
    if not tp.is_file():
        return None
    t = json.loads(tp.read_text())
    lines = ["| processes | parse only (a), articles/s | full pipeline (b), articles/s | (b), words/s | (b)/(a) wall "
             "| (b)/(a) CPU | speed-up of (b) |", "|---|---|---|---|---|---|---|"]
    for r in t["rows"]:
        sp = f"{r['speedup_full']:.2f}x" if r.get("speedup_full") else "-"
        cpu = f"{r['ratio_cpu']:.2f}" if r.get("ratio_cpu") else "-"
        lines.append(f"| {r['processes']} | {r['parse_articles_s']:.1f} | {r['full_articles_s']:.1f} | "
                     f"{r['full_words_s']:.0f} | {r['ratio']:.2f} | {cpu} | {sp} |")
    m, c = t["machine"], t["corpus"]
    lines.append("")
    extra = ""
    if mem.is_file():
        mm = json.loads(mem.read_text())
        extra = f" Peak RSS of one worker: {mm['peak_rss_mb']:.0f} MB (`benchmarks/memory.py`)."
    prof = BENCH / "profile_stages-latest.json"
    if prof.is_file():
        secs = {x["stage"]: x["seconds"] for x in json.loads(prof.read_text())["stages"]}
        if secs.get("nlp"):
            apd = sum(secs.get(k, 0.0) for k in ("actors", "places", "dates")) / secs["nlp"]
            extra += (f" Actors + places + dates cost {apd:.0%} on top of the parse "
                      f"(`benchmarks/profile_stages.py`; budget 25%).")
    lines.append(f"`benchmarks/throughput.py` on {c['articles']} articles ({c['words']} words: "
                 f"{c['examples']} bundled examples x {c['example_repeats']} and {c['synthetic']} synthetic), "
                 f"{m['cpu']}, {m['cpus']} CPUs"
                 + (f" (load average {m['load_average_1min']:.1f} before it ran)" if m.get("load_average_1min") else "")
                 + f", Python {m['python']}, spaCy {m['spacy']}, commit {m['commit']}, "
                 f"{m['date'][:10]}"
                 + (f"; pool workers started by {t['start_method']}" if t.get("start_method") else "")
                 + f".{extra} Targets: (b)/(a) >= 0.6 on one process, >= 1.7x with two, <= 1 GB per worker.")
    return "\n".join(lines)


def _machine_note(m: dict) -> str:
    load = f", load average {m['load_average_1min']:.1f} before it ran" if m.get("load_average_1min") else ""
    return f"{m['cpu']}, {m['cpus']} CPUs{load}, commit {m['commit']}, {m['date'][:10]}"


def reliability_table() -> str | None:
    """The hostile-corpus counts (benchmarks/hostile.py) and what the time budget costs (throughput.py with
    the default budget, ``--result-name throughput-budget-on``, against ``--article-timeout 0``), for the
    README's Limits section."""
    hostile, on, off = (BENCH / f"{n}-latest.json" for n in ("hostile", "throughput-budget-on", "throughput-budget-off"))
    if not hostile.is_file() and not off.is_file():
        return None
    lines = []
    if hostile.is_file():
        h = json.loads(hostile.read_text())
        fails = ", ".join(f"{k} {v}" for k, v in h["failures"].items()) or "none"
        lines += ["| hostile corpus (`benchmarks/hostile.py`) | count |", "|---|---|",
                  f"| articles read | {h['read']:,} |", f"| documents | {h['documents']:,} |",
                  f"| typed failures | {sum(h['failures'].values())} ({fails}) |",
                  f"| hangs: stopped at their time budget (E202) | {h['over_budget']} |",
                  f"| workers lost (E203) | {h['workers_lost']} |", f"| ids lost | {h['lost']} |",
                  f"| crashes of the run | {0 if h['crashed'] is None else 1} |", "",
                  f"{h['read']:,} generated hostile articles (`sitrep.testing.hostile`) in {h['seconds']:.0f} s "
                  f"({h['articles_per_s']} articles/s, {h.get('processes', 1)} process), "
                  + (_machine_note(h["machine"]) if h.get("machine") else "") + "."]
    if off.is_file() and on.is_file():
        t_on, t_off = json.loads(on.read_text()), json.loads(off.read_text())
        rows_off = {r["processes"]: r for r in t_off["rows"]}
        if lines:
            lines.append("")
        lines += ["| processes | budgets off, articles/s | budgets on (default), articles/s | on/off wall "
                  "| on/off CPU |", "|---|---|---|---|---|"]
        for r in t_on["rows"]:
            o = rows_off.get(r["processes"])
            if o is None:
                continue
            cpu = f"{o['full_cpu_s'] / r['full_cpu_s']:.3f}" if r.get("full_cpu_s") and o.get("full_cpu_s") else "-"
            lines.append(f"| {r['processes']} | {o['full_articles_s']:.1f} | {r['full_articles_s']:.1f} | "
                         f"{r['full_articles_s'] / o['full_articles_s']:.3f} | {cpu} |")
        lines += ["", f"The full pipeline over the same {t_on['corpus']['articles']} articles of "
                      f"`benchmarks/throughput.py`, once with the default budget (budgets on: {_machine_note(t_on['machine'])}) "
                      f"and once with `--article-timeout 0` ({_machine_note(t_off['machine'])}); on/off is the "
                      f"throughput ratio (CPU: CPU seconds off / on, the figure to trust on a busy machine). "
                      f"Target: on/off >= 0.95."]
    alternating = BENCH / "budget-throughput-latest.json"
    if alternating.is_file():
        b = json.loads(alternating.read_text())
        for r in b.get("throughput", []):
            lines += ["", f"`benchmarks/budget.py` (budgets off and on alternating in one run, best of each, "
                          f"{r['processes']} process, {r['articles']} articles; {_machine_note(b['machine'])}): "
                          f"on/off {r['throughput_ratio_wall']:.3f} wall ({r['articles_s_off']:.1f} and "
                          f"{r['articles_s_on']:.1f} articles/s), {r['throughput_ratio_cpu']:.3f} CPU."]
    return "\n".join(lines)


def ray_table() -> str | None:
    """The Ray figures (benchmarks/ray_ingest.py) beside the process pool's, from the same run."""
    path = BENCH / "ray_ingest-latest.json"
    if not path.is_file():
        return None
    t = json.loads(path.read_text())
    lines = ["| run | articles/s (steady) | of `pipe(n_process=2)` |", "|---|---|---|"]
    lines += [f"| {r['run']} | {r['articles_s']:.1f} | {r['ratio_to_pipe']:.2f} |" for r in t["rows"]]
    m, c = t["machine"], t["corpus"]
    lines.append("")
    lines.append(f"`benchmarks/ray_ingest.py` on {c['articles']} articles ({c['words']} words), best of "
                 f"{t['rounds']} runs each after {t['warm_up']} warm-up articles, batches of {t['batch_size']}; "
                 f"a local Ray {t['ray']}, {m['cpu']}, {m['cpus']} CPUs"
                 + (f" (load average {m['load_average_1min']:.1f} before it ran)" if m.get("load_average_1min") else "")
                 + f", commit {m['commit']}, {m['date'][:10]}. Target: 2 Ray workers >= "
                 f"{t['target_ratio']} of the process pool."
                 + (f" In the same run one process wrote {t['duckdb_writes_s']:.0f} documents/s to DuckDB "
                    "(`Store.write_batch`, batches of 8): the ceiling of an ingest whose driver writes."
                    if t.get("duckdb_writes_s") else ""))
    return "\n".join(lines)


#: the p95 target of a dashboard query on a 1M-event store (issue #16)
QUERY_P95_MS = 150.0


def _within(queries: dict, limit: float = QUERY_P95_MS) -> tuple[int, list[str]]:
    over = [name for name, q in queries.items() if q["p95_ms"] > limit]
    return len(queries) - len(over), over


def scale_table() -> str | None:
    """The README's "Teams and scale" table, from benchmarks/results/{store_queries,api_load,store_writes}-latest.json."""
    sq, al, sw = (BENCH / f"{n}-latest.json" for n in ("store_queries", "api_load", "store_writes"))
    if not (sq.is_file() and al.is_file() and sw.is_file()):
        return None
    q, load, w = (json.loads(p.read_text()) for p in (sq, al, sw))
    backends = [b for b in ("duckdb", "postgresql") if b in q]
    lines = ["| | " + " | ".join({"duckdb": "DuckDB", "postgresql": "PostgreSQL"}[b] for b in backends) + " |",
             "|---|" + "---|" * len(backends)]
    cells = []
    for b in backends:
        n, over = _within(q[b]["queries"])
        cells.append(f"{n} of {len(q[b]['queries'])}" + (f" (over: {', '.join(over)})" if over else ""))
    events = q[backends[0]]["events"]
    lines.append(f"| dashboard queries on {events:,} events within p95 {QUERY_P95_MS:.0f} ms | " + " | ".join(cells) + " |")
    pick = ("events()", "events(actor=)", "quotes(speaker=)")
    lines.append("| a page of events, an actor's events, an actor's quotes: p95 ms | "
                 + " | ".join(" / ".join(f"{q[b]['queries'][k]['p95_ms']:.0f}" for k in pick) for b in backends) + " |")
    workers = sorted({k.split("--workers ")[1].split(")")[0].split(",")[0] for k in load if "--workers" in k})
    rows = [("API, 20 clients, the demo store: requests/s, p95 ms (read cache on)", ""),
            ("the same with `--no-cache`", " (--no-cache)")]
    for n in workers:  # `sitrep serve --workers N` (PostgreSQL only)
        rows += [(f"the same with `--workers {n}` (read cache on)", f" (--workers {n})"),
                 (f"the same with `--workers {n} --no-cache`", f" (--workers {n}, --no-cache)")]
    for label, suffix in rows:
        lines.append(f"| {label} | " + " | ".join(
            f"{load[b + suffix]['requests_per_s']:,.0f}, {load[b + suffix]['p95_ms']:.0f}" if b + suffix in load else "-"
            for b in backends) + " |")
    writes = []
    for b in backends:
        rows = w.get(b) or []
        writes.append("; ".join(f"{r['docs_per_s']:.0f} ({r['rows_per_s']:,}) with {r['writers']}" for r in rows) or "-")
    lines.append("| writes: documents/s (fact rows/s) with N writers | " + " | ".join(writes) + " |")
    lines.append("")
    lines.append("Generated by `scripts/eval_table.py` from `benchmarks/results/` (`store_queries.py`, `api_load.py`, "
                 "`store_writes.py`).")
    return "\n".join(lines)


def replace_block(text: str, tag: str, body: str) -> str:
    pat = re.compile(rf"(<!-- {tag} -->\n).*?(\n?<!-- /{tag} -->)", re.S)
    if not pat.search(text):
        raise SystemExit(f"README has no <!-- {tag} --> ... <!-- /{tag} --> markers")
    return pat.sub(lambda m: m.group(1) + body + "\n" + m.group(2).lstrip("\n"), text, count=1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--run", action="store_true", help="run the suites first (needs the data)")
    ap.add_argument("--suites", nargs="+", default=[x for x in SHOWN if x not in HELD],
                    help="suites to run (news-held, fr-held and short-held, the held-back thirds of the news, "
                         "French and short-report sets, only when asked: once per change)")
    ap.add_argument("--data", default=None)
    ap.add_argument("--readme", default=str(README))
    ap.add_argument("--check", action="store_true", help="fail when the README is out of date")
    ap.add_argument("--limit", action="append", default=[], metavar="SUITE=N",
                    help="score only the first N items of a suite (the command in the table says so)")
    args = ap.parse_args(argv)
    if args.run:
        limits = {k: int(v) for k, _, v in (x.partition("=") for x in args.limit)}
        run_suites(args.suites, args.data, limits)
    results = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(RESULTS.glob("*.json"))}
    readme = Path(args.readme)
    text = readme.read_text(encoding="utf-8")
    new = replace_block(text, "eval-table", eval_table(results))
    perf = perf_table()
    if perf is not None and "<!-- perf-table -->" in new:
        new = replace_block(new, "perf-table", perf)
    reliability = reliability_table()
    if reliability is not None and "<!-- reliability-table -->" in new:
        new = replace_block(new, "reliability-table", reliability)
    rays = ray_table()
    if rays is not None and "<!-- ray-table -->" in new:
        new = replace_block(new, "ray-table", rays)
    scale = scale_table()
    if scale is not None and "<!-- scale-table -->" in new:
        new = replace_block(new, "scale-table", scale)
    if args.check:
        if new != text:
            print("README evaluation table is out of date: run scripts/eval_table.py")
            return 1
        return 0
    if new != text:
        readme.write_text(new, encoding="utf-8")
        print(f"updated {readme}")
    else:
        print("README already up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
