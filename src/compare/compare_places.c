/* compare_places: the places of datelines and date lines, and states
 * written as their seats, counted as mentions. */
#include "compare_priv.h"

#include <stdlib.h>
#include <string.h>

/* The places of a report's dateline and date lines (side_places): three
 * places and the country after a comma of each. */
#define NPLACES 6

/* The place in capitals that opens a report's lead as a dateline
 * ("BISHKEK (Steppe News Agency) -", "KYIV, Ukraine --"), as a fresh
 * string, or NULL: capitals, spaces, full stops and hyphens, then a
 * bracket, a dash or a comma. */
static char *lead_place(const struct article *a)
{
	const char *t = a->text;
	size_t i, p, e, letters = 0;

	for (i = 0; i < a->nsections && a->sections[i].kind != SECTION_LEAD;
	     i++)
		;
	if (i == a->nsections)
		return NULL;
	p = a->sections[i].start;
	for (e = p; e < a->sections[i].end; e++) {
		if (t[e] >= 'A' && t[e] <= 'Z')
			letters++;
		else if (t[e] != ' ' && t[e] != '.' && t[e] != '-')
			break;
	}
	while (e > p && (t[e - 1] == ' ' || t[e - 1] == '-'))
		e--;
	if (letters < 3 || e >= a->sections[i].end ||
	    !(t[e] == ',' || (t[e] == ' ' && e + 1 < a->len &&
			      strchr("(-", t[e + 1]) != NULL) ||
	      (t[e] == ' ' && (unsigned char)t[e + 1] == 0xe2)))
		return NULL;
	return xstrndup(t + p, e - p);
}

/* Is t[k, e) only a date that ends with its year ("2 October 2025",
 * "Aug. 5, 2025"): letters, digits, spaces, commas and full stops, then
 * a space and four digits? */
static int date_only(const char *t, size_t k, size_t e)
{
	size_t k0 = k;

	for (; k < e && (strchr(" ,.", t[k]) || (t[k] >= '0' && t[k] <= '9') ||
			 ((t[k] | 0x20) >= 'a' && (t[k] | 0x20) <= 'z'));
	     k++)
		;
	return k == e && e - k0 > 5 && t[e - 5] == ' ' &&
	       strspn(t + e - 4, "0123456789") == 4;
}

/* The end of the place of a line of a place, a dash and a date
 * ("STUTTGART, Germany -- Aug. 5, 2025", "Lome - 5 August 2025"): words
 * and commas, a space, a dash ("-", "--", "–", "—"), a space, a date;
 * 0 when the line is not one. */
static size_t place_before_dash(const char *t, size_t p, size_t e)
{
	size_t c, k;

	for (c = p; c < e && (strchr(" .,'", t[c]) ||
			      ((t[c] | 0x20) >= 'a' && (t[c] | 0x20) <= 'z'));
	     c++)
		if (t[c] == ' ' && c + 1 < e &&
		    (t[c + 1] == '-' || (unsigned char)t[c + 1] == 0xe2))
			break;
	if (c == p || c >= e || t[c] != ' ')
		return 0;
	k = c + 1;
	if (t[k] == '-')
		k += k + 1 < e && t[k + 1] == '-' ? 2 : 1;
	else if (k + 2 < e && (unsigned char)t[k + 1] == 0x80 &&
		 ((unsigned char)t[k + 2] == 0x93 ||
		  (unsigned char)t[k + 2] == 0x94))
		k += 3;
	else
		return 0;
	if (k >= e || t[k] != ' ' || !date_only(t, k + 1, e))
		return 0;
	return c;
}

/* The place the line t[p, e) of a place and a date names, as a fresh
 * string, or NULL (date_line_place). */
