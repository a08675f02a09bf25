import {
  createLocalPubSub,
  FOLLOWUP_DUE,
  MAX_QUEUED_EVENTS,
  type FollowupEvent,
} from '../src/pubsub/pubsub';

/*
 * The in-process pub/sub a check-in wave goes through: each user's channel hears only its own
 * events, in order, and a subscriber that stops reading is cut off rather than growing the process.
 */

const event = (userId: string, n: number): FollowupEvent => ({
  coachSessionId: `session-${n}`,
  userId,
  title: `Session ${n}`,
  primaryTopic: null,
  prompt: 'How have you been?',
  dueAt: '2026-12-06T09:00:00.000Z',
});

describe('in-process pub/sub', () => {
  it("delivers a user's events to that user's subscribers only, in order, queued until read", async () => {
    const pubSub = createLocalPubSub();
    const alice = pubSub.subscribe(FOLLOWUP_DUE, 'alice');
    const bob = pubSub.subscribe(FOLLOWUP_DUE, 'bob');
    pubSub.publish(FOLLOWUP_DUE, 'alice', event('alice', 1));
    pubSub.publish(FOLLOWUP_DUE, 'bob', event('bob', 2));
    pubSub.publish(FOLLOWUP_DUE, 'alice', event('alice', 3));
    expect((await alice.next()).value?.coachSessionId).toBe('session-1');
    expect((await alice.next()).value?.coachSessionId).toBe('session-3');
    expect((await bob.next()).value?.coachSessionId).toBe('session-2');
    // Waiting before anything is published: the next event wakes the reader.
    const pending = alice.next();
    pubSub.publish(FOLLOWUP_DUE, 'alice', event('alice', 4));
    expect((await pending).value?.coachSessionId).toBe('session-4');
    await alice.return!();
    await bob.return!();
  });

  it('drops what the subscriber refuses, and hears nothing after return()', async () => {
    const pubSub = createLocalPubSub();
    const mine = pubSub.subscribe(FOLLOWUP_DUE, 'alice', (e) => e.userId === 'alice');
    // Routed to Alice's channel but someone else's: never handed over.
    pubSub.publish(FOLLOWUP_DUE, 'alice', event('mallory', 1));
    pubSub.publish(FOLLOWUP_DUE, 'alice', event('alice', 2));
    expect((await mine.next()).value?.coachSessionId).toBe('session-2');
    const waiting = mine.next();
    expect(await mine.return!()).toEqual({ value: undefined, done: true });
    expect(await waiting).toEqual({ value: undefined, done: true });
    pubSub.publish(FOLLOWUP_DUE, 'alice', event('alice', 3));
    expect(await mine.next()).toEqual({ value: undefined, done: true });
  });

  it('ends a subscription with an error when it falls too far behind', async () => {
    const pubSub = createLocalPubSub();
    const slow = pubSub.subscribe(FOLLOWUP_DUE, 'alice');
    for (let n = 0; n <= MAX_QUEUED_EVENTS; n++)
      pubSub.publish(FOLLOWUP_DUE, 'alice', event('alice', n));
    await expect(slow.next()).rejects.toThrow(/fell \d+ events behind/);
    expect(await slow.next()).toEqual({ value: undefined, done: true });
  });
});
