// Figure 2: hierarchical breakdown of the top occupational categories by usage — category →
// occupation → task — as a Plotly sunburst (the paper's form) or treemap. Values are shares of all
// usage, so a node's size reads the same at every zoom level; clicking a node drills in (Plotly's
// own behaviour) and the centre / path bar climbs back out.
import type { DrilldownCategory, DrilldownOccupation, ReproduceReport } from '../report';
import type { Datum, Figure, HierarchyData } from './plotly-types';
import { fmt, plainText, truncate } from './format';
import type { ChartTable } from './table';
import { noDataFigure } from './empty';

export const TOP_CATEGORIES = 6;
export const OCCUPATIONS_PER_CATEGORY = 8;
export const OTHER_OCCUPATIONS = 'Other occupations';
export const OTHER_TASKS = 'Other tasks';
export const NO_DATA_TEXT = 'No occupation drill-down in this source';
/** The treemap's single root (the sunburst has none: its categories form the inner ring). */
export const TREEMAP_ROOT_ID = 'all';
/**
 * Levels a treemap draws below the tile that fills it. With all three levels drawn, a category's
 * area is covered by task tiles, so a click on "the category" hit a task leaf and Plotly zoomed to
 * that one task; two levels (the entry and its children) make each click go one level down.
 */
const TREEMAP_MAXDEPTH = 2;
const LABEL_MAX = 38;

export interface Fig2Options {
  kind?: 'sunburst' | 'treemap';
  /** Largest categories shown; the paper shows six. */
  topCategories?: number;
  occupationsPerCategory?: number;
  /** Category titles to show, in this order (overrides topCategories); unknown titles are ignored. */
  categories?: string[];
  /**
   * For a still image (PNG/SVG export, the HTML report without JavaScript): most category wedges are
   * too narrow for their name and nothing can be hovered, so each category gets one colour for its
   * whole branch and a key beside the chart names every category with its share.
   */
  still?: boolean;
}

/** Plotly's default colours, one per category (at most TOP_CATEGORIES are shown by default). */
export const CATEGORY_COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
/** Hover for a node: a category's share of the parent is the share of all usage, said once. */
const HOVER_NODE = '<b>%{customdata[0]}</b><br>%{value:.2f}% of all usage<br>%{customdata[1]:.1f}% of %{customdata[2]}<extra></extra>';
const HOVER_TOP = '<b>%{customdata[0]}</b><br>%{value:.2f}% of all usage<extra></extra>';

/** A category as the figure shows it: its largest occupations and what the rest add up to. */
export interface ShownCategory {
  category: DrilldownCategory;
  occupations: DrilldownOccupation[];
  otherOccupationsPct: number;
}

/** The part of the drill-down the figure draws (also what the HTML report tabulates beside it). */
export function shownDrilldown(report: ReproduceReport, opts: Fig2Options = {}): ShownCategory[] {
  const perCategory = opts.occupationsPerCategory ?? OCCUPATIONS_PER_CATEGORY;
  const sorted = [...report.drilldown].sort((a, b) => b.usagePct - a.usagePct || a.title.localeCompare(b.title));
  const picked = opts.categories
    ? opts.categories.flatMap((title) => sorted.filter((c) => c.title === title))
    : sorted.slice(0, opts.topCategories ?? TOP_CATEGORIES);
  return picked
    .filter((c) => c.usagePct > 0)
    .map((category) => {
      const occupations = category.occupations.slice(0, perCategory);
      const shown = occupations.reduce((s, o) => s + o.usagePct, 0);
      return { category, occupations, otherOccupationsPct: remainder(category.usagePct, shown) };
    });
}

/**
 * What is left of a parent after its listed children. Float noise below a billionth of a percent
 * is dropped so no empty "Other" sector appears, and it is never negative (branchvalues 'total').
 */
function remainder(total: number, listed: number): number {
  const rest = total - listed;
  return rest > 1e-9 ? rest : 0;
}

interface Node {
  id: string;
  label: string;
  parent: string;
  value: number;
  /** [full name, share of the parent (%), parent name] for the hover text. */
  custom: Datum[];
}

/** "Computer and Mathematical Occupations" → "Computer and Mathematical": every SOC major group ends so. */
export function shortCategory(title: string): string {
  return title.replace(/ Occupations$/, '');
}

function share(value: number, parent: number): number {
  return parent > 0 ? (100 * value) / parent : 0;
}

function occupationNodes(parentId: string, parentTitle: string, parentPct: number, o: DrilldownOccupation): Node[] {
  const id = `${parentId}/occ:${o.code}`;
  const nodes: Node[] = [
    { id, label: truncate(o.title, LABEL_MAX), parent: parentId, value: o.usagePct, custom: [o.title, share(o.usagePct, parentPct), parentTitle] },
  ];
  o.tasks.forEach((t, i) => {
    nodes.push({
      id: `${id}/task:${i}`,
      label: truncate(t.task, LABEL_MAX),
      parent: id,
      value: t.usagePct,
      custom: [t.task, share(t.usagePct, o.usagePct), o.title],
    });
  });
  const rest = remainder(o.usagePct, o.tasks.reduce((s, t) => s + t.usagePct, 0));
  if (rest > 0) {
    nodes.push({ id: `${id}/other`, label: OTHER_TASKS, parent: id, value: rest, custom: [`${OTHER_TASKS} of ${o.title}`, share(rest, o.usagePct), o.title] });
  }
  return nodes;
}

