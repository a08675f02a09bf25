import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { ManualClock } from '../src/clock';
import { startTestServer, type TestServer } from './support/server';

/*
 * One check-in every local day (issue 17), end to end: real PostgreSQL, a hand-moved clock, ticks
 * driven by hand (the automatic timer is set to an hour so it never fires during a test). Each case
 * below lost or doubled a day before the due rule worked over scheduled occurrences.
 */

const QUIET_TIMER = { AMORA_FOLLOWUP_TICK_MS: '3600000' };
const CREATE = `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateSessionInput!) { updateSession(id: $id, input: $input) { id } }`;
const DUE = `{ dueFollowups { coachSessionId dueAt } }`;

let t: TestServer;
let clock: ManualClock;
const tick = () => t.server.services.followupTimer.tick();

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  t = await startTestServer({ clock, env: QUIET_TIMER });
});
afterAll(async () => {
  await t.stop();
});

async function session(token: string, input: Record<string, unknown>): Promise<string> {
  const { body } = await t.gql(token, CREATE, { input: { title: 'Daily', ...input } });
  expect(body.errors).toBeUndefined();
  return body.data.createSession.id;
}

async function update(token: string, id: string, input: Record<string, unknown>): Promise<void> {
  const { body } = await t.gql(token, UPDATE, { id, input });
  expect(body.errors).toBeUndefined();
}

/** The session's check-ins, oldest first: [local day, scheduled instant, written at]. */
async function days(id: string): Promise<[string, string, string][]> {
  const rows = await t.db.query<{ local_day: string; due_at: Date; created_at: Date }>(
    `SELECT local_day::text AS local_day, due_at, created_at FROM amora_followups
     WHERE session_id = $1 ORDER BY created_at`,
    [id],
  );
  return rows.map((r) => [r.local_day, r.due_at.toISOString(), r.created_at.toISOString()]);
}

async function checkInMessages(id: string): Promise<number> {
  const [row] = await t.db.query<{ n: string }>(
    `SELECT count(*) AS n FROM amora_session_messages WHERE session_id = $1 AND metadata->>'response_style' = 'CHECK_IN'`,
    [id],
  );
  return Number(row.n);
}

async function lastFollowUpAt(id: string): Promise<string | null> {
  const [row] = await t.db.query<{ last_follow_up_at: Date | null }>(
    `SELECT last_follow_up_at FROM amora_sessions WHERE id = $1`,
    [id],
  );
  return row.last_follow_up_at?.toISOString() ?? null;
}

async function ticksAt(...instants: string[]): Promise<void> {
  for (const at of instants) {
    clock.set(at);
    await tick();
  }
}

describe('a late check-in time keeps its day', () => {
  it('23:59 UTC with ticks at 23:58:59.5 and 00:00:00.1: that day is served just after midnight, once', async () => {
    const token = await t.token(randomUUID());
    clock.set('2026-06-10T12:00:00Z');
    const id = await session(token, {
      followUpEnabled: true,
      followUpTime: '23:59',
      timezone: 'UTC',
    });
    await ticksAt('2026-06-10T23:58:59.500Z');
    expect(await days(id)).toEqual([]);
    await ticksAt('2026-06-11T00:00:00.100Z', '2026-06-11T00:01:00Z', '2026-06-11T12:00:00Z');
    expect(await days(id)).toEqual([
      ['2026-06-10', '2026-06-10T23:59:00.000Z', '2026-06-11T00:00:00.100Z'],
    ]);
    // The next one is the following 23:59, not skipped and not doubled.
    await ticksAt('2026-06-11T23:58:00Z', '2026-06-11T23:59:30Z', '2026-06-12T00:30:00Z');
    expect((await days(id)).map((d) => d[0])).toEqual(['2026-06-10', '2026-06-11']);
    expect(await checkInMessages(id)).toBe(2);
  });

  it('Paris 23:30 with every instance down from 23:25 to 00:05: the day is served at 00:05, and listed as due before that', async () => {
    const token = await t.token(randomUUID());
    clock.set('2026-06-10T10:00:00Z');
    const id = await session(token, {
      followUpEnabled: true,
      followUpTime: '23:30',
      timezone: 'Europe/Paris',
    });
    // Paris is UTC+2 in June: 23:25 is 21:25Z, 00:05 is 22:05Z.
    await ticksAt('2026-06-10T21:25:00Z');
    clock.set('2026-06-10T22:05:00Z');
    expect((await t.gql(token, DUE)).body.data.dueFollowups).toEqual([
      { coachSessionId: id, dueAt: '2026-06-10T21:30:00.000Z' },
    ]);
    await tick();
    expect(await days(id)).toEqual([
      ['2026-06-10', '2026-06-10T21:30:00.000Z', '2026-06-10T22:05:00.000Z'],
    ]);
    await ticksAt('2026-06-11T21:30:00Z');
    expect((await days(id)).map((d) => d[0])).toEqual(['2026-06-10', '2026-06-11']);
  });
});

