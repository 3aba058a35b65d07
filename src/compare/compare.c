/* compare: two reports side by side. */
#include "brief/compare/compare.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "brief/base/paths.h"
#include "brief/yaml/yamlio.h"

struct compare_rules *compare_rules_load(const char *path,
					 const char *topics_path,
					 struct err *e)
{
	struct compare_rules *r = xcalloc(1, sizeof *r);
	char *p = path ? xstrdup(path) : paths_config_file("compare.yaml");
	char *tp;
	struct ynode *root = NULL;
	const struct ynode *v;
	int ok;

	tp = topics_path ? xstrdup(topics_path) : topics_default_path();
	root = yamlio_parse_file(p, &ok, e);
	if (!ok)
		goto fail;
	if (root == NULL || root->type != YNODE_MAP) {
		ynode_err(e, p, root, "the comparison rules must be a mapping");
		goto fail;
	}
	r->share_factor = 2.5;
	r->min_mentions = 3;
	if ((v = ynode_get(root, "share_factor")) && v->type == YNODE_SCALAR)
		r->share_factor = atof(v->str);
	if ((v = ynode_get(root, "min_mentions")) && v->type == YNODE_SCALAR)
		r->min_mentions = atoi(v->str);
	r->q = quoterules_load(root, p, e);
	if (r->q == NULL)
		goto fail;
	r->tl = tlrules_load(root, p, e);
	if (r->tl == NULL)
		goto fail;
	r->topics = topics_load(tp, e);
	if (r->topics == NULL)
		goto fail;
	ynode_free(root);
	free(p);
	free(tp);
	return r;
fail:
	ynode_free(root);
	free(p);
	free(tp);
	compare_rules_free(r);
	return NULL;
}

void compare_rules_free(struct compare_rules *r)
{
	if (r == NULL)
		return;
	quoterules_free(r->q);
	tlrules_free(r->tl);
	topics_free(r->topics);
	free(r);
}

/* ---- figures ---- */

static void interval(const struct figure *f, double *lo, double *hi)
{
	const char *q = f->qual;

	*lo = f->lo;
	*hi = f->hi;
	if (q == NULL)
		return;
	if (strcmp(q, "more than") == 0) {
		*lo = f->lo * 1.0000001;
		*hi = INFINITY;
	} else if (strcmp(q, "at least") == 0) {
		*hi = INFINITY;
	} else if (strcmp(q, "nearly") == 0) {
		*lo = f->lo * 0.8;
	} else if (strcmp(q, "about") == 0) {
		*lo = f->lo * 0.85;
		*hi = f->hi * 1.15;
	} else if (strcmp(q, "up to") == 0 || strcmp(q, "at most") == 0) {
		*lo = 0;
	} else if (strcmp(q, "less than") == 0) {
		*lo = 0;
		*hi = f->hi * 0.9999999;
	}
}

int compare_disagree(const struct figure *x, const struct figure *y)
{
	double xl, xh, yl, yh;

	if ((x->currency == NULL) != (y->currency == NULL) ||
	    (x->currency && strcmp(x->currency, y->currency) != 0))
		return 0; /* not comparable */
	if (x->kind == FIG_TALLY || y->kind == FIG_TALLY) /* 79 to 18 */
		return x->kind == y->kind && (x->lo != y->lo || x->hi != y->hi);
	interval(x, &xl, &xh);
	interval(y, &yl, &yh);
	return xh < yl || yh < xl;
}

/* Money (by currency) and tallies are compared pair by pair, not as
 * intervals. */
static int pairwise(const struct figure *f)
{
	return f->currency != NULL || f->kind == FIG_TALLY;
}

static const struct entities *sort_reg;

