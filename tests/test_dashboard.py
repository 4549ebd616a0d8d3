"""The dashboard in a real browser: Playwright driving Debian's chromium against `sitrep serve` in a thread.

Needs Debian's chromium (`apt-get install -y --no-install-recommends chromium`) and Playwright for Python
(`pip install playwright`; `playwright install` is not used). Skipped with the reason when either is missing.
"""

from __future__ import annotations

import json
import shutil
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
TOKEN = "dash-token-41c9"

if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install -y --no-install-recommends chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")

from sitrep.api import BackgroundServer, create_app  # noqa: E402

from test_api import build_demo  # noqa: E402  (the session's demo database)

PAGES = {"situation": "Situation", "graph": "Actor graph", "timeline": "Timeline", "map": "Map",
         "evidence": "Evidence", "contradictions": "Contradictions", "add": "Add an article"}

HOSTILE_TITLE = 'Militia <script>window.__xss = 1</script> seizes <img src=x onerror="window.__xss = 2"> town'
HOSTILE_TEXT = (
    'HOMS, Dec 21 (Test Wire) - Syrian rebels attacked government positions near Homs on Saturday, '
    'a monitor said. <script>window.__xss = 3</script> <img src=x onerror="window.__xss = 4">\n'
    '"Read <a href="javascript:window.__xss = 5">our statement</a>," the rebel commander told reporters.\n')
HOSTILE_NAMES = ['<script>window.__xss = 6</script>Brigade', '<img src=x onerror="window.__xss = 7">',
                 'javascript:window.__xss = 8']
NEW_TEXT = ("Qatar and Jordan sign aid deal for Syrian refugees\n"
            "DOHA, Dec 20 (Test Wire) - Qatar's foreign minister met his Jordanian counterpart Ayman Safadi in "
            "Doha on Friday and the two governments signed an agreement to fund shelters for Syrian refugees, "
            "officials said.\n")


