/* cli: a table of modes, exit codes.  Each mode says what it needs
 * loaded and which options apply to it; cli_main reads the options
 * (cli_options.c), loads what the mode needs, runs it (cli_modes.c) and
 * maps what it returns to an exit status.  The outputs themselves are in
 * report/. */
#include "brief/cli/cli.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "brief/base/util.h"
#include "brief/base/visible.h"
#include "brief/base/paths.h"
#include "brief/text/article.h"
#include "brief/text/library.h"
#include "brief/mark/engine.h"
#include "brief/mark/parallel.h"
#include "cli_priv.h"

void cli_complain(const char *fmt, ...)
{
	char msg[4096]; /* longer than any struct err */
	struct buf b = {0};
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (n < 0)
		msg[0] = '\0';
	buf_adds(&b, "brief: ");
	visible_add(&b, msg, strlen(msg), 0);
	buf_addc(&b, '\n');
	fputs(b.data, stderr);
	buf_free(&b);
}

int cli_fail(const struct err *e)
{
	cli_complain("%s", e->text);
	return EXIT_BAD_INPUT;
}

void cli_say_broken(char *const *broken, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		cli_complain("%s", broken[i]);
}

int cli_load_engine(const struct opts *o, struct loaded *l, struct err *e)
{
	if (engine_open(&l->en, o->lexicons, o->nlexicons, o->hlrules, e) !=
	    0)
		return -1;
	l->have |= NEED_ENGINE;
	l->en.jobs = o->jobs ? o->jobs
			     : highlight_jobs_default(
				       (unsigned)sysconf(_SC_NPROCESSORS_ONLN));
	if (o->mode != MODE_ALIASES &&
	    engine_correct(&l->en, o->corrections, e) != 0)
		return -1;
	return 0;
}

/* Load what mode m needs into l, in the order of NEED_*.  EXIT_OK, or
 * the exit status after the message (what was loaded is in l->have). */
static int load(const struct mode *m, const struct opts *o,
		struct loaded *l)
{
	struct err e = {{0}};

	if ((m->needs & NEED_ARTICLES) && l->nargs == 0) {
		cli_complain("no article given");
		cli_usage(stderr);
		return EXIT_BAD_INPUT;
	}
	if (m->needs & NEED_RULES) {
		l->rules = o->rules ? article_rules_load(o->rules, &e)
				    : article_rules_default(&e);
		if (l->rules == NULL)
			return cli_fail(&e);
		l->have |= NEED_RULES;
		/* the extractor's rules when the first page, e-mail or feed
		 * is read: plain text never needs them */
		l->formats.as = o->as;
		l->formats.extract_shared = 1;
		l->formats.pdf.pdftotext = paths_pdftotext();
		l->formats.pdf.timeout_s = paths_pdf_timeout();
	}
	if ((m->needs & NEED_ENGINE) && !(m->needs & NEED_ENGINE_LATER) &&
	    cli_load_engine(o, l, &e) != 0)
		return cli_fail(&e);
	if (m->needs & NEED_PATHS) {
		l->have |= NEED_PATHS; /* (freed even when it fails) */
		if (library_paths(l->args, l->nargs, &l->paths, &l->npaths,
				  &e) != 0)
			return cli_fail(&e);
	}
	if (m->needs & NEED_LIBRARY) {
		if (library_load(&l->lib, l->args, l->nargs, l->rules,
				 &l->formats, (m->needs & NEED_LAZY) != 0,
				 &e) != 0)
			return cli_fail(&e);
		l->have |= NEED_LIBRARY;
		cli_say_broken(l->lib.broken, l->lib.nbroken);
	}
	return EXIT_OK;
}

static void unload(struct loaded *l)
{
	if (l->have & NEED_LIBRARY)
		library_free(&l->lib);
	if (l->have & NEED_PATHS)
		library_paths_free(l->paths, l->npaths);
	if (l->have & NEED_ENGINE)
		engine_close(&l->en);
	if (l->have & NEED_RULES) {
		article_rules_free(l->rules);
	}
}

int cli_main(int argc, char **argv)
{
	struct opts o = {0};
	struct loaded l;
	const struct mode *m;
	int rc;

	setlocale(LC_ALL, "");
	if (cli_parse(argc, argv, &o) != 0 || cli_check(&o) != 0) {
		free(o.args);
		free(o.lexicons);
		return EXIT_BAD_INPUT;
	}
	m = &cli_modes[o.mode];
	memset(&l, 0, sizeof l);
	l.args = o.args;
	l.nargs = o.nargs;
	rc = load(m, &o, &l);
	if (rc == EXIT_OK)
		rc = m->run(&o, &l);
	unload(&l);
	free(o.args);
	free(o.lexicons);
	return rc;
}
