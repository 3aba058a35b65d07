/* Fuzz target: a lexicon file, then highlighting a sentence with it. */
#include <string.h>

#include "brief/mark/engine.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct article_rules *rules;
	struct err e;
	struct engine en;
	const char *path = fuzz_file(data, size, ".yaml");
	char *paths[1];
	static const char text[] = "President Ama Mensah said 3,000 troops "
				   "and the Hwasong-18 were sent to Kyiv.\n";

	if (path == NULL)
		return 0;
	if (rules == NULL && (rules = article_rules_load("data/article.yaml",
							 &e)) == NULL)
		abort();
	paths[0] = (char *)path;
	if (engine_open(&en, paths, 1, "data/highlight.yaml", &e) == 0) {
		struct mentions m = {0};
		char *buf = xstrdup(text);
		struct article *a = article_from_bytes(buf, strlen(text), "t",
						       rules, &e);

		if (a) {
			highlight_article(en.hl, a, &m);
			mentions_free(&m);
			article_free(a);
		}
		engine_close(&en);
	}
	unlink(path);
	return 0;
}
