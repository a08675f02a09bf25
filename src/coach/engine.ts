/**
 * The coaching engine: one turn = safety first, then understand, remember, choose a style,
 * choose blocks, compose, score. Pure: the caller hands in the state and a seed and stores what
 * comes back; nothing here reads the clock, the environment or a database.
 */
import { chooseBlock, chooseBlocks, type ChoiceContext, type ChosenBlock } from './choose';
import { recogniseAct, type TurnAct } from './conversation/acts';
import { feelingOf } from './conversation/feeling';
import { allSupported, topicAssumptions } from './conversation/assumptions';
import {
  correctedCounts,
  currentEx,
  currentPartner,
  emptyFacts,
  speaksOnlyOfOthers,
  statesOnlyOthers,
  updateFacts,
  useNames,
} from './conversation/facts';
import { planForAct, type Piece } from './conversation/reply';
import { unfitAsk } from './conversation/ask-fit';
import {
  CLOSE_SCORE,
  isCloseMatch,
  loadSituations,
  type SituationCatalogue,
  type SituationMatch,
} from './situations';
import { composeReply, fillPlaceholders } from './compose';
import {
  HEAVY_TOPICS,
  STRONG_EMOTIONS,
  asksForAdvice,
  detectEmotions,
  detectTopics,
  inferenceTopic,
} from './detect';
import {
  extractEcho,
  extractFacts,
  findPartnerName,
  mapRelationshipStatus,
  statusFromText,
} from './extract';
import { questionToLabel, stageGoal } from './labels';
import type { BlockLibrary } from './library';
import { BOUNDARY, normalizeText, STOPWORDS } from './normalize';
import { createRng, hashString } from './rng';
import { withSafety } from './safety';
import {
  cloneState,
  initialState,
  mainStage,
  mainTopicOf,
  nextStage,
  pushStyle,
  stageForTurns,
} from './state';
import { warmUp } from './warmup';
import {
  DEFAULT_SAFETY_RESOURCES,
  type CoachEngine,
  type ConversationState,
  type CrisisKind,
  type EmotionId,
  type KeyFact,
  type ResponseStyle,
  type SafetyResources,
  type Stage,
  type TopicId,
  type TopicProgress,
  type TurnInput,
  type TurnResult,
} from './types';
import { chooseStyle } from './style';

export type { CoachEngine } from './types';

export { initialState, mainTopicOf, nextStage, stageForTurns };
export { respondSafely, withSafety } from './safety';

/** Block ids are remembered for this many turns and not reused within them. */
export const RECENT_BLOCK_TURNS = 15;
/** Explored labels remembered. */
const EXPLORED_KEPT = 12;
/** Facts remembered (names are always kept). */
const FACTS_KEPT = 20;
/** Below this score a message's own topic does not pull the session away from its main topic. */
const WEAK_TOPIC_SCORE = 3;
/**
 * A message's own topic evidence at least this strong says what it is about, so that topic's
 * stock blocks answer it; weaker evidence is often one stray word ("hinge", "family").
 */
const OWN_TOPIC_SCORE = 3.5;
/** Turns of work after which a topic is the conversation's settled one. */
const SETTLED_TURNS = 3;
/** Topics counted per turn (the most salient ones). */
const TOPICS_COUNTED = 3;

/** Options of the built-in engine. */
export interface BlocksEngineOptions {
  library: BlockLibrary;
  /** Where to send people in crisis; defaults to {@link DEFAULT_SAFETY_RESOURCES}. */
  safety?: SafetyResources;
  /** The situation catalogue; defaults to the one shipped in `situations/`. */
  situations?: SituationCatalogue;
  /** Run a few throw-away turns at creation so the first real ones are not slow (default true). */
  warmUp?: boolean;
}

/** Adds facts not already known, keeping names and the newest others. */
function mergeFacts(known: KeyFact[], found: readonly KeyFact[]): KeyFact[] {
  const out = [...known];
  for (const f of found) if (!out.some((k) => k.text === f.text)) out.push(f);
  while (out.length > FACTS_KEPT) {
    const i = out.findIndex((f) => f.kind !== 'name');
    if (i < 0) break;
    out.splice(i, 1);
  }
  return out;
}

