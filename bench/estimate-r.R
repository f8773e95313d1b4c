# The same estimates with R's survey package (the reference implementation):
#   Rscript bench/estimate-r.R <respondents.csv> <out.csv>
# Design as the estimator reads a synthetic file: strata lan, PSUs kommun (nested), weights vikt,
# lonely PSUs "adjust"; items coded 1 yes, 2 no, 9/empty missing; domains = every combination of
# region (lan or nation), sex (kon or total) and age band (aldersgrupp or total).
# Prints the seconds spent in svydesign + svymean/svyby (reading the file is not timed).
suppressMessages(library(survey))
options(survey.lonely.psu = "adjust")
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], colClasses = "character")
d$w <- as.numeric(d$vikt)
items <- setdiff(names(d), c("lopnr", "syntetisk", "ar", "lan", "kommun", "kon", "aldersgrupp", "vikt", "w"))
for (it in items) d[[it]] <- ifelse(d[[it]] == "1", 1, ifelse(d[[it]] %in% c("9", ""), NA, 0))
d$kon <- ifelse(d$kon == "2", "K", "M")
t0 <- Sys.time()
des <- svydesign(ids = ~kommun, strata = ~lan, weights = ~w, data = d, nest = TRUE)
out <- list()
for (it in items) {
  sub <- des[!is.na(d[[it]]), ]
  f <- as.formula(paste0("~", it))
  m <- svymean(f, sub)
  out[[length(out) + 1]] <- data.frame(item = it, region = "00", sex = "T", age = "total", p = coef(m)[[1]], se = SE(m)[[1]])
  for (by in list("lan", "kon", "aldersgrupp", c("lan", "kon"), c("lan", "aldersgrupp"), c("kon", "aldersgrupp"), c("lan", "kon", "aldersgrupp"))) {
    b <- svyby(f, as.formula(paste0("~", paste(by, collapse = "+"))), sub, svymean)
    out[[length(out) + 1]] <- data.frame(item = it,
      region = if ("lan" %in% by) as.character(b$lan) else "00",
      sex = if ("kon" %in% by) as.character(b$kon) else "T",
      age = if ("aldersgrupp" %in% by) as.character(b$aldersgrupp) else "total",
      p = b[[it]], se = b$se)
  }
}
secs <- as.numeric(difftime(Sys.time(), t0, units = "secs"))
write.csv(do.call(rbind, out), args[2], row.names = FALSE)
cat(sprintf("%.3f\n", secs))