static int fig_cmp(const void *a, const void *b)
{
	const struct cmp_figure *x = a, *y = b;
	int c;

	if (x->counts != y->counts) {
		c = strcmp(entities_get(sort_reg, x->counts)->name,
			   entities_get(sort_reg, y->counts)->name);
		if (c)
			return c;
	}
	if (x->side != y->side)
		return x->side - y->side;
	return x->m->start < y->m->start ? -1 : x->m->start > y->m->start;
}

static int ent_cmp(const void *a, const void *b)
{
	const struct cmp_entity *x = a, *y = b;
	const struct entity *ex = entities_get(sort_reg, x->entity);
	const struct entity *ey = entities_get(sort_reg, y->entity);
	size_t tx = x->count[0] + x->count[1], ty = y->count[0] + y->count[1];

	if (ex->cat != ey->cat)
		return ex->cat < ey->cat ? -1 : 1;
	if (tx != ty)
		return tx > ty ? -1 : 1;
	return strcmp(ex->name, ey->name);
}

static int is_dated(const struct figure *f)
{
	return f->kind == FIG_DATE || f->kind == FIG_YEAR || f->kind == FIG_TIME;
}

struct iv {
	double lo, hi;
};

static int iv_cmp(const void *a, const void *b)
{
	const struct iv *x = a, *y = b;

	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* Does any interval of v (sorted by lo, with prefix maxima of hi in mx)
 * meet [lo, hi]? */
static int meets(const struct iv *v, const double *mx, size_t n, double lo,
		 double hi)
{
	size_t a = 0, b = n;

	while (a < b) { /* the intervals that start at or before hi */
		size_t m = (a + b) / 2;

		if (v[m].lo <= hi)
			a = m + 1;
		else
			b = m;
	}
	return a > 0 && mx[a - 1] >= lo;
}

/* Discrepancies: a figure that no figure of the other report for the same
 * thing agrees with.  Figures are sorted by what they count, so each
 * group is compared with interval searches, not pair by pair. */
static void mark_discrepancies(struct comparison *c)
{
	size_t i = 0, k;

	while (i < c->nfigs) {
		size_t j = i, n[2] = {0, 0}, free_money[2] = {0, 0};
		struct iv *v[2];
		double *mx[2];
		int s;

		while (j < c->nfigs && c->figs[j].counts == c->figs[i].counts)
			j++;
		for (s = 0; s < 2; s++) {
			v[s] = xcalloc(j - i + 1, sizeof *v[s]);
			mx[s] = xcalloc(j - i + 1, sizeof *mx[s]);
		}
		for (k = i; k < j; k++) {
			const struct figure *f = c->figs[k].f;
			int sd = c->figs[k].side;

			if (pairwise(f)) {
				free_money[sd]++; /* compared pair by pair */
				continue;
			}
			interval(f, &v[sd][n[sd]].lo, &v[sd][n[sd]].hi);
			n[sd]++;
		}
		for (s = 0; s < 2; s++) {
			xqsort(v[s], n[s], sizeof *v[s], iv_cmp);
			for (k = 0; k < n[s]; k++)
				mx[s][k] = k ? fmax(mx[s][k - 1], v[s][k].hi)
					     : v[s][k].hi;
		}
		for (k = i; k < j; k++) {
			const struct cmp_figure *cf = &c->figs[k];
			int other = !cf->side;
			double lo, hi;

			if (pairwise(cf->f)) {
				size_t q;
				int others = 0, agree = 0;

				for (q = i; q < j; q++)
					if (c->figs[q].side == other) {
						others++;
						agree += !compare_disagree(
							cf->f, c->figs[q].f);
					}
				c->figs[k].discrepancy = others && !agree;
				continue;
			}
			if (n[other] + free_money[other] == 0)
				continue;
			interval(cf->f, &lo, &hi);
			c->figs[k].discrepancy =
				n[other] > 0 && !meets(v[other], mx[other],
						       n[other], lo, hi);
		}
		for (s = 0; s < 2; s++) {
			free(v[s]);
			free(mx[s]);
		}
		i = j;
	}
}

struct comparison *compare_run(const struct compare_rules *r,
			       const struct entities *reg,
			       const struct article *a,
			       const struct mentions *ma,
			       const struct article *b,
			       const struct mentions *mb)
{
	struct comparison *c = xcalloc(1, sizeof *c);
	size_t ne = entities_count(reg), s, i, k, total[2] = {0, 0}, cap = 0;
	size_t (*cnt)[2] = xcalloc(ne + 1, sizeof *cnt);

	c->side[0].a = a;
	c->side[0].m = ma;
	c->side[1].a = b;
	c->side[1].m = mb;
	for (s = 0; s < 2; s++) {
		struct cmp_side *sd = &c->side[s];

		quotes_find(r->q, sd->a, sd->m, reg, &sd->q, &sd->nq);
		for (i = 0; i < sd->nq; i++)
			sd->q[i].report = (int)s;
		timeline_find(r->tl, sd->a, sd->m, &sd->tl, &sd->ntl);
		sd->topics = xcalloc(sd->a->nsections + 1, sizeof *sd->topics);
		for (i = 0, k = 0; i < sd->a->nsections; i++) {
			size_t first = k;

			while (k < sd->m->n &&
			       mention_section(sd->m, &sd->m->v[k]) == i)
				k++;
			sd->topics[i] = topics_of(r->topics, sd->a, i,
						  sd->m->v + first, k - first,
						  reg);
		}
		for (i = 0; i < sd->m->n; i++) {
			const struct mention *mn = &sd->m->v[i];

			if (mn->cat == CAT_FIGURE) {
				const struct figure *f;

				if (mn->entity == ENTITY_NONE)
					continue;
				f = mention_figure(sd->m, mn);
				if (is_dated(f))
					continue;
				c->figs = xgrow(c->figs, &cap, c->nfigs + 1,
						sizeof *c->figs);
				c->figs[c->nfigs].counts = mn->entity;
				c->figs[c->nfigs].side = (int)s;
				c->figs[c->nfigs].m = mn;
				c->figs[c->nfigs].f = f;
				c->figs[c->nfigs].discrepancy = 0;
				c->nfigs++;
			} else if (mn->entity < ne) {
				cnt[mn->entity][s]++;
				total[s]++;
			}
		}
	}
	/* entities */
	c->ents = xcalloc(ne + 1, sizeof *c->ents);
	for (i = 0; i < ne; i++) {
		struct cmp_entity *ce;

		if (cnt[i][0] + cnt[i][1] == 0)
			continue;
		ce = &c->ents[c->nents++];
		ce->entity = (uint32_t)i;
		ce->count[0] = cnt[i][0];
		ce->count[1] = cnt[i][1];
		if (cnt[i][0] && cnt[i][1] && total[0] && total[1] &&
		    (int)(cnt[i][0] + cnt[i][1]) >= r->min_mentions) {
			double sa = (double)cnt[i][0] / (double)total[0];
			double sb = (double)cnt[i][1] / (double)total[1];

			if (sa >= r->share_factor * sb)
				ce->prominent = 1;
			else if (sb >= r->share_factor * sa)
				ce->prominent = 2;
		}
	}
	free(cnt);
	sort_reg = reg;
	xqsort(c->ents, c->nents, sizeof *c->ents, ent_cmp);
	xqsort(c->figs, c->nfigs, sizeof *c->figs, fig_cmp);
	mark_discrepancies(c);
	return c;
}

void compare_free(struct comparison *c)
{
	size_t s;

	if (c == NULL)
		return;
	for (s = 0; s < 2; s++) {
		quotes_free(c->side[s].q, c->side[s].nq);
		free(c->side[s].tl);
		free(c->side[s].topics);
	}
	free(c->ents);
	free(c->figs);
	free(c);
}

/* ---- output ---- */

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
	for (cat = CAT_ACTOR; cat <= CAT_WEAPON; cat++) {
		int col;

		fprintf(f, "### %s\n\n", cat == CAT_ACTOR ? "Actors" : "Weapons");
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
						en->name, ce->count[0], ce->count[1],
						ce->prominent ? ce->prominent == 1
							? " ⚑ more in A"
							: " ⚑ more in B"
							      : "");
				else
					fprintf(f, "%s%s (%zu)", any ? ", " : "",
						en->name,
						ce->count[col == 0 ? 0 : 1]);
				any = 1;
			}
			fputs(any ? "\n" : "none\n", f);
		}
		fputc('\n', f);
	}
}

