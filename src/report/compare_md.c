/* compare_md: a comparison of two reports as Markdown. */
#include "brief/report/compare_md.h"

#include <stdlib.h>
#include <string.h>

/* t[s, e) on one line: line breaks become spaces. */
static void put_span(FILE *f, const char *t, size_t s, size_t e)
{
	while (s < e) {
		const char *nl = memchr(t + s, '\n', e - s);
		size_t end = nl ? (size_t)(nl - t) : e;

		fwrite(t + s, 1, end - s, f);
		if (nl)
			fputc(' ', f);
		s = end + (nl != NULL);
	}
}

static const char *const side_name[2] = {"A", "B"};

static void md_entities(FILE *f, const struct comparison *c,
			const struct entities *reg)
{
	int cat;
	size_t i;

	fputs("## Entities\n\n", f);
	for (cat = CAT_ACTOR; cat <= CAT_PLACE; cat++) {
		int col;

		if (cat == CAT_FIGURE)
			continue;
		fprintf(f, "### %s\n\n", cat == CAT_ACTOR    ? "Actors"
					 : cat == CAT_WEAPON ? "Weapons"
							     : "Places");
		for (col = 0; col < 3; col++) {
			int any = 0;

			fprintf(f, "%s ", col == 0 ? "- Only in A:"
				   : col == 1 ? "- In both (A / B):"
					      : "- Only in B:");
			for (i = 0; i < c->nents; i++) {
				const struct cmp_entity *ce = &c->ents[i];
				const struct entity *en =
					entities_get(reg, ce->entity);
				int in = (ce->count[0] > 0) | (ce->count[1] > 0) << 1;

				if ((int)en->cat != cat ||
				    in != (col == 0 ? 1 : col == 1 ? 3 : 2))
					continue;
				if (col == 1)
					fprintf(f, "%s%s (%zu / %zu)%s", any ? ", " : "",
						ce->name, ce->count[0], ce->count[1],
						ce->prominent ? ce->prominent == 1
							? " ⚑ more in A"
							: " ⚑ more in B"
							      : "");
				else
					fprintf(f, "%s%s (%zu)", any ? ", " : "",
						ce->name,
						ce->count[col == 0 ? 0 : 1]);
				any = 1;
			}
			fputs(any ? "\n" : "none\n", f);
		}
		fputc('\n', f);
	}
	if (c->nnames == 0)
		return;
	fputs("### Other names\n\n- In both (A / B): ", f);
	for (i = 0; i < c->nnames; i++)
		fprintf(f, "%s%s (%zu / %zu)", i ? ", " : "", c->names[i].name,
			c->names[i].count[0], c->names[i].count[1]);
	fputs("\n\n", f);
}

static void md_figures(FILE *f, const struct comparison *c)
{
	size_t i = 0;

	fputs("## Figures\n\n| what | A | B | |\n| --- | --- | --- | --- |\n",
	      f);
	while (i < c->nfigs) {
		size_t j = i, k;
		int s, flag = 0;

		while (j < c->nfigs && c->figs[j].group == c->figs[i].group)
			j++;
		fprintf(f, "| %s |", c->groups[c->figs[i].group].counts);
		for (s = 0; s < 2; s++) {
			int any = 0;

			fputc(' ', f);
			for (k = i; k < j; k++) {
				const struct cmp_figure *cf = &c->figs[k];
				char norm[96];

				if (cf->side != s)
					continue;
				figure_format(cf->f, norm, sizeof norm);
				fputs(any ? "; " : "", f);
				put_span(f, c->side[s].a->text, cf->m->start,
					 cf->m->end);
				fprintf(f, " (%s)", norm);
				any = 1;
				flag |= cf->discrepancy;
			}
			fputs(any ? " |" : "— |", f);
		}
		fputs(flag ? " ⚠ discrepancy |\n" : " |\n", f);
		i = j;
	}
	fputc('\n', f);
}

/* The quotes by speaker, one row per statement: "- A, B: “…”", with
 * each report's speaker when they name two. */
static void md_quotes(FILE *f, const struct comparison *c)
{
	size_t n, i;
	struct quote_row *v = compare_quote_rows(c, &n);
	const char *last = NULL;

	fputs("## Quotes\n\n", f);
	if (n == 0)
		fputs("None.\n\n", f);
	for (i = 0; i < n; i++) {
		const char *who = quote_row_speaker(&v[i]);
		int ts;
		const struct quote *q = quote_row_text(&v[i], &ts);

		if (last == NULL || strcmp(last, who) != 0) {
			fprintf(f, "%s### %s\n\n", last ? "\n" : "", who);
			last = who;
		}
		fprintf(f, "- %s: “", v[i].q[0] && v[i].q[1] ? "A, B"
				       : side_name[v[i].q[1] != NULL]);
		put_span(f, c->side[ts].a->text, q->start, q->end);
		fputs("”", f);
		if (quote_row_speakers_differ(&v[i]))
			fprintf(f, " (A: %s; B: %s)", v[i].q[0]->speaker_text,
				v[i].q[1]->speaker_text);
		fputc('\n', f);
	}
	if (n)
		fputc('\n', f);
	free(v);
}

/* The sentence of hit h, the words that put it on its topic in bold. */
static void hit_sentence(FILE *f, const struct article *a,
			 const struct topic_hit *h)
{
	const struct span *se = &a->sentences[h->sentence];

	put_span(f, a->text, se->start, h->start);
	fputs("**", f);
	put_span(f, a->text, h->start, h->end);
	fputs("**", f);
	put_span(f, a->text, h->end, se->end);
}

