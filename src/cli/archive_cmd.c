/* archive_cmd: --add, --search and --entity (see archive_cmd.h). */
#include "brief/cli/archive_cmd.h"

#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "brief/base/fileio.h"
#include "brief/base/fileread.h"
#include "brief/base/hash.h"
#include "brief/base/paths.h"
#include "brief/base/visible.h"
#include "brief/text/library.h"
#include "brief/notes/notes.h"
#include "brief/report/tsv.h"
#include "brief/archive/archive.h"
#include "brief/cli/cli.h"
#include "brief/cli/progress.h"

char *archive_cmd_default_path(void)
{
	return xdg_path("data", "archive.db");
}

static int failed(const struct archive_cmd *c, const struct err *e)
{
	c->say(e->text);
	return EXIT_BAD_INPUT;
}

/* Open the archive c names; create as archive_open's (ARCHIVE_CREATE:
 * for --add, the default one's folder is made). */
static struct archive *open_archive(const struct archive_cmd *c, int create,
				    struct err *e)
{
	char *path = c->where ? xstrdup(c->where) : archive_cmd_default_path();
	struct archive *ar;

	if (create == ARCHIVE_CREATE && c->where == NULL) {
		char *slash = strrchr(path, '/');

		if (slash != NULL) {
			*slash = '\0';
			file_make_dirs(path);
			*slash = '/';
		}
	}
	ar = archive_open(path, create, e);
	free(path);
	return ar;
}

/* The notes' anchors and tags into the archive (the notes file stays
 * the truth: this is a copy for tag: queries). */
static int add_notes(const struct archive_cmd *c, struct archive *ar,
		     struct err *e)
{
	char *path = c->notes ? xstrdup(c->notes) : notes_default_path();
	struct notes *ns = notes_open(path, e);
	struct archive_note *v;
	struct note *all;
	size_t n, i, k = 0;
	int rc;

	free(path);
	if (ns == NULL)
		return -1;
	all = notes_all(ns, &n);
	v = xcalloc(n ? n : 1, sizeof *v);
	for (i = 0; i < n; i++) {
		const struct note *no = &all[i];

		if (no->deleted || no->nanchors == 0)
			continue;
		v[k].id = no->id;
		v[k].article = no->anchor[0].article;
		v[k].file = no->anchor[0].file;
		v[k].quote = no->anchor[0].quote;
		v[k].position = no->anchor[0].position;
		v[k].tags = no->tags;
		v[k].ntags = no->ntags;
		k++;
	}
	rc = archive_notes_put(ar, v, k, e);
	free(v);
	notes_free(ns);
	return rc;
}

/* The archive's messages on stderr (the adder's say). */
static void say_to(void *arg, const char *msg)
{
	const struct archive_cmd *c = arg;

	c->say(msg);
}

static void progress_to(void *arg, size_t done)
{
	(void)arg;
	progress_update(done);
}

/* The directories among args, as absolute paths (the caller frees). */
static char **dirs_of(char *const *args, size_t nargs, size_t *n)
{
	char **v = xcalloc(nargs ? nargs : 1, sizeof *v);
	char abs[PATH_MAX];
	struct stat sb;
	size_t i;

	*n = 0;
	for (i = 0; i < nargs; i++)
		if (stat(args[i], &sb) == 0 && S_ISDIR(sb.st_mode) &&
		    realpath(args[i], abs) != NULL)
			v[(*n)++] = xstrdup(abs);
	return v;
}

