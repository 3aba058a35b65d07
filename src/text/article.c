/* article: loading an article.  article_open reads the bytes (a file,
 * mapped when large, or standard input) and hands them to the parser of
 * their format (today plain text, article_plain.c); the article's id,
 * lookups by offset, giving pages back, freeing.  No curses. */
#include "brief/text/article.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "article_priv.h"
#include "brief/base/mapguard.h"
#include "brief/base/utf8.h"

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

void article_free(struct article *a)
{
	size_t i;

	if (a == NULL)
		return;
	free(a->path);
	free(a->title);
	free(a->date);
	free(a->source);
	free(a->place);
	free(a->url);
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

/* The content hash behind the article's id, over the file's bytes. */
static uint64_t content_hash(const char *s, size_t n)
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
		hash_hex(content_hash(l->map, l->raw_len), l->id);
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
		while (!article_parse(a, (size_t)-1))
			;
	return a;
}

/* Files above this size are mapped, not read. */
#define MAP_MIN (1u << 20)

/* The bytes of path ("-": standard input), followed by a NUL: a large
 * regular file is mapped (*map_len set; a zero page follows the file),
 * anything else read into memory (*map_len 0).  NULL and e set on
 * error. */
static char *read_bytes(const char *path, size_t *len, size_t *map_len,
			struct err *e)
{
	struct stat st;
	int fd;

	*map_len = 0;
	if (strcmp(path, "-") == 0) {
		/* the same limits as a file's, checked as it is read */
		static const struct read_limits stdin_limits = {
			ARTICLE_MAX, TOO_LARGE, BINARY_PROBE};

		return file_read_fd(0, "-", &stdin_limits, len, e);
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
	char *data = read_bytes(path, &len, &map_len, e);

	if (data == NULL)
		return NULL;
	/* one format so far: plain text (with optional front matter) */
	return art_plain_begin(data, len, map_len != 0, map_len, path, r, e);
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
