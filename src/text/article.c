/* article: loading articles.  article_open_all reads the bytes (a file,
 * mapped when large, or standard input), decides their format
 * (formats.c) and hands them to its parser (plain text, article_plain.c)
 * or extractor (an xdoc, made an article by xdoc_article.c); the
 * article's id, lookups by offset, giving pages back, freeing.  No
 * curses. */
#include "brief/text/article.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article_priv.h"
#include "brief/base/mapguard.h"
#include "brief/base/utf8.h"
#include "brief/text/html.h"

const char *section_kind_name(enum section_kind k)
{
	switch (k) {
	case SECTION_LEAD:
		return "lead";
	case SECTION_BODY:
		return "body";
	case SECTION_HEADLINE:
		return "headline";
	default:
		return "boilerplate";
	}
}

const char *article_genre(const struct article *a)
{
	return a->genre ? a->genre : "wire";
}

void article_free(struct article *a)
{
	size_t i;

	if (a == NULL)
		return;
	free(a->path);
	free(a->title);
	free(a->date);
	free(a->date_month);
	free(a->source);
	free(a->place);
	free(a->url);
	free(a->author);
	free(a->genre);
	for (i = 0; i < a->ntags; i++)
		free(a->tags[i]);
	free(a->tags);
	if (a->priv) {
		struct loader *l = a->priv;

		if (l->mapped)
			mapguard_unmap(l->map, l->map_len);
		else
			free(l->map);
		pcre2_match_data_free(l->md);
		free(l->mended);
		free(l);
	}
	free(a->sections);
	free(a->sentences);
	free(a->markers);
	free(a);
}

uint64_t art_content_hash(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
	size_t i = 0;

	/* eight plain bytes at a time, else one character's bytes */
	while (i < n) {
		uint64_t w;
		size_t k = 1;

		if (i + 8 <= n) {
			memcpy(&w, s + i, 8);
			if (PLAIN(w)) {
				h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
				h ^= h >> 29;
				i += 8;
				continue;
			}
		}
		if ((unsigned char)s[i] >= 0x80) {
			uint32_t cp;

			k = utf8_decode(s + i, n - i, &cp);
		}
		for (size_t j = 0; j < k; j++) {
			h = (h ^ (unsigned char)s[i + j]) *
			    0xFF51AFD7ED558CCDULL;
			h ^= h >> 29;
		}
		i += k;
	}
	return h;
}

const char *article_id(const struct article *a)
{
	struct loader *l = a->priv;

	if (l->id[0] == '\0')
		hash_hex(art_content_hash(l->map, l->raw_len), l->id);
	return l->id;
}

int article_check(const struct article *a, struct err *e)
{
	struct loader *l = a->priv;

	if (l == NULL || !(l->changed || (l->mapped && mapguard_changed(l->map))))
		return 0;
	err_set(e, "%s: %s", a->path, CHANGED);
	return -1;
}

struct article *article_from_bytes(char *data, size_t len, const char *name,
				   const struct article_rules *r,
				   struct err *e)
{
	struct article *a = art_plain_begin(data, len, 0, 0, name, r, e);

	if (a != NULL)
		a->format = "text";
	if (a != NULL)
		while (!article_parse(a, (size_t)-1))
			;
	return a;
}

/* Files above this size are mapped, not read. */
#define MAP_MIN (1u << 20)

/* The bytes of path ("-": standard input), followed by a NUL: a large
 * regular file is mapped (*map_len set; a zero page follows the file),
 * anything else read into memory (*map_len 0).  Standard input is held
 * to a file's limits as it is read (a NUL byte in its first MiB makes it
 * binary unless binary is set: a PDF).  NULL and e set on error. */