static char *line_place(const char *t, size_t p, size_t e)
{
	size_t c;

	while (e > p && (t[e - 1] == ' ' || t[e - 1] == '\r'))
		e--;
	if (e - p > 64 || e - p < 10 || t[p] < 'A' || t[p] > 'Z')
		return NULL;
	if ((c = place_before_dash(t, p, e)) != 0)
		return xstrndup(t + p, c - p);
	for (c = p; c < e && (strchr(" .-", t[c]) || (t[c] | 0x20) >= 'a') &&
		    (t[c] | 0x20) <= 'z';
	     c++)
		;
	if (c >= e || t[c] != ',' || c + 1 >= e || t[c + 1] != ' ' ||
	    !date_only(t, c + 2, e))
		return NULL;
	return xstrndup(t + p, c - p);
}

/* The place a boilerplate line of a place and a date names ("Jakarta,
 * 2 October 2025", "Manila, March 4, 2024", "STUTTGART, Germany --
 * Aug. 5, 2025"), as a fresh string, or NULL: capitalised words, a
 * comma (or words and commas, then a dash), then only a date that ends
 * with its year; the line may stand under header lines ("Ministry of
 * Defence\nPress Release\nNew Delhi, 11 November 2025"). */
static char *date_line_place(const struct article *a)
{
	const char *t = a->text;
	size_t i, p, e, q;

	for (i = 0; i < a->nsections; i++) {
		if (a->sections[i].kind != SECTION_BOILERPLATE)
			continue;
		e = a->sections[i].end;
		for (p = a->sections[i].start; p < e; p = q + 1) {
			const char *nl = memchr(t + p, '\n', e - p);
			char *place;

			q = nl ? (size_t)(nl - t) : e;
			if ((place = line_place(t, p, q)) != NULL)
				return place;
		}
	}
	return NULL;
}

/* The places a's metadata, its dateline and its line of a place and a
 * date name, as fresh strings (or NULL) in place[0..2], and their keys
 * in key[0..2] (the town of "GEORGETOWN, Guyana"; NULL for no place);
 * the words after a comma of each, its country ("Guyana"), in
 * place[3..5] and key[3..5]; places_free frees them. */
static void side_places(const struct compare_rules *r, const struct article *a,
			char *place[NPLACES], char *key[NPLACES])
{
	size_t k;

	place[0] = a->place ? xstrdup(a->place) : NULL;
	place[1] = lead_place(a);
	place[2] = date_line_place(a);
	for (k = 0; k < 3; k++) {
		const char *cm = place[k] ? strrchr(place[k], ',') : NULL;

		place[k + 3] = cm && cm[1] == ' ' && cm[2] >= 'A' &&
					       cm[2] <= 'Z'
				       ? xstrdup(cm + 2)
				       : NULL;
	}
	for (k = 0; k < NPLACES; k++) {
		key[k] = NULL;
		if (place[k] == NULL || place[k][0] == '\0')
			continue;
		key[k] = compare_entity_key(r, place[k]);
		key[k][strcspn(key[k], ",")] = '\0';
	}
}

static void places_free(char *place[NPLACES], char *key[NPLACES])
{
	size_t k;

	for (k = 0; k < NPLACES; k++) {
		free(place[k]);
		free(key[k]);
	}
}

/* The place a report's dateline names ("BISHKEK (Steppe News Agency) -")
 * or its line of a place and a date ("Jakarta, 2 October 2025") is a
 * mention of it, when the other report names it. */
void cmp_add_places(struct keycache *kc, const struct comparison *c,
		    size_t (*cnt)[2])
{
	size_t i, k;
	int s;

	for (s = 0; s < 2; s++) {
		char *place[NPLACES], *pk[NPLACES];

		side_places(kc->r, c->side[s].a, place, pk);
		for (k = 0; k < NPLACES; k++)
			for (i = 0; pk[k] != NULL && i < kc->n; i++)
				if (cnt[i][s] == 0 && cnt[i][!s] &&
				    entities_get(kc->reg, (uint32_t)i) &&
				    strcmp(cmp_key_of(kc, (uint32_t)i), pk[k]) ==
					    0) {
					cnt[i][s] = 1;
					break;
				}
		places_free(place, pk);
	}
}

/* How many mentions of side s are a state written as its seat, whose
 * words have the key pk ("Last year Washington approved": the United
 * States)?  *at: the first of them. */
