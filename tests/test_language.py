"""Language detection and refusal (issue #18): the ``language`` stage, its detector and its cache, and the
typed refusal of unsupported languages in ``extract``, ``ingest`` and the API."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sitrep.article import Article, ArticleState
from sitrep.errors import SitrepError, UnsupportedLanguageError
from sitrep.lang.langid import Detector, Guess, language_name, latin_share, load_detector
from sitrep.pipeline import STAGES, Pipeline, default_pipeline
from sitrep.stages.language import LanguageStage, normalise_tag
from sitrep.stages.resources import Resources

EN_LEAD = ("Syrian rebels captured most of Aleppo on Saturday, a war monitor said, in the biggest offensive "
           "against government forces in years. Russian jets struck rebel positions near Idlib overnight.")
FR_LEAD = ("Les rebelles syriens ont pris le contrôle de la majeure partie d'Alep samedi, a déclaré "
           "l'Observatoire syrien des droits de l'homme, au terme d'une offensive éclair.")
EL_LEAD = ("Οι Σύροι αντάρτες κατέλαβαν το μεγαλύτερο μέρος του Χαλεπιού το Σάββατο, ανέφερε το "
           "Συριακό Παρατηρητήριο για τα Ανθρώπινα Δικαιώματα.")
AR_LEAD = "سيطرت فصائل المعارضة السورية على معظم مدينة حلب يوم السبت، بحسب المرصد السوري لحقوق الإنسان."
DE_LEAD = ("Syrische Rebellen haben am Samstag den Großteil von Aleppo unter ihre Kontrolle gebracht, teilte "
           "eine Beobachtungsstelle in London mit.")
NAMES = "Erdogan, Putin and Raisi meet in Astana"


class FixedDetector:
    """A detector that always gives the same ranking (the stage's decisions without the model)."""

    def __init__(self, *ranking: tuple[str, float]):
        self.ranking = tuple(ranking)

    def detect(self, text: str) -> Guess:
        return Guess(language=self.ranking[0][0], confidence=self.ranking[0][1], ranking=self.ranking)


def decide(text: str, *ranking: tuple[str, float], given: str | None = None, **config) -> ArticleState:
    stage = LanguageStage(**config).use_resources(Resources(language_detector=FixedDetector(*ranking)))
    return stage(ArticleState(Article(text=text, id="t", language=given)))


# -- the detector ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [(EN_LEAD, "en"), (FR_LEAD, "fr"), (EL_LEAD, "el"), (AR_LEAD, "ar"),
                                        (DE_LEAD, "de")])
def test_the_detector_reads_a_lead_in_each_language_with_confidence(text, lang):
    guess = load_detector().detect(text)
    assert guess.language == lang and guess.confidence >= 0.8
    assert guess.probability(lang) == guess.confidence and 0 <= guess.probability("zu") < 0.05


def test_a_line_of_names_gets_a_weak_guess():
    guess = load_detector().detect(NAMES)
    assert guess.confidence < 0.5


def test_the_cached_model_gives_the_archives_answers(tmp_path, monkeypatch):
    from sitrep.lang import langid

    monkeypatch.setenv("SITREP_CACHE", str(tmp_path))
    cached = Detector(langid._load_identifier(use_cache=True))
    (folder,) = list(tmp_path.iterdir())
    assert folder.name.startswith("py3langid-") and {p.name for p in folder.iterdir()} == {
        f"{n}.npy" for n in langid._ARRAYS}
    again = Detector(langid._load_identifier(use_cache=True))  # read from the cache this time
    plain = Detector(langid._load_identifier(use_cache=False))
    for text in (EN_LEAD, FR_LEAD, EL_LEAD, NAMES):
        a, b, c = cached.detect(text), again.detect(text), plain.detect(text)
        assert a.language == b.language == c.language
        assert abs(a.confidence - c.confidence) < 1e-3 and a.ranking[:5] == b.ranking[:5]


