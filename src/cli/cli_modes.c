/* cli_modes: what runs each mode -- the reader, the batch outputs, the
 * notes' and the archive's modes -- and the table of modes: each one's
 * name, what it needs loaded and the options it takes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/util.h"
#include "brief/text/article.h"
#include "brief/text/library.h"
#include "brief/mark/engine.h"
#include "brief/mark/parallel.h"
#include "brief/compare/compare.h"
#include "brief/notes/notes.h"
#include "brief/notes/notes_import.h"
#include "brief/report/briefing.h"
#include "brief/report/compare_md.h"
#include "brief/report/compare_yaml.h"
#include "brief/report/corrections_list.h"
#include "brief/report/dump.h"
#include "brief/report/entities_tsv.h"
#include "brief/report/export.h"
#include "brief/report/mdout.h"
#include "brief/report/mentions_tsv.h"
#include "brief/ui/ui.h"
#include "brief/cli/cli.h"
#include "brief/cli/progress.h"
#include "brief/cli/archive_cmd.h"
#include "cli_priv.h"

/* The progress bar on stderr, for the outputs that tell progress. */
static const struct report_progress bar = {progress_start, progress_update,
					   progress_end};

/* The exit status for what an output returned. */
static int status(int rc, const struct err *e)
{
	if (rc == REPORT_OK)
		return EXIT_OK;
	return rc == REPORT_EINPUT ? cli_fail(e) : EXIT_FAIL;
}

static struct notes *open_notes(const struct opts *o, struct err *e)
{
	char *path = o->notes ? xstrdup(o->notes) : notes_default_path();
	struct notes *ns = notes_open(path, e);

	free(path);
	return ns;
}

/* A message from a mode's helper, told as cli_complain tells it. */
static void say(const char *msg)
{
	cli_complain("%s", msg);
}

/* What the reader needs to open the engine after its first screen. */
struct later {
	const struct opts *o;
	struct loaded *l;
};

static int open_engine_later(void *arg, struct err *e)
{
	struct later *k = arg;

	return cli_load_engine(k->o, k->l, e);
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
		return cli_fail(&e);
	rc = ui_run(&l->lib, &l->en, l->rules, ns, &uo, &e);
	if (rc == EXIT_BAD_INPUT && e.text[0])
		cli_complain("%s", e.text);
	notes_free(ns);
	return rc;
}

static int run_dump(const struct opts *o, struct loaded *l)
{
	struct err e = {{0}};
	int rc = dump_write(stdout, &l->lib, &e);

	(void)o;
	if (rc == REPORT_EWRITE && e.text[0])
		cli_complain("%s", e.text);
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
		cli_say_broken(broken, nb);
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
	return rc == 0 ? EXIT_OK : cli_fail(&e);
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
		cli_complain("--%s takes two reports, not %zu",
			     o->mode == MODE_COMPARE ? "compare" : "briefing",
			     lib->n);
		return EXIT_BAD_INPUT;
	}
	cr = compare_rules_load(NULL, NULL, &e);
	if (cr == NULL)
		return cli_fail(&e);
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
		return cli_fail(&e);
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
		cli_complain("--add-note needs --at QUOTE");
		return EXIT_BAD_INPUT;
	}
	if (l->lib.n != 1) {
		cli_complain("--add-note takes one article");
		return EXIT_BAD_INPUT;
	}
	a = l->lib.items[0];
	hit = memmem(a->text, a->len, o->note_at, strlen(o->note_at));
	if (article_check(a, &e) != 0)
		return cli_fail(&e);
	if (hit == NULL) {
		cli_complain("%s: quote not found: %s", a->path, o->note_at);
		return EXIT_BAD_INPUT;
	}
	ns = open_notes(o, &e);
	if (ns == NULL)
		return cli_fail(&e);
	anchor_make(&an, a, (size_t)(hit - a->text),
		    (size_t)(hit - a->text) + strlen(o->note_at));
	rc = notes_add(ns, o->note_text, &an, 1, &id, &e);
	if (rc == 0)
		printf("%s\n", id);
	else
		cli_complain("%s", e.text);
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
		return cli_fail(&e);
	if (report_library_check(&l->lib, &e) != 0) {
		notes_free(ns);
		return cli_fail(&e);
	}
	rc = notes_import(ns, o->import_file, l->lib.items, l->lib.n, &c, &e);
	notes_free(ns);
	if (rc != 0)
		return cli_fail(&e);
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
		return cli_fail(&e);
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
		cli_complain("--format: %s writes a table, tsv or json, "
			     "not '%s'",
			     o->mode == MODE_SEARCH ? "--search" : "--entity",
			     o->format);
		return EXIT_BAD_INPUT;
	}
	return o->mode == MODE_SEARCH ? archive_cmd_search(&c, o->query)
				      : archive_cmd_entity(&c, o->query);
}

#define TAKES_ENGINE (GIVEN_HLRULES | GIVEN_LEXICON | GIVEN_CORRECTIONS)

const struct mode cli_modes[] = {
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

const size_t cli_nmodes = sizeof cli_modes / sizeof cli_modes[0];
