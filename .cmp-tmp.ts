import { messages } from './bench/lib/corpus';
import { detectCrisis as neu } from './src/coach/safety';
import { detectCrisis as old } from './.tmp-old/safety-old';
import { normalizeText } from './src/coach/normalize';
const texts = messages(3000, 11);
for (const t of texts) { old(t + ' '); neu(t + '  '); }
const a: number[] = [], b: number[] = [];
for (let r = 0; r < 3; r++) for (const t0 of texts) {
  const t = t0 + ' '.repeat(r + 3);
  normalizeText(t); // both use the cached normalisation, as in the engine (detect shares it)
  let s = process.hrtime.bigint(); old(t); a.push(Number(process.hrtime.bigint() - s) / 1e3);
  s = process.hrtime.bigint(); neu(t); b.push(Number(process.hrtime.bigint() - s) / 1e3);
}
const med = (x: number[]) => x.sort((p, q) => p - q)[x.length >> 1];
console.log(`bench corpus, normalisation cached: old median ${med(a).toFixed(1)} µs, new median ${med(b).toFixed(1)} µs`);
