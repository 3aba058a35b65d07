/* keymap: bindings generated from actions.def. */
#include "brief/ui/keymap.h"

#include <curses.h>
#include <stdio.h>
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

static const char *const name_of[ACT_COUNT] = {
	[ACT_NONE] = "none",
#define ACTION(name, keys, help, handler) [ACT_##name] = #name,
#include "brief/ui/actions.def"
#undef ACTION
};

#define MAX_KEY 1024
static unsigned char bound_fn[MAX_KEY];   /* function keys (KEY_*) */
static unsigned char bound_ch[128];       /* characters */
static unsigned char rebound[ACT_COUNT];  /* keys changed by bind */
static char effective[ACT_COUNT][96];     /* their keys then */

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
		{"Backspace", KEY_BACKSPACE},                {"Delete", KEY_DC},
		{"Insert", KEY_IC},   {"F1", KEY_F(1)},      {"F2", KEY_F(2)},
		{"F3", KEY_F(3)},     {"F4", KEY_F(4)},      {"F5", KEY_F(5)},
		{"F6", KEY_F(6)},     {"F7", KEY_F(7)},      {"F8", KEY_F(8)},
		{"F9", KEY_F(9)},     {"F10", KEY_F(10)},    {"F11", KEY_F(11)},
		{"F12", KEY_F(12)},
	};
	size_t i;

	*fn = 0;
	if (n == 1)
		return (unsigned char)k[0];
	if (n == 3 && k[0] == 'C' && k[1] == '-' &&
	    ((k[2] >= 'a' && k[2] <= 'z') || (k[2] >= '@' && k[2] <= '_')))
		return k[2] & 0x1f;
	if (n == 1 || (n >= 1 && (unsigned char)k[0] >= 0x80))
		return -1;
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
	memset(rebound, 0, sizeof rebound);
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

/* The name of a key code, as bind and the help screen write it. */
static void name_key(int code, int fn, char *out, size_t n)
{
	static const struct {
		const char *name;
		int code;
	} fns[] = {
		{"Up", KEY_UP},     {"Down", KEY_DOWN},   {"PgUp", KEY_PPAGE},
		{"PgDn", KEY_NPAGE}, {"Home", KEY_HOME},  {"End", KEY_END},
		{"Left", KEY_LEFT}, {"Right", KEY_RIGHT}, {"Delete", KEY_DC},
		{"Backspace", KEY_BACKSPACE},             {"Insert", KEY_IC},
	};
	size_t i;

	if (fn) {
		for (i = 0; i < sizeof fns / sizeof fns[0]; i++)
			if (fns[i].code == code) {
				snprintf(out, n, "%s", fns[i].name);
				return;
			}
		if (code >= KEY_F(1) && code <= KEY_F(12))
			snprintf(out, n, "F%d", code - KEY_F(0));
		else
			snprintf(out, n, "key%d", code);
		return;
	}
	if (code == ' ')
		snprintf(out, n, "Space");
	else if (code == '\t')
		snprintf(out, n, "Tab");
	else if (code == '\n')
		snprintf(out, n, "Enter");
	else if (code == 27)
		snprintf(out, n, "Esc");
	else if (code < 32)
		snprintf(out, n, "C-%c", code + 'a' - 1);
	else
		snprintf(out, n, "%c", code);
}

/* The keys now bound to action a, written as in actions.def. */
static void collect(int a, char *out, size_t n)
{
	char name[16];
	int c;

	out[0] = '\0';
	for (c = 1; c < 128; c++)
		if (bound_ch[c] == a && c != '\r' && c != 127) {
			name_key(c, 0, name, sizeof name);
			snprintf(out + strlen(out), n - strlen(out), "%s%s",
				 out[0] ? " " : "", name);
		}
	for (c = KEY_MIN; c < MAX_KEY; c++)
		if (bound_fn[c] == a && c != KEY_ENTER) {
			name_key(c, 1, name, sizeof name);
			snprintf(out + strlen(out), n - strlen(out), "%s%s",
				 out[0] ? " " : "", name);
		}
}

static int upper(char c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }

int keymap_action_named(const char *name)
{
	int a;

	for (a = 0; a < ACT_COUNT; a++) {
		const char *p = name_of[a], *q = name;

		while (*p && *q &&
		       (upper(*p) == upper(*q) || (*p == '_' && *q == '-')))
			p++, q++;
		if (*p == '\0' && *q == '\0')
			return a;
	}
	return -1;
}

const char *keymap_action_name(enum action a)
{
	static char lower[ACT_COUNT][32];
	size_t i;

	if (a >= ACT_COUNT)
		return "";
	for (i = 0; name_of[a][i] && i + 1 < sizeof lower[a]; i++)
		lower[a][i] = (char)(name_of[a][i] >= 'A' && name_of[a][i] <= 'Z'
					     ? name_of[a][i] + 32
				     : name_of[a][i] == '_' ? '-'
							    : name_of[a][i]);
	lower[a][i] = '\0';
	return lower[a];
}

int keymap_key_valid(const char *key)
{
	int fn, code = key_code(key, strlen(key), &fn);

	return code >= 0 && ((fn && code < MAX_KEY) || (!fn && code < 128));
}

int keymap_bind(const char *key, int action)
{
	int fn, code = key_code(key, strlen(key), &fn);
	int old;

	if (code < 0 || (fn && code >= MAX_KEY) || (!fn && code >= 128) ||
	    action < 0 || action >= ACT_COUNT)
		return -1;
	old = fn ? bound_fn[code] : bound_ch[code];
	if (fn)
		bound_fn[code] = (unsigned char)action;
	else
		bound_ch[code] = (unsigned char)action;
	rebound[old] = 1;
	rebound[action] = 1;
	collect(old, effective[old], sizeof effective[old]);
	collect(action, effective[action], sizeof effective[action]);
	return 0;
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
	if (a < ACT_COUNT && rebound[a])
		return effective[a][0] ? effective[a] : "(none)";
	return a < ACT_COUNT ? keys_of[a] : "";
}

const char *keymap_help(enum action a)
{
	return a < ACT_COUNT ? help_of[a] : "";
}
