/* export: notes as Markdown or YAML (the JSON exports are in
 * export_w3c.c and export_hypothesis.c). */
#include "brief/report/export.h"

#include <string.h>
#include <time.h>

#include "export_priv.h"
#include "brief/notes/place.h"
#include "brief/yaml/yamlio.h"

void export_place(const struct anchor *an, const struct library *lib,
		  struct placed *p)
{
	p->article = place_find(an, lib->items, lib->n, &p->fit, &p->start,
				&p->end);
}

int export_wanted(const struct note *no, const struct library *lib)
{
	struct placed p;
	size_t j;

	if (no->deleted)
		return 0;
	for (j = 0; j < no->nanchors; j++) {
		export_place(&no->anchor[j], lib, &p);
		if (p.article >= 0)
			return 1;
	}
	return 0;
}

/* "section 3, sentence 2" for a byte offset (1-based, as people count), after
 * "p. 3, " when the section stands on a page (a PDF's). */
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

/* t[s, e) on one line: line breaks become spaces. */
static void put_flat(FILE *f, const char *t, size_t s, size_t e)
{
	for (; s < e; s++)
		fputc(t[s] == '\n' ? ' ' : t[s], f);
}

/* Context shown around a passage, in bytes, on each side at most. */
#define MD_CONTEXT 100

/* Where to cut the context at about MD_CONTEXT bytes from the passage:
 * at a space between lo and hi, else at a character's start. */
static size_t context_cut(const char *t, size_t lo, size_t hi, int before)
{
	size_t q = before ? hi - MD_CONTEXT : lo + MD_CONTEXT;

	while (q > lo && q < hi && t[q] != ' ')
		q += before ? 1 : -1;
	while (q > lo && ((unsigned char)t[q] & 0xC0) == 0x80)
		q--;
	return q;
}

/* The passage text[s, e) of a in its sentence(s), the passage in bold:
 * "> … the need to “**thoroughly annihilate**” the United States …". */
static void md_in_context(FILE *f, const struct article *a, size_t s,
			  size_t e)
{
	long fs = article_sentence_at(a, s);
	long ls = article_sentence_at(a, e > s ? e - 1 : s);
	size_t cs = fs >= 0 ? a->sentences[fs].start : s;
	size_t ce = ls >= 0 ? a->sentences[ls].end : e;

	cs = cs < s ? cs : s;
	ce = ce > e ? ce : e;
	fputs("> ", f);
	if (s - cs > MD_CONTEXT) {
		cs = context_cut(a->text, cs, s, 1);
		fputs("…", f);
	}
	put_flat(f, a->text, cs, s);
	fputs("**", f);
	put_flat(f, a->text, s, e);
	fputs("**", f);
	if (ce - e > MD_CONTEXT) {
		put_flat(f, a->text, e, context_cut(a->text, e, ce, 0));
		fputs("…", f);
	} else {
		put_flat(f, a->text, e, ce);
	}
	fputc('\n', f);
}

static void md_passage(FILE *f, const struct anchor *an,
		       const struct library *lib)
{
	struct placed p;
	char w[128];
	const struct article *a;

	export_place(an, lib, &p);
	if (p.article < 0 || p.fit == ANCHOR_ORPHAN) {
		fputs("> ", f);
		put_flat(f, an->quote, 0, strlen(an->quote));
		if (p.article < 0)
			fprintf(f, "\n— %s (not loaded)\n",
				an->file ? an->file : "?");
		else
			fprintf(f, "\n— %s: passage no longer found "
				"(orphan)\n", lib->items[p.article]->path);
		return;
	}
	a = lib->items[p.article];
	md_in_context(f, a, p.start, p.end);
	where(a, p.start, w, sizeof w);
	fprintf(f, "— %s, %s%s\n", a->path, w,
		p.fit == ANCHOR_MOVED ? " (re-anchored after an edit)" : "");
}

