/**
 * The import rules of src/ (see tests/architecture.test.ts, which runs them). Written by folder,
 * so files may come and go inside a folder without touching this.
 *
 * Arrows: faces (resolvers, REST) -> services -> repositories -> db/; server/ wires it all.
 */

/** The domain folders (and the shared files beside them): everything but the engine, the faces' shim and the wiring. */
const DOMAIN = '^src/(?!coach/|rest/|server/|main\\.ts$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'An import cycle in src/: some module depends on itself through the others.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'coach-is-self-contained',
      comment:
        'The engine (coach/) is pure: it imports nothing from the rest of the application, only itself, Node built-ins and its data files.',
      severity: 'error',
      from: { path: '^src/coach/' },
      to: { pathNot: ['^src/coach/', '^node:', '^(fs|path)$'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'only-server-mounts-rest',
      comment:
        'rest/ is a thin shim over the services: nothing but the wiring (server/) may depend on it.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/rest/', '^src/server/'] },
      to: { path: '^src/rest/' },
    },
    {
      name: 'rest-never-touches-db',
      comment: 'rest/ calls services; it never reaches the database or its generated types.',
      severity: 'error',
      from: { path: '^src/rest/' },
      to: { path: '^src/db/' },
    },
    {
      name: 'domains-use-only-the-context-type-of-server',
      comment:
        'Domains (and rest/) never depend on the wiring; the one thing they take from server/ is the Context type resolvers receive.',
      severity: 'error',
      from: { path: [DOMAIN, '^src/rest/'] },
      to: { path: '^src/server/', pathNot: '^src/server/context\\.ts$' },
    },
    {
      name: 'context-is-imported-as-a-type',
      comment: 'server/context.ts may only be imported with `import type` outside server/.',
      severity: 'error',
      from: { path: [DOMAIN, '^src/rest/'] },
      to: { path: '^src/server/context\\.ts$', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    // Generated code is a leaf: seen (so rest/ -> db/generated counts) but not cruised into.
    doNotFollow: { path: ['node_modules', '^src/db/generated/'] },
    // Type-only imports count: a cycle or a wrong direction through types is still one.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
