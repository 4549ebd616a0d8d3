// Actor graph: actors as nodes (colour by kind or sector), relations and event counts as edges.
// The layout is computed once per store, seeded, on the whole graph, and kept across filters and dates
// (a filter hides nodes, it never moves the others); nodes are reachable by keyboard (arrow keys, Enter)
// and by the "Find an actor" box (?focus=ID selects one on load); the visible subgraph exports as GraphML or
// CSV. Node size is by links (distinct neighbours) or by events; labels keep one screen size at every zoom,
// and a label that would overlap a more important one (selected, neighbour, more links) is hidden until
// zoomed in.
import { api, colourFor, evidenceHref, field, h, KIND_COLOURS, notice, PLOVER, qs, select } from './dom.js';
import { renderProfile } from './actor.js';

let layoutCache = null;  // { key, positions: {entity_id: {x, y}} }

function seeded(seed) {  // mulberry32: the same sequence for the same seed
  let a = seed >>> 0;
  return () => { a = (a + 0x6D2B79F5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

function hashOf(text) {
  let n = 2166136261;
  for (const ch of String(text)) n = Math.imul(n ^ ch.codePointAt(0), 16777619) >>> 0;
  return n;
}

const LABEL_PX = 14;  // labels are this size on screen at every zoom

function elementsOf(data, nodes, rels, pairs, colourOf, sizeBy = 'links') {
  const weight = new Map(), events = new Map(), links = new Map();
  const bump = (m, id, by) => m.set(id, (m.get(id) || 0) + by);
  const link = (a, b) => { if (a === b) return; for (const [x, y] of [[a, b], [b, a]]) {
    if (!links.has(x)) links.set(x, new Set()); links.get(x).add(y); } };
  for (const r of rels) { bump(weight, r.subject_entity, 1); bump(weight, r.object_entity, 1); link(r.subject_entity, r.object_entity); }
  for (const p of pairs) {
    bump(weight, p.source, p.n); bump(weight, p.target, p.n); link(p.source, p.target);
    bump(events, p.source, p.n); if (p.target !== p.source) bump(events, p.target, p.n);
  }
  return [
    ...nodes.map(n => {
      const nLinks = (links.get(n.entity_id) || new Set()).size, nEvents = events.get(n.entity_id) || 0;
      const by = sizeBy === 'events' ? nEvents : nLinks;
      return { data: { id: n.entity_id, label: n.name || n.entity_id, colour: colourOf(n), degree: weight.get(n.entity_id) || 0,
        links: nLinks, events: nEvents, size: 16 + 7 * Math.sqrt(by || 0.5) } };
    }),
    ...rels.map(r => ({ data: { id: 'r:' + r.relation_id, source: r.subject_entity, target: r.object_entity,
      label: r.type, kind: 'relation', rel: r } })),
    ...pairs.map((p, i) => ({ data: { id: 'e:' + i, source: p.source, target: p.target,
      label: String(p.n), kind: 'events', width: Math.min(9, 1 + Math.log2(1 + p.n) * 1.6), pair: p } })),
  ];
}

// what the server left out of a large graph (it sends the strongest `limit` relations and event edges)
function truncation(data) {
  const parts = [];
  if (data.relations.length < data.n_relations) parts.push(`the ${data.relations.length.toLocaleString()} most reported of ${data.n_relations.toLocaleString()} relations`);
  if (data.events.length < data.n_event_edges) parts.push(`the ${data.events.length.toLocaleString()} event edges with the most events of ${data.n_event_edges.toLocaleString()}`);
  return parts.length ? `Showing ${parts.join(' and ')}: pick a date or a higher “Min. events” to see the others.` : '';
}

async function positionsFor(key) {
  // the whole graph (no date, no filter), laid out once with a seeded random source
  if (layoutCache && layoutCache.key === key) return layoutCache.positions;
  const all = await api('/graph');
  const pairs = new Map();
  for (const e of all.events) {
    const k = e.source_entity + '\u0000' + e.target_entity;
    const p = pairs.get(k) || { source: e.source_entity, target: e.target_entity, n: 0, types: {} };
    p.n += e.n_events; pairs.set(k, p);
  }
  const els = elementsOf(all, all.nodes, all.relations, [...pairs.values()], () => '#000');
  const R = 40 * Math.sqrt(Math.max(1, all.nodes.length));
  for (const el of els) {  // a deterministic start: each node on a circle by the hash of its id
    if (el.data.source) continue;
    const a = (hashOf(el.data.id) % 3600) / 3600 * 2 * Math.PI;
    el.position = { x: R * Math.cos(a), y: R * Math.sin(a) };
  }
  const headless = window.cytoscape({ headless: true, elements: els });
  const random = Math.random;
  Math.random = seeded(hashOf(key));
  try {
    headless.layout({ name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 30000,
      idealEdgeLength: () => 80, edgeElasticity: () => 80, gravity: 0.6, nestingFactor: 1, componentSpacing: 60,
      nodeOverlap: 20, numIter: 1500, boundingBox: { x1: 0, y1: 0, w: 2 * R + 400, h: 2 * R + 400 } }).run();
  } finally {
    Math.random = random;
  }
  const positions = {};
  headless.nodes().forEach(n => { positions[n.id()] = { ...n.position() }; });
  headless.destroy();
  layoutCache = { key, positions };
  return positions;
}

function graphStyle(zoom) {
  // the stylesheet at a zoom: label sizes divided by the zoom, so they stay LABEL_PX on screen
  const z = zoom || 1;
  return [
    { selector: 'node', style: { 'background-color': 'data(colour)', label: 'data(label)', width: 'data(size)',
      height: 'data(size)', 'font-size': LABEL_PX / z, color: '#1d2733', 'text-valign': 'bottom', 'text-margin-y': 3 / z,
      'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 1 / z,
      'border-width': 1, 'border-color': '#ffffff', 'text-wrap': 'ellipsis',
      'text-max-width': 150 / z, 'z-index': 'data(degree)' } },
    { selector: 'node.nolabel', style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1d2733', 'font-weight': 'bold',
      'z-index': 9999 } },
    { selector: '.faded', style: { opacity: 0.15, 'text-opacity': 0, 'text-background-opacity': 0 } },
    { selector: 'node.near', style: { 'border-width': 2, 'border-color': '#1d2733' } },
    { selector: 'edge[kind = "relation"]', style: { width: 2, 'line-color': '#7b5cc4', 'line-style': 'dashed',
      'target-arrow-shape': 'triangle', 'target-arrow-color': '#7b5cc4', 'curve-style': 'bezier', label: 'data(label)',
      'font-size': 11 / z, color: '#5b4a8a', 'text-rotation': 'autorotate' } },
    { selector: 'edge[kind = "events"]', style: { width: 'data(width)', 'line-color': '#9fb3c8',
      'target-arrow-shape': 'triangle', 'target-arrow-color': '#9fb3c8', 'curve-style': 'bezier', opacity: 0.85 } },
    { selector: 'edge:selected', style: { 'line-color': '#e08a1e', 'target-arrow-color': '#e08a1e' } },
  ];
}

export function labelBox(n) {
  return n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
}

function declutter(cy) {
  // most important first (selected, its neighbours, more links, more events); a label overlapping one
  // already placed in the view is hidden; labels off screen do not count
  const rank = n => (n.selected() ? 1e12 : 0) + (n.hasClass('near') ? 1e10 : 0) + (n.data('links') || 0) * 1e5 +
    (n.data('degree') || 0);
  const nodes = cy.nodes(':visible').not('.faded').sort((a, b) => rank(b) - rank(a) ||
    String(a.data('label')).localeCompare(String(b.data('label'))));
  cy.nodes('.nolabel').removeClass('nolabel');
  const ext = cy.extent();
  const placed = [], hide = [];
  nodes.forEach(n => {
    const b = labelBox(n);
    if (!(b.w > 0) || b.x2 < ext.x1 || b.x1 > ext.x2 || b.y2 < ext.y1 || b.y1 > ext.y2) return;
    if (placed.some(q => b.x1 < q.x2 && q.x1 < b.x2 && b.y1 < q.y2 && q.y1 < b.y2)) hide.push(n);
    else placed.push(b);
  });
  cy.batch(() => { for (const n of hide) n.addClass('nolabel'); });
}

function xml(text) {
  return String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]);
}

