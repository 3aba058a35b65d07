/* export: notes as Markdown or YAML. */
#include "brief/report/export.h"

#include <string.h>

#include "brief/notes/place.h"
#include "brief/yaml/yamlio.h"

/* Where a passage stands in the loaded articles (the one placing
 * function, place_find): the article index, or -1 when none of them is
 * its article, and unless an orphan its range. */
struct placed {
	long article;
	enum anchor_fit fit;
	size_t start, end;
};

static void export_place(const struct anchor *an, const struct library *lib,
			 struct placed *p)
{
	p->article = place_find(an, lib->items, lib->n, &p->fit, &p->start,
				&p->end);
}

/* "section 3, sentence 2" for a byte offset (1-based, as people count),
 * after "p. 3, " when the section stands on a page (a PDF's). */
static void where(const struct article *a, size_t off, char *out, size_t n)
{
	long sec = article_section_at(a, off), sen = article_sentence_at(a, off);
	char page[24] = "";

	if (sec < 0) {
		snprintf(out, n, "outside the sections");
		return;
	}
	if (a->sections[sec].page > 0)
		snprintf(page, sizeof page, "p. %d, ", a->sections[sec].page);
	snprintf(out, n, "%ssection %ld, sentence %ld", page, sec + 1,
		 sen >= 0 ? sen - (long)a->sections[sec].first_sentence + 1
			  : 1);
}

/* A quoted passage: on one line, '>' quoted. */
static void md_quote(FILE *f, const char *q)
{
	fputs("> ", f);
	for (; *q; q++)
		fputc(*q == '\n' ? ' ' : *q, f);
	fputc('\n', f);
}

static void md_passage(FILE *f, const struct anchor *an,
		       const struct library *lib)
{
	struct placed p;
	char w[128];

	export_place(an, lib, &p);
	md_quote(f, an->quote);
	if (p.article < 0)
		fprintf(f, "— in %s (not loaded)\n", an->file ? an->file : "?");
	else if (p.fit == ANCHOR_ORPHAN)
		fprintf(f, "— %s: passage no longer found (orphan)\n",
			lib->items[p.article]->path);
	else {
		where(lib->items[p.article], p.start, w, sizeof w);
		fprintf(f, "— %s, %s%s\n", lib->items[p.article]->path, w,
			p.fit == ANCHOR_MOVED ? " (re-anchored after an edit)"
					      : "");
	}
}

static void md_note(FILE *f, const struct note *no, const struct library *lib)
{
	size_t k;
	const char *t;

	fprintf(f, "### Note %s (%.16s UTC)\n\n", no->id, no->created);
	md_passage(f, &no->anchor[0], lib);
	if (no->nanchors > 1) {
		fputs("\nlinked with:\n\n", f);
		md_passage(f, &no->anchor[1], lib);
	}
	fputc('\n', f);
	for (t = no->text; *t; t++)
		fputc(*t, f);
	fputc('\n', f);
	if (no->ntags) {
		fputs("\nTags:", f);
		for (k = 0; k < no->ntags; k++)
			fprintf(f, " #%s", no->tags[k]);
		fputc('\n', f);
	}
	fputc('\n', f);
}

int export_markdown(FILE *f, struct notes *ns, const struct library *lib)
{
	size_t n, i, k, orphans = 0, shown;
	struct note *v = notes_all(ns, &n);

	fputs("# Analyst notes\n\n", f);
	for (i = 0; i < lib->n; i++) {
		const struct article *a = lib->items[i];

		fprintf(f, "## %s\n\n", a->title[0] ? a->title : a->path);
		fprintf(f, "%s · %s · %s\n\n", a->path,
			a->date ? a->date : "no date",
			a->source ? a->source : "unknown source");
		shown = 0;
		for (k = 0; k < n; k++) {
			struct placed p;
			size_t j;
			int here = 0;

			if (v[k].deleted)
				continue;
			/* a linked note belongs to each report it quotes */
			for (j = 0; j < v[k].nanchors && !here; j++) {
				export_place(&v[k].anchor[j], lib, &p);
				here = p.article == (long)i &&
				       p.fit != ANCHOR_ORPHAN;
			}
			if (!here)
				continue;
			md_note(f, &v[k], lib);
			shown++;
		}
		if (shown == 0)
			fputs("No notes.\n\n", f);
	}
	for (k = 0; k < n; k++) {
		struct placed p;

		if (v[k].deleted)
			continue;
		export_place(&v[k].anchor[0], lib, &p);
		if (p.article < 0 || p.fit != ANCHOR_ORPHAN)
			continue;
		if (orphans++ == 0)
			fputs("## Orphaned notes\n\nTheir passage is no longer "
			      "in the article as it stands.\n\n", f);
		md_note(f, &v[k], lib);
	}
	return fflush(f) == 0 ? 0 : -1;
}

static const char *fit_name(enum anchor_fit fit)
{
	return fit == ANCHOR_EXACT ? "exact" : fit == ANCHOR_MOVED ? "moved"
								  : "orphan";
}

int export_yaml(FILE *f, struct notes *ns, const struct library *lib)
{
	struct yout *y = yout_new_file(f);
	size_t n, k, j;
	struct note *v = notes_all(ns, &n);

	yout_doc_start(y);
	yout_map_start(y);
	yout_key(y, "notes");
	yout_seq_start(y);
	for (k = 0; k < n; k++) {
		struct placed p;
		int mine = 0;

		if (v[k].deleted)
			continue;
		for (j = 0; j < v[k].nanchors; j++) {
			export_place(&v[k].anchor[j], lib, &p);
			mine |= p.article >= 0;
		}
		if (!mine)
			continue;
		yout_map_start(y);
		yout_kv(y, "id", v[k].id);
		yout_kv(y, "created", v[k].created);
		yout_kv(y, "modified", v[k].modified);
		yout_kv(y, "text", v[k].text);
		yout_key(y, "tags");
		yout_seq_start_flow(y);
		for (j = 0; j < v[k].ntags; j++)
			yout_str(y, v[k].tags[j]);
		yout_seq_end(y);
		yout_key(y, "passages");
		yout_seq_start(y);
		for (j = 0; j < v[k].nanchors; j++) {
			const struct anchor *an = &v[k].anchor[j];

			export_place(an, lib, &p);
			yout_map_start(y);
			yout_kv(y, "file", p.article >= 0
						   ? lib->items[p.article]->path
						   : an->file);
			yout_kv(y, "quote", an->quote);
			yout_kv(y, "status", p.article < 0 ? "not loaded"
							   : fit_name(p.fit));
			if (p.article >= 0 && p.fit != ANCHOR_ORPHAN) {
				const struct article *a = lib->items[p.article];
				long sec = article_section_at(a, p.start);
				long sen = article_sentence_at(a, p.start);

				yout_ki(y, "section", sec);
				yout_ki(y, "sentence",
					sec >= 0 && sen >= 0
						? sen - (long)a->sections[sec]
								.first_sentence
						: 0);
				yout_ki(y, "start", (long long)p.start);
				yout_ki(y, "end", (long long)p.end);
			}
			yout_map_end(y);
		}
		yout_seq_end(y);
		yout_map_end(y);
	}
	yout_seq_end(y);
	yout_map_end(y);
	yout_doc_end(y);
	return yout_free(y) == 0 && fflush(f) == 0 ? 0 : -1;
}
