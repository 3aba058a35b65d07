/* sqlite_priv: what the SQLite backend's files share. */
#ifndef BRIEF_SQLITE_PRIV_H
#define BRIEF_SQLITE_PRIV_H

#include <sqlite3.h>

#include "brief/archive/archive.h"

struct sq {
	sqlite3 *db;
	char *path;
	char hash[17];      /* file_get's answer */
};

/* Fill e for SQLite's status rc on s ("PATH: reason"), return -1. */
int sq_fail(struct sq *s, int rc, struct err *e);
/* Prepare sql; NULL and e set. */
sqlite3_stmt *sq_prepare(struct sq *s, const char *sql, struct err *e);
/* Bind s (NULL: SQL NULL) as parameter i. */
int sq_bind_text(sqlite3_stmt *st, int i, const char *s);
/* A fresh copy of column i (NULL stays NULL). */
char *sq_column(sqlite3_stmt *st, int i);

int sq_search(void *h, const struct aq *q, size_t limit,
	      struct archive_hits *out, struct err *e);
int sq_entity(void *h, const char *name, struct archive_entity_report *out,
	      struct err *e);

#endif
