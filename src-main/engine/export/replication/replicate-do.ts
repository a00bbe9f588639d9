// replicate.do: the same steps as replicate.R in Stata 14+ (import delimited, tempfiles, joinby).
// Stata is not available where the tests run, so the test suite checks this file by structure
// (steps.ts: step headers, tables, columns, tolerance) while the R script is run for real.
import { COMPARED, TOLERANCE, stepHeader } from './steps';

const step = (id: string) => stepHeader('*', id);
// Stata's local macros open with a backtick, which a TS template literal cannot hold; « stands for it.
const tick = (text: string) => text.replace(/«/g, '`');
const compareCalls = COMPARED.map((c) => `compare_table ${c.table} "«${c.table}'" "${c.keys.join(' ')}" "${c.values.join(' ')}"`).join('\n');

export const REPLICATE_DO = tick(String.raw`* Task Atlas export: recompute the headline tables from csv/replication_*.csv and compare them with
* the exported results in csv/. Usage, from the export folder: stata -b do replicate.do
* (exits with return code 459 and lists every difference when a table does not match).
version 14
clear all
set more off
local tol = ${TOLERANCE}
global REPL_TOL = «tol'
local failed ""

* Every column as text (codes keep their leading zeros); the CSV writer's formula guard (a ' before
* text starting with = + - @ tab CR) is undone on text columns.
capture program drop read_table
program define read_table
    args name numeric
    quietly import delimited using "csv/«name'.csv", varnames(1) stringcols(_all) encoding("utf-8") bindquote(strict) case(preserve) clear
    foreach v of varlist _all {
        if strpos(" «numeric' ", " «v' ") {
            quietly destring «v', replace
            quietly recast double «v'
        }
        else quietly replace «v' = usubstr(«v', 2, .) if ustrregexm(«v', "^'[-=+@\t\r]")
    }
end

${step('read')}
foreach spec in "usage replication_usage_tasks pct" "stmts replication_task_statements" "majors replication_major_groups" ///
    "bls replication_bls_employment employment" "wages replication_wages jobZone" "patterns replication_patterns pct" ///
    "crosswalk replication_crosswalk" "onet_zones replication_onet_job_zones zone" "onet_tasks replication_onet_tasks" {
    gettoken file rest : spec
    gettoken table numeric : rest
    tempfile «file'
    read_table «table' "«numeric'"
    local n_«file' = _N
    quietly save "««file''", replace
}

${step('split')}
tempfile pct_by_key rows usage_by_group bls_last categories coverage depth_curve pattern_sums automation_split
use "«usage'", clear
gen key = ustrtrim(ustrlower(taskName))
* A task text listed twice in the usage file: the later row counts.
gen long order = _n
bysort key (order): keep if _n == _N
keep key pct
quietly save "«pct_by_key'"
use "«stmts'", clear
gen long row = _n
gen key = ustrtrim(ustrlower(task))
bysort key title (row): gen byte first_title = _n == 1
by key: egen double occurrences = total(first_title)
quietly merge m:1 key using "«pct_by_key'", keep(master match) nogenerate
gen double share = cond(missing(pct), 0, pct / occurrences)
quietly summarize share
local raw = r(sum)
gen double usagePct = cond(«raw' > 0, 100 * share / «raw', 0)
gen byte hasUsage = !missing(pct) & pct > 0
gen major = substr(code, 1, 2)
sort row
quietly save "«rows'"

${step('categories')}
collapse (sum) usagePct, by(major)
rename major code
quietly save "«usage_by_group'"
use "«bls'", clear
quietly summarize employment
local bls_total = r(sum)
gen long order = _n
bysort title (order): keep if _n == _N
keep title employment
quietly save "«bls_last'"
use "«majors'", clear
quietly merge m:1 code using "«usage_by_group'", keep(master match) generate(has_usage)
quietly merge m:1 title using "«bls_last'", keep(master match) generate(has_bls)
keep if has_usage == 3 | has_bls == 3
replace usagePct = 0 if missing(usagePct)
gen double blsPct = cond(«bls_total' != 0, 100 * employment / «bls_total', .)
rename employment blsEmployment
keep code title usagePct blsPct blsEmployment
quietly save "«categories'"

${step('depth')}
use "«rows'", clear
gen double used = hasUsage
collapse (mean) coverage = used, by(code)
quietly save "«coverage'"
clear
quietly set obs 101
gen double threshold = (_n - 1) / 100
cross using "«coverage'"
* The same 1e-12 slack as the app: 3 of 12 tasks reaches 25% despite float rounding.
gen double hit = coverage >= threshold - 1e-12
collapse (mean) shareOfOccupations = hit, by(threshold)
quietly save "«depth_curve'"

${step('automation')}
use "«patterns'", clear
replace pattern = ustrtrim(ustrlower(pattern))
keep if inlist(pattern, "directive", "feedback loop", "task iteration", "learning", "validation")
quietly summarize pct
local kept_total = r(sum)
local kept_n = _N
collapse (sum) pct, by(pattern)
quietly save "«pattern_sums'"
clear
quietly set obs 5
gen pattern = word("directive feedback_loop task_iteration learning validation", _n)
replace pattern = subinstr(pattern, "_", " ", .)
gen mode = cond(inlist(pattern, "directive", "feedback loop"), "automation", "augmentation")
quietly merge 1:1 pattern using "«pattern_sums'", keep(master match) nogenerate
replace pct = cond(missing(pct), 0, 100 * pct / «kept_total')
if «kept_n' == 0 | «kept_total' == 0 drop in 1/l
quietly save "«automation_split'"

${step('job_zones')}
* taskmap: (taskon, zone, weight) for a task row; occmap: (code, zone, weight). Appends 5 rows to «out'.
capture program drop zone_table
program define zone_table
    args variant rows taskmap taskon occmap out
    use "«rows'", clear
    keep if hasUsage
    joinby «taskon' using "«taskmap'"
    gen double conv = usagePct * weight
    collapse (sum) conv appearing = weight, by(zone)
    quietly summarize conv
    local conv_total = r(sum)
    quietly summarize appearing
    local appearing_total = r(sum)
    tempfile task_side
    quietly save "«task_side'"
    use "«rows'", clear
    keep code
    quietly duplicates drop
    joinby code using "«occmap'"
    quietly levelsof code
    local n_occ = r(r)
    if «n_occ' == . local n_occ = 0
    collapse (sum) occupations = weight, by(zone)
    tempfile occ_side
    quietly save "«occ_side'"
    clear
    quietly set obs 5
    gen double zone = _n
    quietly merge 1:1 zone using "«task_side'", keep(master match) nogenerate
    quietly merge 1:1 zone using "«occ_side'", keep(master match) nogenerate
    foreach v in conv appearing occupations {
        replace «v' = 0 if missing(«v')
    }
    gen double convPct = cond(«conv_total' > 0, 100 * conv / «conv_total', 0)
    gen double basePct = cond(«appearing_total' > 0, 100 * appearing / «appearing_total', 0)
    gen double repRatio = cond(basePct > 0, convPct / basePct, 0)
    gen double occupationPct = cond(«n_occ' > 0, 100 * occupations / «n_occ', 0)
    gen variant = "«variant'"
    keep variant zone convPct basePct repRatio occupationPct occupations
    capture append using "«out'"
    quietly save "«out'", replace
end

tempfile job_zones wage_map zone_of cw_map text_map occ_map zone_to mixed keys_listed listed
use "«wages'", clear
gen long order = _n
bysort code (order): keep if _n == _N
drop if missing(jobZone)
rename jobZone zone
gen double weight = 1
keep code zone weight
quietly save "«wage_map'"
clear
gen variant = ""
quietly save "«job_zones'", emptyok
zone_table "release-wage-data" "«rows'" "«wage_map'" code "«wage_map'" "«job_zones'"
use "«onet_zones'", clear
gen long order = _n
bysort code (order): keep if _n == _N
keep code zone
quietly save "«zone_of'"
if «n_onet_zones' > 0 & «n_crosswalk' > 0 {
    use "«zone_of'", clear
    rename code codeTo
    quietly save "«zone_to'"
    use "«crosswalk'", clear
    quietly merge m:1 codeTo using "«zone_to'", keep(match) nogenerate
    bysort codeFrom: gen double weight = 1 / _N
    rename codeFrom code
    keep code zone weight
    quietly save "«cw_map'"
    zone_table "onet-crosswalk" "«rows'" "«cw_map'" code "«cw_map'" "«job_zones'"
}
if «n_onet_zones' > 0 & «n_onet_tasks' > 0 {
    use "«onet_tasks'", clear
    quietly merge m:1 code using "«zone_of'", keep(match) nogenerate
    gen key = ustrtrim(ustrlower(task))
    gen double n = 1
    collapse (sum) n, by(key zone)
    bysort key: egen double n_key = total(n)
    gen double weight = n / n_key
    keep key zone weight
    quietly save "«text_map'"
    * Per occupation: the mean zone mix over its task rows whose text current O*NET still lists.
    use "«rows'", clear
    keep code key
    joinby key using "«text_map'"
    quietly save "«mixed'"
    use "«text_map'", clear
    keep key
    quietly duplicates drop
    quietly save "«keys_listed'"
    use "«rows'", clear
    keep code key
    quietly merge m:1 key using "«keys_listed'", keep(match) nogenerate
    gen double one = 1
    collapse (sum) n_rows = one, by(code)
    quietly save "«listed'"
    use "«mixed'", clear
    collapse (sum) weight, by(code zone)
    quietly merge m:1 code using "«listed'", keep(match) nogenerate
    replace weight = weight / n_rows
    keep code zone weight
    quietly save "«occ_map'"
    zone_table "onet-task-text" "«rows'" "«text_map'" key "«occ_map'" "«job_zones'"
}

${step('compare')}
* Sorts both sides by the keys and compares row by row: values within the tolerance, missing = missing.
capture program drop compare_table
program define compare_table, rclass
    args name ours keys values
    local all_numeric_keys $REPL_NUMERIC_KEYS
    local numeric_keys : list keys & all_numeric_keys
    read_table «name' "«values' «numeric_keys'"
    foreach k of local numeric_keys {
        quietly replace «k' = round(«k', 1e-9)
    }
    sort «keys'
    gen long _row = _n
    tempfile theirs
    quietly save "«theirs'"
    use "«ours'", clear
    foreach k of local numeric_keys {
        quietly replace «k' = round(«k', 1e-9)
    }
    sort «keys'
    gen long _row = _n
    foreach v in «keys' «values' {
        rename «v' o_«v'
    }
    quietly merge 1:1 _row using "«theirs'"
    local n_diff = 0
    quietly count if _merge != 3
    if r(N) > 0 {
        display "«name': the exported and recomputed tables have different row counts"
        local n_diff = 1
    }
    else {
        gen byte bad = 0
        foreach k of local keys {
            quietly replace bad = 1 if o_«k' != «k'
        }
        foreach v of local values {
            gen byte bad_«v' = !(missing(o_«v') & missing(«v')) & (missing(o_«v') | missing(«v') | abs(o_«v' - «v') > $REPL_TOL)
            quietly count if bad_«v' & !bad
            local n_diff = «n_diff' + r(N)
            if r(N) > 0 {
                display "«name': «v' exported vs recomputed differ in:"
                list «keys' «v' o_«v' if bad_«v' & !bad, noobs clean
            }
        }
        quietly count if bad
        local n_diff = «n_diff' + r(N)
        if r(N) > 0 {
            display "«name': key columns differ in:"
            list «keys' o_* if bad, noobs clean
        }
    }
    if «n_diff' == 0 display "«name': match"
    else display "«name': «n_diff' difference(s)"
    return scalar n = «n_diff'
end

global REPL_NUMERIC_KEYS threshold zone
local n_failed = 0
${compareCalls.split('\n').map((line) => `${line}\nif r(n) > 0 {\n    local failed "«failed' ${line.split(' ')[1]}"\n    local n_failed = «n_failed' + 1\n}`).join('\n')}
if «n_failed' > 0 {
    display "MISMATCH in «n_failed' of ${COMPARED.length} tables:«failed' (tolerance «tol')"
    exit 459
}
display "all ${COMPARED.length} tables match (tolerance «tol')"
`);
