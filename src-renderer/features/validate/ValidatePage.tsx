// Validate: the validator's labelling page (paper Appendix C). Works entirely in the browser: open
// a packet file, judge each item's task path level by level or its collaboration pattern, mostly by
// keyboard, and export a label file. Labels are saved in localStorage as they are made.
import { useEffect, useLayoutEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import type { Label, ValidationItem } from '../../../src-shared/validation';
import { AnalystPanel } from './AnalystPanel';
import { Conversation } from './Conversation';
import { currentLevel, isComplete, labelFileName, labelledCount, levelName, patternOptions, type Session } from './labelling';
import { useValidate, validateStore, type ValidateState } from './store';
import { initialValidateTab, ValidateTabs } from './ValidateTabs';
import { useResource } from '../../app/resource';
import { stepsStore } from '../project/store';
import './validate.css';
import { saveJsonText } from '../../components/save-file';

const KEYS: [string, string][] = [
  ['y', 'Task: the choice at the highlighted level is correct. Pattern: the chosen pattern is correct.'],
  ['n', 'Task: the choice at the highlighted level is incorrect (lower levels are then recorded as not judged).'],
  ['1–6', 'Pattern: pick the best pattern (marks the item incorrect unless it is the chosen one).'],
  ['s', 'Skip this item (recorded as skipped).'],
  ['u or Ctrl+Z', 'Undo the last action.'],
  ['e', 'Add or edit a note on this item; Escape saves it and returns.'],
  ['← / →', 'Previous / next item.'],
  ['x', 'Export labels.'],
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'file', 'submit', 'reset', 'range', 'color'].includes(target.type);
  }
  return false;
}

function itemStatus(item: ValidationItem, label: Label | undefined): string {
  if (!label) return 'Not labelled';
  if (label.skipped) return 'Skipped';
  if (isComplete(item, label)) return 'Labelled';
  return label.levels?.length ? 'In progress' : 'Not labelled (note only)';
}

function OpenPacket({ state }: { state: ValidateState }) {
  const [dragging, setDragging] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void validateStore.openFile(file);
  };
  return (
    <section
      className={`open-packet${dragging ? ' dragging' : ''}`}
      aria-labelledby="open-packet-title"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h3 id="open-packet-title" className="visually-hidden">
        Packet
      </h3>
      <label htmlFor="packet-file" className="open-label">
        Open validation packet
      </label>{' '}
      <input
        id="packet-file"
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void validateStore.openFile(file);
          e.currentTarget.value = '';
        }}
      />
      <span className="note"> or drop the packet file here.</span>
      {state.fileName && state.status !== 'error' && (
        <p className="note">
          {state.status === 'checking' ? 'Checking ' : 'Opened '}
          <code>{state.fileName}</code>
          {state.packet && ` (packet ${state.packet.packetId}, run ${state.packet.runId}, ${state.packet.items.length} items)`}
        </p>
      )}
      {state.status === 'error' && (
        <div className="error-box" role="alert">
          <p>
            <strong>Could not open {state.fileName ?? 'the file'}.</strong> {state.error}
          </p>
          <p>Nothing was loaded.</p>
        </div>
      )}
    </section>
  );
}

function NameForm({ initial }: { initial: string }) {
  const [name, setName] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    validateStore.setValidator(name);
  };
  return (
    <form className="name-form" onSubmit={submit}>
      <label htmlFor="validator-name">Your name (stored with your labels)</label>{' '}
      <input id="validator-name" ref={ref} type="text" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} required />{' '}
      <button type="submit" className="button" disabled={!name.trim()}>
        Start labelling
      </button>
    </form>
  );
}

