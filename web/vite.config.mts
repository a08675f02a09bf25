import path from 'node:path';
import { defineConfig } from 'vite';

/**
 * Builds the browser client and the offline GraphiQL page into ../dist-web, which the server
 * serves at / and /graphiql. Everything (fonts included) is bundled: nothing loads from a CDN.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  worker: { format: 'es' },
  build: {
    outDir: path.join(import.meta.dirname, '..', 'dist-web'),
    emptyOutDir: true,
    // GraphiQL's editor (Monaco) is large by nature; the chat page does not load it.
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      // React libraries mark modules "use client"; meaningless in a plain client bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      input: {
        main: path.join(import.meta.dirname, 'index.html'),
        graphiql: path.join(import.meta.dirname, 'graphiql.html'),
      },
    },
  },
});