static char *read_bytes(const char *path, int binary, size_t *len,
			size_t *map_len, struct err *e)
{
	struct stat st;
	int fd;

	*map_len = 0;
	if (strcmp(path, "-") == 0) {
		struct read_limits lim = {ARTICLE_MAX, TOO_LARGE, BINARY_PROBE};

		if (binary)
			lim.probe = 0;
		return file_read_fd(0, "-", &lim, len, e);
	}
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		err_set(e, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (size_t)st.st_size >= MAP_MIN) {
		char *base;

		*len = (size_t)st.st_size;
		base = mapguard_map(fd, *len, map_len);
		if (base != NULL) {
			close(fd);
			return base;
		}
		*map_len = 0;
	}
	close(fd);
	return file_read(path, len, e);
}

struct article *article_open(const char *path, const struct article_rules *r,
			     struct err *e)
{
	size_t len, map_len;
	char *data = read_bytes(path, 0, &len, &map_len, e);
	struct article *a;

	if (data == NULL)
		return NULL;
	a = art_plain_begin(data, len, map_len != 0, map_len, path, r, e);
	if (a != NULL)
		a->format = "text";
	return a;
}

/* What article_open_all gathers: the articles, the broken parts. */
struct gather {
	struct article **items;
	size_t n, cap;
	char **broken;
	size_t nbroken, capb;
};

static void gather_article(struct gather *g, struct article *a)
{
	g->items = xgrow(g->items, &g->cap, g->n + 1, sizeof *g->items);
	g->items[g->n++] = a;
}

static void gather_broken(struct gather *g, char *msg)
{
	g->broken = xgrow(g->broken, &g->capb, g->nbroken + 1,
			  sizeof *g->broken);
	g->broken[g->nbroken++] = msg;
}

/* The extractor's rules for f: its own, else the shared ones (read
 * now, the first time), else NULL (e set when they cannot be read). */
static const struct extract_rules *rules_of(const struct article_formats *f,
					    struct err *e)
{
	if (f->extract != NULL || !f->extract_shared)
		return f->extract;
	return extract_rules_shared(e);
}

/* The parts of an mbox or a feed as articles: "FILE#N" each when the
 * file holds several; a part that is broken, or has no text, is told in
 * g->broken ("FILE: message N: reason").  -1 and e when none loads. */
static int parts_articles(const char *data, size_t len, const char *path,
			  const char *format, const struct article_rules *r,
			  const struct article_formats *f, struct gather *g,
			  struct err *e)
{
	const char *what = strcmp(format, "feed") == 0 ? "item" : "message";
	const struct extract_rules *x = rules_of(f, e);
	struct xpart *parts;
	size_t n, i;
	int rc;

	if (x == NULL && f->extract_shared)
		return -1;
	rc = strcmp(format, "feed") == 0
		     ? feed_extract(data, len, path, x, &parts, &n, e)
		     : mail_extract(data, len, path, x, &parts, &n, e);
	if (rc != 0)
		return -1;
	for (i = 0; i < n; i++) {
		struct xpart *p = &parts[i];
		char *name = n > 1 ? xasprintf("%s#%zu", path, i + 1)
				   : xstrdup(path);
		struct article *a = NULL;
		struct err pe = {{0}};

		if (p->doc != NULL && p->start <= p->end && p->end <= len)
			a = article_from_xdoc(p->doc, name, format,
					      data + p->start, p->end - p->start,
					      r, &pe);
		if (a != NULL)
			gather_article(g, a);
		else if (p->doc == NULL && p->error != NULL)
			gather_broken(g, xstrdup(p->error));
		else
			gather_broken(g, xasprintf("%s: %s %zu: no article "
						   "text found",
						   path, what, i + 1));
		free(name);
	}
	xparts_free(parts, n);
	if (g->n == 0) {
		if (g->nbroken)
			err_set(e, "%s", g->broken[0]);
		else
			err_set(e, "%s: no article text found", path);
		return -1;
	}
	return 0;
}

/* A file of another format than plain text into g.  0, or -1 and e. */
static int extracted(const char *data, size_t len, const char *path,
		     const char *format, const struct article_rules *r,
		     const struct article_formats *f, struct gather *g,
		     struct err *e)
{
	struct xdoc *doc = NULL;
	const struct extract_rules *x;
	struct article *a;

