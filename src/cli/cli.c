/* cli: arguments, usage, batch modes, exit codes. */
#include "brief/cli/cli.h"

#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "brief/text/article.h"
#include "brief/report/dump.h"
#include "brief/compare/compare.h"
#include "brief/report/compare_md.h"
#include "brief/report/compare_yaml.h"
#include "brief/mark/engine.h"
#include "brief/report/export.h"
#include "brief/notes/notes.h"
#include "brief/cli/progress.h"
#include "brief/mark/highlight.h"
#include "brief/mark/lexicon.h"
#include "brief/text/library.h"
#include "brief/ui/ui.h"
#include "brief/base/util.h"
#include "brief/base/visible.h"
#include "brief/mark/xref.h"

#ifndef BRIEF_VERSION
#define BRIEF_VERSION "0"
#endif

enum mode {
	MODE_READ,
	MODE_DUMP,
	MODE_MENTIONS,
	MODE_ENTITIES,
	MODE_ALIASES,
	MODE_EXPORT,
	MODE_ADD_NOTE,
	MODE_COMPARE,
	MODE_BRIEFING
};

struct opts {
	enum mode mode;
	const char *theme;
	int no_color;
	const char *rules;
	const char *hlrules;
	char **lexicons;
	size_t nlexicons;
	const char *notes;
	const char *export_format;
	const char *note_text;
	const char *note_at;
	const char *format;
};

static const char usage_text[] =
	"usage: brief [OPTIONS] FILE|DIR...\n"
	"       brief --dump FILE|DIR...\n"
	"\n"
	"A terminal briefing reader: two reports side by side, with actors,\n"
	"weapons and figures highlighted.  A directory stands for its *.txt\n"
	"and *.md files; '-' reads an article from standard input.\n"
	"\n"
	"Batch modes (output on stdout):\n"
	"  --dump              each article as a YAML document: file, id,\n"
	"                      title, date, source, sections with their kind,\n"
	"                      text and sentences\n"
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
	"                      briefing or as yaml\n"
	"  --add-note TEXT --at QUOTE ARTICLE\n"
	"                      add a note to the first occurrence of QUOTE\n"
	"  --aliases           the lexicon in effect: one line per literal alias,\n"
	"                      tab-separated: alias, entity, category, kind\n"
	"                      (no article needed)\n"
	"  --entities          a table of entities (rows) and their mention\n"
	"                      counts in each file (columns), most mentioned\n"
	"                      first\n"
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
	"  --lexicon FILE      entity lexicon to use instead of the default\n"
	"                      (repeatable; files are merged in order)\n"
	"  --highlight-rules FILE\n"
	"                      person, organisation and figure rules instead of\n"
	"                      the default\n"
	"  --rules FILE        article rules (metadata, boilerplate and\n"
	"                      abbreviation patterns) instead of the default\n"
	"  -h, --help          show this help and exit\n"
	"  -V, --version       show the version and exit\n"
	"\n"
	"Exit status: 0 on success, 2 on bad input or usage.\n";

