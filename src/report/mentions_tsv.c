/* mentions_tsv: a line per mention, written in runs. */
#include "brief/report/mentions_tsv.h"

#include "brief/base/visible.h"
#include "brief/report/tsv.h"

int mentions_tsv_write(FILE *f, const struct engine *en,
		       const struct article *a,
		       const struct report_progress *p, struct err *e)
{
	struct hl_state *st = hl_state_new();
	struct buf path = {0}, o = {0};
	size_t j, k;
	int rc = 0;

	tsv_field(&path, a->path);
	report_progress_start(p, a->path, a->len);
	for (j = 0; j < a->nsections && rc == 0; j++) {
		struct mentions m = {0};
		size_t base = a->sections[j].start;

		report_progress_update(p, base);
		highlight_section(en->hl, st, a, j, &m);
		for (k = 0; k < m.n; k++) {
			const struct mention *mn = &m.v[k];
			const struct entity *ent =
				entities_get(en->reg, mn->entity);
			const char *cat = category_name((enum category)mn->cat);

			buf_add(&o, path.data, path.len);
			tsv_num(&o, j);
			tsv_num(&o, mn->start - base);
			tsv_num(&o, mn->end - base);
			buf_addc(&o, '\t');
			buf_adds(&o, cat);
			buf_addc(&o, '\t');
			tsv_field(&o, ent ? ent->name : "-");
			buf_addc(&o, '\t');
			visible_tsv(&o, a->text + mn->start, mn->end - mn->start);
			buf_addc(&o, '\n');
		}
		mentions_free(&m);
		if (o.len >= TSV_RUN && (rc = article_check(a, e)) == 0)
			tsv_flush(f, &o);
	}
	if (rc == 0 && (rc = article_check(a, e)) == 0)
		tsv_flush(f, &o);
	report_progress_end(p);
	hl_state_free(st);
	buf_free(&path);
	buf_free(&o);
	return rc == 0 ? REPORT_OK : REPORT_EINPUT;
}
