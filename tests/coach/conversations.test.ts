import { createBlocksEngine } from '../../src/coach';
import {
  formatScores,
  loadConversations,
  runConversation,
  score,
  type ConversationRun,
  type Scores,
} from './conversation-eval';
import { realLibrary } from './helpers';

/**
 * Issue 11, "Done when": the project's own multi-turn conversations, written by someone who never
 * read the engine and copied unchanged into tests/fixtures/conversations (first-seen scores in
 * FIRST-SEEN.md). Sets 1-3 were read while the engine was changed: they must meet the issue's
 * thresholds. Set 4 is the holdout, never read item by item: it must stay within 10 points of
 * them. `npm run eval` prints every transcript with what each check found.
 */
const library = realLibrary();
const engine = createBlocksEngine({ library, warmUp: false });

function run(files: string[]): { runs: ConversationRun[]; scores: Scores } {
  const runs = loadConversations(files).map((item) => runConversation(engine, library, item));
  return { runs, scores: score(runs) };
}

const DEV = ['conversations-1.json', 'conversations-2.json', 'conversations-3.json'];
const HOLDOUT = ['conversations-4.json'];

/** What went wrong, for a failing assertion's message. */
function flagged(
  runs: readonly ConversationRun[],
  pick: (r: ConversationRun['records'][number]) => boolean,
): string[] {
  return runs.flatMap((run) =>
    run.records
      .filter(pick)
      .map((r) => `${run.item.conversation.id}[${r.index + 1}] ${r.turn.user} => ${r.reply}`),
  );
}

describe('conversations the engine was changed with (sets 1-3)', () => {
  const { runs, scores } = run(DEV);
  // The figures, for whoever reads the test log.
  console.log(formatScores('sets 1-3', scores));

  test('there are at least 30 conversations with labelled turns', () => {
    expect(scores.conversations).toBeGreaterThanOrEqual(30);
    expect(scores.turns).toBeGreaterThan(300);
  });

  test('the kind of turn is recognised in at least 90% of turns', () => {
    expect(scores.acts.rate).toBeGreaterThanOrEqual(0.9);
  });

  test('at least 90% of direct questions get an answer that leads the reply', () => {
    expect(scores.answered.rate).toBeGreaterThanOrEqual(0.9);
  });

  test('no coaching reply invents or contradicts a labelled fact', () => {
    expect(flagged(runs, (r) => r.style !== 'SAFETY' && r.invented.length > 0)).toEqual([]);
  });

  test('goodbyes and thanks are never answered with a question', () => {
    expect(flagged(runs, (r) => r.closeAsks)).toEqual([]);
  });

  test('no sentence repeats within a conversation', () => {
    expect(flagged(runs, (r) => r.repeated.length > 0)).toEqual([]);
  });

  test('a person the user named is called by name when a reply refers to them', () => {
    // Safety answers are the safety module's (issue 10) and are graded there.
    expect(flagged(runs, (r) => r.style !== 'SAFETY' && r.nameProblems.length > 0)).toEqual([]);
  });

  test('a plain "thanks" or "ok" is never quoted back', () => {
    expect(flagged(runs, (r) => r.echoesPlain)).toEqual([]);
  });

  test('no final summary states a fact the person never gave', () => {
    expect(
      runs
        .filter((r) => r.summaryInvented.length > 0)
        .map((r) => `${r.item.conversation.id}: ${r.summary}`),
    ).toEqual([]);
  });
});

describe('holdout conversations (set 4, never read while tuning)', () => {
  const { runs, scores } = run(HOLDOUT);
  console.log(formatScores('set 4 (holdout)', scores));

  test('turn acts and answered questions stay within 10 points of the 90% bar', () => {
    expect(scores.acts.rate).toBeGreaterThanOrEqual(0.8);
    expect(scores.answered.rate).toBeGreaterThanOrEqual(0.8);
  });

  test('closes never ask and no sentence repeats', () => {
    expect(flagged(runs, (r) => r.closeAsks || r.repeated.length > 0)).toEqual([]);
  });
});