static void usage(FILE *f)
{
	fputs(usage_text, f);
}

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
		OPT_FORMAT
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
		{"add-note", required_argument, NULL, OPT_ADD_NOTE},
		{"at", required_argument, NULL, OPT_AT},
		{"compare", no_argument, NULL, OPT_COMPARE},
		{"briefing", no_argument, NULL, OPT_BRIEFING},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"no-color", no_argument, NULL, OPT_NO_COLOR},
		{"no-colour", no_argument, NULL, OPT_NO_COLOR},
		{NULL, 0, NULL, 0},
	};
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+hV", longs, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			exit(EXIT_OK);
		case 'V':
			printf("brief %s\n", BRIEF_VERSION);
			exit(EXIT_OK);
		case OPT_DUMP:
			o->mode = MODE_DUMP;
			break;
		case OPT_RULES:
			o->rules = optarg;
			break;
		case OPT_MENTIONS:
			o->mode = MODE_MENTIONS;
			break;
		case OPT_ENTITIES:
			o->mode = MODE_ENTITIES;
			break;
		case OPT_NOTES:
			if (optarg[0] == '\0') {
				complain("--notes: empty file name");
				return -1;
			}
			o->notes = optarg;
			break;
		case OPT_EXPORT:
			o->mode = MODE_EXPORT;
			o->export_format = optarg;
			if (strcmp(optarg, "markdown") != 0 &&
			    strcmp(optarg, "yaml") != 0) {
				complain("--export-notes takes markdown or "
					 "yaml, not '%s'", optarg);
				return -1;
			}
			break;
		case OPT_ADD_NOTE:
			o->mode = MODE_ADD_NOTE;
			o->note_text = optarg;
			break;
		case OPT_AT:
			o->note_at = optarg;
			break;
		case OPT_COMPARE:
			o->mode = MODE_COMPARE;
			break;
		case OPT_BRIEFING:
			o->mode = MODE_BRIEFING;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "markdown") != 0 &&
			    strcmp(optarg, "yaml") != 0) {
				complain("--format takes markdown or yaml, "
					 "not '%s'", optarg);
				return -1;
			}
			o->format = optarg;
			break;
		case OPT_ALIASES:
			o->mode = MODE_ALIASES;
			break;
		case OPT_THEME:
			o->theme = optarg;
			break;
		case OPT_NO_COLOR:
			o->no_color = 1;
			break;
		case OPT_HLRULES:
			o->hlrules = optarg;
			break;
		case OPT_LEXICON:
			o->lexicons = xrealloc(o->lexicons,
					       (o->nlexicons + 1) *
						       sizeof *o->lexicons);
			o->lexicons[o->nlexicons++] = optarg;
			break;
		default:
			if (optopt && optopt < 256)
				complain("unknown option '-%c'", optopt);
			else
				complain("unknown option '%s'",
					 argv[optind - 1]);
			usage(stderr);
			return -1;
		}
	}
	return 0;
}

static int fail(const struct err *e)
{
	complain("%s", e->text);
	return EXIT_BAD_INPUT;
}

/* 0 while every article's file is as it was read, else -1 and e set
 * ("FILE: file changed while being read"): checked before an output is
 * written, so that none is made of bytes the file no longer has. */
static int library_check(const struct library *lib, struct err *e)
{
	size_t i;

	for (i = 0; i < lib->n; i++)
		if (article_check(lib->items[i], e) != 0)
			return -1;
	return 0;
}

static int run_dump(struct library *lib)
{
	struct err e = {{0}};
	size_t i;

	for (i = 0; i < lib->n; i++) {
		if (article_check(lib->items[i], &e) != 0)
			break;
		if (dump_article(stdout, lib->items[i]) != 0) {
			complain("cannot write the dump");
			return EXIT_FAIL;
		}
	}
	/* (one that changed while it was dumped is told after it) */
	if (fflush(stdout) != 0)
		return EXIT_FAIL;
	return library_check(lib, &e) == 0 ? EXIT_OK : fail(&e);
}

/* The mention lines are built in a buffer and written 64 KiB at a time,
 * not by a locked stdio call per field. */
#define OUT_RUN (1u << 16)

static void out_flush(struct buf *o)
{
	if (o->len)
		fwrite(o->data, 1, o->len, stdout);
	o->len = 0;
}

/* A tab-separated field: tab, line feed, backslash and control bytes
 * escaped (\t, \n, \\, \x1b). */
static void out_field(struct buf *o, const char *s)
{
	visible_tsv(o, s, strlen(s));
}

