// The declarative shape of a command: its options with their types, required flags, conflicts and
// positional arguments. One spec drives both the parser (args.ts) and the help text (help.ts), so
// what `--help` lists is exactly what the command accepts.

interface Base {
  /** One line for the help text. */
  help: string;
  required?: boolean;
}

export type OptionSpec =
  | (Base & { type: 'boolean'; required?: never })
  /** Free text; with `pattern`, refused unless it matches (`patternHelp` says what is allowed). */
  | (Base & { type: 'string'; value?: string; pattern?: RegExp; patternHelp?: string })
  /** A whole number, within [min, max] when given. */
  | (Base & { type: 'int'; value?: string; min?: number; max?: number })
  | (Base & { type: 'number'; value?: string; min?: number })
  | (Base & { type: 'enum'; of: readonly string[] })
  /** Comma-separated values, each from `of` when given. */
  | (Base & { type: 'list'; value?: string; of?: readonly string[] })
  /** Comma-separated KEY=VALUE pairs, keys from `keys`. */
  | (Base & { type: 'map'; keys: readonly string[]; value?: string });

export type Options = Record<string, OptionSpec>;

type ValueOf<O extends OptionSpec> = O extends { type: 'boolean' }
  ? boolean
  : O extends { type: 'int' | 'number' }
    ? number
    : O extends { type: 'enum'; of: readonly (infer E)[] }
      ? E
      : O extends { type: 'list'; of: readonly (infer E)[] }
        ? E[]
        : O extends { type: 'list' }
          ? string[]
          : O extends { type: 'map'; keys: readonly (infer E extends string)[] }
            ? Partial<Record<E, string>>
            : string;

type RequiredKeys<O extends Options> = { [K in keyof O]: O[K] extends { required: true } ? K : never }[keyof O];

/** The parsed flags of a command with options `O`: required flags are always there. */
export type Values<O extends Options> = { [K in RequiredKeys<O>]: ValueOf<O[K]> } & {
  [K in Exclude<keyof O, RequiredKeys<O>>]?: ValueOf<O[K]>;
};

export interface Positionals {
  /** The name in the usage line, e.g. FILE. */
  name: string;
  min: number;
  /** Absent: any number. */
  max?: number;
}

export interface CommandSpec<O extends Options> {
  /** ['hierarchy', 'build'] for `task-atlas hierarchy build`. */
  path: readonly string[];
  /** One line for the command list. */
  summary: string;
  /** More about the command, shown by its --help. */
  details?: string;
  options: O;
  args?: Positionals;
  /** Pairs of options that cannot be given together. */
  conflicts?: readonly (readonly [keyof O & string, keyof O & string])[];
  run(flags: Values<O>, args: string[]): Promise<number> | number;
}

/** A command with its option types erased, as the dispatcher holds it. */
export interface Command {
  path: readonly string[];
  summary: string;
  details?: string;
  options: Options;
  args?: Positionals;
  conflicts?: readonly (readonly [string, string])[];
  run(flags: Record<string, unknown>, args: string[]): Promise<number> | number;
}

/** Declares a command; `run` receives flags typed from the options. */
export function command<const O extends Options>(spec: CommandSpec<O>): Command {
  return spec as unknown as Command;
}

export const commandName = (c: Pick<Command, 'path'>): string => c.path.join(' ');

/** "--out DIR", "--formats csv,r,…", "--json": an option as the help and the errors show it. */
export function optionLabel(name: string, o: OptionSpec): string {
  switch (o.type) {
    case 'boolean':
      return `--${name}`;
    case 'enum':
      return `--${name} ${o.of.join('|')}`;
    case 'list':
      return `--${name} ${o.value ?? (o.of ? o.of.join(',') : 'A,B')}`;
    case 'map':
      return `--${name} ${o.value ?? 'KEY=VALUE,…'}`;
    case 'string':
      return `--${name} ${o.value ?? 'VALUE'}`;
    default:
      return `--${name} ${o.value ?? 'N'}`;
  }
}
