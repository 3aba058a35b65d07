/* cli_priv (private to src/cli/cli*.c): what the command line's files
 * share -- the options read, the modes' table and what a mode needs
 * loaded.  The files:
 *   cli_options.c  reading argv into struct opts, checking it, --help
 *   cli_modes.c    each mode's run function and the table of modes
 *   cli.c          messages, loading what a mode needs, cli_main */
#ifndef BRIEF_CLI_PRIV_H
#define BRIEF_CLI_PRIV_H

#include <stddef.h>
#include <stdio.h>

#include "brief/base/err.h"
#include "brief/text/article.h"
#include "brief/text/library.h"
#include "brief/mark/engine.h"

enum mode_id {
	MODE_READ,
	MODE_DUMP,
	MODE_MENTIONS,
	MODE_ENTITIES,
	MODE_ALIASES,
	MODE_EXPORT,
	MODE_ADD_NOTE,
	MODE_COMPARE,
	MODE_BRIEFING,
	MODE_IMPORT,
	MODE_CORRECTIONS,
	MODE_ADD,
	MODE_SEARCH,
	MODE_ENTITY
};

/* The options that do not choose a mode, as bits: what was given
 * (struct opts) and what a mode takes (struct mode). */
enum {
	GIVEN_THEME = 1 << 0,
	GIVEN_NO_COLOR = 1 << 1,
	GIVEN_RULES = 1 << 2,
	GIVEN_HLRULES = 1 << 3,
	GIVEN_LEXICON = 1 << 4,
	GIVEN_NOTES = 1 << 5,
	GIVEN_AT = 1 << 6,
	GIVEN_FORMAT = 1 << 7,
	GIVEN_AS = 1 << 8,
	GIVEN_CONFIG = 1 << 9,
	GIVEN_FRESH = 1 << 10,
	GIVEN_CORRECTIONS = 1 << 11,
	GIVEN_ARCHIVE = 1 << 12,
	GIVEN_LIMIT = 1 << 13,
	GIVEN_JOBS = 1 << 14
};

struct opts {
	enum mode_id mode;
	unsigned modes_given;    /* 1 << each mode_id given */
	char **args;             /* the FILE|DIR arguments, in order */
	size_t nargs;
	unsigned given;          /* GIVEN_* */
	const char *theme;
	int no_color;
	const char *rules;
	const char *hlrules;
	char **lexicons;
	size_t nlexicons;
	const char *notes;
	const char *export_format;
	const char *import_file;
	const char *note_text;
	const char *note_at;
	const char *format;
	const char *as;          /* --as: a static format name */
	const char *config;      /* --config: the reader's config file */
	int fresh;               /* --fresh: not where articles were left */
	const char *corrections; /* --corrections FILE, or NULL: default */
	const char *archive;     /* --archive FILE, or NULL: default */
	const char *query;       /* --search QUERY, --entity NAME */
	size_t limit;            /* --limit N (0: the default) */
	unsigned jobs;           /* -j N (0: one per core) */
};

/* What a mode needs before it runs, loaded in this order. */
enum {
	NEED_ARTICLES = 1 << 0, /* at least one FILE|DIR argument */
	NEED_RULES = 1 << 1,    /* the article rules (--rules or default),
				 * the HTML extractor's, the formats */
	NEED_ENGINE = 1 << 2,   /* lexicons and highlighter */
	NEED_PATHS = 1 << 3,    /* the article paths; the mode loads each */
	NEED_LIBRARY = 1 << 4,  /* every article loaded */
	NEED_LAZY = 1 << 5,     /* (with NEED_LIBRARY) parsed when shown */
	NEED_ENGINE_LATER = 1 << 6 /* (with NEED_ENGINE) opened by the mode
				    * itself (load_engine), after its first
				    * screen is shown */
};

/* What cli_main loaded for a mode; have says which of it (NEED_*). */
struct loaded {
	unsigned have;
	char *const *args;
	size_t nargs;
	struct article_rules *rules;
	struct article_formats formats;
	struct engine en;
	char **paths;
	size_t npaths;
	struct library lib;
};

/* A mode: its name (the option, as messages and --help say it), what it
 * needs loaded, the options that apply to it (GIVEN_*: check refuses the
 * others), and what runs it (returns the exit status). */
struct mode {
	const char *name;
	unsigned needs;
	unsigned takes;
	int (*run)(const struct opts *o, struct loaded *l);
};

/* what every mode takes: --no-color is a preference, like NO_COLOR, that
 * a script or an alias may give everywhere (the batch outputs have no
 * colours to take off) */
#define TAKES_ALL GIVEN_NO_COLOR

/* The modes, indexed by enum mode_id (cli_modes.c), and how many. */
extern const struct mode cli_modes[];
extern const size_t cli_nmodes;

/* "brief: " and a message on stderr, its control characters (from file
 * names, arguments, a file's text) shown visibly, never sent. */
void cli_complain(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
/* Tells e's message; returns EXIT_BAD_INPUT. */
int cli_fail(const struct err *e);
/* The parts of files that could not be read while the files' other
 * parts loaded: told on stderr, not fatal (the exit status stays 0). */
void cli_say_broken(char *const *broken, size_t n);
/* Open the engine the options name into l (lexicons, rules, jobs, the
 * corrections but for --aliases): 0, or -1 with e set. */
int cli_load_engine(const struct opts *o, struct loaded *l, struct err *e);

/* Read argv into o (see cli_options.c): 0, or -1 after the message.
 * o->args and o->lexicons are the caller's to free. */
int cli_parse(int argc, char **argv, struct opts *o);
/* Two modes, an option that does not go with the mode, or a FILE|DIR for
 * a mode that reads none: 0, or -1 after the message. */
int cli_check(const struct opts *o);
/* The usage, then which options go with which mode, on f. */
void cli_usage(FILE *f);

#endif
