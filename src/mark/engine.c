/* engine: registry + lexicon + highlighter. */
#include "brief/mark/engine.h"

#include <stdlib.h>
#include <string.h>

#include "brief/mark/correct.h"

int engine_open(struct engine *en, char *const *lexicons, size_t n,
		const char *rules, struct err *e)
{
	char **paths = lexicon_default_paths(lexicons, n);
	char *r = rules ? xstrdup(rules) : highlighter_default_rules();
	size_t np = 0;

	while (paths[np])
		np++;
	memset(en, 0, sizeof *en);
	en->reg = entities_new();
	en->lx = lexicon_load(paths, np, en->reg, e);
	lexicon_paths_free(paths);
	if (en->lx != NULL)
		en->hl = highlighter_new(en->lx, r, e);
	free(r);
	if (en->hl == NULL) {
		lexicon_free(en->lx);
		entities_free(en->reg);
		memset(en, 0, sizeof *en);
		return -1;
	}
	return 0;
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
	memset(en, 0, sizeof *en);
}
