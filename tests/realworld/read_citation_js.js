// A bibliography file as citation-js reads it, as CSL-JSON on standard output (for
// `python -m tests.realworld.runner --peers --citation-js DIR`; NODE_PATH names DIR).
// usage: node read_citation_js.js FILE bibtex|biblatex|ris
'use strict';
const fs = require('fs');
const { plugins } = require('@citation-js/core');
require('@citation-js/plugin-bibtex');
require('@citation-js/plugin-ris');

const [file, format] = process.argv.slice(2);
const forceType = format === 'ris' ? '@ris/file' : '@biblatex/text';
try {
  const items = plugins.input.chain(fs.readFileSync(file, 'utf8'), { forceType, generateGraph: false });
  process.stdout.write(JSON.stringify(items));
} catch (error) {
  process.stderr.write(String(error) + '\n');
  process.exit(1);
}
