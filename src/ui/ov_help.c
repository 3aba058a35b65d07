/* ov_help: the help overlay -- every key action with its keys and help
 * text, from actions.def. */
#include "brief/ui/overlay.h"

#include <stdio.h>

#include "brief/ui/keymap.h"
#include "brief/ui/settings.h"

static int help_open(struct overlay *ov, struct ui *u)
{
	char line[512];
	int a;

	ov->list = olist_new("brief — keys (q or Esc closes)", 0);
	for (a = 1; a < ACT_COUNT; a++) {
		snprintf(line, sizeof line, "  %-22s %-14s %s",
			 keymap_keys((enum action)a),
			 keymap_action_name((enum action)a),
			 keymap_help((enum action)a));
		olist_add(ov->list, line, 0);
	}
	olist_add(ov->list, "", 1);
	olist_add(ov->list, "In lists: Up/Down/PgUp/PgDn move, Enter jumps, "
		  "Esc closes; in the index type to filter (q with nothing "
		  "typed closes), Tab sorts.", 1);
	olist_add(ov->list, "Counts: a number before a motion repeats it "
		  "(5j, 3n, 2}); 10G and 10g go to §10, 50% to the middle.",
		  1);
	olist_add(ov->list, "Mouse: click puts the cursor there, selects a "
		  "mention under it and focuses its pane; shift-click extends "
		  "a selection to it; the wheel scrolls the pane under it. In a list the "
		  "wheel scrolls it, a click selects a row, a second click "
		  "opens it.", 1);
	olist_add(ov->list, "Copies: y puts the passage and its citation in "
		  "the register; :write @ FILE saves it (:write FILE writes "
		  "the notes).", 1);
	olist_add(ov->list, "", 1);
	olist_add(ov->list, "Settings (:set NAME=VALUE, or set NAME = VALUE in "
		  "the config file):", 1);
	for (a = 0; a < SET_COUNT; a++) {
		char val[128];

		settings_show(reader_settings(u), (enum setting)a, val,
			      sizeof val);
		snprintf(line, sizeof line, "  %-22s %s", val,
			 settings_help((enum setting)a));
		olist_add(ov->list, line, 0);
	}
	olist_refilter(ov->list);
	return 0;
}

static int help_enter(struct ui *u, const struct olist_row *r)
{
	(void)u;
	(void)r;
	return OVERLAY_CLOSE;
}

static int help_key(struct overlay *ov, struct ui *u, int key, int fn)
{
	return overlay_list_key(ov, u, key, fn, help_enter, NULL);
}

const struct overlay_ops help_overlay = {
	"help", help_open, overlay_list_draw, help_key, overlay_list_close,
	NULL,
};