/* Per topic either report is on, each report's sentences on it. */
static void md_topics(FILE *f, const struct comparison *c,
		      const struct compare_rules *r)
{
	size_t t, i;
	int s;

	fputs("## Topics\n\n", f);
	for (t = 0; t < topics_count(r->topics); t++) {
		int any = 0;

		for (s = 0; s < 2; s++)
			for (i = 0; i < c->side[s].nth; i++)
				any |= c->side[s].th[i].topic == t;
		if (!any)
			continue;
		fprintf(f, "### %s\n\n", topics_label(r->topics, t));
		for (s = 0; s < 2; s++) {
			const struct article *a = c->side[s].a;
			int n = 0;

			for (i = 0; i < c->side[s].nth; i++) {
				const struct topic_hit *h = &c->side[s].th[i];

				if (h->topic != t)
					continue;
				fprintf(f, "- %s §%zu: ", side_name[s],
					h->section + 1);
				hit_sentence(f, a, h);
				fputc('\n', f);
				n++;
			}
			if (n == 0)
				fprintf(f, "- %s: not covered\n", side_name[s]);
		}
		fputc('\n', f);
	}
}

/* A place to cut t near p, between lo and hi: after the space nearest p
 * (forward when ahead, backward when behind), else the start of the
 * UTF-8 character at p. */
static size_t cut_at(const char *t, size_t p, size_t lo, size_t hi,
		     int ahead)
{
	size_t q = p;

	while (q > lo && q < hi && t[q - 1] != ' ')
		q += ahead ? 1 : -1;
	if (q > lo && q < hi)
		return ahead ? q : q - 1;
	while (p > 0 && ((unsigned char)t[p] & 0xC0) == 0x80)
		p--;
	return p;
}

/* The sentence around an event, the expression itself in **bold**, cut to
 * about 60 bytes either side of it. */
static void md_in_sentence(FILE *f, const struct article *a,
			   const struct tl_event *ev)
{
	size_t ss, se;

	tl_sentence(a, ev, &ss, &se);
	if (ev->start - ss > 60) {
		ss = cut_at(a->text, ev->start - 60, ss, ev->start, 1);
		fputs("…", f);
	}
	put_span(f, a->text, ss, ev->start);
	fputs("**", f);
	put_span(f, a->text, ev->start, ev->end);
	fputs("**", f);
	if (se - ev->end > 60) {
		put_span(f, a->text, ev->end,
			 cut_at(a->text, ev->end + 60, ev->end, se, 0));
		fputs("…", f);
	} else {
		put_span(f, a->text, ev->end, se);
	}
}

/* One row per entry of the timeline (one date, however it is spelt, in
 * one or both reports): the date, the reports, and each expression in its
 * sentence. */
static void md_timeline(FILE *f, const struct comparison *c)
{
	size_t n, i, j, k;
	struct tl_ref *v = timeline_merge(c->side[0].tl, c->side[0].ntl,
					  c->side[1].tl, c->side[1].ntl, &n);

	fputs("## Timeline\n\n| when | report | in its sentence |\n"
	      "| --- | --- | --- |\n", f);
	for (i = 0; i < n; i = j) {
		int in = 0;
		char when[32];

		for (j = i; j < n && v[j].entry == v[i].entry; j++)
			in |= 1 << v[j].side;
		tl_format(v[i].ev, when, sizeof when);
		fprintf(f, "| %s | %s | ", when,
			in == 3 ? "A, B" : side_name[in >> 1]);
		for (k = i; k < j; k++) {
			if (k > i)
				fputs(" · ", f);
			if (in == 3)
				fprintf(f, "%s: ", side_name[v[k].side]);
			md_in_sentence(f, c->side[v[k].side].a, v[k].ev);
		}
		fputs(" |\n", f);
	}
	fputc('\n', f);
	free(v);
}

void compare_md_reports(FILE *f, const struct comparison *c)
{
	int s;

	for (s = 0; s < 2; s++) {
		const struct article *a = c->side[s].a;

		fprintf(f, "- %s: %s — %s · %s · %s\n", side_name[s], a->title,
			a->path, a->date ? a->date : "no date",
			a->source ? a->source : "unknown source");
	}
	fputc('\n', f);
}

void compare_md_disagreements(FILE *f, const struct comparison *c)
{
	size_t i, j, k, n = 0;

	for (i = 0; i < c->nfigs; i = j) {
		int flag = 0, s;

		for (j = i; j < c->nfigs && c->figs[j].group == c->figs[i].group;
		     j++)
			flag |= c->figs[j].discrepancy;
		if (!flag)
			continue;
		fprintf(f, "- %s:", c->groups[c->figs[i].group].counts);
		for (s = 0; s < 2; s++) {
			const char *sep = " ";

			fprintf(f, "%s%s says", s ? "; " : " ", side_name[s]);
			for (k = i; k < j; k++) {
				if (c->figs[k].side != s)
					continue;
				fputs(sep, f);
				put_span(f, c->side[s].a->text,
					 c->figs[k].m->start, c->figs[k].m->end);
				sep = ", ";
			}
			if (sep[0] == ' ')
				fputs(" nothing", f);
		}
		fputs("\n", f);
		n++;
	}
	fputs(n ? "\n" : "None found.\n\n", f);
}

void compare_md_tables(FILE *f, const struct comparison *c,
		       const struct compare_rules *r,
		       const struct entities *reg)
{
	md_entities(f, c, reg);
	md_figures(f, c);
	md_quotes(f, c);
	md_topics(f, c, r);
	md_timeline(f, c);
}

int compare_md_write(FILE *f, const struct comparison *c,
		     const struct compare_rules *r, const struct entities *reg)
{
	fputs("# Comparison\n\n", f);
	compare_md_reports(f, c);
	compare_md_tables(f, c, r, reg);
	return fflush(f) == 0 ? 0 : -1;
}
