/* keymap: the key actions (declared once in actions.def with their help
 * text), their default bindings, and lookup. */
#ifndef BRIEF_KEYMAP_H
#define BRIEF_KEYMAP_H

#include <stddef.h>

enum action {
	ACT_NONE = 0,
#define ACTION(name, keys, help, handler) ACT_##name,
#include "brief/ui/actions.def"
#undef ACTION
	ACT_COUNT
};

/* Build the binding table (once, before keymap_lookup). */
void keymap_init(void);
/* The action bound to a key: a character (fn 0) or a curses function
 * key code (fn 1).  ACT_NONE when unbound. */
enum action keymap_lookup(int key, int fn);
/* The keys and help text of action a, for the help screen. */
const char *keymap_keys(enum action a);
const char *keymap_help(enum action a);

#endif
