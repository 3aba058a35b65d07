/* rx: PCRE2 compilation with brief's options (UTF, UCP, lazy JIT) and
 * matching.  Patterns from data files: brief/yaml/rx_node.h. */
#ifndef BRIEF_RX_H
#define BRIEF_RX_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "brief/base/ser.h"
#include "brief/base/util.h"

/* For rx_compile_node (brief/yaml/rx_node.h): \b, \w and \d by ASCII
 * rules, not Unicode ones (much faster where the words are ASCII, as in
 * topic patterns). */
#define RX_ASCII_WORDS PCRE2_NEVER_UCP

/* Compile a pattern typed by the user; e gets "MESSAGE at offset N". */
pcre2_code *rx_compile(const char *pattern, size_t len, uint32_t options,
		       struct err *e);
/* The same for a pattern a user typed: no JIT.  PCRE2 10.42's JIT
 * crashes on some patterns in UCP mode (fuzzing found ".\\bG?"); the
 * interpreter does not, and what a user types runs on little text. */
pcre2_code *rx_compile_typed(const char *pattern, size_t len,
			     uint32_t options, struct err *e);
/* Compile with UTF and exactly the options given (no UCP added); with
 * jit, for JIT as rx_compile.  e gets "MESSAGE at offset N". */
pcre2_code *rx_compile_as(const char *pattern, size_t len, uint32_t options,
			  int jit, struct err *e);
/* The literal gate rx_compile_as gives a JIT pattern (jit 1), for re
 * compiled elsewhere (rx_load) from pattern[0, len) with options (as
 * rx_compile_as got them). */
void rx_gate_attach(const pcre2_code *re, const char *pattern, size_t len,
		    uint32_t options);
/* Turn JIT compiling off (0) or on (1, the default) for the patterns
 * compiled from then on; valgrind cannot follow JIT code. */
void rx_use_jit(int on);
/* JIT-compile now every pattern still waiting for its lazy turn: after
 * it, matching changes no shared state, so threads may match at once
 * (mark/parallel.c calls it before starting workers). */
void rx_jit_now(void);
/* Free a pattern compiled here (every pattern of rx_compile and
 * rx_compile_node must be freed so: its JIT compiling is lazy). */
void rx_free(pcre2_code *re);
/* Append re (compiled here; NULL allowed) to b (see ser.h), in PCRE2's
 * serialised form: the same PCRE2 build must read it back. */
void rx_save(const pcre2_code *re, struct buf *b);
/* A pattern read back from d (NULL when NULL was saved), made ready for
 * lazy JIT as rx_compile's when jit; d->bad set when it cannot be read
 * (then NULL).  Free it with rx_free. */
pcre2_code *rx_load(struct deser *d, int jit);
/* PCRE2's version as a string (a cache of serialised patterns is keyed
 * by it). */
const char *rx_version(void);
/* Match at or after start in s; returns 1 and fills *ms, *me on a match.
 * A pattern compiled for JIT is JIT-compiled after a few dozen matches. */
int rx_find(const pcre2_code *re, pcre2_match_data *md, const char *s,
	    size_t len, size_t start, uint32_t options, size_t *ms,
	    size_t *me);
/* Byte range of named group name in the last match, 0 if it did not take
 * part. */
int rx_group(const pcre2_code *re, pcre2_match_data *md, const char *name,
	     size_t *gs, size_t *ge);

#endif
