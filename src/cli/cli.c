/* cli: arguments, usage, a table of modes, exit codes.  Each mode says
 * what it needs loaded and which options apply to it; cli_main loads
 * that, runs it and maps what it returns to an exit status.  The outputs
 * themselves are in report/. */
#include "brief/cli/cli.h"

#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "brief/base/util.h"
#include "brief/base/visible.h"
#include "brief/base/paths.h"
#include "brief/text/article.h"
#include "brief/text/html.h"
#include "brief/text/library.h"
#include "brief/mark/engine.h"
#include "brief/compare/compare.h"
#include "brief/notes/notes.h"
#include "brief/notes/notes_import.h"
#include "brief/report/briefing.h"
#include "brief/report/compare_md.h"
#include "brief/report/compare_yaml.h"
#include "brief/report/corrections_list.h"
#include "brief/report/dump.h"
#include "brief/mark/parallel.h"
#include "brief/report/entities_tsv.h"
#include "brief/report/export.h"
#include "brief/report/mdout.h"
#include "brief/report/mentions_tsv.h"
#include "brief/ui/ui.h"
#include "brief/cli/progress.h"
#include "brief/cli/archive_cmd.h"

#ifndef BRIEF_VERSION
#define BRIEF_VERSION "0"
#endif

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

static const char usage_text[] =
	"usage: brief [OPTIONS] FILE|DIR...\n"
	"       brief --dump FILE|DIR...\n"
	"Options may come before, between or after the files; '--' ends them\n"
	"(a file named like an option then is a file).\n"
	"\n"
	"A terminal briefing reader: two reports side by side, with actors,\n"
	"weapons and figures highlighted.  Text, web pages, PDFs, e-mail\n"
	"(mbox: one article per message) and feeds, each file's format decided\n"
	"by its content.  A directory stands for its *.txt, *.md, *.html,\n"
	"*.pdf, *.eml, *.mbox, *.rss and *.atom files; '-' reads an article\n"
	"from standard input.\n"
	"\n"
	"Batch modes (output on stdout):\n"
	"  --dump              each article as a YAML document: file, id,\n"
	"                      format, title, date, source, url, author,\n"
	"                      sections with their kind, page (PDFs), text\n"
	"                      and sentences\n"
	"  --mentions          one line per highlighted mention, tab-separated:\n"
	"                      file, section, start, end (bytes in the\n"
	"                      section's text), category, entity, text\n"
	"  --compare A B       compare two reports (entities, figures and their\n"
	"                      discrepancies, quotes, topics, timeline) as\n"
	"                      Markdown, or YAML with --format yaml\n"
	"  --briefing A B      one Markdown briefing: both reports' metadata,\n"
	"                      the comparison and the notes (--notes FILE)\n"
	"  --export-notes FORMAT\n"
	"                      print the notes of the articles as a markdown\n"
	"                      briefing, as yaml, as W3C Web Annotation\n"
	"                      JSON-LD (w3c) or as Hypothesis JSON (hypothesis)\n"
	"  --import-notes FILE add the W3C or Hypothesis annotations of FILE\n"
	"                      on the articles to the notes file\n"
	"  --add-note TEXT --at QUOTE ARTICLE\n"
	"                      add a note to the first occurrence of QUOTE\n"
	"  --aliases           the lexicon in effect: one line per literal alias,\n"
	"                      tab-separated: alias, entity, category, kind\n"
	"                      (no article needed)\n"
	"  --entities          a table of entities (rows) and their mention\n"
	"                      counts in each file (columns), most mentioned\n"
	"                      first\n"
	"  -j N, --jobs N      highlight on N threads (default: one per core;\n"
	"                      the output is the same with any N; the reader's\n"
	"                      index too, else its setting jobs)\n"
	"  --corrections [FILE] alone: the corrections to the marks in FILE\n"
	"                      (default: $XDG_CONFIG_HOME/brief/corrections.yaml)\n"
	"                      as a table, or as YAML with --format yaml\n"
	"  --add FILE|DIR...   add the articles to the archive (--archive,\n"
	"                      default $XDG_DATA_HOME/brief/archive.db):\n"
	"                      unchanged files are skipped, changed ones\n"
	"                      replaced, removed ones noted\n"
	"  --search QUERY      search the archive: words, \"phrases\",\n"
	"                      entity:NAME, actor:, weapon:, place:,\n"
	"                      category:, source:, date:FROM..TO, tag:, AND,\n"
	"                      OR, NOT, ( ); best first (--limit N, default\n"
	"                      20), a table or --format tsv|json\n"
	"  --entity NAME       an entity across the archive: mentions by\n"
	"                      month and source, the entities in its\n"
	"                      sentences, its figures (--format tsv|json)\n"
	"In tab-separated fields a tab, a line feed and a backslash are\n"
	"written \\t, \\n and \\\\, other control bytes and bytes that are not\n"
	"UTF-8 \\xHH (\\x1b); Markdown and messages show control characters\n"
	"as ^[ and <9B>, never raw.\n"
	"\n"
	"Options:\n"
	"  --notes FILE        the notes file (default:\n"
	"                      $XDG_DATA_HOME/brief/notes.yaml)\n"
	"  --theme NAME|FILE   colour theme (dark, light, mono, or a YAML file)\n"
	"  --no-color          no colours (also when NO_COLOR is set)\n"
	"  --config FILE       the reader's config file (default:\n"
	"                      $XDG_CONFIG_HOME/brief/config)\n"
	"  --fresh             open at the top, not where each article was left\n"
	"  --lexicon FILE      entity lexicon to use instead of the default\n"
	"                      (repeatable; files are merged in order)\n"
	"  --corrections FILE  the corrections to the marks (a team may share\n"
	"                      one) instead of\n"
	"                      $XDG_CONFIG_HOME/brief/corrections.yaml\n"
	"  --highlight-rules FILE\n"
	"                      person, organisation and figure rules instead of\n"
	"                      the default\n"
	"  --rules FILE        article rules (metadata, boilerplate and\n"
	"                      abbreviation patterns) instead of the default\n"
	"  --archive FILE|URI  the archive for --add, --search and --entity: an\n"
	"                      SQLite file (default:\n"
	"                      $XDG_DATA_HOME/brief/archive.db) or a\n"
	"                      postgresql:// URI (a team's shared archive)\n"
	"  --limit N           at most N search hits (default 20)\n"
	"  --as FORMAT         read every file as text, html, pdf, email or\n"
	"                      feed (default: decided by each file's content)\n"
	"  -h, --help          show this help and exit\n"
	"  -V, --version       show the version and exit\n";

