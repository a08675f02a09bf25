/**
 * Warming an engine up: V8 compiles each regular expression and hot function on first use; a few
 * throw-away turns at start keep the first real turns as fast as the rest.
 */
import { initialState } from './state';
import type { TurnInput, TurnResult } from './types';

/** Messages that exercise every step once (a crisis included). */
const WARM_UP_MESSAGES = [
  'My boyfriend Alex broke up with me last week after 3 years and I cannot stop crying.',
  'What should I do? Should I text him or wait?',
  "I cheated on my wife and I don't know whether to tell her. I feel so guilty.",
  'ok',
  "He never listens and we fight about money all the time, it's so frustrating",
  "I don't want to be here anymore",
];

/** Runs a few turns through `engine` and throws the results away. */
export function warmUp(engine: { respond(input: TurnInput): TurnResult }): void {
  for (let round = 0; round < 3; round++) {
    let state = initialState();
    WARM_UP_MESSAGES.forEach((text, i) => {
      state = engine.respond({
        text,
        state,
        seed: round * 10 + i,
        context: { topics: ['heartbreak'], relationshipStatus: 'single' },
      }).state;
    });
  }
}
