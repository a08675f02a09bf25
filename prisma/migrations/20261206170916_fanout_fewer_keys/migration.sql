-- Fewer keys and index entries per check-in (issue 14's fan-out; bench/RESULTS.md).
--
-- * No user key on messages and check-ins: their (session_id, user_id) key to amora_sessions
--   already names an existing user (amora_sessions.user_id has its key to amora_users), moves with
--   the session's owner (ON UPDATE CASCADE) and is deleted with the user (users -> sessions ->
--   rows, ON DELETE CASCADE). A check-in wave no longer locks each owner's row (a WAL record each).
-- * amora_followups (message_id) unique is implied by UNIQUE (message_id, session_id) and the key
--   to amora_session_messages (id, session_id): a message id names one message in one session.
-- * default_key and reply_to_id are null on most rows, which no query looks up: partial indexes
--   leave those out, so a session update and a check-in's message skip one index each. The schema
--   engine does not read partial indexes back, so schema.prisma does not declare them.
-- DropForeignKey
ALTER TABLE "amora_followups" DROP CONSTRAINT "amora_followups_user_id_fkey";

-- DropForeignKey
ALTER TABLE "amora_session_messages" DROP CONSTRAINT "amora_session_messages_user_id_fkey";

-- DropIndex
DROP INDEX "amora_followups_message_id_key";

-- DropIndex
DROP INDEX "amora_session_messages_reply_to_id_idx";

-- DropIndex
DROP INDEX "amora_sessions_default_key_key";

-- CreateIndex
CREATE INDEX "amora_session_messages_reply_to_id_idx" ON "amora_session_messages"("reply_to_id") WHERE (reply_to_id IS NOT NULL);

-- CreateIndex
CREATE UNIQUE INDEX "amora_sessions_default_key_key" ON "amora_sessions"("default_key") WHERE (default_key IS NOT NULL);
