/**
 * Choosing the blocks of one answer. Each style has a recipe (a list of slots, each naming the
 * block types that may fill it); each slot takes the best-scoring eligible block. Candidates come
 * from the precomputed indexes (the turn's topics at the current and adjacent stages, then
 * general blocks), never from a scan of the whole library.
 */
import type { BlockLibrary, LibraryBlock } from './library';
import type { Rng } from './rng';
import type {
  BlockType,
  EmotionId,
  RelationshipStatus,
  ResponseStyle,
  Stage,
  TopicId,
} from './types';

/** One slot of a recipe: the types that may fill it, and whether it may be left out. */
export interface RecipeSlot {
  types: readonly BlockType[];
  optional?: boolean;
}

/** Per-style recipes. Only explorations ask, so each recipe asks at most one question. */
export const RECIPES: Record<ResponseStyle, readonly RecipeSlot[]> = {
  GROUNDING: [
    { types: ['reflection'] },
    { types: ['normalization'] },
    { types: ['exploration', 'action'] },
  ],
  DEEPENING: [
    { types: ['reflection'] },
    { types: ['insight', 'reframe'] },
    { types: ['exploration'] },
  ],
  GUIDANCE_SESSION: [
    { types: ['reflection'] },
    { types: ['insight'] },
    { types: ['action'] },
    { types: ['exploration'], optional: true },
  ],
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
  /**
   * Blocks this returns false for are never chosen, not even as a last resort: those whose
   * assumptions the conversation does not support.
   */
  eligible?: (block: LibraryBlock) => boolean;
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

/** Per-turn facts derived once from the context, so scoring a block does no allocation. */
interface Prepared {
  ctx: ChoiceContext;
  topicRank: ReadonlyMap<TopicId, number>;
  /** The leading feeling, or null when the message is neutral. */
  primary: EmotionId | null;
  /** The other feelings. */
  others: readonly EmotionId[];
  /** Stages to draw candidates from: the current one, then one back, then one ahead. */
  stages: readonly Stage[];
}

function prepare(ctx: ChoiceContext): Prepared {
  const topicRank = new Map<TopicId, number>();
  ctx.topics.forEach((t, i) => {
    if (!topicRank.has(t)) topicRank.set(t, i);
  });
  const feelings = ctx.emotions[0] === 'neutral' ? [] : ctx.emotions;
  const stages = [ctx.stage, ctx.stage - 1, ctx.stage + 1].filter(
    (st) => st >= 1 && st <= 4,
  ) as Stage[];
  return { ctx, topicRank, primary: feelings[0] ?? null, others: feelings.slice(1), stages };
}

/** Score of one candidate, or null when it is not eligible at all. */
function scoreBlock(block: LibraryBlock, p: Prepared, echoAvailable: boolean): Scored | null {
  const { ctx } = p;
  if (block.usesEcho && !echoAvailable) return null;
  if (ctx.eligible && !ctx.eligible(block)) return null;
  if (block.statuses.length > 0 && ctx.status && !block.statuses.includes(ctx.status)) return null;
  let score = 0;
  let fit = 1;
  // Topic: the turn's main topic first, then the others, then general blocks.
  if (block.general) {
    score += GENERAL_TOPIC_SCORE;
    fit *= GENERAL_FIT;
  } else {
    let rank = Infinity;
    for (const t of block.topics) {
      const r = p.topicRank.get(t);
      if (r !== undefined && r < rank) rank = r;
    }
    if (rank === Infinity) return null;
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
  if (block.emotions.length === 0 || p.primary === null) score += 0.5;
  else {
    const primary = block.emotions.includes(p.primary);
    let other = false;
    for (const e of p.others) if (block.emotions.includes(e)) other = true;
    if (primary) score += other ? 2.5 : 2;
    else if (other) score += 1;
    else {
      score -= 0.5;
      fit *= 0.85;
    }
  }
  // Status: a status-limited block fits a known matching status; unknown status, be careful.
  if (block.statuses.length > 0) score += ctx.status ? 1 : -1.5;
  score += (block.priority - 1) * 0.5;
  // Lexical similarity: shared content words with the message.
  let shared = 0;
  for (const st of block.stemList) if (ctx.messageStems.has(st)) shared++;
  score += Math.min(3, shared * 0.6);
  if (block.usesEcho) score += 0.5;
  if (block.usesPartner) score += ctx.partnerName ? 0.3 : ctx.status === 'single' ? -1.5 : 0;
  score += ctx.typeBias?.[block.type] ?? 0;
  score += ctx.rng() * JITTER;
  return { block, score, fit };
}

/**
 * Candidate blocks of the given types in tiers, nearest first: (0) the two leading topics at the
 * current stage; (1) those topics one stage back or ahead, and the other topics at the current
 * stage; (2) everything else that may fit (other topics at adjacent stages, general blocks).
 * A later tier could only win on jitter and small bonuses, so it is only scored when the nearer
 * ones run short; that keeps a turn to a few dozen scored blocks.
 */
function tieredCandidates(
  types: readonly BlockType[],
  p: Prepared,
  taken: ReadonlySet<string>,
): LibraryBlock[][] {
  const tiers: LibraryBlock[][] = [[], [], []];
  const seen = new Set<string>(taken);
  const push = (tier: number, b: LibraryBlock) => {
    if (!seen.has(b.id)) {
      seen.add(b.id);
      tiers[tier].push(b);
    }
  };
  const stage = p.ctx.stage;
  for (const type of types) {
    const perTopic = p.ctx.library.byTypeTopic.get(type);
    for (const [topic, rank] of p.topicRank) {
      const buckets = perTopic?.get(topic);
      if (!buckets) continue;
      for (const st of p.stages) {
        const tier = st === stage ? (rank < 2 ? 0 : 1) : rank < 2 ? 1 : 2;
        for (const b of buckets[st]) push(tier, b);
      }
    }
  }
  for (const type of types) {
    const general = p.ctx.library.generalByType.get(type);
    if (general) for (const st of p.stages) for (const b of general[st]) push(2, b);
  }
  return tiers;
}

/** Fresh candidates a tier needs before the next tier is left unscored (so jitter still varies). */
const MIN_FRESH_PER_TIER = 3;

function best(scored: readonly Scored[]): Scored | null {
  let top: Scored | null = null;
  for (const sc of scored) if (!top || sc.score > top.score) top = sc;
  return top;
}

/**
 * The best block of the given types, or null. Fresh blocks first (nearest tiers first); then
 * blocks only on the avoid list; then recently used ones (only when nothing else fits at all).
 */
function chooseFrom(
  types: readonly BlockType[],
  p: Prepared,
  taken: ReadonlySet<string>,
  echoAvailable: boolean,
): ChosenBlock | null {
  const { ctx } = p;
  const tiers = tieredCandidates(types, p, taken);
  const fresh: Scored[] = [];
  for (const tier of tiers) {
    for (const b of tier) {
      if (ctx.recent.has(b.id) || ctx.avoid.has(b.id)) continue;
      const sc = scoreBlock(b, p, echoAvailable);
      if (sc) fresh.push(sc);
    }
    if (fresh.length >= MIN_FRESH_PER_TIER) break;
  }
  let top = best(fresh);
  if (top) return { block: top.block, fit: top.fit };
  for (const accept of [(b: LibraryBlock) => !ctx.recent.has(b.id), () => true]) {
    const scored: Scored[] = [];
    for (const tier of tiers) {
      for (const b of tier) {
        if (!accept(b)) continue;
        const sc = scoreBlock(b, p, echoAvailable);
        if (sc) scored.push(sc);
      }
    }
    top = best(scored);
    if (top) return { block: top.block, fit: top.fit };
  }
  return null;
}

/**
 * The best block of the given types for this turn, or null; see {@link chooseBlocks} for the
 * whole answer. `taken` are ids already in the answer.
 */
export function chooseBlock(
  types: readonly BlockType[],
  ctx: ChoiceContext,
  taken: ReadonlySet<string>,
  echoAvailable: boolean,
): ChosenBlock | null {
  return chooseFrom(types, prepare(ctx), taken, echoAvailable);
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
  const prepared = prepare(ctx);
  for (const slot of RECIPES[style]) {
    if (slot.optional && ctx.rng() >= OPTIONAL_SLOT_CHANCE) continue;
    const pick = chooseFrom(slot.types, prepared, taken, echoAvailable);
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
