import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { createBlocksEngine, DEFAULT_SAFETY_RESOURCES, loadBlockLibrary, type CoachEngine } from '../coach';
import { FeedbackService } from '../feedback/feedback.service';
import { MessageService } from '../messages/message.service';
import { SessionService } from '../sessions/session.service';
import { createUserLimits } from './rate-limits';

/** The services both faces call; built once per process. */
export interface Services {
  sessions: SessionService;
  messages: MessageService;
  feedback: FeedbackService;
  engine: CoachEngine;
}

/** What the services are built from. */
export interface ServiceDeps {
  db: Database;
  config: Config;
  clock: Clock;
}

/** Builds every service. */
export function createServices({ db, config, clock }: ServiceDeps): Services {
  const limits = createUserLimits(config);
  const sessions = new SessionService(db, clock, config.defaultTimezone, limits);
  const engine = createBlocksEngine({ library: loadBlockLibrary(), safety: safetyResources(config) });
  const messages = new MessageService(db, clock, sessions, engine, limits);
  return { sessions, messages, engine, feedback: new FeedbackService(db) };
}

/** Crisis resources from configuration, the engine's wording where none is configured. */
function safetyResources(config: Config) {
  return {
    emergencyNumber: config.safety.emergencyNumber || DEFAULT_SAFETY_RESOURCES.emergencyNumber,
    crisisLine: config.safety.crisisLine || DEFAULT_SAFETY_RESOURCES.crisisLine,
    domesticViolenceLine: config.safety.domesticViolenceLine || DEFAULT_SAFETY_RESOURCES.domesticViolenceLine,
  };
}
