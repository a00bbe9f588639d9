#!/usr/bin/env node
// Validates electron-builder.yml without electron-builder installed: parses the small YAML subset
// the file is written in (maps, lists, scalars, comments), checks the required keys, that every
// `files` / `extraResources` source exists, and that the targets cover Linux, macOS and Windows.
// Usage: node scripts/check-builder-config.mjs [path/to/electron-builder.yml]; exit 1 on problems.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Parses a YAML subset: block maps, block lists (of scalars or maps), quoted/plain scalars. */
export function parseYamlSubset(text) {
  const lines = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const noComment = stripComment(raw);
    if (noComment.trim() === '') return;
    if (/\t/.test(raw.slice(0, raw.length - raw.trimStart().length))) throw new Error(`line ${i + 1}: tabs in indentation`);
    lines.push({ indent: raw.length - raw.trimStart().length, text: noComment.trim(), line: i + 1 });
  });
  let pos = 0;

  function parseBlock(indent) {
    const first = lines[pos];
    if (!first || first.indent < indent) return null;
    return first.text.startsWith('- ') || first.text === '-' ? parseList(first.indent) : parseMap(first.indent);
  }

  function parseMap(indent, initial = {}) {
    const map = initial;
    while (pos < lines.length && lines[pos].indent === indent && !lines[pos].text.startsWith('-')) {
      const { text, line } = lines[pos];
      const m = /^("[^"]*"|'[^']*'|[^:]+?):(?:\s+(.*))?$/.exec(text);
      if (!m) throw new Error(`line ${line}: expected "key: value", got "${text}"`);
      const key = unquote(m[1]);
      if (key in map) throw new Error(`line ${line}: duplicate key "${key}"`);
      pos++;
      map[key] = m[2] === undefined ? parseBlock(indent + 1) : scalar(m[2], line);
    }
    if (pos < lines.length && lines[pos].indent > indent) throw new Error(`line ${lines[pos].line}: unexpected indentation`);
    return map;
  }

  function parseList(indent) {
    const list = [];
    while (pos < lines.length && lines[pos].indent === indent && (lines[pos].text.startsWith('- ') || lines[pos].text === '-')) {
      const { text, line } = lines[pos];
      const rest = text.slice(1).trim();
      if (rest === '') {
        pos++;
        list.push(parseBlock(indent + 1));
      } else if (/^("[^"]*"|'[^']*'|[^:"']+?):(\s|$)/.test(rest)) {
        // "- key: value" starts a map whose further keys are indented to the key's column.
        const column = indent + text.indexOf(rest);
        lines[pos] = { indent: column, text: rest, line };
        list.push(parseMap(column));
      } else {
        pos++;
        list.push(scalar(rest, line));
      }
    }
    return list;
  }

  const result = parseBlock(0);
  if (pos < lines.length) throw new Error(`line ${lines[pos].line}: could not parse "${lines[pos].text}"`);
  return result ?? {};
}

function stripComment(line) {
  let quote = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i);
  }
  return line;
}

function unquote(s) {
  const t = s.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) return t.slice(1, -1);
  return t;
}

