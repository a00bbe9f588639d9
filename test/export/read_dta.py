# Reads .dta files with pandas (an independent Stata reader) and prints, per file, each column's
# dtype, the value labels and the cells as JSON (missing = null), for independent-readers.test.ts.
import json
import math
import sys

import pandas as pd


def cell(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if hasattr(v, "item"):
        v = v.item()
    return v


out = {}
for path in sys.argv[1:]:
    # Codes, not labels: the test maps them through the value labels itself.
    df = pd.read_stata(path, convert_categoricals=False)
    with pd.io.stata.StataReader(path) as reader:
        labels = reader.value_labels()
        var_labels = reader.variable_labels()
    out[path] = {
        "columns": [{"name": c, "dtype": str(df[c].dtype), "label": var_labels.get(c, "")} for c in df.columns],
        "valueLabels": {k: {str(code): text for code, text in v.items()} for k, v in labels.items()},
        "rows": [[cell(v) for v in row] for row in df.itertuples(index=False, name=None)],
    }
json.dump(out, sys.stdout)
