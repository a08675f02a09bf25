import * as fs from 'node:fs';
import { SELF_HARM_CUES, PARTNER_CUES, HARM_CUES, IDIOM_SOURCES } from './src/coach/lexicon-crisis';
import { normalizeText } from './src/coach/normalize';
import { crisisCanonical } from './src/coach/safety';
const texts: string[] = [];
for (const f of ['tests/fixtures/labelled-messages.json','tests/fixtures/labelled-holdout.json']) for (const i of JSON.parse(fs.readFileSync(f,'utf8'))) texts.push(i.text);
const norm = texts.map((t) => normalizeText(t).text);
const canon = norm.map(crisisCanonical);
// canonical cost
let t0 = process.hrtime.bigint();
for (let r = 0; r < 20; r++) for (const n of norm) crisisCanonical(n);
console.log('canonical per msg µs', Number(process.hrtime.bigint() - t0) / 1e3 / 20 / norm.length);
// read PATTERNS via module internals: re-import file text is hard; time cue lists + idiom
const src = fs.readFileSync('src/coach/safety.ts', 'utf8');
const res: [string, number][] = [];
const all = [...SELF_HARM_CUES, ...PARTNER_CUES, ...HARM_CUES].map((c) => c.re);
const I = new RegExp(IDIOM_SOURCES.join('|'), 'g');
all.push(I);
let total = 0;
for (const re of all) {
  const t = process.hrtime.bigint();
  for (let r = 0; r < 20; r++) for (const c of canon) { re.lastIndex = 0; re.test(c); }
  const us = Number(process.hrtime.bigint() - t) / 1e3 / 20 / canon.length;
  total += us; res.push([re.source.slice(0, 90), us]);
}
res.sort((a, b) => b[1] - a[1]);
console.log('cue total per msg µs', total.toFixed(1));
for (const [s, us] of res.slice(0, 15)) console.log(us.toFixed(2), s);