static void free_strs(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int archive_cmd_add(const struct archive_cmd *c, char *const *args,
		    size_t nargs, const struct article_rules *r,
		    const struct article_formats *f, struct engine *en)
{
	struct archive_add_count cnt = {0, 0, 0, 0};
	struct archive_adder ad = {r, f, en, en->jobs, say_to, progress_to,
				   NULL};
	struct archive_seen seen = {NULL, 0, 0};
	struct err e = {{0}};
	struct archive *ar;
	char **paths = NULL, **dirs;
	size_t npaths = 0, ndirs, i;
	int rc;

	ad.arg = (void *)c;
	for (i = 0; i < nargs; i++)
		if (strcmp(args[i], "-") == 0) {
			err_set(&e, "--add: reads files, not standard input");
			return failed(c, &e);
		}
	if (library_paths(args, nargs, &paths, &npaths, &e) != 0)
		return failed(c, &e);
	ar = open_archive(c, ARCHIVE_CREATE, &e);
	if (ar == NULL) {
		library_paths_free(paths, npaths);
		return failed(c, &e);
	}
	progress_start("adding", npaths);
	rc = archive_add_paths(ar, &ad, paths, npaths, &seen, &cnt, &e);
	progress_end();
	dirs = dirs_of(args, nargs, &ndirs);
	for (i = 0; i < ndirs && rc >= 0; i++)
		rc = archive_mark_removed(ar, dirs[i], seen.v, seen.n, &cnt,
					  &e);
	if (rc >= 0)
		rc = add_notes(c, ar, &e);
	free_strs(dirs, ndirs);
	library_paths_free(paths, npaths);
	archive_close(ar);
	if (rc < 0) {
		archive_seen_free(&seen);
		return failed(c, &e);
	}
	printf("%zu added, %zu updated, %zu unchanged, %zu removed\n",
	       cnt.added, cnt.updated, cnt.unchanged, cnt.removed);
	rc = seen.bad;
	archive_seen_free(&seen);
	if (fflush(stdout) != 0)
		return EXIT_FAIL;
	return rc ? EXIT_BAD_INPUT : EXIT_OK;
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

static int hits_tsv(const struct archive_hits *h)
{
	struct buf o = {0};
	size_t i;

	for (i = 0; i < h->n; i++) {
		const struct archive_hit *x = &h->v[i];

		tsv_field(&o, x->file);
		buf_addc(&o, '\t');
		tsv_field(&o, or_empty(x->id));
		buf_addc(&o, '\t');
		tsv_field(&o, or_empty(x->title));
		buf_addc(&o, '\t');
		tsv_field(&o, or_empty(x->date));
		buf_addc(&o, '\t');
		tsv_field(&o, or_empty(x->source));
		buf_printf(&o, "\t%.3f\t", x->score);
		tsv_field(&o, or_empty(x->snippet));
		buf_addc(&o, '\n');
		if (o.len >= TSV_RUN)
			tsv_flush(stdout, &o);
	}
	tsv_flush(stdout, &o);
	buf_free(&o);
	return 0;
}

static json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

static int hits_json(const struct archive_hits *h)
{
	json_t *list = json_array();
	size_t i;
	int rc;

	for (i = 0; i < h->n; i++) {
		const struct archive_hit *x = &h->v[i];
		json_t *o = json_object();

		json_object_set_new(o, "file", jstr(x->file));
		json_object_set_new(o, "id", jstr(x->id));
		json_object_set_new(o, "title", jstr(x->title));
		json_object_set_new(o, "date", jstr(x->date));
		json_object_set_new(o, "source", jstr(x->source));
		json_object_set_new(o, "score", json_real(x->score));
		json_object_set_new(o, "snippet", jstr(x->snippet));
		json_array_append_new(list, o);
	}
	rc = json_dumpf(list, stdout, JSON_INDENT(2) | JSON_ENSURE_ASCII);
	json_decref(list);
	putchar('\n');
	return rc;
}

/* A string on stdout with its control characters shown, never sent. */
static void show(const char *s)
{
	visible_write(stdout, s ? s : "", s ? strlen(s) : 0, 0);
}

static void hits_table(const struct archive_hits *h, int ranked)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		const struct archive_hit *x = &h->v[i];

		printf("%3zu  ", i + 1);
		if (ranked)
			printf("%6.2f  ", x->score);
		printf("%-10s  ", x->date ? x->date : "no date");
		show(x->title);
		fputs("\n     ", stdout);
		if (x->source) {
			show(x->source);
			fputs(" · ", stdout);
		}
		show(x->file);
		if (x->snippet && x->snippet[0]) {
			fputs("\n     ", stdout);
			show(x->snippet);
		}
		putchar('\n');
	}
	if (h->n == 0)
		puts("no article matches");
}

int archive_cmd_search(const struct archive_cmd *c, const char *query)
{
	struct err e = {{0}};
	struct archive_hits h;
	struct archive *ar;
	struct aq *q = aq_parse(query, &e);
	int rc, ranked = 0;
	const struct aq *t;

	if (q == NULL)
		return failed(c, &e);
	ar = open_archive(c, ARCHIVE_READ, &e);
	if (ar == NULL) {
		aq_free(q);
		return failed(c, &e);
	}
	rc = archive_search(ar, q, c->limit, &h, &e);
	for (t = q; t != NULL && !ranked; t = t->left)
		ranked = t->kind == AQ_TEXT || (t->right && t->right->kind ==
							    AQ_TEXT);
	aq_free(q);
	archive_close(ar);
	if (rc != 0)
		return failed(c, &e);
	if (c->format && strcmp(c->format, "json") == 0)
		hits_json(&h);
	else if (c->format && strcmp(c->format, "tsv") == 0)
		hits_tsv(&h);
	else
		hits_table(&h, ranked);
	archive_hits_free(&h);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
}

