/**
 * Choosing the blocks of one answer. Each style has a recipe (a list of slots, each naming the
 * block types that may fill it); each slot takes the best-scoring eligible block. Candidates come
 * from the precomputed indexes (the turn's topics at the current and adjacent stages, then
 * general blocks), never from a scan of the whole library.
 */
import type { BlockLibrary, LibraryBlock } from './library';
import type { Rng } from './rng';
import type { BlockType, EmotionId, RelationshipStatus, ResponseStyle, Stage, TopicId } from './types';

/** One slot of a recipe: the types that may fill it, and whether it may be left out. */
export interface RecipeSlot {
  types: readonly BlockType[];
  optional?: boolean;
}

/** Per-style recipes. Only explorations ask, so each recipe asks at most one question. */
export const RECIPES: Record<ResponseStyle, readonly RecipeSlot[]> = {
  GROUNDING: [{ types: ['reflection'] }, { types: ['normalization'] }, { types: ['exploration', 'action'] }],
  DEEPENING: [{ types: ['reflection'] }, { types: ['insight', 'reframe'] }, { types: ['exploration'] }],
  GUIDANCE_SESSION: [{ types: ['reflection'] }, { types: ['insight'] }, { types: ['action'] }, { types: ['exploration'], optional: true }],
  LIGHT_TOUCH: [{ types: ['reflection'] }, { types: ['exploration'] }],
  CHECK_IN: [{ types: ['reflection'] }, { types: ['exploration'] }],
  SAFETY: [],
};

/** At most this many questions in one answer. */
export const MAX_QUESTIONS = 2;
/** Chance that a guidance answer ends with an open question as well. */
const OPTIONAL_SLOT_CHANCE = 0.35;
/** Random spread added to scores, so equally good blocks take turns. */
const JITTER = 1.5;

/** Everything the choice looks at for one turn. */
export interface ChoiceContext {
  library: BlockLibrary;
  /** The turn's topics, most salient first (may be empty). */
  topics: readonly TopicId[];
  stage: Stage;
  emotions: readonly EmotionId[];
  status: RelationshipStatus | null;
  partnerName: string | null;
  /** A quotable phrase of the user's words; blocks with `{echo}` need one. */
  echo: string | null;
  /** Content stems of the message, for lexical similarity. */
  messageStems: ReadonlySet<string>;
  /** Block ids used in the last 15 turns. */
  recent: ReadonlySet<string>;
  /** Block ids not to use when another fits (dislikes, answers being regenerated). */
  avoid: ReadonlySet<string>;
  rng: Rng;
  /** Extra score per block type, e.g. actions when the user asks what to do. */
  typeBias?: Partial<Record<BlockType, number>>;
}

/** A chosen block and how well it fits (0..1), for confidence. */
export interface ChosenBlock {
  block: LibraryBlock;
  fit: number;
}

const TOPIC_RANK_SCORE = [6, 4, 3, 2.5];
const TOPIC_RANK_FIT = [1, 0.8, 0.7, 0.65];
const GENERAL_TOPIC_SCORE = 2;
const GENERAL_FIT = 0.55;

interface Scored {
  block: LibraryBlock;
  score: number;
  fit: number;
}

