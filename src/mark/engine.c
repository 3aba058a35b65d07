/* engine: registry + lexicon + highlighter. */
#include "brief/mark/engine.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/mapguard.h"
#include "brief/base/paths.h"
#include "brief/mark/cache.h"
#include "brief/mark/correct.h"

int engine_open(struct engine *en, char *const *lexicons, size_t n,
		const char *rules, struct err *e)
{
	char **paths = lexicon_default_paths(lexicons, n);
	char *r = rules ? xstrdup(rules) : highlighter_default_rules();
	char *cache = paths_cache_file("engine.cache");
	size_t np = 0;
	int rc = 0;

	while (paths[np])
		np++;
	/* the files the engine is made of: the lexicons, then the rules */
	paths = xrealloc(paths, (np + 2) * sizeof *paths);
	paths[np] = r;
	paths[np + 1] = NULL;
	if (cache && engine_cache_load(en, cache, paths, np + 1) == 0)
		goto out;
	memset(en, 0, sizeof *en);
	en->reg = entities_new();
	en->lx = lexicon_load(paths, np, en->reg, e);
	if (en->lx != NULL)
		en->hl = highlighter_new(en->lx, r, e);
	if (en->hl == NULL) {
		lexicon_free(en->lx);
		entities_free(en->reg);
		memset(en, 0, sizeof *en);
		rc = -1;
	} else if (cache) {
		/* a cache that cannot be written is only slower */
		engine_cache_store(en, cache, paths, np + 1);
	}
out:
	free(cache);
	lexicon_paths_free(paths); /* frees r too */
	return rc;
}

int engine_correct(struct engine *en, const char *path, struct err *e)
{
	char *p = path ? xstrdup(path) : corrections_default_path();
	struct corrections *c = corrections_open(p, e);

	free(p);
	if (c == NULL)
		return -1;
	if (en->corr) {
		corrections_reset(en->corr, en->reg);
		corrections_free(en->corr);
	}
	en->corr = c;
	highlighter_set_corrections(en->hl, c);
	return 0;
}

void engine_corrections_changed(struct engine *en)
{
	if (en->corr)
		corrections_reset(en->corr, en->reg);
}

void engine_close(struct engine *en)
{
	corrections_free(en->corr);
	highlighter_free(en->hl);
	lexicon_free(en->lx);
	entities_free(en->reg);
	if (en->map)
		mapguard_unmap(en->map, en->map_len);
	memset(en, 0, sizeof *en);
}
