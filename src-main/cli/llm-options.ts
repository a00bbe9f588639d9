// Claude settings for CLI commands: flags first, then environment. The API key is read from the
// environment only (ANTHROPIC_API_KEY or ANTHROPIC_AUTH_TOKEN) and never written anywhere.
import { DEFAULT_LLM_OPTIONS, type LlmOptions } from '../engine/llm/client';

export interface LlmFlags {
  model?: string;
  'base-url'?: string;
  rpm?: string;
  itpm?: string;
}

export function llmOptionsFrom(flags: LlmFlags, model: string, baseURL?: string): LlmOptions {
  const apiKey = process.env.ANTHROPIC_API_KEY;
  const authToken = process.env.ANTHROPIC_AUTH_TOKEN;
  const url = baseURL ?? flags['base-url'] ?? process.env.ANTHROPIC_BASE_URL;
  if (!apiKey && !authToken && !baseURL) {
    throw new Error('no Claude API key: set ANTHROPIC_API_KEY (or use --fake for the built-in demo server)');
  }
  // The built-in demo server has no rate limits of its own; do not pace it like the real API.
  const demo = baseURL !== undefined && !flags['base-url'];
  const limits = demo ? { requestsPerMinute: 600_000, inputTokensPerMinute: 1e10 } : DEFAULT_LLM_OPTIONS.limits;
  return {
    ...DEFAULT_LLM_OPTIONS,
    model,
    ...(url ? { baseURL: url } : {}),
    ...(apiKey ? { apiKey } : {}),
    ...(authToken ? { authToken } : !apiKey ? { authToken: 'demo' } : {}),
    limits: {
      requestsPerMinute: Number(flags.rpm ?? limits.requestsPerMinute),
      inputTokensPerMinute: Number(flags.itpm ?? limits.inputTokensPerMinute),
    },
  };
}