static void usage(FILE *f);

/* "brief: " and a message on stderr, its control characters (from file
 * names, arguments, a file's text) shown visibly, never sent. */
static void complain(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void complain(const char *fmt, ...)
{
	char msg[4096]; /* longer than any struct err */
	struct buf b = {0};
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (n < 0)
		msg[0] = '\0';
	buf_adds(&b, "brief: ");
	visible_add(&b, msg, strlen(msg), 0);
	buf_addc(&b, '\n');
	fputs(b.data, stderr);
	buf_free(&b);
}

/* Choose mode m (the last one given wins; check refuses two). */
static void set_mode(struct opts *o, enum mode_id m)
{
	o->mode = m;
	o->modes_given |= 1u << m;
}

/* Read argv into o: options anywhere among the FILE|DIR arguments (those
 * go to o->args in order), '--' ends the options, a lone '-' is an
 * argument.  The '-' that starts the option string makes getopt return
 * each argument in its place (as 1) whatever POSIXLY_CORRECT says, so
 * brief reads its command line the same way in every environment; the
 * ':' tells a missing value (':') from an unknown option ('?').
 * 0, or -1 after the message. */
static int parse(int argc, char **argv, struct opts *o)
{
	enum {
		OPT_DUMP = 256,
		OPT_RULES,
		OPT_MENTIONS,
		OPT_ENTITIES,
		OPT_LEXICON,
		OPT_HLRULES,
		OPT_THEME,
		OPT_NO_COLOR,
		OPT_ALIASES,
		OPT_NOTES,
		OPT_EXPORT,
		OPT_ADD_NOTE,
		OPT_AT,
		OPT_COMPARE,
		OPT_BRIEFING,
		OPT_FORMAT,
		OPT_AS,
		OPT_IMPORT,
		OPT_CONFIG,
		OPT_FRESH,
		OPT_CORRECTIONS,
		OPT_ADD,
		OPT_SEARCH,
		OPT_ENTITY,
		OPT_ARCHIVE,
		OPT_LIMIT
	};
	static const struct option longs[] = {
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{"dump", no_argument, NULL, OPT_DUMP},
		{"rules", required_argument, NULL, OPT_RULES},
		{"mentions", no_argument, NULL, OPT_MENTIONS},
		{"entities", no_argument, NULL, OPT_ENTITIES},
		{"lexicon", required_argument, NULL, OPT_LEXICON},
		{"highlight-rules", required_argument, NULL, OPT_HLRULES},
		{"theme", required_argument, NULL, OPT_THEME},
		{"aliases", no_argument, NULL, OPT_ALIASES},
		{"notes", required_argument, NULL, OPT_NOTES},
		{"export-notes", required_argument, NULL, OPT_EXPORT},
		{"import-notes", required_argument, NULL, OPT_IMPORT},
		{"add-note", required_argument, NULL, OPT_ADD_NOTE},
		{"at", required_argument, NULL, OPT_AT},
		{"compare", no_argument, NULL, OPT_COMPARE},
		{"briefing", no_argument, NULL, OPT_BRIEFING},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"as", required_argument, NULL, OPT_AS},
		{"config", required_argument, NULL, OPT_CONFIG},
		{"fresh", no_argument, NULL, OPT_FRESH},
		{"corrections", optional_argument, NULL, OPT_CORRECTIONS},
		{"add", no_argument, NULL, OPT_ADD},
		{"search", required_argument, NULL, OPT_SEARCH},
		{"entity", required_argument, NULL, OPT_ENTITY},
		{"archive", required_argument, NULL, OPT_ARCHIVE},
		{"limit", required_argument, NULL, OPT_LIMIT},
		{"jobs", required_argument, NULL, 'j'},
		{"no-color", no_argument, NULL, OPT_NO_COLOR},
		{"no-colour", no_argument, NULL, OPT_NO_COLOR},
		{NULL, 0, NULL, 0},
	};
	int c;

	opterr = 0;
	o->args = xmalloc(((size_t)argc + 1) * sizeof *o->args);
	while ((c = getopt_long(argc, argv, "-:hVj:", longs, NULL)) != -1) {
		switch (c) {
		case 1:
			o->args[o->nargs++] = optarg;
			break;
		case 'h':
			usage(stdout);
			exit(EXIT_OK);
		case 'V':
			printf("brief %s\n", BRIEF_VERSION);
			exit(EXIT_OK);
		case OPT_DUMP:
			set_mode(o, MODE_DUMP);
			break;
		case OPT_RULES:
			o->given |= GIVEN_RULES;
			o->rules = optarg;
			break;
		case OPT_MENTIONS:
			set_mode(o, MODE_MENTIONS);
			break;
		case OPT_ENTITIES:
			set_mode(o, MODE_ENTITIES);
			break;
		case OPT_NOTES:
			o->given |= GIVEN_NOTES;
			if (optarg[0] == '\0') {
				complain("--notes: empty file name");
				return -1;
			}
			o->notes = optarg;
			break;
		case OPT_EXPORT:
			set_mode(o, MODE_EXPORT);
			o->export_format = optarg;
			if (strcmp(optarg, "markdown") != 0 &&
			    strcmp(optarg, "yaml") != 0 &&
			    strcmp(optarg, "w3c") != 0 &&
			    strcmp(optarg, "hypothesis") != 0) {
				complain("--export-notes takes markdown, yaml, "
					 "w3c or hypothesis, not '%s'", optarg);
				return -1;
			}
			break;
		case OPT_IMPORT:
			o->mode = MODE_IMPORT;
			o->import_file = optarg;
			break;
		case OPT_CORRECTIONS:
			/* "--corrections FILE" as well as "--corrections=FILE";
			 * alone, the default file */
			if (optarg == NULL && optind < argc &&
			    argv[optind][0] != '-')
				optarg = argv[optind++];
			if (optarg != NULL && optarg[0] == '\0') {
				complain("--corrections: empty file name");
				return -1;
			}
			o->given |= GIVEN_CORRECTIONS;
			o->corrections = optarg;
			break;
		case OPT_ADD_NOTE:
			set_mode(o, MODE_ADD_NOTE);
			o->note_text = optarg;
			break;
		case OPT_AT:
			o->given |= GIVEN_AT;
			o->note_at = optarg;
			break;
		case OPT_COMPARE:
			set_mode(o, MODE_COMPARE);
			break;
		case OPT_BRIEFING:
			set_mode(o, MODE_BRIEFING);
			break;
		case OPT_FORMAT:
			o->given |= GIVEN_FORMAT;
			if (strcmp(optarg, "markdown") != 0 &&
			    strcmp(optarg, "yaml") != 0 &&
			    strcmp(optarg, "tsv") != 0 &&
			    strcmp(optarg, "json") != 0) {
				complain("--format takes markdown or yaml "
					 "(tsv or json for the archive), "
					 "not '%s'", optarg);
				return -1;
			}
			o->format = optarg;
			break;
		case OPT_AS:
			o->given |= GIVEN_AS;
			o->as = article_format(optarg);
			if (o->as == NULL) {
				complain("--as takes text, html, pdf, email or "
					 "feed, not '%s'", optarg);
				return -1;
			}
			break;
		case OPT_ALIASES:
			set_mode(o, MODE_ALIASES);
			break;
		case OPT_ADD:
			set_mode(o, MODE_ADD);
			break;
		case OPT_SEARCH:
		case OPT_ENTITY:
			set_mode(o, c == OPT_SEARCH ? MODE_SEARCH : MODE_ENTITY);
			o->query = optarg;
			break;
		case OPT_ARCHIVE:
			o->given |= GIVEN_ARCHIVE;
			if (optarg[0] == '\0') {
				complain("--archive: empty file name");
				return -1;
			}
			o->archive = optarg;
			break;
		case OPT_LIMIT: {
			char *end;
			unsigned long v = strtoul(optarg, &end, 10);

			o->given |= GIVEN_LIMIT;
			if (optarg[0] < '1' || optarg[0] > '9' || *end ||
			    v > 1000000) {
				complain("--limit takes a number from 1 to "
					 "1000000, not '%s'", optarg);
				return -1;
			}
			o->limit = v;
			break;
		}
		case 'j': {
			char *end;
			unsigned long v = strtoul(optarg, &end, 10);

			o->given |= GIVEN_JOBS;
			if (optarg[0] < '1' || optarg[0] > '9' || *end ||
			    v > HL_JOBS_MAX) {
				complain("-j takes a number from 1 to %d, not "
					 "'%s'", HL_JOBS_MAX, optarg);
				return -1;
			}
			o->jobs = (unsigned)v;
			break;
		}
		case OPT_THEME:
			o->given |= GIVEN_THEME;
			o->theme = optarg;
			break;
		case OPT_CONFIG:
			o->given |= GIVEN_CONFIG;
			o->config = optarg;
			break;
		case OPT_FRESH:
			o->given |= GIVEN_FRESH;
			o->fresh = 1;
			break;
		case OPT_NO_COLOR:
			o->given |= GIVEN_NO_COLOR;
			o->no_color = 1;
			break;
		case OPT_HLRULES:
			o->given |= GIVEN_HLRULES;
			o->hlrules = optarg;
			break;
		case OPT_LEXICON:
			o->given |= GIVEN_LEXICON;
			o->lexicons = xrealloc(o->lexicons,
					       (o->nlexicons + 1) *
						       sizeof *o->lexicons);
			o->lexicons[o->nlexicons++] = optarg;
			break;
		case ':':
			complain("%s needs a value", argv[optind - 1]);
			usage(stderr);
			return -1;
		default:
			if (optopt && optopt < 256)
				complain("unknown option '-%c'", optopt);
			else if (optopt) /* --dump=x */
				complain("%s takes no value",
					 argv[optind - 1]);
			else
				complain("unknown option '%s'",
					 argv[optind - 1]);
			usage(stderr);
			return -1;
		}
	}
	while (optind < argc) /* after '--' */
		o->args[o->nargs++] = argv[optind++];
	/* --corrections alone lists them */
	if ((o->given & GIVEN_CORRECTIONS) && o->modes_given == 0 &&
	    o->nargs == 0)
		o->mode = MODE_CORRECTIONS;
	return 0;
}

