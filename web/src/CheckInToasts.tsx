import { useEffect, useState } from 'react';
import { Q_DUE, S_DUE, type Api, type Followup } from './api';
import { navigate } from './router';

/**
 * Check-ins as they arrive over the subscription (and those waiting when the app opens): a toast
 * that opens the session with the prompt.
 */
export function CheckInToasts({ api }: { api: Api }) {
  const [toasts, setToasts] = useState<Followup[]>([]);
  const add = (f: Followup) =>
    setToasts((current) => [...current.filter((t) => t.coachSessionId !== f.coachSessionId), f]);

  useEffect(() => {
    api
      .run<{ dueFollowups: Followup[] }>(Q_DUE)
      .then((data) => data.dueFollowups.slice(0, 3).forEach(add))
      .catch(() => undefined);
    const subscription = api.client
      .subscription<{ dueFollowups: Followup }>(S_DUE, {})
      .subscribe((result) => {
        if (result.data) add(result.data.dueFollowups);
      });
    return () => subscription.unsubscribe();
  }, [api]);

  const dismiss = (id: string) =>
    setToasts((current) => current.filter((t) => t.coachSessionId !== id));

  return (
    <div className="toasts" role="region" aria-live="polite" aria-label="Check-ins">
      {toasts.map((t) => (
        <div className="toast" key={t.coachSessionId} role="status">
          <p>
            <strong>Amora has a check-in</strong> for “{t.title}”
          </p>
          <p className="prompt">{t.prompt}</p>
          <div className="toast-actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                dismiss(t.coachSessionId);
                // Each check-in its own address: opening one reloads the session even when it is open already.
                navigate(`/sessions/${t.coachSessionId}?checkin=${encodeURIComponent(t.dueAt)}`);
              }}
            >
              Open check-in
            </button>
            <button type="button" className="secondary" onClick={() => dismiss(t.coachSessionId)}>
              Later
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
