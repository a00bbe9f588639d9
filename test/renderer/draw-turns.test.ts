// Charts near the viewport draw at once, the others one per idle moment, top to bottom, or at once
// when scrolled to; every chart is drawn in the end, a cancelled request never draws, and a chart
// asking again (its figure changed) draws once, with the latest figure.
import { describe, expect, it } from 'vitest';
import { createDrawTurns, type TurnHost } from '../../src-renderer/components/draw-turns';

/** A host whose viewport and idle moments the test drives. */
function fakeHost(near: Set<string>) {
  const watchers = new Map<string, (near: boolean) => void>();
  const idle: (() => void)[] = [];
  const host: TurnHost = {
    observe(el, onChange) {
      const id = (el as unknown as { id: string }).id;
      watchers.set(id, onChange);
      onChange(near.has(id));
      return () => watchers.delete(id);
    },
    idle(fn) {
      idle.push(fn);
      return () => idle.splice(idle.indexOf(fn), 1);
    },
  };
  return {
    host,
    watching: () => [...watchers.keys()],
    scrollTo: (id: string) => watchers.get(id)?.(true),
    idleMoment: () => idle.shift()?.(),
  };
}

const el = (id: string) => ({ id }) as unknown as Element;

describe('draw turns', () => {
  it('draws visible charts at once and the rest one per idle moment, top to bottom', () => {
    const page = fakeHost(new Set(['fig2']));
    const turns = createDrawTurns(page.host);
    const drawn: string[] = [];
    for (const id of ['fig2', 'fig3', 'fig4', 'fig5']) turns.request(el(id), () => drawn.push(id));
    expect(drawn).toEqual(['fig2']);
    expect(page.watching()).toEqual(['fig3', 'fig4', 'fig5']);
    page.idleMoment();
    expect(drawn).toEqual(['fig2', 'fig3']);
    page.scrollTo('fig5');
    expect(drawn).toEqual(['fig2', 'fig3', 'fig5']);
    page.idleMoment();
    page.idleMoment();
    expect(drawn).toEqual(['fig2', 'fig3', 'fig5', 'fig4']);
    expect(page.watching()).toEqual([]);
  });

  it('a cancelled request never draws; a repeated one draws once, the latest', () => {
    const page = fakeHost(new Set());
    const turns = createDrawTurns(page.host);
    const drawn: string[] = [];
    const cancel = turns.request(el('fig6'), () => drawn.push('fig6'));
    const fig7 = el('fig7');
    turns.request(fig7, () => drawn.push('fig7 old'));
    turns.request(fig7, () => drawn.push('fig7 new'));
    cancel();
    page.idleMoment();
    page.idleMoment();
    expect(drawn).toEqual(['fig7 new']);
    expect(page.watching()).toEqual([]);
  });
});
