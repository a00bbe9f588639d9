// replicate.R: recomputes the headline tables in base R (read.csv only, no packages) from the
// export's replication inputs, following src-main/engine/analyze; the same steps as replicate.py.
import { COMPARED, TOLERANCE, stepHeader } from './steps';

const step = (id: string) => stepHeader('#', id);
const rVector = (xs: readonly string[]) => `c(${xs.map((x) => JSON.stringify(x)).join(', ')})`;
const compared = COMPARED.map((c) => `  list(table = ${JSON.stringify(c.table)}, keys = ${rVector(c.keys)}, values = ${rVector(c.values)})`).join(',\n');

export const REPLICATE_R = String.raw`# Task Atlas export: recompute the headline tables from csv/replication_*.csv and compare them with
# the exported results in csv/. Usage: Rscript replicate.R   (base R only; exit 1 on any difference).
TOL <- ${TOLERANCE}
PATTERNS <- c("directive", "feedback loop", "task iteration", "learning", "validation")
AUTOMATION <- c("directive", "feedback loop")
ZONES <- 1:5
COMPARED <- list(
${compared}
)
file_arg <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
CSV <- file.path(if (length(file_arg) == 1) dirname(normalizePath(file_arg)) else getwd(), "csv")

# Every column as text (codes keep their leading zeros); the CSV writer's formula guard (a ' before
# text starting with = + - @ tab CR) is undone on text columns.
read_table <- function(name, numeric = character()) {
  df <- read.csv(file.path(CSV, paste0(name, ".csv")), colClasses = "character", na.strings = character(),
                 check.names = FALSE, encoding = "UTF-8", stringsAsFactors = FALSE)
  for (col in names(df)) {
    if (col %in% numeric) df[[col]] <- as.numeric(ifelse(df[[col]] == "", NA, df[[col]]))
    else df[[col]] <- sub("^'([-=+@\t\r])", "\\1", df[[col]])
  }
  df
}
normalise <- function(x) trimws(tolower(x), whitespace = "[\\h\\v]")
sum_by <- function(x, by) { s <- tapply(x, by, sum); s[is.na(s)] <- 0; s }
at_or_0 <- function(named, key) { v <- named[as.character(key)]; if (length(v) == 0 || is.na(v)) 0 else unname(v) }

${step('read')}
usage <- read_table("replication_usage_tasks", "pct")
stmts <- read_table("replication_task_statements")
majors <- read_table("replication_major_groups")
bls <- read_table("replication_bls_employment", "employment")
wages <- read_table("replication_wages", "jobZone")
patterns <- read_table("replication_patterns", "pct")
crosswalk <- read_table("replication_crosswalk")
onet_zones <- read_table("replication_onet_job_zones", "zone")
onet_tasks <- read_table("replication_onet_tasks")

${step('split')}
rows <- stmts
rows$key <- normalise(rows$task)
pairs <- unique(rows[, c("key", "title")])
keys <- unique(pairs$key)
occurrences <- tabulate(match(pairs$key, keys), nbins = length(keys))
rows$occurrences <- occurrences[match(rows$key, keys)]
# A task text listed twice in the usage file: the later row counts.
usage_key <- normalise(usage$taskName)
last <- !duplicated(usage_key, fromLast = TRUE)
pct <- usage$pct[last][match(rows$key, usage_key[last])]
share <- ifelse(is.na(pct), 0, pct / rows$occurrences)
raw <- sum(share)
rows$usagePct <- if (raw > 0) 100 * share / raw else rep(0, nrow(rows))
rows$hasUsage <- !is.na(pct) & pct > 0
rows$major <- substr(rows$code, 1, 2)

${step('categories')}
usage_by_group <- sum_by(rows$usagePct, rows$major)
bls_last <- bls[!duplicated(bls$title, fromLast = TRUE), ]
bls_total <- sum(bls$employment)
groups <- majors[majors$code %in% names(usage_by_group) | majors$title %in% bls_last$title, ]
employment <- bls_last$employment[match(groups$title, bls_last$title)]
group_usage <- unname(usage_by_group[groups$code])
categories <- data.frame(code = groups$code, title = groups$title,
                         usagePct = ifelse(is.na(group_usage), 0, group_usage),
                         blsPct = if (bls_total != 0) 100 * employment / bls_total else rep(NA_real_, nrow(groups)),
                         blsEmployment = employment, stringsAsFactors = FALSE)

${step('depth')}
coverage <- tapply(rows$hasUsage, rows$code, function(x) sum(x) / length(x))
thresholds <- (0:100) / 100
# The same 1e-12 slack as the app: 3 of 12 tasks reaches 25% despite float rounding.
depth_curve <- data.frame(threshold = thresholds,
                          shareOfOccupations = sapply(thresholds, function(t) if (length(coverage) == 0) 0 else mean(coverage >= t - 1e-12)))

${step('automation')}
p <- patterns
p$pattern <- normalise(p$pattern)
kept <- p[p$pattern %in% PATTERNS, ]
kept_total <- sum(kept$pct)
if (nrow(kept) == 0 || kept_total == 0) {
  automation_split <- data.frame(pattern = character(), mode = character(), pct = numeric())
} else {
  automation_split <- data.frame(pattern = PATTERNS, mode = ifelse(PATTERNS %in% AUTOMATION, "automation", "augmentation"),
                                 pct = sapply(PATTERNS, function(q) 100 * sum(kept$pct[kept$pattern == q]) / kept_total),
                                 stringsAsFactors = FALSE)
}

${step('job_zones')}
# task_map: (task_on, zone, weight) for a task row; occupation_map: (code, zone, weight).
zone_table <- function(variant, task_map, task_on, occupation_map) {
  used <- merge(rows[rows$hasUsage, ], task_map, by = task_on)
  conv <- sum_by(used$usagePct * used$weight, used$zone)
  appearing <- sum_by(used$weight, used$zone)
  occ <- merge(data.frame(code = unique(rows$code), stringsAsFactors = FALSE), occupation_map, by = "code")
  occupations <- sum_by(occ$weight, occ$zone)
  n_occ <- length(unique(occ$code))
  pct_of <- function(part, zone) if (sum(part) > 0) 100 * at_or_0(part, zone) / sum(part) else 0
  do.call(rbind, lapply(ZONES, function(zone) {
    conv_pct <- pct_of(conv, zone)
    base_pct <- pct_of(appearing, zone)
    data.frame(variant = variant, zone = zone, convPct = conv_pct, basePct = base_pct,
               repRatio = if (base_pct > 0) conv_pct / base_pct else 0,
               occupationPct = if (n_occ > 0) 100 * at_or_0(occupations, zone) / n_occ else 0,
               occupations = at_or_0(occupations, zone), stringsAsFactors = FALSE)
  }))
}
w <- wages[!duplicated(wages$code, fromLast = TRUE) & !is.na(wages$jobZone), ]
wage_map <- data.frame(code = w$code, zone = w$jobZone, weight = rep(1, nrow(w)), stringsAsFactors = FALSE)
job_zones <- zone_table("release-wage-data", wage_map, "code", wage_map)
zone_of <- onet_zones[!duplicated(onet_zones$code, fromLast = TRUE), ]
if (nrow(onet_zones) > 0 && nrow(crosswalk) > 0) {
  cw <- merge(crosswalk, data.frame(codeTo = zone_of$code, zone = zone_of$zone, stringsAsFactors = FALSE), by = "codeTo")
  cw$weight <- 1 / as.numeric(table(cw$codeFrom)[cw$codeFrom])
  cw_map <- data.frame(code = cw$codeFrom, zone = cw$zone, weight = cw$weight, stringsAsFactors = FALSE)
  job_zones <- rbind(job_zones, zone_table("onet-crosswalk", cw_map, "code", cw_map))
}
if (nrow(onet_zones) > 0 && nrow(onet_tasks) > 0) {
  ot <- merge(onet_tasks, zone_of, by = "code")
  ot$key <- normalise(ot$task)
  counts <- aggregate(list(n = rep(1, nrow(ot))), by = list(key = ot$key, zone = ot$zone), FUN = sum)
  counts$weight <- counts$n / sum_by(counts$n, counts$key)[counts$key]
  text_map <- counts[, c("key", "zone", "weight")]
  # Per occupation: the mean zone mix over its task rows whose text current O*NET still lists.
  mixed <- merge(rows[, c("code", "key")], text_map, by = "key")
  n_rows <- table(rows$code[rows$key %in% text_map$key])
  occ_map <- aggregate(list(weight = mixed$weight), by = list(code = mixed$code, zone = mixed$zone), FUN = sum)
  occ_map$weight <- occ_map$weight / as.numeric(n_rows[occ_map$code])
  job_zones <- rbind(job_zones, zone_table("onet-task-text", text_map, "key", occ_map))
}

${step('compare')}
NUMERIC_KEYS <- c("threshold", "zone")
differences <- function(name, keys, values, ours) {
  theirs <- read_table(name, c(values, intersect(keys, NUMERIC_KEYS)))
  missing <- setdiff(c(keys, values), names(theirs))
  if (length(missing) > 0) return(sprintf("%s: the exported table lacks column(s) %s", name, paste(missing, collapse = ", ")))
  for (k in keys) {
    if (k %in% NUMERIC_KEYS) { ours[[k]] <- round(as.numeric(ours[[k]]), 9); theirs[[k]] <- round(theirs[[k]], 9) }
    else ours[[k]] <- as.character(ours[[k]])
  }
  ours <- ours[do.call(order, unname(as.list(ours[keys]))), , drop = FALSE]
  theirs <- theirs[do.call(order, unname(as.list(theirs[keys]))), , drop = FALSE]
  if (nrow(ours) != nrow(theirs)) return(sprintf("%s: %d exported rows, %d recomputed", name, nrow(theirs), nrow(ours)))
  out <- character()
  for (i in seq_len(nrow(ours))) {
    label <- paste(sprintf("%s=%s", keys, sapply(keys, function(k) theirs[[k]][i])), collapse = ", ")
    if (!all(sapply(keys, function(k) identical(ours[[k]][i], theirs[[k]][i])))) {
      out <- c(out, sprintf("%s: row %d is %s exported, %s recomputed", name, i, label,
                            paste(sapply(keys, function(k) ours[[k]][i]), collapse = ", ")))
      next
    }
    for (v in values) {
      a <- as.numeric(theirs[[v]][i]); b <- as.numeric(ours[[v]][i])
      if (is.na(a) && is.na(b)) next
      if (is.na(a) || is.na(b) || abs(a - b) > TOL) out <- c(out, sprintf("%s: %s %s exported %.17g, recomputed %.17g", name, label, v, a, b))
    }
  }
  out
}

results <- list(categories = categories, depth_curve = depth_curve, automation_split = automation_split, job_zones = job_zones)
failed <- character()
for (cmp in COMPARED) {
  diffs <- differences(cmp$table, cmp$keys, cmp$values, results[[cmp$table]])
  for (d in diffs) cat(d, "\n", sep = "")
  cat(sprintf("%s: %s\n", cmp$table, if (length(diffs) == 0) "match" else sprintf("%d difference(s)", length(diffs))))
  if (length(diffs) > 0) failed <- c(failed, cmp$table)
}
if (length(failed) > 0) {
  cat(sprintf("MISMATCH in %d of %d tables: %s (tolerance %g)\n", length(failed), length(COMPARED), paste(failed, collapse = ", "), TOL))
  quit(status = 1)
}
cat(sprintf("all %d tables match (tolerance %g)\n", length(COMPARED), TOL))
`;