export function graphml(cy) {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '<key id="label" for="node" attr.name="label" attr.type="string"/>',
    '<key id="kind" for="edge" attr.name="kind" attr.type="string"/>',
    '<key id="type" for="edge" attr.name="type" attr.type="string"/>',
    '<key id="weight" for="edge" attr.name="weight" attr.type="int"/>',
    '<graph id="sitrep" edgedefault="directed">'];
  cy.nodes(':visible').forEach(n => out.push(`<node id="${xml(n.id())}"><data key="label">${xml(n.data('label'))}</data></node>`));
  cy.edges(':visible').forEach(e => out.push(`<edge id="${xml(e.id())}" source="${xml(e.data('source'))}" ` +
    `target="${xml(e.data('target'))}"><data key="kind">${xml(e.data('kind'))}</data>` +
    `<data key="type">${xml(e.data('kind') === 'relation' ? e.data('label') :
      Object.keys(e.data('pair').types).join(' '))}</data>` +
    `<data key="weight">${e.data('kind') === 'relation' ? 1 : e.data('pair').n}</data></edge>`));
  out.push('</graph>', '</graphml>');
  return out.join('\n') + '\n';
}

export function edgesCsv(cy) {
  const cell = v => { const t = String(v ?? ''); const q = /^[=+\-@]/.test(t) ? "'" + t : t;
    return /[",\n]/.test(q) ? '"' + q.replace(/"/g, '""') + '"' : q; };
  const rows = [['source', 'source_name', 'target', 'target_name', 'kind', 'type', 'weight']];
  cy.edges(':visible').forEach(e => rows.push([e.data('source'), e.source().data('label'), e.data('target'),
    e.target().data('label'), e.data('kind'), e.data('kind') === 'relation' ? e.data('label')
      : Object.entries(e.data('pair').types).map(([t, n]) => `${t}:${n}`).join(' '),
    e.data('kind') === 'relation' ? 1 : e.data('pair').n]));
  return rows.map(r => r.map(cell).join(',')).join('\n') + '\n';
}

function saveAs(text, type, name) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.setAttribute('href', url);  // a blob of our own making, never a URL from the data
  a.setAttribute('download', name);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

export async function render(root, params, _arg, current) {
  window.sitrepGraph = null;
  const at = params.get('at') || '';
  const relType = params.get('relation') || '';
  const evType = params.get('event') || '';
  const colourBy = params.get('colour') === 'sector' ? 'sector' : 'kind';
  const sizeBy = params.get('size') === 'events' ? 'events' : 'links';
  const focusId = params.get('focus') || '';
  const edges = params.get('edges') || 'both';
  const minEvents = Math.max(1, parseInt(params.get('min') || '1', 10) || 1);
  const [data, stats, hist] = await Promise.all([api('/graph' + qs({ at, min_events: minEvents > 1 ? minEvents : '' })),
    api('/stats'), api('/timeline/histogram')]);
  if (!current()) return;
  const positions = await positionsFor(`${stats.counts.articles}:${stats.counts.events}:${stats.counts.relations}`);
  if (!current()) return;
  const relTypes = [...new Set(data.relations.map(r => r.type))].sort();

  const atIn = h('input', { type: 'date', name: 'at', value: at });
  const minIn = h('input', { type: 'number', name: 'min', min: 1, max: 999, value: String(minEvents), class: 'narrow' });
  const relSel = select('relation', [['', 'all relations'], ...relTypes], relType);
  const evSel = select('event', [['', 'all event types'], ...PLOVER], evType);
  const colourSel = select('colour', [['kind', 'kind'], ['sector', 'sector']], colourBy);
  const sizeSel = select('size', [['links', 'links (neighbours)'], ['events', 'events']], sizeBy);
  const edgeSel = select('edges', [['both', 'relations and events'], ['relations', 'relations only'],
    ['events', 'events only']], edges);
  // the date slider: every day with something on the timeline, the last one meaning "now"
  const days = hist.map(b => b.bucket).filter(d => d >= '1990');
  const slider = h('input', { type: 'range', name: 'at-slider', id: 'at-slider', min: 0, max: days.length,
    value: at && days.includes(at) ? days.indexOf(at) : days.length, 'aria-label': 'Graph at date',
    'aria-valuetext': at || 'all dates' });
  const sliderOut = h('output', { id: 'at-slider-value', for: 'at-slider' }, at || 'all dates');
  slider.addEventListener('input', () => { const d = days[Number(slider.value)] || ''; sliderOut.textContent = d || 'all dates';
    slider.setAttribute('aria-valuetext', d || 'all dates'); });
  slider.addEventListener('change', () => { atIn.value = days[Number(slider.value)] || ''; go(); });
  const go = () => { location.hash = '#/graph' + qs({ at: atIn.value, relation: relSel.value, event: evSel.value,
    min: minIn.value > 1 ? minIn.value : '',
    colour: colourSel.value === 'kind' ? '' : colourSel.value, edges: edgeSel.value === 'both' ? '' : edgeSel.value,
    size: sizeSel.value === 'links' ? '' : sizeSel.value, focus: focusId }); };
  for (const el of [relSel, evSel, colourSel, edgeSel, sizeSel]) el.addEventListener('change', go);
  root.append(h('h1', {}, 'Actor graph'),
    h('form', { class: 'filters', onsubmit: e => { e.preventDefault(); go(); } },
      field('At date', atIn), field('Relation type', relSel), field('Event type', evSel), field('Min. events', minIn),
      field('Edges', edgeSel),
      field('Colour by', colourSel), field('Node size by', sizeSel), h('button', { type: 'submit' }, 'Apply'),
      h('a', { class: 'button secondary', href: '#/graph' }, 'Reset')),
    h('div', { class: 'filters slider-row' }, h('label', { for: 'at-slider', class: 'field' }, h('span', {}, 'Date'), slider),
      sliderOut));

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
  const findIn = h('input', { type: 'search', name: 'find', id: 'graph-find', list: 'graph-names',
    placeholder: 'an actor in the graph', 'aria-label': 'Find an actor in the graph' });
  const findForm = h('form', { class: 'graph-find', role: 'search' }, findIn, h('button', { type: 'submit' }, 'Find'),
    h('datalist', { id: 'graph-names' }, nodes.map(n => h('option', { value: n.name || n.entity_id }))));
  const exportBox = h('span', { class: 'graph-export' }, 'Export the visible graph: ');
  root.append(h('div', { class: 'graph-tools' }, findForm, exportBox));
  root.append(h('div', { class: 'legend' }, legendItems.map(([label, colour]) =>
    h('span', { class: 'legend-item' }, h('span', { class: 'dot', style: { background: colour } }), label)),
    h('span', { class: 'legend-item' }, h('span', { class: 'line rel' }), 'relation'),
    h('span', { class: 'legend-item' }, h('span', { class: 'line ev' }), 'events (width = count)')),
    h('div', { class: 'graph-wrap' }, canvas, panel), list);
  const cut = truncation(data);
  if (cut) root.insertBefore(notice(cut), root.querySelector('.graph-wrap'));
  if (!nodes.length) {
    canvas.append(notice('No actors are linked at this date with these filters.'));
    return;
  }

  const elements = elementsOf(data, nodes, rels, [...pairs.values()], colourOf, sizeBy);
  const place = id => positions[id] || { x: (hashOf(id) % 997) - 500, y: (hashOf(id + '#') % 997) - 500 };
  const cy = window.cytoscape({
    container: canvas, elements, minZoom: 0.2, maxZoom: 3,
    style: graphStyle(1),
    layout: { name: 'preset', positions: n => place(n.id()), fit: true, padding: 24 },
  });
  window.sitrepGraph = cy;
  // labels keep one size on screen; those that would overlap a more important one are hidden
  let styledAt = null, pending = null;
  const relabel = () => {
    pending = null;
    if (cy.destroyed()) return;
    if (styledAt !== cy.zoom()) { styledAt = cy.zoom(); cy.style().fromJson(graphStyle(styledAt)).update(); }
    declutter(cy);
  };
  const later = () => { if (!pending) pending = setTimeout(relabel, 60); };
  cy.on('zoom pan resize', later);
  window.sitrepGraphRelabel = relabel;
  relabel();
  const order = cy.nodes().sort((a, b) => String(a.data('label')).localeCompare(String(b.data('label'))));
  const live = h('p', { class: 'sr-only', 'aria-live': 'polite', id: 'graph-live' });
  canvas.after(live);
  const highlight = node => {  // the node and its neighbours stand out, the rest fades
    cy.elements().removeClass('faded near');
    if (!node) { declutter(cy); return; }
    const hood = node.closedNeighborhood();
    cy.elements().not(hood).addClass('faded');
    hood.nodes().not(node).addClass('near');
    live.textContent = `${node.data('label')}: ${node.degree()} link(s) in this view.`;
    declutter(cy);
  };
  const focusNode = (node, { centre = true } = {}) => {
    cy.$(':selected').unselect();
    if (!node || !node.length) { highlight(null); return; }
    if (centre) cy.center(node);   // first, so that the selection's labels are laid out in the view it ends in
    node.select();
  };
  // keyboard: the canvas takes focus; arrows move from actor to actor (by name), Enter opens the profile
  canvas.setAttribute('tabindex', '0');
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-roledescription', 'graph');
  canvas.setAttribute('aria-label', `Graph of ${nodes.length} actors. Arrow keys move between actors, Enter opens ` +
    'the selected actor, Escape clears.');
  canvas.addEventListener('keydown', ev => {
    const sel = cy.$('node:selected');
    const i = sel.length ? order.indexOf(sel[0]) : -1;
    if (['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp'].includes(ev.key)) {
      ev.preventDefault();
      const step = ev.key === 'ArrowRight' || ev.key === 'ArrowDown' ? 1 : -1;
      focusNode(order[(i + step + order.length) % order.length]);
    } else if (ev.key === 'Enter' && sel.length) {
      location.hash = '#/actor/' + encodeURIComponent(sel[0].id());
    } else if (ev.key === 'Escape') {
      focusNode(null);
      live.textContent = 'Selection cleared.';
    }
  });
  findForm.addEventListener('submit', ev => {
    ev.preventDefault();
    const want = findIn.value.trim().toLowerCase();
    const node = order.filter(n => String(n.data('label')).toLowerCase() === want)[0] ||
      order.filter(n => String(n.data('label')).toLowerCase().includes(want))[0];
    if (node) focusNode(node); else live.textContent = `No actor “${findIn.value.trim()}” in this view.`;
  });
  exportBox.append(h('button', { type: 'button', class: 'secondary', id: 'export-graphml',
    onclick: () => saveAs(graphml(cy), 'application/graphml+xml', 'sitrep-graph.graphml') }, 'GraphML'),
  h('button', { type: 'button', class: 'secondary', id: 'export-edges-csv',
    onclick: () => saveAs(edgesCsv(cy), 'text/csv', 'sitrep-graph-edges.csv') }, 'CSV (edges)'));
  cy.on('unselect', 'node', () => { if (!cy.$('node:selected').length) highlight(null); });
  cy.on('tap', 'node', evt => { if (!evt.target.selected()) focusNode(evt.target, { centre: false }); });
  cy.on('select', 'node', async evt => {
    const id = evt.target.id();
    cy.$('node:selected').not(evt.target).unselect();
    highlight(evt.target);
    panel.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
    try {
      const profile = await api('/actors/' + encodeURIComponent(id) + '?limit=10');
      panel.replaceChildren(renderProfile(profile, { compact: true }));
    } catch (err) {
      panel.replaceChildren(notice(err.message, 'error'));
    }
  });
  const relSources = new Map();  // relation id -> its per-article reports, fetched on its first click
  cy.on('tap', 'edge', async evt => {
    const d = evt.target.data();
    const s = cy.getElementById(d.source).data('label'), t = cy.getElementById(d.target).data('label');
    if (d.kind === 'relation') {
      const r = d.rel;
      const links = h('p', { class: 'sources' });
      panel.replaceChildren(h('div', {}, h('h2', {}, `${s} — ${r.type} — ${t}`),
        h('p', {}, `Since ${r.since || '?'}, until ${r.until || '—'}; ${r.n_reports} report(s), first ${r.first_reported || '?'}.`),
        r.evidence ? h('blockquote', {}, r.evidence) : null, links));
      if (!relSources.has(r.relation_id)) {
        for (const x of await api('/relations' + qs({ at, id: r.relation_id }))) relSources.set(x.relation_id, x.sources);
      }
      const srcs = relSources.get(r.relation_id) || [];
      // DOM append takes nodes one by one (an array would be written as its text)
      links.append('Sources: ', ...(srcs.length ? srcs.flatMap((src, i) => [i ? ', ' : '',
        h('a', { href: evidenceHref(src.article_id, src.start, src.end) }, `${src.outlet || 'article'} ${src.published || ''}`)])
        : ['none recorded']));
    } else {
      panel.replaceChildren(h('h2', {}, `${s} → ${t}`),
        h('ul', {}, Object.entries(d.pair.types).map(([type, n]) => h('li', {},
          h('a', { href: '#/timeline' + qs({ actor: d.source, type }) }, `${n} × ${type}`)))));
    }
  });
  if (focusId) {  // ?focus=ID (from the timeline, a profile): that actor selected, its neighbours highlighted
    const n = cy.getElementById(focusId);
    if (n.length) focusNode(n); else live.textContent = `${focusId} is not in the graph with these filters.`;
  }
}
