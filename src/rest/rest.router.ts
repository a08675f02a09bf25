import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { sendExportResponse } from '../privacy/export-http';
import type { Context } from '../server/context';
import { camelKeys, snakeKeysDeep } from './case';
import { handle, sendRestError } from './rest.errors';
import {
  coachResponse,
  dueFollowupResponse,
  feedbackResponse,
  sendMessageRequest,
  sessionResponse,
  updateSessionRequest,
} from './rest.shapes';

/** What the REST shim needs from the server. */
export interface RestDeps {
  authenticate: (header: string | undefined) => Promise<Context>;
  logger: Logger;
}

/** The context a request was authenticated with. */
const ctx = (res: Response): Context => res.locals.ctx as Context;

/**
 * The seed's REST endpoints under `/api/v1/coach`, for older frontends. Thin: every route calls
 * the same service as its GraphQL twin and only maps snake_case in and out.
 */
export function createRestRouter({ authenticate, logger }: RestDeps): Router {
  const router = Router();
  const route = (fn: (req: Request, res: Response) => Promise<unknown>) => handle(logger, fn);

  router.use(async (req, res, next) => {
    try {
      res.locals.ctx = await authenticate(req.headers.authorization);
      next();
    } catch (error) {
      sendRestError(res, error, logger);
    }
  });

  router.get(
    '/sessions',
    route(async (req, res) => {
      const { viewer, services } = ctx(res);
      const flag = req.query.include_default;
      const includeDefault = typeof flag === 'string' && flag.toLowerCase() === 'true';
      const sessions = await services.sessions.list(viewer.userId, { includeDefault });
      res.json(sessions.map(sessionResponse));
    }),
  );

  router.post(
    '/sessions',
    route(async (req, res) => {
      const { viewer, services } = ctx(res);
      res.json(sessionResponse(await services.sessions.create(viewer.userId, camelKeys(req.body))));
    }),
  );

  router.post(
    '/sessions/feedback',
    route(async (req, res) => {
      const { viewer, services } = ctx(res);
      res.json(
        feedbackResponse(await services.feedback.submit(viewer.userId, camelKeys(req.body))),
      );
    }),
  );

  // Before /sessions/:id: "followups" is not a session id.
  router.get(
    '/sessions/followups/due',
    route(async (_req, res) => {
      const { viewer, services } = ctx(res);
      res.json((await services.followups.due(viewer.userId)).map(dueFollowupResponse));
    }),
  );

  router.get(
    '/sessions/:id',
    route(async (req, res) => {
      const { viewer, services } = ctx(res);
      res.json(sessionResponse(await services.sessions.get(viewer.userId, String(req.params.id))));
    }),
  );

  router.get(
    '/sessions/:id/progress',
    route(async (req, res) => {
      const { viewer, services } = ctx(res);
      const progress = await services.progress.get(viewer.userId, String(req.params.id));
      res.json(snakeKeysDeep(progress));
    }),
  );

  router.patch(
    '/sessions/:id',
    route(async (req, res) => {
      const { viewer, services } = ctx(res);
      const body = updateSessionRequest(req.body);
      res.json(
        sessionResponse(await services.sessions.update(viewer.userId, String(req.params.id), body)),
      );
    }),
  );

  router.post(
    '/',
    route(async (req, res) => {
      const { viewer, services } = ctx(res);
      const outcome = await services.messages.send(viewer.userId, sendMessageRequest(req.body));
      res.json(coachResponse(outcome));
    }),
  );

  router.delete(
    '/sessions/:id',
    route(async (req, res) => {
      const { viewer, services } = ctx(res);
      await services.sessions.delete(viewer.userId, String(req.params.id));
      res.status(204).end();
    }),
  );

  router.delete(
    '/me',
    route(async (_req, res) => {
      const { viewer, services } = ctx(res);
      await services.privacy.deleteMyData(viewer.userId);
      res.status(204).end();
    }),
  );

  // Streamed: written batch by batch as it is read, so any history fits in bounded memory.
  router.get(
    '/me/export',
    route(async (_req, res) => {
      const { viewer, services } = ctx(res);
      await sendExportResponse(
        res,
        services.privacy.exportParts(viewer.userId),
        logger,
        viewer.userId,
      );
    }),
  );

  router.use((_req, res) => {
    res.status(404).json({ detail: 'Not Found' });
  });
  return router;
}
