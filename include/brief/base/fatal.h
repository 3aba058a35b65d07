/* fatal: the one way out when brief cannot go on (memory exhausted, a
 * broken invariant).  The terminal is restored first (the hook that the
 * terminal layer registers), then "brief: MESSAGE" goes to standard
 * error and the process stops.  The only base module that writes to
 * standard error.  Model code that can fail on bad input returns a
 * status and fills struct err instead. */
#ifndef BRIEF_FATAL_H
#define BRIEF_FATAL_H

/* The function that puts the terminal back the way it was (endwin and
 * the like), called by fatal before it prints; NULL: none.  It is called
 * once at most, even when it fails fatally itself. */
void fatal_set_hook(void (*restore)(void));

/* Restore the terminal (the hook, once), print "brief: " and the message
 * (control characters shown visibly) and a line feed to stderr, and stop
 * with exit status 1 (EXIT_FAIL), without running atexit handlers or
 * flushing half-written output. */
void fatal(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

#endif
