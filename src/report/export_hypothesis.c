/* export_hypothesis: notes as the annotations the Hypothesis API takes
 * (https://h.readthedocs.io/en/latest/api-reference/): a list of
 * objects with uri, text, tags, target [{source, selector}] and
 * document.title.  One target an annotation: a linked note becomes two
 * annotations, the second naming the first in references. */
#include <stdlib.h>
#include <string.h>

#include "export_priv.h"
#include "brief/report/export.h"

static json_t *hannotation(const struct note *no, size_t k, const char *id,
			   const struct library *lib)
{
	json_t *o = json_object(), *tags = json_array(), *t = json_object();
	json_t *targets = json_array(), *doc = json_object();
	const struct anchor *an = &no->anchor[k];
	const char *src = an->file;
	struct placed p;
	size_t j;

	export_place(an, lib, &p);
	if (p.article >= 0)
		src = export_source(lib->items[p.article]);
	json_object_set_new(o, "id", export_jstr(id, strlen(id)));
	json_object_set_new(o, "created", export_jstr(no->created,
						      strlen(no->created)));
	json_object_set_new(o, "updated", export_jstr(no->modified,
						      strlen(no->modified)));
	json_object_set_new(o, "uri", export_jstr(src, strlen(src)));
	json_object_set_new(o, "text", export_jstr(no->text, strlen(no->text)));
	for (j = 0; j < no->ntags; j++)
		json_array_append_new(tags, export_jstr(no->tags[j],
							strlen(no->tags[j])));
	json_object_set_new(o, "tags", tags);
	json_object_set_new(t, "source", export_jstr(src, strlen(src)));
	json_object_set_new(t, "selector", export_selectors(an, lib, &p));
	json_array_append_new(targets, t);
	json_object_set_new(o, "target", targets);
	if (p.article >= 0 && lib->items[p.article]->title[0]) {
		const char *title = lib->items[p.article]->title;
		json_t *tv = json_array();

		json_array_append_new(tv, export_jstr(title, strlen(title)));
		json_object_set_new(doc, "title", tv);
	}
	json_object_set_new(o, "document", doc);
	if (k > 0) {
		json_t *refs = json_array();

		json_array_append_new(refs, export_jstr(no->id,
							strlen(no->id)));
		json_object_set_new(o, "references", refs);
	}
	return o;
}

int export_hypothesis(FILE *f, struct notes *ns, const struct library *lib)
{
	size_t n, k, j;
	struct note *v = notes_all(ns, &n);
	json_t *list = json_array();

	for (k = 0; k < n; k++) {
		if (!export_wanted(&v[k], lib))
			continue;
		for (j = 0; j < v[k].nanchors; j++) {
			char *id = j == 0 ? xstrdup(v[k].id)
					  : xasprintf("%s%s", v[k].id,
						      NOTES_LINKED_SUFFIX);

			json_array_append_new(list,
					      hannotation(&v[k], j, id, lib));
			free(id);
		}
	}
	return export_json_write(f, list);
}
