-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('ACTIVE', 'PAUSED', 'COMPLETED');

-- CreateEnum
CREATE TYPE "amora_sender" AS ENUM ('user', 'amora');

-- CreateEnum
CREATE TYPE "amora_feedback_type" AS ENUM ('like', 'dislike', 'regenerate');

-- CreateTable
CREATE TABLE "amora_users" (
    "id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "amora_users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "amora_sessions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "primary_topic" TEXT,
    "status" "SessionStatus" NOT NULL DEFAULT 'ACTIVE',
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "default_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_message_at" TIMESTAMPTZ(3),
    "last_activity_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "follow_up_enabled" BOOLEAN NOT NULL DEFAULT false,
    "follow_up_time" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "last_follow_up_at" TIMESTAMPTZ(3),
    "next_follow_up_at" TIMESTAMPTZ(3),
    "summary_text" TEXT,
    "next_plan_text" TEXT,

    CONSTRAINT "amora_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "amora_session_messages" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "session_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "sender" "amora_sender" NOT NULL,
    "message_text" TEXT NOT NULL,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "reply_to_id" UUID,
    "superseded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "amora_session_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "amora_session_feedback" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "message_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "feedback_type" "amora_feedback_type" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "amora_session_feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "amora_session_state" (
    "session_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "turn_count" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "state" JSONB NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "amora_session_state_pkey" PRIMARY KEY ("session_id")
);

-- CreateTable
CREATE TABLE "amora_followups" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "local_day" DATE NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "prompt" TEXT NOT NULL,
    "message_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "amora_followups_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "amora_sessions_default_key_key" ON "amora_sessions"("default_key");

-- CreateIndex
CREATE INDEX "amora_sessions_user_id_last_activity_at_idx" ON "amora_sessions"("user_id", "last_activity_at" DESC);

-- CreateIndex
CREATE INDEX "amora_sessions_next_follow_up_at_idx" ON "amora_sessions"("next_follow_up_at");

-- CreateIndex
CREATE INDEX "amora_session_messages_session_id_seq_idx" ON "amora_session_messages"("session_id", "seq");

-- CreateIndex
CREATE INDEX "amora_session_messages_reply_to_id_idx" ON "amora_session_messages"("reply_to_id");

-- CreateIndex
CREATE INDEX "amora_session_messages_user_id_idx" ON "amora_session_messages"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "amora_session_messages_seq_key" ON "amora_session_messages"("seq");

-- CreateIndex
CREATE INDEX "amora_session_feedback_message_id_idx" ON "amora_session_feedback"("message_id");

-- CreateIndex
CREATE INDEX "amora_session_feedback_user_id_feedback_type_idx" ON "amora_session_feedback"("user_id", "feedback_type");

-- CreateIndex
CREATE INDEX "amora_session_feedback_session_id_idx" ON "amora_session_feedback"("session_id");

-- CreateIndex
CREATE INDEX "amora_session_state_user_id_idx" ON "amora_session_state"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "amora_followups_message_id_key" ON "amora_followups"("message_id");

-- CreateIndex
CREATE INDEX "amora_followups_user_id_answered_at_idx" ON "amora_followups"("user_id", "answered_at");

-- CreateIndex
CREATE UNIQUE INDEX "amora_followups_session_id_local_day_key" ON "amora_followups"("session_id", "local_day");

-- AddForeignKey
ALTER TABLE "amora_sessions" ADD CONSTRAINT "amora_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "amora_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amora_session_messages" ADD CONSTRAINT "amora_session_messages_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "amora_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amora_session_messages" ADD CONSTRAINT "amora_session_messages_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "amora_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amora_session_feedback" ADD CONSTRAINT "amora_session_feedback_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "amora_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amora_session_feedback" ADD CONSTRAINT "amora_session_feedback_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "amora_session_messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amora_session_feedback" ADD CONSTRAINT "amora_session_feedback_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "amora_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amora_session_state" ADD CONSTRAINT "amora_session_state_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "amora_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amora_followups" ADD CONSTRAINT "amora_followups_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "amora_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amora_followups" ADD CONSTRAINT "amora_followups_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "amora_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amora_followups" ADD CONSTRAINT "amora_followups_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "amora_session_messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;
