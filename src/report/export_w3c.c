/* export_w3c: notes as W3C Web Annotation JSON-LD
 * (https://www.w3.org/TR/annotation-model/): a list of annotations. */
#include <stdlib.h>
#include <string.h>

#include "export_priv.h"
#include "brief/report/export.h"

/* A TextualBody: the note's text (commenting) or a tag (tagging). */
static json_t *body(const char *value, const char *purpose)
{
	json_t *b = json_object();

	json_object_set_new(b, "type", json_string("TextualBody"));
	json_object_set_new(b, "value", export_jstr(value, strlen(value)));
	if (strcmp(purpose, "commenting") == 0)
		json_object_set_new(b, "format", json_string("text/plain"));
	json_object_set_new(b, "purpose", json_string(purpose));
	return b;
}

/* A SpecificResource: the passage's article and its selectors. */
static json_t *target(const struct anchor *an, const struct library *lib)
{
	json_t *t = json_object();
	struct placed p;

	export_place(an, lib, &p);
	json_object_set_new(t, "type", json_string("SpecificResource"));
	if (p.article >= 0)
		json_object_set_new(t, "source", export_jstr(
			export_source(lib->items[p.article]),
			strlen(export_source(lib->items[p.article]))));
	else
		json_object_set_new(t, "source", export_jstr(an->file,
							     strlen(an->file)));
	json_object_set_new(t, "selector", export_selectors(an, lib, &p));
	return t;
}

static json_t *annotation(const struct note *no, const struct library *lib)
{
	json_t *o = json_object(), *bodies = json_array();
	char *id;
	size_t k;

	json_object_set_new(o, "@context",
			    json_string("http://www.w3.org/ns/anno.jsonld"));
	id = xasprintf("%s%s", NOTES_W3C_ID_PREFIX, no->id);
	json_object_set_new(o, "id", export_jstr(id, strlen(id)));
	free(id);
	json_object_set_new(o, "type", json_string("Annotation"));
	json_object_set_new(o, "created", export_jstr(no->created,
						      strlen(no->created)));
	json_object_set_new(o, "modified", export_jstr(no->modified,
						       strlen(no->modified)));
	json_array_append_new(bodies, body(no->text, "commenting"));
	for (k = 0; k < no->ntags; k++)
		json_array_append_new(bodies, body(no->tags[k], "tagging"));
	json_object_set_new(o, "body", bodies);
	if (no->nanchors == 1) {
		json_object_set_new(o, "target", target(&no->anchor[0], lib));
	} else {
		json_t *ts = json_array();

		for (k = 0; k < no->nanchors; k++)
			json_array_append_new(ts, target(&no->anchor[k], lib));
		json_object_set_new(o, "target", ts);
	}
	return o;
}

int export_w3c(FILE *f, struct notes *ns, const struct library *lib)
{
	size_t n, k;
	struct note *v = notes_all(ns, &n);
	json_t *list = json_array();

	for (k = 0; k < n; k++)
		if (export_wanted(&v[k], lib))
			json_array_append_new(list, annotation(&v[k], lib));
	return export_json_write(f, list);
}
