/* term: the terminal under the reader -- opening it (stdin and stdout,
 * else /dev/tty; no terminal at all for a key script), its modes, the
 * signals that stop the reader, and giving the terminal back, also from
 * a signal handler or a fatal error. */
#ifndef BRIEF_TERM_H
#define BRIEF_TERM_H

#include <stddef.h>

/* Open the screen and set the reader's modes; headless: draw into
 * nothing (a key script's run, at the size LINES and COLUMNS give).
 * Catches SIGINT, SIGTERM and SIGHUP.  0, or -1 when there is no
 * terminal. */
int term_open(int headless);
/* Give the terminal back (nothing when it is not open). */
void term_close(void);
/* The signal that asked the reader to stop, or 0. */
int term_signal(void);
/* Tell the signal handler whether notes are unsaved (it says so). */
void term_set_unsaved(int unsaved);
/* Run the shell command cmd with the terminal given back meanwhile:
 * its exit status (-1 when it could not run). */
int term_run_outside(const char *cmd);

/* Write n bytes as they are to the terminal (an OSC 52 sequence, say);
 * the caller makes sure they are safe. */
void term_send(const char *s, size_t n);

#endif
