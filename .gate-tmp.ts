import * as fs from 'node:fs';
import { detectCrisis } from './src/coach/safety';
import { messages } from './bench/lib/corpus';
const texts: string[] = [];
for (const f of fs.readdirSync('tests/fixtures')) if (f.endsWith('.json')) for (const i of JSON.parse(fs.readFileSync('tests/fixtures/' + f, 'utf8'))) texts.push(i.text);
texts.push(...messages(2000, 3));
let diff = 0;
for (const t of texts) { const a = detectCrisis(t); const b = detectCrisis(t, { prefilter: false }); if (a !== b) { diff++; console.log('DIFF', a, b, t); } }
console.log('texts', texts.length, 'diffs', diff);
