// r/load_tables.R: reads every table of the export with the codebook's column types, so codes stay
// text (read.csv alone would make "11" a number), counts are integers and categorical columns are
// factors with their levels in order. Written from the same table descriptions as the files.
import { categoryLevels, integerValues, snakeCase, type Table } from './table';

const rString = (s: string) => JSON.stringify(s);

function colClass(t: Table, col: number): string {
  const c = t.columns[col]!;
  if (c.type === 'string') return 'character';
  if (c.type === 'number') return 'numeric';
  // R integers are 32-bit: a larger whole number is read as a double, which holds it exactly.
  return integerValues(t, col).every((v) => v === null || Math.abs(v) < 2 ** 31) ? 'integer' : 'numeric';
}

function tableEntry(t: Table): string {
  const classes = t.columns.map((c, i) => `${rString(snakeCase(c.name))} = ${rString(colClass(t, i))}`).join(', ');
  const factors = t.columns
    .map((c, i) => (c.levels ? `${rString(snakeCase(c.name))} = c(${categoryLevels(t, i).map(rString).join(', ')})` : ''))
    .filter((s) => s !== '');
  return `  ${rString(t.name)} = list(classes = c(${classes}), levels = list(${factors.join(', ')}))`;
}

export function rLoader(tables: Table[]): string {
  return [
    '# Reads the tables of this export with their codebook types. Usage, from this folder:',
    '#   source("load_tables.R"); tables <- load_tables(); head(tables$categories)',
    '# Missing values are NA; text columns stay text; categorical columns are factors.',
    'export_tables <- list(',
    tables.map(tableEntry).join(',\n'),
    ')',
    '',
    'load_table <- function(name, dir = ".") {',
    '  spec <- export_tables[[name]]',
    '  if (is.null(spec)) stop(paste("no table named", name, "in this export"))',
    '  df <- utils::read.csv(file.path(dir, paste0(name, ".csv")), colClasses = spec$classes,',
    '    na.strings = "NA", encoding = "UTF-8", check.names = FALSE, stringsAsFactors = FALSE)',
    '  for (col in names(spec$levels)) df[[col]] <- factor(df[[col]], levels = spec$levels[[col]])',
    '  df',
    '}',
    '',
    'load_tables <- function(dir = ".") {',
    '  sapply(names(export_tables), function(name) load_table(name, dir), simplify = FALSE)',
    '}',
    '',
  ].join('\n');
}
