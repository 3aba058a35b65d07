/* settings: the values of the settings of settings.def, set from text. */
#include "brief/ui/settings.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/util.h"

static const char *const names[SET_COUNT] = {
#define SETTING(name, kind, def, help) [SET_##name] = #name,
#include "brief/ui/settings.def"
#undef SETTING
};

static const char *const helps[SET_COUNT] = {
#define SETTING(name, kind, def, help) [SET_##name] = help,
#include "brief/ui/settings.def"
#undef SETTING
};

static const char *const defaults[SET_COUNT] = {
#define SETTING(name, kind, def, help) [SET_##name] = def,
#include "brief/ui/settings.def"
#undef SETTING
};

static const enum setting_kind kinds[SET_COUNT] = {
#define SETTING(name, kind, def, help) [SET_##name] = SETTING_##kind,
#include "brief/ui/settings.def"
#undef SETTING
};

#define SETTINGS_MAX_NUM 1000000L

const char *settings_name(enum setting k) { return names[k]; }
const char *settings_help(enum setting k) { return helps[k]; }
enum setting_kind settings_kind(enum setting k) { return kinds[k]; }

int settings_find(const char *name, size_t len)
{
	int k;

	for (k = 0; k < SET_COUNT; k++)
		if (strlen(names[k]) == len && memcmp(names[k], name, len) == 0)
			return k;
	return -1;
}

/* The value text v for setting k; -1 with e set. */
static int set_value(struct settings *s, int k, const char *v,
		     struct err *e)
{
	char *end;
	long n;

	switch (kinds[k]) {
	case SETTING_BOOL:
		if (strcmp(v, "on") == 0 || strcmp(v, "yes") == 0 ||
		    strcmp(v, "true") == 0 || strcmp(v, "1") == 0)
			s->num[k] = 1;
		else if (strcmp(v, "off") == 0 || strcmp(v, "no") == 0 ||
			 strcmp(v, "false") == 0 || strcmp(v, "0") == 0)
			s->num[k] = 0;
		else {
			err_set(e, "%s is on or off, not '%s'", names[k], v);
			return -1;
		}
		break;
	case SETTING_NUM:
		errno = 0;
		n = strtol(v, &end, 10);
		if (*v == '\0' || *end != '\0' || errno || n < 0 ||
		    n > SETTINGS_MAX_NUM) {
			err_set(e, "%s is a whole number from 0 to %ld, not '%s'",
				names[k], SETTINGS_MAX_NUM, v);
			return -1;
		}
		s->num[k] = n;
		break;
	case SETTING_STR:
		free(s->str[k]);
		s->str[k] = xstrdup(v);
		break;
	}
	s->given[k] = 1;
	return 0;
}

void settings_init(struct settings *s)
{
	struct err e = {{0}};
	int k;

	memset(s, 0, sizeof *s);
	for (k = 0; k < SET_COUNT; k++)
		(void)set_value(s, k, defaults[k], &e);
	memset(s->given, 0, sizeof s->given);
}

void settings_free(struct settings *s)
{
	int k;

	for (k = 0; k < SET_COUNT; k++)
		free(s->str[k]);
	memset(s, 0, sizeof *s);
}

static int is_space(char c) { return c == ' ' || c == '\t'; }

int settings_parse(struct settings *s, const char *text, size_t *col,
		   struct err *e)
{
	const char *p = text, *name, *eq;
	size_t len, vlen;
	char value[512];
	int k, neg = 0;

	while (is_space(*p))
		p++;
	name = p;
	while (*p && !is_space(*p) && *p != '=')
		p++;
	len = (size_t)(p - name);
	*col = (size_t)(name - text);
	if (len == 0) {
		err_set(e, "a setting's name is missing");
		return -1;
	}
	k = settings_find(name, len);
	if (k < 0 && len > 2 && memcmp(name, "no", 2) == 0 &&
	    (k = settings_find(name + 2, len - 2)) >= 0)
		neg = 1;
	if (k < 0) {
		char known[512] = "";
		int j;

		for (j = 0; j < SET_COUNT; j++)
			snprintf(known + strlen(known), sizeof known - strlen(known),
				 "%s%s", j ? ", " : "", names[j]);
		err_set(e, "unknown setting '%.*s' (settings: %s)", (int)len,
			name, known);
		return -1;
	}
	while (is_space(*p))
		p++;
	if (*p == '\0') {
		if (kinds[k] != SETTING_BOOL) {
			err_set(e, "%s needs a value: %s = VALUE", names[k],
				names[k]);
			return -1;
		}
		s->num[k] = !neg;
		s->given[k] = 1;
		return 0;
	}
	if (neg || *p != '=') {
		*col = (size_t)(p - text);
		err_set(e, "expected '=' after %s", names[k]);
		return -1;
	}
	eq = p++;
	while (is_space(*p))
		p++;
	vlen = strlen(p);
	while (vlen > 0 && is_space(p[vlen - 1]))
		vlen--;
	/* a value may be quoted */
	if (vlen >= 2 && (p[0] == '"' || p[0] == '\'') && p[vlen - 1] == p[0]) {
		p++;
		vlen -= 2;
	}
	*col = (size_t)(p - text);
	if (vlen == 0 && kinds[k] != SETTING_STR) {
		*col = (size_t)(eq - text) + 1;
		err_set(e, "%s needs a value after '='", names[k]);
		return -1;
	}
	if (vlen >= sizeof value) {
		err_set(e, "the value of %s is too long", names[k]);
		return -1;
	}
	memcpy(value, p, vlen);
	value[vlen] = '\0';
	return set_value(s, k, value, e);
}

void settings_show(const struct settings *s, enum setting k, char *out,
		   size_t n)
{
	switch (kinds[k]) {
	case SETTING_BOOL:
		snprintf(out, n, "%s=%s", names[k], s->num[k] ? "on" : "off");
		break;
	case SETTING_NUM:
		snprintf(out, n, "%s=%ld", names[k], s->num[k]);
		break;
	case SETTING_STR:
		snprintf(out, n, "%s=%s", names[k], s->str[k] ? s->str[k] : "");
		break;
	}
}
