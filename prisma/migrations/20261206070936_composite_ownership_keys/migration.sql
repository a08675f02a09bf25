/*
  Warnings:

  - A unique constraint covering the columns `[message_id,session_id]` on the table `amora_followups` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[id,session_id]` on the table `amora_session_messages` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[session_id,user_id]` on the table `amora_session_state` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[id,user_id]` on the table `amora_sessions` will be added. If there are existing duplicate values, this will fail.

*/
-- DropForeignKey
ALTER TABLE "amora_followups" DROP CONSTRAINT "amora_followups_message_id_fkey";

-- DropForeignKey
ALTER TABLE "amora_followups" DROP CONSTRAINT "amora_followups_session_id_fkey";

-- DropForeignKey
ALTER TABLE "amora_session_feedback" DROP CONSTRAINT "amora_session_feedback_message_id_fkey";

-- DropForeignKey
ALTER TABLE "amora_session_feedback" DROP CONSTRAINT "amora_session_feedback_session_id_fkey";

-- DropForeignKey
ALTER TABLE "amora_session_messages" DROP CONSTRAINT "amora_session_messages_session_id_fkey";

-- DropForeignKey
ALTER TABLE "amora_session_state" DROP CONSTRAINT "amora_session_state_session_id_fkey";

-- CreateIndex
CREATE UNIQUE INDEX "amora_followups_message_id_session_id_key" ON "amora_followups"("message_id", "session_id");

-- CreateIndex
CREATE UNIQUE INDEX "amora_session_messages_id_session_id_key" ON "amora_session_messages"("id", "session_id");

-- CreateIndex
CREATE UNIQUE INDEX "amora_session_state_session_id_user_id_key" ON "amora_session_state"("session_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "amora_sessions_id_user_id_key" ON "amora_sessions"("id", "user_id");

-- AddForeignKey
ALTER TABLE "amora_session_messages" ADD CONSTRAINT "amora_session_messages_session_id_user_id_fkey" FOREIGN KEY ("session_id", "user_id") REFERENCES "amora_sessions"("id", "user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amora_session_feedback" ADD CONSTRAINT "amora_session_feedback_session_id_user_id_fkey" FOREIGN KEY ("session_id", "user_id") REFERENCES "amora_sessions"("id", "user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amora_session_feedback" ADD CONSTRAINT "amora_session_feedback_message_id_session_id_fkey" FOREIGN KEY ("message_id", "session_id") REFERENCES "amora_session_messages"("id", "session_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amora_session_state" ADD CONSTRAINT "amora_session_state_session_id_user_id_fkey" FOREIGN KEY ("session_id", "user_id") REFERENCES "amora_sessions"("id", "user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amora_followups" ADD CONSTRAINT "amora_followups_session_id_user_id_fkey" FOREIGN KEY ("session_id", "user_id") REFERENCES "amora_sessions"("id", "user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amora_followups" ADD CONSTRAINT "amora_followups_message_id_session_id_fkey" FOREIGN KEY ("message_id", "session_id") REFERENCES "amora_session_messages"("id", "session_id") ON DELETE CASCADE ON UPDATE CASCADE;