/* A tab and a number, without printf's cost per mention. */
static void out_num(struct buf *o, size_t v)
{
	char tmp[24];
	int n = (int)sizeof tmp;

	do {
		tmp[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	tmp[--n] = '\t';
	buf_add(o, tmp + n, sizeof tmp - (size_t)n);
}

/* The mention lines of one article into o, written out a run at a time
 * while its file is as it was read; -1 and e set when it changed (what
 * is left in o is then not to be written). */
static int article_mentions(const struct engine *en, const struct article *a,
			    struct buf *o, struct err *e)
{
	struct hl_state *st = hl_state_new();
	struct buf path = {0};
	size_t j, k;
	int rc = 0;

	out_field(&path, a->path);
	progress_start(a->path, a->len);
	for (j = 0; j < a->nsections && rc == 0; j++) {
		struct mentions m = {0};
		size_t base = a->sections[j].start;

		progress_update(base);
		highlight_section(en->hl, st, a, j, &m);
		for (k = 0; k < m.n; k++) {
			const struct mention *mn = &m.v[k];
			const struct entity *ent =
				entities_get(en->reg, mn->entity);
			const char *cat = category_name((enum category)mn->cat);

			buf_add(o, path.data, path.len);
			out_num(o, j);
			out_num(o, mn->start - base);
			out_num(o, mn->end - base);
			buf_addc(o, '\t');
			buf_adds(o, cat);
			buf_addc(o, '\t');
			out_field(o, ent ? ent->name : "-");
			buf_addc(o, '\t');
			visible_tsv(o, a->text + mn->start, mn->end - mn->start);
			buf_addc(o, '\n');
		}
		mentions_free(&m);
		if (o->len >= OUT_RUN && (rc = article_check(a, e)) == 0)
			out_flush(o);
	}
	if (rc == 0 && (rc = article_check(a, e)) == 0)
		out_flush(o);
	progress_end();
	hl_state_free(st);
	buf_free(&path);
	return rc;
}

static int run_mentions(const struct engine *en, char *const *paths,
			size_t n, const struct article_rules *rules)
{
	struct err e = {{0}};
	struct buf o = {0};
	size_t i;
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		struct article *a = article_load(paths[i], rules, &e);

		rc = a == NULL ? -1 : article_mentions(en, a, &o, &e);
		article_free(a);
	}
	buf_free(&o);
	if (fflush(stdout) != 0 && rc == 0)
		return EXIT_FAIL;
	return rc == 0 ? EXIT_OK : fail(&e);
}

static int run_entities(const struct engine *en, struct library *lib)
{
	struct mentions *m = xcalloc(lib->n, sizeof *m);
	struct xref *x = xref_new(lib->n);
	struct err e = {{0}};
	struct buf o = {0};
	uint32_t *ids;
	size_t i, k, n;
	int rc = EXIT_OK;

	progress_start("indexing", lib->n);
	for (i = 0; i < lib->n; i++) {
		progress_update(i);
		highlight_article(en->hl, lib->items[i], &m[i]);
		xref_set(x, i, &m[i]);
	}
	progress_end();
	if (library_check(lib, &e) != 0) {
		rc = fail(&e);
		goto done;
	}
	buf_adds(&o, "category\tentity");
	for (i = 0; i < lib->n; i++) {
		buf_addc(&o, '\t');
		out_field(&o, lib->items[i]->path);
	}
	buf_addc(&o, '\n');
	ids = xref_ranked(x, en->reg, 1u << CAT_ACTOR | 1u << CAT_WEAPON, &n);
	for (k = 0; k < n; k++) {
		const struct entity *ent = entities_get(en->reg, ids[k]);

		buf_adds(&o, category_name(ent->cat));
		buf_addc(&o, '\t');
		out_field(&o, ent->name);
		for (i = 0; i < lib->n; i++)
			out_num(&o, xref_count(x, ids[k], i));
		buf_addc(&o, '\n');
		if (o.len >= OUT_RUN)
			out_flush(&o);
	}
	out_flush(&o);
	free(ids);
	if (fflush(stdout) != 0)
		rc = EXIT_FAIL;
done:
	buf_free(&o);
	xref_free(x);
	for (i = 0; i < lib->n; i++)
		mentions_free(&m[i]);
	free(m);
	return rc;
}

static int run_aliases(const struct engine *en)
{
	struct buf o = {0};
	size_t i;

	for (i = 0; i < lexicon_alias_count(en->lx); i++) {
		uint32_t id;
		const char *alias = lexicon_alias(en->lx, i, &id);
		const struct entity *ent = entities_get(en->reg, id);

		out_field(&o, alias);
		buf_addc(&o, '\t');
		out_field(&o, ent->name);
		buf_addc(&o, '\t');
		buf_adds(&o, category_name(ent->cat));
		buf_addc(&o, '\t');
		out_field(&o, ent->kind ? ent->kind : "-");
		buf_addc(&o, '\n');
		if (o.len >= OUT_RUN)
			out_flush(&o);
	}
	out_flush(&o);
	buf_free(&o);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
}

static struct notes *open_notes(const struct opts *o, struct err *e);

/* Markdown is written to memory, then to stdout with its control
 * characters shown visibly: its text comes from articles, front matter,
 * notes and lexicons, and must never drive the terminal. */
struct md_out {
	FILE *f;
	char *data;
	size_t len;
};

static FILE *md_begin(struct md_out *m)
{
	m->data = NULL;
	m->len = 0;
	m->f = open_memstream(&m->data, &m->len);
	return m->f;
}

/* Write what was put in m if rc is 0 and the articles' files are as
 * they were read; returns rc, -2 with e set when a file changed, or -1 on
 * a write error. */
static int md_end(struct md_out *m, int rc, const struct library *lib,
		  struct err *e)
{
	if (fclose(m->f) != 0)
		rc = -1;
	if (rc == 0 && library_check(lib, e) != 0)
		rc = -2;
	if (rc == 0)
		rc = visible_write(stdout, m->data, m->len,
				   VISIBLE_KEEP_NL | VISIBLE_KEEP_TAB);
	free(m->data);
	return rc == 0 && fflush(stdout) == 0 ? 0 : rc ? rc : -1;
}

static int run_compare(const struct opts *o, struct engine *en,
		       struct library *lib)
{
	struct err e = {{0}};
	struct compare_rules *cr;
	struct comparison *c;
	struct mentions m[2];
	struct md_out md;
	int rc;

	if (lib->n != 2) {
		complain("--%s takes two reports, not %zu",
			 o->mode == MODE_COMPARE ? "compare" : "briefing", lib->n);
		return EXIT_BAD_INPUT;
	}
	cr = compare_rules_load(NULL, NULL, &e);
	if (cr == NULL)
		return fail(&e);
	memset(m, 0, sizeof m);
	highlight_article(en->hl, lib->items[0], &m[0]);
	highlight_article(en->hl, lib->items[1], &m[1]);
	c = compare_run(cr, en->reg, lib->items[0], &m[0], lib->items[1],
			&m[1]);
	if (o->mode == MODE_BRIEFING) {
		struct notes *ns = open_notes(o, &e);

		if (ns == NULL) {
			rc = -2;
		} else if (md_begin(&md) == NULL) {
			rc = -1;
			notes_free(ns);
		} else {
			fputs("# Briefing\n\n", md.f);
			rc = compare_md_write(md.f, c, cr, en->reg);
			if (rc == 0) {
				fputs("\n", md.f);
				rc = export_markdown(md.f, ns, lib);
			}
			rc = md_end(&md, rc, lib, &e);
			notes_free(ns);
		}
	} else if (library_check(lib, &e) != 0) {
		rc = -2;
	} else if (o->format && strcmp(o->format, "yaml") == 0) {
		rc = compare_yaml_write(stdout, c, cr, en->reg);
	} else if (md_begin(&md) == NULL) {
		rc = -1;
	} else {
		rc = compare_md_write(md.f, c, cr, en->reg);
		rc = md_end(&md, rc, lib, &e);
	}
	compare_free(c);
	mentions_free(&m[0]);
	mentions_free(&m[1]);
	compare_rules_free(cr);
	if (rc == -2)
		return fail(&e);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

static struct notes *open_notes(const struct opts *o, struct err *e)
{
	char *path = o->notes ? xstrdup(o->notes) : notes_default_path();
	struct notes *ns = notes_open(path, e);

	free(path);
	return ns;
}

static int run_export(const struct opts *o, struct library *lib)
{
	struct err e = {{0}};
	struct notes *ns = open_notes(o, &e);
	struct md_out md;
	int rc;

	if (ns == NULL)
		return fail(&e);
	if (library_check(lib, &e) != 0) {
		rc = -2;
	} else if (strcmp(o->export_format, "yaml") == 0) {
		rc = export_yaml(stdout, ns, lib);
	} else if (md_begin(&md) == NULL) {
		rc = -1;
	} else {
		rc = export_markdown(md.f, ns, lib);
		rc = md_end(&md, rc, lib, &e);
	}
	notes_free(ns);
	if (rc == -2)
		return fail(&e);
	return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

static int run_add_note(const struct opts *o, struct library *lib)
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
	if (lib->n != 1) {
		complain("--add-note takes one article");
		return EXIT_BAD_INPUT;
	}
	a = lib->items[0];
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

int cli_main(int argc, char **argv)
{
	struct opts o = {0};
	struct article_rules *rules;
	struct library lib;
	struct engine en;
	struct err e = {{0}};
	int rc;

	setlocale(LC_ALL, "");
	if (parse(argc, argv, &o) != 0)
		return EXIT_BAD_INPUT;
	if (o.mode == MODE_ALIASES) {
		if (engine_open(&en, o.lexicons, o.nlexicons, o.hlrules, &e) != 0) {
			free(o.lexicons);
			return fail(&e);
		}
		rc = run_aliases(&en);
		engine_close(&en);
		free(o.lexicons);
		return rc;
	}
	if (optind >= argc) {
		complain("no article given");
		usage(stderr);
		return EXIT_BAD_INPUT;
	}
	rules = o.rules ? article_rules_load(o.rules, &e)
			: article_rules_default(&e);
	if (rules == NULL) {
		free(o.lexicons);
		return fail(&e);
	}
	if (o.mode == MODE_READ || o.mode == MODE_MENTIONS ||
	    o.mode == MODE_ENTITIES || o.mode == MODE_COMPARE ||
	    o.mode == MODE_BRIEFING) {
		if (engine_open(&en, o.lexicons, o.nlexicons, o.hlrules,
				&e) != 0) {
			article_rules_free(rules);
			free(o.lexicons);
			return fail(&e);
		}
	}
	if (o.mode == MODE_MENTIONS) {
		char **paths = NULL;
		size_t np = 0;

		if (library_paths(argv + optind, (size_t)(argc - optind),
				  &paths, &np, &e) != 0)
			rc = fail(&e);
		else
			rc = run_mentions(&en, paths, np, rules);
		library_paths_free(paths, np);
		engine_close(&en);
		article_rules_free(rules);
		free(o.lexicons);
		return rc;
	}
	if (library_load(&lib, argv + optind, (size_t)(argc - optind), rules,
			 o.mode == MODE_READ, &e) != 0) {
		if (o.mode != MODE_DUMP && o.mode != MODE_MENTIONS &&
		    o.mode != MODE_EXPORT && o.mode != MODE_ADD_NOTE)
			engine_close(&en);
		article_rules_free(rules);
		free(o.lexicons);
		return fail(&e);
	}
	switch (o.mode) {
	case MODE_DUMP:
		rc = run_dump(&lib);
		break;
	case MODE_EXPORT:
		rc = run_export(&o, &lib);
		break;
	case MODE_ADD_NOTE:
		rc = run_add_note(&o, &lib);
		break;
	case MODE_COMPARE:
	case MODE_BRIEFING:
		rc = run_compare(&o, &en, &lib);
		engine_close(&en);
		break;
	case MODE_ENTITIES:
		rc = run_entities(&en, &lib);
		engine_close(&en);
		break;
	default: {
		struct ui_opts uo = {o.theme, o.no_color};

		struct notes *ns = open_notes(&o, &e);

		if (ns == NULL) {
			rc = fail(&e);
		} else {
			rc = ui_run(&lib, &en, rules, ns, &uo, &e);
			if (rc == EXIT_BAD_INPUT && e.text[0])
				complain("%s", e.text);
			notes_free(ns);
		}
		engine_close(&en);
		break;
	}
	}
	library_free(&lib);
	article_rules_free(rules);
	free(o.lexicons);
	return rc;
}
