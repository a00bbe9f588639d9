// The sections of the Explore page, in page order, and the table of contents linking to them: the
// section titles and the contents come from this one list, so a section cannot be titled one way
// and linked another. Links are plain in-page anchors: every figure is one Tab + Enter away, and
// each section (tabIndex -1) takes focus when reached.
import { sectionId } from './ChartCard';
import { HIERARCHY_SECTIONS } from './hierarchy-sections';

export interface SectionInfo {
  id: string;
  title: string;
  /** Figures 5, 8 and 10 need per-conversation data that only an own run has. */
  runOnly?: boolean;
}

export const FIGURE_SECTIONS: SectionInfo[] = [
  { id: 'fig2', title: 'Figure 2 · Usage by category, occupation and task' },
  { id: 'fig3', title: 'Figure 3 · Usage by occupational category' },
  { id: 'fig4', title: 'Figure 4 · Depth of AI use within occupations' },
  { id: 'fig5', title: 'Figure 5 · Skills exhibited by the assistant', runOnly: true },
  { id: 'fig6', title: 'Figure 6 · Usage and median wage' },
  { id: 'fig6bands', title: 'Figure 6 · Usage by wage quartile' },
  { id: 'fig7', title: 'Figure 7 · Automation and augmentation' },
  { id: 'fig8', title: 'Figure 8 · Usage by category and model', runOnly: true },
  { id: 'fig10', title: 'Figure 10 · Conversations vs accounts', runOnly: true },
  { id: 'multitask', title: 'Multi-task assignment · single vs up to three tasks', runOnly: true },
  { id: 'sensitivity', title: 'Privacy thresholds · sensitivity of the results', runOnly: true },
  { id: 'composition', title: 'Appendix B.7 · Work, coursework and personal use', runOnly: true },
  { id: 'fig13', title: 'Figure 13 · Top tasks' },
  ...HIERARCHY_SECTIONS,
  { id: 'table2', title: 'Table 2 · Usage by job zone' },
  { id: 'reconstruct', title: 'Appendix G · Cluster-based reconstruction (Figures 14–27)', runOnly: true },
];

export const EXTRA_SECTIONS: SectionInfo[] = [
  { id: 'filters', title: 'Filters' },
  { id: 'compare', title: 'Compare two sources' },
];

export function sectionTitle(id: string): string {
  return [...FIGURE_SECTIONS, ...EXTRA_SECTIONS].find((s) => s.id === id)?.title ?? id;
}


export function Contents({ hasRun }: { hasRun: boolean }) {
  const [filters, compare] = EXTRA_SECTIONS;
  return (
    <nav className="explore-toc" aria-label="Figures and tables">
      <h3 className="visually-hidden">Contents</h3>
      <ol>
        {filters && (
          <li>
            <a href={`#${sectionId(filters.id)}`}>{filters.title}</a>
          </li>
        )}
        {FIGURE_SECTIONS.map((s) => (
          <li key={s.id}>
            <a href={`#${sectionId(s.id)}`}>{s.title}</a>
            {s.runOnly && !hasRun && <span className="toc-note"> (own runs only)</span>}
          </li>
        ))}
        {compare && (
          <li>
            <a href={`#${sectionId(compare.id)}`}>{compare.title}</a>
          </li>
        )}
      </ol>
    </nav>
  );
}