static void md_figures(FILE *f, const struct comparison *c,
		       const struct entities *reg)
{
	size_t i = 0;

	fputs("## Figures\n\n| what | A | B | |\n| --- | --- | --- | --- |\n",
	      f);
	while (i < c->nfigs) {
		size_t j = i, k;
		int s, flag = 0;

		while (j < c->nfigs && c->figs[j].counts == c->figs[i].counts)
			j++;
		fprintf(f, "| %s |", entities_get(reg, c->figs[i].counts)->name);
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

static int quote_cmp_speaker(const void *a, const void *b)
{
	const struct quote *x = *(const struct quote *const *)a;
	const struct quote *y = *(const struct quote *const *)b;
	int c = strcmp(x->speaker_text, y->speaker_text);

	if (c)
		return c;
	if (x->report != y->report)
		return x->report - y->report;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* All quotes of both sides, grouped by speaker. */
static const struct quote **sorted_quotes(const struct comparison *c,
					  size_t *n, int **sides)
{
	size_t total = c->side[0].nq + c->side[1].nq, i, k = 0, s;
	const struct quote **v = xcalloc(total + 1, sizeof *v);

	for (s = 0; s < 2; s++)
		for (i = 0; i < c->side[s].nq; i++)
			v[k++] = &c->side[s].q[i];
	xqsort(v, total, sizeof *v, quote_cmp_speaker);
	*sides = xcalloc(total + 1, sizeof **sides);
	for (i = 0; i < total; i++)
		(*sides)[i] = v[i]->report;
	*n = total;
	return v;
}

static void md_quotes(FILE *f, const struct comparison *c)
{
	size_t n, i;
	int *sides;
	const struct quote **v = sorted_quotes(c, &n, &sides);
	const char *last = NULL;

	fputs("## Quotes\n\n", f);
	if (n == 0)
		fputs("None.\n\n", f);
	for (i = 0; i < n; i++) {
		if (last == NULL || strcmp(last, v[i]->speaker_text) != 0) {
			fprintf(f, "%s### %s\n\n", last ? "\n" : "",
				v[i]->speaker_text);
			last = v[i]->speaker_text;
		}
		fprintf(f, "- %s: “", side_name[sides[i]]);
		put_span(f, c->side[sides[i]].a->text, v[i]->start, v[i]->end);
		fputs("”\n", f);
	}
	if (n)
		fputc('\n', f);
	free(v);
	free(sides);
}

/* The first sentence of a section. */
static void first_sentence(FILE *f, const struct article *a, size_t sec)
{
	const struct section *s = &a->sections[sec];

	if (s->nsentences == 0)
		return;
	put_span(f, a->text, a->sentences[s->first_sentence].start,
		 a->sentences[s->first_sentence].end);
}

static void md_topics(FILE *f, const struct comparison *c,
		      const struct compare_rules *r)
{
	size_t t, i;
	int s;

	fputs("## Topics\n\n", f);
	for (t = 0; t < topics_count(r->topics); t++) {
		int any = 0;

		for (s = 0; s < 2; s++)
			for (i = 0; i < c->side[s].a->nsections; i++)
				any |= (c->side[s].topics[i] >> t) & 1;
		if (!any)
			continue;
		fprintf(f, "### %s\n\n", topics_name(r->topics, t));
		for (s = 0; s < 2; s++) {
			int n = 0;

			for (i = 0; i < c->side[s].a->nsections; i++) {
				if (!((c->side[s].topics[i] >> t) & 1))
					continue;
				fprintf(f, "- %s §%zu: ", side_name[s], i + 1);
				first_sentence(f, c->side[s].a, i);
				fputc('\n', f);
				n++;
			}
			if (n == 0)
				fprintf(f, "- %s: not covered\n", side_name[s]);
		}
		fputc('\n', f);
	}
}

struct tl_ref {
	const struct tl_event *ev;
	int side;
};

static int tlref_cmp(const void *a, const void *b)
{
	const struct tl_ref *x = a, *y = b;
	int c = tl_cmp(x->ev, y->ev);

	if (c)
		return c;
	if (x->side != y->side)
		return x->side - y->side;
	return x->ev->start < y->ev->start ? -1 : x->ev->start > y->ev->start;
}

static struct tl_ref *timeline_merged(const struct comparison *c, size_t *n)
{
	size_t total = c->side[0].ntl + c->side[1].ntl, i, k = 0;
	struct tl_ref *v = xcalloc(total + 1, sizeof *v);
	int s;

	for (s = 0; s < 2; s++)
		for (i = 0; i < c->side[s].ntl; i++) {
			v[k].ev = &c->side[s].tl[i];
			v[k].side = s;
			k++;
		}
	xqsort(v, total, sizeof *v, tlref_cmp);
	*n = total;
	return v;
}

static void md_timeline(FILE *f, const struct comparison *c)
{
	size_t n, i;
	struct tl_ref *v = timeline_merged(c, &n);

	fputs("## Timeline\n\n| when | report | as written | context |\n"
	      "| --- | --- | --- | --- |\n", f);
	for (i = 0; i < n; i++) {
		const struct article *a = c->side[v[i].side].a;
		long si = article_sentence_at(a, v[i].ev->start);
		char when[32];

		tl_format(v[i].ev, when, sizeof when);
		fprintf(f, "| %s | %s | ", when, side_name[v[i].side]);
		put_span(f, a->text, v[i].ev->start, v[i].ev->end);
		fputs(" | ", f);
		if (si >= 0) {
			size_t ss = a->sentences[si].start,
			       se = a->sentences[si].end;

			if (se - ss > 120)
				se = ss + 120;
			while (se > ss &&
			       ((unsigned char)a->text[se] & 0xC0) == 0x80)
				se--;
			put_span(f, a->text, ss, se);
		}
		fputs(" |\n", f);
	}
	fputc('\n', f);
	free(v);
}

int compare_markdown(FILE *f, const struct comparison *c,
		     const struct compare_rules *r, const struct entities *reg)
{
	int s;

	fputs("# Comparison\n\n", f);
	for (s = 0; s < 2; s++) {
		const struct article *a = c->side[s].a;

		fprintf(f, "- %s: %s — %s · %s · %s\n", side_name[s], a->title,
			a->path, a->date ? a->date : "no date",
			a->source ? a->source : "unknown source");
	}
	fputc('\n', f);
	md_entities(f, c, reg);
	md_figures(f, c, reg);
	md_quotes(f, c);
	md_topics(f, c, r);
	md_timeline(f, c);
	return fflush(f) == 0 ? 0 : -1;
}

int compare_yaml(FILE *f, const struct comparison *c,
		 const struct compare_rules *r, const struct entities *reg)
{
	struct yout *y = yout_new_file(f);
	size_t i, n, t;
	int s;

	yout_doc_start(y);
	yout_map_start(y);
	yout_key(y, "reports");
	yout_seq_start(y);
	for (s = 0; s < 2; s++) {
		const struct article *a = c->side[s].a;

		yout_map_start(y);
		yout_kv(y, "file", a->path);
		yout_kv(y, "title", a->title);
		yout_kv(y, "date", a->date);
		yout_kv(y, "source", a->source);
		yout_map_end(y);
	}
	yout_seq_end(y);
	yout_key(y, "entities");
	yout_seq_start(y);
	for (i = 0; i < c->nents; i++) {
		const struct entity *en = entities_get(reg, c->ents[i].entity);

		yout_map_start(y);
		yout_kv(y, "entity", en->name);
		yout_kv(y, "category", category_name(en->cat));
		yout_ki(y, "a", (long long)c->ents[i].count[0]);
		yout_ki(y, "b", (long long)c->ents[i].count[1]);
		yout_kv(y, "in", c->ents[i].count[0] && c->ents[i].count[1]
					 ? "both"
				 : c->ents[i].count[0] ? "a"
						       : "b");
		if (c->ents[i].prominent)
			yout_kv(y, "prominent_in",
				c->ents[i].prominent == 1 ? "a" : "b");
		yout_map_end(y);
	}
	yout_seq_end(y);
	yout_key(y, "figures");
	yout_seq_start(y);
	for (i = 0; i < c->nfigs; i++) {
		const struct cmp_figure *cf = &c->figs[i];
		char norm[96];

		figure_format(cf->f, norm, sizeof norm);
		yout_map_start(y);
		yout_kv(y, "counts", entities_get(reg, cf->counts)->name);
		yout_kv(y, "report", cf->side ? "b" : "a");
		yout_kvn(y, "text", c->side[cf->side].a->text + cf->m->start,
			 cf->m->end - cf->m->start);
		yout_kv(y, "value", norm);
		yout_ki(y, "section", cf->f->section);
		yout_key(y, "discrepancy");
		yout_int(y, cf->discrepancy);
		yout_map_end(y);
	}
	yout_seq_end(y);
	yout_key(y, "quotes");
	yout_seq_start(y);
	{
		int *sides;
		const struct quote **v = sorted_quotes(c, &n, &sides);

		for (i = 0; i < n; i++) {
			yout_map_start(y);
			yout_kv(y, "speaker", v[i]->speaker_text);
			yout_kv(y, "report", sides[i] ? "b" : "a");
			yout_kvn(y, "quote",
				 c->side[sides[i]].a->text + v[i]->start,
				 v[i]->end - v[i]->start);
			yout_ki(y, "section", (long long)v[i]->section);
			yout_map_end(y);
		}
		free(v);
		free(sides);
	}
	yout_seq_end(y);
	yout_key(y, "topics");
	yout_seq_start(y);
	for (t = 0; t < topics_count(r->topics); t++) {
		yout_map_start(y);
		yout_kv(y, "topic", topics_name(r->topics, t));
		for (s = 0; s < 2; s++) {
			yout_key(y, s ? "b" : "a");
			yout_seq_start_flow(y);
			for (i = 0; i < c->side[s].a->nsections; i++)
				if ((c->side[s].topics[i] >> t) & 1)
					yout_int(y, (long long)i);
			yout_seq_end(y);
		}
		yout_map_end(y);
	}
	yout_seq_end(y);
	yout_key(y, "timeline");
	yout_seq_start(y);
	{
		struct tl_ref *v = timeline_merged(c, &n);

		for (i = 0; i < n; i++) {
			char when[32];

			tl_format(v[i].ev, when, sizeof when);
			yout_map_start(y);
			yout_kv(y, "when", when);
			yout_kv(y, "report", v[i].side ? "b" : "a");
			yout_kvn(y, "text",
				 c->side[v[i].side].a->text + v[i].ev->start,
				 v[i].ev->end - v[i].ev->start);
			yout_key(y, "relative");
			yout_int(y, v[i].ev->relative);
			yout_map_end(y);
		}
		free(v);
	}
	yout_seq_end(y);
	yout_map_end(y);
	yout_doc_end(y);
	return yout_free(y) == 0 && fflush(f) == 0 ? 0 : -1;
}
