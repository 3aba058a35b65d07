/* article_priv (private to the article module, src/text/article*.c): the
 * parser's state and the functions its files share.  The files:
 *   article.c            loading: article_open_all reads the bytes (a
 *                        file, mapped or read, or standard input) and
 *                        hands them to their format's parser or
 *                        extractor; the article's id, lookups,
 *                        giving pages back, freeing
 *   formats.c            which format bytes are in (by content or --as)
 *   xdoc_article.c       an extracted document (web page, PDF, e-mail,
 *                        feed item) into an article
 *   article_plain.c      the plain-text parser: its checks (size, binary
 *                        bytes, BOM), its start and parsing in steps
 *   article_bytes.c      checking and mending bytes as they are parsed
 *   article_front.c      YAML front matter
 *   article_meta.c       metadata inferred from the text: date markers,
 *                        datelines, sources, the title
 *   article_para.c       lines into paragraphs and sections: blocks,
 *                        hard-wrap detection, boilerplate, the headline
 *   article_sentences.c  sentences
 *   article_rules.c      the rules file (article_rules.h) */
#ifndef BRIEF_ARTICLE_PRIV_H
#define BRIEF_ARTICLE_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "article_rules.h"

/* A NUL byte in this much of the start of a file makes it binary. */
#define BINARY_PROBE ((size_t)1 << 20)

/* The largest article, file or standard input (mentions keep 32-bit
 * offsets). */
#define ARTICLE_MAX ((size_t)UINT32_MAX - 1)
#define TOO_LARGE "too large (articles must be under 4 GiB)"

/* What a file that shrank while it was read is told. */
#define CHANGED "file changed while being read"

/* Lines looked at to decide whether a block is hard-wrapped. */
#define WRAP_SAMPLE 64

/* Lines the parser may look at past the line it stands on (a block's
 * sample, see art_block_wrapped, and the line after it). */
#define LOOKAHEAD_LINES (WRAP_SAMPLE + 2)

/* Eight bytes at a time: a zero byte in v; v plain ASCII without NUL or
 * CR. */
#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL
#define HAS_ZERO(v) (((v) - ONES) & ~(v) & HIGHS)
#define PLAIN(v) (!((v) & HIGHS) && !HAS_ZERO(v) && !HAS_ZERO((v) ^ (ONES * '\r')))

/* The opening block (the head) is at most this many non-blank lines,
 * none longer than this many bytes. */
#define HEAD_LINES 12
#define HEAD_LINE_MAX 300

/* The parser's state, kept in the article (a->priv) between calls to
 * article_parse; freed by article_free. */
struct loader {
	struct article *a;
	const struct article_rules *r;
	pcre2_match_data *md;
	size_t cap_sections, cap_sentences, cap_markers;
	int nstory;              /* lead/body sections so far */
	struct err *e;
	size_t pos;              /* next byte to read */
	int line;                /* its line number */
	int block_open;          /* inside a run of non-blank lines */
	int wrapped;             /* that block is hard-wrapped */
	size_t para_start;       /* paragraph being gathered (wrapped) */
	int para_line;
	int headline_done;
	int fm_title;            /* the title came from front matter */
	int dateline_done;
	int head_done;           /* past the opening block (art_head_line) */
	int head_lines;          /* its lines so far */
	char tail_date[11];      /* the last date of a paragraph rule past
				  * the head, "" if none (art_tail_date) */
	int tail_nstory;         /* story paragraphs before it */
	int date_rank;           /* where the date came from (article_meta.c) */
	int story_ended;         /* past an end mark: all is boilerplate */
	int mapped;              /* text is a private file mapping */
	size_t map_len;
	char *map;               /* what to unmap or free */
	size_t raw_len;          /* the file's length as read */
	char id[17];             /* hex content hash, "" until asked */
	size_t clean;            /* text[0, clean) is checked: no CR, no
				  * NUL, valid UTF-8 */
	size_t *mended;          /* text offsets written to (mapped pages
				  * that must never be given back) */
	size_t nmended, cap_mended;
	int changed;             /* the file shrank while it was read */
};

static inline int art_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
	       c == '\r';
}

/* Trim white space (ASCII and U+00A0) from both ends of [*s, *e). */
static inline void art_trim(const char *t, size_t *s, size_t *e)
{
	for (;;) {
		if (*s < *e && art_is_space(t[*s]))
			(*s)++;
		else if (*s + 1 < *e && (unsigned char)t[*s] == 0xC2 &&
			 (unsigned char)t[*s + 1] == 0xA0)
			*s += 2;
		else
			break;
	}
	for (;;) {
		if (*e > *s && art_is_space(t[*e - 1]))
			(*e)--;
		else if (*e >= *s + 2 && (unsigned char)t[*e - 2] == 0xC2 &&
			 (unsigned char)t[*e - 1] == 0xA0)
			*e -= 2;
		else
			break;
	}
}

/* ---- article.c ---- */

