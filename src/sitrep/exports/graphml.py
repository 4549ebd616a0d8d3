"""``graphml``: the actor graph at a date (relations and event counts as edges), as GraphML."""

from __future__ import annotations

from pathlib import Path
from typing import Optional
from xml.etree import ElementTree as ET

from .registry import Format, register

_NODE_KEYS = (("name", "string"), ("kind", "string"), ("country", "string"), ("sector", "string"),
              ("wikidata", "string"), ("n_articles", "int"))
_EDGE_KEYS = (("edge_kind", "string"), ("type", "string"), ("since", "string"), ("until", "string"),
              ("n_reports", "int"), ("n_sources", "int"), ("n_events", "int"), ("first", "string"),
              ("last", "string"), ("evidence", "string"))


def graphml_tree(graph: dict) -> ET.ElementTree:
    """The actor graph of :meth:`sitrep.situation.store.Store.graph` as a GraphML document."""
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", {"xmlns": ns})
    for i, (name, typ) in enumerate(_NODE_KEYS):
        ET.SubElement(root, "key", {"id": f"n{i}", "for": "node", "attr.name": name, "attr.type": typ})
    for i, (name, typ) in enumerate(_EDGE_KEYS):
        ET.SubElement(root, "key", {"id": f"e{i}", "for": "edge", "attr.name": name, "attr.type": typ})
    g = ET.SubElement(root, "graph", {"id": f"sitrep-{graph['at'] or 'all'}", "edgedefault": "directed"})

    def data(el, prefix, keys, values):
        for i, (name, _) in enumerate(keys):
            v = values.get(name)
            if v is not None and v != "":
                ET.SubElement(el, "data", {"key": f"{prefix}{i}"}).text = str(v)

    for n in graph["nodes"]:
        data(ET.SubElement(g, "node", {"id": n["entity_id"]}), "n", _NODE_KEYS, n)
    k = 0
    for r in graph["relations"]:
        el = ET.SubElement(g, "edge", {"id": f"r{k}", "source": r["subject_entity"], "target": r["object_entity"]})
        data(el, "e", _EDGE_KEYS, {**r, "edge_kind": "relation", "first": r["first_reported"]})
        k += 1
    for e in graph["events"]:
        el = ET.SubElement(g, "edge", {"id": f"r{k}", "source": e["source_entity"], "target": e["target_entity"]})
        data(el, "e", _EDGE_KEYS, {**e, "edge_kind": "event"})
        k += 1
    ET.indent(root)
    return ET.ElementTree(root)


def write_graphml(store, path: Path, at: Optional[str] = None) -> int:
    graph = store.graph(at=at)
    graphml_tree(graph).write(path, encoding="utf-8", xml_declaration=True)
    return len(graph["relations"]) + len(graph["events"])


register(Format(name="graphml", suffix=".graphml", writer=write_graphml, unit="edges", order=50, options=("at",),
                description="the actor graph at --at (default: everything), relations and event counts as edges"))