/** The label of what this answer explores: the block's own, its question in plain words, or the stage goal. */
function exploredLabel(
  chosen: readonly ChosenBlock[],
  topic: TopicId | null,
  stage: Stage,
  partnerName: string | null,
): string | null {
  const question =
    chosen.find((c) => c.block.type === 'exploration') ??
    chosen.find((c) => c.block.type === 'insight');
  const own =
    question?.block.label ??
    (question?.block.type === 'exploration' ? questionToLabel(question.block.text) : null);
  const raw = own ?? (topic ? stageGoal(topic, stage) : null);
  if (!raw) return null;
  return fillPlaceholders(raw, { partnerName, echo: null });
}

/** Content stems of the message (what block texts are compared with). */
function contentStems(stems: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const s of stems) if (s !== BOUNDARY && !STOPWORDS.has(s) && s.length > 2) out.add(s);
  return out;
}

/** Acts that are no work on a topic (stages do not move for them). */
const CLOSING_ACTS: ReadonlySet<TurnAct> = new Set(['greeting', 'thanks', 'goodbye', 'short']);
/** A situation this close to the message shapes the answer. */
const SITUATION_MIN = 0.34;
/** How far below the usual minimum a situation the facts just confirmed may still be found. */
const CONFIRMED_MIN = 0.2;
/** A remembered situation answers follow-ups for this many turns. */
const SITUATION_FOLLOW_TURNS = 3;
/** The content a situation must share with a message to lead (see `SituationMatch.evidence`). */
const SITUATION_EVIDENCE = 2;
/** ... or half of it when the message is this close to its examples. */
const SITUATION_SURE = 0.6;
/**
 * The message's distinctive content that the situation does not share: what the message brings
 * of its own (a message with none is a bare follow-up).
 */
function ownContent(situations: SituationCatalogue, text: string, id: string): number {
  return situations.evidenceOf(text, null) - situations.evidenceOf(text, id);
}
/** The best few matches are tried for one with enough shared content... */
const SITUATIONS_TRIED = 5;
/** ... the ones below the best only when still this close. */
const SITUATION_BELOW_MIN = 0.4;

let shippedSituations: SituationCatalogue | null = null;
function defaultSituations(): SituationCatalogue {
  shippedSituations ??= loadSituations();
  return shippedSituations;
}

/** Question marks in a text. */
function asks(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === '?') n++;
  return n;
}

/**
 * The blocks after the act's opening: none, one open question (if the opening asked nothing), a
 * short pair (a reflection or, after one, an insight; then a question if none was asked), or the
 * style's full recipe.
 */
function chooseRest(
  need: 'none' | 'question' | 'light' | 'full',
  pieces: readonly Piece[],
  style: ResponseStyle,
  ctx: ChoiceContext,
): ChosenBlock[] {
  if (need === 'none') return [];
  if (need === 'full') return chooseBlocks(style, ctx);
  const asked = pieces.reduce((n, p) => n + asks(p.text), 0);
  const out: ChosenBlock[] = [];
  const taken = new Set<string>();
  if (need === 'light') {
    const mirrored = pieces.some((p) => p.id.includes('.reflection.'));
    const first = chooseBlock(
      mirrored ? ['insight', 'reframe'] : ['reflection'],
      ctx,
      taken,
      ctx.echo !== null,
    );
    if (first) {
      out.push(first);
      taken.add(first.block.id);
    }
  }
  if (asked === 0) {
    const q = chooseBlock(['exploration'], ctx, taken, false);
    if (q) out.push(q);
  }
  return out;
}

/**
 * A block's text with `{partner}` filled by the ex in blocks about an ending (the composer fills
 * the rest with the current partner).
 */