/* A message from a mode's helper, told as complain tells it. */
static void say(const char *msg)
{
	complain("%s", msg);
}

static int fail(const struct err *e)
{
	complain("%s", e->text);
	return EXIT_BAD_INPUT;
}


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

/* The progress bar on stderr, for the outputs that tell progress. */
static const struct report_progress bar = {progress_start, progress_update,
					   progress_end};

/* The exit status for what an output returned. */
static int status(int rc, const struct err *e)
{
	if (rc == REPORT_OK)
		return EXIT_OK;
	return rc == REPORT_EINPUT ? fail(e) : EXIT_FAIL;
}

/* The parts of files that could not be read while the files' other
 * parts loaded: told on stderr, not fatal (the exit status stays 0). */
static void say_broken(char *const *broken, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		complain("%s", broken[i]);
}

static struct notes *open_notes(const struct opts *o, struct err *e)
{
	char *path = o->notes ? xstrdup(o->notes) : notes_default_path();
	struct notes *ns = notes_open(path, e);

	free(path);
	return ns;
}

/* Open the engine the options name into l (lexicons, rules, jobs, the
 * corrections but for --aliases): 0, or -1 with e set. */
static int load_engine(const struct opts *o, struct loaded *l,
		       struct err *e)
{
	if (engine_open(&l->en, o->lexicons, o->nlexicons, o->hlrules, e) !=
	    0)
		return -1;
	l->have |= NEED_ENGINE;
	l->en.jobs = o->jobs ? o->jobs
			     : highlight_jobs_default(
				       (unsigned)sysconf(_SC_NPROCESSORS_ONLN));
	if (o->mode != MODE_ALIASES &&
	    engine_correct(&l->en, o->corrections, e) != 0)
		return -1;
	return 0;
}

