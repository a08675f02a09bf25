import { messages } from './bench/lib/corpus';
import { detectCrisis } from './src/coach/safety';
import { normalizeText } from './src/coach/normalize';
const texts = messages(3000, 7);
for (let w = 0; w < 3000; w++) detectCrisis(texts[w]);
const t: number[] = []; const tn: number[] = [];
for (let k = 0; k < 3000; k++) { const x = texts[k] + ' '; let s = process.hrtime.bigint(); normalizeText(x); tn.push(Number(process.hrtime.bigint() - s) / 1e3); s = process.hrtime.bigint(); detectCrisis(x); t.push(Number(process.hrtime.bigint() - s) / 1e3); }
t.sort((a,b)=>a-b); tn.sort((a,b)=>a-b);
console.log(`bench corpus: detectCrisis (normalize cached) median ${t[1500].toFixed(1)} µs p90 ${t[2700].toFixed(1)}; normalize alone median ${tn[1500].toFixed(1)}`);
