/**
 * The block library: loads `blocks/*.json`, validates every block, and precomputes what choosing
 * needs (indexes by type, topic and stage; each block's word stems) so a turn never scans the
 * whole library.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BOUNDARY, normalizeText, STOPWORDS } from './normalize';
import { ASSUMPTIONS, type Assumption } from './conversation/assumptions';
import {
  BLOCK_TYPES,
  EMOTIONS,
  PLACEHOLDERS,
  RELATIONSHIP_STATUSES,
  TOPICS,
  type Block,
  type BlockType,
  type Stage,
  type TopicId,
} from './types';

/** A validated block plus what was precomputed for it at load. */
export interface LibraryBlock extends Block {
  /** The file it came from (for error messages and reviews). */
  readonly file: string;
  /** Content-word stems of its text, for lexical similarity to a message. */
  readonly stems: ReadonlySet<string>;
  /** The same stems as an array (faster to walk per turn than a Set). */
  readonly stemList: readonly string[];
  /** Uses `{echo}`: only chosen when a phrase of the user's words could be taken. */
  readonly usesEcho: boolean;
  /** Uses `{partner}` or `{partner_possessive}`. */
  readonly usesPartner: boolean;
  /** No topics: fits any topic. */
  readonly general: boolean;
}

/** Blocks per stage; index 0 unused so `[stage]` reads naturally. */
export type StageBuckets = readonly (readonly LibraryBlock[])[];

/** The loaded library and its indexes. */
export interface BlockLibrary {
  readonly blocks: readonly LibraryBlock[];
  readonly byId: ReadonlyMap<string, LibraryBlock>;
  /** Topic-specific blocks: type -> topic -> stage -> blocks. */
  readonly byTypeTopic: ReadonlyMap<BlockType, ReadonlyMap<TopicId, StageBuckets>>;
  /** General blocks (no topics): type -> stage -> blocks. */
  readonly generalByType: ReadonlyMap<BlockType, StageBuckets>;
  /** The files read, in order. */
  readonly files: readonly string[];
}

const TYPE_SET: ReadonlySet<string> = new Set(BLOCK_TYPES);
const TOPIC_SET: ReadonlySet<string> = new Set(TOPICS);
const EMOTION_SET: ReadonlySet<string> = new Set(EMOTIONS);
const STATUS_SET: ReadonlySet<string> = new Set(RELATIONSHIP_STATUSES);
const PLACEHOLDER_SET: ReadonlySet<string> = new Set(PLACEHOLDERS);
const KNOWN_KEYS: ReadonlySet<string> = new Set([
  'id',
  'type',
  'topics',
  'emotions',
  'stages',
  'statuses',
  'priority',
  'text',
  'label',
  'assumes',
]);
const ASSUMPTION_SET: ReadonlySet<string> = new Set(ASSUMPTIONS);

function fail(file: string, id: unknown, problem: string): never {
  const who = typeof id === 'string' && id ? `block "${id}"` : 'a block without a valid id';
  throw new Error(`Block library: ${file}: ${who}: ${problem}`);
}

function checkList(
  file: string,
  id: string,
  name: string,
  value: unknown,
  allowed: ReadonlySet<string>,
): string[] {
  if (!Array.isArray(value)) fail(file, id, `"${name}" must be an array`);
  for (const v of value)
    if (typeof v !== 'string' || !allowed.has(v))
      fail(file, id, `unknown ${name} value ${JSON.stringify(v)}`);
  if (new Set(value).size !== value.length) fail(file, id, `"${name}" repeats a value`);
  return value as string[];
}

/**
 * Validates one raw block and returns it typed. Throws an Error naming the file and block id on
 * the first problem: unknown type/topic/emotion/stage/status, bad priority, empty text, unknown
 * or broken placeholders, an exploration that is not exactly one question ending in "?", or a "?"
 * in any other type (questions are budgeted per answer, so only explorations may ask).
 */
