/* hl_priv (private to the highlighter, src/mark/hl_*.c and highlight.c):
 * the highlighter's struct, its candidates, the dispatch index and the
 * functions its files share.  The files:
 *   hl_rules.c   loading the rules file (word lists, patterns)
 *   hl_index.c   the per-word dispatch index; the article's learnt names
 *   hl_words.c   word tests and candidates the language rules share
 *   hl_person.c, hl_org.c, hl_weapon.c, hl_place.c   the language rules
 *   hl_choose.c  deciding between candidates
 *   highlight.c  the scan of a section, word by word */
#ifndef BRIEF_HL_PRIV_H
#define BRIEF_HL_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "brief/base/rx.h"
#include "brief/base/trie.h"
#include "brief/mark/highlight.h"

/* Priorities on equal length: an acronym the article defines, then the
 * lexicon, then rules, then figures. */
enum { PRI_DEFINED, PRI_LEXICON, PRI_RULE, PRI_FIGURE };

/* A candidate of this category takes its span and marks nothing: "radio
 * systems", "Operation Midnight Hammer". */
#define CAND_NONE CAT_COUNT

/* A candidate is small, for sorting: a figure's reading waits in
 * cfigs, at index fig. */
struct cand {
	uint32_t start, end;
	uint32_t entity;
	uint32_t fig;
	uint8_t cat, pri;
};

/* What a word's key (trie_key) tells: the matchers that may start
 * there, and the aliases' trie nodes after the key's bytes. */
struct keyslot {
	uint64_t key;             /* 0 = empty */
	uint32_t exact_node;      /* after raw, among the exact aliases */
	uint32_t fold_node;       /* after the key, among the folded */
	uint32_t raw;             /* the exact aliases' bytes for the key */
	unsigned short mask;      /* PM_* */
	unsigned char exact_mixed; /* exact aliases differ in case there */
};

struct highlighter {
	struct lexicon *lx;
	struct entities *reg;      /* the lexicon's registry */
	const struct trie *aliases; /* the lexicon's aliases and seats */
	const struct trie *seats;
	int patterns_gated;        /* lexicon_patterns_gated */
	struct trie *titles;      /* words before a person's name */
	pcre2_code *name_re;      /* the name after a title (anchored) */
	pcre2_code *designation_re; /* "KF-21": names the weapon after it */
	struct trie *suffixes;    /* last words of organisation names */
	struct trie *heads;       /* first words: "Ministry of ..." */
	struct trie *joiners;     /* "of", "and" inside names */
	struct trie *openers;     /* sentence words, not part of names */
	struct trie *inner;       /* joiners inside a name before a suffix */
	struct trie *institutions; /* "navy", "air force" after a state */
	int max_words;
	int acronyms;
	struct trie *not_names;
	struct trie *departments; /* "Minister for Foreign Affairs ..." */
	struct trie *place_words; /* "in", "at": a place follows */
	struct trie *acronym_joiners; /* "in": inside a long form */
	struct trie *ship_classes; /* "destroyer": a ship's name may follow */
	struct trie *speakers;    /* "said": a quoted person's name follows */
	struct trie *place_names; /* "Square": a name before it is a place's */
	struct trie *aside_stops; /* "in which": no title's aside after it */
	struct trie *weapon_words; /* "System": a long form that is a weapon */
	struct trie *place_leads; /* "near", "port of": a place follows */
	struct trie *place_shapes; /* "Island", "region": a place ends */
	struct trie *given;       /* "John", "Yulia": a given name */
	struct trie *label_roles; /* "MODERATOR", "Q": a label, no name */
	struct trie *address_leads; /* "Go ahead": a name addressed follows */
	struct trie *documents;   /* "Act", "Authorization": a document */
	struct trie *populations; /* "people", "workers" after a demonym */
	struct trie *prefixes;    /* "CVN", "C": a designation alone */
	struct trie *modifiers;   /* "storage": the weapons before modify */
	struct trie *modifier_words; /* "policy": the same, in mid-phrase */
	struct trie *entity_leads; /* "designating": names of entities on */
	struct trie *org_verbs;   /* "is controlled by": a company before */
	struct trie *company_nouns; /* "is a front company" */
	struct trie *missions;    /* "missile defense": a weapon only ... */
	struct trie *mission_heads; /* ... before "shield", "systems" */
	struct trie *not_marks;   /* "radio systems": no mark */
	struct trie *event_heads; /* "Operation": a name of no actor after */
	struct trie *generics;    /* "vehicles": a weapon in context */
	struct trie *listed;      /* "ships": a weapon beside a weapon */
	struct trie *qualifiers;  /* "military": makes a generic a weapon */
	struct trie *civil;       /* "commercial": makes one none */
	struct trie *days_genres; /* genres: days are figures there */
	struct trie *weapons_genres; /* genres: generic nouns are weapons */
	struct trie *weekdays;    /* "Monday" ... "Sunday", in order */
	struct trie *genre_nouns; /* "weapons", "arms": generic nouns */
	struct trie *genre_not_before; /* "control": no weapon before it */
	int genre_days, genre_weapons; /* the switches of the article's
					* genre (hl_genre_begin) */
	struct trie *caps;        /* the aliases with a small letter,
				   * folded: matched on lines in capitals */
	int caps_line;            /* the word scanned is on such a line */
	struct figrules *fig;
	struct keyslot *keymap;   /* word key -> which matchers (PM_*) */
	size_t kslots;
	uint64_t *keybits;        /* 65536 bits, by a key's hash: set when
				   * keymap may hold the key (most words'
				   * keys are not asked of keymap) */
	int keymap_lent;          /* keymap and keybits point into the
				   * engine cache's mapping: not freed */
	pcre2_match_data *md;
	struct cand *c;
	size_t nc, ccap;
	struct figure *cfigs;
	size_t ncfigs, cfigcap;
	unsigned char *taken;
	size_t taken_cap;
	struct corrections *corr;  /* the analyst's, or NULL (not owned) */
};