/* What the reader needs to open the engine after its first screen. */
struct later {
	const struct opts *o;
	struct loaded *l;
};

static int open_engine_later(void *arg, struct err *e)
{
	struct later *k = arg;

	return load_engine(k->o, k->l, e);
}

static int run_read(const struct opts *o, struct loaded *l)
{
	struct later k = {o, l};
	struct ui_opts uo = {o->theme, o->no_color, o->config, o->fresh,
			     o->given & GIVEN_JOBS ? o->jobs : 0,
			     open_engine_later, &k};
	struct err e = {{0}};
	struct notes *ns = open_notes(o, &e);
	int rc;

	if (ns == NULL)
		return fail(&e);
	rc = ui_run(&l->lib, &l->en, l->rules, ns, &uo, &e);
	if (rc == EXIT_BAD_INPUT && e.text[0])
		complain("%s", e.text);
	notes_free(ns);
	return rc;
}

static int run_dump(const struct opts *o, struct loaded *l)
{
	struct err e = {{0}};
	int rc = dump_write(stdout, &l->lib, &e);

	(void)o;
	if (rc == REPORT_EWRITE && e.text[0])
		complain("%s", e.text);
	return status(rc, &e);
}

static int run_mentions(const struct opts *o, struct loaded *l)
{
	struct err e = {{0}};
	size_t i;
	int rc = 0;

	(void)o;
	for (i = 0; i < l->npaths && rc == 0; i++) {
		struct article **arts;
		char **broken;
		size_t n, nb, j;

		rc = article_open_all(l->paths[i], l->rules, &l->formats, 0,
				      &arts, &n, &broken, &nb, &e);
		if (rc != 0)
			break;
		say_broken(broken, nb);
		for (j = 0; j < n; j++) {
			if (rc == 0)
				rc = mentions_tsv_write(stdout, &l->en, arts[j],
							&bar, &e);
			article_free(arts[j]);
		}
		for (j = 0; j < nb; j++)
			free(broken[j]);
		free(broken);
		free(arts);
	}
	if (fflush(stdout) != 0 && rc == 0)
		return EXIT_FAIL;
	return rc == 0 ? EXIT_OK : fail(&e);
}

