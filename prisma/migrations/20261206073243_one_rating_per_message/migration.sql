/*
  Warnings:

  - A unique constraint covering the columns `[user_id,rated_message_id]` on the table `amora_session_feedback` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "amora_session_feedback" ADD COLUMN     "rated_message_id" UUID;

-- Ratings stored before the key: of each user's ratings of a message the latest stays (the
-- contract's "latest wins"), the older ones go; then every rating names its message.
DELETE FROM "amora_session_feedback" f
USING "amora_session_feedback" newer
WHERE f."feedback_type" IN ('like', 'dislike') AND newer."feedback_type" IN ('like', 'dislike')
  AND newer."user_id" = f."user_id" AND newer."message_id" = f."message_id"
  AND (newer."created_at", newer."id") > (f."created_at", f."id");

UPDATE "amora_session_feedback" SET "rated_message_id" = "message_id"
WHERE "feedback_type" IN ('like', 'dislike');

-- CreateIndex
CREATE UNIQUE INDEX "amora_session_feedback_user_id_rated_message_id_key" ON "amora_session_feedback"("user_id", "rated_message_id");
