/* cache: the engine read back from one checked file. */
#include "brief/mark/cache.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/cachefile.h"
#include "brief/base/ser.h"

/* Changed whenever what is saved changes. */
#define CACHE_FORMAT 12
#define CACHE_MAGIC "BRIEFEC2"

static uint64_t version(void)
{
	return cachefile_version("engine", CACHE_FORMAT);
}

static int payload_load(struct engine *en, const unsigned char *p, size_t n)
{
	struct deser d;

	deser_init(&d, p, n);
	d.lend = 1; /* the tries point into the mapping, kept with en */
	en->reg = entities_load(&d);
	if (en->reg)
		en->lx = lexicon_load_saved(&d, en->reg);
	if (en->lx)
		en->hl = highlighter_load_saved(&d, en->lx);
	if (en->hl && deser_check(&d, d.at == d.n))
		return 0;
	highlighter_free(en->hl);
	lexicon_free(en->lx);
	entities_free(en->reg);
	memset(en, 0, sizeof *en);
	return -1;
}

int engine_cache_load(struct engine *en, const char *path,
		      char *const *files, size_t n)
{
	struct cachefile cf;

	memset(en, 0, sizeof *en);
	if (cachefile_open(&cf, path, CACHE_MAGIC, version(), files, n) != 0)
		return -1;
	if (payload_load(en, cf.payload, cf.len) != 0) {
		cachefile_close(&cf);
		return -1;
	}
	/* the same content under new stat records (copied, touched): kept
	 * with today's records, so that the next start need not hash the
	 * files */
	cachefile_refresh(&cf, path, CACHE_MAGIC, version(), files, n);
	en->map = cf.map;
	en->map_len = cf.map_len;
	return 0;
}

int engine_cache_store(const struct engine *en, const char *path,
		       char *const *files, size_t n)
{
	struct buf b = {0};
	int rc;

	entities_save(en->reg, &b);
	lexicon_save(en->lx, &b);
	highlighter_save(en->hl, &b);
	rc = cachefile_write(path, CACHE_MAGIC, version(), files, n, b.data,
			     b.len);
	buf_free(&b);
	return rc;
}
