// Labour-market files: BLS employment by SOC major group, the BLS OEWS national file (.xlsx), and
// occupation wage files in the paper's jobData.csv format (also the release's wage_data.csv).
import { ImportError } from './formats/errors';
import { assertNotEmpty, bindColumns } from './formats/table';
import { checkOnetCode, checkRange, parseSuppressedNumber, replaceRows, type ImporterDef } from './define';

export interface BlsRow {
  title: string;
  employment: number;
}

export const blsMajorEmployment: ImporterDef<BlsRow> = {
  kind: 'bls-major-employment',
  defaultDataset: 'aei-2025-02-10',
  parse(table) {
    assertNotEmpty(table);
    const spec = {
      title: { name: 'SOC or O*NET-SOC 2019 Title', type: 'nonempty' },
      employment: { name: 'bls_distribution', type: 'float', aliases: ['TOT_EMP', 'employment'] },
    } as const;
    return bindColumns(table, spec, { uniqueKey: ['title'] }).map((r) => ({
      title: r.title,
      employment: checkRange(table.file, r.line, spec.employment.name, r.employment, 0, Number.MAX_SAFE_INTEGER),
    }));
  },
  write: replaceRows('bls_major_employment', ['title', 'employment'], (r) => [r.title, r.employment]),
};

export interface OewsRow {
  occCode: string;
  occTitle: string;
  group: string;
  totEmp: number | null;
  annualMedian: number | null;
}

const OEWS_GROUPS = new Set(['total', 'major', 'minor', 'broad', 'detailed']);

export const oewsNational: ImporterDef<OewsRow> = {
  kind: 'oews-national',
  defaultDataset: 'oews-2023-05',
  parse(table) {
    assertNotEmpty(table);
    const spec = {
      occCode: { name: 'OCC_CODE', type: 'nonempty', aliases: ['occ_code'] },
      occTitle: { name: 'OCC_TITLE', type: 'nonempty', aliases: ['occ_title'] },
      group: { name: 'O_GROUP', type: 'nonempty', aliases: ['o_group'] },
      totEmp: { name: 'TOT_EMP', type: 'string', aliases: ['tot_emp'] },
      annualMedian: { name: 'A_MEDIAN', type: 'string', aliases: ['a_median'] },
    } as const;
    return bindColumns(table, spec, { uniqueKey: ['occCode', 'group'] }).map((r) => {
      if (!OEWS_GROUPS.has(r.group)) {
        throw new ImportError(`unknown O_GROUP "${r.group}"`, { file: table.file, line: r.line, column: 'O_GROUP' });
      }
      return {
        occCode: r.occCode,
        occTitle: r.occTitle,
        group: r.group,
        totEmp: parseSuppressedNumber(table.file, r.line, 'TOT_EMP', r.totEmp),
        annualMedian: parseSuppressedNumber(table.file, r.line, 'A_MEDIAN', r.annualMedian),
      };
    });
  },
  write: replaceRows('oews_national', ['occ_code', 'occ_title', 'o_group', 'tot_emp', 'a_median'], (r) => [
    r.occCode,
    r.occTitle,
    r.group,
    r.totEmp,
    r.annualMedian,
  ]),
};

export interface WageRow {
  code: string;
  jobName: string;
  jobZone: number | null;
  medianSalary: number | null;
}

export const wages: ImporterDef<WageRow> = {
  kind: 'wages',
  defaultDataset: 'jobdata',
  parse(table) {
    assertNotEmpty(table);
    const spec = {
      code: { name: 'SOCcode', type: 'nonempty' },
      jobName: { name: 'JobName', type: 'nonempty' },
      jobZone: { name: 'JobZone', type: 'int' },
      medianSalary: { name: 'MedianSalary', type: 'optionalFloat' },
    } as const;
    return bindColumns(table, spec, { uniqueKey: ['code'] }).map((r) => {
      // The file writes "no Job Zone" as -1.
      const zone = r.jobZone === -1 ? null : checkRange(table.file, r.line, 'JobZone', r.jobZone, 1, 5);
      return {
        code: checkOnetCode(table.file, r.line, 'SOCcode', r.code),
        jobName: r.jobName,
        jobZone: zone,
        medianSalary: r.medianSalary,
      };
    });
  },
  write: replaceRows('wage', ['code', 'job_name', 'job_zone', 'median_salary'], (r) => [
    r.code,
    r.jobName,
    r.jobZone,
    r.medianSalary,
  ]),
};
