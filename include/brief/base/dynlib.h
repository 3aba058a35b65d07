/* dynlib: a shared library loaded when it is first needed (dlopen), not
 * at start-up, and the addresses of its functions and variables put in a
 * table of pointers.  A mode that never needs the library never loads it
 * (nor the libraries it needs). */
#ifndef BRIEF_DYNLIB_H
#define BRIEF_DYNLIB_H

#include <pthread.h>
#include <stddef.h>

#include "brief/base/err.h"

/* A symbol's name and the offset of its pointer in the table. */
struct dynlib_sym {
	const char *name;
	size_t at;
};

/* A library: its soname, what it gives (for messages: "e-mail"), its
 * symbols, the table they go to, a function called once after they are
 * found (or NULL).  Static; lock and loaded start as DYNLIB_STATE. */
struct dynlib {
	const char *soname;
	const char *what;
	const struct dynlib_sym *syms;
	size_t nsyms;
	void *table;
	void (*init)(void);
	pthread_mutex_t lock;
	int loaded;
};

#define DYNLIB_STATE PTHREAD_MUTEX_INITIALIZER, 0

/* Load d once (every symbol found, init called) for the file name (or
 * NULL); 0, or -1 with e set ("NAME: WHAT needs SONAME (why)"), and again
 * -1 on each later call. */
int dynlib_load(struct dynlib *d, const char *name, struct err *e);

/* A library's symbols are listed once, as SYMS(X, T) expanding to
 * X(T, name) for each.  DYNLIB_MEMBER makes the table's pointer of each
 * (struct T { SYMS(DYNLIB_MEMBER, T) };), DYNLIB_DEFINE the table T, its
 * symbol list and the loader int T_load(const char *name, struct err *e)
 * (dynlib_load; in the loader's
 * file, where the names are not bound to the table). */
#define DYNLIB_MEMBER(T, name) __typeof__(name) *name;
#define DYNLIB_SYM(T, name) {#name, offsetof(struct T, name)},
#define DYNLIB_DEFINE(T, SYMS, soname, what, init)                          \
	struct T T;                                                          \
	static const struct dynlib_sym T##_syms[] = {SYMS(DYNLIB_SYM, T)};   \
	static struct dynlib T##_dl = {soname, what, T##_syms,               \
				       sizeof T##_syms / sizeof T##_syms[0], \
				       &T, init, DYNLIB_STATE};              \
	int T##_load(const char *name, struct err *e)                        \
	{                                                                    \
		return dynlib_load(&T##_dl, name, e);                        \
	}

#endif
