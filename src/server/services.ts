import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { Logger } from 'pino';
import type Redis from 'ioredis';
import { FollowupService } from '../followups/followup.service';
import { FollowupTimer } from '../followups/followup.timer';
import { createLocalPubSub, type AmoraPubSub } from '../pubsub/pubsub';
import { createBlocksEngine, DEFAULT_SAFETY_RESOURCES, loadBlockLibrary } from '../coach';
import { createEnginePool, inProcessEngine, type EngineRunner } from './engine-pool';
import { FeedbackRepository } from '../feedback/feedback.repository';
import { FeedbackService } from '../feedback/feedback.service';
import { MessageRepository } from '../messages/message.repository';
import { MessageService } from '../messages/message.service';
import { PrivacyRepository } from '../privacy/privacy.repository';
import { PrivacyService } from '../privacy/privacy.service';
import { RetentionSweeper } from '../privacy/retention';
import { ProgressRepository } from '../sessions/progress.repository';
import { ProgressService } from '../sessions/progress.service';
import { SessionRepository } from '../sessions/session.repository';
import { SessionService } from '../sessions/session.service';
import { createUserLimits } from './rate-limits';
import { noTelemetry, type Telemetry } from '../telemetry';

/** The services both faces call; built once per process. */
export interface Services {
  sessions: SessionService;
  messages: MessageService;
  feedback: FeedbackService;
  /** The coach engine: in worker threads, or in-process when `AMORA_ENGINE_WORKERS=0`; closed with the server. */
  engine: EngineRunner;
  /** Export and erase a user's data. */
  privacy: PrivacyService;
  /** `AMORA_RETENTION_DAYS` sweep; started and stopped with the server. */
  retention: RetentionSweeper;
  /** Daily check-ins: what is due for a user. */
  followups: FollowupService;
  /** Claims due check-ins and publishes them; started and stopped with the server, `tick()` for tests. */
  followupTimer: FollowupTimer;
  /** Where check-ins are published, and heard by subscriptions. */
  pubSub: AmoraPubSub;
  /** Session.progress and its REST twin. */
  progress: ProgressService;
}

/** Each domain's SQL, over one database; services and per-request loaders read through them. */
export interface Repositories {
  sessions: SessionRepository;
  messages: MessageRepository;
  feedback: FeedbackRepository;
  privacy: PrivacyRepository;
  progress: ProgressRepository;
}

/** Builds every repository over `db`. */
export function createRepositories(db: Database): Repositories {
  return {
    sessions: new SessionRepository(db),
    messages: new MessageRepository(db),
    feedback: new FeedbackRepository(db),
    privacy: new PrivacyRepository(db),
    progress: new ProgressRepository(db),
  };
}

/** What the services are built from. */
export interface ServiceDeps {
  db: Database;
  /** The repositories over `db`; built here when omitted. */
  repositories?: Repositories;
  config: Config;
  clock: Clock;
  /** Where check-ins are published; an in-process one when omitted. */
  pubSub?: AmoraPubSub;
  /** Shared state between instances (rate limits); each process counts alone when omitted. */
  redis?: Redis | null;
  logger?: Logger;
  /** Where services report what operators watch (turns, refusals, ticks); nowhere when omitted. */
  telemetry?: Telemetry;
  /** Test hook passed to the engine's worker threads (`EnginePoolOptions.exitOnText` in engine-pool.ts). */
  engineExitOnText?: string;
}

/** Builds every service. */
export function createServices({
  db,
  repositories = createRepositories(db),
  config,
  clock,
  pubSub = createLocalPubSub(),
  redis = null,
  logger,
  telemetry = noTelemetry,
  engineExitOnText,
}: ServiceDeps): Services {
  const limits = createUserLimits(config, redis, telemetry);
  const sessions = new SessionService(repositories.sessions, clock, config.defaultTimezone, limits);
  // Each worker loads the same library from disk and gets the same resources.
  const engine =
    config.engineWorkers > 0
      ? createEnginePool({
          size: config.engineWorkers,
          safety: safetyResources(config),
          logger,
          onGc: (kind, seconds) => telemetry.engineGc(kind, seconds),
          exitOnText: engineExitOnText,
        })
      : inProcessEngine(
          createBlocksEngine({ library: loadBlockLibrary(), safety: safetyResources(config) }),
        );
  const messages = new MessageService(
    repositories.messages,
    clock,
    sessions,
    engine,
    limits,
    telemetry,
  );
  const privacy = new PrivacyService(repositories.privacy, clock);
  const retention = new RetentionSweeper(repositories.privacy, config.retentionDays, () =>
    clock.now(),
  );
  const followups = new FollowupService(db, clock);
  const followupTimer = new FollowupTimer(
    followups,
    pubSub,
    config.followupTickMs,
    logger,
    telemetry,
  );
  return {
    sessions,
    messages,
    engine,
    feedback: new FeedbackService(repositories.feedback, limits),
    privacy,
    retention,
    followups,
    followupTimer,
    pubSub,
    progress: new ProgressService(repositories.progress),
  };
}

/** Crisis resources from configuration, the engine's wording where none is configured. */
function safetyResources(config: Config) {
  return {
    emergencyNumber: config.safety.emergencyNumber || DEFAULT_SAFETY_RESOURCES.emergencyNumber,
    crisisLine: config.safety.crisisLine || DEFAULT_SAFETY_RESOURCES.crisisLine,
    domesticViolenceLine:
      config.safety.domesticViolenceLine || DEFAULT_SAFETY_RESOURCES.domesticViolenceLine,
  };
}
