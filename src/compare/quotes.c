/* quotes: quotation spans and their speakers. */
#include "quote_priv.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/utf8.h"
#include "brief/yaml/wordlist.h"

/* The word lists of the rules: each key of data/compare.yaml, its trie
 * and whether it is matched in any case. */
static struct trie **rule_list(struct quoterules *r, size_t k,
			       const char **key, int *fold)
{
	static const struct {
		const char *key;
		int fold;
	} lists[] = {
		{"speech_verbs", 0}, {"pronouns", 0}, {"according", 0},
		{"speaker_nouns", 1}, {"speaker_bodies", 1},
		{"speaker_determiners", 1}, {"speaker_definite", 1},
		{"subject_words", 1}, {"name_stops", 1}, {"name_titles", 1},
		{"name_connectors", 0}, {"speech_nouns", 1},
		{"speech_links", 1}, {"generic_bodies", 1},
		{"body_pronouns", 0}, {"plural_pronouns", 0},
		{"next_sentence_leads", 0}, {"verb_coordinators", 0},
		{"verb_adverbs", 0},
	};
	struct trie **field[] = {
		&r->verbs, &r->pronouns, &r->according, &r->nouns,
		&r->bodies, &r->dets, &r->definite, &r->subjects, &r->stops,
		&r->titles, &r->connectors, &r->speech_nouns, &r->links,
		&r->generic, &r->body_pron, &r->plural_pron, &r->leads,
		&r->coord, &r->adverbs,
	};

	if (k >= sizeof lists / sizeof lists[0])
		return NULL;
	*key = lists[k].key;
	*fold = lists[k].fold;
	return field[k];
}

struct quoterules *quoterules_load(const struct ynode *root, const char *name,
				   struct err *e)
{
	struct quoterules *r = xcalloc(1, sizeof *r);
	struct trie **t;
	const char *key;
	size_t k;
	int fold;

	for (k = 0; (t = rule_list(r, k, &key, &fold)) != NULL; k++) {
		*t = trie_new();
		if (wordlist_load(*t, name, ynode_get(root, key), key, fold, 0,
				  e)) {
			quoterules_free(r);
			return NULL;
		}
	}
	return r;
}

void quoterules_free(struct quoterules *r)
{
	struct trie **t;
	const char *key;
	size_t k;
	int fold;

	if (r == NULL)
		return;
	for (k = 0; (t = rule_list(r, k, &key, &fold)) != NULL; k++)
		trie_free(*t);
	free(r);
}

void quotes_free(struct quote *q, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(q[i].speaker_text);
	free(q);
}

static void push(struct quote **out, size_t *n, size_t *cap, size_t s,
		 size_t e, size_t sec)
{
	*out = xgrow(*out, cap, *n + 1, sizeof **out);
	memset(&(*out)[*n], 0, sizeof **out);
	(*out)[*n].start = s;
	(*out)[*n].end = e;
	(*out)[*n].section = sec;
	(*n)++;
}

static int unattributed(const struct quote *q)
{
	return q->speaker == ENTITY_NONE &&
	       strcmp(q->speaker_text, "unattributed") == 0;
}

static void take_speaker(struct quote *q, const struct quote *from)
{
	free(q->speaker_text);
	q->speaker = from->speaker;
	q->speaker_text = xstrdup(from->speaker_text);
}

/* How many words after a quote may name a speaker of its own. */
#define OWN_SPEAKER_WORDS 4

/* Do the first words after a quote's end at p, in its sentence (before
 * se and any stop), name a speaker by a noun ("“Unclear,” one source
 * offered"): someone else's words, which no speech verb attributes? */
static int names_other(const struct ctx *c, size_t p, size_t se)
{
	const char *t = c->a->text;
	size_t words = 0;

	while (p < se && words < OWN_SPEAKER_WORDS) {
		if (strchr(".;:?!", t[p]) != NULL)
			return 0;
		if (trie_word_start(t, p, se)) {
			if (qw_word_in(c->r->nouns, t, p, se) ||
			    qw_word_in(c->r->bodies, t, p, se))
				return 1;
			words++;
			p = qw_word_end(t, p, se);
		} else {
			p++;
		}
	}
	return 0;
}

/* Does cur go on with prev's words: it opens its sentence, that
 * sentence is the one after the sentence prev ends in (in the same
 * paragraph or the next), no headline holds prev, and no other person
 * is named between them ("“…,” Okafor said. “…”")? */
static int goes_on(const struct ctx *c, const struct quote *prev,
		   const struct quote *cur)
{
	const struct article *a = c->a;
	const char *t = a->text;
	long sp = article_sentence_at(a, prev->end);
	long sc = article_sentence_at(a, cur->start);
	size_t p, i;

	if (sp < 0 || sc < 0 || sc > sp + 1 ||
	    a->sections[prev->section].kind == SECTION_HEADLINE)
		return 0;
	for (p = a->sentences[sc].start; p < cur->start; p++)
		if (t[p] != ' ' && t[p] != '\n' && t[p] != '"' &&
		    !qw_is3(t, p, cur->start, 0x9C) &&
		    !(p >= 1 && qw_is3(t, p - 1, cur->start, 0x9C)) &&
		    !(p >= 2 && qw_is3(t, p - 2, cur->start, 0x9C)))
			return 0;
	for (i = qw_first_from(c, prev->end);
	     i < c->m->n && c->m->v[i].start < cur->start; i++)
		if (qw_is_person(c, &c->m->v[i]) &&
		    c->m->v[i].entity != prev->speaker)
			return 0;
	return !names_other(c, cur->end, a->sentences[sc].end);
}

