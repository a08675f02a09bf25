/**
 * The situation catalogue: common situations people bring (wanting to text an ex, a partner who
 * won't commit, an in-law with a key), each with example wordings, keywords, what its texts assume,
 * and its own pieces: answers to the questions people ask in it (by kind), a reflection, a small
 * step and one open question. Data in `situations/*.json`, validated at load.
 *
 * Matching is by meaning in a cheap, deterministic way: TF-IDF cosine between the message's word
 * stems and each example wording (the best example counts), plus a bonus for the situation's
 * keywords. Pure and fast (an inverted index over a few hundred examples, well under a millisecond).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { actText } from '../conversation/acts';
import { ASSUMPTIONS, type Assumption } from '../conversation/assumptions';
import { RELATIONSHIP_STATES, type RelationshipState } from '../conversation/facts';
import { isRecord } from '../data-file';
import { BOUNDARY, normalizeText, STOPWORDS } from '../normalize';
import { TOPICS, type TopicId } from '../types';

/** The question kinds a situation can answer. */
export const ANSWER_KINDS = ['advice', 'how_to', 'normalcy', 'yes_no'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** One situation of the catalogue. */
export interface Situation {
  id: string;
  topics: TopicId[];
  /** What every text of this situation takes for granted (checked against the facts). */
  assumes: Assumption[];
  keywords: string[];
  examples: string[];
  answers: Partial<Record<AnswerKind, string>>;
  reflection: string;
  step: string;
  question: string;
  /**
   * Relationship states that confirm the situation ("widowed" for grief after a partner's death):
   * when the conversation holds one, a match found in the message itself counts as close, however
   * the rest of the message dilutes its similarity ("My husband Alan died three years ago this
   * March. We were married 41 years.").
   */
  confirmedBy: RelationshipState[];
  /**
   * Good news in itself (an engagement, moving in, a breakthrough talk): on a turn of progress or
   * news its reflection meets the news, instead of the general words for good news.
   */
  glad: boolean;
  /**
   * Its own words already console a loss (a partner's or a pet's death): a condolence is not put
   * before them.
   */
  consoles: boolean;
  /** The file it came from. */
  file: string;
}

/** A situation that fits a message, and how well (0..~1.5). */
export interface SituationMatch {
  situation: Situation;
  score: number;
  /** Keywords of the situation found in the message. */
  keywordHits: number;
  /** The best cosine similarity with one of its examples. */
  similarity: number;
  /**
   * How much of the message's own content the situation shares (see {@link evidenceOf}): about
   * one per distinctive word found in its examples or keywords, plus one and a half for a keyword
   * phrase of two words or more. Below 2 the match rests on a stray word ("her name is claire" and a
   * baby-naming situation share only "name").
   */
  evidence: number;
  /** Set when it leads in place of a better-scoring match that shared too little content. */
  standsIn?: boolean;
}

/**
 * Whether a match is close enough for the situation to shape a sharing turn (its reflection and
 * topics): close, or fairly close when it stands in for a closer one that rested on a stray word.
 */
export function isCloseMatch(m: SituationMatch): boolean {
  return m.score >= CLOSE_SCORE || (m.standsIn === true && m.score >= 0.4);
}

/** The score from which a match is close ({@link isCloseMatch}). */
export const CLOSE_SCORE = 0.45;

/** Relationship states a situation may be confirmed by. */
const RELATIONSHIP_STATE_SET: ReadonlySet<string> = new Set(RELATIONSHIP_STATES);

/** The loaded catalogue and its index. */
export interface SituationCatalogue {
  readonly situations: readonly Situation[];
  /** A situation by id. */
  get(id: string): Situation | undefined;
  /** Best matches for a message, best first (only those above `min`). */
  match(text: string, min?: number): SituationMatch[];
  /** Keyword-only matching, the baseline the similarity is measured against. */
  matchKeywords(text: string): SituationMatch[];
  /**
   * The content the message shares with one situation (the `evidence` of a match); with `null`,
   * all the message's distinctive content (a word no situation uses counts half: often a name).
   */
  evidenceOf(text: string, id: string | null): number;
}

const TOPIC_SET: ReadonlySet<string> = new Set(TOPICS);
const ASSUMPTION_SET: ReadonlySet<string> = new Set(ASSUMPTIONS);
const KEYS = new Set([
  'id',
  'topics',
  'assumes',
  'keywords',
  'examples',
  'answers',
  'reflection',
  'step',
  'question',
  'confirmedBy',
  'glad',
  'consoles',
]);

function fail(file: string, id: unknown, problem: string): never {
  throw new Error(
    `Situation catalogue: ${file}: ${typeof id === 'string' ? `situation "${id}"` : 'a situation'}: ${problem}`,
  );
}

function strings(file: string, id: string, name: string, v: unknown, min: number): string[] {
  if (!Array.isArray(v) || v.length < min)
    fail(file, id, `"${name}" must be a list of at least ${min}`);
  for (const s of v)
    if (typeof s !== 'string' || s.trim() === '') fail(file, id, `"${name}" has an empty entry`);
  return v as string[];
}

function sentence(file: string, id: string, name: string, v: unknown, asks: boolean): string {
  if (typeof v !== 'string' || v.trim() === '')
    fail(file, id, `"${name}" must be a non-empty text`);
  const q = (v.match(/\?/g) ?? []).length;
  if (asks ? q !== 1 || !v.trim().endsWith('?') : q !== 0)
    fail(
      file,
      id,
      asks ? `"${name}" must be one question ending with "?"` : `"${name}" must not ask`,
    );
  if (/[{}]/.test(v)) fail(file, id, `"${name}" has a brace`);
  return v;
}

/** Validates one raw situation; throws naming the file and the situation on the first problem. */
export function validateSituation(raw: unknown, file: string): Situation {
  if (!isRecord(raw)) fail(file, undefined, 'not an object');
  const id = raw.id;
  if (typeof id !== 'string' || !/^[a-z0-9_]+$/.test(id))
    fail(file, id, '"id" must be lower-case letters, digits and "_"');
  for (const k of Object.keys(raw)) if (!KEYS.has(k)) fail(file, id, `unknown field "${k}"`);
  const topics = strings(file, id, 'topics', raw.topics, 1);
  for (const t of topics) if (!TOPIC_SET.has(t)) fail(file, id, `unknown topic "${t}"`);
  const assumes = raw.assumes === undefined ? [] : strings(file, id, 'assumes', raw.assumes, 0);
  for (const a of assumes) if (!ASSUMPTION_SET.has(a)) fail(file, id, `unknown assumption "${a}"`);
  const examples = strings(file, id, 'examples', raw.examples, 10);
  const keywords = strings(file, id, 'keywords', raw.keywords, 1);
  const confirmedBy =
    raw.confirmedBy === undefined ? [] : strings(file, id, 'confirmedBy', raw.confirmedBy, 1);
  for (const r of confirmedBy)
    if (!RELATIONSHIP_STATE_SET.has(r)) fail(file, id, `unknown relationship state "${r}"`);
  for (const flag of ['glad', 'consoles'] as const)
    if (raw[flag] !== undefined && typeof raw[flag] !== 'boolean')
      fail(file, id, `"${flag}" must be true or false`);
  if (!isRecord(raw.answers) || Object.keys(raw.answers).length === 0)
    fail(file, id, '"answers" must name at least one question kind');
  const answers: Partial<Record<AnswerKind, string>> = {};
  for (const [k, v] of Object.entries(raw.answers)) {
    if (!(ANSWER_KINDS as readonly string[]).includes(k))
      fail(file, id, `unknown answer kind "${k}"`);
    answers[k as AnswerKind] = sentence(file, id, `answers.${k}`, v, false);
  }
  return {
    id,
    topics: topics as TopicId[],
    assumes: assumes as Assumption[],
    keywords: keywords.map((k) => actText(k)),
    examples,
    answers,
    reflection: sentence(file, id, 'reflection', raw.reflection, false),
    step: sentence(file, id, 'step', raw.step, false),
    question: sentence(file, id, 'question', raw.question, true),
    confirmedBy: confirmedBy as RelationshipState[],
    glad: raw.glad === true,
    consoles: raw.consoles === true,
    file,
  };
}

/** Content stems of a text, with their counts. */
function stemCounts(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of normalizeText(text).stems) {
    if (s === BOUNDARY || STOPWORDS.has(s) || s.length < 3) continue;
    out.set(s, (out.get(s) ?? 0) + 1);
  }
  return out;
}

