/* article: an article file turned into metadata, sections and sentences.
 * No curses.  All text lives in one buffer (article->text), normalised at
 * load: no BOM, LF line ends, valid UTF-8 (invalid bytes become U+FFFD);
 * sections and sentences are byte ranges into it. */
#ifndef BRIEF_ARTICLE_H
#define BRIEF_ARTICLE_H

#include <stddef.h>

#include "brief/base/util.h"
#include "brief/text/formats.h"

/* A headline is the short first line above the story, marked like the
 * story; boilerplate (promos, copyright) is neither marked nor
 * compared. */
enum section_kind {
	SECTION_LEAD,
	SECTION_BODY,
	SECTION_BOILERPLATE,
	SECTION_HEADLINE
};

/* A byte range [start, end) into article->text. */
struct span {
	size_t start, end;
};

struct section {
	enum section_kind kind;
	size_t start, end;        /* the paragraph's text */
	size_t first_sentence;    /* index into article->sentences */
	size_t nsentences;
	int line;                 /* 1-based line of its first byte */
	int page;                 /* 1-based page (a PDF's), 0 when none */
};

/* What a metadata marker held: front matter, a date marker.  (A
 * dateline stays in the lead: article->dateline.) */
enum marker_kind { MARKER_FRONT_MATTER, MARKER_DATE };

struct marker {
	enum marker_kind kind;
	size_t start, end;
};

struct article {
	char *path;               /* as given ("-" for standard input);
				   * "FILE#N" for the Nth article of a file
				   * holding several (an mbox, a feed) */
	const char *format;       /* "text", "html", "pdf", "email" or
				   * "feed" (a static string) */
	char *title;              /* never NULL ("" for an empty article) */
	char *date;               /* "YYYY-MM-DD" or NULL */
	char *date_month;         /* "YYYY-MM" when only a month is known
				   * (a file name's "2024-01"): the context
				   * of relative and yearless dates, never
				   * printed as the date; else NULL */
	char *source;             /* or NULL */
	char *place;              /* from a dateline, or NULL */
	struct span dateline;     /* "SEOUL, South Korea (AP) — ": metadata
				   * kept at the head of the lead's text,
				   * where only its date is marked; empty
				   * when there is none */
	char *url;                /* from front matter or the document, or
				   * NULL */
	char *author;             /* from the document, or NULL */
	char **tags;              /* from front matter */
	size_t ntags;
	char *genre;              /* the report's kind, read from its shape
				   * by the rules' genres ("transcript",
				   * "order", ...; "wire" otherwise); see
				   * article_genre */

	char *text;               /* normalised text, NUL-terminated */
	size_t len;
	struct section *sections;
	size_t nsections;
	struct span *sentences;
	size_t nsentences;
	struct marker *markers;
	size_t nmarkers;

	size_t parsed;            /* bytes parsed into sections so far */
	int complete;             /* every paragraph is parsed */
	void *priv;               /* the parser's state */
};

/* The loader's rules (metadata patterns, boilerplate patterns,
 * abbreviations), read from a YAML data file and compiled once. */
struct article_rules;

/* Load rules from path.  NULL and e set ("FILE:LINE:COL: message") on
 * error. */
struct article_rules *article_rules_load(const char *path, struct err *e);
/* The rules in effect: $XDG_CONFIG_HOME/brief/article.yaml if present,
 * else the shipped data file. */
struct article_rules *article_rules_default(struct err *e);
void article_rules_free(struct article_rules *r);

/* How files of formats other than plain text are read: the format --as
 * forces (NULL: decided by content), the HTML extractor's rules (for web
 * pages and the HTML of e-mails and feeds; NULL with extract_shared set:
 * extract_rules_shared's, read when the first such file is) and the PDF
 * tool. */
struct article_formats {
	const char *as;
	const struct extract_rules *extract;
	int extract_shared;
	struct pdf_opts pdf;
};

/* The formats brief reads, as --as names them: "text", "html", "pdf",
 * "email", "feed".  The static name, or NULL when name is none. */
const char *article_format(const char *name);