export function validateBlock(raw: unknown, file: string): Block {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    fail(file, undefined, 'not an object');
  const b = raw as Record<string, unknown>;
  const id = b.id;
  if (typeof id !== 'string' || !/^[a-z0-9_.-]+$/i.test(id))
    fail(file, id, '"id" must be a non-empty string of letters, digits, "_", "-" or "."');
  for (const key of Object.keys(b))
    if (!KNOWN_KEYS.has(key)) fail(file, id, `unknown field "${key}"`);
  if (typeof b.type !== 'string' || !TYPE_SET.has(b.type))
    fail(file, id, `unknown type ${JSON.stringify(b.type)}`);
  const topics = checkList(file, id, 'topics', b.topics, TOPIC_SET);
  const emotions = checkList(file, id, 'emotions', b.emotions, EMOTION_SET);
  const statuses = checkList(file, id, 'statuses', b.statuses, STATUS_SET);
  if (!Array.isArray(b.stages) || b.stages.length === 0)
    fail(file, id, '"stages" must be a non-empty array');
  for (const s of b.stages)
    if (s !== 1 && s !== 2 && s !== 3 && s !== 4)
      fail(file, id, `unknown stage ${JSON.stringify(s)}`);
  if (new Set(b.stages).size !== b.stages.length) fail(file, id, '"stages" repeats a value');
  if (
    typeof b.priority !== 'number' ||
    !Number.isFinite(b.priority) ||
    b.priority < 1 ||
    b.priority > 3
  ) {
    fail(file, id, '"priority" must be a number from 1 to 3');
  }
  if (typeof b.text !== 'string' || b.text.trim().length === 0)
    fail(file, id, '"text" must be a non-empty string');
  if (b.label !== undefined && (typeof b.label !== 'string' || b.label.trim() === ''))
    fail(file, id, '"label" must be a non-empty string');
  const text = b.text;
  // Placeholders: every {...} known, and no brace outside one.
  const stripped = text.replace(/\{([^{}]*)\}/g, (_m, name: string) => {
    if (!PLACEHOLDER_SET.has(name)) fail(file, id, `unknown placeholder {${name}}`);
    return '';
  });
  if (/[{}]/.test(stripped)) fail(file, id, 'unbalanced "{" or "}" in text');
  const questions = (text.match(/\?/g) ?? []).length;
  if (b.type === 'exploration') {
    if (questions !== 1 || !text.trim().endsWith('?'))
      fail(file, id, 'an exploration must be exactly one question ending with "?"');
  } else if (questions > 0) {
    fail(file, id, `a ${b.type} block must not ask a question ("?")`);
  }
  const assumes =
    b.assumes === undefined ? [] : checkList(file, id, 'assumes', b.assumes, ASSUMPTION_SET);
  return {
    id,
    type: b.type as BlockType,
    topics: topics as TopicId[],
    emotions: emotions as Block['emotions'],
    stages: b.stages as Stage[],
    statuses: statuses as Block['statuses'],
    priority: b.priority,
    text,
    ...(typeof b.label === 'string' ? { label: b.label.trim() } : {}),
    assumes: assumes as Assumption[],
  };
}

/** Content stems of a block text (placeholders removed), for lexical overlap. */
function contentStems(text: string): Set<string> {
  const stems = normalizeText(text.replace(/\{[^{}]*\}/g, ' ')).stems;
  return new Set(stems.filter((s) => s !== BOUNDARY && !STOPWORDS.has(s) && s.length > 2));
}

function emptyBuckets(): LibraryBlock[][] {
  return [[], [], [], [], []];
}

/**
 * Builds a library from already-parsed files (used by {@link loadBlockLibrary} and by tests with
 * fixture blocks). Validates every block and rejects duplicate ids across files.
 */
export function buildBlockLibrary(
  files: readonly { file: string; blocks: unknown }[],
): BlockLibrary {
  const blocks: LibraryBlock[] = [];
  const byId = new Map<string, LibraryBlock>();
  const byTypeTopic = new Map<BlockType, Map<TopicId, LibraryBlock[][]>>();
  const generalByType = new Map<BlockType, LibraryBlock[][]>();
  for (const t of BLOCK_TYPES) {
    byTypeTopic.set(t, new Map());
    generalByType.set(t, emptyBuckets());
  }
  for (const { file, blocks: raw } of files) {
    if (!Array.isArray(raw))
      throw new Error(`Block library: ${file}: the file must hold a JSON array of blocks`);
    for (const item of raw) {
      const block = validateBlock(item, file);
      const previous = byId.get(block.id);
      if (previous) fail(file, block.id, `duplicate id (also in ${previous.file})`);
      const stems = contentStems(block.text);
      const lib: LibraryBlock = {
        ...block,
        file,
        stems,
        stemList: [...stems],
        usesEcho: block.text.includes('{echo}'),
        usesPartner: /\{partner(?:_possessive)?\}/.test(block.text),
        general: block.topics.length === 0,
      };
      blocks.push(lib);
      byId.set(lib.id, lib);
      if (lib.general) {
        const buckets = generalByType.get(lib.type)!;
        for (const s of lib.stages) buckets[s].push(lib);
      } else {
        const perTopic = byTypeTopic.get(lib.type)!;
        for (const topic of lib.topics) {
          let buckets = perTopic.get(topic);
          if (!buckets) perTopic.set(topic, (buckets = emptyBuckets()));
          for (const s of lib.stages) buckets[s].push(lib);
        }
      }
    }
  }
  return { blocks, byId, byTypeTopic, generalByType, files: files.map((f) => f.file) };
}

/** The blocks folder next to this module (the build copies it into dist/ beside the code). */
function defaultBlocksDir(): string {
  return path.join(__dirname, 'blocks');
}

/**
 * Reads every `*.json` in `dir` (sorted by name, so ids and order are stable), validates each
 * block and builds the indexes. Throws an Error naming the file and block id on the first problem.
 */
export function loadBlockLibrary(dir: string = defaultBlocksDir()): BlockLibrary {
  const names = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort();
  const files = names.map((name) => {
    const full = path.join(dir, name);
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(full, 'utf8'));
    } catch (err) {
      throw new Error(`Block library: ${name}: not valid JSON (${(err as Error).message})`);
    }
    return { file: name, blocks: parsed };
  });
  return buildBlockLibrary(files);
}