	if (len > ARTICLE_MAX) {
		err_set(e, "%s: %s", path, TOO_LARGE);
		return -1;
	}
	if (strcmp(format, "email") == 0 || strcmp(format, "feed") == 0)
		return parts_articles(data, len, path, format, r, f, g, e);
	if (strcmp(format, "pdf") == 0) {
		doc = pdf_extract(data, len, path, &f->pdf, e);
	} else if ((x = rules_of(f, e)) == NULL) {
		if (!f->extract_shared)
			err_set(e, "%s: HTML cannot be read without the "
				   "extractor's rules", path);
		return -1;
	} else {
		doc = html_extract(data, len, path, x, e);
	}
	if (doc == NULL)
		return -1;
	a = article_from_xdoc(doc, path, format, data, len, r, e);
	xdoc_free(doc);
	if (a == NULL)
		return -1;
	gather_article(g, a);
	return 0;
}

int article_open_all(const char *path, const struct article_rules *r,
		     const struct article_formats *f, int lazy,
		     struct article ***out, size_t *n, char ***broken,
		     size_t *nbroken, struct err *e)
{
	struct gather g = {0};
	const char *format = f == NULL ? "text" : f->as;
	size_t len, map_len;
	char *data;
	int rc = 0;

	*out = NULL;
	*n = 0;
	*broken = NULL;
	*nbroken = 0;
	data = read_bytes(path, format && strcmp(format, "pdf") == 0, &len,
			  &map_len, e);
	if (data == NULL)
		return -1;
	if (format == NULL)
		format = len == 0 && strlen(path) > 4 &&
				 strcasecmp(path + strlen(path) - 4, ".pdf") == 0
			 ? "pdf" /* an empty download: say so, not "empty text" */
			 : article_sniff(data, len);
	if (strcmp(format, "text") == 0) {
		struct article *a = art_plain_begin(data, len, map_len != 0,
						    map_len, path, r, e);

		if (a == NULL)
			return -1;
		a->format = "text";
		if (!lazy)
			while (!article_parse(a, (size_t)-1))
				;
		gather_article(&g, a);
	} else {
		rc = extracted(data, len, path, format, r, f, &g, e);
		if (map_len != 0)
			mapguard_unmap(data, map_len);
		else
			free(data);
	}
	if (rc != 0) {
		for (size_t i = 0; i < g.nbroken; i++)
			free(g.broken[i]);
		free(g.broken);
		return -1;
	}
	*out = g.items;
	*n = g.n;
	*broken = g.broken;
	*nbroken = g.nbroken;
	return 0;
}

struct article *article_load(const char *path, const struct article_rules *r,
			     struct err *e)
{
	struct article *a = article_open(path, r, e);

	if (a != NULL)
		while (!article_parse(a, (size_t)-1))
			;
	return a;
}

static void give_back(struct loader *l, size_t s, size_t e)
{
	if (e > s)
		madvise(l->map + s, e - s, MADV_DONTNEED);
}

void article_release(const struct article *a, size_t from, size_t to)
{
	struct loader *l = a->priv;
	size_t page = (size_t)sysconf(_SC_PAGESIZE), off, s, e, k;

	if (l == NULL || !l->mapped || to > a->len || from >= to)
		return;
	off = (size_t)(a->text - l->map);
	s = (from + off + page - 1) / page * page;
	e = (to + off) / page * page;
	/* around the pages holding mended bytes (private copies) */
	for (k = 0; k < l->nmended && s < e; k++) {
		size_t mp = (l->mended[k] + off) / page * page;

		if (mp + page <= s || mp >= e)
			continue;
		give_back(l, s, mp);
		s = mp + page;
	}
	if (s < e)
		give_back(l, s, e);
}

long article_section_at(const struct article *a, size_t off)
{
	size_t lo = 0, hi = a->nsections;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (a->sections[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < a->nsections && a->sections[lo].start <= off)
		return (long)lo;
	return -1;
}

long article_sentence_at(const struct article *a, size_t off)
{
	size_t lo = 0, hi = a->nsentences;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (a->sentences[mid].start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (long)lo - 1;
}
