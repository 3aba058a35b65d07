/* cli: arguments, usage, batch modes, exit codes. */
#include "brief/cli.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/article.h"
#include "brief/dump.h"
#include "brief/library.h"
#include "brief/util.h"

#ifndef BRIEF_VERSION
#define BRIEF_VERSION "0"
#endif

enum mode { MODE_READ, MODE_DUMP };

struct opts {
	enum mode mode;
	const char *rules;
};

static const char usage_text[] =
	"usage: brief [OPTIONS] FILE|DIR...\n"
	"       brief --dump FILE|DIR...\n"
	"\n"
	"A terminal briefing reader: two reports side by side, with actors,\n"
	"weapons and figures highlighted.  A directory stands for its *.txt\n"
	"and *.md files; '-' reads an article from standard input.\n"
	"\n"
	"Batch modes (output on stdout):\n"
	"  --dump              each article as a YAML document: file, id,\n"
	"                      title, date, source, sections with their kind,\n"
	"                      text and sentences\n"
	"\n"
	"Options:\n"
	"  --rules FILE        article rules (metadata, boilerplate and\n"
	"                      abbreviation patterns) instead of the default\n"
	"  -h, --help          show this help and exit\n"
	"  -V, --version       show the version and exit\n"
	"\n"
	"Exit status: 0 on success, 2 on bad input or usage.\n";

static void usage(FILE *f)
{
	fputs(usage_text, f);
}

static int parse(int argc, char **argv, struct opts *o)
{
	enum { OPT_DUMP = 256, OPT_RULES };
	static const struct option longs[] = {
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{"dump", no_argument, NULL, OPT_DUMP},
		{"rules", required_argument, NULL, OPT_RULES},
		{NULL, 0, NULL, 0},
	};
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+hV", longs, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			exit(EXIT_OK);
		case 'V':
			printf("brief %s\n", BRIEF_VERSION);
			exit(EXIT_OK);
		case OPT_DUMP:
			o->mode = MODE_DUMP;
			break;
		case OPT_RULES:
			o->rules = optarg;
			break;
		default:
			if (optopt && optopt < 256)
				fprintf(stderr, "brief: unknown option '-%c'\n",
					optopt);
			else
				fprintf(stderr, "brief: unknown option '%s'\n",
					argv[optind - 1]);
			usage(stderr);
			return -1;
		}
	}
	return 0;
}

static int fail(const struct err *e)
{
	fprintf(stderr, "brief: %s\n", e->text);
	return EXIT_BAD_INPUT;
}

static int run_dump(struct library *lib)
{
	size_t i;

	for (i = 0; i < lib->n; i++)
		if (dump_article(stdout, lib->items[i]) != 0) {
			fprintf(stderr, "brief: cannot write the dump\n");
			return EXIT_FAIL;
		}
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
}

static int run_print(struct library *lib)
{
	size_t i, j;

	for (i = 0; i < lib->n; i++) {
		const struct article *a = lib->items[i];

		printf("== %s%s%s%s%s\n", a->title, a->date ? " — " : "",
		       a->date ? a->date : "", a->source ? " — " : "",
		       a->source ? a->source : "");
		for (j = 0; j < a->nsections; j++) {
			const struct section *s = &a->sections[j];

			printf("%s%.*s\n\n",
			       s->kind == SECTION_BOILERPLATE ? "  | " : "",
			       (int)(s->end - s->start), a->text + s->start);
		}
	}
	return EXIT_OK;
}

int cli_main(int argc, char **argv)
{
	struct opts o = {0};
	struct article_rules *rules;
	struct library lib;
	struct err e = {{0}};
	int rc;

	setlocale(LC_ALL, "");
	if (parse(argc, argv, &o) != 0)
		return EXIT_BAD_INPUT;
	if (optind >= argc) {
		fprintf(stderr, "brief: no article given\n");
		usage(stderr);
		return EXIT_BAD_INPUT;
	}
	rules = o.rules ? article_rules_load(o.rules, &e)
			: article_rules_default(&e);
	if (rules == NULL)
		return fail(&e);
	if (library_load(&lib, argv + optind, (size_t)(argc - optind), rules,
			 &e) != 0) {
		article_rules_free(rules);
		return fail(&e);
	}
	switch (o.mode) {
	case MODE_DUMP:
		rc = run_dump(&lib);
		break;
	default:
		rc = run_print(&lib);
		break;
	}
	library_free(&lib);
	article_rules_free(rules);
	return rc;
}
