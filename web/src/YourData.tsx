import { useState, type FormEvent } from 'react';
import type { Api } from './api';

const CONFIRM_WORD = 'delete';

/** Export everything as a file, or delete everything after typing a confirmation. */
export function YourData({ api, onErased }: { api: Api; onErased: () => void }) {
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');

  const download = async () => {
    setError(null);
    setStatus('Preparing your export…');
    try {
      const response = await api.rest('GET', '/api/v1/coach/me/export');
      if (!response.ok) throw new Error(`The export failed (${response.status}).`);
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `amora-export-${new Date().toISOString().slice(0, 10)}.json`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus('Your export was downloaded.');
    } catch (e) {
      setStatus(null);
      setError((e as Error).message);
    }
  };

  const erase = async (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim().toLowerCase() !== CONFIRM_WORD) return;
    setError(null);
    try {
      const response = await api.rest('DELETE', '/api/v1/coach/me');
      if (response.status !== 204) throw new Error(`Deleting failed (${response.status}).`);
      setConfirming(false);
      setTyped('');
      setStatus('Everything was deleted: your sessions, messages, feedback and check-ins.');
      setTimeout(onErased, 1500);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="page">
      <h1>Your data</h1>
      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading">Export</h2>
        <p>Download every session, message, rating and check-in as one JSON file.</p>
        <button type="button" className="primary" onClick={download}>
          Download my data
        </button>
      </section>
      <section className="card danger-zone" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete everything</h2>
        <p>Removes all your sessions and everything said in them, at once and for good.</p>
        {!confirming ? (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            Delete everything…
          </button>
        ) : (
          <form onSubmit={erase}>
            <label htmlFor="confirm-delete">
              Type <strong>{CONFIRM_WORD}</strong> to confirm
            </label>
            <input
              id="confirm-delete"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoFocus
              autoComplete="off"
            />
            <div className="actions">
              <button
                type="submit"
                className="danger"
                disabled={typed.trim().toLowerCase() !== CONFIRM_WORD}
              >
                Delete everything for good
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          </form>
        )}
      </section>
      <p role="status">{status}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
