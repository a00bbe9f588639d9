// SOC structure (major/minor/broad/detailed groups) and the 2010 -> 2019 O*NET-SOC crosswalk.
import { ImportError } from './formats/errors';
import { assertNotEmpty, bindColumns } from './formats/table';
import { checkOnetCode, replaceRows, type ImporterDef } from './define';

const LEVELS = [
  ['major', 'Major Group'],
  ['minor', 'Minor Group'],
  ['broad', 'Broad Occupation'],
  ['detailed', 'Detailed Occupation'],
  ['onet', 'Detailed O*NET-SOC'],
] as const;

export interface SocRow {
  code: string;
  level: string;
  title: string;
}

export const socStructure: ImporterDef<SocRow> = {
  kind: 'soc-structure',
  defaultDataset: 'aei-2025-02-10',
  parse(table) {
    assertNotEmpty(table);
    const spec = {
      major: { name: 'Major Group', type: 'string' },
      minor: { name: 'Minor Group', type: 'string' },
      broad: { name: 'Broad Occupation', type: 'string' },
      detailed: { name: 'Detailed Occupation', type: 'string' },
      onet: { name: 'Detailed O*NET-SOC', type: 'string' },
      title: { name: 'SOC or O*NET-SOC 2019 Title', type: 'nonempty' },
    } as const;
    const seen = new Map<string, number>();
    return bindColumns(table, spec).map((r) => {
      // Each row names exactly one level: the one column that is filled in.
      const filled = LEVELS.filter(([key]) => r[key].trim() !== '');
      if (filled.length !== 1) {
        throw new ImportError(`expected exactly one code column filled, found ${filled.length}`, {
          file: table.file,
          line: r.line,
        });
      }
      const [level, column] = filled[0]!;
      const code = r[level].trim();
      if (!/^\d{2}-\d{4}(\.\d{2})?$/.test(code)) {
        throw new ImportError(`"${code}" is not a SOC code`, { file: table.file, line: r.line, column });
      }
      const key = `${level}:${code}`;
      const first = seen.get(key);
      if (first !== undefined) {
        throw new ImportError(`duplicate ${column} ${code} (first on line ${first})`, {
          file: table.file,
          line: r.line,
          column,
        });
      }
      seen.set(key, r.line);
      return { code, level, title: r.title };
    });
  },
  write: replaceRows('soc_structure', ['code', 'level', 'title'], (r) => [r.code, r.level, r.title]),
};

export interface CrosswalkRow {
  codeFrom: string;
  titleFrom: string;
  codeTo: string;
  titleTo: string;
}

export const socCrosswalk: ImporterDef<CrosswalkRow> = {
  kind: 'soc-crosswalk',
  defaultDataset: 'onet-2010-2019',
  parse(table) {
    assertNotEmpty(table);
    const spec = {
      codeFrom: { name: 'O*NET-SOC 2010 Code', type: 'nonempty' },
      titleFrom: { name: 'O*NET-SOC 2010 Title', type: 'nonempty' },
      codeTo: { name: 'O*NET-SOC 2019 Code', type: 'nonempty' },
      titleTo: { name: 'O*NET-SOC 2019 Title', type: 'nonempty' },
    } as const;
    return bindColumns(table, spec, { uniqueKey: ['codeFrom', 'codeTo'] }).map((r) => ({
      codeFrom: checkOnetCode(table.file, r.line, spec.codeFrom.name, r.codeFrom),
      titleFrom: r.titleFrom,
      codeTo: checkOnetCode(table.file, r.line, spec.codeTo.name, r.codeTo),
      titleTo: r.titleTo,
    }));
  },
  write: replaceRows('soc_crosswalk', ['code_from', 'title_from', 'code_to', 'title_to'], (r) => [
    r.codeFrom,
    r.titleFrom,
    r.codeTo,
    r.titleTo,
  ]),
};
