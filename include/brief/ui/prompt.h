/* prompt: the one-line editor for search (/) and commands (:).  UTF-8
 * input, cursor keys, Backspace, Ctrl-A/Ctrl-E/Ctrl-U. */
#ifndef BRIEF_PROMPT_H
#define BRIEF_PROMPT_H

#include <stddef.h>

struct prompt {
	char lead;           /* '/' or ':' */
	char buf[1024];
	size_t len, cur;     /* bytes */
};

enum { PROMPT_EDIT, PROMPT_ACCEPT, PROMPT_CANCEL, PROMPT_MOVED };

void prompt_start(struct prompt *p, char lead);
/* Put text in the line, the cursor at its end (cut to fit). */
void prompt_set(struct prompt *p, const char *text);
/* A key: a character when fn is 0, else a curses key code. */
int prompt_key(struct prompt *p, int key, int fn);
/* Draw at row y, width w. */
void prompt_draw(const struct prompt *p, int y, int w);

#endif