function categoryNodes(s: ShownCategory): Node[] {
  const c = s.category;
  const id = `cat:${c.code}`;
  const nodes: Node[] = [{ id, label: truncate(shortCategory(c.title), LABEL_MAX), parent: '', value: c.usagePct, custom: [c.title, c.usagePct, 'all usage'] }];
  for (const o of s.occupations) nodes.push(...occupationNodes(id, c.title, c.usagePct, o));
  if (s.otherOccupationsPct > 0) {
    const n = c.occupations.length - s.occupations.length;
    nodes.push({
      id: `${id}/other`,
      label: OTHER_OCCUPATIONS,
      parent: id,
      value: s.otherOccupationsPct,
      custom: [`${n} other occupation${n === 1 ? '' : 's'} in ${c.title}`, share(s.otherOccupationsPct, c.usagePct), c.title],
    });
  }
  return nodes;
}

/**
 * The treemap hangs the categories under one root: Plotly draws one more level at the top of a
 * multi-root treemap than below it, so a click at the top would still land on an occupation.
 */
function treemapNodes(covered: number, nodes: Node[]): Node[] {
  const rootLabel = 'Shown categories';
  const root: Node = { id: TREEMAP_ROOT_ID, label: rootLabel, parent: '', value: covered, custom: [rootLabel, covered, 'all usage'] };
  return [root, ...nodes.map((n) => (n.parent === '' ? { ...n, parent: TREEMAP_ROOT_ID } : n))];
}

export function toFigure(report: ReproduceReport, opts: Fig2Options = {}): Figure<HierarchyData> {
  const shown = shownDrilldown(report, opts);
  if (shown.length === 0) return noDataFigure(NO_DATA_TEXT);
  const kind = opts.kind ?? 'sunburst';
  const covered = shown.reduce((s, c) => s + c.category.usagePct, 0);
  const nodes = kind === 'treemap' ? treemapNodes(covered, shown.flatMap(categoryNodes)) : shown.flatMap(categoryNodes);
  const top = (n: Node) => n.parent === '' || n.parent === TREEMAP_ROOT_ID;
  const trace: HierarchyData = {
    type: kind,
    name: 'Usage',
    ids: nodes.map((n) => n.id),
    labels: nodes.map((n) => plainText(n.label)),
    parents: nodes.map((n) => n.parent),
    values: nodes.map((n) => n.value),
    branchvalues: 'total',
    customdata: nodes.map((n) => n.custom.map((d) => (typeof d === 'string' ? plainText(d) : d))),
    hovertemplate: nodes.map((n) => (top(n) || n.id === TREEMAP_ROOT_ID ? HOVER_TOP : HOVER_NODE)),
    textinfo: 'label',
    // The sunburst shows all three rings, as in the paper; clicking a sector makes it the centre.
    // The treemap shows a level and its children; the path bar climbs back.
    sort: false,
    ...(kind === 'sunburst'
      ? { insidetextorientation: 'auto' as const }
      : { maxdepth: TREEMAP_MAXDEPTH, pathbar: { visible: true }, tiling: { pad: 2 } }),
  };
  const figure: Figure<HierarchyData> = {
    data: [trace],
    layout: {
      title: { text: `Usage by category, occupation and task: top ${shown.length} categories, ${fmt(covered)}% of all usage` },
      height: 640,
      margin: { t: 60, l: 10, r: 10, b: 10 },
      // Labels too small to read are hidden rather than shrunk; hovering still names every sector.
      uniformtext: { minsize: 9, mode: 'hide' },
    },
  };
  return opts.still ? withKey(figure, shown, nodes) : figure;
}

/** The still variant: every node coloured as its category, and a key naming each category. */
function withKey(figure: Figure<HierarchyData>, shown: ShownCategory[], nodes: Node[]): Figure<HierarchyData> {
  const color = new Map(shown.map((s, i) => [`cat:${s.category.code}`, CATEGORY_COLORS[i % CATEGORY_COLORS.length]!]));
  const colorOf = (id: string) => color.get(id.split('/')[0]!) ?? '#ffffff';
  const trace = figure.data[0]!;
  const key = shown.map((s, i) => ({
    text: `<span style="color:${colorOf(`cat:${s.category.code}`)}">■</span> ${plainText(shortCategory(s.category.title))}: ${fmt(s.category.usagePct)}%`,
    xref: 'paper' as const,
    yref: 'paper' as const,
    x: 0.58,
    y: 0.85 - i * 0.07,
    xanchor: 'left' as const,
    yanchor: 'middle' as const,
    showarrow: false,
    align: 'left' as const,
    font: { size: 13 },
  }));
  return {
    data: [{ ...trace, domain: { x: [0, 0.56] }, marker: { colors: nodes.map((n) => colorOf(n.id)), line: { color: '#ffffff', width: 1 } } }],
    layout: { ...figure.layout, annotations: key },
  };
}

/** Every category, occupation and listed task of the drill-down, with the "other tasks" remainder. */
export function toTable(report: ReproduceReport): ChartTable {
  const rows: ChartTable['rows'] = [];
  for (const c of report.drilldown) {
    for (const o of c.occupations) {
      for (const t of o.tasks) rows.push([c.title, o.code, o.title, t.task, t.usagePct]);
      if (o.otherTasksPct > 0) rows.push([c.title, o.code, o.title, OTHER_TASKS, o.otherTasksPct]);
    }
  }
  return { columns: ['Category', 'Occupation code', 'Occupation', 'Task', 'Usage (%)'], rows };
}
