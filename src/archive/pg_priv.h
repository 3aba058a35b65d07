/* pg_priv: what the PostgreSQL backend's files share. */
#ifndef BRIEF_PG_PRIV_H
#define BRIEF_PG_PRIV_H

#include "pg_lib.h"

#include "brief/archive/archive.h"

struct pg {
	PGconn *db;
	char *name;         /* the URI without its password, for messages */
	char hash[17];      /* file_get's answer */
};

/* Fill e for the failed result r (NULL: the connection's error) as
 * "NAME: reason", return -1. */
int pg_fail(struct pg *p, const PGresult *r, struct err *e);
/* Run sql with the text parameters v[0..n) ($1..$n; NULL: SQL NULL).
 * The result, or NULL with e set. */
PGresult *pg_run(struct pg *p, const char *sql, int n,
		 const char *const *v, struct err *e);
/* A fresh copy of row i, column j (NULL stays NULL). */
char *pg_value(const PGresult *r, int i, int j);

int pg_search(void *h, const struct aq *q, size_t limit,
	      struct archive_hits *out, struct err *e);
int pg_entity(void *h, const char *name, struct archive_entity_report *out,
	      struct err *e);

#endif
