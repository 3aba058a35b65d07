/* progress: a bar on stderr when it is a terminal. */
#include "brief/cli/progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "brief/base/visible.h"

static struct {
	int on;
	size_t total;
	char label[64];
	double last;
} bar;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

void progress_start(const char *label, size_t total)
{
	char *shown = visible_str(label, 0); /* a file name: never raw */

	bar.on = isatty(2) && total > 0;
	bar.total = total;
	snprintf(bar.label, sizeof bar.label, "%s", shown);
	free(shown);
	bar.last = 0;
}

void progress_update(size_t done)
{
	double t;
	int pct, i, fill;

	if (!bar.on)
		return;
	t = now();
	if (t - bar.last < 0.1)
		return;
	bar.last = t;
	pct = done >= bar.total ? 100 : (int)(done * 100 / bar.total);
	fill = pct * 30 / 100;
	fprintf(stderr, "\rbrief: %s [", bar.label);
	for (i = 0; i < 30; i++)
		fputc(i < fill ? '#' : '.', stderr);
	fprintf(stderr, "] %3d%%", pct);
}

void progress_end(void)
{
	if (bar.on && bar.last > 0)
		fprintf(stderr, "\r\033[K");
	bar.on = 0;
}