def hostile_document():
    """A document whose title, text and actor names carry markup and script (stored as data)."""
    import sitrep

    doc = sitrep.extract(HOSTILE_TEXT, published="2024-12-21", title=HOSTILE_TITLE,
                         source='Test <b onmouseover="window.__xss = 9">Wire</b>')
    assert doc.events, "the hostile article must yield an event for the test to mean anything"
    used = [e.source.actor_id for e in doc.events if e.source] + [e.target.actor_id for e in doc.events if e.target]
    order = list(dict.fromkeys(used + [a.id for a in doc.actors]))
    names = dict(zip(order, HOSTILE_NAMES))
    actors = [a.model_copy(update={"name": names.get(a.id, a.name), "kb_id": None if a.id in names else a.kb_id})
              for a in doc.actors]
    return doc.model_copy(update={"actors": actors})


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from sitrep.store import Store

    db = tmp_path_factory.mktemp("dashboard") / "store.duckdb"
    shutil.copy(build_demo(tmp_path_factory), db)
    with Store(db) as store:
        store.add_documents([hostile_document()])
    with BackgroundServer(create_app(db, token=TOKEN)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    p = context.new_page()
    p.errors = []
    p.on("console", lambda m: p.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    p.on("pageerror", lambda e: p.errors.append(f"page error: {e}"))
    p.on("requestfailed", lambda r: p.errors.append(f"request failed: {r.url}"))
    yield p
    context.close()


def goto(page, server, route: str, ready: str):
    # a hash-only navigation re-renders in place: forget the last render first, so we wait for the new one
    page.evaluate("() => { const m = document.getElementById('main'); if (m) delete m.dataset.ready;"
                  " window.sitrepGraph = undefined; }")
    page.goto(f"{server}/#/{route}")
    page.wait_for_selector(f"#main[data-ready='{ready}']", timeout=30000)


def get_json(server, path):
    with urllib.request.urlopen(server + path, timeout=30) as resp:  # noqa: S310 - our local test server
        return json.loads(resp.read())


def assert_nothing_ran(page):
    state = page.evaluate("""() => ({
        xss: window.__xss === undefined ? null : window.__xss,
        scripts: document.querySelectorAll('#main script').length,
        images: document.querySelectorAll('#main img').length,
        handlers: [...document.querySelectorAll('*')].filter(el => [...el.attributes].some(
            a => a.name.startsWith('on'))).length,
        jsLinks: [...document.querySelectorAll('a[href]')].filter(
            a => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
    })""")
    assert state == {"xss": None, "scripts": 0, "images": 0, "handlers": 0, "jsLinks": 0}


@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_loads_without_console_errors(page, server, name):
    goto(page, server, name, name)
    assert page.inner_text("#main h1") == PAGES[name]
    assert page.locator(f"#nav a[data-page='{name}']").get_attribute("class") == "active"
    page.wait_for_timeout(300)
    assert page.errors == []


def test_situation_shows_the_counts_by_type(page, server):
    goto(page, server, "situation", "situation")
    report = get_json(server, "/report")
    rows = page.locator("#by-type .bar-row")
    assert rows.count() == len(report["by_type"])
    assert page.inner_text("[data-count='articles'] .num") == str(report["counts"]["articles"])
    goto(page, server, "situation?since=2024-12-08&until=2024-12-09", "situation")
    assert "2024-12-08" in page.inner_text("#main .lede") or "2024-12-09" in page.inner_text("#main .lede")
    assert page.errors == []


def test_graph_has_the_demo_actors(page, server):
    goto(page, server, "graph", "graph")
    page.wait_for_function("() => window.sitrepGraph && window.sitrepGraph.nodes().length > 0")
    labels = set(page.evaluate("() => window.sitrepGraph.nodes().map(n => n.data('label'))"))
    assert {"Bashar al-Assad", "Syria", "Russia", "Turkey", "United States", "Iran"} <= labels
    listed = page.locator("#graph-actors li a").evaluate_all("els => els.map(e => e.textContent)")
    assert set(listed) == labels
    # a real click on a node opens its profile
    box = page.locator("#cy").bounding_box()
    pos = page.evaluate("""() => { const n = window.sitrepGraph.getElementById('ASSAD');
                                   const p = n.renderedPosition(); return [p.x, p.y]; }""")
    page.mouse.click(box["x"] + pos[0], box["y"] + pos[1])
    page.wait_for_selector("#profile .profile")
    assert page.inner_text("#profile .actor-name") == "Bashar al-Assad"
    assert page.errors == []


def test_graph_filters_by_event_type_and_date(page, server):
    goto(page, server, "graph?event=ASSAULT&edges=events", "graph")
    page.wait_for_function("() => window.sitrepGraph")
    n_assault = page.evaluate("() => window.sitrepGraph.edges().length")
    expected = {(e["source_entity"], e["target_entity"]) for e in get_json(server, "/graph")["events"]
                if e["type"] == "ASSAULT"}
    assert n_assault == len(expected)
    goto(page, server, "graph?at=2024-11-30", "graph")
    page.wait_for_function("() => window.sitrepGraph")
    early = page.evaluate("() => window.sitrepGraph.nodes().length")
    goto(page, server, "graph", "graph")
    page.wait_for_function("() => window.sitrepGraph")
    assert early < page.evaluate("() => window.sitrepGraph.nodes().length")
    assert page.errors == []


def test_graph_says_what_a_server_limit_left_out(page, server):
    # the server sends the strongest `limit` edges of a large graph; here it is asked for two of each
    page.route("**/graph?*", lambda route: route.continue_(url=route.request.url + "&limit=2"))
    page.route("**/graph", lambda route: route.continue_(url=route.request.url + "?limit=2"))
    whole = get_json(server, "/graph")
    goto(page, server, "graph", "graph")
    page.wait_for_function("() => window.sitrepGraph")
    text = page.inner_text("#main .notice")
    assert f"the 2 most reported of {whole['n_relations']} relations" in text
    assert f"of {whole['n_event_edges']}" in text
    assert page.evaluate("() => window.sitrepGraph.edges().length") <= 4
    assert page.errors == []


def test_a_relation_edge_shows_its_sources_fetched_by_id(page, server):
    asked = []
    page.on("request", lambda r: asked.append(r.url) if "/relations" in r.url else None)
    goto(page, server, "graph?edges=relations", "graph")
    page.wait_for_function("() => window.sitrepGraph && window.sitrepGraph.edges().length > 0")
    rid = page.evaluate("""() => { const e = window.sitrepGraph.edges().filter(x => x.data('kind') === 'relation')[0];
                                   e.emit('tap'); return e.data('rel').relation_id; }""")
    page.wait_for_function("() => document.querySelector('#profile .sources') && "
                           "document.querySelector('#profile .sources').textContent.startsWith('Sources: ')")
    sources = get_json(server, "/relations")
    expected = next(r for r in sources if r["relation_id"] == rid)["sources"]
    assert get_json(server, "/relations?id=" + rid)[0]["sources"] == expected, page.inner_text("#profile")
    links = page.locator("#profile .sources a")
    assert links.count() == len(expected) and "object" not in page.inner_text("#profile .sources")
    assert links.first.get_attribute("href").startswith("#/evidence?article=" + expected[0]["article_id"])
    assert asked and all("id=" in u for u in asked)   # one relation asked for, not all of them
    assert page.errors == []


def test_clicking_an_event_opens_its_evidence(page, server):
    goto(page, server, "timeline?type=ASSAULT", "timeline")
    entry = page.locator("#timeline .entry.event").first
    event_id = entry.get_attribute("data-id")
    entry.locator(".entry-what").click()
    page.wait_for_selector("#main[data-ready='evidence'] mark.main", timeout=30000)
    report = get_json(server, f"/events/{event_id}")["reports"][0]
    assert page.inner_text("mark.main") == report["text"]
    assert page.inner_text(".article-title") == get_json(server, f"/articles/{report['article_id']}")["article"]["title"]
    # and a quote from the situation page opens its span too
    goto(page, server, "situation", "situation")
    page.locator(".page-situation ul.facts a").first.click()
    page.wait_for_selector("#main[data-ready='evidence'] mark.main")
    assert page.inner_text("mark.main").strip()
    assert page.errors == []


def test_adding_an_article_shows_it_on_the_timeline(page, server):
    goto(page, server, "add", "add")
    page.fill("input[name=title]", "Qatar and Jordan sign aid deal")
    page.fill("input[name=published]", "2024-12-20")
    page.fill("input[name=source]", "Test Wire")
    page.fill("textarea[name=text]", NEW_TEXT)
    page.fill("input[name=token]", TOKEN)
    page.click("#extract")
    page.wait_for_selector("#result .doc", timeout=60000)
    assert "Qatar and Jordan sign aid deal" in page.inner_text("#result .doc-title")
    page.click("#store")
    page.wait_for_selector("#result .notice.ok", timeout=60000)
    assert "Stored" in page.inner_text("#result .notice.ok")
    goto(page, server, "timeline?since=2024-12-20&until=2024-12-20", "timeline")
    sources = page.locator("#timeline .sources a").all_inner_texts()
    assert any("Test Wire 2024-12-20" in s for s in sources), sources
    assert page.errors == []


def test_a_wrong_token_is_reported(page, server):
    goto(page, server, "add", "add")
    page.fill("textarea[name=text]", NEW_TEXT)
    page.fill("input[name=token]", "not-the-token")
    page.click("#store")
    page.wait_for_selector("#result .notice.error")
    assert "token" in page.inner_text("#result .notice.error").lower()


def test_map_draws_countries_and_places(page, server):
    goto(page, server, "map", "map")
    assert page.locator("svg.map path.country").count() > 150
    assert page.locator("svg.map circle.place").count() > 5
    page.locator("svg.map circle.place.has-events").last.click()
    page.wait_for_selector("#place-panel ul.facts li")
    goto(page, server, "map?view=world", "map")
    assert page.errors == []


def test_hostile_article_is_shown_as_text_and_never_runs(page, server):
    articles = get_json(server, "/articles?limit=100")["items"]
    aid = next(a["id"] for a in articles if a["title"] == HOSTILE_TITLE)
    goto(page, server, f"evidence?article={aid}", "evidence")
    assert page.inner_text(".article-title") == HOSTILE_TITLE
    body = page.inner_text("#article-text")
    assert '<script>window.__xss = 3</script>' in body and 'onerror="window.__xss = 4"' in body
    assert 'href="javascript:window.__xss = 5"' in body
    side = page.inner_text(".facts-side")
    assert any(n in side for n in HOSTILE_NAMES)
    assert_nothing_ran(page)
    for route, ready in (("situation", "situation"), ("timeline?since=2024-12-21&until=2024-12-21", "timeline"),
                         ("graph", "graph"), ("evidence", "evidence")):
        goto(page, server, route, ready)
        page.wait_for_timeout(200)
        assert_nothing_ran(page)
    goto(page, server, "timeline?since=2024-12-21&until=2024-12-21", "timeline")
    assert any(n in page.inner_text("#timeline") for n in HOSTILE_NAMES)
    assert "Test <b onmouseover" in page.inner_text("#timeline")
    profile = next(a["entity_id"] for a in get_json(server, "/actors?limit=500") if a["name"] in HOSTILE_NAMES)
    goto(page, server, "actor/" + profile, "actor")
    assert page.inner_text(".actor-name") in HOSTILE_NAMES
    assert_nothing_ran(page)
    # the preview of a pasted article, too
    goto(page, server, "add", "add")
    page.fill("input[name=title]", HOSTILE_TITLE)
    page.fill("textarea[name=text]", HOSTILE_TEXT)
    page.fill("input[name=token]", TOKEN)
    page.click("#extract")
    page.wait_for_selector("#result .doc")
    assert page.inner_text("#result .doc-title") == HOSTILE_TITLE
    assert_nothing_ran(page)
    assert page.errors == []


# -- the analyst's workbench (issue #17) --------------------------------------------------------------------
def test_an_actor_outside_the_top_12_is_found_in_two_actions(page, server):
    actors = get_json(server, "/actors?limit=500")
    top = {a["name"] for a in get_json(server, "/report")["actors"][:12]}
    target = next(a for a in actors[12:] if a["name"] not in top and a["name"] not in HOSTILE_NAMES
                  and a["name"].replace(" ", "").isalnum())
    goto(page, server, "situation", "situation")
    page.evaluate("() => delete document.getElementById('main').dataset.ready")
    page.fill("#q", target["name"])
    page.press("#q", "Enter")                                   # action 1: type and search
    page.wait_for_selector("#main[data-ready='search'] #search-results")
    page.locator("#search-results .hit-actor .hit-label").first.click()   # action 2: open it
    page.wait_for_selector("#main[data-ready='actor'] .actor-name")
    assert page.inner_text(".actor-name") == target["name"]
    assert page.errors == []


def test_search_results_have_kinds_and_open_their_evidence(page, server):
    goto(page, server, "search?q=damascus", "search")
    tabs = page.locator(".tabs .tab").all_inner_texts()
    assert any(t.startswith("Events (") for t in tabs) and any(t.startswith("Places (") for t in tabs)
    goto(page, server, "search?q=damascus&kind=event", "search")
    kinds = set(page.locator("#search-results .hit").evaluate_all("els => els.map(e => e.dataset.kind)"))
    assert kinds == {"event"}
    page.locator("#search-results .hit-label").first.click()
    page.wait_for_selector("#main[data-ready='evidence'] mark.main")
    assert "amascus" in page.inner_text(".event-panel") + page.inner_text("mark.main")
    assert page.errors == []


def test_the_article_list_pages_to_the_end(page, server):
    total = get_json(server, "/stats")["counts"]["articles"]
    goto(page, server, f"evidence?offset={total - 2}", "evidence")
    assert page.inner_text("#article-count") == f"Articles {total - 1}–{total} of {total}, newest first."
    assert page.locator("table.grid tbody tr").count() == 2
    assert page.locator(".pager a[rel=next]").count() == 0
    page.locator(".pager a[rel=prev]").click()
    page.wait_for_selector("#main[data-ready='evidence'] #article-count")
    assert page.errors == []


def test_skip_link_moves_focus_to_the_content(page, server):
    goto(page, server, "situation", "situation")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def post_json(server, path, body):
    req = urllib.request.Request(server + path, data=json.dumps(body).encode("utf-8"), method="POST",  # noqa: S310 - our local test server
                                 headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(req, timeout=120) as resp:  # noqa: S310 - our local test server
        return json.loads(resp.read())


CORRECT_TEXT = ("Rebels shell army post near Hama\n"
                "HAMA, Dec 22 (Test Wire) - Syrian rebels shelled an army post near Hama on Sunday, a monitor said.\n")


def test_an_analyst_corrects_an_event_and_the_correction_survives_a_reingest(page, server):
    post_json(server, "/articles", {"id": "wb-correct", "text": CORRECT_TEXT, "published": "2024-12-22",
                                    "source": "Test Wire"})
    day = get_json(server, "/events?since=2024-12-22&until=2024-12-22")["items"]
    ev = next(e for e in day if e["type"] == "ASSAULT")
    goto(page, server, f"evidence?event={ev['event_id']}", "evidence")
    page.click("details.correct summary")
    page.select_option("#correct-what", "type")
    page.select_option("#correct-type", "COERCE")
    page.fill("#correct-author", "Ana Analyst")
    page.fill("#correct-note", "shelling as pressure")
    page.fill("#correct-token", TOKEN)
    page.evaluate("() => delete document.getElementById('main').dataset.ready")
    page.click("#correct-form button[type=submit]")
    page.wait_for_selector("#main[data-ready='evidence'] #corrections li")
    assert "type: ASSAULT → COERCE" in page.inner_text("#corrections")
    assert "Ana Analyst" in page.inner_text("#corrections")
    assert page.inner_text(".event-panel h2 .badge") == "COERCE"
    # the article is stored again (a corrected text): the correction still holds
    post_json(server, "/articles?replace=true", {"id": "wb-correct", "text": CORRECT_TEXT + "No one was hurt.\n",
                                                 "published": "2024-12-22", "source": "Test Wire"})
    goto(page, server, "timeline?since=2024-12-22&until=2024-12-22", "timeline")
    badges = page.locator("#timeline .entry .badge").all_inner_texts()
    assert "COERCE" in badges and "ASSAULT" not in badges
    corr = get_json(server, "/corrections?article=wb-correct")
    assert corr[-1]["applied_to"] == 1 and corr[-1]["author"] == "Ana Analyst"
    assert page.errors == []


def submit_correction(page, what, *, value=None, author="Bo Boss"):
    """Fill the correction form of the page (what: a field, 'wrong' or 'withdraw:ID') and wait for the page
    to show the result."""
    page.evaluate("() => { for (const d of document.querySelectorAll('details.correct')) d.open = true; }")
    page.select_option("#correct-what", what)
    if value is not None:
        sel = {"type": "#correct-type", "kind": "#correct-kind", "name": "#correct-text",
               "country": "#correct-text"}.get(what, "#correct-actor")
        if sel in ("#correct-type", "#correct-kind"):
            page.select_option(sel, value)
        else:
            page.fill(sel, value)
    page.fill("#correct-author", author)
    page.fill("#correct-token", TOKEN)
    page.evaluate("() => delete document.getElementById('main').dataset.ready")
    page.click("#correct-form button[type=submit]")
    page.wait_for_selector("#main[data-ready] #corrections li")


def test_an_analyst_corrects_a_quote_a_link_and_an_actor_and_withdraws_each(page, server):
    q = next(x for x in get_json(server, "/quotes?limit=200") if x["speaker_entity"] not in (None, "ASSAD"))
    # a quote: another speaker, then the correction withdrawn from its line (who withdrew it is kept)
    goto(page, server, f"evidence?article={q['article_id']}&quote={q['quote_id']}", "evidence")
    assert page.locator(".quote-panel h2").inner_text().startswith(f"Quote {q['quote_id']}")
    submit_correction(page, "speaker", value="Bashar al-Assad")
    assert "speaker:" in page.inner_text("#corrections") and "Bo Boss" in page.inner_text("#corrections")
    mine = [x for x in get_json(server, "/quotes?speaker=ASSAD&limit=500") if x["quote_id"] == q["quote_id"]
            and x["article_id"] == q["article_id"]]
    assert len(mine) == 1                                              # every view reads the correction
    cid = page.locator("#corrections li").last.get_attribute("data-id")
    page.click(f"#corrections li[data-id='{cid}'] button.withdraw")   # the line's button picks it in the form
    assert page.input_value("#correct-what") == f"withdraw:{cid}"
    submit_correction(page, f"withdraw:{cid}", author="Cy Chief")
    page.wait_for_selector(f"#corrections li.withdrawn[data-id='{cid}']")
    assert "withdrawn by Cy Chief" in page.inner_text(f"#corrections li[data-id='{cid}']")
    assert not [x for x in get_json(server, "/quotes?speaker=ASSAD&limit=500") if x["quote_id"] == q["quote_id"]
                and x["article_id"] == q["article_id"]]
    trail = next(c for c in get_json(server, f"/corrections?target={q['article_id']}:{q['quote_id']}") if c["id"] == cid)
    assert (trail["author"], trail["withdrawn_by"], trail["applied_to"]) == ("Bo Boss", "Cy Chief", 0)
    # an actor link of an article: marked wrong (the mention stands alone), then withdrawn
    link = next(x for x in get_json(server, f"/articles/{q['article_id']}/links") if x["entity_id"])
    goto(page, server, f"evidence?article={q['article_id']}&all={link['actor_id']}", "evidence")
    assert page.inner_text("#link-now").startswith(f"Linked to {link['entity_name']}")
    submit_correction(page, "wrong")
    assert "(correction)" in page.inner_text("#link-now")
    now = next(x for x in get_json(server, f"/articles/{q['article_id']}/links") if x["actor_id"] == link["actor_id"])
    assert now["entity_id"] != link["entity_id"] and now["corrections"]
    cid = page.locator("#corrections li").last.get_attribute("data-id")
    submit_correction(page, f"withdraw:{cid}")
    page.wait_for_selector(f"#corrections li.withdrawn[data-id='{cid}']")
    assert page.inner_text("#link-now").startswith(f"Linked to {link['entity_name']}")
    # an actor: another name, shown on its profile and in search, then withdrawn
    goto(page, server, "actor/ASSAD", "actor")
    submit_correction(page, "name", value="Bashar Qorvex al-Assad")
    assert page.inner_text(".actor-name") == "Bashar Qorvex al-Assad"
    hits = get_json(server, "/search?q=qorvex&kind=actor")["items"]
    assert [h["id"] for h in hits] == ["ASSAD"]
    cid = page.locator("#corrections li").last.get_attribute("data-id")
    submit_correction(page, f"withdraw:{cid}")
    page.wait_for_selector(f"#corrections li.withdrawn[data-id='{cid}']")
    assert page.inner_text(".actor-name") == "Bashar al-Assad"
    assert page.errors == []


DATELINE_PASTE = ("Rebels reach Damascus suburbs\n"
                  "DAMASCUS, Dec 7 (Test Wire) - Syrian rebels attacked army positions in the suburbs of Damascus "
                  "on Saturday, residents said, the fastest advance of 2024.\n")


def test_a_pasted_dateline_dates_the_article_and_a_stored_one_can_be_updated(page, server):
    goto(page, server, "add", "add")
    page.fill("textarea[name=text]", DATELINE_PASTE)
    page.fill("input[name=token]", TOKEN)
    page.click("#store")
    page.wait_for_selector("#result .doc", timeout=60000)
    assert "on the timeline on 2024-12-07" in page.inner_text("#result .notice.ok")
    warn = page.inner_text("#result .doc .notice.warn")
    assert "taken from the dateline 'DAMASCUS, Dec 7 (Test Wire)'" in warn and "day precision" in warn
    assert "Test Wire · 2024-12-07" in page.inner_text("#result .doc")
    # stored again with another date: "already stored" offers to update it
    page.fill("input[name=published]", "2024-12-06")
    page.click("#store")
    page.wait_for_selector("#update-meta", timeout=60000)
    assert "already stored" in page.inner_text("#result .notice.warn")
    page.click("#update-meta")
    page.wait_for_selector("#result .notice.ok", timeout=60000)
    assert "Updated" in page.inner_text("#result .notice.ok") and "2024-12-06" in page.inner_text("#result .notice.ok")
    href = page.locator("#result a", has_text="Open the article").get_attribute("href")
    goto(page, server, href.lstrip("#/"), "evidence")
    assert "Test Wire · 2024-12-06" in page.inner_text(".panel.article")
    assert page.errors == []


# -- quality in view and accessibility ------------------------------------------------------------------------
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
A11Y_PAGES = [("situation", "situation"), ("graph", "graph"), ("timeline", "timeline"), ("map", "map"),
              ("evidence", "evidence"), ("add", "add"), ("search?q=assad", "search"), ("actor/ASSAD", "actor"),
              ("contradictions", "contradictions"), ("contradictions?n=0", "contradictions"),
              ("timeline?lanes=actor", "timeline"), ("timeline?lanes=type&since=2024-12-01", "timeline"),
              ("graph?focus=ASSAD&size=events", "graph")]


@pytest.mark.parametrize("viewport", [(1366, 850), (390, 844)])
def test_axe_finds_no_contrast_or_label_violations(browser, server, viewport):
    """axe-core (WCAG 2 A and AA rules) on every page, at a laptop's and a phone's size."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    p = context.new_page()
    source = AXE.read_text(encoding="utf-8")
    found = {}
    quote = get_json(server, "/quotes?limit=1")[0]
    for route, ready in A11Y_PAGES + [("evidence?event=" + get_json(server, "/events?limit=1")["items"][0]["event_id"],
                                       "evidence"),
                                      (f"evidence?article={quote['article_id']}&quote={quote['quote_id']}", "evidence"),
                                      (f"evidence?article={quote['article_id']}&all=" +
                                       get_json(server, f"/articles/{quote['article_id']}/links")[0]["actor_id"],
                                       "evidence")]:
        goto(p, server, route, ready)
        p.evaluate("() => document.querySelectorAll('#main details').forEach(d => { d.open = true; })")  # forms too
        p.wait_for_timeout(200)
        p.evaluate(source)
        violations = p.evaluate("""async () => (await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa']}})).violations.map(v => v.id + ': ' + v.nodes.slice(0, 2).map(
            n => n.target.join(' ')).join(', '))""")
        if violations:
            found[route] = violations
    context.close()
    assert found == {}


def test_quad_colours_follow_the_ontology_and_every_event_shows_its_quality(page, server):
    from sitrep.ontology import load_ontology
    from sitrep.contract import PLOVER_TYPES

    goto(page, server, "situation", "situation")
    quads = page.evaluate("""async () => { const m = await import('/static/js/dom.js');
        return Object.fromEntries(%s.map(t => [t, m.quadOf(t)])); }""" % json.dumps(list(PLOVER_TYPES)))
    assert quads == {t: load_ontology().quad(t) for t in PLOVER_TYPES}
    # REQUEST and THREATEN no longer share one red: each badge's colour is its quad's
    colours = page.evaluate("""async () => { const m = await import('/static/js/dom.js');
        const out = {}; for (const t of ['REQUEST', 'THREATEN', 'ASSAULT', 'AGREE', 'AID']) {
          const b = m.typeBadge(t); document.body.append(b); out[t] = getComputedStyle(b).backgroundColor; b.remove(); }
        return out; }""")
    assert colours["REQUEST"] == colours["THREATEN"] != colours["ASSAULT"] != colours["AGREE"] != colours["AID"]
    rows = page.locator("table.grid .event-badge")
    assert rows.count() > 0
    assert all("conf " in t for t in rows.all_inner_texts())
    assert page.errors == []


def test_timeline_histogram_filters_in_the_url_and_newest_first(page, server):
    goto(page, server, "timeline", "timeline")
    dates = page.locator("#timeline .day-head").all_inner_texts()
    assert dates == sorted(dates, reverse=True)  # newest first by default
    bars = page.locator("#histogram .hist-bar")
    assert bars.count() > 5
    busiest = max(range(bars.count()), key=lambda i: int(bars.nth(i).get_attribute("data-n")))
    day = bars.nth(busiest).get_attribute("data-bucket")
    n = int(bars.nth(busiest).get_attribute("data-n"))
    page.evaluate("() => delete document.getElementById('main').dataset.ready")
    bars.nth(busiest).click()                                              # one day's events
    page.wait_for_selector("#main[data-ready='timeline'] #timeline")
    assert f"since={day}" in page.url and f"until={day}" in page.url
    assert page.locator("#timeline .day-head").all_inner_texts() == [day]
    assert page.locator("#timeline .entry").count() == min(n, 100)
    # quality filters go into the URL, and the page reads them back
    page.select_option("#timeline-filters select[name=min_confidence]", "0.9")
    page.wait_for_selector("#main[data-ready='timeline']")
    page.wait_for_function("() => location.hash.includes('min_confidence=0.9')")
    page.wait_for_selector("#main[data-ready='timeline']")
    confs = page.locator("#timeline .qual.conf").all_inner_texts()
    assert all(float(c.split()[1]) >= 0.9 for c in confs)
    goto(page, server, "timeline?negated=1&order=oldest", "timeline")   # the filter is read back from the URL
    assert page.locator("#timeline-filters input[name=negated]").is_checked()
    assert page.errors == []


def test_timeline_brush_zooms_to_the_bars_dragged_across(page, server):
    goto(page, server, "timeline?type=ASSAULT", "timeline")
    bars = page.locator("#histogram .hist-bar")
    assert bars.count() >= 3
    first, last = bars.nth(0), bars.nth(bars.count() - 2)
    a, b = first.bounding_box(), last.bounding_box()
    page.evaluate("() => delete document.getElementById('main').dataset.ready")
    page.mouse.move(a["x"] + a["width"] / 2, a["y"] + a["height"] - 2)
    page.mouse.down()
    page.mouse.move((a["x"] + b["x"]) / 2, a["y"] + a["height"] - 2, steps=4)
    assert page.locator("#histogram .hist-bar.brushed").count() >= 2     # the brushed bars are marked
    page.mouse.move(b["x"] + b["width"] / 2, b["y"] + b["height"] - 2, steps=4)
    page.mouse.up()
    page.wait_for_selector("#main[data-ready='timeline'] #timeline")
    hist = get_json(server, "/timeline/histogram?type=ASSAULT")
    since, until = hist[0]["bucket"], hist[-2]["bucket"]
    assert f"since={since}" in page.url and f"until={until}" in page.url and "type=ASSAULT" in page.url
    days = page.locator("#timeline .day-head").all_inner_texts()
    assert days and all(since <= d <= until for d in days)
    assert page.locator("#histogram .hist-bar").count() == len(hist) - 1   # the histogram is zoomed too
    page.evaluate("() => delete document.getElementById('main').dataset.ready")
    page.click("#zoom-out")                                               # and back to the whole period
    page.wait_for_selector("#main[data-ready='timeline'] #timeline")
    assert "since=" not in page.url and page.locator("#histogram .hist-bar").count() == len(hist)
    assert page.errors == []


def test_timeline_lanes_by_type_and_by_actor_and_links_to_map_and_graph(page, server):
    goto(page, server, "timeline?lanes=type", "timeline")
    items = get_json(server, "/timeline?order=newest&limit=100")
    lanes = page.locator("#lanes .lane")
    keys = lanes.evaluate_all("els => els.map(e => e.dataset.key)")
    assert set(keys) == {i["type"] for i in items} and len(keys) == len(set(keys))
    for key in keys:                                                      # a mark per lane and day, with its count
        marks = page.locator(f"#lanes .lane[data-key='{key}'] .lane-mark")
        days = marks.evaluate_all("els => els.map(e => [e.dataset.date, Number(e.dataset.n)])")
        mine = [i["date"] for i in items if i["type"] == key]
        assert sorted(map(tuple, days)) == sorted((d, mine.count(d)) for d in set(mine))
    # a mark placed by its date: the newest is furthest right
    lefts = page.locator("#lanes .lane-item").evaluate_all("els => els.map(e => [e.firstChild.dataset.date, parseFloat(e.style.left)])")
    newest = max(d for d, _ in lefts)
    assert all(x == 100.0 for d, x in lefts if d == newest)
    page.evaluate("() => delete document.getElementById('main').dataset.ready")
    page.locator("#lanes .lane-mark[data-n='1']").first.click()           # a single entry opens its evidence
    page.wait_for_selector("#main[data-ready='evidence'] #article-text mark")
    goto(page, server, "timeline?lanes=type", "timeline")
    many = page.locator("#lanes .lane-mark.many").first                   # several: that day of that lane
    n, day = int(many.get_attribute("data-n")), many.get_attribute("data-date")
    page.evaluate("() => delete document.getElementById('main').dataset.ready")
    many.click()
    page.wait_for_selector("#main[data-ready='timeline'] #timeline")
    assert page.locator("#timeline .day-head").all_inner_texts() == [day]
    assert page.locator("#timeline .entry").count() == n
    goto(page, server, "timeline?lanes=actor", "timeline")
    heads = page.locator("#lanes .lane").evaluate_all("els => els.map(e => e.dataset.key)")
    assert "ASSAD" in heads and len(heads) <= 12
    assert page.input_value("#timeline-filters select[name=lanes]") == "actor"   # the choice is in the URL
    # an entry of the list: its place on the map, its actors in the graph at its date
    goto(page, server, "timeline?actor=ASSAD", "timeline")
    entry = page.locator("#timeline .entry", has=page.locator("a.to-graph")).first
    href = entry.locator("a.to-graph").get_attribute("href")
    assert href.startswith("#/graph?at=") and "focus=" in href
    page.evaluate("() => { delete document.getElementById('main').dataset.ready; window.sitrepGraph = undefined; }")
    entry.locator("a.to-graph").click()
    page.wait_for_selector("#main[data-ready='graph']")
    page.wait_for_function("() => window.sitrepGraph && window.sitrepGraph.$('node:selected').length === 1")
    focus = href.split("focus=")[1].split("&")[0]
    assert page.evaluate("() => window.sitrepGraph.$('node:selected').id()") == urllib.parse.unquote(focus)
    goto(page, server, "timeline?actor=ASSAD", "timeline")
    page.evaluate("() => delete document.getElementById('main').dataset.ready")
    page.locator("#timeline a.to-map").first.click()
    page.wait_for_selector("#main[data-ready='map'] #place-panel h2")
    assert page.errors == []


def test_export_what_you_see(page, server):
    goto(page, server, "timeline?type=ASSAULT", "timeline")
    link = page.locator(".export-links a", has_text="CSV")
    href = link.get_attribute("href")
    assert href.startswith("/export/timeline.csv?") and "type=ASSAULT" in href
    with page.expect_download() as dl:
        link.click()
    text = Path(dl.value.path()).read_text(encoding="utf-8")
    lines = text.strip().splitlines()
    assert lines[0].startswith("date,kind,id,type")
    assert len(lines) - 1 == sum(b["n"] for b in get_json(server, "/timeline/histogram?type=ASSAULT"))
    assert all(",ASSAULT," in line for line in lines[1:])
    geo = get_json(server, "/export/events.geojson?type=ASSAULT")
    assert geo["type"] == "FeatureCollection" and geo["features"]
    assert page.errors == []


# -- the graph ----------------------------------------------------------------------------------------------------
def model_positions(page):
    return page.evaluate("() => Object.fromEntries(window.sitrepGraph.nodes().map(n => [n.id(), n.position()]))")


def test_graph_layout_is_the_same_on_every_load_and_across_filters(page, server, browser):
    goto(page, server, "graph", "graph")
    page.wait_for_function("() => window.sitrepGraph && window.sitrepGraph.nodes().length > 0")
    full = model_positions(page)
    goto(page, server, "graph?event=ASSAULT&edges=events", "graph")
    page.wait_for_function("() => window.sitrepGraph")
    part = model_positions(page)
    assert part and all(full[k] == v for k, v in part.items())        # a filter never moves a node
    other = browser.new_context(viewport={"width": 1300, "height": 900}).new_page()
    goto(other, server, "graph", "graph")
    other.wait_for_function("() => window.sitrepGraph && window.sitrepGraph.nodes().length > 0")
    assert model_positions(other) == full                               # a fresh load: the same layout
    other.context.close()
    assert page.errors == []


def test_graph_nodes_by_keyboard_find_and_neighbours(page, server):
    goto(page, server, "graph", "graph")
    page.wait_for_function("() => window.sitrepGraph && window.sitrepGraph.nodes().length > 0")
    page.focus("#cy")
    page.keyboard.press("ArrowRight")
    page.wait_for_selector("#profile .profile")
    first = page.evaluate("() => window.sitrepGraph.$('node:selected').data('label')")
    by_name = page.evaluate("""() => window.sitrepGraph.nodes().map(n => String(n.data('label')))
                                  .sort((a, b) => a.localeCompare(b))""")
    assert first == by_name[0]  # the arrows go through the actors by name
    assert page.inner_text("#graph-live").startswith(first)
    page.keyboard.press("ArrowRight")
    assert page.evaluate("() => window.sitrepGraph.$('node:selected').data('label')") != first
    # find an actor: it is selected, its neighbours highlighted, the rest faded
    page.fill("#graph-find", "Bashar al-Assad")
    page.press("#graph-find", "Enter")
    page.wait_for_function("() => window.sitrepGraph.$('node:selected').id() === 'ASSAD'")
    faded = page.evaluate("() => window.sitrepGraph.$('.faded').length")
    hood = page.evaluate("() => window.sitrepGraph.$('#ASSAD').closedNeighborhood().length")
    assert faded > 0 and faded + hood == page.evaluate("() => window.sitrepGraph.elements().length")
    page.wait_for_function("() => document.querySelector('#profile .actor-name')?.textContent === 'Bashar al-Assad'")
    page.focus("#cy")
    page.keyboard.press("Enter")
    page.wait_for_selector("#main[data-ready='actor'] .actor-name")
    assert page.inner_text(".actor-name") == "Bashar al-Assad"
    assert page.errors == []


LABELS = """() => { const cy = window.sitrepGraph, ext = cy.extent();
    const inView = b => !(b.x2 < ext.x1 || b.x1 > ext.x2 || b.y2 < ext.y1 || b.y1 > ext.y2);
    const shown = cy.nodes(':visible').not('.nolabel').not('.faded').filter(n => inView(n.boundingBox(
        {includeNodes: false, includeEdges: false, includeLabels: true})));
    const boxes = shown.map(n => n.boundingBox({includeNodes: false, includeEdges: false, includeLabels: true}));
    let overlaps = 0;
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps++; }
    return { shown: shown.map(n => n.id()), hidden: cy.nodes('.nolabel').length, overlaps,
             px: Math.min(...cy.nodes().map(n => parseFloat(n.renderedStyle('font-size')))) }; }"""


def test_graph_labels_are_readable_and_never_overlap(page, server):
    goto(page, server, "graph", "graph")
    page.wait_for_function("() => window.sitrepGraph && window.sitrepGraph.nodes().length > 0")
    page.evaluate("() => window.sitrepGraphRelabel()")
    far = page.evaluate(LABELS)
    assert far["overlaps"] == 0 and far["px"] >= 13            # labels of 14 px on screen, none over another
    assert far["hidden"] > 0                                    # the demo's graph is too dense to label every node
    top = page.evaluate("""() => window.sitrepGraph.nodes().sort((a, b) => b.data('links') - a.data('links') ||
        b.data('degree') - a.data('degree'))[0].id()""")
    assert top in far["shown"]                                  # the best-linked actor keeps its label
    page.evaluate("() => { const cy = window.sitrepGraph; cy.zoom({level: cy.zoom() * 2.5, position: "
                  "cy.$id('%s').position()}); window.sitrepGraphRelabel(); }" % top)
    near = page.evaluate(LABELS)
    assert near["overlaps"] == 0 and near["px"] >= 13          # zoomed in: still 14 px
    # selecting an actor labels it and its neighbours first
    page.fill("#graph-find", "Bashar al-Assad")
    page.press("#graph-find", "Enter")
    page.wait_for_function("() => window.sitrepGraph.$('node:selected').id() === 'ASSAD'")
    sel = page.evaluate(LABELS)
    assert "ASSAD" in sel["shown"] and sel["overlaps"] == 0
    assert page.errors == []


def test_graph_node_size_by_links_or_events(page, server):
    goto(page, server, "graph", "graph")
    page.wait_for_function("() => window.sitrepGraph && window.sitrepGraph.nodes().length > 0")
    size = """() => Object.fromEntries(window.sitrepGraph.nodes().map(n => [n.id(), [n.data('size'), n.data('links'),
        n.data('events')]]))"""
    by_links = page.evaluate(size)
    ranked = sorted(by_links.values(), key=lambda v: v[1])
    assert all(a[0] <= b[0] for a, b in zip(ranked, ranked[1:]))   # more neighbours, a bigger node
    page.evaluate("() => delete document.getElementById('main').dataset.ready")
    page.select_option("select[name=size]", "events")
    page.wait_for_selector("#main[data-ready='graph']")
    assert "size=events" in page.url
    page.wait_for_function("() => window.sitrepGraph && window.sitrepGraph.nodes().length > 0")
    by_events = page.evaluate(size)
    ranked = sorted(by_events.values(), key=lambda v: v[2])
    assert all(a[0] <= b[0] for a, b in zip(ranked, ranked[1:]))   # more events, a bigger node
    assert by_events != by_links
    assert model_positions(page)                                    # the layout is kept (checked above)
    assert page.errors == []


def test_graph_date_slider_and_export_of_the_visible_subgraph(page, server):
    goto(page, server, "graph?edges=events&event=ASSAULT", "graph")
    page.wait_for_function("() => window.sitrepGraph")
    visible = set(page.evaluate("() => window.sitrepGraph.nodes().map(n => n.id())"))
    with page.expect_download() as dl:
        page.click("#export-graphml")
    text = Path(dl.value.path()).read_text(encoding="utf-8")
    import xml.etree.ElementTree as ET

    root = ET.fromstring(text)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert {n.get("id") for n in root.iterfind(".//g:node", ns)} == visible
    assert len(root.findall(".//g:edge", ns)) == page.evaluate("() => window.sitrepGraph.edges().length")
    with page.expect_download() as dl:
        page.click("#export-edges-csv")
    lines = Path(dl.value.path()).read_text(encoding="utf-8").strip().splitlines()
    assert lines[0] == "source,source_name,target,target_name,kind,type,weight" and len(lines) > 1
    # the date slider moves the graph in time, and the date goes into the URL
    page.evaluate("() => delete document.getElementById('main').dataset.ready")
    page.eval_on_selector("#at-slider", "el => { el.value = 3; el.dispatchEvent(new Event('change')); }")
    page.wait_for_selector("#main[data-ready='graph']")
    assert "at=" in page.url
    assert page.errors == []


# -- the map ------------------------------------------------------------------------------------------------------
def test_map_pans_zooms_and_clusters(page, server):
    goto(page, server, "map", "map")
    page.click("#map-world")
    clusters_far = page.locator("svg.map g.cluster").count()
    singles_far = page.locator("svg.map circle.place").count()
    assert clusters_far >= 1  # the Levant's places merge at the scale of the world
    sizes = page.locator("svg.map g.cluster").evaluate_all("els => els.map(e => Number(e.dataset.size))")
    page.locator("svg.map g.cluster").nth(sizes.index(max(sizes))).click()   # a cluster zooms in on its places
    k = page.evaluate("() => window.sitrepMap.view.k")
    assert k > 1
    assert page.locator("svg.map circle.place").count() > singles_far
    before = page.evaluate("() => ({...window.sitrepMap.view})")
    page.click("#map-zoom-in")
    after = page.evaluate("() => ({...window.sitrepMap.view})")
    assert after["k"] > before["k"]
    page.get_by_role("button", name="Pan east").click()
    assert page.evaluate("() => window.sitrepMap.view.tx") < after["tx"]
    assert page.errors == []


def test_map_filters_and_a_place_opens_its_events_and_timeline(page, server):
    goto(page, server, "map?type=ASSAULT", "map")
    events = get_json(server, "/events?type=ASSAULT&limit=500")["items"]
    located = {e["place_key"] for e in events if e["lat"] is not None}
    assert f"{len(located)} place(s) of {len(events)} matching event(s)" in page.inner_text("#map-count")
    page.click("#map-world")
    keys = set(page.locator("svg.map circle.place").evaluate_all("els => els.map(e => e.dataset.key)"))
    assert keys <= located
    aleppo = next(p for p in get_json(server, "/places?search=Aleppo") if p["name"] == "Aleppo")
    goto(page, server, "map?place=" + aleppo["place_key"], "map")   # a place named in the URL: focused, opened
    page.wait_for_selector("#place-events li")
    assert page.inner_text("#place-panel h2") == "Aleppo"
    assert page.locator("svg.map circle.place.focused").get_attribute("data-name") == "Aleppo"
    page.click("#place-panel a.place-timeline")
    page.wait_for_selector("#main[data-ready='timeline'] #timeline")
    assert all("Aleppo" in w for w in page.locator("#timeline .entry-what").all_inner_texts())
    assert page.errors == []


def test_map_filters_by_actor_and_dates_from_the_form(page, server):
    goto(page, server, "map", "map")
    page.fill("#map-filters input[name=actor]", "Bashar al-Assad")
    page.fill("#map-filters input[name=since]", "2024-12-05")
    page.fill("#map-filters input[name=until]", "2024-12-10")
    page.evaluate("() => delete document.getElementById('main').dataset.ready")
    page.click("#map-filters button[type=submit]")
    page.wait_for_selector("#main[data-ready='map'] #map-count")
    assert "actor=Bashar" in page.url and "since=2024-12-05" in page.url and "until=2024-12-10" in page.url
    events = get_json(server, "/events?actor=ASSAD&since=2024-12-05&until=2024-12-10&limit=500")["items"]
    located = {e["place_key"] for e in events if e["lat"] is not None}
    assert events and f"{len(located)} place(s) of {len(events)} matching event(s)" in page.inner_text("#map-count")
    page.click("#map-world")
    shown = page.locator("svg.map circle.place").evaluate_all("els => els.map(e => e.dataset.key)")
    assert set(shown) <= located
    dot = page.locator("svg.map circle.place").first
    if dot.count():                                              # a place: its events, under the same filters
        dot.click()
        page.wait_for_selector("#place-panel a.place-timeline")
        href = page.locator("#place-panel a.place-timeline").get_attribute("href")
        assert "actor=Bashar" in href and "since=2024-12-05" in href
    assert page.errors == []


def test_a_contradiction_is_compared_side_by_side(page, server):
    rows = get_json(server, "/contradictions")
    assert rows, "the demo has contradictions"
    goto(page, server, "situation", "situation")
    page.evaluate("() => delete document.getElementById('main').dataset.ready")
    page.locator(".page-situation a.compare").first.click()          # one action from the situation page
    page.wait_for_selector("#main[data-ready='contradictions'] #compare")
    c = rows[0]
    sides = page.locator("#compare .compare-side")
    assert sides.count() == 2
    for i, k in enumerate("ab"):
        side = sides.nth(i)
        doc = get_json(server, f"/articles/{c['article_' + k]}")
        assert side.locator("mark.main").inner_text() == doc["text"][c["start_" + k]:c["end_" + k]]
        assert side.locator(".compare-source").inner_text() == f"{doc['article']['source']} · {doc['article']['published']}"
    assert (c["reason"] or "") in page.inner_text("#main .notice.warn")
    goto(page, server, "contradictions", "contradictions")
    assert page.locator("a.compare").count() == len(rows)
    assert page.errors == []


# -- a generated 400-article store -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def big_server(tmp_path_factory):
    """400 articles: the demo's documents again and again, each copy with its own id, outlet and days
    (stored as documents: no extraction), so lists run to several pages."""
    from datetime import date, timedelta

    from sitrep.store import Store

    demo = build_demo(tmp_path_factory)
    with Store(demo, read_only=True) as s:
        docs = list(s.documents())
    out = []
    for i in range(400):
        d = docs[i % len(docs)]
        shift = timedelta(days=7 * (i // len(docs)))
        pub = (date.fromisoformat(d.article.published) + shift).isoformat() if d.article.published else None
        events = [e.model_copy(update={"date": (date.fromisoformat(e.date) + shift).isoformat()})
                  if e.date and len(e.date) == 10 else e for e in d.events]
        out.append(d.model_copy(update={"article": d.article.model_copy(update={
            "id": f"gen-{i:03d}", "published": pub, "source": f"Outlet {i % 17}"}), "events": events}))
    db = tmp_path_factory.mktemp("big") / "big.duckdb"
    with Store(db) as s:
        s.add_documents(out)
    with BackgroundServer(create_app(db, token=TOKEN)) as url:
        yield url


def test_400_articles_the_list_runs_to_the_end_and_search_finds_the_rest(page, big_server):
    assert get_json(big_server, "/stats")["counts"]["articles"] == 400
    goto(page, big_server, "evidence", "evidence")
    seen = []
    for _ in range(10):
        seen += page.locator("table.grid tbody tr td:nth-child(2) a").evaluate_all(
            "els => els.map(a => a.getAttribute('href'))")
        nxt = page.locator(".pager a[rel=next]")
        if not nxt.count():
            break
        page.evaluate("() => delete document.getElementById('main').dataset.ready")
        nxt.click()
        page.wait_for_selector("#main[data-ready='evidence'] #article-count")
    assert len(seen) == len(set(seen)) == 400
    assert page.inner_text("#article-count").endswith("of 400, newest first.")
    # an actor outside the top 12, in two actions
    top = {a["name"] for a in get_json(big_server, "/report")["actors"][:12]}
    target = next(a for a in get_json(big_server, "/actors?limit=500")[40:] if a["name"] not in top
                  and a["name"].replace(" ", "").isalnum())
    page.fill("#q", target["name"])
    page.press("#q", "Enter")
    page.wait_for_selector("#main[data-ready='search'] #search-results")
    page.locator("#search-results .hit-actor .hit-label").first.click()
    page.wait_for_selector("#main[data-ready='actor'] .actor-name")
    assert page.inner_text(".actor-name") == target["name"]
    assert page.errors == []


def test_400_articles_one_days_events_from_the_histogram(page, big_server):
    goto(page, big_server, "timeline?bucket=week", "timeline")
    weeks = page.locator("#histogram .hist-bar")
    assert weeks.count() > 20
    goto(page, big_server, "timeline", "timeline")
    bars = page.locator("#histogram .hist-bar")
    i = max(range(bars.count()), key=lambda j: int(bars.nth(j).get_attribute("data-n")))
    day, n = bars.nth(i).get_attribute("data-bucket"), int(bars.nth(i).get_attribute("data-n"))
    page.evaluate("() => delete document.getElementById('main').dataset.ready")
    bars.nth(i).click()
    page.wait_for_selector("#main[data-ready='timeline'] #timeline")
    assert page.locator("#timeline .day-head").all_inner_texts() == [day]
    assert f"of {n}," in page.inner_text("#timeline-count")
    assert page.errors == []


def test_400_articles_lanes_graph_labels_and_a_withdrawn_correction(page, big_server):
    goto(page, big_server, "timeline?lanes=actor", "timeline")
    heads = page.locator("#lanes .lane-head").all_inner_texts()
    assert len(heads) == 12 and "other actors" in heads[-1]              # the busiest 11, then the rest
    goto(page, big_server, "graph", "graph")
    page.wait_for_function("() => window.sitrepGraph && window.sitrepGraph.nodes().length > 0")
    page.evaluate("() => window.sitrepGraphRelabel()")
    labels = page.evaluate(LABELS)
    assert labels["overlaps"] == 0 and labels["px"] >= 13 and labels["shown"]
    # an event marked wrong from the dashboard leaves the timeline; withdrawn, it comes back
    ev = get_json(big_server, "/events?type=ASSAULT&limit=1")["items"][0]
    goto(page, big_server, f"evidence?event={ev['event_id']}", "evidence")
    submit_correction(page, "wrong")
    assert "was marked wrong" in page.inner_text("#main .notice.warn")
    assert ev["event_id"] not in {e["event_id"] for e in get_json(big_server, "/events?type=ASSAULT&limit=500")["items"]}
    cid = page.locator("#corrections li").last.get_attribute("data-id")
    submit_correction(page, f"withdraw:{cid}")
    page.wait_for_selector("#main[data-ready='evidence'] .event-panel")
    assert "withdrawn by Bo Boss" in page.inner_text(f"#corrections li[data-id='{cid}']")
    assert ev["event_id"] in {e["event_id"] for e in get_json(big_server, "/events?type=ASSAULT&limit=500")["items"]}
    # the one failed request: the wrong event's own page (404), which the dashboard turns into its trail
    assert [e for e in page.errors if "404" not in e] == [] and len(page.errors) <= 1
