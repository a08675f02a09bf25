import { useMemo, useState, type FormEvent } from 'react';
import type { Session } from './api';

/** The browser's own zone, preselected when the session has none of its own yet. */
const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Daily check-in settings: on or off, the time, and the zone the time is in. */
export function FollowUpSettings({
  session,
  onSave,
}: {
  session: Session;
  onSave: (input: Record<string, unknown>) => Promise<boolean>;
}) {
  const [enabled, setEnabled] = useState(session.followUpEnabled);
  const [time, setTime] = useState(session.followUpTime ?? '09:00');
  // A session still on the server's default zone most likely wants the browser's.
  const [zone, setZone] = useState(
    session.followUpEnabled || session.timezone !== 'UTC' ? session.timezone : browserZone(),
  );
  const [saved, setSaved] = useState(false);
  const zones = useMemo(() => {
    const all =
      (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ??
      [];
    return [...new Set([zone, browserZone(), 'UTC', ...all])].sort();
  }, [zone]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (await onSave({ followUpEnabled: enabled, followUpTime: time, timezone: zone }))
      setSaved(true);
  };

  return (
    <form className="card settings" onSubmit={submit} aria-labelledby="checkin-heading">
      <h2 id="checkin-heading">Daily check-in</h2>
      <div className="check">
        <input
          id="followup-enabled"
          type="checkbox"
          checked={enabled}
          onChange={(e) => setEnabled(e.target.checked)}
        />
        <label htmlFor="followup-enabled">Amora checks in with me every day</label>
      </div>
      <label htmlFor="followup-time">Time</label>
      <input
        id="followup-time"
        type="time"
        value={time}
        onChange={(e) => setTime(e.target.value)}
        required
      />
      <label htmlFor="followup-zone">Time zone</label>
      <select id="followup-zone" value={zone} onChange={(e) => setZone(e.target.value)}>
        {zones.map((z) => (
          <option key={z} value={z}>
            {z.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
      <button type="submit">Save check-in</button>
      <p role="status" className="hint">
        {saved ? 'Saved.' : ''}
      </p>
    </form>
  );
}
