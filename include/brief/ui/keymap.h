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
/* bind KEY ACTION (after keymap_init): key as written in actions.def (a
 * character, C-x, Up, PgDn, F1 ...).  -1 when the key cannot be bound. */
int keymap_bind(const char *key, int action);
/* Can key be bound (written as bind takes it)? */
int keymap_key_valid(const char *key);
/* The action called name (quit, page-down or page_down ...; "none" is
 * ACT_NONE), or -1. */
int keymap_action_named(const char *name);
/* An action's name as bind takes it: lower case, words joined by '-'. */
const char *keymap_action_name(enum action a);
/* The keys (in effect: after bind) and help text of action a, for the
 * help screen. */
const char *keymap_keys(enum action a);
const char *keymap_help(enum action a);

#endif
