import {
  createBlocksEngine,
  DEFAULT_SAFETY_RESOURCES,
  initialState,
  loadBlockLibrary,
  summarize,
  type ConversationState,
} from '../src/coach';
import { respondStored, SUMMARY_EVERY } from '../src/messages/stored-turn';

const engine = createBlocksEngine({
  library: loadBlockLibrary(),
  safety: DEFAULT_SAFETY_RESOURCES,
});

const CONVERSATION = [
  'my girlfriend and i keep fighting about chores',
  'she says i never notice what needs doing',
  'i do try but i work late most nights',
  'should i suggest a rota?',
  'we talked last night and it went better',
  'thanks, that helps',
];

describe('a turn with the state as stored (JSON text)', () => {
  it('answers, stores and summarises exactly as the turn with the state as an object', () => {
    let stored: string | null = null;
    let state: ConversationState = initialState();
    CONVERSATION.forEach((text, i) => {
      const input = { text, context: {}, seed: 1000 + i, avoidBlockIds: new Set<string>() };
      const object = engine.respond({ ...input, state });
      const fromText = respondStored(engine, { ...input, state: stored });
      const { state: objectState, ...objectReply } = object;
      const { state: storedState, turnCount, mainTopic, summary, ...storedReply } = fromText;
      expect(storedReply).toEqual(objectReply);
      expect(storedState).toBe(JSON.stringify(objectState));
      expect(turnCount).toBe(objectState.turnCount);
      expect(mainTopic).toBe(objectState.mainTopic);
      expect(summary).toEqual(
        objectState.turnCount % SUMMARY_EVERY === 0 ? summarize(objectState) : null,
      );
      // Through the database and back, as a turn's state goes.
      state = JSON.parse(JSON.stringify(objectState)) as ConversationState;
      stored = storedState;
    });
    expect(state.turnCount).toBe(CONVERSATION.length);
  });

  it('starts from the initial state when there is no state row or an empty state', () => {
    const input = { text: 'we broke up', context: {}, seed: 7, avoidBlockIds: new Set<string>() };
    const fresh = engine.respond({ ...input, state: initialState() });
    for (const state of [null, '{}']) {
      const r = respondStored(engine, { ...input, state });
      expect(r.reply).toBe(fresh.reply);
      expect(r.state).toBe(JSON.stringify(fresh.state));
    }
  });
});
