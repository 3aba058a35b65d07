/* ov_correct: the correction menu (C) on the selected mention -- rename
 * its entity, merge it with another (picked from the entity index, with a
 * filter), split this mention or this form off as a different entity,
 * change its category and kind, dismiss it -- or on a selected passage
 * (else the search match gone to): mark a missed entity there, at this
 * occurrence or at every one.  Each choice then asks, one step after the
 * other, what it needs: another entity, a category, a kind, a scope (this
 * article or everywhere), a name; the last step saves the correction
 * (reader_correct), which every pane, the index, x and the comparison show
 * at once.  Esc goes back to the menu (from the menu: closes). */
#include "brief/ui/overlay.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief/ui/prompt.h"

/* A passage longer than this is no name. */
#define FORM_MAX 120

/* The steps a choice goes through, one letter each: E another entity,
 * T a category, K a kind, S a scope, N a name. */
struct choice {
	const char *label;    /* %s: the entity's name, or the form */
	enum corr_kind kind;
	const char *steps;
	int on_mention;       /* offered on a mention (else on a passage) */
	int of_form;          /* %s is the form; the correction names it */
	int one;              /* this occurrence only */
};

static const struct choice choices[] = {
	{"rename %s (its canonical name)…", CORR_RENAME, "SN", 1, 0, 0},
	{"merge %s with another entity…", CORR_MERGE, "ES", 1, 0, 0},
	{"split this mention off as a different entity…", CORR_SPLIT, "N", 1,
	 1, 1},
	{"split every «%s» off as a different entity…", CORR_SPLIT, "SN", 1,
	 1, 0},
	{"change the category and kind of %s…", CORR_RECATEGORISE, "TKS", 1,
	 0, 0},
	{"dismiss this mention: not an entity", CORR_DISMISS, "", 1, 1, 1},
	{"dismiss every «%s»: not an entity…", CORR_DISMISS, "S", 1, 1, 0},
	{"mark «%s» as a missed entity, this occurrence…", CORR_ADD, "TN", 0,
	 1, 1},
	{"mark «%s» as a missed entity, every occurrence…", CORR_ADD, "TSN",
	 0, 1, 0},
};
#define NCHOICES (sizeof choices / sizeof *choices)

/* The categories a correction may give (a figure needs a value: not
 * one). */
static const enum category cats[] = {CAT_ACTOR, CAT_WEAPON, CAT_PLACE};

/* The correction being made. */
static struct {
	size_t di, start, end;
	uint32_t entity;      /* ENTITY_NONE: a passage */
	char *form;           /* the text selected */
	char *ename;          /* the entity's name, or NULL */
	char *ekind;          /* its kind, or NULL */
	const char *aid;      /* the article's id, or NULL (no "this
			       * article" then) */
	const struct choice *ch; /* NULL: the menu is shown */
	const char *step;     /* into ch->steps */
	int everywhere;
	int cat;
	char *kind;           /* the kind typed, or NULL */
	char *target;         /* the entity to merge with */
	struct prompt p;      /* a name or a kind being typed */
} cs;

static void clear_answers(void)
{
	free(cs.kind);
	free(cs.target);
	cs.kind = cs.target = NULL;
	cs.ch = NULL;
	cs.step = NULL;
	cs.everywhere = 0;
	cs.cat = -1;
}

static void correct_close(struct overlay *ov)
{
	clear_answers();
	free(cs.form);
	free(cs.ename);
	free(cs.ekind);
	cs.form = cs.ename = cs.ekind = NULL;
	overlay_list_close(ov);
}

static struct olist *menu_list(void)
{
	struct olist *o;
	struct buf b = {0};
	size_t i;

	buf_printf(&b, "Correct %s«%s»%s%s", cs.ename ? "the mention " : "",
		   cs.form, cs.ename ? " of " : " (a passage)",
		   cs.ename ? cs.ename : "");
	o = olist_new(b.data, 0);
	for (i = 0; i < NCHOICES; i++) {
		const struct choice *c = &choices[i];
		struct olist_row *r;

		if (c->on_mention != (cs.ename != NULL) ||
		    (c->one && cs.aid == NULL))
			continue;
		b.len = 0;
		buf_printf(&b, c->label, c->of_form ? cs.form : cs.ename);
		r = olist_add(o, b.data, 0);
		r->key[0] = (long)i;
	}
	buf_free(&b);
	olist_set_footer(o, "Enter chooses · saved at once, U undoes · "
			    "q/Esc closes");
	olist_refilter(o);
	return o;
}

/* The list (or the line to type) that step *cs.step asks with. */
static struct olist *step_list(struct ui *u)
{
	struct olist *o = NULL;
	struct buf b = {0};
	size_t i;