static int run_entities(const struct opts *o, struct loaded *l)
{
	struct err e = {{0}};

	(void)o;
	return status(entities_tsv_write(stdout, &l->en, &l->lib, &bar, &e),
		      &e);
}

static int run_aliases(const struct opts *o, struct loaded *l)
{
	(void)o;
	return aliases_tsv_write(stdout, &l->en) == REPORT_OK ? EXIT_OK
							      : EXIT_FAIL;
}

/* --compare and --briefing. */
static int run_compare(const struct opts *o, struct loaded *l)
{
	struct library *lib = &l->lib;
	struct engine *en = &l->en;
	struct err e = {{0}};
	struct compare_rules *cr;
	struct comparison *c;
	struct mentions m[2];
	struct mdout md;
	int rc;

	if (lib->n != 2) {
		complain("--%s takes two reports, not %zu",
			 o->mode == MODE_COMPARE ? "compare" : "briefing",
			 lib->n);
		return EXIT_BAD_INPUT;
	}
	cr = compare_rules_load(NULL, NULL, &e);
	if (cr == NULL)
		return fail(&e);
	memset(m, 0, sizeof m);
	highlight_article_par(en->hl, lib->items[0], en->jobs, &m[0]);
	highlight_article_par(en->hl, lib->items[1], en->jobs, &m[1]);
	c = compare_run(cr, en->reg, lib->items[0], &m[0], lib->items[1],
			&m[1]);
	if (o->mode == MODE_BRIEFING) {
		struct notes *ns = open_notes(o, &e);

		if (ns == NULL) {
			rc = REPORT_EINPUT;
		} else if (mdout_begin(&md) == NULL) {
			rc = REPORT_EWRITE;
			notes_free(ns);
		} else {
			rc = briefing_write(md.f, c, cr, en->reg, ns, lib);
			rc = mdout_end(&md, stdout, rc, lib, &e);
			notes_free(ns);
		}
	} else if (report_library_check(lib, &e) != 0) {
		rc = REPORT_EINPUT;
	} else if (o->format && strcmp(o->format, "yaml") == 0) {
		rc = compare_yaml_write(stdout, c, cr, en->reg);
	} else if (mdout_begin(&md) == NULL) {
		rc = REPORT_EWRITE;
	} else {
		rc = compare_md_write(md.f, c, cr, en->reg);
		rc = mdout_end(&md, stdout, rc, lib, &e);
	}
	compare_free(c);
	mentions_free(&m[0]);
	mentions_free(&m[1]);
	compare_rules_free(cr);
	return status(rc, &e);
}

static int run_export(const struct opts *o, struct loaded *l)
{
	struct err e = {{0}};
	struct notes *ns = open_notes(o, &e);
	struct mdout md;
	int rc;

	if (ns == NULL)
		return fail(&e);
	if (report_library_check(&l->lib, &e) != 0) {
		rc = REPORT_EINPUT;
	} else if (strcmp(o->export_format, "yaml") == 0) {
		rc = export_yaml(stdout, ns, &l->lib);
	} else if (strcmp(o->export_format, "w3c") == 0) {
		rc = export_w3c(stdout, ns, &l->lib);
	} else if (strcmp(o->export_format, "hypothesis") == 0) {
		rc = export_hypothesis(stdout, ns, &l->lib);
	} else if (mdout_begin(&md) == NULL) {
		rc = REPORT_EWRITE;
	} else {
		rc = export_markdown(md.f, ns, &l->lib);
		rc = mdout_end(&md, stdout, rc, &l->lib, &e);
	}
	notes_free(ns);
	return status(rc, &e);
}

