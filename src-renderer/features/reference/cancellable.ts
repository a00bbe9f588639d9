// A preview or import the user can stop: each run gets its own AbortController (a newer run, or the
// Cancel button, aborts the older one), and while an import runs the engine's pushed progress for
// that call is shown ("Reading Task Statements.xlsx", "Writing 19,530 rows").
import { useEffect, useRef, useState } from 'react';
import type { ApiProgress } from '../../../src-shared/api';
import { subscribeEngineEvents } from '../../transport/events';

type ImportProgress = ApiProgress['reference.importFile'];

export function useAbortable(): { next: () => AbortSignal; cancel: () => void } {
  const current = useRef<AbortController | null>(null);
  const cancel = () => {
    current.current?.abort();
    current.current = null;
  };
  const next = () => {
    cancel();
    current.current = new AbortController();
    return current.current.signal;
  };
  useEffect(() => cancel, []);
  return { next, cancel };
}

/** The latest progress the engine pushed for `call` while `active`; null otherwise. */
export function useCallProgress(call: 'reference.importFile', active: boolean): ImportProgress | null {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    if (!active) return;
    const stop = subscribeEngineEvents(
      (event) => {
        if (event.type === 'progress' && event.call === call) setProgress(event.progress as ImportProgress);
      },
      () => undefined,
    );
    return () => {
      stop();
      setProgress(null);
    };
  }, [call, active]);
  return active ? progress : null;
}

export function progressText(p: ImportProgress | null): string {
  if (!p) return 'Starting…';
  const name = p.file.split(/[\\/]/).pop() ?? p.file;
  return p.phase === 'parse' ? `Reading ${name}…` : `Writing ${p.rowsRead.toLocaleString('en')} rows of ${name}…`;
}
