/* extract: the HTML extractor alone, for evaluation and benchmarks.
 *
 *   extract [-r RULES] FILE            the story's text (lead, body and
 *                                      headings, a blank line between)
 *   extract [-r RULES] -m FILE         the metadata, then every block
 *                                      with its kind
 *   extract [-r RULES] -o DIR FILE...  the story of each FILE into
 *                                      DIR/NAME.txt (NAME: the file's
 *                                      name up to its first '.')
 *   extract [-r RULES] -b FILE...      pages per second: extraction, and
 *                                      a plain libxml2 parse of the same
 *
 * Exit status 2 when a page cannot be read or has no story. */
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "brief/text/html.h"

static int story_kind(enum xblock_kind k)
{
	return k == XB_LEAD || k == XB_BODY || k == XB_HEADING;
}

static void print_story(FILE *f, const struct xdoc *d)
{
	size_t i;
	int first = 1;

	for (i = 0; i < d->nblocks; i++)
		if (story_kind(d->blocks[i].kind)) {
			fprintf(f, "%s%s\n", first ? "" : "\n",
				d->blocks[i].text);
			first = 0;
		}
}

static void print_meta(const struct xdoc *d)
{
	const struct xmeta *m = &d->meta;
	size_t i;

	printf("title: %s\ndate: %s\ndate_raw: %s\nauthor: %s\nsource: %s\n"
	       "url: %s\nlang: %s\ncharset: %s\n",
	       m->title ? m->title : "", m->date ? m->date : "",
	       m->date_raw ? m->date_raw : "", m->author ? m->author : "",
	       m->source ? m->source : "", m->url ? m->url : "",
	       m->lang ? m->lang : "", m->charset ? m->charset : "");
	for (i = 0; i < d->nblocks; i++)
		printf("%s: %s\n", xblock_kind_name(d->blocks[i].kind),
		       d->blocks[i].text);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int bench(char **files, int n, const struct extract_rules *r)
{
	char **data = calloc((size_t)n, sizeof *data);
	size_t *len = calloc((size_t)n, sizeof *len), bytes = 0;
	double t0, t_parse, t_ext;
	int i, rounds = 5, k;
	struct err e;

	for (i = 0; i < n; i++) {
		data[i] = file_read(files[i], &len[i], &e);
		if (data[i] == NULL) {
			fprintf(stderr, "extract: %s\n", e.text);
			return 2;
		}
		bytes += len[i];
	}
	t0 = now();
	for (k = 0; k < rounds; k++)
		for (i = 0; i < n; i++) {
			htmlDocPtr doc = htmlReadMemory(
				data[i], (int)len[i], NULL, NULL,
				HTML_PARSE_RECOVER | HTML_PARSE_NONET |
					HTML_PARSE_NOERROR |
					HTML_PARSE_NOWARNING);

			xmlFreeDoc(doc);
		}
	t_parse = now() - t0;
	t0 = now();
	for (k = 0; k < rounds; k++)
		for (i = 0; i < n; i++)
			xdoc_free(html_extract(data[i], len[i], files[i],
						   r, &e));
	t_ext = now() - t0;
	printf("pages: %d (%.1f MB), %d rounds\n", n, (double)bytes / 1e6,
	       rounds);
	printf("libxml2 parse: %.0f pages/s (%.1f MB/s)\n",
	       rounds * n / t_parse, rounds * (double)bytes / 1e6 / t_parse);
	printf("extraction:    %.0f pages/s (%.1f MB/s)\n",
	       rounds * n / t_ext, rounds * (double)bytes / 1e6 / t_ext);
	for (i = 0; i < n; i++)
		free(data[i]);
	free(data);
	free(len);
	return 0;
}

/* Extract one file: to stdout, or into dir. */
static int one(const char *path, const char *dir, int meta,
	       const struct extract_rules *r)
{
	struct err e;
	size_t len;
	char *data = file_read(path, &len, &e);
	struct xdoc *d;
	int rc = 0;

	if (data == NULL) {
		fprintf(stderr, "extract: %s\n", e.text);
		return 2;
	}
	d = html_extract(data, len, path, r, &e);
	if (d == NULL) {
		fprintf(stderr, "extract: %s\n", e.text);
		rc = 2;
	}
	if (dir) {
		const char *base = strrchr(path, '/');
		char *name, *out, *dot;
		FILE *f;

		name = xstrdup(base ? base + 1 : path);
		if ((dot = strchr(name, '.')) != NULL)
			*dot = '\0';
		out = xasprintf("%s/%s.txt", dir, name);
		f = fopen(out, "w");
		if (f == NULL) {
			perror(out);
			rc = 2;
		} else {
			if (d)
				print_story(f, d);
			fclose(f);
		}
		free(name);
		free(out);
	} else if (d && meta) {
		print_meta(d);
	} else if (d) {
		print_story(stdout, d);
	}
	xdoc_free(d);
	free(data);
	return rc;
}

int main(int argc, char **argv)
{
	const char *rules = "data/extract.yaml", *dir = NULL;
	int c, meta = 0, b = 0, rc = 0, i;
	struct extract_rules *r;
	struct err e;

	while ((c = getopt(argc, argv, "r:mo:b")) != -1) {
		switch (c) {
		case 'r':
			rules = optarg;
			break;
		case 'm':
			meta = 1;
			break;
		case 'o':
			dir = optarg;
			break;
		case 'b':
			b = 1;
			break;
		default:
			fprintf(stderr, "usage: extract [-r RULES] [-m | -o DIR "
					"| -b] FILE...\n");
			return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "usage: extract [-r RULES] [-m | -o DIR | -b] "
				"FILE...\n");
		return 2;
	}
	r = extract_rules_load(rules, &e);
	if (r == NULL) {
		fprintf(stderr, "extract: %s\n", e.text);
		return 2;
	}
	if (b)
		rc = bench(argv + optind, argc - optind, r);
	else
		for (i = optind; i < argc; i++)
			if (one(argv[i], dir, meta, r) != 0)
				rc = 2;
	extract_rules_free(r);
	return rc;
}
