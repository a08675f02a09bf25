import { PATTERNS, crisisCanonical, idiomSpansUnfiltered, negatedBefore } from './.tmp-old/safety-dbg';
import { normalizeText } from './src/coach/normalize';
for (const raw of process.argv.slice(2)) {
  const t = crisisCanonical(normalizeText(raw).text);
  console.log('##', t);
  const spans = idiomSpansUnfiltered(t);
  console.log('  idioms', spans.map(([a, b]) => t.slice(a, b)));
  PATTERNS.forEach((p, i) => { p.re.lastIndex = 0; for (const m of t.matchAll(p.re)) {
    const idx = m.index ?? 0;
    console.log(`  P${i} ${p.kind} w${p.weight ?? 2} neg=${p.negatable && negatedBefore(t, idx)} acc=${p.accept ? p.accept(t, idx, m[0]) : '-'} "${m[0]}"`); } });
}
