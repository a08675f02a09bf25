import { useEffect, useState, type FormEvent } from 'react';
import { label, M_CREATE, Q_SESSIONS, when, type Api, type Session } from './api';
import { TOPICS } from '../../src/coach/types';
import { linkTo, navigate } from './router';

/** The viewer's sessions, most recent activity first, and a form to start one. */
export function SessionList({ api }: { api: Api }) {
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [topic, setTopic] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api
      .run<{ sessions: Session[] }>(Q_SESSIONS)
      .then((data) => setSessions(data.sessions))
      .catch((e: Error) => setError(e.message));
  }, [api]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { createSession } = await api.run<{ createSession: Session }>(M_CREATE, {
        input: {
          title,
          primaryTopic: topic || null,
          timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        },
      });
      navigate(`/sessions/${createSession.id}`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <h1>Your sessions</h1>
      <form className="card create" onSubmit={create} aria-labelledby="new-heading">
        <h2 id="new-heading">Start a new session</h2>
        <label htmlFor="new-title">What is it about?</label>
        <input
          id="new-title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder="Breakup with Alex"
          maxLength={120}
          required
        />
        <label htmlFor="new-topic">Topic (optional)</label>
        <select id="new-topic" value={topic} onChange={(e) => setTopic(e.target.value)}>
          <option value="">Let Amora find out</option>
          {TOPICS.map((t) => (
            <option key={t} value={t}>
              {label(t)}
            </option>
          ))}
        </select>
        <button type="submit" className="primary" disabled={busy || !title.trim()}>
          Start session
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {sessions === null && !error && <p aria-busy="true">Loading your sessions…</p>}
      {sessions?.length === 0 && <p>No sessions yet. Start one above.</p>}
      {sessions && sessions.length > 0 && (
        <ul className="sessions" aria-label="Sessions">
          {sessions.map((s) => (
            <li key={s.id}>
              <a href={`/sessions/${s.id}`} onClick={linkTo(`/sessions/${s.id}`)}>
                <span className="title">{s.title}</span>
                <span className={`status status-${s.status.toLowerCase()}`}>
                  {s.status.toLowerCase()}
                </span>
                <span className="meta">
                  {s.primaryTopic ? `${label(s.primaryTopic)} · ` : ''}last activity{' '}
                  {when(s.lastMessageAt ?? s.updatedAt)}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
