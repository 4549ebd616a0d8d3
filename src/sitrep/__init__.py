"""sitrep: news articles in, a living model of a geopolitical situation out.

    >>> import sitrep
    >>> doc = sitrep.extract("Russian jets bombed rebel positions in Idlib on Monday.", published="2024-12-03")
    >>> [e.type for e in doc.events]                                     # doctest: +SKIP
    ['ASSAULT']
"""

from __future__ import annotations

from typing import Iterable, Iterator, Optional, Union

from .core.article import Article, ArticleState, Failure
from .core.contract import Document
from .core.errors import EmptyTextError, SitrepError
from .core.version import __version__
from . import moved as _moved  # noqa: F401  (answers the old import paths of moved modules)
from .pipeline import Outcome, Pipeline, default_pipeline

__all__ = ["Article", "ArticleState", "Document", "Failure", "Outcome", "Pipeline", "SitrepError", "Store",
           "extract", "extract_many", "default_pipeline", "__version__"]


def __getattr__(name: str):
    if name == "Store":
        from .situation.store import Store  # on first use: DuckDB's import cost stays out of `import sitrep`

        return Store
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")


def extract(text: str, *, published: Optional[str] = None, title: Optional[str] = None,
            source: Optional[str] = None, url: Optional[str] = None, id: Optional[str] = None,
            kb: Iterable[str] = (), pipeline: Optional[Pipeline] = None) -> Document:
    """Read one article's text and return its :class:`~sitrep.contract.Document`.

    Raises :class:`~sitrep.errors.SitrepError` (with the article id and stage) when it cannot.
    """
    article = Article(text=text, id=id or "", title=title, source=source, url=url, published=published)
    if not article.text:
        raise EmptyTextError("the text is empty", article_id=article.id)
    pipe = pipeline or default_pipeline(tuple(str(p) for p in kb))
    return pipe(article)


def extract_many(articles: Iterable[Union[Article, str, dict]], *, n_process: int = 1,
                 kb: Iterable[str] = (), pipeline: Optional[Pipeline] = None,
                 article_timeout: Optional[float] = None) -> Iterator[Outcome]:
    """Process many articles (``Article`` objects, texts, or dicts with the JSONL fields), in order.

    Yields one :class:`~sitrep.pipeline.Outcome` per article: ``.document`` or ``.failure``. Each
    article has a time budget of ``article_timeout`` seconds (default: :mod:`sitrep.limits`; 0: none); one
    over it is stopped and comes out as a failure with code E202.
    """
    pipe = pipeline or default_pipeline(tuple(str(p) for p in kb))

    def _articles():
        for a in articles:
            if isinstance(a, Article):
                yield a
            elif isinstance(a, str):
                yield Article(text=a)
            else:
                yield Article(**{k: v for k, v in a.items() if k in Article.__dataclass_fields__})

    return pipe.pipe(_articles(), n_process=n_process, article_timeout=article_timeout)