function TaskJudgement({ item, label }: { item: ValidationItem; label: Label | undefined }) {
  const path = item.path ?? [];
  const current = currentLevel(item, label);
  const levels = label?.levels ?? [];
  const wrongAt = levels.findIndex((l) => !l.correct);
  return (
    <ol className="task-path" aria-label="Task path, top level first">
      {path.map((step, i) => {
        const judged = levels[i];
        const verdict = judged ? (judged.correct ? 'correct' : 'incorrect') : wrongAt >= 0 && i > wrongAt ? 'not-judged' : label?.skipped ? 'skipped' : i === current ? 'current' : 'pending';
        const text = {
          correct: '✓ Correct',
          incorrect: '✗ Incorrect',
          'not-judged': 'Not judged (a higher level was wrong)',
          skipped: 'Skipped',
          current: 'Judge this level: y correct, n incorrect',
          pending: '',
        }[verdict];
        return (
          <li key={i} className={`level level-${verdict}`} aria-current={i === current ? 'step' : undefined} data-verdict={verdict}>
            <div className="level-head">
              <span className="level-name">{levelName(i, path.length)}:</span> <strong className="level-chosen">{step.chosen}</strong>{' '}
              {text && <span className="verdict">{text}</span>}
            </div>
            {i === current ? (
              <OptionList options={step.options} chosen={step.chosen} />
            ) : (
              <details>
                <summary>{step.options.length} options offered</summary>
                <OptionList options={step.options} chosen={step.chosen} />
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function OptionList({ options, chosen }: { options: string[]; chosen: string }) {
  return (
    <ul className="options">
      {options.map((option, i) => (
        <li key={i} className={option === chosen ? 'option chosen' : 'option'}>
          {option}
          {option === chosen && <span className="tag"> (chosen)</span>}
        </li>
      ))}
    </ul>
  );
}

function PatternJudgement({ item, label }: { item: ValidationItem; label: Label | undefined }) {
  const chosen = item.pattern?.chosen ?? '';
  const verdict = label?.skipped ? 'skipped' : label?.pattern ? (label.pattern.correct ? 'correct' : 'incorrect') : 'current';
  const best = label?.pattern?.correct ? chosen : label?.pattern?.best;
  return (
    <div className="pattern-judgement" data-verdict={verdict}>
      <p>
        Classifier’s pattern: <strong className="level-chosen">{chosen}</strong>{' '}
        <span className="verdict">
          {verdict === 'correct' ? '✓ Correct' : verdict === 'incorrect' ? `✗ Incorrect (best: ${best ?? '?'})` : verdict === 'skipped' ? 'Skipped' : 'Judge: y correct, or 1–6 the best pattern'}
        </span>
      </p>
      <ol className="pattern-options">
        {patternOptions(item).map((option, i) => (
          <li key={option}>
            <button
              type="button"
              className={`option-button${option === chosen ? ' chosen' : ''}${option === best ? ' best' : ''}`}
              onClick={() => validateStore.dispatch({ type: 'pattern-pick', best: option })}
            >
              <kbd>{i + 1}</kbd> {option}
              {option === chosen && ' (chosen)'}
              {option === best && label?.pattern && ' ← your pick'}
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

function NoteEditor({ initial, onDone }: { initial: string; onDone: () => void }) {
  const [text, setText] = useState(initial);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const save = () => {
    validateStore.dispatch({ type: 'note', text });
    onDone();
  };
  return (
    <div className="note-editor">
      <label htmlFor="item-note">Note on this item (Escape saves and returns)</label>
      <textarea
        id="item-note"
        ref={ref}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
            e.preventDefault();
            save();
          }
        }}
      />
      <div className="actions">
        <button type="button" className="button" onClick={save}>
          Save note
        </button>
        <button type="button" className="button secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function Labelling({ session, state }: { session: Session; state: ValidateState }) {
  const regionRef = useRef<HTMLDivElement>(null);
  const [editingNote, setEditingNote] = useState(false);
  const [message, setMessage] = useState('');
  const item = session.packet.items[session.index]!;
  const label = session.labels[item.itemId];
  const count = labelledCount(session);
  const total = session.packet.items.length;

  useEffect(() => regionRef.current?.focus(), []);
  // A new item closes the note editor: adjusted during render, not in an effect (no extra render pass).
  const [noteItem, setNoteItem] = useState(session.index);
  if (noteItem !== session.index) {
    setNoteItem(session.index);
    setEditingNote(false);
  }

  const exportLabels = async () => {
    const file = await validateStore.exportLabels();
    if (!file) return;
    saveJsonText(labelFileName(file.packetId, file.validator), `${JSON.stringify(file, null, 2)}\n`);
    setMessage(`Exported ${file.labels.length} label${file.labels.length === 1 ? '' : 's'} to ${labelFileName(file.packetId, file.validator)}.`);
  };
  const closeNote = () => {
    setEditingNote(false);
    regionRef.current?.focus();
  };

  // Latest handlers for the document-level key listener (registered once).
  const keyRef = useRef<(e: KeyboardEvent) => void>(() => undefined);
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || isTyping(e.target) || e.altKey) return;
    const key = e.key;
    if ((e.ctrlKey || e.metaKey) && key.toLowerCase() === 'z') {
      e.preventDefault();
      validateStore.undo();
      return;
    }
    if (e.ctrlKey || e.metaKey) return;
    // Read the store, not this render's props: two quick keys must not act on a stale item.
    const now = validateStore.getSnapshot().session;
    const item = now?.packet.items[now.index];
    if (!now || !item) return;
    const digit = /^[1-9]$/.test(key) ? Number(key) : undefined;
    const options = patternOptions(item);
    if (key === 'y') validateStore.dispatch(item.facet === 'task' ? { type: 'level', correct: true } : { type: 'pattern-correct' });
    else if (key === 'n' && item.facet === 'task') validateStore.dispatch({ type: 'level', correct: false });
    else if (digit !== undefined && item.facet === 'pattern' && digit <= options.length) validateStore.dispatch({ type: 'pattern-pick', best: options[digit - 1]! });
    else if (key === 's') validateStore.dispatch({ type: 'skip' });
    else if (key === 'u') validateStore.undo();
    else if (key === 'e') setEditingNote(true);
    else if (key === 'ArrowLeft') validateStore.goTo(now.index - 1);
    else if (key === 'ArrowRight') validateStore.goTo(now.index + 1);
    else if (key === 'x') void exportLabels();
    else return;
    e.preventDefault();
  };
  useLayoutEffect(() => {
    keyRef.current = onKey;
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keyRef.current(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  return (
    <div className="labelling" ref={regionRef} tabIndex={-1} aria-label="Labelling">
      <div className="session-bar">
        <span>
          Labelling as <strong className="validator-name">{session.validator}</strong>
        </span>
        <button type="button" className="link-button" onClick={() => validateStore.changeValidator()}>
          Change validator
        </button>
        <span className="note">Labels are saved in this browser as you go.</span>
      </div>
      <div className="progress-line">
        <progress max={total} value={count} aria-hidden="true" />
        <p className="validate-progress" role="status" aria-live="polite">
          {count} of {total} labelled
        </p>
        {state.restored ? <span className="note">({state.restored} restored from your earlier session)</span> : null}
      </div>
      {state.saveError && (
        <p className="error-box" role="alert">
          {state.saveError}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {message}
      </p>

      <article className="item" aria-labelledby="item-title" data-item-id={item.itemId} data-index={session.index}>
        <header className="item-head">
          <h3 id="item-title">
            Item {session.index + 1} of {total} <span className="facet">({item.facet === 'task' ? 'task path' : 'collaboration pattern'})</span>
          </h3>
          <span className={`item-status status-${itemStatus(item, label).split(' ')[0]!.toLowerCase()}`}>{itemStatus(item, label)}</span>
        </header>
        <Conversation item={item} />
        <section className="judgement" aria-label="Judgement">
          <h4>{item.facet === 'task' ? 'Is the task path right, level by level?' : 'Is the collaboration pattern right?'}</h4>
          {item.facet === 'task' ? <TaskJudgement item={item} label={label} /> : <PatternJudgement item={item} label={label} />}
          <div className="actions">
            {item.facet === 'task' ? (
              <>
                <button type="button" className="button" onClick={() => validateStore.dispatch({ type: 'level', correct: true })}>
                  Correct (y)
                </button>
                <button type="button" className="button danger" onClick={() => validateStore.dispatch({ type: 'level', correct: false })}>
                  Incorrect (n)
                </button>
              </>
            ) : (
              <button type="button" className="button" onClick={() => validateStore.dispatch({ type: 'pattern-correct' })}>
                Correct (y)
              </button>
            )}
            <button type="button" className="button secondary" onClick={() => validateStore.dispatch({ type: 'skip' })}>
              Skip (s)
            </button>
            <button type="button" className="button secondary" onClick={() => validateStore.undo()} disabled={session.history.length === 0}>
              Undo (u)
            </button>
            <button type="button" className="button secondary" onClick={() => setEditingNote(true)}>
              {label?.note ? 'Edit note (e)' : 'Add note (e)'}
            </button>
          </div>
          {label?.note && !editingNote && (
            <p className="item-note">
              <strong>Note:</strong> {label.note}
            </p>
          )}
          {editingNote && <NoteEditor key={item.itemId} initial={label?.note ?? ''} onDone={closeNote} />}
        </section>
        <nav className="actions item-nav" aria-label="Items">
          <button type="button" className="button secondary" onClick={() => validateStore.goTo(session.index - 1)} disabled={session.index === 0}>
            ← Previous
          </button>
          <button type="button" className="button secondary" onClick={() => validateStore.goTo(session.index + 1)} disabled={session.index === total - 1}>
            Next →
          </button>
          <button type="button" className="button" onClick={() => void exportLabels()}>
            Export labels (x)
          </button>
        </nav>
      </article>
    </div>
  );
}

function KeyHelp() {
  return (
    <section className="key-help" aria-labelledby="key-help-title">
      <h3 id="key-help-title">Keys</h3>
      <dl>
        {KEYS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="note">
        Keys are ignored while you type in a text field. Judging a finished item again starts it over; only finished items
        (judged or skipped) are exported.
      </p>
    </section>
  );
}

export function ValidatePage() {
  const runs = useResource(stepsStore).data?.classify.runs;
  return (
    <div className="validate-page">
      <h2>Validate</h2>
      <ValidateTabs initial={initialValidateTab(runs)} panels={{ label: () => <LabelPacket />, prepare: () => <AnalystPanel /> }} />
    </div>
  );
}

/** The validator's side: open a packet, label it, export the labels. */
function LabelPacket() {
  const state = useValidate();
  return (
    <>
      <p className="summary">
        Judge the classifier’s task path level by level and its collaboration pattern (paper, Appendix C). Everything stays in
        this browser: no server is contacted.
      </p>
      <OpenPacket state={state} />
      {state.status === 'needs-name' && <NameForm initial={state.rememberedValidator} />}
      {state.status === 'labelling' && state.session && <Labelling key={`${state.session.packet.packetId}:${state.session.validator}`} session={state.session} state={state} />}
      <KeyHelp />
    </>
  );
}
