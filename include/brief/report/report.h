/* report: what the batch outputs share -- their return statuses, the
 * progress they tell, and the check that an output is made only of bytes
 * the articles' files still hold.  Each output writes to a FILE given to
 * it; nothing below report/ writes at all. */
#ifndef BRIEF_REPORT_H
#define BRIEF_REPORT_H

#include <stddef.h>

#include "brief/text/library.h"

/* What an output returns: done; a write failed (e may hold a message to
 * show, else it is empty); bad input, e says what (such as "FILE: file
 * changed while being read": an output is never made of bytes a file no
 * longer holds). */
enum { REPORT_OK = 0, REPORT_EWRITE = -1, REPORT_EINPUT = -2 };

/* How a long output tells its progress (a bar the caller draws); any
 * member, or the whole struct, may be NULL. */
struct report_progress {
	void (*start)(const char *label, size_t total);
	void (*update)(size_t done);
	void (*end)(void);
};

/* 0 while every article's file is as it was read, else -1 and e set
 * ("FILE: file changed while being read"): checked before an output is
 * written, so that none is made of bytes the file no longer has. */
int report_library_check(const struct library *lib, struct err *e);

/* Tell p (may be NULL) that work starts, advances or ends. */
void report_progress_start(const struct report_progress *p,
			   const char *label, size_t total);
void report_progress_update(const struct report_progress *p, size_t done);
void report_progress_end(const struct report_progress *p);

#endif
