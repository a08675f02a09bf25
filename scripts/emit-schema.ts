/** `npm run schema`: writes the running schema to schema.graphql (a test fails when it is stale). */
import 'reflect-metadata';
import { createSchema, SCHEMA_FILE, writeSchemaFile } from '../src/server/schema';

createSchema().then(
  (schema) => {
    writeSchemaFile(schema);
    console.log(`Wrote ${SCHEMA_FILE}`);
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
