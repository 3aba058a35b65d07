/* pg_lib: libpq loaded with dlopen when a PostgreSQL archive is first
 * opened, so that start-up does not load it and its dependencies. */
#define BRIEF_PG_LIB_TABLE
#include "pg_priv.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>

struct pg_lib pg_lib;

/* The soname of libpq's ABI (unchanged since PostgreSQL 8.0). */
#define PG_SONAME "libpq.so.5"

static const struct {
	const char *name;
	size_t at; /* offset of the pointer in struct pg_lib */
} syms[] = {
	{"PQconnectdb", offsetof(struct pg_lib, connectdb)},
	{"PQstatus", offsetof(struct pg_lib, status)},
	{"PQsetNoticeProcessor", offsetof(struct pg_lib, set_notice_processor)},
	{"PQfinish", offsetof(struct pg_lib, finish)},
	{"PQerrorMessage", offsetof(struct pg_lib, error_message)},
	{"PQexec", offsetof(struct pg_lib, exec)},
	{"PQexecParams", offsetof(struct pg_lib, exec_params)},
	{"PQresultStatus", offsetof(struct pg_lib, result_status)},
	{"PQresultErrorField", offsetof(struct pg_lib, result_error_field)},
	{"PQclear", offsetof(struct pg_lib, clear)},
	{"PQntuples", offsetof(struct pg_lib, ntuples)},
	{"PQnfields", offsetof(struct pg_lib, nfields)},
	{"PQcmdTuples", offsetof(struct pg_lib, cmd_tuples)},
	{"PQgetvalue", offsetof(struct pg_lib, getvalue)},
	{"PQgetisnull", offsetof(struct pg_lib, getisnull)},
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int loaded;

int pg_lib_load(struct err *e)
{
	void *h;
	size_t i;
	int rc = 0;

	pthread_mutex_lock(&lock);
	if (loaded)
		goto out;
	h = dlopen(PG_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (h == NULL) {
		err_set(e, "PostgreSQL archives need libpq (%s)", dlerror());
		rc = -1;
		goto out;
	}
	for (i = 0; i < sizeof syms / sizeof syms[0]; i++) {
		void *f = dlsym(h, syms[i].name);

		if (f == NULL) {
			err_set(e, "PostgreSQL archives need libpq: %s has no %s",
				PG_SONAME, syms[i].name);
			dlclose(h);
			rc = -1;
			goto out;
		}
		/* POSIX: a function's address returned as void * */
		memcpy((char *)&pg_lib + syms[i].at, &f, sizeof f);
	}
	loaded = 1;
out:
	pthread_mutex_unlock(&lock);
	return rc;
}