static int run_add_note(const struct opts *o, struct loaded *l)
{
	struct err e = {{0}};
	struct notes *ns;
	struct anchor an;
	const struct article *a;
	const char *hit, *id;
	int rc;

	if (o->note_at == NULL || o->note_at[0] == '\0') {
		complain("--add-note needs --at QUOTE");
		return EXIT_BAD_INPUT;
	}
	if (l->lib.n != 1) {
		complain("--add-note takes one article");
		return EXIT_BAD_INPUT;
	}
	a = l->lib.items[0];
	hit = memmem(a->text, a->len, o->note_at, strlen(o->note_at));
	if (article_check(a, &e) != 0)
		return fail(&e);
	if (hit == NULL) {
		complain("%s: quote not found: %s", a->path, o->note_at);
		return EXIT_BAD_INPUT;
	}
	ns = open_notes(o, &e);
	if (ns == NULL)
		return fail(&e);
	anchor_make(&an, a, (size_t)(hit - a->text),
		    (size_t)(hit - a->text) + strlen(o->note_at));
	rc = notes_add(ns, o->note_text, &an, 1, &id, &e);
	if (rc == 0)
		printf("%s\n", id);
	else
		complain("%s", e.text);
	anchor_clear(&an);
	notes_free(ns);
	/* a note that could not be saved is lost: as bad as bad input */
	return rc == 0 ? EXIT_OK : EXIT_BAD_INPUT;
}

/* --import-notes: the file is read whole before the notes change. */
static int run_import(const struct opts *o, struct loaded *l)
{
	struct err e = {{0}};
	struct notes *ns = open_notes(o, &e);
	struct notes_import_count c;
	int rc;

	if (ns == NULL)
		return fail(&e);
	if (report_library_check(&l->lib, &e) != 0) {
		notes_free(ns);
		return fail(&e);
	}
	rc = notes_import(ns, o->import_file, l->lib.items, l->lib.n, &c, &e);
	notes_free(ns);
	if (rc != 0)
		return fail(&e);
	printf("%zu notes imported (%zu of them orphans), %zu already there, "
	       "%zu on other articles\n", c.added, c.orphans, c.known,
	       c.elsewhere);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
}

/* --corrections: --corrections alone lists them. */
static int run_corrections(const struct opts *o, struct loaded *l)
{
	struct err e = {{0}};
	char *path = o->corrections ? xstrdup(o->corrections)
				    : corrections_default_path();
	struct corrections *c = corrections_open(path, &e);
	int rc;

	(void)l;
	free(path);
	if (c == NULL)
		return fail(&e);
	rc = corrections_list_write(stdout, c, o->format &&
					 strcmp(o->format, "yaml") == 0);
	corrections_free(c);
	return rc == REPORT_OK ? EXIT_OK : EXIT_FAIL;
}

/* What the archive's modes share, from the options. */
static struct archive_cmd archive_opts(const struct opts *o)
{
	struct archive_cmd c = {o->archive, o->limit ? o->limit : 20,
				o->format, o->notes, say};

	return c;
}

static int run_add(const struct opts *o, struct loaded *l)
{
	struct archive_cmd c = archive_opts(o);

	return archive_cmd_add(&c, l->args, l->nargs, l->rules, &l->formats,
			       &l->en);
}

/* --search and --entity */
static int run_archive_query(const struct opts *o, struct loaded *l)
{
	struct archive_cmd c = archive_opts(o);

	(void)l;
	if (o->format && strcmp(o->format, "tsv") != 0 &&
	    strcmp(o->format, "json") != 0) {
		complain("--format: %s writes a table, tsv or json, not '%s'",
			 o->mode == MODE_SEARCH ? "--search" : "--entity",
			 o->format);
		return EXIT_BAD_INPUT;
	}
	return o->mode == MODE_SEARCH ? archive_cmd_search(&c, o->query)
				      : archive_cmd_entity(&c, o->query);
}

#define TAKES_ENGINE (GIVEN_HLRULES | GIVEN_LEXICON | GIVEN_CORRECTIONS)
/* what every mode takes: --no-color is a preference, like NO_COLOR, that
 * a script or an alias may give everywhere (the batch outputs have no
 * colours to take off) */
#define TAKES_ALL GIVEN_NO_COLOR

