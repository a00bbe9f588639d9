// `task-atlas <command>`: the same engine as the app, from a terminal. The commands, their options
// and their help live in commands.ts; this file finds the command, answers --help, parses strictly
// and turns a thrown error into one `error: …` line and its exit code (errors.ts).
import { parseCommandArgs, wantsHelp } from './args';
import { COMMANDS } from './commands';
import { errorLine, exitCodeFor, USAGE_EXIT_CODE, UsageError } from './errors';
import { commandHelp, globalHelp, groupHelp } from './help';
import { commandName, type Command } from './spec';

const HELP = new Set(['help', '--help', '-h']);

export async function main(argv: string[]): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === undefined || first === '--help' || first === '-h') return print(globalHelp(COMMANDS));
    if (first === 'help') return help(rest);
    const found = resolve(argv);
    if (found.kind === 'group') return print(groupHelp(found.group, COMMANDS));
    const { cmd, args } = found;
    if (wantsHelp(args)) return print(commandHelp(cmd));
    const parsed = parseCommandArgs(cmd, args);
    return await cmd.run(parsed.flags, parsed.args);
  } catch (err) {
    // TASK_ATLAS_DEBUG: a failure (not a wrong input) keeps its stack trace.
    if (process.env.TASK_ATLAS_DEBUG && exitCodeFor(err) !== USAGE_EXIT_CODE) throw err;
    process.stderr.write(`error: ${errorLine(err)}\n`);
    return exitCodeFor(err);
  }
}

type Resolved = { kind: 'command'; cmd: Command; args: string[] } | { kind: 'group'; group: string };

/** The command named by the first words of `argv`, or a group whose help was asked for. */
function resolve(argv: readonly string[]): Resolved {
  const [first, second, ...rest] = argv as [string, ...string[]];
  const family = COMMANDS.filter((c) => c.path[0] === first);
  if (family.length === 0) throw new UsageError(`unknown command "${first}" (see task-atlas --help)`);
  const single = family.find((c) => c.path.length === 1);
  if (single) return { kind: 'command', cmd: single, args: argv.slice(1) };
  const subs = family.map((c) => c.path[1]).join(', ');
  if (second === undefined) throw new UsageError(`${first} needs a subcommand: ${subs} (see task-atlas ${first} --help)`);
  if (HELP.has(second)) return { kind: 'group', group: first };
  const cmd = family.find((c) => c.path[1] === second);
  if (!cmd) throw new UsageError(`unknown subcommand "${first} ${second}": use ${subs}`);
  return { kind: 'command', cmd, args: rest };
}

/** `task-atlas help [command [subcommand]]`. */
function help(words: string[]): number {
  if (words.length === 0) return print(globalHelp(COMMANDS));
  const found = resolve(words.length === 1 && needsSub(words[0]!) ? [words[0]!, 'help'] : words);
  if (found.kind === 'group') return print(groupHelp(found.group, COMMANDS));
  if (found.args.length > 0) throw new UsageError(`no help for "${words.join(' ')}": try task-atlas help ${commandName(found.cmd)}`);
  return print(commandHelp(found.cmd));
}

const needsSub = (word: string) => COMMANDS.some((c) => c.path[0] === word && c.path.length > 1);

function print(text: string): number {
  process.stdout.write(text);
  return 0;
}
