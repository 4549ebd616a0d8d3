// Actor graph: actors as nodes (colour by kind or sector), relations and event counts as edges.
import { api, colourFor, evidenceHref, field, h, KIND_COLOURS, notice, PLOVER, qs, select } from './dom.js';
import { renderProfile } from './actor.js';

export async function render(root, params, _arg, current) {
  window.sitrepGraph = null;
  const at = params.get('at') || '';
  const relType = params.get('relation') || '';
  const evType = params.get('event') || '';
  const colourBy = params.get('colour') === 'sector' ? 'sector' : 'kind';
  const edges = params.get('edges') || 'both';
  const minEvents = Math.max(1, parseInt(params.get('min') || '1', 10) || 1);
  const data = await api('/graph' + qs({ at, min_events: minEvents > 1 ? minEvents : '' }));
  if (!current()) return;
  const relTypes = [...new Set(data.relations.map(r => r.type))].sort();

  const atIn = h('input', { type: 'date', name: 'at', value: at });
  const minIn = h('input', { type: 'number', name: 'min', min: 1, max: 999, value: String(minEvents), class: 'narrow' });
  const relSel = select('relation', [['', 'all relations'], ...relTypes], relType);
  const evSel = select('event', [['', 'all event types'], ...PLOVER], evType);
  const colourSel = select('colour', [['kind', 'kind'], ['sector', 'sector']], colourBy);
  const edgeSel = select('edges', [['both', 'relations and events'], ['relations', 'relations only'],
    ['events', 'events only']], edges);
  const go = () => { location.hash = '#/graph' + qs({ at: atIn.value, relation: relSel.value, event: evSel.value,
    min: minIn.value > 1 ? minIn.value : '',
    colour: colourSel.value === 'kind' ? '' : colourSel.value, edges: edgeSel.value === 'both' ? '' : edgeSel.value }); };
  for (const el of [relSel, evSel, colourSel, edgeSel]) el.addEventListener('change', go);
  root.append(h('h1', {}, 'Actor graph'),
    h('form', { class: 'filters', onsubmit: e => { e.preventDefault(); go(); } },
      field('At date', atIn), field('Relation type', relSel), field('Event type', evSel), field('Min. events', minIn),
      field('Edges', edgeSel),
      field('Colour by', colourSel), h('button', { type: 'submit' }, 'Apply'),
      h('a', { class: 'button secondary', href: '#/graph' }, 'Reset')));

  const rels = edges === 'events' ? [] : data.relations.filter(r => !relType || r.type === relType);
  const evs = edges === 'relations' ? [] : data.events.filter(e => !evType || e.type === evType);
  // event edges: one per ordered pair, summing the chosen types
  const pairs = new Map();
  for (const e of evs) {
    const key = e.source_entity + '\u0000' + e.target_entity;
    const p = pairs.get(key) || { source: e.source_entity, target: e.target_entity, n: 0, types: {} };
    p.n += e.n_events; p.types[e.type] = (p.types[e.type] || 0) + e.n_events;
    pairs.set(key, p);
  }
  const used = new Set();
  for (const r of rels) { used.add(r.subject_entity); used.add(r.object_entity); }
  for (const p of pairs.values()) { used.add(p.source); used.add(p.target); }
  const nodes = data.nodes.filter(n => used.has(n.entity_id));
  const colourOf = n => colourBy === 'sector' ? colourFor(n.sector) : (KIND_COLOURS[n.kind] || KIND_COLOURS.other);

  const legendItems = colourBy === 'kind'
    ? [...new Set(nodes.map(n => n.kind || 'other'))].sort().map(k => [k, KIND_COLOURS[k] || KIND_COLOURS.other])
    : [...new Set(nodes.map(n => n.sector || ''))].sort().map(s => [s || '(no sector)', colourFor(s)]);
  const panel = h('aside', { class: 'side', id: 'profile' },
    h('p', { class: 'muted' }, 'Click an actor for its profile, or an edge for what links two actors.'));
  const canvas = h('div', { id: 'cy', class: 'graph-canvas', role: 'img',
    'aria-label': `Graph of ${nodes.length} actors` });
  const list = h('details', { class: 'node-list' }, h('summary', {}, `Actors in the graph (${nodes.length})`),
    h('ul', { id: 'graph-actors' }, nodes.slice().sort((a, b) => String(a.name).localeCompare(String(b.name)))
      .map(n => h('li', {}, h('a', { href: '#/actor/' + encodeURIComponent(n.entity_id) }, n.name || n.entity_id),
        h('span', { class: 'muted' }, ` ${n.kind || ''}${n.sector ? ' · ' + n.sector : ''}`)))));
  root.append(h('div', { class: 'legend' }, legendItems.map(([label, colour]) =>
    h('span', { class: 'legend-item' }, h('span', { class: 'dot', style: { background: colour } }), label)),
    h('span', { class: 'legend-item' }, h('span', { class: 'line rel' }), 'relation'),
    h('span', { class: 'legend-item' }, h('span', { class: 'line ev' }), 'events (width = count)')),
    h('div', { class: 'graph-wrap' }, canvas, panel), list);
  if (!nodes.length) {
    canvas.append(notice('No actors are linked at this date with these filters.'));
    return;
  }

  const elements = [
    ...nodes.map(n => ({ data: { id: n.entity_id, label: n.name || n.entity_id, colour: colourOf(n),
      size: 18 + 6 * Math.sqrt(n.n_articles || 1) } })),
    ...rels.map(r => ({ data: { id: 'r:' + r.relation_id, source: r.subject_entity, target: r.object_entity,
      label: r.type, kind: 'relation', rel: r } })),
    ...[...pairs.values()].map((p, i) => ({ data: { id: 'e:' + i, source: p.source, target: p.target,
      label: String(p.n), kind: 'events', width: Math.min(9, 1 + Math.log2(1 + p.n) * 1.6), pair: p } })),
  ];
  const cy = window.cytoscape({
    container: canvas, elements, minZoom: 0.2, maxZoom: 3,
    style: [
      { selector: 'node', style: { 'background-color': 'data(colour)', label: 'data(label)', width: 'data(size)',
        height: 'data(size)', 'font-size': 15, color: '#1d2733', 'text-valign': 'bottom', 'text-margin-y': 3,
        'text-background-color': '#ffffff', 'text-background-opacity': 0.75, 'text-background-padding': 1,
        'border-width': 1, 'border-color': '#ffffff' } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#1d2733' } },
      { selector: 'edge[kind = "relation"]', style: { width: 2, 'line-color': '#7b5cc4', 'line-style': 'dashed',
        'target-arrow-shape': 'triangle', 'target-arrow-color': '#7b5cc4', 'curve-style': 'bezier', label: 'data(label)',
        'font-size': 11, color: '#5b4a8a', 'text-rotation': 'autorotate' } },
      { selector: 'edge[kind = "events"]', style: { width: 'data(width)', 'line-color': '#9fb3c8',
        'target-arrow-shape': 'triangle', 'target-arrow-color': '#9fb3c8', 'curve-style': 'bezier', opacity: 0.85 } },
      { selector: 'edge:selected', style: { 'line-color': '#e08a1e', 'target-arrow-color': '#e08a1e' } },
    ],
    layout: { name: 'cose', animate: false, randomize: true, nodeRepulsion: () => 30000, idealEdgeLength: () => 80,
      edgeElasticity: () => 80, gravity: 0.6, nestingFactor: 1, componentSpacing: 60, nodeOverlap: 20,
      numIter: 2500, padding: 24 },
  });
  window.sitrepGraph = cy;
  cy.on('tap', 'node', async evt => {
    const id = evt.target.id();
    panel.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
    try {
      const profile = await api('/actors/' + encodeURIComponent(id) + '?limit=10');
      panel.replaceChildren(renderProfile(profile, { compact: true }));
    } catch (err) {
      panel.replaceChildren(notice(err.message, 'error'));
    }
  });
  let relSources = null;  // relation id -> its per-article reports, fetched on the first click
  cy.on('tap', 'edge', async evt => {
    const d = evt.target.data();
    const s = cy.getElementById(d.source).data('label'), t = cy.getElementById(d.target).data('label');
    if (d.kind === 'relation') {
      const r = d.rel;
      const links = h('p', { class: 'sources' });
      panel.replaceChildren(h('div', {}, h('h2', {}, `${s} — ${r.type} — ${t}`),
        h('p', {}, `Since ${r.since || '?'}, until ${r.until || '—'}; ${r.n_reports} report(s), first ${r.first_reported || '?'}.`),
        r.evidence ? h('blockquote', {}, r.evidence) : null, links));
      if (!relSources) {
        relSources = new Map((await api('/relations' + qs({ at }))).map(x => [x.relation_id, x.sources]));
      }
      const srcs = relSources.get(r.relation_id) || [];
      links.append('Sources: ', srcs.length ? srcs.map((src, i) => [i ? ', ' : '',
        h('a', { href: evidenceHref(src.article_id, src.start, src.end) }, `${src.outlet || 'article'} ${src.published || ''}`)])
        .flat() : 'none recorded');
    } else {
      panel.replaceChildren(h('h2', {}, `${s} → ${t}`),
        h('ul', {}, Object.entries(d.pair.types).map(([type, n]) => h('li', {},
          h('a', { href: '#/timeline' + qs({ actor: d.source, type }) }, `${n} × ${type}`)))));
    }
  });
}