def test_an_unwritable_cache_falls_back_to_the_archive(tmp_path, monkeypatch):
    from sitrep.lang import langid

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SITREP_CACHE", str(blocker / "sub"))
    assert Detector(langid._load_identifier()).detect(FR_LEAD).language == "fr"


def test_scripts_tags_and_names():
    assert latin_share(EN_LEAD) == 1.0 and latin_share(EL_LEAD) == 0.0 and latin_share("1 2 3") is None
    assert latin_share("Alep Χαλέπι") == 0.4
    assert [normalise_tag(t) for t in ("fr", "FR", "fr-FR", "fr_CA", "fra", " en ", "", None)] == \
        ["fr", "fr", "fr", "fr", "fr", "en", None, None]
    assert language_name("el") == "Greek" and language_name("fr") == "French" and language_name("xx") == "xx"


# -- the stage's decisions ---------------------------------------------------------------------------------

def test_the_stage_comes_first_in_the_default_pipeline():
    assert list(STAGES)[0] == "language"
    assert Pipeline().describe()[0] == {"name": "language", "needs": ["article"], "assigns": ["language"]}
    assert LanguageStage.default_config()["min_confidence"] == 0.7


def test_a_confident_supported_language_is_read_as_it():
    st = decide(EN_LEAD, ("en", 0.99), ("fr", 0.01))
    assert (st.language, st.language_confidence, st.warnings) == ("en", 0.99, [])
    st = decide(FR_LEAD, ("fr", 0.95), ("en", 0.01), supported=("en", "fr"))
    assert (st.language, st.language_confidence) == ("fr", 0.95)


def test_english_is_english_at_any_confidence():
    st = decide("Talks resumed.", ("en", 0.15), ("fr", 0.1))
    assert (st.language, st.language_confidence, st.warnings) == ("en", 0.15, [])


def test_a_confident_unsupported_language_is_refused_with_its_language_and_confidence():
    with pytest.raises(UnsupportedLanguageError) as info:
        decide(DE_LEAD, ("de", 0.97), ("en", 0.01))
    err = info.value
    assert (err.code, err.kind, err.language, err.confidence, err.stage) == (
        "E204", "unsupported_language", "de", 0.97, "language")
    assert err.article_id == "t" and "German (de, confidence 0.97)" in err.message
    assert "sitrep reads English (en)" in err.message


def test_a_weak_guess_is_read_as_english_with_a_warning():
    st = decide(NAMES, ("fi", 0.14), ("en", 0.05))
    assert (st.language, st.language_confidence) == ("en", 0.05)
    (w,) = st.warnings
    assert w.startswith("language unsure: the text reads most like Finnish (fi, confidence 0.14)")
    assert "read as English (en)" in w


def test_a_text_in_another_script_is_never_read_as_english():
    with pytest.raises(UnsupportedLanguageError, match=r"Greek \(el, confidence 0.30\).*100% non-Latin") as info:
        decide(EL_LEAD, ("el", 0.30), ("en", 0.2))
    assert info.value.language == "el"
    # even where the model's best guess is a language sitrep reads, the refusal names another one
    with pytest.raises(UnsupportedLanguageError) as info:
        decide(AR_LEAD, ("en", 0.4), ("fa", 0.3), ("ar", 0.2))
    assert info.value.language == "fa"


def test_a_given_language_is_respected_and_checked():
    st = decide(EN_LEAD, ("en", 0.99), given="EN")
    assert (st.language, st.warnings) == ("en", [])
    st = decide(FR_LEAD, ("fr", 0.99), ("en", 0.001), given="en")
    assert (st.language, st.language_confidence) == ("en", 0.001)
    (w,) = st.warnings
    assert w.startswith("language mismatch: the article is given as English (en) but its text reads as French "
                        "(fr, confidence 0.99)")
    # a weak other guess is no mismatch
    assert decide(NAMES, ("fi", 0.2), ("en", 0.1), given="en").warnings == []


