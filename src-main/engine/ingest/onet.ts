// O*NET database files (text or .xlsx release): Task Statements, Occupation Data, Job Zones, Skills.
import { assertNotEmpty, bindColumns } from './formats/table';
import { checkOnetCode, checkRange, replaceRows, type ImporterDef } from './define';

const CODE = { name: 'O*NET-SOC Code', type: 'nonempty' } as const;
const TITLE = { name: 'Title', type: 'nonempty' } as const;

export interface TaskRow {
  code: string;
  title: string;
  taskId: number;
  task: string;
  taskType: string;
}

export const onetTasks: ImporterDef<TaskRow> = {
  kind: 'onet-tasks',
  defaultDataset: 'onet-29.2',
  parse(table) {
    assertNotEmpty(table);
    const spec = {
      code: CODE,
      title: TITLE,
      taskId: { name: 'Task ID', type: 'int' },
      task: { name: 'Task', type: 'nonempty' },
      taskType: { name: 'Task Type', type: 'string' },
    } as const;
    return bindColumns(table, spec, { uniqueKey: ['code', 'taskId'] }).map((r) => ({
      code: checkOnetCode(table.file, r.line, CODE.name, r.code),
      title: r.title,
      taskId: r.taskId,
      task: r.task,
      taskType: r.taskType,
    }));
  },
  write: replaceRows('task_statement', ['code', 'title', 'task_id', 'task', 'task_type'], (r) => [
    r.code,
    r.title,
    r.taskId,
    r.task,
    r.taskType === '' ? null : r.taskType,
  ]),
};

export interface OccupationRow {
  code: string;
  title: string;
  description: string;
}

export const onetOccupations: ImporterDef<OccupationRow> = {
  kind: 'onet-occupations',
  defaultDataset: 'onet-29.2',
  parse(table) {
    assertNotEmpty(table);
    const spec = { code: CODE, title: TITLE, description: { name: 'Description', type: 'string' } } as const;
    return bindColumns(table, spec, { uniqueKey: ['code'] }).map((r) => ({
      code: checkOnetCode(table.file, r.line, CODE.name, r.code),
      title: r.title,
      description: r.description,
    }));
  },
  write: replaceRows('occupation', ['code', 'title', 'description'], (r) => [r.code, r.title, r.description]),
};

export interface JobZoneRow {
  code: string;
  zone: number;
}

export const onetJobZones: ImporterDef<JobZoneRow> = {
  kind: 'onet-job-zones',
  defaultDataset: 'onet-29.2',
  parse(table) {
    assertNotEmpty(table);
    const spec = { code: CODE, zone: { name: 'Job Zone', type: 'int' } } as const;
    return bindColumns(table, spec, { uniqueKey: ['code'] }).map((r) => ({
      code: checkOnetCode(table.file, r.line, CODE.name, r.code),
      zone: checkRange(table.file, r.line, 'Job Zone', r.zone, 1, 5),
    }));
  },
  write: replaceRows('job_zone', ['code', 'zone'], (r) => [r.code, r.zone]),
};

export interface SkillRow {
  code: string;
  elementId: string;
  elementName: string;
  scaleId: string;
  value: number;
}

export const onetSkills: ImporterDef<SkillRow> = {
  kind: 'onet-skills',
  defaultDataset: 'onet-29.2',
  parse(table) {
    assertNotEmpty(table);
    const spec = {
      code: CODE,
      elementId: { name: 'Element ID', type: 'nonempty' },
      elementName: { name: 'Element Name', type: 'nonempty' },
      scaleId: { name: 'Scale ID', type: 'nonempty' },
      value: { name: 'Data Value', type: 'float' },
    } as const;
    return bindColumns(table, spec, { uniqueKey: ['code', 'elementId', 'scaleId'] }).map((r) => ({
      code: checkOnetCode(table.file, r.line, CODE.name, r.code),
      elementId: r.elementId,
      elementName: r.elementName,
      scaleId: r.scaleId,
      value: r.value,
    }));
  },
  write: replaceRows('skill_rating', ['code', 'element_id', 'element_name', 'scale_id', 'value'], (r) => [
    r.code,
    r.elementId,
    r.elementName,
    r.scaleId,
    r.value,
  ]),
};