/* What an article has taught the highlighter: surnames and full names of
 * titled persons, acronyms defined in its text. */
struct hl_state {
	struct trie *learnt;
	uint64_t *keys;           /* trie_key of every learnt entry: a set,
				   * asked first at each word */
	size_t nkeys, kslots;
	/* a worker's state (parallel.c): what base knows (it must not
	 * change meanwhile), then its own; when logging, the names it was
	 * taught that base does not know are kept */
	const struct hl_state *base;
	int logging;
	const char *text;         /* the article's text: lookups in it are
				   * found again by the merge; the keys of
				   * the others are kept */
	uint64_t *reads;
	size_t nreads, readcap;
	struct hl_learn *adds;
	size_t nadds, addcap;
};

/* A name taught to a state (hl_state_add's arguments). */
struct hl_learn {
	const char *s;
	size_t n;
	uint32_t entity;
	int fresh;                /* the state learnt it (not known yet) */
};

/* Which matchers a word starting with bytes (a, b) may concern: one
 * table lookup per word instead of one per matcher. */
enum {
	PM_ALIAS = 1,
	PM_TITLE = 2,
	PM_SUFFIX = 4,
	PM_HEAD = 8,
	PM_FIGURE = 16,
	PM_ALIAS_FOLDED = 32,
	PM_SPEAKER = 64,
	PM_PLACE = 128, /* place leads */
	PM_NOT_MARK = 256,
	PM_EVENT = 512,
	PM_GIVEN = 1024,
	PM_GENERIC = 2048,
	PM_ENTITY_LEAD = 4096,
	PM_ORG_VERB = 8192,
	PM_PLACE_SHAPE = 16384
};

/* hl_index.c */
/* May a learnt entry start at a word with this key? */
int hl_learnt_may(const struct hl_state *st, uint64_t key);

/* The longest learnt name at t[p] (its length, 0 when none) and its
 * entity. */
size_t hl_learnt_at(struct hl_state *st, const char *t, size_t e, size_t p,
		    uint32_t *v);

/* The scan of section sec into out, without the analyst's corrections. */
void hl_scan_section(struct highlighter *h, struct hl_state *st,
		     const struct article *a, size_t sec,
		     struct mentions *out);

/* The article learns s[0, n) as a name of entity.  1 when it did, 0
 * when the name was known already (the first to teach it keeps it). */
int hl_state_add(struct hl_state *st, const char *s, size_t n,
		  uint32_t entity);

/* The slot of a word key in the dispatch index. */
size_t hl_key_slot(const struct highlighter *h, uint64_t key);

/* What a word key tells (an empty slot for a key no matcher has). */
const struct keyslot *hl_key_find(const struct highlighter *h,
				  uint64_t key);

/* One lookup per word: which matchers may start at a word with this
 * key, and where the aliases' walks go on after it. */
void hl_build_keymap(struct highlighter *h);
/* The dispatch index appended to b (after the tries it points into), and
 * read back from d in place (lent when d lends its bytes), checked:
 * every node inside the aliases' trie, an empty slot left.  0, or -1
 * with d->bad set. */
void hl_keymap_save(const struct highlighter *h, struct buf *b);
int hl_keymap_load(struct highlighter *h, struct deser *d);

/* The aliases that start at word p, whose key is ks: the longest, from
 * the nodes its key leads to (the exact ones only when the word's bytes
 * are theirs). */
size_t hl_alias_at(const struct highlighter *h, const struct keyslot *ks,
		   const char *t, size_t e, size_t p, uint32_t *v);

