import type { EmotionId, ResponseStyle, SafetyLevel, TopicId } from '../coach/types';
import type { TurnReply } from './stored-turn';
import type { Sender } from '../db/generated/enums';
import type { Message } from './message.type';

/** What an Amora message stores in its `metadata` column (the seed's JSONB). */
export interface MessageMetadata {
  topics?: TopicId[];
  emotions?: EmotionId[];
  response_style?: ResponseStyle;
  block_ids?: string[];
  stage?: number;
  confidence?: number;
  crisis?: string | null;
  /** How the answer was given for safety (NONE, CHECK, CRISIS). */
  safety?: SafetyLevel;
}

/** A message row as Prisma or a raw query returns it (either column spelling). */
export interface MessageRow {
  id: string;
  seq: bigint | number | string;
  sessionId?: string;
  session_id?: string;
  sender: string;
  text?: string;
  message_text?: string;
  metadata: unknown;
  replyToId?: string | null;
  reply_to_id?: string | null;
  supersededById?: string | null;
  superseded_by_id?: string | null;
  createdAt?: Date;
  created_at?: Date;
}

/** Turns a stored row into the {@link Message} both faces show. */
export function toMessage(row: MessageRow): Message {
  const meta = (row.metadata ?? {}) as MessageMetadata;
  return {
    id: row.id,
    seq: BigInt(row.seq),
    sessionId: (row.sessionId ?? row.session_id)!,
    sender: row.sender.toUpperCase() as Sender,
    text: (row.text ?? row.message_text)!,
    createdAt: (row.createdAt ?? row.created_at)!,
    topics: meta.topics ?? [],
    emotions: meta.emotions ?? [],
    responseStyle: meta.response_style ?? null,
    replyToId: row.replyToId ?? row.reply_to_id ?? null,
    supersededById: row.supersededById ?? row.superseded_by_id ?? null,
    blockIds: meta.block_ids ?? [],
  };
}

/** Opaque paging cursor for a message position. */
export function encodeCursor(seq: bigint): string {
  return Buffer.from(`m:${seq}`).toString('base64url');
}

/** The position a cursor points at, or null when it is not one of ours. */
export function decodeCursor(cursor: string): bigint | null {
  const match = /^m:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? BigInt(match[1]) : null;
}

/** The metadata stored with Amora's answer: what the engine saw and which blocks it used. */
export function answerMetadata(result: TurnReply): MessageMetadata {
  return {
    topics: result.topics,
    emotions: result.emotions,
    response_style: result.style,
    block_ids: result.blockIds,
    stage: result.stage,
    confidence: result.confidence,
    crisis: result.crisis,
    safety: result.safety,
  };
}

/** The metadata stored with the user's message: what the engine read in it. */
export function questionMetadata(result: TurnReply): MessageMetadata {
  return {
    topics: result.topics,
    emotions: result.emotions,
    stage: result.stage,
    crisis: result.crisis,
  };
}