describe('a daylight-saving jump at midnight', () => {
  it('America/Nuuk 23:30 on 2026-03-28 (23:00 jumps to 00:00): the day is served, at 00:30 the next morning', async () => {
    const token = await t.token(randomUUID());
    clock.set('2026-03-28T12:00:00Z'); // 10:00 in Nuuk (UTC-2)
    const id = await session(token, {
      followUpEnabled: true,
      followUpTime: '23:30',
      timezone: 'America/Nuuk',
    });
    // Ticks through the night: before the jump, at it (01:00Z: 23:00 -02 becomes 00:00 -01), just
    // before and at the moved time, the next day.
    await ticksAt(
      '2026-03-28T21:00:00Z',
      '2026-03-29T01:00:00Z',
      '2026-03-29T01:29:00Z',
      '2026-03-29T01:30:00Z',
      '2026-03-29T02:00:00Z',
      '2026-03-29T12:00:00Z',
      '2026-03-30T00:29:00Z',
      '2026-03-30T00:30:00Z',
      '2026-03-30T12:00:00Z',
    );
    // 23:30 does not exist on the 28th; it is moved forward by the hour lost: 00:30 -01 (01:30Z).
    expect((await days(id)).map((d) => d.slice(0, 2))).toEqual([
      ['2026-03-28', '2026-03-29T01:30:00.000Z'],
      ['2026-03-29', '2026-03-30T00:30:00.000Z'],
    ]);
  });
});

describe('a move west after the day is served', () => {
  it('Tokyo to Los Angeles: the next Los Angeles day still gets its check-in, and the listed one is the one written', async () => {
    const token = await t.token(randomUUID());
    clock.set('2026-06-09T20:00:00Z'); // 05:00 on the 10th in Tokyo
    const id = await session(token, {
      followUpEnabled: true,
      followUpTime: '09:00',
      timezone: 'Asia/Tokyo',
    });
    await ticksAt('2026-06-10T00:00:00Z'); // 09:00 in Tokyo
    expect(await days(id)).toEqual([
      ['2026-06-10', '2026-06-10T00:00:00.000Z', '2026-06-10T00:00:00.000Z'],
    ]);
    clock.set('2026-06-10T01:00:00Z'); // 18:00 on the 9th in Los Angeles
    await update(token, id, { timezone: 'America/Los_Angeles' });
    await ticksAt('2026-06-10T08:00:00Z', '2026-06-10T15:59:00Z');
    expect(await days(id)).toHaveLength(1);

    // 09:00 on the 10th in Los Angeles (UTC-7) is 16:00Z.
    clock.set('2026-06-10T16:00:00Z');
    const listed = (await t.gql(token, DUE)).body.data.dueFollowups;
    expect(listed).toEqual([{ coachSessionId: id, dueAt: '2026-06-10T16:00:00.000Z' }]);
    await tick();
    expect((await days(id)).map((d) => d.slice(0, 2))).toEqual([
      ['2026-06-10', '2026-06-10T00:00:00.000Z'],
      ['2026-06-10', '2026-06-10T16:00:00.000Z'],
    ]);
    expect(await lastFollowUpAt(id)).toBe('2026-06-10T16:00:00.000Z');
    // Still listed after the claim (sent, not yet answered): it did not vanish.
    expect((await t.gql(token, DUE)).body.data.dueFollowups).toEqual(listed);

    await ticksAt('2026-06-11T15:59:00Z', '2026-06-11T16:00:00Z');
    expect((await days(id)).map((d) => d[1])).toEqual([
      '2026-06-10T00:00:00.000Z',
      '2026-06-10T16:00:00.000Z',
      '2026-06-11T16:00:00.000Z',
    ]);
  });
});

