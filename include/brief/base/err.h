/* err: the error message that model code fills when it fails.  A function
 * that can fail returns a status (NULL, -1, or a documented code) and
 * fills a struct err; only cli and ui print it. */
#ifndef BRIEF_ERR_H
#define BRIEF_ERR_H

/* An error message as shown to the user after "brief: ", e.g.
 * "FILE:LINE:COL: message" or "FILE: reason". */
struct err {
	char text[1024];
};

/* Format a message into *e (e may be NULL: then nothing happens). */
void err_set(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
