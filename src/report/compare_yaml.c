/* compare_yaml: a comparison of two reports as one YAML document. */
#include "brief/report/compare_yaml.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/alloc.h"

#include "brief/yaml/yamlio.h"

/* A plain true or false (a scalar read plain is written plain). */
static void yaml_bool(struct yout *y, int v)
{
	struct ynode *n = ynode_new(YNODE_SCALAR, 0, 0);

	n->str = xstrdup(v ? "true" : "false");
	n->len = strlen(n->str);
	yout_node(y, n);
	ynode_free(n);
}

/* The figures of side s among c->figs[i..t) (one group). */
static void yaml_fig_side(struct yout *y, const struct comparison *c,
			  size_t i, size_t t, int s)
{
	yout_key(y, s ? "b" : "a");
	yout_seq_start(y);
	for (; i < t; i++) {
		const struct cmp_figure *cf = &c->figs[i];
		char norm[96];

		if (cf->side != s)
			continue;
		figure_format(cf->f, norm, sizeof norm);
		yout_map_start(y);
		yout_kvn(y, "text", c->side[s].a->text + cf->m->start,
			 cf->m->end - cf->m->start);
		yout_kv(y, "value", norm);
		yout_ki(y, "section", cf->f->section);
		yout_map_end(y);
	}
	yout_seq_end(y);
}

/* Topic t with each report's sentences on it, when either report is on
 * it: {topic, label, a: [{section, sentence, text, match}], b: [...]}. */
static void yaml_topic(struct yout *y, const struct comparison *c,
		       const struct topics *ts, size_t t)
{
	size_t i;
	int s, any = 0;

	for (s = 0; s < 2; s++)
		for (i = 0; i < c->side[s].nth; i++)
			any |= c->side[s].th[i].topic == t;
	if (!any)
		return;
	yout_map_start(y);
	yout_kv(y, "topic", topics_id(ts, t));
	yout_kv(y, "label", topics_label(ts, t));
	for (s = 0; s < 2; s++) {
		const struct article *a = c->side[s].a;

		yout_key(y, s ? "b" : "a");
		yout_seq_start(y);
		for (i = 0; i < c->side[s].nth; i++) {
			const struct topic_hit *h = &c->side[s].th[i];
			const struct span *se = &a->sentences[h->sentence];

			if (h->topic != t)
				continue;
			yout_map_start(y);
			yout_ki(y, "section", (long long)h->section);
			yout_ki(y, "sentence",
				(long long)(h->sentence -
					    a->sections[h->section].first_sentence));
			yout_kvn(y, "text", a->text + se->start,
				 se->end - se->start);
			yout_kvn(y, "match", a->text + h->start,
				 h->end - h->start);
			yout_map_end(y);
		}
		yout_seq_end(y);
	}
	yout_map_end(y);
}

/* One statement: its words, its speaker (each report's under `speakers`
 * when they name two), the reports that quote it and its section in
 * each. */
static void yaml_quote_row(struct yout *y, const struct comparison *c,
			   const struct quote_row *r)
{
	int s, ts;
	const struct quote *q = quote_row_text(r, &ts);

	yout_map_start(y);
	yout_kvn(y, "text", c->side[ts].a->text + q->start, q->end - q->start);
	yout_kv(y, "speaker", quote_row_speaker(r));
	if (quote_row_speakers_differ(r)) {
		yout_key(y, "speakers");
		yout_map_start(y);
		yout_kv(y, "a", r->q[0]->speaker_text);
		yout_kv(y, "b", r->q[1]->speaker_text);
		yout_map_end(y);
	}
	yout_key(y, "reports");
	yout_seq_start_flow(y);
	for (s = 0; s < 2; s++)
		if (r->q[s])
			yout_str(y, s ? "b" : "a");
	yout_seq_end(y);
	yout_key(y, "sections");
	yout_map_start(y);
	for (s = 0; s < 2; s++)
		if (r->q[s])
			yout_ki(y, s ? "b" : "a", (long long)r->q[s]->section);
	yout_map_end(y);
	yout_map_end(y);
}

int compare_yaml_write(FILE *f, const struct comparison *c,
		       const struct compare_rules *r,
		       const struct entities *reg)
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
		yout_kv(y, "entity", c->ents[i].name);
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
	for (i = 0; i < c->nnames; i++) {
		yout_map_start(y);
		yout_kv(y, "entity", c->names[i].name);
		yout_kv(y, "category", "name");
		yout_ki(y, "a", (long long)c->names[i].count[0]);
		yout_ki(y, "b", (long long)c->names[i].count[1]);
		yout_kv(y, "in", "both");
		yout_map_end(y);
	}
	yout_seq_end(y);
	yout_key(y, "figures");
	yout_seq_start(y);
	for (i = 0; i < c->nfigs; i = t) {
		const struct fa_group *g = &c->groups[c->figs[i].group];

		for (t = i; t < c->nfigs && c->figs[t].group == c->figs[i].group;)
			t++;
		yout_map_start(y);
		yout_kv(y, "counts", g->counts);
		yout_kv(y, "unit", g->unit);
		for (s = 0; s < 2; s++)
			yaml_fig_side(y, c, i, t, s);
		yout_key(y, "disagree");
		yaml_bool(y, g->disagree);
		yout_map_end(y);
	}
	yout_seq_end(y);
	yout_key(y, "quotes");
	yout_seq_start(y);
	{
		struct quote_row *v = compare_quote_rows(c, &n);

		for (i = 0; i < n; i++)
			yaml_quote_row(y, c, &v[i]);
		free(v);
	}
	yout_seq_end(y);
	yout_key(y, "topics");
	yout_seq_start(y);
	for (t = 0; t < topics_count(r->topics); t++)
		yaml_topic(y, c, r->topics, t);
	yout_seq_end(y);
	yout_key(y, "timeline");
	yout_seq_start(y);
	{
		struct tl_ref *v = timeline_merge(c->side[0].tl,
						  c->side[0].ntl,
						  c->side[1].tl,
						  c->side[1].ntl, &n);

		size_t j, k;

		/* one item per entry: one date however it is spelt, with
		 * each expression as written */
		for (i = 0; i < n; i = j) {
			char when[32];
			int in = 0;

			for (j = i; j < n && v[j].entry == v[i].entry; j++)
				in |= 1 << v[j].side;
			tl_format(v[i].ev, when, sizeof when);
			yout_map_start(y);
			yout_kv(y, "when", when);
			yout_key(y, "reports");
			yout_seq_start_flow(y);
			if (in & 1)
				yout_str(y, "a");
			if (in & 2)
				yout_str(y, "b");
			yout_seq_end(y);
			yout_key(y, "mentions");
			yout_seq_start(y);
			for (k = i; k < j; k++) {
				const struct article *a = c->side[v[k].side].a;

				yout_map_start(y);
				yout_kv(y, "report", v[k].side ? "b" : "a");
				size_t ss, se;

				tl_sentence(a, v[k].ev, &ss, &se);
				yout_kvn(y, "text", a->text + v[k].ev->start,
					 v[k].ev->end - v[k].ev->start);
				yout_kvn(y, "sentence", a->text + ss, se - ss);
				yout_ki(y, "section", (long long)v[k].ev->section);
				yout_key(y, "relative");
				yout_int(y, v[k].ev->relative);
				yout_map_end(y);
			}
			yout_seq_end(y);
			yout_map_end(y);
		}
		free(v);
	}
	yout_seq_end(y);
	yout_map_end(y);
	yout_doc_end(y);
	return yout_free(y) == 0 && fflush(f) == 0 ? 0 : -1;
}