/* hl_genre.c */
/* Set the genre switches from a's genre. */
void hl_genre_begin(struct highlighter *h, const struct article *a);
/* The rules of the article's genre at word start p: a day of the week a
 * figure, a generic noun of weapons a weapon. */
void hl_rule_genre(struct highlighter *h, const char *t, size_t e, size_t p);

/* highlight.c */
/* The figure f read at [p, q), a candidate. */
void hl_add_figure(struct highlighter *h, size_t p, size_t q,
		   const struct figure *f);

/* hl_words.c */
/* A candidate mark [s, e): entity, category and priority. */
struct cand *hl_cand_add(struct highlighter *h, size_t s, size_t e,
			 uint32_t entity, int cat, int pri);

/* The lexicon entity whose alias is exactly text[s, e), or NONE. */
uint32_t hl_lexicon_exact(const struct highlighter *h, const char *t,
			  size_t s, size_t e);

/* Intern a rule-found name of category cat and kind, collapsing white
 * space; a leading "the" is dropped. */
uint32_t hl_intern_as(struct highlighter *h, const char *t, size_t s,
		      size_t e, enum category cat, const char *kind);

/* The same for an actor. */
uint32_t hl_intern_name(struct highlighter *h, const char *t, size_t s,
			size_t e, const char *kind);

/* Does a capital letter (any script) start at t[p]? */
int hl_upper_at(const char *t, size_t len, size_t p);

/* The word that ends just before the single space (or line break) before
 * pos: [*ws, *we).  0 when there is none. */
int hl_word_before(const char *t, size_t s, size_t pos, size_t *ws,
		   size_t *we);

/* Is the word [ws, we) in trie tr? */
int hl_is_word_in(const struct trie *tr, const char *t, size_t ws,
		  size_t we);

/* The length of a possessive "'s" or "’s" at t[p] that ends a word
 * (before e, or before a character that is not a letter or digit), or
 * 0: the one test of a possessive the rules share. */
size_t hl_possessive_len(const char *t, size_t e, size_t p);

/* A name ends with a possessive word: "President Joe Biden's Meeting"
 * (a headline's capitals) names Joe Biden.  The end of [g, ne) before
 * the first "'s" or "’s" that ends a word. */
size_t hl_before_possessive(const char *t, size_t g, size_t ne);

/* The length of a possessive "'s" or "’s" at t[p], before a space; 0 when
 * there is none. */
size_t hl_possessive_at(const char *t, size_t e, size_t p);

/* hl_person.c */
/* "Andriy Yusov, a spokesman for …": a capitalised name of two or three
 * words before ", a TITLE" or ", the TITLE". */
void hl_rule_apposition(struct highlighter *h, struct hl_state *st,
			const char *t, size_t s, size_t p);

/* A news outlet's name at p: the capitalised name of two or three words
 * just before it, joined by a comma or "of", "with", "from", "at", is a
 * reporter ("Tamara Keith, NPR", "Courtney Kube of NBC"). */
void hl_rule_outlet(struct highlighter *h, struct hl_state *st,
		    const char *t, size_t s, size_t p);

/* One capitalised word after an address lead and a comma ("Go ahead,
 * Selina.") closed by a stop: the person called on. */
void hl_rule_called_on(struct highlighter *h, const char *t, size_t s,
		       size_t e, size_t p);

/* A person after a title ending at q: "President Joe Biden", "Minister
 * for Foreign Affairs Penny Wong", "prime minister, Donald Tusk,"; an
 * office with no name after "the" ("the Secretary of the Treasury") is
 * an actor, the office. */
void hl_rule_person(struct highlighter *h, struct hl_state *st,
		    const char *t, size_t s, size_t e, size_t p, size_t q);

/* A speaker's label at the line start p ("MR. KIRBY: Thanks"): the last
 * word before the colon is the speaker, a person; a role ("MODERATOR:",
 * "Q:") is no one. */
void hl_rule_label(struct highlighter *h, struct hl_state *st,
		   const char *t, size_t e, size_t p);

/* A given name from the rules' list at p: with a capitalised surname
 * after it ("Brett McGurk", "Yulia Navalnaya") a person; alone, as the
 * one addressed ("Go ahead, Phil.", "John, in addition"), a person too. */
void hl_rule_given(struct highlighter *h, struct hl_state *st,
		   const char *t, size_t s, size_t e, size_t p);

/* "…,” said Amina Saide, who walked": after a word of speaking, two or
 * three capitalised words the lexicon does not know, closed by a comma or
 * the sentence's end, are the person quoted. */
void hl_rule_speaker(struct highlighter *h, struct hl_state *st,
		     const char *t, size_t e, size_t q);

/* hl_org.c */
/* An organisation whose last word (a suffix) spans [p, q): capitalised
 * words before it, joiners allowed between them. */
void hl_rule_org_suffix(struct highlighter *h, const char *t, size_t s,
			size_t e, size_t p, size_t q);

