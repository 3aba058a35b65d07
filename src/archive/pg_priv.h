/* pg_priv: what the PostgreSQL backend's files share. */
#ifndef BRIEF_PG_PRIV_H
#define BRIEF_PG_PRIV_H

#include <libpq-fe.h>

#include "brief/archive/archive.h"

/* libpq, loaded when the first PostgreSQL archive is opened (pg_lib.c):
 * a reader that never opens one does not load it and the libraries it
 * needs (TLS, Kerberos, LDAP) at start-up.  The PQ names below call
 * through this table. */
struct pg_lib {
	PGconn *(*connectdb)(const char *conninfo);
	ConnStatusType (*status)(const PGconn *conn);
	PQnoticeProcessor (*set_notice_processor)(PGconn *conn,
						  PQnoticeProcessor proc,
						  void *arg);
	void (*finish)(PGconn *conn);
	char *(*error_message)(const PGconn *conn);
	PGresult *(*exec)(PGconn *conn, const char *query);
	PGresult *(*exec_params)(PGconn *conn, const char *command,
				 int n, const Oid *types,
				 const char *const *values, const int *lengths,
				 const int *formats, int result_format);
	ExecStatusType (*result_status)(const PGresult *res);
	char *(*result_error_field)(const PGresult *res, int code);
	void (*clear)(PGresult *res);
	int (*ntuples)(const PGresult *res);
	int (*nfields)(const PGresult *res);
	char *(*cmd_tuples)(PGresult *res);
	char *(*getvalue)(const PGresult *res, int row, int col);
	int (*getisnull)(const PGresult *res, int row, int col);
};

extern struct pg_lib pg_lib;

/* Load libpq once; 0, or -1 with e set (brief then has no PostgreSQL
 * archive, but everything else works). */
int pg_lib_load(struct err *e);

#ifndef BRIEF_PG_LIB_TABLE
#define PQconnectdb (pg_lib.connectdb)
#define PQstatus (pg_lib.status)
#define PQsetNoticeProcessor (pg_lib.set_notice_processor)
#define PQfinish (pg_lib.finish)
#define PQerrorMessage (pg_lib.error_message)
#define PQexec (pg_lib.exec)
#define PQexecParams (pg_lib.exec_params)
#define PQresultStatus (pg_lib.result_status)
#define PQresultErrorField (pg_lib.result_error_field)
#define PQclear (pg_lib.clear)
#define PQntuples (pg_lib.ntuples)
#define PQnfields (pg_lib.nfields)
#define PQcmdTuples (pg_lib.cmd_tuples)
#define PQgetvalue (pg_lib.getvalue)
#define PQgetisnull (pg_lib.getisnull)
#endif

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
