import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import {
  label,
  M_DELETE,
  M_SEND,
  M_UPDATE,
  Q_MESSAGES,
  Q_SESSION,
  when,
  type Api,
  type CoachReply,
  type Message,
  type Session,
} from './api';
import { AmoraMessage, type ShownMessage } from './AmoraMessage';
import { FollowUpSettings } from './FollowUpSettings';
import { linkTo, navigate } from './router';

/** Messages fetched per scroll back through history. */
const PAGE = 20;

interface Page {
  session: {
    messages: {
      edges: { node: Message }[];
      pageInfo: { hasPreviousPage: boolean; startCursor: string | null };
    };
  } | null;
}

/** One session: its conversation (scrolling back through history), composer, summary and settings. */
export function Conversation({
  api,
  sessionId,
  checkIn,
}: {
  api: Api;
  sessionId: string;
  checkIn: string | null;
}) {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [messages, setMessages] = useState<ShownMessage[]>([]);
  const [older, setOlder] = useState<{ cursor: string | null; more: boolean }>({
    cursor: null,
    more: false,
  });
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState(false);
  const [newTitle, setNewTitle] = useState('');
  const log = useRef<HTMLDivElement>(null);
  const composer = useRef<HTMLTextAreaElement>(null);
  const top = useRef<HTMLDivElement>(null);
  // Where to put the scroll position after the next render: the bottom, or kept when older messages arrive.
  const scrollPlan = useRef<{ kind: 'bottom' } | { kind: 'keep'; fromBottom: number } | null>(null);

  useEffect(() => {
    Promise.all([
      api.run<{ session: Session | null }>(Q_SESSION, { id: sessionId }),
      api.run<Page>(Q_MESSAGES, { id: sessionId, last: PAGE }),
    ])
      .then(([s, page]) => {
        setSession(s.session);
        if (!s.session || !page.session) return;
        const { edges, pageInfo } = page.session.messages;
        scrollPlan.current = { kind: 'bottom' };
        setMessages(edges.map((e) => ({ ...e.node, replaced: [] })));
        setOlder({ cursor: pageInfo.startCursor, more: pageInfo.hasPreviousPage });
      })
      .catch((e: Error) => setError(e.message));
  }, [api, sessionId]);

  useEffect(() => {
    if (checkIn && session) composer.current?.focus();
  }, [checkIn, session]);

  useLayoutEffect(() => {
    const el = log.current;
    const plan = scrollPlan.current;
    if (!el || !plan) return;
    scrollPlan.current = null;
    el.scrollTop = plan.kind === 'bottom' ? el.scrollHeight : el.scrollHeight - plan.fromBottom;
  });

  const loadOlder = useCallback(async () => {
    if (loadingOlder || !older.more || !older.cursor) return;
    setLoadingOlder(true);
    try {
      const page = await api.run<Page>(Q_MESSAGES, {
        id: sessionId,
        last: PAGE,
        before: older.cursor,
      });
      if (!page.session) return;
      const { edges, pageInfo } = page.session.messages;
      const el = log.current;
      scrollPlan.current = { kind: 'keep', fromBottom: el ? el.scrollHeight - el.scrollTop : 0 };
      setMessages((current) => [...edges.map((e) => ({ ...e.node, replaced: [] })), ...current]);
      setOlder({ cursor: pageInfo.startCursor, more: pageInfo.hasPreviousPage });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoadingOlder(false);
    }
  }, [api, sessionId, older, loadingOlder]);

  // Reaching the top of the conversation loads the page before it.
  useEffect(() => {
    const target = top.current;
    if (!target || !log.current) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void loadOlder();
      },
      { root: log.current, rootMargin: '200px 0px 0px 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [loadOlder, session]);

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    const text = draft.trim();
    if (!text || sending) return;
    setSending(true);
    setError(null);
    const mine: ShownMessage = {
      id: `local-${Date.now()}`,
      sender: 'USER',
      text,
      createdAt: new Date().toISOString(),
      responseStyle: null,
      replyToId: null,
      feedback: [],
      replaced: [],
    };
    scrollPlan.current = { kind: 'bottom' };
    setMessages((current) => [...current, mine]);
    setDraft('');
    try {
      const { sendMessage } = await api.run<{ sendMessage: CoachReply }>(M_SEND, {
        input: { specificQuestion: text, coachSessionId: sessionId },
      });
      scrollPlan.current = { kind: 'bottom' };
      setMessages((current) => [
        ...current,
        {
          id: sendMessage.messageId,
          sender: 'AMORA',
          text: sendMessage.message,
          createdAt: new Date().toISOString(),
          responseStyle: sendMessage.responseStyle,
          replyToId: null,
          feedback: [],
          replaced: [],
        },
      ]);
      setSession(sendMessage.session);
    } catch (e) {
      setError((e as Error).message);
      setMessages((current) => current.filter((m) => m.id !== mine.id));
      setDraft(text);
    } finally {
      setSending(false);
      composer.current?.focus();
    }
  };

  const update = async (input: Record<string, unknown>) => {
    setError(null);
    try {
      const { updateSession } = await api.run<{ updateSession: Session }>(M_UPDATE, {
        id: sessionId,
        input,
      });
      setSession(updateSession);
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
  };

  const remove = async () => {
    if (
      !session ||
      !window.confirm(`Delete "${session.title}" and everything said in it? This cannot be undone.`)
    )
      return;
    try {
      await api.run(M_DELETE, { id: sessionId });
      navigate('/');
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (session === undefined)
    return (
      <p className="page" aria-busy="true">
        {error ?? 'Opening the session…'}
      </p>
    );
  if (session === null)
    return (
      <div className="page">
        <h1>Session not found</h1>
        <p>
          It may have been deleted.{' '}
          <a href="/" onClick={linkTo('/')}>
            Back to your sessions
          </a>
        </p>
      </div>
    );

  const lastCheckIn = checkIn
    ? [...messages].reverse().find((m) => m.responseStyle === 'CHECK_IN')
    : undefined;

  return (
    <div className="conversation">
      <section className="session-head" aria-labelledby="session-title">
        {renaming ? (
          <form
            className="rename"
            onSubmit={async (e) => {
              e.preventDefault();
              if (await update({ title: newTitle })) setRenaming(false);
            }}
          >
            <label htmlFor="rename-title">Session name</label>
            <input
              id="rename-title"
              value={newTitle}
              onChange={(e) => setNewTitle(e.target.value)}
              maxLength={120}
              autoFocus
            />
            <button type="submit">Save name</button>
            <button type="button" className="secondary" onClick={() => setRenaming(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <h1 id="session-title">{session.title}</h1>
        )}
        <p className="meta">
          <span className={`status status-${session.status.toLowerCase()}`}>
            {session.status.toLowerCase()}
          </span>
          {session.primaryTopic && <> · {label(session.primaryTopic)}</>} · last activity{' '}
          {when(session.lastMessageAt ?? session.updatedAt)}
        </p>
        <div className="actions" role="group" aria-label="Session actions">
          <a
            className="button secondary"
            href={`/sessions/${sessionId}/progress`}
            onClick={linkTo(`/sessions/${sessionId}/progress`)}
          >
            Progress
          </a>
          {!renaming && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setNewTitle(session.title);
                setRenaming(true);
              }}
            >
              Rename
            </button>
          )}
          {session.status === 'ACTIVE' ? (
            <button
              type="button"
              className="secondary"
              onClick={() => update({ status: 'PAUSED' })}
            >
              Pause
            </button>
          ) : (
            <button
              type="button"
              className="secondary"
              onClick={() => update({ status: 'ACTIVE' })}
            >
              Resume
            </button>
          )}
          {session.status !== 'COMPLETED' && (
            <button
              type="button"
              className="secondary"
              onClick={() => update({ status: 'COMPLETED' })}
            >
              Complete
            </button>
          )}
          <button type="button" className="danger" onClick={remove}>
            Delete
          </button>
        </div>
      </section>

      <div className="columns">
        <section className="chat" aria-label="Conversation">
          <div
            className="log"
            ref={log}
            role="log"
            aria-live="polite"
            aria-relevant="additions"
            tabIndex={0}
            aria-label="Messages"
          >
            <div ref={top} className="history-edge">
              {loadingOlder ? (
                'Loading earlier messages…'
              ) : older.more ? (
                <button type="button" className="link" onClick={() => void loadOlder()}>
                  Load earlier messages
                </button>
              ) : messages.length > 0 ? (
                'This is the start of the session.'
              ) : (
                'Say what is on your mind; Amora will answer.'
              )}
            </div>
            {messages.map((m) =>
              m.sender === 'USER' ? (
                <article key={m.id} className="msg user" aria-label="You said">
                  <p>{m.text}</p>
                </article>
              ) : (
                <AmoraMessage
                  key={m.id}
                  api={api}
                  message={m}
                  onReplaced={(next) =>
                    setMessages((current) => current.map((x) => (x.id === m.id ? next : x)))
                  }
                  onError={setError}
                />
              ),
            )}
            {sending && (
              <p className="msg amora writing" role="status">
                Amora is writing
                <span className="dots" aria-hidden="true">
                  …
                </span>
              </p>
            )}
          </div>
          {lastCheckIn && (
            <p className="checkin-banner" role="note">
              <strong>Amora checked in:</strong> {lastCheckIn.text}
            </p>
          )}
          <form className="composer" onSubmit={send}>
            <label htmlFor="composer" className="visually-hidden">
              Your message
            </label>
            <textarea
              id="composer"
              ref={composer}
              rows={2}
              value={draft}
              maxLength={4000}
              placeholder={lastCheckIn ? 'Tell Amora how you have been…' : 'Write to Amora…'}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey) {
                  e.preventDefault();
                  void send();
                }
              }}
            />
            <button type="submit" className="primary" disabled={sending || !draft.trim()}>
              Send
            </button>
          </form>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
        </section>

        <aside className="side">
          <section className="card summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">What we've worked on</h2>
            <p data-testid="summary">
              {session.summaryText ?? 'Amora writes a summary after every fifth message you send.'}
            </p>
            <h2>Where we're going next</h2>
            <p data-testid="next-plan">
              {session.nextPlanText ?? 'A plan appears with the first summary.'}
            </p>
          </section>
          <FollowUpSettings session={session} onSave={update} />
        </aside>
      </div>
    </div>
  );
}
