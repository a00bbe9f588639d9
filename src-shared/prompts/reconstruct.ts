// The two prompts of the Appendix G reconstruction that the paper does not print (it used Clio's):
// a privacy-preserving summary of "the user's overall request" per conversation, and a name and
// description for a cluster of such summaries. Our wording, versioned like every template, so a
// change of wording never reuses answers given to the old one. Placement on the hierarchy is F.2,
// verbatim, with the cluster's description in place of the conversation.
import { fillPlaceholders, transcriptToMessages } from './transcript';
import { escapeXml, lastTagContent, unescapeXml, type ParseResult, type PromptTemplate } from './types';

export const REQUEST_SUMMARY_VERSION = 'reconstruct-request-v1';
export const CLUSTER_NAMING_VERSION = 'reconstruct-cluster-v1';

/** The fake server and the tests recognise the prompts by these sentences. */
export const REQUEST_QUESTION = "What is the user's overall request for the assistant?";
export const CLUSTER_QUESTION = 'Name this group of requests and describe it.';

export const REQUEST_SUMMARY = [
  'Human: The following is a conversation between Claude, an AI assistant, and a user:',
  '',
  '{conversation}',
  '',
  'Assistant: I understand.',
  '',
  `Human: ${REQUEST_QUESTION} Answer in one sentence that states the task the way a person would describe it at work (for example "Debug a Python function that raises a KeyError on empty input"). Leave out anything that could identify a person or an organisation: names, places, contact details, account or ID numbers and other proper nouns. Put the answer in <request> tags with no other commentary.`,
  '',
  'Assistant:',
].join('\n');

export const CLUSTER_NAMING = [
  'Human: Below are summaries of requests that users made to an AI assistant. They were grouped together because they are similar.',
  '',
  '<requests>',
  '{requests}',
  '</requests>',
  '',
  `${CLUSTER_QUESTION} The name is a short imperative phrase of at most ten words (for example "Debug Python data-processing scripts"). The description says in one or two sentences what the users in this group ask the assistant to do, specifically enough to tell this group apart from others. Do not include names, places or any other detail that could identify a person or an organisation. Put the name in <name> tags and the description in <description> tags, with no other commentary.`,
  '',
  'Assistant:',
].join('\n');

export interface RequestVars {
  conversation: string;
}
export interface ClusterVars {
  /** The sampled request summaries, in the order shown. */
  requests: string[];
}
export interface ClusterName {
  name: string;
  description: string;
}

const CORRECTION = (error: string) =>
  `That answer could not be used: ${error}. Please answer again, following the instructions exactly.`;

function template<V, O>(id: string, version: string, transcript: string, values: (v: V) => Record<string, string>, parse: (a: string) => ParseResult<O>): PromptTemplate<V, O> {
  const messages = transcriptToMessages(transcript);
  return { id, version, render: (v) => ({ messages: fillPlaceholders(messages, values(v)) }), parse, correction: CORRECTION };
}

/** One line of text: summaries are shown one per line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function parseRequest(answer: string): ParseResult<string> {
  const s = oneLine(unescapeXml(lastTagContent(answer, 'request') ?? ''));
  return s ? { ok: true, value: s } : { ok: false, error: 'no request summary inside <request> tags' };
}

export function parseClusterName(answer: string): ParseResult<ClusterName> {
  const name = oneLine(unescapeXml(lastTagContent(answer, 'name') ?? ''));
  const description = oneLine(unescapeXml(lastTagContent(answer, 'description') ?? ''));
  if (!name) return { ok: false, error: 'no name inside <name> tags' };
  if (!description) return { ok: false, error: 'no description inside <description> tags' };
  return { ok: true, value: { name, description } };
}

export function requestSummaryTemplate(): PromptTemplate<RequestVars, string> {
  return template('reconstruct.request', REQUEST_SUMMARY_VERSION, REQUEST_SUMMARY, (v) => ({ conversation: v.conversation }), parseRequest);
}

export function clusterNamingTemplate(): PromptTemplate<ClusterVars, ClusterName> {
  const requests = (v: ClusterVars) => v.requests.map((r) => `- ${escapeXml(oneLine(r))}`).join('\n');
  return template('reconstruct.cluster', CLUSTER_NAMING_VERSION, CLUSTER_NAMING, (v) => ({ requests: requests(v) }), parseClusterName);
}

/** How a cluster is shown to F.2 in place of a conversation: its description, as the user's request. */
export function clusterAsConversation(c: ClusterName): string {
  return `User: ${c.description}`;
}
