// Shared by the fake-Anthropic tests: a real SDK client, a one-call "ask", and the paper's
// Appendix F prompts rendered as message lists (F.1 with its prefilled assistant turn).
import Anthropic, { type ClientOptions } from '@anthropic-ai/sdk';
import type { PromptMessage, RenderedPrompt } from '../../src-shared/prompts/types';

export const MODEL = 'claude-fake-test';

export function sdk(baseURL: string, extra: ClientOptions = {}): Anthropic {
  return new Anthropic({ baseURL, apiKey: 'test', maxRetries: 0, ...extra });
}

export async function ask(client: Anthropic, prompt: RenderedPrompt, maxTokens = 1024): Promise<string> {
  const message = await client.messages.create({
    model: MODEL,
    max_tokens: maxTokens,
    ...(prompt.system ? { system: prompt.system } : {}),
    messages: prompt.messages,
  });
  return message.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
}

const INTRO = 'The following is a conversation between Claude, an AI assistant, and a user:';

export function screeningPrompt(conversation: string): RenderedPrompt {
  return {
    messages: [
      { role: 'user', content: `${INTRO}\n\n${conversation}` },
      { role: 'assistant', content: 'I understand.' },
      {
        role: 'user',
        content:
          'Your job is to answer this question about the preceding conversation:\n\n<question>\nDoes the conversation possibly involve an occupational task?\n</question>\n\nWhat is the answer? You MUST answer either only "Yes" or "No". Provide the answer in <answer> tags with no other commentary.',
      },
      { role: 'assistant', content: 'Sure, the answer to the question is: <answer>' },
    ],
  };
}

export function taskPrompt(conversation: string, options: readonly string[]): RenderedPrompt {
  return {
    messages: [
      { role: 'user', content: `${INTRO}\n\n${conversation}` },
      { role: 'assistant', content: 'I understand.' },
      {
        role: 'user',
        content: `Consider the following list of classification options:\n\n<options>\n${options.join('\n')}\n</options>\n\nYour job is to identify which option best describes the previous conversation. In this case, the provided options are occupational tasks. Your job is to identify which task is performed by the assistant in the previous human-AI assistant conversation.\n\nWhat is the answer? You MUST provide an option exactly as written above. If multiple options apply, choose the single-most pertinent one. First, start off by considering various aspects of the conversation in <scratchpad> tags in at most four sentences, and then provide the final answer in <answer> tags with no other commentary.`,
      },
    ],
  };
}

export const PATTERNS = ['Directive', 'Feedback Loop', 'Task Iteration', 'Learning', 'Validation', 'None'];

export function patternPrompt(conversation: string): RenderedPrompt {
  const content = `Consider the following conversation:\n\n<conversation>\n${conversation}\n</conversation>\n\nYour task is to analyze human-AI interactions in conversation transcripts to identify the primary collaboration pattern. Focus on how the human structures their requests and engages with the AI assistant. Analyze the interaction according to these collaboration patterns:\n\n- Directive - Human delegates complete task execution to AI with minimal interaction\n- Feedback Loop - Human and AI engage in iterative dialogue to complete task with human mainly providing feedback from the environment\n- Task Iteration - Human and AI engage in iterative dialogue to complete a task with the human refining the AI outputs\n- Learning - Human seeks understanding and explanation rather than direct task completion\n- Validation - Human uses AI to check or validate their own work\n\nUsing this information, identify the primary collaboration pattern in the provided conversation.`;
  return { messages: [{ role: 'user', content }] };
}

export const SKILLS = `reading comprehension, active listening, writing, speaking, mathematics, science, critical thinking, active learning, learning strategies, monitoring, social perceptiveness, coordination, persuasion, negotiation, instructing, service orientation, complex problem solving, operations analysis, technology design, equipment selection, installation, programming, operations monitoring, operation and control, equipment maintenance, troubleshooting, repairing, quality control analysis, judgment and decision making, systems analysis, systems evaluation, time management, management of financial resources, management of material resources, management of personnel resources, none`.split(', ');

export function skillsPrompt(conversation: string, skills: readonly string[] = SKILLS): RenderedPrompt {
  const messages: PromptMessage[] = [
    { role: 'user', content: `${INTRO}\n\n\`\`\`\n${conversation}\n\`\`\`` },
    { role: 'assistant', content: 'I understand.' },
    {
      role: 'user',
      content: `Please identify which categories best describe the conversation. Consider the provided list of occupational skills. Your job is to identify ALL skills exhibited by the assistant in the following human-AI assistant conversation. You can select multiple skills if appropriate. Select all that apply. Please comma-separate your selections (e.g., 'social perceptiveness', 'science', 'writing', etc.) and provide no additional commentary. If no skills are exhibited by the assistant return 'none'.\n\n<options>\n${skills.join('\n')}\n</options>`,
    },
  ];
  return { messages };
}

export const CONVERSATIONS = {
  coding:
    'User: Write a Python function that reads a CSV file of invoices and calculates the total amount per customer.\nAssistant: Here is a function using the csv module that sums the amounts per customer.',
  greeting: 'User: hi there!\nAssistant: Hello! How can I help you today?',
  learning:
    'User: Can you explain why the sky is blue and how light scattering works in the atmosphere?\nAssistant: Sunlight is scattered by molecules in the air; shorter wavelengths scatter more.',
  validation:
    'User: Here is the introduction of my essay on urban planning. Is this correct grammatically, and does the argument flow?\nAssistant: Mostly yes; two sentences need commas.',
  feedback:
    'User: Write a bash script that backs up my home directory to an external drive every night.\nAssistant: Here is a script with rsync and a cron entry.\nUser: I ran it and got this error: rsync: mkdir failed: Permission denied (13)\nAssistant: Run it with sudo or change the target permissions.',
  iteration:
    'User: Draft a product description for our new ceramic coffee mug.\nAssistant: Meet the mug that keeps your mornings warm...\nUser: Make it shorter and punchier, please.\nAssistant: Warm mornings, one sip at a time.\nUser: Now add a line about the dishwasher-safe glaze.\nAssistant: Warm mornings, easy cleanup: dishwasher-safe glaze.',
  directive:
    'User: Write a cover letter for a junior accountant position at a mid-sized logistics firm.\nAssistant: Dear Hiring Manager, I am writing to apply for the junior accountant position...',
};
