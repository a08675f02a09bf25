-- Row-level security for a Supabase project that adopts Amora's tables.
--
-- Run it once in the SQL editor after the migrations. Every table is readable and writable only
-- by the user whose JWT `sub` owns the row (`auth.uid()`); no policy uses `USING (true)`. The
-- Amora server itself connects as the table owner (or a role with BYPASSRLS) and enforces
-- ownership in its services, so these policies guard direct access through Supabase's APIs.
--
-- A policy's WITH CHECK sees only the row's own columns: it can say "this message is mine", not
-- "the session it sits in is mine". That half is structural, in the migrations: messages, feedback,
-- state and check-ins reference their session by (session_id, user_id) -> amora_sessions(id,
-- user_id), and feedback and check-ins their message by (message_id, session_id) ->
-- amora_session_messages(id, session_id). A row marked as one user's cannot sit in another user's
-- session, by any path; apply the migrations (20261206070936_composite_ownership_keys) before this.

ALTER TABLE amora_users ENABLE ROW LEVEL SECURITY;
ALTER TABLE amora_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE amora_session_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE amora_session_feedback ENABLE ROW LEVEL SECURITY;
ALTER TABLE amora_session_state ENABLE ROW LEVEL SECURITY;
ALTER TABLE amora_followups ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS amora_users_own ON amora_users;
CREATE POLICY amora_users_own ON amora_users
  FOR ALL USING (auth.uid() = id) WITH CHECK (auth.uid() = id);

DROP POLICY IF EXISTS amora_sessions_own ON amora_sessions;
CREATE POLICY amora_sessions_own ON amora_sessions
  FOR ALL USING (auth.uid() = user_id) WITH CHECK (auth.uid() = user_id);

DROP POLICY IF EXISTS amora_session_messages_own ON amora_session_messages;
CREATE POLICY amora_session_messages_own ON amora_session_messages
  FOR ALL USING (auth.uid() = user_id) WITH CHECK (auth.uid() = user_id);

DROP POLICY IF EXISTS amora_session_feedback_own ON amora_session_feedback;
CREATE POLICY amora_session_feedback_own ON amora_session_feedback
  FOR ALL USING (auth.uid() = user_id) WITH CHECK (auth.uid() = user_id);

DROP POLICY IF EXISTS amora_session_state_own ON amora_session_state;
CREATE POLICY amora_session_state_own ON amora_session_state
  FOR ALL USING (auth.uid() = user_id) WITH CHECK (auth.uid() = user_id);

DROP POLICY IF EXISTS amora_followups_own ON amora_followups;
CREATE POLICY amora_followups_own ON amora_followups
  FOR ALL USING (auth.uid() = user_id) WITH CHECK (auth.uid() = user_id);
