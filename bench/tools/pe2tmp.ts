import * as fs from 'node:fs';
import * as path from 'node:path';
import cues from '../../src/coach/conversation/act-cues.json';
import { actText } from '../../src/coach/conversation/acts';
const F = path.join(__dirname, '..', '..', 'tests', 'fixtures');
const texts: string[] = [];
for (const n of fs.readdirSync(path.join(F, 'conversations')).filter((n) => n.endsWith('.json'))) {
  const raw = JSON.parse(fs.readFileSync(path.join(F, 'conversations', n), 'utf8'));
  for (const c of Array.isArray(raw) ? raw : raw.conversations) for (const t of c.turns) texts.push(actText(t.user));
}
const only = process.argv.slice(2);
const rows: [string, number][] = [];
for (const [name, list] of Object.entries(cues)) {
  if (name === '_about' || (only.length && !only.includes(name))) continue;
  (list as string[]).forEach((src, i) => {
    const re = new RegExp(src, 'u');
    for (const t of texts) re.test(t);
    const t0 = process.hrtime.bigint();
    for (let r = 0; r < 3; r++) for (const t of texts) re.test(t);
    rows.push([`${name}[${i}] ${src.slice(0, 90)}`, Number(process.hrtime.bigint() - t0) / 3 / texts.length]);
  });
}
rows.sort((a, b) => b[1] - a[1]);
for (const [k, ns] of rows.slice(0, 25)) console.log(ns.toFixed(0).padStart(6), 'ns', k);