static const struct mode modes[] = {
	[MODE_READ] = {"the reader",
		       NEED_ARTICLES | NEED_RULES | NEED_ENGINE |
			       NEED_ENGINE_LATER | NEED_LIBRARY | NEED_LAZY,
		       TAKES_ALL | GIVEN_NOTES | GIVEN_THEME | TAKES_ENGINE |
			       GIVEN_RULES | GIVEN_AS | GIVEN_CONFIG |
			       GIVEN_FRESH | GIVEN_JOBS,
		       run_read},
	[MODE_DUMP] = {"--dump", NEED_ARTICLES | NEED_RULES | NEED_LIBRARY,
		       TAKES_ALL | GIVEN_RULES | GIVEN_AS, run_dump},
	[MODE_MENTIONS] = {"--mentions",
			   NEED_ARTICLES | NEED_RULES | NEED_ENGINE | NEED_PATHS,
			   TAKES_ALL | TAKES_ENGINE | GIVEN_RULES | GIVEN_AS |
				   GIVEN_JOBS,
			   run_mentions},
	[MODE_ENTITIES] = {"--entities",
			   NEED_ARTICLES | NEED_RULES | NEED_ENGINE |
				   NEED_LIBRARY,
			   TAKES_ALL | TAKES_ENGINE | GIVEN_RULES | GIVEN_AS |
				   GIVEN_JOBS,
			   run_entities},
	[MODE_ALIASES] = {"--aliases", NEED_ENGINE,
			  TAKES_ALL | GIVEN_HLRULES | GIVEN_LEXICON,
			  run_aliases},
	[MODE_EXPORT] = {"--export-notes",
			 NEED_ARTICLES | NEED_RULES | NEED_LIBRARY,
			 TAKES_ALL | GIVEN_NOTES | GIVEN_RULES | GIVEN_AS,
			 run_export},
	[MODE_ADD_NOTE] = {"--add-note",
			   NEED_ARTICLES | NEED_RULES | NEED_LIBRARY,
			   TAKES_ALL | GIVEN_AT | GIVEN_NOTES | GIVEN_RULES |
				   GIVEN_AS,
			   run_add_note},
	[MODE_COMPARE] = {"--compare",
			  NEED_ARTICLES | NEED_RULES | NEED_ENGINE |
				  NEED_LIBRARY,
			  TAKES_ALL | GIVEN_FORMAT | TAKES_ENGINE | GIVEN_RULES |
				  GIVEN_AS | GIVEN_JOBS,
			  run_compare},
	[MODE_BRIEFING] = {"--briefing",
			   NEED_ARTICLES | NEED_RULES | NEED_ENGINE |
				   NEED_LIBRARY,
			   TAKES_ALL | GIVEN_NOTES | TAKES_ENGINE | GIVEN_RULES |
				   GIVEN_AS | GIVEN_JOBS,
			   run_compare},
	[MODE_IMPORT] = {"--import-notes",
			 NEED_ARTICLES | NEED_RULES | NEED_LIBRARY,
			 GIVEN_RULES | GIVEN_AS | GIVEN_NOTES, run_import},
	[MODE_CORRECTIONS] = {"--corrections", 0,
			      TAKES_ALL | GIVEN_CORRECTIONS | GIVEN_FORMAT,
			      run_corrections},
	[MODE_ADD] = {"--add",
		      NEED_ARTICLES | NEED_RULES | NEED_ENGINE,
		      TAKES_ALL | GIVEN_ARCHIVE | GIVEN_NOTES | TAKES_ENGINE |
			      GIVEN_RULES | GIVEN_AS | GIVEN_JOBS,
		      run_add},
	[MODE_SEARCH] = {"--search", 0,
			 TAKES_ALL | GIVEN_ARCHIVE | GIVEN_LIMIT | GIVEN_FORMAT,
			 run_archive_query},
	[MODE_ENTITY] = {"--entity", 0,
			 TAKES_ALL | GIVEN_ARCHIVE | GIVEN_FORMAT,
			 run_archive_query},
};

/* The options that do not choose a mode, as messages and --help name
 * them, in the order --help lists them. */
static const struct {
	unsigned bit;
	const char *name;
} given_names[] = {
	{GIVEN_AT, "--at"},
	{GIVEN_FORMAT, "--format"},
	{GIVEN_NOTES, "--notes"},
	{GIVEN_THEME, "--theme"},
	{GIVEN_LEXICON, "--lexicon"},
	{GIVEN_CORRECTIONS, "--corrections"},
	{GIVEN_HLRULES, "--highlight-rules"},
	{GIVEN_RULES, "--rules"},
	{GIVEN_AS, "--as"},
	{GIVEN_NO_COLOR, "--no-color"},
	{GIVEN_CONFIG, "--config"},
	{GIVEN_FRESH, "--fresh"},
	{GIVEN_ARCHIVE, "--archive"},
	{GIVEN_LIMIT, "--limit"},
	{GIVEN_JOBS, "-j"},
};

#define NMODES (sizeof modes / sizeof modes[0])
#define NGIVEN (sizeof given_names / sizeof given_names[0])