/** Score of one candidate, or null when it is not eligible at all. */
function scoreBlock(block: LibraryBlock, ctx: ChoiceContext, echoAvailable: boolean): Scored | null {
  if (block.usesEcho && !echoAvailable) return null;
  if (block.statuses.length > 0 && ctx.status && !block.statuses.includes(ctx.status)) return null;
  let score = 0;
  let fit = 1;
  // Topic: the turn's main topic first, then the others, then general blocks.
  if (block.general) {
    score += GENERAL_TOPIC_SCORE;
    fit *= GENERAL_FIT;
  } else {
    let rank = -1;
    for (let i = 0; i < ctx.topics.length; i++) {
      if (block.topics.includes(ctx.topics[i])) {
        rank = i;
        break;
      }
    }
    if (rank < 0) return null;
    score += TOPIC_RANK_SCORE[Math.min(rank, TOPIC_RANK_SCORE.length - 1)];
    fit *= TOPIC_RANK_FIT[Math.min(rank, TOPIC_RANK_FIT.length - 1)];
  }
  // Stage: exact best, adjacent next (a step back reads better than a step ahead).
  if (block.stages.includes(ctx.stage)) score += 3;
  else if (block.stages.includes((ctx.stage - 1) as Stage)) {
    score += 1.2;
    fit *= 0.75;
  } else if (block.stages.includes((ctx.stage + 1) as Stage)) {
    score += 1;
    fit *= 0.7;
  } else return null;
  // Emotion.
  const feelings = ctx.emotions[0] === 'neutral' ? [] : ctx.emotions;
  if (block.emotions.length === 0 || feelings.length === 0) score += 0.5;
  else if (block.emotions.includes(feelings[0])) score += 2 + (feelings.slice(1).some((e) => block.emotions.includes(e)) ? 0.5 : 0);
  else if (feelings.some((e) => block.emotions.includes(e))) score += 1;
  else {
    score -= 0.5;
    fit *= 0.85;
  }
  // Status: a status-limited block fits a known matching status; unknown status, be careful.
  if (block.statuses.length > 0) score += ctx.status ? 1 : -1.5;
  score += (block.priority - 1) * 0.5;
  // Lexical similarity: shared content words with the message.
  let shared = 0;
  for (const s of block.stems) if (ctx.messageStems.has(s)) shared++;
  score += Math.min(3, shared * 0.6);
  if (block.usesEcho) score += 0.5;
  if (block.usesPartner) score += ctx.partnerName ? 0.3 : ctx.status === 'single' ? -1.5 : 0;
  score += ctx.typeBias?.[block.type] ?? 0;
  score += ctx.rng() * JITTER;
  return { block, score, fit };
}

/** Candidate buckets for a type: the turn's topics (stage, stage-1, stage+1), then general blocks. */
function candidates(type: BlockType, ctx: ChoiceContext): LibraryBlock[] {
  const out: LibraryBlock[] = [];
  const stages = [ctx.stage, ctx.stage - 1, ctx.stage + 1].filter((s) => s >= 1 && s <= 4);
  const perTopic = ctx.library.byTypeTopic.get(type);
  for (const topic of ctx.topics) {
    const buckets = perTopic?.get(topic);
    if (!buckets) continue;
    for (const s of stages) for (const b of buckets[s]) out.push(b);
  }
  const general = ctx.library.generalByType.get(type);
  if (general) for (const s of stages) for (const b of general[s]) out.push(b);
  return out;
}

/**
 * The best block of the given types, or null. Three passes: fresh blocks; then blocks only on
 * the avoid list; then recently used ones (only when nothing else fits at all).
 */
export function chooseBlock(
  types: readonly BlockType[],
  ctx: ChoiceContext,
  taken: ReadonlySet<string>,
  echoAvailable: boolean,
): ChosenBlock | null {
  const pool: LibraryBlock[] = [];
  const seen = new Set<string>();
  for (const type of types) {
    for (const b of candidates(type, ctx)) {
      if (seen.has(b.id) || taken.has(b.id)) continue;
      seen.add(b.id);
      pool.push(b);
    }
  }
  const scored: Scored[] = [];
  for (const b of pool) {
    const s = scoreBlock(b, ctx, echoAvailable);
    if (s) scored.push(s);
  }
  const passes: ((s: Scored) => boolean)[] = [
    (s) => !ctx.recent.has(s.block.id) && !ctx.avoid.has(s.block.id),
    (s) => !ctx.recent.has(s.block.id),
    () => true,
  ];
  for (const accept of passes) {
    let best: Scored | null = null;
    for (const s of scored) if (accept(s) && (!best || s.score > best.score)) best = s;
    if (best) return { block: best.block, fit: best.fit };
  }
  return null;
}

function questionCount(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === '?') n++;
  return n;
}

/**
 * The blocks of one answer, following the style's recipe: one block per slot, no block twice,
 * at most one `{echo}` and at most {@link MAX_QUESTIONS} questions.
 */
export function chooseBlocks(style: ResponseStyle, ctx: ChoiceContext): ChosenBlock[] {
  const chosen: ChosenBlock[] = [];
  const taken = new Set<string>();
  let echoAvailable = ctx.echo !== null;
  let questions = 0;
  for (const slot of RECIPES[style]) {
    if (slot.optional && ctx.rng() >= OPTIONAL_SLOT_CHANCE) continue;
    const pick = chooseBlock(slot.types, ctx, taken, echoAvailable);
    if (!pick) continue;
    const q = questionCount(pick.block.text);
    if (questions + q > MAX_QUESTIONS) continue;
    questions += q;
    chosen.push(pick);
    taken.add(pick.block.id);
    // Quoting the user once per answer is warm; twice is a tic.
    if (pick.block.usesEcho) echoAvailable = false;
  }
  return chosen;
}
