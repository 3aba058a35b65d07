/* mentions_tsv: a line per mention, written in runs. */
#include "brief/report/mentions_tsv.h"

#include "brief/base/visible.h"
#include "brief/mark/parallel.h"
#include "brief/report/tsv.h"

/* What the rows of one article are written with. */
struct rows {
	FILE *f;
	const struct engine *en;
	const struct article *a;
	const struct report_progress *p;
	struct err *e;
	struct buf path, o;
};

/* hl_emit_fn: the rows of section j, flushed in runs. */
static int section_rows(void *arg, size_t j, struct mentions *m)
{
	struct rows *r = arg;
	size_t base = r->a->sections[j].start, k;

	report_progress_update(r->p, base);
	for (k = 0; k < m->n; k++) {
		const struct mention *mn = &m->v[k];
		const struct entity *ent = entities_get(r->en->reg, mn->entity);
		const char *cat = category_name((enum category)mn->cat);

		buf_add(&r->o, r->path.data, r->path.len);
		tsv_num(&r->o, j);
		tsv_num(&r->o, mn->start - base);
		tsv_num(&r->o, mn->end - base);
		buf_addc(&r->o, '\t');
		buf_adds(&r->o, cat);
		buf_addc(&r->o, '\t');
		tsv_field(&r->o, ent ? ent->name : "-");
		buf_addc(&r->o, '\t');
		visible_tsv(&r->o, r->a->text + mn->start, mn->end - mn->start);
		buf_addc(&r->o, '\n');
	}
	if (r->o.len >= TSV_RUN) {
		if (article_check(r->a, r->e) != 0)
			return -1;
		tsv_flush(r->f, &r->o);
	}
	return 0;
}

int mentions_tsv_write(FILE *f, const struct engine *en,
		       const struct article *a,
		       const struct report_progress *p, struct err *e)
{
	struct rows r = {f, en, a, p, e, {0}, {0}};
	int rc;

	tsv_field(&r.path, a->path);
	report_progress_start(p, a->path, a->len);
	rc = highlight_article_jobs(en->hl, a, en->jobs, section_rows, &r);
	if (rc == 0 && (rc = article_check(a, e)) == 0)
		tsv_flush(f, &r.o);
	report_progress_end(p);
	buf_free(&r.path);
	buf_free(&r.o);
	return rc == 0 ? REPORT_OK : REPORT_EINPUT;
}
