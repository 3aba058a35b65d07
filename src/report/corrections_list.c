/* corrections_list: the corrections as a table or as YAML. */
#include "brief/report/corrections_list.h"

#include <stdlib.h>
#include <string.h>

#include "brief/report/report.h"
#include "brief/report/tsv.h"

/* What a correction applies to: "form 'X'", "entity 'Y'", "@offset". */
static void what(struct buf *o, const struct correction *x)
{
	size_t n0 = o->len;

	if (x->form) {
		buf_adds(o, "form ");
		buf_adds(o, x->form);
	}
	if (x->entity) {
		buf_adds(o, o->len > n0 ? ", entity " : "entity ");
		buf_adds(o, x->entity);
	}
	if (x->offset >= 0)
		buf_printf(o, "%s@%lld", o->len > n0 ? " " : "", x->offset);
}

static void change(struct buf *o, const struct correction *x)
{
	switch (x->kind) {
	case CORR_DISMISS:
		buf_adds(o, "not an entity");
		return;
	case CORR_MERGE:
		buf_adds(o, "is ");
		break;
	case CORR_RECATEGORISE:
		break;
	default:
		buf_adds(o, "-> ");
		break;
	}
	if (x->name)
		buf_adds(o, x->name);
	if (x->cat >= 0 || x->ekind) {
		buf_adds(o, x->name ? " (" : "(");
		if (x->cat >= 0)
			buf_adds(o, category_name(x->cat));
		if (x->ekind) {
			buf_adds(o, x->cat >= 0 ? ", " : "");
			buf_adds(o, x->ekind);
		}
		buf_adds(o, ")");
	}
}

int corrections_list_write(FILE *f, const struct corrections *c, int yaml)
{
	struct buf o = {0}, t = {0};
	const struct correction *v;
	size_t n, i;

	if (yaml) {
		corrections_write_yaml(c, &o);
	} else {
		v = corrections_all(c, &n);
		buf_adds(&o, "id\tkind\tscope\tapplies to\tchange\tcreated\t"
			 "author\n");
		for (i = 0; i < n; i++) {
			tsv_field(&o, v[i].id);
			buf_adds(&o, "\t");
			tsv_field(&o, corrections_kind_name(v[i].kind));
			buf_adds(&o, "\t");
			tsv_field(&o, v[i].article ? v[i].article : "everywhere");
			buf_adds(&o, "\t");
			t.len = 0;
			buf_adds(&t, "");
			what(&t, &v[i]);
			tsv_field(&o, t.data);
			buf_adds(&o, "\t");
			t.len = 0;
			buf_adds(&t, "");
			change(&t, &v[i]);
			tsv_field(&o, t.data);
			buf_adds(&o, "\t");
			tsv_field(&o, v[i].created);
			buf_adds(&o, "\t");
			tsv_field(&o, v[i].author ? v[i].author : "");
			buf_adds(&o, "\n");
		}
	}
	tsv_flush(f, &o);
	buf_free(&o);
	buf_free(&t);
	return fflush(f) == 0 && !ferror(f) ? REPORT_OK : REPORT_EWRITE;
}
