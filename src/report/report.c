/* report: statuses, progress and the file check the outputs share. */
#include "brief/report/report.h"

int report_library_check(const struct library *lib, struct err *e)
{
	size_t i;

	for (i = 0; i < lib->n; i++)
		if (article_check(lib->items[i], e) != 0)
			return -1;
	return 0;
}

void report_progress_start(const struct report_progress *p,
			   const char *label, size_t total)
{
	if (p && p->start)
		p->start(label, total);
}

void report_progress_update(const struct report_progress *p, size_t done)
{
	if (p && p->update)
		p->update(done);
}

void report_progress_end(const struct report_progress *p)
{
	if (p && p->end)
		p->end();
}