/* "Al Junaid Multi Activities is controlled by", "The Defense Industries
 * System is Sudan's largest defense enterprise": the capitalised words
 * before a predicate of a company at p (the word "is", up to q) are an
 * organisation. */
void hl_rule_org_predicate(struct highlighter *h, const char *t, size_t s,
			   size_t e, size_t p, size_t q);

/* "designating Al Junaid Multi Activities, Tradive General Trading and
 * ...": the names of two words or more listed after one of entity_leads
 * (ending at q) are organisations. */
void hl_rule_entity_lead(struct highlighter *h, const char *t, size_t e,
			 size_t q);

/* "Ministry of National Defense": a head word, "of", capitalised words. */
void hl_rule_org_head(struct highlighter *h, const char *t, size_t s,
		      size_t e, size_t p, size_t q);

/* "(NCG)" at p after "Nuclear Consultative Group". */
void hl_rule_acronym(struct highlighter *h, struct hl_state *st,
		     const char *t, size_t s, size_t e, size_t p);

/* "Pakistan's air force", "Chinese navy": a state (its name, demonym or
 * capital, [p, q)) and one of its institutions is an actor of its own,
 * "Pakistan air force". */
void hl_rule_institution(struct highlighter *h, const char *t, size_t e,
			 size_t p, size_t q, uint32_t state);

/* hl_weapon.c */
/* A designation pattern matched [s, e): its entity, or (each_match) an
 * entity of its own named by the text, of the same category and kind. */
void hl_pattern_found(struct highlighter *h, struct hl_state *st,
		      const char *t, size_t s, size_t e, uint32_t v,
		      int each);

/* "the destroyer Chokai": a capitalised name after a class of warship
 * names a ship, a weapon of its own. */
void hl_rule_ship(struct highlighter *h, const char *t, size_t e,
		  size_t p, size_t q);

/* "KF-21 fighter jets", "Type 055 destroyers": a designation the
 * lexicon does not know (it begins with a capital), just before a
 * weapon, names it; the mention
 * grows to take it in (a figure read inside it, "055", goes).  v is in
 * text order; returns its new length. */
size_t hl_rule_designations(struct highlighter *h, const char *t,
			    size_t s, struct mention *v, size_t n);

/* A designation by its shape at p (a capital), the lexicon's or not:
 * with a popular name after it ("LGM-35A Sentinel", "A-29 Super
 * Tucano"), or alone with a known prefix ("CVN-81", "C-208B"), a
 * weapon. */
void hl_rule_designation_at(struct highlighter *h, const char *t, size_t e,
			    size_t p);

/* "military vehicles", "Navy ship Cheonan", "ships and aircraft": a
 * word of the generic weapons spanning [p, q) names a weapon after a
 * qualifier, and (one of the listed ones) in a list beside a weapon of
 * the lexicon, unless a civil word stands before it. */
void hl_rule_generic(struct highlighter *h, const char *t, size_t s,
		     size_t e, size_t p, size_t q);

/* "Teresa Magbanua-class", "X-class": one to three capitalised words
 * from p, the last ending in "-class", are a class of weapon. */
void hl_rule_class(struct highlighter *h, const char *t, size_t e, size_t p);

/* "rocket, missile, and drone storage facilities": weapons before one of
 * the modifier heads, and those listed with them, are no weapons there.
 * v is in text order; returns its new length. */
size_t hl_drop_modifiers(const struct highlighter *h, const char *t,
			 size_t e, struct mention *v, size_t n);

/* Weapons side by side name one weapon: "THAAD interceptors", "KN-24
 * ballistic missiles", "missile defense interceptors".  The entity is
 * the named one (written with a capital or a digit) when the phrase
 * begins with a name, else the last, the head noun.  v is in text order;
 * returns its new length. */
size_t hl_join_weapons(const char *t, struct mention *v, size_t n);

/* hl_place.c */
/* "near Djibo", "the port of Hodeidah": after a place lead ending at q,
 * one capitalised word that nothing else names is a place; the article
 * learns it. */
void hl_rule_place_lead(struct highlighter *h, struct hl_state *st,
			const char *t, size_t e, size_t q);

/* "Jeju Island", "Yeonpyeong island", "Kherson region": one or two
 * capitalised words before a place shape [p, q) name a place (a shape in
 * lower case is left out of the name); the article learns the name. */
void hl_rule_place_shape(struct highlighter *h, struct hl_state *st,
			 const char *t, size_t s, size_t e, size_t p,
			 size_t q);

/* hl_choose.c */
/* Keep the longest candidates that do not overlap, as mentions of
 * section sec; then the weapon rules that join them, and what each figure
 * counts. */
void hl_choose(struct highlighter *h, const struct article *a, size_t sec,
	       struct mentions *out);

#endif