function scalar(raw, line) {
  const t = raw.trim();
  if (/^[[{]/.test(t)) throw new Error(`line ${line}: flow collections are outside the supported YAML subset`);
  if (t.startsWith('"') || t.startsWith("'")) return unquote(t);
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (t === 'null' || t === '~') return null;
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return t;
}

/** The directory part of a glob before its first wildcard ("out/**" -> "out"). */
function staticPrefix(pattern) {
  const parts = pattern.split('/');
  const i = parts.findIndex((p) => /[*?{[]/.test(p));
  return (i === -1 ? parts : parts.slice(0, i)).join('/') || '.';
}

const REQUIRED = ['appId', 'productName', 'directories', 'files', 'extraResources', 'asarUnpack', 'linux', 'mac', 'win'];
const PLATFORM_TARGETS = { linux: ['AppImage', 'deb'], mac: ['dmg'], win: ['nsis'] };

export function checkBuilderConfig(file, root = path.dirname(path.resolve(file))) {
  const problems = [];
  let config;
  try {
    config = parseYamlSubset(readFileSync(file, 'utf8'));
  } catch (err) {
    return [`${file}: ${err instanceof Error ? err.message : String(err)}`];
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return [`${file}: top level must be a map`];
  for (const key of REQUIRED) if (!(key in config)) problems.push(`missing required key "${key}"`);
  if (config.productName !== undefined && config.productName !== 'Task Atlas') problems.push('productName must be "Task Atlas"');
  if (typeof config.appId === 'string' && !/^[a-zA-Z][\w-]*(\.[a-zA-Z][\w-]*)+$/.test(config.appId)) {
    problems.push(`appId "${config.appId}" is not a reverse-DNS identifier`);
  }
  if (config.directories?.output !== 'dist') problems.push('directories.output must be "dist"');
  if (config.npmRebuild !== true) problems.push('npmRebuild must be true (native modules are rebuilt for Electron)');

  const files = Array.isArray(config.files) ? config.files : [];
  if (!Array.isArray(config.files)) problems.push('"files" must be a list');
  for (const entry of files) {
    if (typeof entry !== 'string') {
      problems.push(`files: only plain patterns are supported, got ${JSON.stringify(entry)}`);
      continue;
    }
    if (entry.startsWith('!')) continue; // exclusions need not exist
    const prefix = staticPrefix(entry);
    if (!existsSync(path.join(root, prefix))) problems.push(`files: "${entry}" — ${prefix} does not exist (build first: npm run build)`);
  }
  for (const need of ['package.json', 'out/**']) if (!files.includes(need)) problems.push(`files must include "${need}"`);
  // The shell forks the engine from this file (src-main/index.ts): a bundle without it cannot start.
  const mainOut = path.join(root, 'out', 'main');
  if (existsSync(mainOut) && !existsSync(path.join(mainOut, 'engine-process.js'))) {
    problems.push('out/main/engine-process.js (the engine process) is missing: rebuild with npm run build');
  }

  const extra = Array.isArray(config.extraResources) ? config.extraResources : [];
  if (!Array.isArray(config.extraResources)) problems.push('"extraResources" must be a list');
  for (const entry of extra) {
    const from = typeof entry === 'string' ? entry : entry?.from;
    if (typeof from !== 'string') problems.push(`extraResources: entry without "from": ${JSON.stringify(entry)}`);
    else if (!existsSync(path.join(root, staticPrefix(from)))) problems.push(`extraResources: "${from}" does not exist`);
  }
  if (!extra.some((e) => typeof e === 'object' && e?.from === 'resources' && e?.to === 'resources')) {
    problems.push('extraResources must copy resources/ to resources (the app reads process.resourcesPath/resources)');
  }

  const unpack = Array.isArray(config.asarUnpack) ? config.asarUnpack : [];
  if (!unpack.includes('**/*.node')) problems.push('asarUnpack must include "**/*.node"');
  for (const mod of ['better-sqlite3', 'onnxruntime-node']) {
    if (!unpack.some((p) => typeof p === 'string' && p.includes(mod))) problems.push(`asarUnpack must cover ${mod}`);
  }

  problems.push(...checkFuses(config.electronFuses, root));
  for (const [platform, targets] of Object.entries(PLATFORM_TARGETS)) {
    const raw = config[platform]?.target;
    const have = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((t) => (typeof t === 'string' ? t : t?.target));
    for (const t of targets) if (!have.includes(t)) problems.push(`${platform}.target must include ${t}`);
  }
  return problems;
}

/** The fuses issue #13 requires, by electron-builder's FuseOptionsV1 name. */
const REQUIRED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
};

function checkFuses(fuses, root) {
  if (typeof fuses !== 'object' || fuses === null) return ['electronFuses must be a map (RunAsNode off, cookie encryption, ASAR integrity, app only from asar)'];
  const problems = [];
  for (const [name, want] of Object.entries(REQUIRED_FUSES)) {
    if (fuses[name] !== want) problems.push(`electronFuses.${name} must be ${want}`);
  }
  // Names checked against electron-builder's own schema when it is installed, so a typo cannot pass.
  const scheme = path.join(root, 'node_modules', 'app-builder-lib', 'scheme.json');
  if (existsSync(scheme)) {
    const known = Object.keys(JSON.parse(readFileSync(scheme, 'utf8')).definitions?.FuseOptionsV1?.properties ?? {});
    for (const name of Object.keys(fuses)) if (known.length > 0 && !known.includes(name)) problems.push(`electronFuses.${name} is not a fuse electron-builder knows`);
  }
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const file = path.resolve(process.argv[2] ?? path.join(here, '..', 'electron-builder.yml'));
  const problems = checkBuilderConfig(file);
  if (problems.length > 0) {
    console.error(`${path.relative(process.cwd(), file)}: ${problems.length} problem(s)`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log(`${path.relative(process.cwd(), file)}: ok`);
}