/* Quotes no attribution names take the speaker of the words they go on
 * with: a paragraph left open whose next paragraph opens a quote (the
 * story's way of quoting over paragraphs) is said by whoever says that
 * one (cont: their indices, in order); a quote that opens the sentence
 * after another's, by the same speaker. */
static void carry_speakers(const struct ctx *c, struct quote *q, size_t n,
			   const size_t *cont, size_t ncont)
{
	size_t k, i;

	for (k = ncont; k-- > 0;)
		if (cont[k] + 1 < n && unattributed(&q[cont[k]]) &&
		    !unattributed(&q[cont[k] + 1]))
			take_speaker(&q[cont[k]], &q[cont[k] + 1]);
	for (i = 1; i < n; i++)
		if (unattributed(&q[i]) && !unattributed(&q[i - 1]) &&
		    goes_on(c, &q[i - 1], &q[i]))
			take_speaker(&q[i], &q[i - 1]);
}

void quotes_find(const struct quoterules *r, const struct article *a,
		 const struct mentions *m, const struct entities *reg,
		 struct quote **out, size_t *n)
{
	struct ctx c = {r, a, m, reg};
	const char *t = a->text;
	size_t sec, cap = 0, i, *cont = NULL, ncont = 0, ccap = 0;

	*out = NULL;
	*n = 0;
	for (sec = 0; sec < a->nsections; sec++) {
		const struct section *se = &a->sections[sec];
		size_t p = se->start, open = 0, sopen = 0;
		int in_curly = 0, in_straight = 0;

		if (se->kind == SECTION_BOILERPLATE)
			continue;
		for (; p < se->end; p++) {
			if (qw_is3(t, p, se->end, 0x9C)) {
				/* an opening mark while one is open: the first
				 * was never closed; start again here */
				in_curly = 1;
				open = p + 3;
				p += 2;
			} else if (qw_is3(t, p, se->end, 0x9D) && in_curly) {
				in_curly = 0;
				if (utf8_has_alnum(t + open, p - open)) {
					push(out, n, &cap, open, p, sec);
					qa_attribute(&c, &(*out)[*n - 1], p + 3);
				}
				p += 2;
			} else if (t[p] == '"') {
				if (!in_straight) {
					in_straight = 1;
					sopen = p + 1;
				} else {
					in_straight = 0;
					if (utf8_has_alnum(t + sopen, p - sopen)) {
						push(out, n, &cap, sopen, p, sec);
						qa_attribute(&c, &(*out)[*n - 1],
							     p + 1);
					}
				}
			}
		}
		/* left open, and the next paragraph opens a quote: the
		 * words go on there */
		if ((in_curly || in_straight) && qw_opens_with_mark(a, sec + 1)) {
			size_t o = in_curly ? open : sopen, e = se->end;

			while (e > o && (t[e - 1] == '\n' || t[e - 1] == ' '))
				e--;
			if (utf8_has_alnum(t + o, e - o)) {
				push(out, n, &cap, o, e, sec);
				qa_attribute(&c, &(*out)[*n - 1], se->end);
				cont = xgrow(cont, &ccap, ncont + 1,
					     sizeof *cont);
				cont[ncont++] = *n - 1;
			}
		}
	}
	carry_speakers(&c, *out, *n, cont, ncont);
	free(cont);
	/* trim the marks' inner spaces */
	for (i = 0; i < *n; i++) {
		while ((*out)[i].start < (*out)[i].end &&
		       t[(*out)[i].start] == ' ')
			(*out)[i].start++;
		while ((*out)[i].end > (*out)[i].start &&
		       t[(*out)[i].end - 1] == ' ')
			(*out)[i].end--;
	}
}

static int quote_cmp_speaker(const void *a, const void *b)
{
	const struct quote *x = *(const struct quote *const *)a;
	const struct quote *y = *(const struct quote *const *)b;
	int c = strcmp(x->speaker_text, y->speaker_text);

	if (c)
		return c;
	if (x->report != y->report)
		return x->report - y->report;
	return x->start < y->start ? -1 : x->start > y->start;
}

const struct quote **quotes_by_speaker(const struct quote *a, size_t na,
				       const struct quote *b, size_t nb,
				       size_t *n)
{
	const struct quote **v = xcalloc(na + nb + 1, sizeof *v);
	size_t i;

	for (i = 0; i < na; i++)
		v[i] = &a[i];
	for (i = 0; i < nb; i++)
		v[na + i] = &b[i];
	xqsort(v, na + nb, sizeof *v, quote_cmp_speaker);
	*n = na + nb;
	return v;
}
