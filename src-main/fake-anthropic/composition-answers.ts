// Answers to our Appendix B.7 composition prompt (src-shared/prompts/composition.ts): work,
// coursework and personal use, each explicitly / likely / possibly / non-. Keyword rules on the
// user's turns stand in for the model: plausible, deterministic and always in the expected format,
// so tests and the demo get a varied composition without a key.
import { levelLabel, type CompositionAnswer, type CompositionLevel } from '../../src-shared/composition';
import type { Conversation } from './classify-answers';
import type { Draft } from './types';

/** What only the composition prompt says (the answer format). */
export const COMPOSITION_MARKER = 'Provide the answers in <work>, <coursework> and <personal> tags';

const WORK_EXPLICIT =
  /\b(my (job|boss|manager|employer|company|team|clients?|colleagues?|co-?workers?|business|startup|shop|store|office|work)|at work|for work|our (company|team|clients|customers|business|product))\b/;
const WORK_LIKELY =
  /\b(reports?|meetings?|invoices?|customers?|clients?|stakeholders?|deadlines?|presentations?|marketing|sales|business|proposals?|resume|cover letter|deploy\w*|production|code|function|api|sql|database|server|spreadsheet|excel)\b/;
const COURSE_EXPLICIT =
  /\b(homework|assignments?|my (class|course|professor|teacher|exam|thesis|essay|lecturer)|for (school|class|my course)|exam|quiz|midterm|due tomorrow)\b/;
const COURSE_LIKELY = /\b(students?|lectures?|course|class|university|college|school|textbook|chapter|exercises?|theorem|prove that|solve for)\b/;
const COURSE_POSSIBLY = /\b(explain|what is|what are|how does|why does|difference between|calculate|solve)\b/;
const PERSONAL_EXPLICIT =
  /\b(my (wife|husband|partner|girlfriend|boyfriend|son|daughter|kids?|children|family|mom|mother|dad|father|friends?|dog|cat|birthday|wedding|vacation|holiday|diet|garden|house|apartment))\b/;
const PERSONAL_LIKELY = /\b(recipes?|cook\w*|travel|trips?|vacation|workout|fitness|diet|nutrition|hobby|games?|movies?|songs?|poems?|story|stories|gifts?|dating|relationships?|birthday|pets?)\b/;

function level(text: string, explicit: RegExp, likely: RegExp, possibly: boolean): CompositionLevel {
  if (explicit.test(text)) return 'explicitly';
  if (likely.test(text)) return 'likely';
  return possibly ? 'possibly' : 'non';
}

/** The three answers for a conversation, from its user turns only (the assistant's words say little about why). */
export function compositionOf(c: Conversation): CompositionAnswer {
  const user = c.userTurns.join('\n').toLowerCase();
  const substantial = user.trim().length >= 40;
  const coursework = level(user, COURSE_EXPLICIT, COURSE_LIKELY, COURSE_POSSIBLY.test(user));
  const personalCue = PERSONAL_EXPLICIT.test(user) || PERSONAL_LIKELY.test(user);
  // A substantial request with no cue for study or private life could be for someone's job.
  const work = level(user, WORK_EXPLICIT, WORK_LIKELY, substantial && coursework === 'non' && !personalCue);
  const personal = level(user, PERSONAL_EXPLICIT, PERSONAL_LIKELY, work === 'non' && coursework === 'non');
  return { work, coursework, personal };
}

const tags = (a: CompositionAnswer) =>
  `<work>${levelLabel('work', a.work)}</work>\n<coursework>${levelLabel('coursework', a.coursework)}</coursework>\n<personal>${levelLabel('personal', a.personal)}</personal>`;

/** B.7: three tagged answers; the off-list variant hedges on work with a level that is not offered. */
export function answerComposition(c: Conversation): Draft {
  const answer = compositionOf(c);
  return { text: tags(answer), outOfOptions: () => tags(answer).replace(/<work>[^<]*<\/work>/, '<work>Maybe work</work>') };
}