	switch (*cs.step) {
	case 'E':
		o = index_entities(u);
		free(o->title);
		buf_printf(&b, "Merge %s with which entity? (type to filter)",
			   cs.ename);
		o->title = xstrdup(b.data);
		olist_set_footer(o, "Enter chooses · Esc: back to the menu");
		break;
	case 'T':
		o = olist_new("Which category?", 0);
		for (i = 0; i < sizeof cats / sizeof *cats; i++)
			olist_add(o, category_name(cats[i]), 0)->key[0] =
				(long)cats[i];
		olist_set_footer(o, "Enter chooses · Esc: back to the menu");
		break;
	case 'S':
		o = olist_new("Where does it apply?", 0);
		if (cs.aid) {
			buf_printf(&b, "in this article only (%s)",
				   reader_doc(u, cs.di)->a->title);
			olist_add(o, b.data, 0)->key[0] = 0;
		}
		olist_add(o, "everywhere (every report, now and later)", 0)
			->key[0] = 1;
		olist_set_footer(o, "Enter chooses · Esc: back to the menu");
		break;
	default: /* N, K: a line to type */
		buf_printf(&b, *cs.step == 'K'
				       ? "The kind of %s (state, person, "
					 "organisation, ...; empty: unchanged)"
				       : "The name of the entity «%s» is "
					 "(Enter saves):",
			   *cs.step == 'K' ? cs.ename : cs.form);
		o = olist_new(b.data, 0);
		b.len = 0;
		buf_printf(&b, "› %.*s▏%s", (int)cs.p.cur, cs.p.buf,
			   cs.p.buf + cs.p.cur);
		olist_add(o, b.data, 0);
		olist_set_footer(o, "Enter: done · Ctrl-U clears · Esc: back "
				    "to the menu");
		break;
	}
	buf_free(&b);
	olist_refilter(o);
	return o;
}

static void show(struct overlay *ov, struct olist *o)
{
	olist_free(ov->list);
	ov->list = o;
}

/* The correction the answers make. */
static void build(struct correction *x)
{
	const struct choice *c = cs.ch;

	memset(x, 0, sizeof *x);
	x->kind = c->kind;
	x->offset = -1;
	x->cat = cs.cat;
	x->ekind = cs.kind;
	if (c->one) {
		x->article = (char *)cs.aid;
		x->offset = (long long)cs.start;
	} else if (!cs.everywhere) {
		x->article = (char *)cs.aid;
	}
	if (c->of_form)
		x->form = cs.form;
	if (c->on_mention)
		x->entity = cs.ename;
	x->name = c->kind == CORR_MERGE ? cs.target
		  : c->kind == CORR_RENAME || c->kind == CORR_SPLIT ||
				  c->kind == CORR_ADD
			  ? cs.p.buf
			  : NULL;
}

/* What was done, for the status line. */
static void said(struct buf *b, const struct correction *x)
{
	const char *where = cs.ch->one	      ? "this mention"
			    : x->article == NULL ? "everywhere"
						 : "in this article";

	switch (x->kind) {
	case CORR_RENAME:
		buf_printf(b, "%s renamed %s", cs.ename, x->name);
		break;
	case CORR_MERGE:
		buf_printf(b, "%s merged with %s", cs.ename, x->name);
		break;
	case CORR_SPLIT:
		buf_printf(b, "«%s» split off as %s", cs.form, x->name);
		break;
	case CORR_RECATEGORISE:
		buf_printf(b, "%s is %s%s%s", cs.ename,
			   category_name((enum category)x->cat),
			   x->ekind ? ", " : "", x->ekind ? x->ekind : "");
		break;
	case CORR_DISMISS:
		buf_printf(b, "«%s» dismissed", cs.form);
		break;
	default:
		buf_printf(b, "«%s» marked as %s (%s)", cs.form, x->name,
			   category_name((enum category)x->cat));
		break;
	}
	buf_printf(b, " — %s", where);
}

/* Esc (or q) in a step, or a correction refused: back to the menu. */
static int back_to_menu(struct overlay *ov)
{
	clear_answers();
	show(ov, menu_list());
	return OVERLAY_STAY;
}

/* Saved: the menu closes; refused (the reason on the status line): the
 * menu again, nothing changed. */
static int save(struct overlay *ov, struct ui *u)
{
	struct correction x;
	struct buf b = {0};
	int rc;

	build(&x);
	said(&b, &x);
	rc = reader_correct(u, &x, b.data);
	buf_free(&b);
	return rc == 0 ? OVERLAY_CLOSE : back_to_menu(ov);
}

