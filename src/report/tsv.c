/* tsv: fields, numbers and runs of tab-separated lines. */
#include "brief/report/tsv.h"

#include <string.h>

#include "brief/base/visible.h"

void tsv_field(struct buf *o, const char *s)
{
	visible_tsv(o, s, strlen(s));
}

void tsv_num(struct buf *o, size_t v)
{
	char tmp[24];
	int n = (int)sizeof tmp;

	do {
		tmp[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	tmp[--n] = '\t';
	buf_add(o, tmp + n, sizeof tmp - (size_t)n);
}

void tsv_flush(FILE *f, struct buf *o)
{
	if (o->len)
		fwrite(o->data, 1, o->len, f);
	o->len = 0;
}
