// The paper's method in a few paragraphs (Handa et al. 2025, section 3 and Appendix B/D), as the
// engine implements it. Numbers come from the shared taxonomy so text and computation agree.
import { AUGMENTATION_PATTERNS, AUTOMATION_PATTERNS, DEFAULT_THRESHOLDS, DEPTH_MARKS, MIN_ANNUAL_WAGE } from '../../../src-shared/taxonomy';

const pct = (fraction: number) => `${Math.round(fraction * 100)}%`;
const list = (items: readonly string[]) => items.map((s) => `“${s}”`).join(', ');

export const PAPER_METHODS: readonly { heading: string; text: string }[] = [
  {
    heading: 'From conversations to tasks',
    text:
      'Each conversation is assigned to the O*NET task statement it most closely resembles, and a task counts ' +
      `only when it clears the privacy thresholds (at least ${DEFAULT_THRESHOLDS.minConversations} conversations ` +
      `from at least ${DEFAULT_THRESHOLDS.minAccounts} distinct accounts). A published release has already ` +
      'applied these thresholds, so every task it lists is "in use"; its percentages are the share of ' +
      'conversations per task.',
  },
  {
    heading: 'Even split across occupations',
    text:
      'The same task statement can belong to several occupations. Task text is matched case-insensitively and ' +
      'a task’s share is divided evenly across the distinct occupations that list it, then all shares are ' +
      'renormalised to sum to 100%. Occupation shares are the sums of their tasks’ shares, and category shares ' +
      '(Figure 3) the sums over occupations in each two-digit SOC major group, compared with the BLS ' +
      'employment share of the same group.',
  },
  {
    heading: 'Depth of use and wages',
    text:
      'Figure 4 plots, for every threshold x, the share of occupations with at least x of their task ' +
      `statements in use; the paper quotes the points at ${DEPTH_MARKS.map(pct).join(', ')}. Figure 6 plots ` +
      'each occupation’s usage share against its median annual wage; wages that are missing or look hourly ' +
      `(at most $${MIN_ANNUAL_WAGE}) are dropped. Pearson and Spearman correlations are reported with both figures.`,
  },
  {
    heading: 'Job Zones (Table 2)',
    text:
      'Table 2 groups usage by O*NET Job Zone (1 = little preparation, 5 = extensive preparation). It is ' +
      'computed in up to two variants: with the Job Zone column of the release’s wage file, and with current ' +
      'O*NET Job Zones reached through the 2010→2019 SOC crosswalk (an occupation that maps to several codes is ' +
      'split evenly across them). Conv. % is the share of usage in a zone, over usage whose zone is known. ' +
      'Base. % is the share of the task statements that appear in the data, each counted once and unweighted by ' +
      'usage, whose occupation falls in the zone: this is the definition that reproduces the paper’s published ' +
      'column, although the paper’s text describes it as a share of occupations. The representation ratio is ' +
      'Conv. % divided by Base. %; above 1 means a zone is over-represented in AI use.',
  },
  {
    heading: 'Automation and augmentation',
    text:
      'Each conversation’s collaboration pattern is classified as one of five. ' +
      `${list(AUTOMATION_PATTERNS)} count as automation and ${list(AUGMENTATION_PATTERNS)} as augmentation ` +
      '(Figure 7); conversations with no pattern are excluded and the rest renormalised to 100%.',
  },
];