/* The entity report as "section\tkey\tcount" lines (tsv) or a text. */
static void counts_out(const char *what, const struct archive_count *v,
		       size_t n, int tsv)
{
	size_t i;

	if (!tsv)
		printf("\n%s:\n", what);
	for (i = 0; i < n; i++) {
		if (tsv) {
			struct buf o = {0};

			buf_adds(&o, what);
			buf_addc(&o, '\t');
			tsv_field(&o, v[i].key);
			buf_printf(&o, "\t%lld\n", v[i].n);
			tsv_flush(stdout, &o);
			buf_free(&o);
		} else {
			printf("  %6lld  ", v[i].n);
			show(v[i].key);
			if (v[i].extra) {
				fputs(" (", stdout);
				show(v[i].extra);
				putchar(')');
			}
			putchar('\n');
		}
	}
}

static json_t *counts_json(const struct archive_count *v, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++) {
		json_t *o = json_object();

		json_object_set_new(o, "key", jstr(v[i].key));
		json_object_set_new(o, "count", json_integer(v[i].n));
		if (v[i].extra)
			json_object_set_new(o, "category", jstr(v[i].extra));
		json_array_append_new(a, o);
	}
	return a;
}

static void entity_json(const struct archive_entity_report *r)
{
	json_t *o = json_object(), *figs = json_array();
	size_t i;

	json_object_set_new(o, "entity", jstr(r->name));
	json_object_set_new(o, "category", jstr(r->category));
	json_object_set_new(o, "mentions", json_integer(r->mentions));
	json_object_set_new(o, "articles", json_integer(r->articles));
	json_object_set_new(o, "months", counts_json(r->months, r->nmonths));
	json_object_set_new(o, "sources", counts_json(r->sources, r->nsources));
	json_object_set_new(o, "cooccurring",
			    counts_json(r->cooccur, r->ncooccur));
	for (i = 0; i < r->nfigures; i++) {
		const struct archive_figure *f = &r->figures[i];
		json_t *x = json_object();

		json_object_set_new(x, "date", jstr(f->date));
		json_object_set_new(x, "value", jstr(f->value));
		json_object_set_new(x, "counts", jstr(f->counts));
		json_object_set_new(x, "text", jstr(f->text));
		json_object_set_new(x, "file", jstr(f->file));
		json_array_append_new(figs, x);
	}
	json_object_set_new(o, "figures", figs);
	json_dumpf(o, stdout, JSON_INDENT(2) | JSON_ENSURE_ASCII);
	putchar('\n');
	json_decref(o);
}

int archive_cmd_entity(const struct archive_cmd *c, const char *name)
{
	struct err e = {{0}};
	struct archive_entity_report r;
	struct archive *ar = open_archive(c, ARCHIVE_READ, &e);
	int rc, tsv = c->format && strcmp(c->format, "tsv") == 0;
	size_t i;

	if (ar == NULL)
		return failed(c, &e);
	rc = archive_entity(ar, name, &r, &e);
	archive_close(ar);
	if (rc < 0)
		return failed(c, &e);
	if (rc == 0) {
		err_set(&e, "--entity: no entity '%s' in the archive", name);
		return failed(c, &e);
	}
	if (c->format && strcmp(c->format, "json") == 0) {
		entity_json(&r);
	} else {
		if (!tsv) {
			show(r.name);
			printf(" (%s): %lld mentions in %lld articles\n",
			       r.category, r.mentions, r.articles);
		}
		counts_out("by month", r.months, r.nmonths, tsv);
		counts_out("by source", r.sources, r.nsources, tsv);
		counts_out("in the same sentence", r.cooccur, r.ncooccur, tsv);
		if (!tsv && r.nfigures)
			puts("\nfigures in its sentences:");
		for (i = 0; i < r.nfigures; i++) {
			const struct archive_figure *f = &r.figures[i];

			if (tsv) {
				struct buf o = {0};

				buf_adds(&o, "figure\t");
				tsv_field(&o, or_empty(f->date));
				buf_addc(&o, '\t');
				tsv_field(&o, or_empty(f->value));
				buf_addc(&o, '\t');
				tsv_field(&o, or_empty(f->counts));
				buf_addc(&o, '\t');
				tsv_field(&o, or_empty(f->file));
				buf_addc(&o, '\n');
				tsv_flush(stdout, &o);
				buf_free(&o);
				continue;
			}
			printf("  %-10s  ", f->date ? f->date : "no date");
			show(f->text);
			if (f->counts) {
				fputs(" (", stdout);
				show(f->counts);
				putchar(')');
			}
			putchar('\n');
		}
	}
	archive_entity_report_free(&r);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
}
