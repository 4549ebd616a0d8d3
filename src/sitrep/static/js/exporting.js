// "Export what you see": links to the list of the page, with its filters, as CSV, JSON or GeoJSON
// (GET /export/VIEW.FORMAT?filters; the server sends it as a file).
import { download, h, qs } from './dom.js';

export function exportLinks(view, filters, formats = ['csv', 'json']) {
  return h('p', { class: 'export-links small', dataset: { view } }, 'Export what you see: ',
    formats.map((fmt, i) => [i ? ' · ' : '', download(`/export/${view}.${fmt}` + qs(filters), fmt.toUpperCase())]));
}
