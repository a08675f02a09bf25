import type { CoachReply } from './coach-reply.type';
import type { TurnOutcome } from './message.service';

/** A turn in the shape of the contract's CoachReply (REST sends the same, in snake_case). */
export function toCoachReply(outcome: TurnOutcome): CoachReply {
  const { result } = outcome;
  return {
    message: result.reply,
    mode: outcome.mode,
    confidence: result.confidence,
    referencedData: {
      topics: result.topics,
      emotions: result.emotions,
      responseStyle: result.style,
      stage: result.stage,
      turnCount: outcome.turnCount,
      safety: result.safety,
    },
    engine: outcome.engine,
    responseStyle: result.style,
    coachSessionId: outcome.sessionId,
    messageId: outcome.messageId,
  };
}
