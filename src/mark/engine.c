/* engine: registry + lexicon + highlighter. */
#include "brief/mark/engine.h"

#include <stdlib.h>
#include <string.h>

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

void engine_close(struct engine *en)
{
	highlighter_free(en->hl);
	lexicon_free(en->lx);
	entities_free(en->reg);
	memset(en, 0, sizeof *en);
}
