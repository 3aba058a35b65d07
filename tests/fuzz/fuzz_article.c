/* Fuzz target: bytes to an article (front matter, paragraphs, sentences),
 * its dump, and its highlighting (lexicon, rules, figures). */
#include <string.h>

#include "brief/text/article.h"
#include "brief/report/dump.h"
#include "brief/mark/engine.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct article_rules *rules;
	static struct engine en;
	static int engine_ready;
	static char lexpath[] = "data/lexicon.yaml";
	static char *lexicon[] = {lexpath};
	struct mentions m = {0};
	struct err e;
	struct article *a;
	char *buf;
	FILE *null;

	if (rules == NULL && (rules = article_rules_load("data/article.yaml",
							 &e)) == NULL)
		abort();
	if (!engine_ready) {
		if (engine_open(&en, lexicon, 1, "data/highlight.yaml", &e) != 0)
			abort();
		engine_ready = 1;
	}
	buf = xmalloc(size + 1);
	memcpy(buf, data, size);
	a = article_from_bytes(buf, size, "fuzz.txt", rules, &e);
	if (a == NULL)
		return 0;
	null = fopen("/dev/null", "w");
	if (null) {
		dump_article(null, a);
		fclose(null);
	}
	if (a->len) {
		article_section_at(a, a->len / 2);
		article_sentence_at(a, a->len / 2);
	}
	highlight_article(en.hl, a, &m);
	mentions_free(&m);
	article_free(a);
	return 0;
}
