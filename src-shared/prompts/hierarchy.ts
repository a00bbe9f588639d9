// Prompts of the task-hierarchy build (paper Appendix B.1, after Clio's hierarchy step): propose
// parents for a neighbourhood, deduplicate proposals, assign children to parents, rename parents.
// These are our own wording (the paper does not print them); each is versioned.
import {
  escapeXml,
  lastTagContent,
  unescapeXml,
  type ParseResult,
  type PromptTemplate,
} from './types';

export interface NamedTask {
  name: string;
  description: string;
}

const INTRO = 'You are helping build a hierarchy of occupational tasks from the O*NET database.';
const NAME_RULES =
  'A name is an imperative phrase of at most 12 words (for example "Develop and maintain software applications"); a description is one sentence.';

function parseTaskElements(body: string): ParseResult<NamedTask[]> {
  const out: NamedTask[] = [];
  const re = /<task\b[^>]*>([\s\S]*?)<\/task>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const name = lastTagContent(m[1]!, 'name')?.trim();
    const description = lastTagContent(m[1]!, 'description')?.trim() ?? '';
    if (!name) return { ok: false, error: 'every <task> needs a non-empty <name>' };
    out.push({ name: unescapeXml(name), description: unescapeXml(description) });
  }
  return { ok: true, value: out };
}

/** The <task> elements inside an answer's <answer> tags (propose and dedupe answer this way). */
function parseAnswerTasks(answer: string): ParseResult<NamedTask[]> {
  const body = lastTagContent(answer, 'answer');
  return body === null ? { ok: false, error: 'no <answer> tags' } : parseTaskElements(body);
}

function taskList(tag: string, items: readonly string[]): string {
  return `<${tag}>\n${items.map((t) => `<task>${escapeXml(t)}</task>`).join('\n')}\n</${tag}>`;
}

export interface ProposeVars {
  tasks: string[];
  nearby: string[];
  count: number;
}

export const PROPOSE: PromptTemplate<ProposeVars, NamedTask[]> = {
  id: 'hierarchy.propose',
  version: '1',
  render: (v) => ({
    messages: [
      {
        role: 'user',
        content: `${INTRO} Below are lower-level tasks that form one neighbourhood, followed by nearby tasks from outside it, for context.

${taskList('tasks', v.tasks)}

${taskList('nearby_tasks', v.nearby)}

Propose ${v.count} higher-level tasks that together cover the tasks in <tasks>. Each higher-level task should be a general occupational activity grouping several lower-level tasks: specific enough to be meaningful, distinct from the others. The nearby tasks are context only; do not create a higher-level task just for them. ${NAME_RULES}

Answer with exactly ${v.count} <task> elements inside <answer> tags:
<answer>
<task><name>…</name><description>…</description></task>
</answer>`,
      },
    ],
  }),
  parse(answer, v) {
    const parsed = parseAnswerTasks(answer);
    if (!parsed.ok) return parsed;
    if (parsed.value.length !== v.count) {
      return { ok: false, error: `expected exactly ${v.count} <task> elements, found ${parsed.value.length}` };
    }
    return parsed;
  },
  correction: (error) => `That answer could not be used: ${error}. Please answer again in exactly the requested format.`,
};

export interface DedupeVars {
  candidates: NamedTask[];
  target: number;
  min: number;
  max: number;
}

export const DEDUPE: PromptTemplate<DedupeVars, NamedTask[]> = {
  id: 'hierarchy.dedupe',
  version: '1',
  render: (v) => ({
    messages: [
      {
        role: 'user',
        content: `${INTRO} Below are candidate higher-level tasks proposed independently for different groups of lower-level tasks; some are duplicates or near-duplicates.

<candidates>
${v.candidates
  .map((c, i) => `<task id="${i + 1}"><name>${escapeXml(c.name)}</name><description>${escapeXml(c.description)}</description></task>`)
  .join('\n')}
</candidates>

Merge duplicates and near-duplicates so that about ${v.target} distinct higher-level tasks remain (at least ${v.min}, at most ${v.max}), still covering everything the candidates cover. ${NAME_RULES}

Answer inside <answer> tags with one <task> element per distinct higher-level task:
<answer>
<task><name>…</name><description>…</description></task>
</answer>`,
      },
    ],
  }),
  parse(answer, v) {
    const parsed = parseAnswerTasks(answer);
    if (!parsed.ok) return parsed;
    const n = parsed.value.length;
    if (n < v.min || n > v.max) return { ok: false, error: `expected between ${v.min} and ${v.max} tasks, found ${n}` };
    return parsed;
  },
  correction: (error) => `That answer could not be used: ${error}. Please answer again in exactly the requested format.`,
};

