-- A check-in's local day is named with the zone it was counted in (issue 17): after a move west,
-- the new zone's calendar names again a date the old zone already used, and that day is owed its
-- own check-in. Existing rows were counted in their session's zone as it is now, the best record
-- there is of it.

-- AlterTable
ALTER TABLE "amora_followups" ADD COLUMN "timezone" TEXT;
UPDATE "amora_followups" f SET "timezone" = s."timezone" FROM "amora_sessions" s WHERE s."id" = f."session_id";
ALTER TABLE "amora_followups" ALTER COLUMN "timezone" SET NOT NULL;

-- DropIndex
DROP INDEX "amora_followups_session_id_local_day_key";

-- CreateIndex
CREATE UNIQUE INDEX "amora_followups_session_id_local_day_timezone_key" ON "amora_followups"("session_id", "local_day", "timezone");
