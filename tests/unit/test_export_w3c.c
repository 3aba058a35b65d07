/* The W3C export: every annotation has the keys the Web Annotation
 * model requires, and positions count characters, not bytes. */
#include "noteslib.h"

#include <jansson.h>

#include "brief/report/export.h"

static const char *zstory =
	"Officials in Zürich said the talks had failed after three days. "
	"Kim said the talks would resume next month in Geneva.\n";

/* The W3C export of notes on article a, parsed. */
static json_t *exported(struct notes *ns, struct article *a)
{
	struct library lib;
	char *data = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&data, &len);
	json_error_t je;
	json_t *root;

	memset(&lib, 0, sizeof lib);
	lib.items = &a;
	lib.n = 1;
	assert_non_null(f);
	assert_int_equal(export_w3c(f, ns, &lib), 0);
	fclose(f);
	root = json_loads(data, 0, &je);
	if (root == NULL)
		fail_msg("not JSON: %s", je.text);
	free(data);
	return root;
}

static const char *str(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);

	assert_true(json_is_string(v));
	return json_string_value(v);
}

/* The selector of type t in target tg. */
static json_t *selector(json_t *tg, const char *t)
{
	json_t *v, *s;
	size_t i;

	v = json_object_get(tg, "selector");
	assert_true(json_is_array(v));
	json_array_foreach(v, i, s)
		if (strcmp(str(s, "type"), t) == 0)
			return s;
	fail_msg("no %s", t);
	return NULL;
}

static void test_w3c_required_keys(void **state)
{
	struct article *a = text_article(rules, "articles/zurich.txt", zstory);
	char *p = path_of("w3c.yaml");
	struct err e = {{0}};
	struct notes *ns = notes_open(p, &e);
	struct anchor an[2];
	const char *id, *at = strstr(a->text, "talks would resume");
	const char *zu = strstr(a->text, "said the talks had");
	json_t *root, *o, *body, *b, *tg, *q, *pos;
	size_t i;
	int commenting = 0, tagging = 0;

	(void)state;
	(void)short_story; /* noteslib's, for other tests */
	assert_non_null(ns);
	anchor_make(&an[0], a, (size_t)(zu - a->text),
		    (size_t)(zu - a->text) + 4);
	anchor_make(&an[1], a, (size_t)(at - a->text),
		    (size_t)(at - a->text) + 18);
	assert_int_equal(notes_add(ns, "Two passages\nsecond line #talks", an,
				   2, &id, &e), 0);
	root = exported(ns, a);
	assert_true(json_is_array(root));
	assert_int_equal(json_array_size(root), 1);
	o = json_array_get(root, 0);
	assert_string_equal(str(o, "@context"),
			    "http://www.w3.org/ns/anno.jsonld");
	assert_string_equal(str(o, "type"), "Annotation");
	assert_true(strncmp(str(o, "id"), "urn:brief:note:", 15) == 0);
	assert_non_null(str(o, "created"));
	assert_non_null(str(o, "modified"));
	body = json_object_get(o, "body");
	assert_true(json_is_array(body));
	json_array_foreach(body, i, b) {
		assert_string_equal(str(b, "type"), "TextualBody");
		if (strcmp(str(b, "purpose"), "commenting") == 0) {
			assert_string_equal(str(b, "value"),
					    "Two passages\nsecond line #talks");
			assert_string_equal(str(b, "format"), "text/plain");
			commenting++;
		} else {
			assert_string_equal(str(b, "purpose"), "tagging");
			assert_string_equal(str(b, "value"), "talks");
			tagging++;
		}
	}
	assert_int_equal(commenting, 1);
	assert_int_equal(tagging, 1);
	/* a linked note: two targets */
	tg = json_object_get(o, "target");
	assert_true(json_is_array(tg));
	assert_int_equal(json_array_size(tg), 2);
	assert_string_equal(str(json_array_get(tg, 0), "source"),
			    "articles/zurich.txt");
	q = selector(json_array_get(tg, 0), "TextQuoteSelector");
	assert_string_equal(str(q, "exact"), "said");
	assert_string_equal(str(q, "prefix"), "Officials in Zürich ");
	assert_true(strncmp(str(q, "suffix"), " the talks had failed", 21) ==
		    0);
	/* "Officials in Zürich " is 20 characters, 21 bytes */
	pos = selector(json_array_get(tg, 0), "TextPositionSelector");
	assert_int_equal(json_integer_value(json_object_get(pos, "start")), 20);
	assert_int_equal(json_integer_value(json_object_get(pos, "end")), 24);
	q = selector(json_array_get(tg, 1), "TextQuoteSelector");
	assert_string_equal(str(q, "exact"), "talks would resume");
	json_decref(root);
	anchor_clear(&an[0]);
	anchor_clear(&an[1]);
	notes_free(ns);
	free(p);
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_w3c_required_keys),
	};

	return cmocka_run_group_tests(tests, notes_setup, notes_teardown);
}