describe('the first check-in', () => {
  it('a session created at 23:50 with a check-in time of 00:00 gets one at 00:00, not one at once and another ten minutes later', async () => {
    const token = await t.token(randomUUID());
    clock.set('2026-06-20T23:50:00Z');
    const id = await session(token, {
      followUpEnabled: true,
      followUpTime: '00:00',
      timezone: 'UTC',
    });
    await ticksAt('2026-06-20T23:51:00Z');
    expect((await t.gql(token, DUE)).body.data.dueFollowups).toEqual([]);
    expect(await days(id)).toEqual([]);
    await ticksAt('2026-06-21T00:00:00Z', '2026-06-21T12:00:00Z');
    expect((await days(id)).map((d) => d[0])).toEqual(['2026-06-21']);
  });

  it('created or switched on less than an hour before its time: the first check-in is the next day; an hour or more: the same day', async () => {
    const token = await t.token(randomUUID());
    clock.set('2026-06-22T08:30:00Z');
    const soon = await session(token, {
      followUpEnabled: true,
      followUpTime: '09:00',
      timezone: 'UTC',
    });
    const later = await session(token, {
      followUpEnabled: true,
      followUpTime: '09:30',
      timezone: 'UTC',
    });
    const switched = await session(token, { followUpEnabled: false, timezone: 'UTC' });
    clock.set('2026-06-22T08:45:00Z');
    await update(token, switched, { followUpEnabled: true, followUpTime: '09:40' });
    await ticksAt('2026-06-22T09:00:00Z', '2026-06-22T09:30:00Z', '2026-06-22T12:00:00Z');
    expect(await days(soon)).toEqual([]);
    expect(await days(switched)).toEqual([]);
    expect((await days(later)).map((d) => d[0])).toEqual(['2026-06-22']);
    await ticksAt('2026-06-23T12:00:00Z');
    expect((await days(soon)).map((d) => d[0])).toEqual(['2026-06-23']);
    expect((await days(switched)).map((d) => d[0])).toEqual(['2026-06-23']);
  });
});

describe('edits reschedule the pending occurrence without eating it', () => {
  it('a time edit after midnight during an outage still serves the missed day', async () => {
    const token = await t.token(randomUUID());
    clock.set('2026-08-01T10:00:00Z');
    const id = await session(token, {
      followUpEnabled: true,
      followUpTime: '23:30',
      timezone: 'UTC',
    });
    await ticksAt('2026-08-01T23:00:00Z');
    clock.set('2026-08-02T00:10:00Z');
    await update(token, id, { followUpTime: '08:00' });
    await ticksAt('2026-08-02T00:11:00Z', '2026-08-02T07:59:00Z', '2026-08-02T08:00:00Z');
    expect((await days(id)).map((d) => d.slice(0, 2))).toEqual([
      ['2026-08-01', '2026-08-01T08:00:00.000Z'],
      ['2026-08-02', '2026-08-02T08:00:00.000Z'],
    ]);
  });

  it('a title edit keeps the day it was waiting for', async () => {
    const token = await t.token(randomUUID());
    clock.set('2026-08-05T07:00:00Z');
    const id = await session(token, {
      followUpEnabled: true,
      followUpTime: '09:00',
      timezone: 'UTC',
    });
    clock.set('2026-08-05T08:30:00Z');
    await update(token, id, { title: 'Renamed' });
    await ticksAt('2026-08-05T09:00:00Z');
    expect((await days(id)).map((d) => d[0])).toEqual(['2026-08-05']);
  });
});

describe('after an outage of days', () => {
  it('serves one catch-up, the latest day started, never a burst; the next day comes at its time', async () => {
    const token = await t.token(randomUUID());
    clock.set('2026-09-01T08:00:00Z');
    const id = await session(token, {
      followUpEnabled: true,
      followUpTime: '09:00',
      timezone: 'UTC',
    });
    await ticksAt('2026-09-01T09:00:00Z');
    // Every instance down from the 1st at 09:01 to the 4th at 07:00.
    await ticksAt('2026-09-04T07:00:00Z', '2026-09-04T07:01:00Z', '2026-09-04T08:59:00Z');
    expect((await days(id)).map((d) => d.slice(0, 2))).toEqual([
      ['2026-09-01', '2026-09-01T09:00:00.000Z'],
      ['2026-09-03', '2026-09-03T09:00:00.000Z'],
    ]);
    await ticksAt('2026-09-04T09:00:00Z');
    expect((await days(id)).map((d) => d[0])).toEqual(['2026-09-01', '2026-09-03', '2026-09-04']);
  });
});
