# Reads .dta files with haven (R's Stata reader, an independent implementation) and prints, per
# file, each column's class, value labels and cells as JSON (missing = null), for
# independent-readers.test.ts. Usage: Rscript read_dta.R file.dta ...
suppressPackageStartupMessages({ library(haven); library(jsonlite) })
out <- list()
for (path in commandArgs(trailingOnly = TRUE)) {
  df <- read_dta(path)
  cols <- lapply(names(df), function(n) {
    x <- df[[n]]
    labs <- attr(x, "labels")
    list(
      name = n,
      class = class(x)[length(class(x))],
      label = if (is.null(attr(x, "label"))) "" else attr(x, "label"),
      valueLabels = if (is.null(labs)) NULL else as.list(setNames(names(labs), as.character(unname(labs)))),
      # Numbers as "%.17g" text: JSON printing would round them to 15 digits.
      values = lapply(as.vector(unclass(x)), function(v) if (is.na(v)) NULL else if (is.numeric(v)) sprintf("%.17g", v) else v)
    )
  })
  out[[path]] <- cols
}
cat(toJSON(out, auto_unbox = TRUE, null = "null"))