export interface AssignVars {
  /** Options in the (shuffled) order shown; ids are what the model must answer with. */
  options: { id: string; name: string; description: string }[];
  children: { id: string; text: string }[];
}

export const ASSIGN: PromptTemplate<AssignVars, Record<string, string>> = {
  id: 'hierarchy.assign',
  version: '1',
  render: (v) => ({
    messages: [
      {
        role: 'user',
        content: `${INTRO} Assign each lower-level task below to the higher-level task that best describes it.

<higher_level_tasks>
${v.options.map((o) => `<option id="${o.id}">${escapeXml(o.name)}: ${escapeXml(o.description)}</option>`).join('\n')}
</higher_level_tasks>

<lower_level_tasks>
${v.children.map((c) => `<task id="${c.id}">${escapeXml(c.text)}</task>`).join('\n')}
</lower_level_tasks>

For every lower-level task give the id of the single best higher-level task. You MUST use an option id exactly as listed above. Answer inside <answer> tags with one line per lower-level task in the form "task id: option id", for example:
<answer>
${v.children[0]?.id ?? '1'}: ${v.options[0]?.id ?? 'P1'}
</answer>`,
      },
    ],
  }),
  parse(answer, v) {
    const body = lastTagContent(answer, 'answer');
    if (body === null) return { ok: false, error: 'no <answer> tags' };
    const optionIds = new Set(v.options.map((o) => o.id));
    const childIds = new Set(v.children.map((c) => c.id));
    const out: Record<string, string> = {};
    for (const line of body.split('\n')) {
      const m = /^\s*([^:\s]+)\s*:\s*(\S+)\s*$/.exec(line);
      if (!m) continue;
      const [, child, option] = m as unknown as [string, string, string];
      if (!childIds.has(child)) continue;
      if (!optionIds.has(option)) return { ok: false, error: `"${option}" (for task ${child}) is not one of the option ids` };
      out[child] = option;
    }
    const missing = v.children.filter((c) => !(c.id in out)).map((c) => c.id);
    if (missing.length > 0) return { ok: false, error: `no option given for task(s) ${missing.slice(0, 10).join(', ')}` };
    return { ok: true, value: out };
  },
  correction: (error) =>
    `That answer could not be used: ${error}. Please answer again, one "task id: option id" line per task, using only the listed option ids.`,
};

export interface RenameVars {
  current: NamedTask;
  children: string[];
}

export const RENAME: PromptTemplate<RenameVars, NamedTask> = {
  id: 'hierarchy.rename',
  version: '1',
  render: (v) => ({
    messages: [
      {
        role: 'user',
        content: `${INTRO} The higher-level task below has been given these lower-level tasks.

<current_name>${escapeXml(v.current.name)}</current_name>
${taskList('lower_level_tasks', v.children)}

Write a new name and description for the higher-level task that accurately summarise the lower-level tasks assigned to it. ${NAME_RULES}

Answer in this form:
<answer><name>…</name><description>…</description></answer>`,
      },
    ],
  }),
  parse(answer) {
    const body = lastTagContent(answer, 'answer');
    if (body === null) return { ok: false, error: 'no <answer> tags' };
    const name = lastTagContent(body, 'name')?.trim();
    if (!name) return { ok: false, error: 'the answer needs a non-empty <name>' };
    return { ok: true, value: { name: unescapeXml(name), description: unescapeXml(lastTagContent(body, 'description')?.trim() ?? '') } };
  },
  correction: (error) => `That answer could not be used: ${error}. Please answer again in exactly the requested format.`,
};

export const HIERARCHY_PROMPTS = [PROPOSE, DEDUPE, ASSIGN, RENAME] as const;