static size_t seat_written(struct keycache *kc, const struct comparison *c,
			   int s, const char *pk, struct span *at)
{
	const struct mentions *m = c->side[s].m;
	const char *t = c->side[s].a->text;
	size_t i, n = 0;

	for (i = 0; i < m->n; i++) {
		const struct entity *en;
		char *w, *wk;

		/* (a seat's key opens with its first letter: told first) */
		if (m->v[i].cat != CAT_ACTOR ||
		    (t[m->v[i].start] | 0x20) != pk[0] ||
		    (en = entities_get(kc->reg, m->v[i].entity)) == NULL ||
		    !cmp_is_kind(en, "state"))
			continue;
		w = xstrndup(t + m->v[i].start, m->v[i].end - m->v[i].start);
		wk = compare_entity_key(kc->r, w);
		if (strcmp(wk, pk) == 0 && n++ == 0) {
			at->start = m->v[i].start;
			at->end = m->v[i].end;
		}
		free(wk);
		free(w);
	}
	return n;
}

/* A place named in one report only is that place where the other
 * writes it as the seat standing for its state ("evacuated from
 * N'Djamena" marked as Chad beside "flights out of N'Djamena"). */
void cmp_add_seat_mentions(struct keycache *kc, const struct comparison *c,
			   size_t (*cnt)[2])
{
	size_t i;

	for (i = 0; i < kc->n; i++) {
		const struct entity *en = entities_get(kc->reg, (uint32_t)i);
		struct span at;
		int s;

		if (en == NULL || en->cat != CAT_PLACE ||
		    (cnt[i][0] == 0) == (cnt[i][1] == 0))
			continue;
		s = cnt[i][0] == 0 ? 0 : 1;
		cnt[i][s] += seat_written(kc, c, s, cmp_key_of(kc, (uint32_t)i),
					  &at);
	}
}

/* Is a place entity with the key pk counted, or a name of c with it
 * listed? */
static int place_listed(struct keycache *kc, const struct comparison *c,
			size_t (*cnt)[2], const char *pk)
{
	size_t i;
	int hit;

	for (i = 0; i < kc->n; i++)
		if ((cnt[i][0] || cnt[i][1]) &&
		    strcmp(cmp_key_of(kc, (uint32_t)i), pk) == 0)
			return 1;
	for (i = 0, hit = 0; i < c->nnames && !hit; i++) {
		char *nk = compare_entity_key(kc->r, c->names[i].name);

		hit = strcmp(nk, pk) == 0;
		free(nk);
	}
	return hit;
}

/* The place a report's dateline names that the other report writes only
 * as the seat standing for its state ("WASHINGTON, March 4, 2025 -" /
 * "Last year Washington approved") is a name written in both, as the
 * other report writes it. */
void cmp_add_seat_places(struct keycache *kc, struct comparison *c,
			 size_t (*cnt)[2])
{
	size_t k;
	int s;

	for (s = 0; s < 2; s++) {
		const struct article *a = c->side[s].a;
		char *place[NPLACES], *pk[NPLACES];

		side_places(kc->r, a, place, pk);
		for (k = 0; k < NPLACES; k++) {
			struct span at = {0, 0};
			const char *w;
			struct cmp_name *nm;
			size_t n;

			if (pk[k] == NULL || pk[k][0] == '\0' ||
			    place_listed(kc, c, cnt, pk[k]) ||
			    (n = seat_written(kc, c, !s, pk[k], &at)) == 0)
				continue;
			c->names = xrealloc(c->names,
					    (c->nnames + 1) * sizeof *c->names);
			nm = &c->names[c->nnames++];
			memset(nm, 0, sizeof *nm);
			w = c->side[!s].a->text + at.start;
			nm->name = xstrndup(w, at.end - at.start);
			nm->count[s] = 1;
			nm->count[!s] = n;
			nm->at[!s] = at;
			if ((w = strstr(a->text, place[k])) != NULL) {
				nm->at[s].start = (size_t)(w - a->text);
				nm->at[s].end = nm->at[s].start +
						strlen(place[k]);
			}
		}
		places_free(place, pk);
	}
}
