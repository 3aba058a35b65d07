/* Helpers of the e-mail and feed unit tests (header only): run an
 * extractor on a fixture or a string, look at the parts' blocks. */
#ifndef BRIEF_PARTSLIB_H
#define BRIEF_PARTSLIB_H

#include "testlib.h"

#include "brief/text/formats.h"
#include "brief/text/html.h"

typedef int (*extract_fn)(const char *, size_t, const char *,
			  const struct extract_rules *, struct xpart **,
			  size_t *, struct err *);

static struct extract_rules *rules;

static int setup(void **state)
{
	struct err e;

	(void)state;
	rules = extract_rules_load("data/extract.yaml", &e);
	if (rules == NULL) {
		fprintf(stderr, "%s\n", e.text);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	extract_rules_free(rules);
	return 0;
}

/* What a run gave: the status, the parts, the error, the input. */
struct run {
	int rc;
	struct xpart *parts;
	size_t n;
	struct err e;
	char *bytes;
	size_t len;
};

/* Run fn on len bytes (copied). */
static inline void run_bytes(struct run *r, extract_fn fn, const char *b,
			     size_t len, const char *name)
{
	memset(r, 0, sizeof *r);
	r->bytes = xmalloc(len + 1);
	memcpy(r->bytes, b, len);
	r->bytes[len] = '\0';
	r->len = len;
	r->rc = fn(r->bytes, len, name, rules, &r->parts, &r->n, &r->e);
}

/* Run fn on a fixture of dir (named as the file is). */
static inline void run_file(struct run *r, extract_fn fn, const char *dir,
			    const char *file)
{
	struct err e = {{0}};
	char *path = xasprintf("tests/fixtures/%s/%s", dir, file);
	size_t n;
	char *data = file_read(path, &n, &e);

	if (data == NULL)
		fail_msg("%s", e.text);
	run_bytes(r, fn, data, n, file);
	free(data);
	free(path);
}

static inline void run_free(struct run *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		xdoc_free(r->parts[i].doc);
		free(r->parts[i].error);
	}
	free(r->parts);
	free(r->bytes);
}

/* The blocks of part i of kind k, joined by "|" (a fresh string). */
static inline char *kinds(const struct run *r, size_t i,
			  enum xblock_kind k)
{
	const struct xdoc *d;
	struct buf b = {0};
	size_t j;

	assert_true(i < r->n);
	d = r->parts[i].doc;
	assert_non_null(d);
	for (j = 0; j < d->nblocks; j++)
		if (d->blocks[j].kind == k) {
			if (b.len)
				buf_addc(&b, '|');
			buf_adds(&b, d->blocks[j].text);
		}
	buf_addc(&b, '\0');
	return buf_take(&b);
}

/* Assert that the blocks of part i of kind k are want. */
#define assert_kinds(r, i, k, want) do { \
		char *got_ = kinds((r), (i), (k)); \
		assert_string_equal(got_, (want)); \
		free(got_); \
	} while (0)

/* Assert that part i's bytes start with head and end with tail. */
static inline void assert_range(const struct run *r, size_t i,
				const char *head, const char *tail)
{
	const struct xpart *p = &r->parts[i];
	size_t hl = strlen(head), tl = strlen(tail);

	assert_true(p->start < p->end && p->end <= r->len);
	assert_true(p->end - p->start >= hl + tl);
	assert_memory_equal(r->bytes + p->start, head, hl);
	assert_memory_equal(r->bytes + p->end - tl, tail, tl);
}

#endif
