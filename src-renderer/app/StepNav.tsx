// The wizard's step list. Each step shows what the project already holds (✓ done, ◐ partly done,
// ○ to do, from project.steps), so a reopened project shows at a glance where it stands.
import type { StepStatus } from '../../src-shared/api';
import { BADGE_TEXT, STEP_IDS, STEP_LABELS, stepBadge, type StepId } from './steps';

interface StepNavProps {
  active: StepId | undefined;
  steps: StepStatus | undefined;
  projectOpen: boolean;
  onSelect: (id: StepId) => void;
}

export function StepNav({ active, steps, projectOpen, onSelect }: StepNavProps) {
  return (
    <nav className="steps" aria-label="Wizard steps">
      <ol>
        {STEP_IDS.map((id) => {
          const badge = stepBadge(id, steps, projectOpen);
          return (
            <li key={id}>
              <button
                type="button"
                className="step"
                id={`step-${id}`}
                data-state={badge?.state}
                aria-current={id === active ? 'page' : undefined}
                title={badge?.summary}
                onClick={() => onSelect(id)}
              >
                <span className="step-label">{STEP_LABELS[id]}</span>
                {badge && (
                  <span className={`step-badge badge-${badge.state}`}>
                    <span aria-hidden="true">{BADGE_TEXT[badge.state].mark}</span>
                    <span className="visually-hidden"> ({BADGE_TEXT[badge.state].words})</span>
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