/**
 * A word found in this share of the situations' examples or more ("normal", "talk", "without")
 * says nothing about which situation a message is in; half as much from half this share.
 */
const GENERIC_SHARE = 0.2;
/** A keyword phrase ("text him", "couples therapy") found in the message counts this much. */
const PHRASE_EVIDENCE = 1.5;

/** What separates the words of a message where keywords are looked for. */
const KEYWORD_SPLIT = /[\s.,!?;:()]+/;

/** How much a keyword match adds to the score (capped at two keywords). */
const KEYWORD_WEIGHT = 0.2;
/** Share of the best single example in the similarity (the rest is the centroid). */
const MAX_WEIGHT = 0.5;

/** Builds a catalogue from parsed files (used by {@link loadSituations} and by tests). */
export function buildSituations(
  files: readonly { file: string; items: unknown }[],
): SituationCatalogue {
  const situations: Situation[] = [];
  const ids = new Set<string>();
  for (const { file, items } of files) {
    if (!Array.isArray(items)) throw new Error(`Situation catalogue: ${file}: must hold a list`);
    for (const raw of items) {
      const s = validateSituation(raw, file);
      if (ids.has(s.id)) fail(file, s.id, 'duplicate id');
      ids.add(s.id);
      situations.push(s);
    }
  }
  // TF-IDF over example wordings: document frequency first, then unit vectors in an inverted index.
  const docs: { situation: number; counts: Map<string, number> }[] = [];
  situations.forEach((s, i) => {
    for (const e of s.examples) docs.push({ situation: i, counts: stemCounts(e) });
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const st of d.counts.keys()) df.set(st, (df.get(st) ?? 0) + 1);
  const idf = (st: string) => Math.log((docs.length + 1) / ((df.get(st) ?? 0) + 1)) + 1;
  const index = new Map<string, { doc: number; w: number }[]>();
  docs.forEach((d, i) => {
    let norm = 0;
    const weights: [string, number][] = [];
    for (const [st, c] of d.counts) {
      const w = (1 + Math.log(c)) * idf(st);
      weights.push([st, w]);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [st, w] of weights) {
      let list = index.get(st);
      if (!list) index.set(st, (list = []));
      list.push({ doc: i, w: w / norm });
    }
  });

  // Centroids: the normalised sum of a situation's example vectors, as an inverted index too.
  const sums = situations.map(() => new Map<string, number>());
  for (const [st, list] of index)
    for (const p of list) {
      const m = sums[docs[p.doc].situation];
      m.set(st, (m.get(st) ?? 0) + p.w);
    }
  const centroidIndex = new Map<string, { situation: number; w: number }[]>();
  sums.forEach((m, situation) => {
    let n = 0;
    for (const v of m.values()) n += v * v;
    n = Math.sqrt(n) || 1;
    for (const [st, v] of m) {
      let list = centroidIndex.get(st);
      if (!list) centroidIndex.set(st, (list = []));
      list.push({ situation, w: v / n });
    }
  });

  // Keywords by their first word, so a message only checks keywords that can start in it. A
  // keyword of plain words found in the padded text has each word but the last as a whole word
  // of the message and its last as the start of one: words of the message that cannot hold it
  // skip the search of the text (~97 searches a message, ~3 left).
  const byFirstWord = new Map<
    string,
    { situation: number; keyword: string; inner: string[]; lastHead: string | null }[]
  >();
  situations.forEach((s, situation) => {
    for (const keyword of s.keywords) {
      const words = keyword.split(' ');
      const first = words[0];
      const plain = words.every((w) => w !== '' && !KEYWORD_SPLIT.test(w));
      const last = words[words.length - 1];
      let list = byFirstWord.get(first);
      if (!list) byFirstWord.set(first, (list = []));
      list.push({
        situation,
        keyword: ` ${keyword}`,
        inner: plain ? words.slice(1, -1) : [],
        lastHead: plain && words.length > 1 && last.length >= 3 ? last.slice(0, 3) : null,
      });
    }
  });

  function keywordHits(text: string): number[] {
    const t = ` ${actText(text)} `;
    const hits = new Array<number>(situations.length).fill(0);
    const words = new Set<string>();
    const heads = new Set<string>();
    for (const word of t.split(KEYWORD_SPLIT)) {
      if (!word || words.has(word)) continue;
      words.add(word);
      heads.add(word.slice(0, 3));
    }
    for (const word of words) {
      const list = byFirstWord.get(word);
      if (!list) continue;
      for (const k of list) {
        if (k.lastHead !== null && !heads.has(k.lastHead)) continue;
        if (!k.inner.every((w) => words.has(w))) continue;
        if (t.includes(k.keyword)) hits[k.situation]++;
      }
    }
    return hits;
  }

  // Per stem, flat: its idf, the examples it is in with their weights, and the situations whose
  // centroid has it with theirs (typed arrays, read once per message, in the order built above).
  interface Postings {
    idf: number;
    docs: Int32Array;
    docWeights: Float64Array;
    centroids: Int32Array;
    centroidWeights: Float64Array;
  }
  const postings = new Map<string, Postings>();
  for (const [st, list] of index) {
    const central = centroidIndex.get(st) ?? [];
    postings.set(st, {
      idf: idf(st),
      docs: Int32Array.from(list, (p) => p.doc),
      docWeights: Float64Array.from(list, (p) => p.w),
      centroids: Int32Array.from(central, (c) => c.situation),
      centroidWeights: Float64Array.from(central, (c) => c.w),
    });
  }
  const situationOf = Int32Array.from(docs, (d) => d.situation);

  const perDoc = new Float64Array(docs.length);
  const touched = new Int32Array(docs.length);
  function similarities(text: string): number[] {
    const counts = stemCounts(text);
    const q: Postings[] = [];
    const qw: number[] = [];
    let norm = 0;
    for (const [st, c] of counts) {
      const p = postings.get(st);
      if (p === undefined) continue;
      const w = (1 + Math.log(c)) * p.idf;
      q.push(p);
      qw.push(w);
      norm += w * w;
    }
    // Unknown words still count in the message's length, so a long message with one shared
    // word does not look like a close match.
    for (const [st, c] of counts) if (!postings.has(st)) norm += ((1 + Math.log(c)) * idf(st)) ** 2;
    norm = Math.sqrt(norm) || 1;
    // Only the examples sharing a word with the message have a score; the others stay at 0 and
    // cannot be any situation's best. The scratch array is left all zeros for the next message.
    let nTouched = 0;
    for (let j = 0; j < q.length; j++) {
      const { docs: ds, docWeights } = q[j];
      const w = qw[j];
      for (let k = 0; k < ds.length; k++) {
        const d = ds[k];
        if (perDoc[d] === 0) touched[nTouched++] = d;
        perDoc[d] += (w / norm) * docWeights[k];
      }
    }
    // Half the best single example, half the situation's centroid: one lucky shared word with
    // one example counts less than a message close to what the examples share.
    const best = new Float64Array(situations.length);
    for (let x = 0; x < nTouched; x++) {
      const i = touched[x];
      const v = perDoc[i];
      perDoc[i] = 0;
      const s = situationOf[i];
      if (v > best[s]) best[s] = v;
    }
    const central = new Float64Array(situations.length);
    for (let j = 0; j < q.length; j++) {
      const { centroids, centroidWeights } = q[j];
      const w = qw[j];
      for (let k = 0; k < centroids.length; k++)
        central[centroids[k]] += (w / norm) * centroidWeights[k];
    }
    const out = new Array<number>(situations.length);
    for (let i = 0; i < out.length; i++)
      out[i] = MAX_WEIGHT * best[i] + (1 - MAX_WEIGHT) * central[i];
    return out;
  }

  // Each situation's own words (examples and keywords), and in how many situations each word is.
  const ownStems = situations.map((s) => {
    const set = new Set<string>();
    for (const e of s.examples) for (const st of stemCounts(e).keys()) set.add(st);
    for (const k of s.keywords) for (const st of stemCounts(k).keys()) set.add(st);
    return set;
  });
  const spread = new Map<string, number>();
  for (const set of ownStems) for (const st of set) spread.set(st, (spread.get(st) ?? 0) + 1);
  const generic = GENERIC_SHARE * situations.length;
  const weightOf = (st: string) => {
    const n = spread.get(st) ?? 0;
    return n >= generic ? 0 : n >= generic / 2 ? 0.5 : 1;
  };
  // Keyword phrases (two words or more) by situation: a phrase found is content on its own.
  const phrases = situations.map((s) =>
    s.keywords.filter((k) => k.includes(' ')).map((k) => ` ${k} `),
  );

  function evidence(i: number, stems: Iterable<string>, padded: string): number {
    let e = 0;
    for (const st of stems) if (ownStems[i].has(st)) e += weightOf(st);
    if (phrases[i].some((k) => padded.includes(k))) e += PHRASE_EVIDENCE;
    return e;
  }
  const padText = (text: string) => ` ${actText(text).replace(/[.,!?;:()]+/g, ' ')} `;

  const byId = new Map(situations.map((s) => [s.id, s]));
  return {
    situations,
    get: (id: string) => byId.get(id),
    match(text: string, min = 0.3): SituationMatch[] {
      const sims = similarities(text);
      const hits = keywordHits(text);
      const out: SituationMatch[] = [];
      let stems: string[] | null = null;
      let padded = '';
      situations.forEach((situation, i) => {
        const score = sims[i] + KEYWORD_WEIGHT * Math.min(2, hits[i]);
        if (score < min) return;
        if (!stems) {
          stems = [...stemCounts(text).keys()];
          padded = padText(text);
        }
        out.push({
          situation,
          score,
          keywordHits: hits[i],
          similarity: sims[i],
          evidence: evidence(i, stems, padded),
        });
      });
      return out.sort((a, b) => b.score - a.score || a.situation.id.localeCompare(b.situation.id));
    },
    matchKeywords(text: string): SituationMatch[] {
      const hits = keywordHits(text);
      return situations
        .map((situation, i) => ({
          situation,
          score: hits[i],
          keywordHits: hits[i],
          similarity: 0,
          evidence: hits[i],
        }))
        .filter((m) => m.score > 0)
        .sort((a, b) => b.score - a.score || a.situation.id.localeCompare(b.situation.id));
    },
    evidenceOf(text: string, id: string | null): number {
      if (id === null) {
        let e = 0;
        for (const st of stemCounts(text).keys()) e += spread.has(st) ? weightOf(st) : 0.5;
        return e;
      }
      const i = situations.findIndex((s) => s.id === id);
      return i < 0 ? 0 : evidence(i, stemCounts(text).keys(), padText(text));
    },
  };
}

/** Reads every `*.json` in the situations folder (sorted), validates it and builds the index. */
export function loadSituations(dir: string = __dirname): SituationCatalogue {
  const names = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort();
  return buildSituations(
    names.map((file) => {
      try {
        return { file, items: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) };
      } catch (err) {
        throw new Error(`Situation catalogue: ${file}: not valid JSON (${(err as Error).message})`);
      }
    }),
  );
}