def test_a_given_unsupported_language_is_refused():
    with pytest.raises(UnsupportedLanguageError, match="as given with the article") as info:
        decide(EN_LEAD, ("en", 0.99), ("el", 0.0), given="el")
    assert info.value.language == "el"


def test_thresholds_are_settings():
    st = decide(DE_LEAD, ("de", 0.8), ("en", 0.1), min_confidence=0.9)
    assert st.language == "en" and st.warnings[0].startswith("language unsure")
    with pytest.raises(SitrepError, match="has no setting 'bogus'"):
        LanguageStage(bogus=1)


# -- through the pipeline ----------------------------------------------------------------------------------

def test_the_document_carries_the_detected_language_and_its_confidence():
    doc = default_pipeline()(Article(text=EN_LEAD, id="en-lead"))
    assert doc.article.language == "en" and doc.article.language_confidence >= 0.9
    assert doc.warnings == [] and doc.events


def test_a_greek_article_is_a_typed_failure_not_english_junk():
    out = default_pipeline().run(Article(text=EL_LEAD, id="el-lead"))
    assert out.document is None
    f = out.failure
    assert (f.code, f.stage, f.article_id) == ("E204", "language", "el-lead")
    assert f.reason.startswith("unsupported language: Greek (el, confidence ")


def test_a_headline_of_names_is_read_as_english_with_a_warning():
    doc = default_pipeline()(Article(text=NAMES, id="names"))
    assert doc.article.language == "en" and doc.warnings[0].startswith("language unsure")


def test_a_pipeline_without_the_stage_reads_english():
    from sitrep.stages.nlp import NlpStage

    doc = Pipeline([NlpStage()])(Article(text=EN_LEAD, id="plain"))
    assert (doc.article.language, doc.article.language_confidence) == ("en", None)


# -- extract, ingest, the API ------------------------------------------------------------------------------

def _mixed(tmp_path):
    f = tmp_path / "mixed.jsonl"
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (
        {"id": "en1", "text": EN_LEAD}, {"id": "el1", "text": EL_LEAD}, {"id": "ar1", "text": AR_LEAD},
        {"id": "en2", "text": EN_LEAD + " Talks resumed in Doha.", "language": "en"})), encoding="utf-8")
    return f


def _run(*args):
    return subprocess.run([sys.executable, "-m", "sitrep", *args], capture_output=True, text=True, timeout=300)


def test_extract_refuses_unsupported_articles_and_gives_the_others(tmp_path):
    f = _mixed(tmp_path)
    r = _run("extract", str(f), "--no-text")
    assert r.returncode == 1
    docs = [json.loads(x) for x in r.stdout.splitlines()]
    assert [(d["article"]["id"], d["article"]["language"]) for d in docs] == [("en1", "en"), ("en2", "en")]
    errors = [x for x in r.stderr.splitlines() if x.startswith("Error:")]
    assert len(errors) == 2
    assert f"Error: {f}:2: [E204] unsupported language: Greek (el, confidence " in errors[0]
    assert f"Error: {f}:3: [E204] unsupported language: Arabic (ar, confidence " in errors[1]
    assert r.stderr.splitlines()[-1] == "read 4, documents 2, duplicates 0, failed 2"
    assert "Traceback" not in r.stderr


def test_ingest_records_the_refusal_in_failures(tmp_path):
    from sitrep.store import Store

    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        result = s.ingest([str(_mixed(tmp_path))])
        assert s.counts()["articles"] == 2
        fails = sorted(s.failures(), key=lambda x: x.article_id)
    assert result.failed == 2
    assert [(x.article_id, x.code, x.stage) for x in fails] == [("ar1", "E204", "language"),
                                                                ("el1", "E204", "language")]
    assert "unsupported language: Greek (el" in fails[1].reason
