/* pg_lib: libpq's functions, found when the first PostgreSQL archive is
 * opened. */
#define PG_LIB_TABLE
#include "pg_lib.h"

/* libpq.so.5: the soname of libpq's ABI (unchanged since PostgreSQL 8.0) */
DYNLIB_DEFINE(pg_lib, PG_LIB_SYMS, "libpq.so.5", "a PostgreSQL archive",
	      NULL)