function personalise(
  block: { text: string; assumes?: readonly string[] },
  exName: string | null,
): string {
  const aboutEx = block.assumes?.includes('ex') && !block.assumes.includes('partner');
  if (!aboutEx) return block.text;
  const who = exName ?? 'your ex';
  return block.text
    .replace(/\{partner_possessive\}/g, exName ? `${exName}'s` : "your ex's")
    .replace(/\{partner\}/g, who);
}

/**
 * The built-in engine, named "blocks": answers by choosing and joining hand-written blocks.
 * Safety is structural: the returned engine is wrapped by {@link withSafety}.
 */
export function createBlocksEngine(options: BlocksEngineOptions): CoachEngine {
  const { library } = options;
  const situations = options.situations ?? defaultSituations();
  const core: CoachEngine = {
    name: 'blocks',
    respond(input: TurnInput): TurnResult {
      const counted = input.countTurn !== false;
      const state = cloneState(input.state);
      const turn = counted ? state.turnCount + 1 : Math.max(1, state.turnCount);
      const norm = normalizeText(input.text);

      // What kind of turn this is, and what it tells us about the person's life.
      const before = state.conversation;
      const reading = recogniseAct(input.text, {
        turnsBefore: turn - 1,
        // Something was told already (a person, the relationship, a fact or a happening): a topic
        // guessed from a preamble ("need to get this off my chest") is not enough.
        opened:
          (before?.people.length ?? 0) > 0 ||
          (before?.happenings.length ?? 0) > 0 ||
          (before?.relationship ?? null) !== null ||
          state.facts.length > 0,
      });
      const { facts, change } = updateFacts(
        state.conversation ?? emptyFacts(),
        input.text,
        reading.act,
        turn,
      );
      // "sorry 2 yrs not 3": the number taken back is put right where it was remembered.
      facts.happenings = correctedCounts(facts.happenings, input.text);
      state.facts = correctedCounts(state.facts, input.text);
      state.conversation = facts;
      const partner = currentPartner(facts);
      const ex = currentEx(facts);

      // Remember: status and partner first, the topic guardrails depend on the status.
      // "my daughter is getting divorced" is not the user's status.
      const status =
        (statesOnlyOthers(input.text) ? null : statusFromText(norm)) ??
        mapRelationshipStatus(input.context?.relationshipStatus) ??
        state.relationshipStatus;
      const mention = findPartnerName(input.text);
      const partnerName =
        facts.people.length > 0
          ? (partner?.name ?? ex?.name ?? null)
          : mention?.strong
            ? mention.name
            : (state.partnerName ?? mention?.name ?? null);

      // Understand.
      const detected = detectTopics(norm, { hintTopics: input.context?.topics, status });
      const {
        emotions,
        hits: emotionHits,
        inferred,
      } = detectEmotions(norm, inferenceTopic(detected));
      const asksAdvice = asksForAdvice(norm);
      // Continuity: a message with no topic of its own, or only weak evidence of another one,
      // continues the session's main topic ("ok", "I keep looking at our photos").
      const prior = state.mainTopic;
      const topScore = detected.topics.length > 0 ? (detected.scores[detected.topics[0]] ?? 0) : 0;
      const weak = !detected.fromText || topScore < WEAK_TOPIC_SCORE;
      const priorScore = prior ? (detected.scores[prior] ?? 0) : 0;
      // The person leads: a change of subject with a topic of its own is followed at once.
      const newSubject = reading.act === 'change_subject' && detected.fromText;
      const continuation =
        prior !== null && !newSubject && (weak || (priorScore > 0 && priorScore >= topScore * 0.4));
      const turnTopics: TopicId[] = continuation
        ? [prior, ...detected.topics.filter((t) => t !== prior)].slice(0, 4)
        : detected.topics;
      const counting = continuation
        ? [
            prior,
            ...(detected.fromText
              ? detected.topics.filter(
                  (t) => t !== prior && (detected.scores[t] ?? 0) >= WEAK_TOPIC_SCORE,
                )
              : []),
          ]
        : detected.fromText
          ? detected.topics
          : turnTopics.slice(0, 1);

      if (counted) {
        state.turnCount = turn;
        // A greeting, thanks, goodbye or "ok" is no work on a topic: stages do not move for it.
        const working = !CLOSING_ACTS.has(reading.act);
        for (const t of working ? counting.slice(0, TOPICS_COUNTED) : []) {
          const p = state.topics[t];
          if (p) {
            p.turns += 1;
            p.stage = nextStage(p.stage, p.turns);
            p.lastTurn = turn;
          } else {
            state.topics[t] = { turns: 1, stage: 1, lastTurn: turn, said: 0 };
          }
        }
        // Kept apart from `turns`, which continuity also feeds: a summary states only what was said.
        if (working && detected.fromText)
          for (const t of detected.topics) {
            const p = state.topics[t];
            if (p && (detected.scores[t] ?? 0) >= WEAK_TOPIC_SCORE) p.said = (p.said ?? 0) + 1;
          }
        state.mainTopic = mainTopicOf(state.topics);
        // Only feelings found in the person's words: a summary says "the feelings that came up",
        // and one guessed from the topic never came up.
        // Asking ("should i", "is that normal") reads as confusion to the lexicon; a question is
        // not a feeling that came up.
        if (!inferred)
          for (const e of emotions)
            if (e !== 'neutral' && !(e === 'confused' && reading.act === 'question'))
              state.emotionCounts[e] = (state.emotionCounts[e] ?? 0) + 1;
      }
      state.relationshipStatus = status;
      state.partnerName = partnerName;
      const lead = turnTopics[0] ?? null;
      const stage: Stage = (lead && state.topics[lead]?.stage) || 1;

      // Choose a style.
      const words = norm.tokens.filter((t) => t !== BOUNDARY).length;
      const usualStyle = chooseStyle({
        asksAdvice,
        heavyTopic: lead !== null && HEAVY_TOPICS.has(lead),
        strongEmotion: emotions.some((e: EmotionId) => STRONG_EMOTIONS.has(e)),
        stage,
        turn,
        words,
        hasTopic: lead !== null,
        // Regenerating replaces the last answer, so its style is not part of the run to vary.
        recentStyles: counted ? state.recentStyles : state.recentStyles.slice(0, -1),
      });

      // Choose blocks and compose.
      const salient = new Set<string>();
      for (const h of detected.hits)
        if (!h.negated) for (let i = h.start; i < h.end; i++) salient.add(norm.stems[i]);
      for (const h of emotionHits)
        if (!h.negated) for (let i = h.start; i < h.end; i++) salient.add(norm.stems[i]);
      // A block used at turn t rests for turns t+1..t+15.
      const recent = new Set(
        state.recentBlocks.filter((b) => b.turn >= turn - RECENT_BLOCK_TURNS).map((b) => b.id),
      );
      const rng = createRng(hashString(input.text, input.seed) ^ Math.imul(turn, 0x9e3779b1));
      // The situation of this message first; a follow-up that names none ("should i tell her??")
      // continues the one the conversation is in.
      // A situation leads only on content the message shares with it, not on a stray word; one
      // distinctive word is enough when the message is very close to its examples.
      const matches = situations.match(input.text, SITUATION_MIN).slice(0, SITUATIONS_TRIED);
      const at = matches.findIndex(
        (m, k) =>
          (m.evidence >= SITUATION_EVIDENCE ||
            (m.evidence >= SITUATION_EVIDENCE / 2 && m.score >= SITUATION_SURE)) &&
          (k === 0 || m.score >= SITUATION_BELOW_MIN),
      );
      let situation: SituationMatch | null = at < 0 ? null : { ...matches[at], standsIn: at > 0 };
      const ongoing = facts.situation ? situations.get(facts.situation.id) : undefined;
      // The conversation's situation continues a message close to it, and a recent one's
      // follow-up that brings nothing of its own ("should i tell her??"), not a question about
      // something else ("is it normal to cry every day?", "what would be fair").
      if (
        !situation &&
        ongoing &&
        (reading.act === 'question' || reading.act === 'sharing') &&
        (matches.some((m) => m.situation.id === ongoing.id) ||
          (turn - facts.situation!.turn <= SITUATION_FOLLOW_TURNS &&
            ownContent(situations, input.text, ongoing.id) < SITUATION_EVIDENCE / 2))
      )
        situation = {
          situation: ongoing,
          score: SITUATION_MIN,
          keywordHits: 0,
          similarity: 0,
          evidence: 0,
        };
      // A match the remembered facts confirm (a partner who died, for grief after a death) is
      // close when the message itself shares its content; told on this very turn, the fact makes
      // it lead in place of a closer match ("my husband passed away three years ago": grief, not
      // dating again).
      const relationship = facts.relationship;
      const toldNow = relationship !== (before?.relationship ?? null);
      const confirmed =
        relationship === null
          ? undefined
          : (toldNow ? situations.match(input.text, CONFIRMED_MIN) : matches).find(
              (m) => m.evidence > 0 && m.situation.confirmedBy.includes(relationship),
            );
      if (
        confirmed &&
        (toldNow ||
          (situation?.situation.id === confirmed.situation.id && !isCloseMatch(situation)))
      )
        situation = {
          ...confirmed,
          score: Math.max(confirmed.score, CLOSE_SCORE),
          standsIn: false,
        };
      // A situation found in this message, or one a question just continued, stays current.
      if (
        situation &&
        (situation.similarity + situation.keywordHits > 0 || reading.act === 'question')
      )
        facts.situation = { id: situation.situation.id, turn };
      else if (reading.act === 'change_subject') facts.situation = null;
      // Disliked pieces and those of answers being regenerated rest like recent ones.
      const resting = input.avoidBlockIds?.size
        ? new Set([...recent, ...input.avoidBlockIds])
        : recent;
      const plan = planForAct({
        act: reading.act,
        question: reading.question,
        facts,
        change,
        situation,
        recent: resting,
        rng,
        turn,
        text: input.text,
        lastIds: state.recentBlocks.filter((b) => b.turn === turn - 1).map((b) => b.id),
        controlNamed: state.safety?.warningSigns === true,
        feeling: feelingOf(input.text, emotions, inferred),
        // The message's own strong topic counts only if its blocks may be used (an in-law story
        // calls up family pressure, whose blocks speak of the person's own family).
        ownTopic:
          detected.fromText &&
          !speaksOnlyOfOthers(input.text) &&
          topScore >= OWN_TOPIC_SCORE &&
          allSupported(facts, topicAssumptions([detected.topics[0]])),
        // ... and whose questions fit only a message that still speaks of it.
        settledTopic:
          continuation &&
          prior !== null &&
          priorScore > 0 &&
          (state.topics[prior]?.turns ?? 0) >= SETTLED_TURNS,
        stage,
      });
      // The act's style, unless that would make three in a row (the usual choice avoids that).
      const previous = counted ? state.recentStyles : state.recentStyles.slice(0, -1);
      const twice =
        previous.length >= 2 && previous[previous.length - 1] === previous[previous.length - 2]
          ? previous[previous.length - 1]
          : null;
      const style = plan.style && plan.style !== twice ? plan.style : usualStyle;
      // Quoting the user is for sharing turns with something to quote, never a plain "thanks".
      const echo = plan.echo && words >= 5 ? extractEcho(input.text, salient) : null;
      // Topics whose blocks all assume something the person never said (an affair, a breakup,
      // children) are not drawn from: a friend's story is not the user's.
      const topicsForChoice = turnTopics.filter((t) => allSupported(facts, topicAssumptions([t])));
      if (
        state.mainTopic &&
        !topicsForChoice.includes(state.mainTopic) &&
        allSupported(facts, topicAssumptions([state.mainTopic]))
      )
        topicsForChoice.push(state.mainTopic);
      for (const t of situation && isCloseMatch(situation) ? situation.situation.topics : [])
        if (!topicsForChoice.includes(t) && allSupported(facts, topicAssumptions([t])))
          topicsForChoice.splice(0, 0, t);
      const names = facts.people.map((p) => p.name).filter((n): n is string => n !== null);
      const choice: ChoiceContext = {
        library,
        topics: topicsForChoice.slice(0, 4),
        stage,
        emotions,
        status,
        partnerName,
        echo,
        messageStems: contentStems(norm.stems),
        recent,
        avoid: input.avoidBlockIds ?? new Set(),
        rng,
        // Asked what to do: prefer a concrete step. Early on: prefer an open question.
        typeBias: {
          action: asksAdvice ? 1.5 : 0,
          exploration: !asksAdvice && stage <= 2 ? 0.8 : 0,
        },
        // A question that does not fit this message (a duration question after news from
        // today, a who-question right after the people were named) is not asked.
        eligible: (b) =>
          allSupported(facts, b.assumes ?? []) &&
          (b.type !== 'exploration' || unfitAsk(b.text, input.text, names) === null),
      };
      const chosen = chooseRest(plan.core, plan.pieces, style, choice);
      const reply = useNames(
        composeReply(
          [
            ...plan.pieces.map((p) => p.text),
            ...chosen.map((c) => personalise(c.block, ex?.name ?? null)),
          ],
          { partnerName: partner?.name ?? null, echo },
        ),
        facts,
      );

      // Score: topic certainty and block fit.
      const leadScore = lead ? (detected.scores[lead] ?? 0) : 0;
      const certainty =
        leadScore > 0
          ? Math.max(1 - Math.exp(-leadScore / 3), continuation ? 0.35 : 0)
          : continuation
            ? 0.35
            : lead
              ? 0.2
              : 0.05;
      const fit = chosen.length === 0 ? 0 : chosen.reduce((a, c) => a + c.fit, 0) / chosen.length;
      const feeling = emotions[0] === 'neutral' ? 0 : 0.05;
      const confidence =
        Math.round(
          Math.min(0.97, Math.max(0.05, 0.1 + 0.45 * certainty + 0.4 * fit + feeling)) * 100,
        ) / 100;

      // Save what the next turns need.
      const blockIds = [...plan.pieces.map((p) => p.id), ...chosen.map((c) => c.block.id)];
      state.recentBlocks = [...state.recentBlocks, ...blockIds.map((id) => ({ id, turn }))].filter(
        (b) => b.turn > turn - RECENT_BLOCK_TURNS,
      );
      pushStyle(state, style, counted);
      const found = extractFacts(norm, partnerName, turn);
      if (
        mention &&
        mention.name === partnerName &&
        !state.facts.some((f) => f.kind === 'name' && f.text.startsWith(partnerName))
      ) {
        found.unshift({
          kind: 'name',
          text: mention.role ? `${partnerName}, your ${mention.role}` : partnerName,
          turn,
        });
      }
      state.facts = mergeFacts(state.facts, found);
      // Only blocks explore something; an act's own short reply (a thanks, a goodbye) does not.
      const label =
        chosen.length > 0
          ? exploredLabel(chosen, topicsForChoice[0] ?? null, stage, partnerName)
          : null;
      if (label && state.explored[state.explored.length - 1] !== label) {
        state.explored = [...state.explored.filter((l) => l !== label), label].slice(
          -EXPLORED_KEPT,
        );
        const topic = topicsForChoice[0];
        if (topic) {
          // Only the kept labels' topics are remembered, so the state does not grow.
          const kept: Record<string, TopicId> = {};
          for (const l of state.explored) {
            const t = l === label ? topic : state.exploredTopic?.[l];
            if (t) kept[l] = t;
          }
          state.exploredTopic = kept;
        }
      }

      return {
        reply,
        style,
        topics: turnTopics,
        emotions,
        stage: mainStage(state),
        confidence,
        blockIds,
        crisis: null,
        safety: 'NONE',
        state,
        act: reading.act,
        question: reading.question,
      };
    },
  };
  const engine = withSafety(core, options.safety ?? DEFAULT_SAFETY_RESOURCES, { trusted: true });
  if (options.warmUp !== false) warmUp(engine);
  return engine;
}
