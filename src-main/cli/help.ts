// Help text generated from the command specs: the command list (`task-atlas --help`), a group's
// subcommands (`task-atlas hierarchy --help`) and one command's usage with every option.
import { commandName, optionLabel, type Command } from './spec';

const WIDTH = 100;

/** "Usage: task-atlas export --out DIR [--source ID] [--json]": required options first, then the rest. */
export function synopsis(cmd: Command): string {
  const entries = Object.entries(cmd.options);
  const required = entries.filter(([, o]) => o.required).map(([n, o]) => optionLabel(n, o));
  const optional = entries.filter(([, o]) => !o.required).map(([n, o]) => `[${optionLabel(n, o)}]`);
  const p = cmd.args;
  const positional = p ? [p.min > 0 ? p.name : `[${p.name}]`, ...(p.max === undefined ? [`[${p.name} …]`] : [])] : [];
  return wrap(['Usage:', 'task-atlas', ...cmd.path, ...positional, ...required, ...optional], `Usage: task-atlas ${commandName(cmd)} `.length);
}

export function commandHelp(cmd: Command): string {
  const lines = [synopsis(cmd), '', cmd.summary];
  if (cmd.details) lines.push('', ...cmd.details.split('\n'));
  const rows: [string, string][] = Object.entries(cmd.options).map(([n, o]) => [optionLabel(n, o), o.help + (o.required ? ' (required)' : '')]);
  rows.push(['-h, --help', 'Show this help']);
  const width = Math.min(34, Math.max(...rows.map(([l]) => l.length)) + 2);
  lines.push('', 'Options:');
  for (const [label, help] of rows) {
    lines.push(label.length + 2 > width ? `  ${label}\n  ${' '.repeat(width)}${help}` : `  ${label.padEnd(width)}${help}`);
  }
  for (const [a, b] of cmd.conflicts ?? []) lines.push(`  (--${a} and --${b} cannot be used together)`);
  return lines.join('\n') + '\n';
}

/** The commands under `group` (e.g. "hierarchy") with their summaries. */
export function groupHelp(group: string, commands: readonly Command[]): string {
  const subs = commands.filter((c) => c.path[0] === group);
  return [
    `Usage: task-atlas ${group} <${subs.map((c) => c.path[1]).join('|')}> [options]`,
    '',
    ...list(subs),
    '',
    `Run \`task-atlas ${group} <subcommand> --help\` for its options.`,
  ].join('\n') + '\n';
}

export function globalHelp(commands: readonly Command[]): string {
  return [
    'Usage: task-atlas <command> [options]',
    '',
    'Commands:',
    ...list(commands),
    '',
    'Run `task-atlas <command> --help` (or `task-atlas help <command>`) for a command\'s options.',
    'Exit codes: 0 done, 1 the work failed, 2 the command line or an input file was wrong, 130 paused (Ctrl+C).',
  ].join('\n') + '\n';
}

function list(commands: readonly Command[]): string[] {
  const width = Math.max(...commands.map((c) => commandName(c).length)) + 4;
  return commands.map((c) => `  ${commandName(c).padEnd(width)}${c.summary}`);
}

/** Words joined into lines of at most WIDTH characters; continuation lines indented by `indent`. */
function wrap(words: string[], indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > WIDTH) {
      lines.push(line);
      line = ' '.repeat(indent) + w;
    } else line = line ? `${line} ${w}` : w;
  }
  lines.push(line);
  return lines.join('\n');
}
