import 'reflect-metadata';
import fs from 'node:fs';
import { createSchema, SCHEMA_FILE, schemaText } from '../src/server/schema';

describe('schema.graphql', () => {
  it('matches the schema the server runs (run `npm run schema` after changing resolvers)', async () => {
    const running = schemaText(await createSchema());
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(running);
  });

  it("keeps the contract's fixed names", async () => {
    const sdl = schemaText(await createSchema());
    for (const piece of [
      'type Session {',
      'type Message {',
      'type Feedback {',
      'sessions(',
      'session(id: ID!): Session',
      'createSession(input: CreateSessionInput!): Session!',
      'updateSession(id: ID!, input: UpdateSessionInput!): Session!',
      'scalar DateTime',
    ]) {
      expect(sdl).toContain(piece);
    }
  });
});
