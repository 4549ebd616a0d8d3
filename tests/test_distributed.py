import pytest

from sitrep.article import Article
from sitrep.pipeline import Pipeline
from sitrep.stages.nlp import NlpStage

ray = pytest.importorskip("ray")


def test_ray_gives_the_same_outcomes_in_order():
    from sitrep.distributed import ray_pipe

    pipe = Pipeline([NlpStage()])
    arts = [Article(text=f"Envoy {i} met officials in Ankara on Monday.") for i in range(5)]
    local = [o.document for o in pipe.pipe(arts, batch_size=2)]
    try:
        remote = [o.document for o in ray_pipe(pipe, arts, num_workers=1, batch_size=2)]
    finally:
        ray.shutdown()
    assert remote == local


def test_cli_extract_on_ray(tmp_path):
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("Turkish drones struck positions near Manbij on Tuesday.")
    (tmp_path / "b.txt").write_text("The envoy met officials in Doha on Saturday.")
    r = subprocess.run([sys.executable, "-m", "sitrep", "extract", str(tmp_path), "--ray", "local", "-j", "1",
                        "--no-text"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.strip().splitlines()) == 2
