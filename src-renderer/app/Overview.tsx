// The first-run overview (#/overview): what is ready and what to do next, each line a link to its
// step, so a new user starts from the pipeline's beginning instead of on step 7.
import { stepsStore } from '../features/project/store';
import { settingsStore } from '../features/settings/store';
import { overview, type OverviewLine } from './overview';
import { useResource } from './resource';
import { STEP_IDS, type StepId } from './steps';

function Line({ line, onSelect }: { line: OverviewLine; onSelect: (id: StepId) => void }) {
  const href = `#/${line.step}`;
  return (
    <li>
      {line.text}{' '}
      <a
        href={href}
        onClick={(e) => {
          // Settings opens through the hash (a dialog over the page); a step is selected directly.
          if (line.step === 'settings') return;
          e.preventDefault();
          if ((STEP_IDS as readonly string[]).includes(line.step)) onSelect(line.step);
        }}
      >
        {line.action}
      </a>
    </li>
  );
}

export function OverviewPage({ onSelect }: { onSelect: (id: StepId) => void }) {
  const steps = useResource(stepsStore).data;
  const settings = useResource(settingsStore).data;
  if (!steps) return <p className="status">Reading the project…</p>;
  // A gateway (custom endpoint) stands in for a key; unknown until the settings are read.
  const canCallClaude = settings ? settings.apiKey.present || settings.settings.baseURL !== '' : undefined;
  const { ready, next } = overview(steps, canCallClaude);
  return (
    <div className="wizard-page" id="overview">
      <h2>Overview</h2>
      <p className="summary">
        Task Atlas reproduces Handa et al. (2025), <em>Which Economic Tasks are Performed with AI?</em>, and runs its pipeline on your own
        conversations: build the task hierarchy, import conversations, classify, validate, explore and export.
      </p>
      {ready.length > 0 && (
        <section aria-labelledby="overview-ready-title">
          <h3 id="overview-ready-title">Ready now</h3>
          <ul className="overview-list" id="overview-ready">
            {ready.map((line) => (
              <Line key={line.text} line={line} onSelect={onSelect} />
            ))}
          </ul>
        </section>
      )}
      {next.length > 0 && (
        <section aria-labelledby="overview-next-title">
          <h3 id="overview-next-title">What to do next</h3>
          <ol className="overview-list" id="overview-next">
            {next.map((line) => (
              <Line key={line.text} line={line} onSelect={onSelect} />
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
