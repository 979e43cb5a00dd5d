#!/usr/bin/env node
// citeproc-js 2.4.63 in its "html" output format: one bibliography of every item (input order
// registered, the style sorts), and each item cited once in input order, each in its own note.
// usage: NODE_PATH=/tmp/js2/node_modules node render_html.js STYLE.csl ITEMS.json LOCALES_DIR
// prints JSON: {"bibliography": bibstart + entries + bibend, "params": {...}, "citations": [...],
//               "text": [the entries in the text format]}
'use strict';
const fs = require('fs');
const path = require('path');
const CSL = require('citeproc');
const [stylePath, itemsPath, localesDir] = process.argv.slice(2);
const styleXml = fs.readFileSync(stylePath, 'utf8');
const items = JSON.parse(fs.readFileSync(itemsPath, 'utf8'));
const byId = new Map(items.map((it) => [String(it.id), it]));
const sys = {
  retrieveLocale(lang) {
    const f = path.join(localesDir, 'locales-' + lang + '.xml');
    return fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : false;
  },
  retrieveItem(id) { return JSON.parse(JSON.stringify(byId.get(String(id)))); },
};
const m = styleXml.match(/<style[^>]*\bdefault-locale="([^"]+)"/);
const engine = new CSL.Engine(sys, styleXml, m ? m[1] : 'en-US');
engine.setOutputFormat('html');
const ids = items.map((it) => String(it.id));
engine.updateItems(ids);
const citations = [];
const pre = [];
ids.forEach((id, i) => {
  const citation = {citationID: 'c' + i, citationItems: [{id}], properties: {noteIndex: i + 1}};
  const res = engine.processCitationCluster(citation, pre.slice(), []);
  for (const [index, text] of res[1]) citations[index] = text;
  pre.push(['c' + i, i + 1]);
});
const out = {citations};
if (engine.bibliography && engine.cslXml.getNodesByName(engine.cslXml.dataObj, 'bibliography').length) {
  const [params, entries] = engine.makeBibliography();
  out.bibliography = params.bibstart + entries.join('') + params.bibend;
  const kept = {};
  for (const key of ['maxoffset', 'entryspacing', 'linespacing', 'hangingindent', 'second-field-align']) kept[key] = params[key];
  out.params = kept;
  // the same bibliography in citeproc-js's text format: the entries alone
  engine.setOutputFormat('text');
  out.text = engine.makeBibliography()[1];
}
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
