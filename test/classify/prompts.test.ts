// The Appendix F prompts are sent verbatim by default: each rendered request, written back as a
// Human/Assistant transcript, equals the paper's printed prompt with its placeholders filled.
// The paper's text is read from ../shared/reference, not from our own copy.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  collaborationTemplate,
  formatConversation,
  parseOption,
  parsePattern,
  parseScreening,
  parseSkills,
  screeningTemplate,
  skillsTemplate,
  SKILL_OPTIONS,
  taskMappingTemplate,
} from '../../src-shared/prompts/classify';
import { messagesToTranscript } from '../../src-shared/prompts/transcript';

const PAPER = readFileSync(resolve(__dirname, '../../../shared/reference/economic-tasks-paper.txt'), 'utf8');

/** The printed prompt of one Appendix F section: from its first "Human:" to the next heading. */
function printed(section: string, next: string): string {
  const start = PAPER.indexOf(section);
  const end = PAPER.indexOf(next, start);
  const text = PAPER.slice(start, end);
  return text.slice(text.indexOf('Human:')).trim();
}

/** Whitespace as printed is not meaningful (the PDF's line ends carry trailing spaces). */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

const conversation = formatConversation([
  { role: 'user', content: 'Can you help me fix this SQL query? It returns duplicate rows.' },
  { role: 'assistant', content: 'Add DISTINCT or group by the key columns.' },
]);

describe('Appendix F prompts are sent verbatim', () => {
  it('F.1 screening, with the assistant turn prefilled as printed', () => {
    const r = screeningTemplate().render({ conversation });
    const expected = printed('F.1 Screening', 'F.2 Mapping').replace('{conversation}', conversation);
    expect(squash(messagesToTranscript(r.messages))).toBe(squash(expected));
    expect(r.messages.at(-1)).toEqual({ role: 'assistant', content: 'Sure, the answer to the question is: <answer>' });
  });

  it('F.2 task mapping, options one per line', () => {
    const options = ['Write, update, and maintain computer programs.', 'Develop marketing strategies.'];
    const r = taskMappingTemplate().render({ conversation, options });
    const expected = printed('F.2 Mapping', 'F.3 Automating')
      .replace('{conversation}', conversation)
      .replace('{options_str}', options.join('\n'));
    expect(squash(messagesToTranscript(r.messages))).toBe(squash(expected));
  });

  it('F.3 collaboration pattern', () => {
    const r = collaborationTemplate().render({ conversation });
    const expected = printed('F.3 Automating', 'F.4 Usage').replace('{conversation}', conversation);
    expect(squash(messagesToTranscript(r.messages))).toBe(squash(expected));
  });

  it('F.4 skills: the printed text without the <shuffle> tags, every option, shuffled per call', () => {
    const printedF4 = printed('F.4 Usage', 'G Clio Cluster');
    const options = [...SKILL_OPTIONS];
    const r = skillsTemplate().render({ conversation, options });
    // The printed list is split by a page break ("```" twice) and wrapped in <shuffle>, which the
    // paper says the model does not see.
    const expected = printedF4
      .replace('{conversation}', conversation)
      .replace('<options><shuffle>', '<options>')
      .replace('</shuffle></options>', '</options>')
      .replace(/\nmonitoring\s*```\s*```\s*\nsocial perceptiveness/, '\nmonitoring\nsocial perceptiveness');
    expect(squash(messagesToTranscript(r.messages))).toBe(squash(expected));
    const listed = /<options>\n([\s\S]*?)\n<\/options>/.exec(r.messages[2]!.content)![1]!.split('\n');
    expect(listed).toHaveLength(36);
    expect(new Set(listed)).toEqual(new Set(SKILL_OPTIONS));
  });

  it('marks the conversation message for prompt caching (F.1 and F.2 share it; F.4 fences it)', () => {
    expect(screeningTemplate().render({ conversation }).cacheMessageIndex).toBe(0);
    expect(taskMappingTemplate().render({ conversation, options: ['a'] }).cacheMessageIndex).toBe(0);
    expect(collaborationTemplate().render({ conversation }).cacheMessageIndex).toBeUndefined();
    expect(skillsTemplate().render({ conversation, options: [...SKILL_OPTIONS] }).cacheMessageIndex).toBeUndefined();
    expect(screeningTemplate().render({ conversation }).messages[0]).toEqual(taskMappingTemplate().render({ conversation, options: ['a'] }).messages[0]);
    expect(skillsTemplate().render({ conversation, options: [...SKILL_OPTIONS] }).messages[0]!.content).toBe(
      taskMappingTemplate().render({ conversation, options: ['a'] }).messages[0]!.content.replace(conversation, '```\n' + conversation + '\n```'),
    );
  });
});

describe('answer parsers refuse anything outside the options', () => {
  it('screening: Yes/No only', () => {
    expect(parseScreening('<answer>Yes</answer>')).toEqual({ ok: true, value: true });
    expect(parseScreening('Sure, the answer to the question is: <answer>No</answer>')).toEqual({ ok: true, value: false });
    expect(parseScreening('<answer>Maybe</answer>').ok).toBe(false);
  });

  it('task mapping: an option exactly as written (case and final period forgiven)', () => {
    const v = { conversation: '', options: ['Develop marketing strategies.', 'Write code.'] };
    expect(parseOption('<scratchpad>…</scratchpad><answer>write code</answer>', v)).toEqual({ ok: true, value: 'Write code.' });
    expect(parseOption('<answer>Cook dinner.</answer>', v)).toMatchObject({ ok: false });
  });

  it('pattern: one of the five or None', () => {
    expect(parsePattern('<thinking>x</thinking><answer>Feedback Loop</answer>')).toEqual({ ok: true, value: 'feedback loop' });
    expect(parsePattern('<answer>None</answer>')).toEqual({ ok: true, value: 'none' });
    expect(parsePattern('<answer>Brainstorming</answer>').ok).toBe(false);
  });

  it('skills: a comma-separated subset of the list, or none', () => {
    const v = { conversation: '', options: [...SKILL_OPTIONS] };
    expect(parseSkills("'programming', critical thinking", v)).toEqual({ ok: true, value: ['programming', 'critical thinking'] });
    expect(parseSkills('none', v)).toEqual({ ok: true, value: [] });
    expect(parseSkills('programming, telepathy', v).ok).toBe(false);
  });
});
