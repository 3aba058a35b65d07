/* ui: the terminal interface -- layout of two panes (or one on narrow
 * terminals), the status line, overlays, the input loop, signals. */
#ifndef BRIEF_UI_H
#define BRIEF_UI_H

#include "brief/text/article.h"
#include "brief/mark/engine.h"
#include "brief/text/library.h"
#include "brief/notes/notes.h"

struct ui_opts {
	const char *theme;       /* name or path; NULL for the default */
	int no_color;
	const char *config;      /* the config file; NULL: the XDG one */
	int fresh;               /* do not reopen where articles were left */
	unsigned jobs;           /* -j N: threads for the index (0: the
				  * setting jobs, else the engine's) */
	/* NULL when the engine given to ui_run is open; else what opens
	 * it (0, or -1 with e set), called once the first screen's text is
	 * drawn and before its marks (and before any key is read) */
	int (*open_engine)(void *arg, struct err *e);
	void *open_engine_arg;
};

/* Run the reader on the loaded articles, with the notes store, until the
 * user quits.  Returns the exit status: on a setup error (bad theme, no
 * terminal) prints nothing, fills e and returns 2 before the screen
 * opens; when o->open_engine fails, closes the screen (the terminal
 * restored), fills e and returns 2; when the user quits anyway with notes that could not be saved,
 * says how many on stderr once the terminal is restored and returns 2
 * with e empty; after SIGTERM, SIGHUP or SIGINT returns 128 + the signal
 * (and says on stderr what was not saved). */
int ui_run(struct library *lib, struct engine *en,
	   const struct article_rules *rules, struct notes *ns,
	   const struct ui_opts *o, struct err *e);

#endif
