// A command's argv checked against its spec: every option known and given once, every value of its
// type, required flags present, no conflicting pair, the right number of positional arguments.
// Anything else is a UsageError with one line that names the flag and what was wrong.
import { UsageError } from './errors';
import { commandName, optionLabel, type Command, type OptionSpec } from './spec';

export interface ParsedArgs {
  flags: Record<string, unknown>;
  args: string[];
}

/** True when the command's arguments ask for its help (before any `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

export function parseCommandArgs(cmd: Command, argv: readonly string[]): ParsedArgs {
  const flags: Record<string, unknown> = {};
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (!token.startsWith('-') || token === '-' || /^-\d/.test(token)) {
      args.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const name = token.slice(2, eq === -1 ? undefined : eq);
    const spec = token.startsWith('--') ? cmd.options[name] : undefined;
    if (!spec) throw new UsageError(`unknown option ${token.split('=')[0]} for ${commandName(cmd)}${suggestion(cmd, name)}`);
    if (name in flags) throw new UsageError(`--${name} is given more than once`);
    if (spec.type === 'boolean') {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    let value = eq === -1 ? argv[++i] : token.slice(eq + 1);
    if (value === undefined || (eq === -1 && value.startsWith('--'))) {
      throw new UsageError(`${optionLabel(name, spec)}: the value is missing`);
    }
    value = value.trim();
    flags[name] = convert(name, spec, value);
  }
  checkComplete(cmd, flags, args);
  return { flags, args };
}

/** The value of `--name` as its type, or a UsageError naming the flag and the value. */
export function convert(name: string, spec: OptionSpec, value: string): unknown {
  const flag = `--${name}`;
  if (value === '') throw new UsageError(`${optionLabel(name, spec)}: the value is empty`);
  switch (spec.type) {
    case 'int': {
      const n = /^[+-]?\d+$/.test(value) ? Number(value) : NaN;
      const range = spec.max !== undefined ? ` from ${spec.min ?? 0} to ${spec.max}` : spec.min !== undefined ? ` ≥ ${spec.min}` : '';
      const ok = Number.isSafeInteger(n) && n >= (spec.min ?? -Infinity) && n <= (spec.max ?? Infinity);
      if (!ok) throw new UsageError(`${flag} needs a whole number${range}, not "${value}"`);
      return n;
    }
    case 'number': {
      const n = Number(value);
      if (!Number.isFinite(n) || n < (spec.min ?? -Infinity)) {
        throw new UsageError(`${flag} needs a number${spec.min !== undefined ? ` ≥ ${spec.min}` : ''}, not "${value}"`);
      }
      return n;
    }
    case 'enum':
      if (!spec.of.includes(value)) throw new UsageError(`${flag} must be one of ${spec.of.join(', ')}, not "${value}"`);
      return value;
    case 'list':
      return listOf(flag, spec.of, value);
    case 'map':
      return mapOf(flag, spec.keys, value);
    case 'string':
      if (spec.pattern && !spec.pattern.test(value)) throw new UsageError(`${flag}: "${value}" must be ${spec.patternHelp ?? `like ${spec.pattern}`}`);
      return value;
    default:
      return value;
  }
}

function listOf(flag: string, allowed: readonly string[] | undefined, value: string): string[] {
  const items = value.split(',').map((x) => x.trim());
  if (items.some((x) => x === '')) throw new UsageError(`${flag}: "${value}" has an empty entry`);
  const unknown = allowed ? items.filter((x) => !allowed.includes(x)) : [];
  if (unknown.length > 0) throw new UsageError(`${flag}: unknown ${unknown.map((x) => `"${x}"`).join(', ')} (use ${allowed!.join(', ')})`);
  const twice = items.find((x, i) => items.indexOf(x) !== i);
  if (twice) throw new UsageError(`${flag}: "${twice}" is listed twice`);
  return items;
}

function mapOf(flag: string, keys: readonly string[], value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of value.split(',')) {
    const [key, column, ...more] = pair.split('=').map((x) => x.trim());
    if (!key || !column || more.length > 0) throw new UsageError(`${flag}: "${pair}" is not FIELD=COLUMN`);
    if (!keys.includes(key)) throw new UsageError(`${flag}: unknown field "${key}" (use ${keys.join(', ')})`);
    if (key in out) throw new UsageError(`${flag}: "${key}" is mapped twice`);
    out[key] = column;
  }
  return out;
}

function checkComplete(cmd: Command, flags: Record<string, unknown>, args: string[]): void {
  const name = commandName(cmd);
  for (const [option, spec] of Object.entries(cmd.options)) {
    if (spec.required && !(option in flags)) throw new UsageError(`${name} needs ${optionLabel(option, spec)}`);
  }
  for (const [a, b] of cmd.conflicts ?? []) {
    if (a in flags && b in flags) throw new UsageError(`--${a} and --${b} cannot be used together`);
  }
  const p = cmd.args;
  if (args.length < (p?.min ?? 0)) throw new UsageError(`${name} needs ${p!.name}`);
  if (args.length > (p ? (p.max ?? Infinity) : 0)) {
    const extra = args[p?.max ?? 0]!;
    throw new UsageError(`unexpected argument "${extra}": ${name} takes ${p ? `${p.max === 1 ? 'one' : `at most ${p.max}`} ${p.name}` : 'no arguments'}`);
  }
}

/** " (did you mean --dataset?)" for a near miss, else "" . */
function suggestion(cmd: Command, typed: string): string {
  let best: string | null = null;
  let bestDistance = 3;
  for (const name of Object.keys(cmd.options)) {
    const d = distance(typed.replace(/^-+/, ''), name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best ? ` (did you mean --${best}?)` : ` (see task-atlas ${commandName(cmd)} --help)`;
}

/** Levenshtein distance, for the suggestion only. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}
