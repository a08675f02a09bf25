import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { SessionService } from '../sessions/session.service';

/** The services both faces call; built once per process. */
export interface Services {
  sessions: SessionService;
}

/** What the services are built from. */
export interface ServiceDeps {
  db: Database;
  config: Config;
  clock: Clock;
}

/** Builds every service. */
export function createServices({ db, config, clock }: ServiceDeps): Services {
  const sessions = new SessionService(db, clock, config.defaultTimezone);
  return { sessions };
}
