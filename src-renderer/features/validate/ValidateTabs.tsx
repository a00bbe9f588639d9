// Validate has two audiences: validators label a packet, the analyst prepares packets and reads the
// report. Two tabs (WAI-ARIA tabs pattern: arrow keys move between them); only the open one is
// mounted, so the labelling keys (y, n, 1–6 …) never act while the analyst fills in a form.
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export type ValidateTab = 'label' | 'prepare';

const TABS: { id: ValidateTab; title: string }[] = [
  { id: 'label', title: 'Label a packet' },
  { id: 'prepare', title: 'Prepare & report' },
];

// Outlives the page, so stepping to another wizard step and back reopens the same tab.
let remembered: ValidateTab | undefined;
const remember = (tab: ValidateTab) => {
  remembered = tab;
};

/**
 * The tab Validate opens on before one was chosen: the analyst's once the project has classification
 * runs (there is something to sample and report on), else the validator's.
 */
export function initialValidateTab(runs: number | undefined): ValidateTab {
  return runs !== undefined && runs > 0 ? 'prepare' : 'label';
}

/** `initial` applies until a tab is chosen (it may change as the project's state loads). */
export function ValidateTabs({ panels, initial }: { panels: Record<ValidateTab, () => ReactNode>; initial: ValidateTab }) {
  const [chosen, setTab] = useState<ValidateTab | undefined>(remembered);
  const tab = chosen ?? initial;
  const buttons = useRef<Partial<Record<ValidateTab, HTMLButtonElement | null>>>({});

  const open = (next: ValidateTab, focus: boolean) => {
    remember(next);
    setTab(next);
    if (focus) buttons.current[next]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const target = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (target === undefined) return;
    // Handled here: the labelling page's document listener skips events already handled.
    e.preventDefault();
    open(TABS[(target + TABS.length) % TABS.length]!.id, true);
  };

  return (
    <>
      <div role="tablist" aria-label="Validate" className="validate-tabs" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              buttons.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`validate-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`validate-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="validate-tab"
            onClick={() => open(t.id, false)}
          >
            {t.title}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div key={t.id} role="tabpanel" id={`validate-panel-${t.id}`} aria-labelledby={`validate-tab-${t.id}`} hidden={tab !== t.id}>
          {tab === t.id && panels[t.id]()}
        </div>
      ))}
    </>
  );
}
