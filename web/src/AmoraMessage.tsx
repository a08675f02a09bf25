import { useState, type ReactNode } from 'react';
import {
  M_FEEDBACK,
  M_REGENERATE,
  type Api,
  type CoachReply,
  type Feedback,
  type Message,
} from './api';

/** A message as shown: with the texts of the answers it replaced, newest first. */
export interface ShownMessage extends Message {
  replaced: string[];
}

/** One of Amora's answers with like, dislike, regenerate and copy; crisis answers stand out. */
export function AmoraMessage({
  api,
  message,
  onReplaced,
  onError,
}: {
  api: Api;
  message: ShownMessage;
  onReplaced: (next: ShownMessage) => void;
  onError: (error: string) => void;
}) {
  const [feedback, setFeedback] = useState<Feedback[]>(message.feedback);
  const [busy, setBusy] = useState<null | 'regenerate' | 'feedback'>(null);
  const [copied, setCopied] = useState(false);
  const rating = [...feedback].reverse().find((f) => f.type !== 'REGENERATE')?.type ?? null;
  const safety = message.responseStyle === 'SAFETY';
  const checkIn = message.responseStyle === 'CHECK_IN';

  const rate = async (type: 'LIKE' | 'DISLIKE') => {
    setBusy('feedback');
    try {
      const { submitFeedback } = await api.run<{ submitFeedback: { feedback: Feedback } }>(
        M_FEEDBACK,
        {
          input: { messageId: message.id, feedbackType: type },
        },
      );
      setFeedback((current) => [...current, submitFeedback.feedback]);
    } catch (e) {
      onError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const regenerate = async () => {
    setBusy('regenerate');
    try {
      const { regenerateResponse } = await api.run<{ regenerateResponse: CoachReply }>(
        M_REGENERATE,
        { id: message.id },
      );
      onReplaced({
        ...message,
        id: regenerateResponse.messageId,
        text: regenerateResponse.message,
        responseStyle: regenerateResponse.responseStyle,
        feedback: [],
        replaced: [message.text, ...message.replaced],
      });
    } catch (e) {
      onError((e as Error).message);
      setBusy(null);
    }
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(message.text);
    } catch {
      // Clipboard API refused (an insecure origin): copy through a selection.
      const area = document.createElement('textarea');
      area.value = message.text;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };

  return (
    <article
      className={`msg amora${safety ? ' safety' : ''}${checkIn ? ' checkin' : ''}`}
      aria-label={safety ? 'Amora, about your safety' : checkIn ? 'Amora checked in' : 'Amora said'}
      data-message-id={message.id}
    >
      {safety && <p className="safety-title">Your safety comes first</p>}
      {checkIn && <p className="checkin-title">Daily check-in</p>}
      <p>{safety ? withPhoneLinks(message.text) : message.text}</p>
      {safety && <HelpNumbers text={message.text} />}
      {message.replaced.length > 0 && (
        <details className="replaced">
          <summary>
            {message.replaced.length === 1
              ? 'Earlier answer (replaced)'
              : `${message.replaced.length} earlier answers (replaced)`}
          </summary>
          {message.replaced.map((text, i) => (
            <p key={i}>{text}</p>
          ))}
        </details>
      )}
      {!checkIn && (
        <div className="msg-actions" role="group" aria-label="Answer actions">
          <button
            type="button"
            aria-pressed={rating === 'LIKE'}
            onClick={() => rate('LIKE')}
            disabled={busy !== null}
            title="Helpful"
          >
            Like
          </button>
          <button
            type="button"
            aria-pressed={rating === 'DISLIKE'}
            onClick={() => rate('DISLIKE')}
            disabled={busy !== null}
            title="Not helpful"
          >
            Dislike
          </button>
          <button type="button" onClick={regenerate} disabled={busy !== null}>
            <span aria-hidden="true">↻</span> {busy === 'regenerate' ? 'Rewriting…' : 'Regenerate'}
          </button>
          <button type="button" onClick={copy}>
            {copied ? 'Copied' : 'Copy'}
          </button>
          <span className="visually-hidden" role="status">
            {copied ? 'Copied to the clipboard' : ''}
          </span>
        </div>
      )}
    </article>
  );
}

/** Phone numbers in a text: 911, 116 123, 1-800-799-7233, 0808 2000 247. */
const PHONE = /\+?\d(?:[\d -]*\d){2,}/g;

function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

/** The text with each phone number a tappable link. */
function withPhoneLinks(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(PHONE)) {
    parts.push(text.slice(last, match.index));
    parts.push(
      <a key={match.index} href={telHref(match[0])}>
        {match[0]}
      </a>,
    );
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

/** Big call buttons for every number a crisis answer names. */
function HelpNumbers({ text }: { text: string }) {
  const numbers = [...new Set([...text.matchAll(PHONE)].map((m) => m[0].trim()))];
  if (numbers.length === 0) return null;
  return (
    <ul className="help-numbers" aria-label="Call for help">
      {numbers.map((n) => (
        <li key={n}>
          <a className="button call" href={telHref(n)}>
            Call {n}
          </a>
        </li>
      ))}
    </ul>
  );
}
