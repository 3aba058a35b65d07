/* entities_tsv: the entity table and the alias list. */
#include "brief/report/entities_tsv.h"

#include <stdlib.h>

#include "brief/mark/parallel.h"
#include "brief/mark/xref.h"
#include "brief/report/tsv.h"

int entities_tsv_write(FILE *f, const struct engine *en,
		       const struct library *lib,
		       const struct report_progress *p, struct err *e)
{
	struct mentions *m = xcalloc(lib->n, sizeof *m);
	struct xref *x = xref_new(lib->n);
	struct buf o = {0};
	uint32_t *ids;
	size_t i, k, n;
	int rc = REPORT_OK;

	report_progress_start(p, "indexing", lib->n);
	for (i = 0; i < lib->n; i++) {
		report_progress_update(p, i);
		highlight_article_par(en->hl, lib->items[i], en->jobs, &m[i]);
		xref_set(x, i, &m[i]);
	}
	report_progress_end(p);
	if (report_library_check(lib, e) != 0) {
		rc = REPORT_EINPUT;
		goto done;
	}
	buf_adds(&o, "category\tentity");
	for (i = 0; i < lib->n; i++) {
		buf_addc(&o, '\t');
		tsv_field(&o, lib->items[i]->path);
	}
	buf_addc(&o, '\n');
	ids = xref_ranked(x, en->reg, 1u << CAT_ACTOR | 1u << CAT_WEAPON, &n);
	for (k = 0; k < n; k++) {
		const struct entity *ent = entities_get(en->reg, ids[k]);

		buf_adds(&o, category_name(ent->cat));
		buf_addc(&o, '\t');
		tsv_field(&o, ent->name);
		for (i = 0; i < lib->n; i++)
			tsv_num(&o, xref_count(x, ids[k], i));
		buf_addc(&o, '\n');
		if (o.len >= TSV_RUN)
			tsv_flush(f, &o);
	}
	tsv_flush(f, &o);
	free(ids);
	if (fflush(f) != 0)
		rc = REPORT_EWRITE;
done:
	buf_free(&o);
	xref_free(x);
	for (i = 0; i < lib->n; i++)
		mentions_free(&m[i]);
	free(m);
	return rc;
}

int aliases_tsv_write(FILE *f, const struct engine *en)
{
	struct buf o = {0};
	size_t i;

	for (i = 0; i < lexicon_alias_count(en->lx); i++) {
		uint32_t id;
		const char *alias = lexicon_alias(en->lx, i, &id);
		const struct entity *ent = entities_get(en->reg, id);

		tsv_field(&o, alias);
		buf_addc(&o, '\t');
		tsv_field(&o, ent->name);
		buf_addc(&o, '\t');
		buf_adds(&o, category_name(ent->cat));
		buf_addc(&o, '\t');
		tsv_field(&o, ent->kind ? ent->kind : "-");
		buf_addc(&o, '\n');
		if (o.len >= TSV_RUN)
			tsv_flush(f, &o);
	}
	tsv_flush(f, &o);
	buf_free(&o);
	return fflush(f) == 0 ? REPORT_OK : REPORT_EWRITE;
}
