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


def test_ray_stops_an_article_over_its_budget_and_goes_on():
    import test_budget
    from sitrep.distributed import ray_pipe

    ray.cloudpickle.register_pickle_by_value(test_budget)   # Ray's workers cannot import the tests
    pipe = Pipeline([NlpStage(), test_budget.Loop()])
    arts = [Article(text=f"Envoy {i} met officials in Ankara on Monday." + (" LOOP" if i == 1 else ""))
            for i in range(4)]
    try:
        outs = list(ray_pipe(pipe, arts, num_workers=1, batch_size=2, article_timeout=1))
    finally:
        ray.shutdown()
    assert [o.ok for o in outs] == [True, False, True, True]
    f = outs[1].failure
    assert f.code == "E202" and f.stage == "loop" and "time budget of 1.0 s" in f.reason
