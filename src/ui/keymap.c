/* keymap: bindings generated from actions.def. */
#include "brief/ui/keymap.h"

#include <curses.h>
#include <string.h>

static const char *const keys_of[ACT_COUNT] = {
	[ACT_NONE] = "",
#define ACTION(name, keys, help, handler) [ACT_##name] = keys,
#include "brief/ui/actions.def"
#undef ACTION
};

static const char *const help_of[ACT_COUNT] = {
	[ACT_NONE] = "",
#define ACTION(name, keys, help, handler) [ACT_##name] = help,
#include "brief/ui/actions.def"
#undef ACTION
};

#define MAX_KEY 1024
static unsigned char bound_fn[MAX_KEY];   /* function keys (KEY_*) */
static unsigned char bound_ch[128];       /* characters */

/* A key name to a code; *fn set for function keys. */
static int key_code(const char *k, size_t n, int *fn)
{
	static const struct {
		const char *name;
		int code;
	} named[] = {
		{"Up", KEY_UP},       {"Down", KEY_DOWN},    {"PgUp", KEY_PPAGE},
		{"PgDn", KEY_NPAGE},  {"Home", KEY_HOME},    {"End", KEY_END},
		{"Tab", '\t'},        {"Enter", '\n'},       {"Esc", 27},
		{"Space", ' '},       {"Left", KEY_LEFT},    {"Right", KEY_RIGHT},
	};
	size_t i;

	*fn = 0;
	if (n == 1)
		return (unsigned char)k[0];
	if (n == 3 && k[0] == 'C' && k[1] == '-')
		return k[2] & 0x1f;
	for (i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strlen(named[i].name) == n &&
		    memcmp(named[i].name, k, n) == 0) {
			*fn = named[i].code >= KEY_MIN;
			return named[i].code;
		}
	return -1;
}

void keymap_init(void)
{
	int a;

	memset(bound_fn, 0, sizeof bound_fn);
	memset(bound_ch, 0, sizeof bound_ch);
	for (a = 1; a < ACT_COUNT; a++) {
		const char *p = keys_of[a];

		while (*p) {
			size_t n = strcspn(p, " ");
			int fn, code = key_code(p, n, &fn);

			if (fn && code < MAX_KEY && !bound_fn[code])
				bound_fn[code] = (unsigned char)a;
			else if (!fn && code >= 0 && code < 128 &&
				 !bound_ch[code])
				bound_ch[code] = (unsigned char)a;
			p += n;
			while (*p == ' ')
				p++;
		}
	}
	/* Enter in the reading view moves down a line, as in less */
	if (!bound_fn[KEY_ENTER])
		bound_fn[KEY_ENTER] = ACT_DOWN;
	if (!bound_ch['\n'])
		bound_ch['\n'] = ACT_DOWN;
	if (!bound_ch['\r'])
		bound_ch['\r'] = ACT_DOWN;
}

enum action keymap_lookup(int key, int fn)
{
	if (fn)
		return key > 0 && key < MAX_KEY ? (enum action)bound_fn[key]
						: ACT_NONE;
	return key >= 0 && key < 128 ? (enum action)bound_ch[key] : ACT_NONE;
}

const char *keymap_keys(enum action a)
{
	return a < ACT_COUNT ? keys_of[a] : "";
}

const char *keymap_help(enum action a)
{
	return a < ACT_COUNT ? help_of[a] : "";
}