/* The usage, then which options go with which mode, from the tables. */
static void usage(FILE *f)
{
	size_t i, j;

	fputs(usage_text, f);
	fputs("\nWhich options go with which mode (--no-color, -h and -V go "
	      "with\nevery one; any other is an error):\n", f);
	for (i = 0; i < NMODES; i++) {
		fprintf(f, "  %-16s", modes[i].name);
		for (j = 0; j < NGIVEN; j++)
			if ((modes[i].takes & given_names[j].bit) &&
			    !(TAKES_ALL & given_names[j].bit))
				fprintf(f, " %s", given_names[j].name);
		fputc('\n', f);
	}
	fputs("\nExit status: 0 on success, 2 on bad input or usage.\n", f);
}

/* Two modes, an option that does not go with the mode, or a FILE|DIR for
 * a mode that reads none: 0, or -1 after the message. */
static int check(const struct opts *o)
{
	const struct mode *m = &modes[o->mode];
	struct buf b = {0};
	size_t i;

	for (i = 0; i < NMODES; i++)
		if (i != (size_t)o->mode && (o->modes_given & 1u << i)) {
			complain("%s: not used with %s (one mode at a time)",
				 modes[i].name, m->name);
			return -1;
		}
	for (i = 0; i < NGIVEN; i++) {
		unsigned bit = given_names[i].bit;
		size_t j;

		if (!(o->given & bit) || (m->takes & bit))
			continue;
		for (j = 0; j < NMODES; j++)
			if (modes[j].takes & bit) {
				buf_adds(&b, b.len ? ", " : "");
				buf_adds(&b, modes[j].name);
			}
		complain("%s: not used with %s (it goes with %s)",
			 given_names[i].name, m->name, b.data);
		buf_free(&b);
		return -1;
	}
	if ((o->given & GIVEN_FORMAT) && m->run != run_archive_query &&
	    (strcmp(o->format, "tsv") == 0 || strcmp(o->format, "json") == 0)) {
		complain("--format %s: only --search and --entity write it",
			 o->format);
		return -1;
	}
	if (!(m->needs & NEED_ARTICLES) && o->nargs > 0) {
		complain("%s: takes no FILE|DIR, not '%s'", m->name,
			 o->args[0]);
		return -1;
	}
	return 0;
}

/* Load what mode m needs into l, in the order of NEED_*.  EXIT_OK, or
 * the exit status after the message (what was loaded is in l->have). */
static int load(const struct mode *m, const struct opts *o,
		struct loaded *l)
{
	struct err e = {{0}};

	if ((m->needs & NEED_ARTICLES) && l->nargs == 0) {
		complain("no article given");
		usage(stderr);
		return EXIT_BAD_INPUT;
	}
	if (m->needs & NEED_RULES) {
		l->rules = o->rules ? article_rules_load(o->rules, &e)
				    : article_rules_default(&e);
		if (l->rules == NULL)
			return fail(&e);
		l->have |= NEED_RULES;
		/* the extractor's rules when the first page, e-mail or feed
		 * is read: plain text never needs them */
		l->formats.as = o->as;
		l->formats.extract_shared = 1;
		l->formats.pdf.pdftotext = paths_pdftotext();
		l->formats.pdf.timeout_s = paths_pdf_timeout();
	}
	if ((m->needs & NEED_ENGINE) && !(m->needs & NEED_ENGINE_LATER) &&
	    load_engine(o, l, &e) != 0)
		return fail(&e);
	if (m->needs & NEED_PATHS) {
		l->have |= NEED_PATHS; /* (freed even when it fails) */
		if (library_paths(l->args, l->nargs, &l->paths, &l->npaths,
				  &e) != 0)
			return fail(&e);
	}
	if (m->needs & NEED_LIBRARY) {
		if (library_load(&l->lib, l->args, l->nargs, l->rules,
				 &l->formats, (m->needs & NEED_LAZY) != 0,
				 &e) != 0)
			return fail(&e);
		l->have |= NEED_LIBRARY;
		say_broken(l->lib.broken, l->lib.nbroken);
	}
	return EXIT_OK;
}

static void unload(struct loaded *l)
{
	if (l->have & NEED_LIBRARY)
		library_free(&l->lib);
	if (l->have & NEED_PATHS)
		library_paths_free(l->paths, l->npaths);
	if (l->have & NEED_ENGINE)
		engine_close(&l->en);
	if (l->have & NEED_RULES) {
		article_rules_free(l->rules);
	}
}

int cli_main(int argc, char **argv)
{
	struct opts o = {0};
	struct loaded l;
	const struct mode *m;
	int rc;

	setlocale(LC_ALL, "");
	if (parse(argc, argv, &o) != 0 || check(&o) != 0) {
		free(o.args);
		free(o.lexicons);
		return EXIT_BAD_INPUT;
	}
	m = &modes[o.mode];
	memset(&l, 0, sizeof l);
	l.args = o.args;
	l.nargs = o.nargs;
	rc = load(m, &o, &l);
	if (rc == EXIT_OK)
		rc = m->run(&o, &l);
	unload(&l);
	free(o.args);
	free(o.lexicons);
	return rc;
}