/* The content hash behind an article's id, over bytes as read. */
uint64_t art_content_hash(const char *s, size_t n);

/* ---- article_plain.c ---- */

/* Start a plain-text article over bytes in memory (owned: freed or
 * unmapped with the article, or at once on error).  Checks the size and
 * the first MiB for NUL bytes, reads the front matter and start markers;
 * paragraphs come with article_parse.  NULL and e set on error. */
struct article *art_plain_begin(char *data, size_t len, int mapped,
				size_t map_len, const char *name,
				const struct article_rules *r, struct err *e);

/* ---- article_bytes.c ---- */

/* What the bytes hold that needs care: NUL, CR, invalid UTF-8. */
struct scan {
	int nul, cr, bad_utf8;
};

/* Scan s[i, stop) (a character may reach past stop, up to len), 32 bytes
 * at a time where the text is plain ASCII; returns where it stopped: at
 * stop or later, or at the first byte needing care (sc tells which). */
size_t art_scan_bytes(const char *s, size_t i, size_t stop, size_t len,
		      struct scan *sc);
/* A copy of s[0, n) with CRLF and CR turned into LF and NUL bytes and
 * invalid UTF-8 into U+FFFD.  Fresh, NUL-terminated; the caller frees. */
char *art_normalised_copy(const char *s, size_t n, size_t *outlen);
/* Make text[0, want) checked, and LOOKAHEAD_LINES lines more, mending
 * in place what needs care. */
void art_ensure_clean(struct loader *l, size_t want);
/* When a mapped file shrank, end the article where the parsing stands. */
void art_cut_if_shrank(struct loader *l);

/* ---- article_front.c ---- */

/* If the text opens with front matter, parse it into the article's
 * fields; returns the offset where the story begins, or (size_t)-1 with
 * l->e set. */
size_t art_front_matter(struct loader *l);

/* ---- article_meta.c ---- */

/* The date known before the text is read: the article's own (front
 * matter, a document's metadata) ranks highest; the file's name gives a
 * date, or only the month known (date_month). */
void art_first_date(struct loader *l);

/* Set *field (freed first) to s[0, n), trimmed. */
void art_set_field(char **field, const char *s, size_t n);
/* Add a marker over text[s, e), trimmed (nothing when empty). */
void art_add_marker(struct loader *l, enum marker_kind k, size_t s, size_t e);
/* Match re against text[s, e) (cut to the checked bytes): 1 and the
 * match at [s + *ms, s + *me), or 0; the groups stay in l->md. */
int art_match_at(struct loader *l, const pcre2_code *re, size_t s, size_t e,
		 uint32_t opts, size_t *ms, size_t *me);
/* a->genre, from the report's opening bytes at text[from] on (see
 * article_rules_genre; they are checked first). */
void art_take_genre(struct loader *l, size_t from);
/* The start markers ("date 2024-03-04") from pos on: their fields, their
 * markers; returns where the story begins. */
size_t art_start_markers(struct loader *l, size_t pos);
/* A dateline at the head of the paragraph text[s, e) (the lead): its
 * place, source and date, and a->dateline. */
void art_dateline(struct loader *l, size_t s, size_t e);
/* The paragraph rules on text[s, e): the source and date they give; 1
 * when one of them makes the paragraph boilerplate. */
int art_meta_paragraph(struct loader *l, size_t s, size_t e);
/* A line text[s, e) of the opening block, the lines above the story's
 * first sentence (first: it begins its block): 1 when it is a header's
 * date line ("January 28, 2024", "RIGA, 3 June 2025", "(January 3,
 * 2024)") by a rule "where: head", whose date it gives.  The block ends
 * at HEAD_LINES lines, a line over HEAD_LINE_MAX bytes or one ending a
 * sentence; a line that ends in a full stop and continues the one above
 * is a sentence's end, no date line. */
int art_head_line(struct loader *l, size_t s, size_t e, int first);
/* Once the text is parsed: the last date a paragraph rule found past
 * the opening block is the article's date when no story paragraph
 * follows it (a signature's, in the closing block) and nothing more
 * trusted gave one; a date-only paragraph inside the story is not the
 * report's date. */
void art_tail_date(struct loader *l);
/* The title, when neither front matter nor a headline gave one: the
 * lead's first sentence, shortened. */
void art_make_title(struct article *a);

/* ---- article_para.c ---- */

/* One line of the text at l->pos into the paragraphs.  Returns 0 at the
 * end of the text. */
int art_parse_line(struct loader *l);
/* Once the story has begun: the headline, when the first story paragraph
 * is one. */
void art_take_headline(struct loader *l);

/* ---- article_sentences.c ---- */

/* Split the text of the section being added, [s, e), into sentences. */
void art_split_sentences(struct loader *l, size_t s, size_t e);
/* Does t[s, e) end with a full stop, '!', '?' or ':' (closing quotes and
 * brackets aside)? */
int art_ends_with_stop(const char *t, size_t s, size_t e);

#endif
