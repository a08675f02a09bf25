import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { PROJECT_ROOT } from '../config';

/** Where `npm run build:web` puts the browser client (gitignored). */
export const WEB_DIST = path.join(PROJECT_ROOT, 'dist-web');

/** Paths that belong to the API and are never answered with the client's page. */
const API_PATHS = /^\/(graphql|api|healthz|readyz|metrics)(\/|$)/;

/**
 * Serves the browser client built from `web/`: its files as they are, `/graphiql` as the offline
 * GraphQL IDE, and `index.html` for any other page path (the client routes by itself). API paths
 * are left alone, so an unknown `/api/...` still answers as the API does.
 */
export function mountWebClient(app: Express, dist: string = WEB_DIST): void {
  const page = (name: string) => path.join(dist, name);
  // Bundles have content hashes in their names: cacheable for good. Pages must be re-read.
  app.use(
    '/assets',
    express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '1y', index: false }),
  );
  app.get(['/graphiql', '/graphiql/'], (_req, res) => sendPage(res, page('graphiql.html')));
  app.use(express.static(dist, { index: false }));
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path)) return next();
    if (!req.accepts('html')) return next();
    sendPage(res, page('index.html'));
  });
}

function sendPage(res: express.Response, file: string): void {
  if (!fs.existsSync(file)) {
    res
      .status(503)
      .type('text/plain')
      .send('The web client is not built yet: run `npm run build:web` (npm install does it).');
    return;
  }
  res.setHeader('cache-control', 'no-cache');
  res.sendFile(file);
}
