// ReadStat (libreadstat-dev), the C library R's haven and Python's pyreadstat are built on: it writes SPSS (.sav)
// and Stata (.dta) files with variable labels, value labels and user-missing values.
#include <readstat.h>
