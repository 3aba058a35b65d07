/* pg_lib: libpq, loaded with dlopen when the first PostgreSQL archive is
 * opened: a reader that never opens one does not load it, nor the TLS,
 * Kerberos and LDAP libraries it needs, at start-up. */
#ifndef BRIEF_PG_LIB_H
#define BRIEF_PG_LIB_H

#include <libpq-fe.h>

#include "brief/base/dynlib.h"

/* The functions (and variables) brief uses, as X(T, name) entries. */
#define PG_LIB_SYMS(X, T) \
	X(T, PQconnectdb) \
	X(T, PQstatus) \
	X(T, PQsetNoticeProcessor) \
	X(T, PQfinish) \
	X(T, PQerrorMessage) \
	X(T, PQexec) \
	X(T, PQexecParams) \
	X(T, PQresultStatus) \
	X(T, PQresultErrorField) \
	X(T, PQclear) \
	X(T, PQntuples) \
	X(T, PQnfields) \
	X(T, PQcmdTuples) \
	X(T, PQgetvalue) \
	X(T, PQgetisnull)

/* A pointer to each, filled by pg_lib_load. */
struct pg_lib {
	PG_LIB_SYMS(DYNLIB_MEMBER, pg_lib)
};

extern struct pg_lib pg_lib;

/* Load libpq once; 0, or -1 with e set, for the archive name (brief
 * then has no PostgreSQL archive; everything else works). */
int pg_lib_load(const char *name, struct err *e);

/* Below, each name calls through the table (PG_LIB_TABLE: the loader's
 * file, which needs the names themselves). */
#ifndef PG_LIB_TABLE
#define PQconnectdb (pg_lib.PQconnectdb)
#define PQstatus (pg_lib.PQstatus)
#define PQsetNoticeProcessor (pg_lib.PQsetNoticeProcessor)
#define PQfinish (pg_lib.PQfinish)
#define PQerrorMessage (pg_lib.PQerrorMessage)
#define PQexec (pg_lib.PQexec)
#define PQexecParams (pg_lib.PQexecParams)
#define PQresultStatus (pg_lib.PQresultStatus)
#define PQresultErrorField (pg_lib.PQresultErrorField)
#define PQclear (pg_lib.PQclear)
#define PQntuples (pg_lib.PQntuples)
#define PQnfields (pg_lib.PQnfields)
#define PQcmdTuples (pg_lib.PQcmdTuples)
#define PQgetvalue (pg_lib.PQgetvalue)
#define PQgetisnull (pg_lib.PQgetisnull)
#endif

#endif
