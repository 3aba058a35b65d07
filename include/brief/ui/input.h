/* input: where the reader's keys come from -- the terminal, or a key
 * script (tig's way of testing): the script's keys are fed to the real
 * input loop, and the screen is written to a dump file where the script
 * says so, as text, one line per row, at the screen's fixed size.
 *
 * A script is UTF-8 text: each character is a key, except newlines
 * (ignored, to lay the script out), lines starting with '#' (comments),
 * and names in angle brackets: <Enter> <Esc> <Tab> <Space> <BS> <Up>
 * <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End> <C-x> (Ctrl-x) <lt>
 * ('<'), the mouse at a cell (0-based column and row): <click X Y>
 * <sclick X Y> (with shift) <wheelup X Y> <wheeldown X Y>, and <dump
 * TITLE>, which appends "=== TITLE" and the screen to the dump file (the
 * text cursor as a line "~ text cursor: C"). */
#ifndef BRIEF_INPUT_H
#define BRIEF_INPUT_H

#include "brief/base/util.h"

enum { INPUT_KEY, INPUT_NONE, INPUT_END };

/* Take keys from the script file from now on, dumping screens to dump
 * (created afresh).  0, or -1 with e set. */
int input_script(const char *script, const char *dump, struct err *e);
/* Is a key script running? */
int input_scripted(void);
/* The next key within wait_ms milliseconds (-1: until there is one):
 * INPUT_KEY with *key (a character, or a curses key code when *fn is
 * set), INPUT_NONE when none came, INPUT_END when the script has ended.
 * A script's keys come only when the caller waits (wait_ms not 0): the
 * reader's idle work is done first, so that every run is the same. */
int input_get(int wait_ms, int *key, int *fn);
/* The key typed straight after the last one (within 30 ms; in a script,
 * the next step when it is a key), for Alt-Enter: INPUT_KEY or
 * INPUT_NONE. */
int input_get_soon(int *key, int *fn);
/* Put a key back: the next input_get returns it. */
void input_unget(int key, int fn);
/* Stop reading the script and close the dump (after the screen closed). */
void input_done(void);

#endif