/* A note's time ("2024-03-01T09:15:00.000Z") in the local time zone:
 * "2024-03-01 18:15 KST"; as stored when it cannot be read. */
static void local_time(const char *iso, char *out, size_t n)
{
	struct tm tm;
	time_t t;

	memset(&tm, 0, sizeof tm);
	if (sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon,
		   &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
		snprintf(out, n, "%s", iso);
		return;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	if (localtime_r(&t, &tm) == NULL ||
	    strftime(out, n, "%Y-%m-%d %H:%M %Z", &tm) == 0)
		snprintf(out, n, "%s", iso);
}

/* The longest heading, in bytes, before it is cut at a word. */
#define MD_HEADING 72

/* "### " and the note's first line (cut at a word when long); returns
 * how much of the text the heading says in full: the first line and its
 * line break, or 0 when it was cut or the line is empty. */
static size_t md_heading(FILE *f, const char *t)
{
	size_t n = strcspn(t, "\n"), cut = n;

	if (n == 0) {
		fputs("### (a note without a first line)\n\n", f);
		return 0;
	}
	if (n > MD_HEADING) {
		cut = MD_HEADING;
		while (cut > MD_HEADING / 2 && t[cut] != ' ')
			cut--;
		while (cut > 0 && ((unsigned char)t[cut] & 0xC0) == 0x80)
			cut--;
	}
	fputs("### ", f);
	fwrite(t, 1, cut, f);
	fputs(cut < n ? "…\n\n" : "\n\n", f);
	return cut < n ? 0 : n + (t[n] == '\n');
}

/* The note's text from t, its line breaks kept (a Markdown hard break:
 * two spaces at the end of a line), blank lines kept as paragraph
 * breaks. */
static void md_text(FILE *f, const char *t)
{
	while (*t == '\n')
		t++;
	if (*t == '\0')
		return;
	while (*t) {
		size_t n = strcspn(t, "\n");

		fwrite(t, 1, n, f);
		t += n;
		if (*t == '\n') {
			t++;
			fputs(*t && *t != '\n' && t[-2] != '\n' ? "  \n" : "\n",
			      f);
		}
	}
	fputs("\n\n", f);
}

static void md_note(FILE *f, const struct note *no, const struct library *lib)
{
	size_t k;
	char when[64], changed[64];

	md_text(f, no->text + md_heading(f, no->text));
	for (k = 0; k < no->nanchors; k++) {
		if (k > 0)
			fputs("\nlinked with:\n\n", f);
		md_passage(f, &no->anchor[k], lib);
	}
	fputc('\n', f);
	if (no->ntags) {
		fputs("Tags:", f);
		for (k = 0; k < no->ntags; k++)
			fprintf(f, " #%s", no->tags[k]);
		fputs(" · ", f);
	}
	local_time(no->created, when, sizeof when);
	local_time(no->modified, changed, sizeof changed);
	fprintf(f, "Written %s", when);
	if (strcmp(when, changed) != 0)
		fprintf(f, ", edited %s", changed);
	fputs("\n\n", f);
}

/* The report a note is shown under: the loaded article of its first
 * placed passage, or -1 when none is placed (an orphan, or not
 * loaded). */
static long home(const struct note *no, const struct library *lib)
{
	struct placed p;
	size_t j;

	for (j = 0; j < no->nanchors; j++) {
		export_place(&no->anchor[j], lib, &p);
		if (p.article >= 0 && p.fit != ANCHOR_ORPHAN)
			return p.article;
	}
	return -1;
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
		/* a linked note once, under the report of its first
		 * passage, with both passages */
		for (k = 0; k < n; k++)
			if (!v[k].deleted && home(&v[k], lib) == (long)i) {
				md_note(f, &v[k], lib);
				shown++;
			}
		if (shown == 0)
			fputs("No notes.\n\n", f);
	}
	for (k = 0; k < n; k++) {
		if (!export_wanted(&v[k], lib) || home(&v[k], lib) >= 0)
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

		if (!export_wanted(&v[k], lib))
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
