// When each chart may (re)draw. Explore holds a dozen charts and one Plotly draw blocks the page for
// up to a few hundred milliseconds, so drawing them all at once made choosing a source feel frozen.
// A chart near the viewport draws at once; the others draw one per idle moment of the browser,
// top to bottom, and at once when scrolled (or tabbed) to. Every chart is drawn in the end, so
// exports, deep links and tests that wait for a chart off screen still get it.

export interface DrawTurns {
  /** Calls `draw` once: at once near the viewport, else on its idle turn; returns a cancel. */
  request(el: Element, draw: () => void): () => void;
}

export interface TurnHost {
  /** Starts watching `el`; the callback says whether it is near the viewport (first call soon after). */
  observe(el: Element, onChange: (near: boolean) => void): () => void;
  /** Runs `fn` when the browser is idle; returns a cancel. */
  idle(fn: () => void): () => void;
}

export function createDrawTurns(host: TurnHost): DrawTurns {
  // Insertion order is render order, i.e. top to bottom on the page.
  const waiting = new Map<Element, { draw: () => void; stop: () => void }>();
  let cancelIdle: (() => void) | undefined;

  function release(el: Element): void {
    const entry = waiting.get(el);
    if (!entry) return;
    waiting.delete(el);
    entry.stop();
    entry.draw();
  }

  function nextTurn(): void {
    if (cancelIdle || waiting.size === 0) return;
    cancelIdle = host.idle(() => {
      cancelIdle = undefined;
      const first = waiting.keys().next();
      if (!first.done) release(first.value);
      nextTurn();
    });
  }

  return {
    request(el, draw) {
      waiting.get(el)?.stop();
      const entry = { draw, stop: () => {} };
      waiting.set(el, entry);
      const stop = host.observe(el, (near) => near && release(el));
      // Released during observe (a host that answers at once): stop watching now.
      if (waiting.get(el) === entry) entry.stop = stop;
      else stop();
      nextTurn();
      return () => {
        if (waiting.get(el) !== entry) return;
        waiting.delete(el);
        entry.stop();
      };
    },
  };
}

/** Within this distance of the viewport a chart counts as visible (drawn before it scrolls in). */
const MARGIN = '50% 0px';

function browserHost(): TurnHost {
  const callbacks = new Map<Element, (near: boolean) => void>();
  const observer = new IntersectionObserver(
    (entries) => entries.forEach((e) => callbacks.get(e.target)?.(e.isIntersecting)),
    { rootMargin: MARGIN },
  );
  return {
    observe(el, onChange) {
      callbacks.set(el, onChange);
      observer.observe(el);
      return () => {
        callbacks.delete(el);
        observer.unobserve(el);
      };
    },
    idle(fn) {
      // The timeout bounds the wait on a page that never goes idle (e.g. a progress bar animating).
      const id = requestIdleCallback(fn, { timeout: 1500 });
      return () => cancelIdleCallback(id);
    },
  };
}

let shared: DrawTurns | undefined;

/** The page's scheduler; without IntersectionObserver (old engines) every chart draws at once. */
export function drawTurns(): DrawTurns {
  if (typeof IntersectionObserver === 'undefined' || typeof requestIdleCallback === 'undefined') {
    return { request: (_el, draw) => (draw(), () => {}) };
  }
  return (shared ??= createDrawTurns(browserHost()));
}