/* The format of bytes, decided by their content: a PDF's magic, else a
 * feed, else an e-mail or mbox, else HTML (html_sniff), else "text".  A
 * .txt holding HTML is HTML. */
const char *article_sniff(const char *bytes, size_t len);

/* The articles a file holds ("-" reads standard input), in the format f
 * gives or its content tells (f NULL: plain text): one, or one per
 * message of an mbox or item of a feed.  Plain text is opened lazily
 * when lazy is set (article_parse parses it); the other formats are read
 * whole, within the same limits.  Returns 0 with *out (an array of *n,
 * the caller frees it and each article) and *broken (the messages
 * "FILE: message N: reason" of the parts that could not be read, an
 * array of *nbroken; the caller frees each and the array); -1 and e
 * set when nothing could be read.  Never half an article. */
int article_open_all(const char *path, const struct article_rules *r,
		     const struct article_formats *f, int lazy,
		     struct article ***out, size_t *n, char ***broken,
		     size_t *nbroken, struct err *e);

/* An article of another format from its extracted document (xdoc.h):
 * the blocks in order, one paragraph each, a blank line between; the
 * kinds from the blocks (headline, lead, body and heading as body,
 * boilerplate), the metadata from the document's (the dateline rules may
 * still give the place), each section's page.  id_bytes[0, id_len) are
 * the bytes its id is the hash of (the file, or the part of it the
 * document came from).  format is a static string.  NULL and e set
 * ("NAME: no article text found") when the document has no story.
 * doc stays the caller's. */
struct article *article_from_xdoc(const struct xdoc *doc, const char *name,
				  const char *format, const char *id_bytes,
				  size_t id_len, const struct article_rules *r,
				  struct err *e);

/* The genre of a: a->genre, or "wire" when it has none.  Not owned. */
const char *article_genre(const struct article *a);

/* Load an article from a file, read as plain text ("-" reads standard
 * input).  NULL and e set on error ("FILE: reason", "FILE: binary file", or a front matter error
 * "FILE:LINE:COL: message").  Free with article_free. */
struct article *article_load(const char *path, const struct article_rules *r,
			     struct err *e);
/* Open an article and read its metadata, but parse its paragraphs only
 * when asked (article_parse): large files are mapped, and the reader
 * shows the first screen before the rest is parsed.  Errors as for
 * article_load. */
struct article *article_open(const char *path, const struct article_rules *r,
			     struct err *e);
/* Parse about budget more bytes into sections (whole lines, and whole
 * blocks of a hard-wrapped text).  Returns 1 once the article is
 * complete.  The rules given to article_open must still be alive. */
int article_parse(struct article *a, size_t budget);
/* The same from bytes already in memory; takes ownership of data (which
 * must have room for a NUL at data[len]). */
struct article *article_from_bytes(char *data, size_t len, const char *name,
				   const struct article_rules *r,
				   struct err *e);
void article_free(struct article *a);

/* The article's id: a hex hash of the file's bytes as read, computed on
 * first use (a large file is not read whole before its first screen). */
const char *article_id(const struct article *a);

/* 0 while the article's file is as it was read; -1 and e set ("FILE: file
 * changed while being read") when a mapped file shrank under brief (the
 * lost bytes read as NUL, mended to '?' where parsed): the article then
 * holds text the file never had, and must not be trusted (batch modes stop
 * with exit 2; the reader says so).  Cheap: check it after reading. */
int article_check(const struct article *a, struct err *e);

/* The caller is done with text[from, to) for now: a mapped article gives
 * those pages back (the page cache keeps them; reading them again maps
 * them again), so that a large article does not stay whole in memory
 * once parsed and highlighted.  Does nothing for an article in memory. */
void article_release(const struct article *a, size_t from, size_t to);

/* The section holding byte offset off, or -1. */
long article_section_at(const struct article *a, size_t off);
/* The sentence holding byte offset off (or the nearest before it), or -1. */
long article_sentence_at(const struct article *a, size_t off);

const char *section_kind_name(enum section_kind k);

#endif
