import { useEffect, useRef, useState } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { label, Q_PROGRESS, type Api, type Progress } from './api';
import { linkTo } from './router';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.color = '#2b2330';

/** Colours with enough contrast on white, one per emotion in turn. */
const PALETTE = [
  '#7a2e4f',
  '#1f6f8b',
  '#b4530a',
  '#3f6e2a',
  '#5b4bb7',
  '#9b1c31',
  '#00695c',
  '#6d4c41',
];
const STAGES = ['', 'opening up', 'understanding', 'working through', 'moving forward'];

interface Data {
  session: { id: string; title: string; timezone: string; progress: Progress } | null;
}

/** A session's progress: figures, stages per topic and emotions over time, each chart with its table. */
export function ProgressView({ api, sessionId }: { api: Api; sessionId: string }) {
  const [data, setData] = useState<Data['session'] | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .run<Data>(Q_PROGRESS, { id: sessionId })
      .then((d) => setData(d.session))
      .catch((e: Error) => setError(e.message));
  }, [api, sessionId]);

  if (data === undefined)
    return (
      <p className="page" aria-busy="true">
        {error ?? 'Loading progress…'}
      </p>
    );
  if (data === null) return <p className="page">Session not found.</p>;
  const p = data.progress;
  const emotions = [...new Set(p.emotionsByDay.flatMap((d) => d.counts.map((c) => c.emotion)))];

  return (
    <div className="page progress">
      <p>
        <a href={`/sessions/${sessionId}`} onClick={linkTo(`/sessions/${sessionId}`)}>
          ← Back to the conversation
        </a>
      </p>
      <h1>Progress: {data.title}</h1>
      <dl className="figures">
        <div>
          <dt>Messages from you</dt>
          <dd>{p.turnCount}</dd>
        </div>
        <div>
          <dt>Main topic</dt>
          <dd className="topic">{p.mainTopic ? label(p.mainTopic) : '—'}</dd>
        </div>
        <div>
          <dt>Check-ins answered</dt>
          <dd>
            {p.checkInsAnswered} of {p.checkInsSent}
          </dd>
        </div>
        {p.safetyConcerns > 0 && (
          <div className="concern">
            <dt>Safety concerns raised</dt>
            <dd>{p.safetyConcerns}</dd>
          </div>
        )}
      </dl>

      <section className="card" aria-labelledby="stages-heading">
        <h2 id="stages-heading">How far each topic has gone</h2>
        {p.topics.length === 0 ? (
          <p>Nothing yet: topics appear once you have written.</p>
        ) : (
          <>
            <ChartCanvas
              label="Stage reached per topic, 1 to 4"
              height={Math.max(140, p.topics.length * 44)}
              config={{
                type: 'bar',
                data: {
                  labels: p.topics.map((t) => label(t.topic)),
                  datasets: [
                    {
                      label: 'Stage',
                      data: p.topics.map((t) => t.stage),
                      backgroundColor: '#7a2e4f',
                    },
                  ],
                },
                options: {
                  indexAxis: 'y',
                  maintainAspectRatio: false,
                  animation: false,
                  plugins: {
                    legend: { display: false },
                    tooltip: {
                      callbacks: {
                        label: (item) => {
                          const t = p.topics[item.dataIndex];
                          return `stage ${t.stage} (${STAGES[t.stage]}), ${t.turns} message${t.turns === 1 ? '' : 's'}`;
                        },
                      },
                    },
                  },
                  scales: {
                    x: {
                      min: 0,
                      max: 4,
                      ticks: { stepSize: 1 },
                      title: { display: true, text: 'stage' },
                    },
                  },
                },
              }}
            />
            <table className="data-table">
              <caption>Topics, most talked about first</caption>
              <thead>
                <tr>
                  <th scope="col">Topic</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Messages</th>
                </tr>
              </thead>
              <tbody>
                {p.topics.map((t) => (
                  <tr key={t.topic}>
                    <th scope="row">{label(t.topic)}</th>
                    <td>
                      {t.stage} · {STAGES[t.stage]}
                    </td>
                    <td>{t.turns}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="emotions-heading">
        <h2 id="emotions-heading">Emotions over time</h2>
        {p.emotionsByDay.length === 0 ? (
          <p>No emotions named yet.</p>
        ) : (
          <>
            <ChartCanvas
              label={`Emotions named per day, in ${data.timezone}`}
              height={240}
              config={{
                type: 'bar',
                data: {
                  labels: p.emotionsByDay.map((d) => d.day),
                  datasets: emotions.map((emotion, i) => ({
                    label: label(emotion),
                    data: p.emotionsByDay.map(
                      (d) => d.counts.find((c) => c.emotion === emotion)?.count ?? 0,
                    ),
                    backgroundColor: PALETTE[i % PALETTE.length],
                    maxBarThickness: 56,
                  })),
                },
                options: {
                  maintainAspectRatio: false,
                  animation: false,
                  plugins: { legend: { position: 'bottom' } },
                  scales: {
                    x: { stacked: true },
                    y: {
                      stacked: true,
                      ticks: { stepSize: 1 },
                      title: { display: true, text: 'times named' },
                    },
                  },
                },
              }}
            />
            <table className="data-table">
              <caption>Emotions per day ({data.timezone})</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Emotions</th>
                </tr>
              </thead>
              <tbody>
                {p.emotionsByDay.map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{d.day}</th>
                    <td>{d.counts.map((c) => `${label(c.emotion)} ×${c.count}`).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </div>
  );
}

/** A Chart.js chart; the table after it carries the same data for screen readers. */
function ChartCanvas({
  config,
  height,
  label: name,
}: {
  config: ChartConfiguration<'bar'>;
  height: number;
  label: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const chart = new Chart(canvas.current!, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={name} />
    </div>
  );
}
