/* mdout: Markdown through memory, then visibly out. */
#include "brief/report/mdout.h"

#include <stdlib.h>

#include "brief/base/visible.h"

FILE *mdout_begin(struct mdout *m)
{
	m->data = NULL;
	m->len = 0;
	m->f = open_memstream(&m->data, &m->len);
	return m->f;
}

int mdout_end(struct mdout *m, FILE *out, int rc, const struct library *lib,
	      struct err *e)
{
	if (fclose(m->f) != 0)
		rc = REPORT_EWRITE;
	if (rc == 0 && report_library_check(lib, e) != 0)
		rc = REPORT_EINPUT;
	if (rc == 0)
		rc = visible_write(out, m->data, m->len,
				   VISIBLE_KEEP_NL | VISIBLE_KEEP_TAB);
	free(m->data);
	return rc == 0 && fflush(out) == 0 ? 0 : rc ? rc : REPORT_EWRITE;
}