/* The next step, or the correction saved after the last one. */
static int next_step(struct overlay *ov, struct ui *u)
{
	if (*cs.step == '\0')
		return save(ov, u);
	if (*cs.step == 'N' || *cs.step == 'K') {
		const char *init = *cs.step == 'K'   ? cs.ekind
				   : cs.ch->kind == CORR_RENAME ? cs.ename
				   : cs.ch->kind == CORR_ADD    ? cs.form
								: "";

		prompt_start(&cs.p, '>');
		prompt_set(&cs.p, init ? init : "");
	}
	show(ov, step_list(u));
	return OVERLAY_STAY;
}

static int correct_open(struct overlay *ov, struct ui *u)
{
	const struct article *a;
	const struct entity *en;
	int what = reader_selection(u, &cs.di, &cs.start, &cs.end, &cs.entity);

	if (what == READER_SEL_NONE) {
		reader_say(u, 1, "nothing to correct: select a mention (e) "
				 "or go to a passage (/)");
		return -1;
	}
	if (cs.end - cs.start > FORM_MAX ||
	    memchr(reader_doc(u, cs.di)->a->text + cs.start, '\n',
		   cs.end - cs.start)) {
		reader_say(u, 1, "the passage is too long for a name (at most "
				 "%d bytes on one line)", FORM_MAX);
		return -1;
	}
	a = reader_doc(u, cs.di)->a;
	clear_answers();
	cs.form = xstrndup(a->text + cs.start, cs.end - cs.start);
	cs.aid = article_id(a);
	en = what == READER_SEL_MENTION
		     ? entities_get(reader_entities(u), cs.entity)
		     : NULL;
	cs.ename = en ? xstrdup(en->name) : NULL;
	cs.ekind = en && en->kind ? xstrdup(en->kind) : NULL;
	ov->list = menu_list();
	return 0;
}

/* Enter on a row of a list step. */
static int list_enter(struct overlay *ov, struct ui *u,
		      const struct olist_row *r)
{
	if (cs.ch == NULL) {
		cs.ch = &choices[r->key[0]];
		cs.step = cs.ch->steps;
		return next_step(ov, u);
	}
	switch (*cs.step) {
	case 'E':
		if (r->entity == ENTITY_NONE)
			return OVERLAY_STAY;
		if (strcmp(entities_get(reader_entities(u), r->entity)->name,
			   cs.ename) == 0) {
			reader_say(u, 1, "that is %s itself: choose another "
					 "entity", cs.ename);
			return OVERLAY_STAY;
		}
		free(cs.target);
		cs.target = xstrdup(
			entities_get(reader_entities(u), r->entity)->name);
		break;
	case 'T':
		cs.cat = (int)r->key[0];
		break;
	case 'S':
		cs.everywhere = (int)r->key[0];
		break;
	default:
		return OVERLAY_STAY;
	}
	cs.step++;
	return next_step(ov, u);
}

/* A key while a name or a kind is typed. */
static int line_key(struct overlay *ov, struct ui *u, int key, int fn)
{
	int rc = prompt_key(&cs.p, key, fn);
	const char *t = cs.p.buf + strspn(cs.p.buf, " ");

	if (rc == PROMPT_CANCEL)
		return back_to_menu(ov);
	if (rc != PROMPT_ACCEPT) {
		show(ov, step_list(u));
		return OVERLAY_STAY;
	}
	if (*cs.step == 'K') {
		free(cs.kind);
		cs.kind = *t ? xstrdup(t) : NULL;
	} else if (*t == '\0') {
		reader_say(u, 1, "a name is needed (Esc goes back)");
		return OVERLAY_STAY;
	} else if (cs.ch->kind == CORR_RENAME && strcmp(t, cs.ename) == 0) {
		reader_say(u, 1, "that is its name already");
		return OVERLAY_STAY;
	} else {
		memmove(cs.p.buf, t, strlen(t) + 1);
		cs.p.len = strlen(cs.p.buf);
	}
	cs.step++;
	return next_step(ov, u);
}

static int correct_key(struct overlay *ov, struct ui *u, int key, int fn)
{
	struct olist_row *r;
	int rc;

	if (cs.ch && (*cs.step == 'N' || *cs.step == 'K'))
		return line_key(ov, u, key, fn);
	if (cs.ch && !fn && key == 27 && !ov->list->typing)
		return back_to_menu(ov);
	rc = olist_key(ov->list, key, fn, LINES - 5);
	if (rc == OLIST_CLOSE || (!fn && key == 'q' && !ov->list->filterable))
		return cs.ch ? back_to_menu(ov) : OVERLAY_CLOSE;
	if (rc == OLIST_ENTER && (r = olist_current(ov->list)) != NULL)
		return list_enter(ov, u, r);
	return OVERLAY_STAY;
}

const struct overlay_ops correct_overlay = {
	"correct", correct_open, overlay_list_draw, correct_key,
	correct_close, NULL,
};
