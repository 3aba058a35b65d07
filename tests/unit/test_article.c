/* The article loader: the seeds' metadata and sections, other layouts,
 * bad input, bytes needing care after the first MiB, long lines, a
 * large file, the article's id. */
#include "articlelib.h"

#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "brief/base/utf8.h"

/* Every non-blank byte is in exactly one section or one marker. */
static void check_nothing_lost(const struct article *a)
{
	unsigned char *cov = xcalloc(a->len + 1, 1);
	size_t i, k;

	for (i = 0; i < a->nsections; i++)
		for (k = a->sections[i].start; k < a->sections[i].end; k++) {
			assert_int_equal(cov[k], 0);
			cov[k] = 1;
		}
	for (i = 0; i < a->nmarkers; i++)
		for (k = a->markers[i].start; k < a->markers[i].end; k++) {
			assert_int_equal(cov[k], 0);
			cov[k] = 1;
		}
	for (k = 0; k < a->len; k++)
		if (!cov[k]) {
			unsigned char c = (unsigned char)a->text[k];

			if (!(c == ' ' || c == '\n' || c == '\t' ||
			      (c == 0xC2 && (unsigned char)a->text[k + 1] == 0xA0) ||
			      (c == 0xA0 && k > 0 &&
			       (unsigned char)a->text[k - 1] == 0xC2)))
				fail_msg("byte %zu (%02x) is in no section", k, c);
		}
	/* sentences lie inside their sections, in order */
	for (i = 0; i < a->nsections; i++)
		for (k = 0; k < a->sections[i].nsentences; k++) {
			const struct span *sp =
				&a->sentences[a->sections[i].first_sentence + k];

			assert_true(sp->start >= a->sections[i].start);
			assert_true(sp->end <= a->sections[i].end);
			assert_true(sp->start < sp->end);
		}
	free(cov);
}

static void test_seed_a(void **state)
{
	struct article *a = seed(SEED_A);
	char *lead;
	size_t i;

	(void)state;
	assert_string_equal(a->date, "2024-01-01");
	assert_int_equal(a->nsections, 9);
	assert_int_equal(a->sections[0].kind, SECTION_LEAD);
	for (i = 1; i < 9; i++)
		assert_int_equal(a->sections[i].kind, SECTION_BODY);
	lead = sec_text(a, 0);
	assert_true(strncmp(lead, "North Korean leader Kim Jong Un", 31) == 0);
	free(lead);
	check_nothing_lost(a);
	article_free(a);
}

static void test_seed_b(void **state)
{
	struct article *a = seed(SEED_B);
	size_t i, story = 0, boiler = 0;
	char *t;

	(void)state;
	assert_string_equal(a->source, "The Canadian Press");
	assert_null(a->date);
	for (i = 0; i < a->nsections; i++) {
		if (a->sections[i].kind == SECTION_BOILERPLATE)
			boiler++;
		else
			story++;
	}
	assert_int_equal(story, 13);
	assert_int_equal(boiler, 3);
	t = sec_text(a, 8);
	assert_string_equal(t, "Receive national news daily");
	free(t);
	t = sec_text(a, a->nsections - 1);
	assert_string_equal(t, "© 2024 The Canadian Press");
	free(t);
	check_nothing_lost(a);
	article_free(a);
}

static void test_other_layouts(void **state)
{
	struct article *a;
	char *t;

	(void)state;
	/* an AP dateline, a byline, hard-wrapped paragraphs, CRLF */
	a = text_article(rules, "ap.txt",
			 "Allies hold drills near the border\r\n\r\n"
			 "By Jane Doe\r\n\r\n"
			 "SEOUL, South Korea (AP) — South Korea and the\r\n"
			 "United States began joint drills on Monday, the\r\n"
			 "military said.\r\n\r\n"
			 "The drills will last 10 days, officials said.\r\n\r\n"
			 "Copyright 2024 The Associated Press. All rights "
			 "reserved.\r\n");
	assert_string_equal(a->title, "Allies hold drills near the border");
	assert_string_equal(a->place, "SEOUL, South Korea");
	assert_string_equal(a->source, "The Associated Press");
	/* the headline is a section of its own, marked like the story */
	assert_int_equal(a->sections[0].kind, SECTION_HEADLINE);
	t = sec_text(a, 0);
	assert_string_equal(t, "Allies hold drills near the border");
	free(t);
	assert_int_equal(a->sections[0].nsentences, 1);
	assert_int_equal(a->sections[1].kind, SECTION_BOILERPLATE);
	assert_int_equal(a->sections[2].kind, SECTION_LEAD);
	/* the dateline stays at the head of the lead, remembered */
	t = sec_text(a, 2);
	assert_true(strncmp(t, "SEOUL, South Korea (AP) — South Korea and "
			       "the\nUnited States", 61) == 0);
	free(t);
	assert_int_equal(a->dateline.start, a->sections[2].start);
	assert_true(strncmp(a->text + a->dateline.end, "South Korea and", 15) ==
		    0);
	assert_null(memchr(a->text, '\r', a->len));
	assert_int_equal(a->sections[a->nsections - 1].kind,
			 SECTION_BOILERPLATE);
	check_nothing_lost(a);
	article_free(a);

	/* a Reuters dateline, one paragraph per line */
	a = text_article(rules, "r.txt",
			 "WASHINGTON, Dec. 3 (Reuters) - The Pentagon said on "
			 "Tuesday it would send more air defense systems.\n"
			 "The package is worth $800 million, officials said.\n"
			 "(Reporting by John Roe; Editing by Ann Poe)\n");
	assert_string_equal(a->source, "Reuters");
	assert_string_equal(a->place, "WASHINGTON");
	assert_int_equal(a->nsections, 3);
	assert_int_equal(a->sections[2].kind, SECTION_BOILERPLATE);
	t = sec_text(a, 0);
	assert_true(strncmp(t, "WASHINGTON, Dec. 3 (Reuters) - The Pentagon "
			       "said", 48) == 0);
	free(t);
	/* the title is the story's first sentence, without the dateline */
	assert_string_equal(a->title, "The Pentagon said on Tuesday it would "
				      "send more air defense systems.");
	article_free(a);

	/* the credit line without brackets is boilerplate too, and a
	 * pointer to more coverage */
	a = text_article(rules, "r2.txt",
			 "KABUL, Oct 3 (Reuters) - Talks began.\n\n"
			 "Reporting by Asif Shahzad in Islamabad; Editing by "
			 "Gareth Jones\n\nFollow AP's coverage of the war at "
			 "https://example.org/war\n");
	assert_int_equal(a->nsections, 3);
	assert_int_equal(a->sections[1].kind, SECTION_BOILERPLATE);
	assert_int_equal(a->sections[2].kind, SECTION_BOILERPLATE);
	article_free(a);

	/* front matter and a BOM */
	a = text_article(rules, "fm.md",
			 "\xEF\xBB\xBF---\ntitle: Talks stall\ndate: 2024-03-04\n"
			 "source: Example Wire\nurl: https://example.org/x\n"
			 "tags: [korea, talks]\n---\n\nTalks stalled again on "
			 "Friday.\n\n- first point\n- second point\n");
	assert_string_equal(a->title, "Talks stall");
	assert_string_equal(a->date, "2024-03-04");
	assert_string_equal(a->source, "Example Wire");
	assert_string_equal(a->url, "https://example.org/x");
	assert_int_equal(a->ntags, 2);
	assert_string_equal(a->tags[1], "talks");
	check_nothing_lost(a);
	article_free(a);
}

static void test_bad_input(void **state)
{
	struct err e = {{0}};
	char *buf;
	struct article *a;

	(void)state;
	buf = xmalloc(8);
	memcpy(buf, "ab\0cd", 6);
	a = article_from_bytes(buf, 5, "nul.txt", rules, &e);
	assert_null(a);
	assert_string_equal(e.text, "nul.txt: binary file");

	a = text_article(rules, "empty.txt", "");
	assert_int_equal(a->nsections, 0);
	assert_string_equal(a->title, "");
	article_free(a);
	a = text_article(rules, "blank.txt", "  \n\n \t\n");
	assert_int_equal(a->nsections, 0);
	article_free(a);

	a = text_article(rules, "bad.txt", "Bad \xff byte and \xC3 end.\n");
	assert_non_null(strstr(a->text, "Bad \xEF\xBF\xBD byte"));
	assert_int_equal(utf8_valid_prefix(a->text, a->len), a->len);
	article_free(a);

	a = article_load("no/such/file.txt", rules, &e);
	assert_null(a);
	assert_string_equal(e.text,
			    "no/such/file.txt: No such file or directory");

	buf = xstrdup("---\ntitle: [unclosed\n---\nText.\n");
	a = article_from_bytes(buf, strlen(buf), "fm.md", rules, &e);
	assert_null(a);
	assert_true(strncmp(e.text, "fm.md:3:", 8) == 0);
	buf = xstrdup("---\ntitle: x\ndate: soon\n---\nText.\n");
	a = article_from_bytes(buf, strlen(buf), "fm.md", rules, &e);
	assert_null(a);
	assert_string_equal(e.text, "fm.md:3:7: date must be written YYYY-MM-DD");
	buf = xstrdup("---\ntitle: x\n");
	a = article_from_bytes(buf, strlen(buf), "open.md", rules, &e);
	assert_null(a);
	assert_non_null(strstr(e.text, "never closed"));
	buf = xstrdup("---\na: &x 1\nb: *x\n---\nText.\n");
	a = article_from_bytes(buf, strlen(buf), "alias.md", rules, &e);
	assert_null(a);
	assert_non_null(strstr(e.text, "alias.md:3:"));
}

/* A large file is checked as it is parsed: what needs care after its
 * first MiB is mended in place (offsets kept), a NUL there is not
 * "binary", and the id is still that of the bytes as read. */
static void test_late_bytes(void **state)
{
	size_t para = 200, n = (3u << 20) / para * para, i, p;
	char *buf = xmalloc(n + 1), *copy;
	struct err e = {{0}};
	struct article *a, *b;
	char id[17];

	(void)state;
	for (i = 0; i < n; i += para) {
		memset(buf + i, 'x', para - 2);
		memcpy(buf + i + 40, " Kim met Trump. ", 16);
		buf[i + para - 2] = '\n';
		buf[i + para - 1] = '\n';
	}
	p = (2u << 20) / para * para; /* a paragraph after the first MiB */
	buf[p + 10] = '\0';
	buf[p + 20] = '\xff';
	buf[p + 30] = '\r';
	buf[p + para + 197] = '\r'; /* CR before LF */
	buf[n] = '\0';
	copy = xmalloc(n + 1);
	memcpy(copy, buf, n + 1);
	a = article_from_bytes(buf, n, "late.txt", rules, &e);
	assert_non_null(a);
	assert_int_equal(a->len, n);
	/* the first paragraph (short, no stop) is a headline; the lone CR
	 * mended to a line feed cuts one paragraph in two */
	assert_int_equal(a->nsections, n / para + 1);
	assert_int_equal(a->sections[0].kind, SECTION_HEADLINE);
	assert_int_equal(a->text[p + 10], '?');
	assert_int_equal(a->text[p + 20], '?');
	assert_int_equal(a->text[p + 30], '\n');
	assert_int_equal(a->text[p + para + 197], ' ');
	assert_int_equal(utf8_valid_prefix(a->text, a->len), a->len);
	assert_null(memchr(a->text, '\r', a->len));
	assert_int_equal(strlen(a->text), a->len);
	snprintf(id, sizeof id, "%s", article_id(a));
	article_free(a);
	/* the same bytes from a file (mapped), the id asked before any
	 * parsing: the same id */
	{
		char path[] = "/tmp/brief-late-XXXXXX";
		int fd = mkstemp(path);
		FILE *f = fdopen(fd, "wb");

		assert_non_null(f);
		assert_int_equal(fwrite(copy, 1, n, f), n);
		fclose(f);
		b = article_open(path, rules, &e);
		assert_non_null(b);
		assert_string_equal(article_id(b), id);
		while (!article_parse(b, 1u << 20))
			;
		assert_int_equal(b->nsections, n / para + 1);
		/* pages given back come back from the file, except those
		 * holding mended bytes */
		article_release(b, 0, b->len);
		assert_int_equal(b->text[p + 10], '?');
		assert_int_equal(b->text[p + 30], '\n');
		assert_int_equal(b->text[p + para + 197], ' ');
		assert_null(memchr(b->text, '\r', b->len));
		assert_int_equal(utf8_valid_prefix(b->text, b->len), b->len);
		assert_memory_equal(b->text + 40, " Kim met Trump. ", 16);
		article_free(b);
		unlink(path);
	}
	free(copy);

	/* a NUL in the first MiB is binary */
	buf = xmalloc(n + 1);
	memset(buf, 'y', n);
	buf[(1u << 20) - 1] = '\0';
	buf[n] = '\0';
	assert_null(article_from_bytes(buf, n, "bin.txt", rules, &e));
	assert_string_equal(e.text, "bin.txt: binary file");
}

/* Random bytes after the first MiB (seeded): whatever they are, the text
 * comes out as valid UTF-8 with no CR and no NUL, its length kept, and
 * every section inside it. */
static void test_late_bytes_random(void **state)
{
	static const char *const junk[] = {"\r", "\r\n", "\0", "\xff",
					   "\xC3", "\xE2\x80", "\xF0\x9F\x98",
					   "\xE2\x80\x99", "\n\n", "\xED\xA0\x80",
					   "\xC0\xAF", "\n"};
	size_t n = (3u << 20) / 2, i, k, round;
	unsigned seed = 20261201;

	(void)state;
	for (round = 0; round < 8; round++) {
		char *buf = xmalloc(n + 1);
		struct err e = {{0}};
		struct article *a;

		for (i = 0; i < n; i++)
			buf[i] = "Kim met Trump. \n"[i % 16];
		for (k = 0; k < 400; k++) {
			const char *j;
			size_t at, jl;

			seed = seed * 1103515245u + 12345u;
			j = junk[(seed >> 16) % (sizeof junk / sizeof *junk)];
			jl = strlen(j) ? strlen(j) : 1; /* "\0" */
			seed = seed * 1103515245u + 12345u;
			at = (1u << 20) + (seed >> 8) % (n - (1u << 20) - 4);
			memcpy(buf + at, j, jl);
		}
		buf[n] = '\0';
		a = article_from_bytes(buf, n, "random.txt", rules, &e);
		assert_non_null(a);
		assert_int_equal(a->len, n);
		assert_int_equal(utf8_valid_prefix(a->text, a->len), a->len);
		assert_null(memchr(a->text, '\r', a->len));
		assert_int_equal(strlen(a->text), a->len);
		for (i = 0; i < a->nsections; i++)
			assert_true(a->sections[i].start <= a->sections[i].end &&
				    a->sections[i].end <= a->len);
		article_free(a);
	}
}

/* Junk in the first MiB (seeded, often across the scan's 16- and
 * 32-byte blocks): a NUL makes it binary; otherwise the text comes out
 * valid UTF-8 without CR, and a text holding only valid characters comes
 * out byte for byte. */
static void test_probe_bytes_random(void **state)
{
	static const char *const junk[] = {
		"\r", "\0", "\xff", "\xC3", "\xE2\x80", "\xF0\x9F\x98",
		"\xED\xA0\x80", "\xC0\xAF", "\xE0\x80\x80", "\x80",
		"\xF4\x90\x80\x80", "\xE2\x80\x99", "\xC3\xA9", "\xDF\xBF",
		"\xE0\xA0\x80", "\xED\x9F\xBF", "\xEF\xBF\xBD",
		"\xF0\x9F\x98\x80"};
	unsigned seed = 20261206;
	size_t round;

	(void)state;
	for (round = 0; round < 3000; round++) {
		size_t n = 64 + round % 200, i, k, nj;
		char *buf = xmalloc(n + 1), *copy;
		int nul, care;
		struct err e = {{0}};
		struct article *a;

		for (i = 0; i < n; i++)
			buf[i] = "Kim met Trump. \n"[i % 16];
		seed = seed * 1103515245u + 12345u;
		nj = (seed >> 16) % 4;
		for (k = 0; k < nj; k++) {
			size_t j, at, jl;

			seed = seed * 1103515245u + 12345u;
			j = (seed >> 16) % (sizeof junk / sizeof *junk);
			jl = junk[j][0] ? strlen(junk[j]) : 1;
			seed = seed * 1103515245u + 12345u;
			/* near a block's end half the time */
			at = (seed >> 8) % 2 ? (seed >> 12) % (n - 4)
					     : ((seed >> 12) % (n / 32 + 1)) * 32 +
						       31 - (seed >> 20) % 3;
			if (at + jl > n)
				continue;
			memcpy(buf + at, junk[j], jl);
		}
		buf[n] = '\0';
		copy = xmalloc(n + 1);
		memcpy(copy, buf, n + 1);
		/* what the bytes hold, judged apart from the scan (pieces of
		 * junk may overlap) */
		nul = memchr(copy, 0, n) != NULL;
		care = memchr(copy, '\r', n) != NULL ||
		       utf8_valid_prefix(copy, n) != n;
		a = article_from_bytes(buf, n, "probe.txt", rules, &e);
		if (nul) {
			assert_null(a);
			assert_string_equal(e.text, "probe.txt: binary file");
			free(copy);
			continue;
		}
		assert_non_null(a);
		assert_int_equal(utf8_valid_prefix(a->text, a->len), a->len);
		assert_null(memchr(a->text, '\r', a->len));
		if (!care) {
			assert_int_equal(a->len, n);
			assert_memory_equal(a->text, copy, n);
		}
		article_free(a);
		free(copy);
	}
}

static void test_long_line(void **state)
{
	size_t n = 4u << 20, i;
	char *buf = xmalloc(n + 1);
	struct err e = {{0}};
	struct article *a;
	const char *w = "Kim met Trump again. ";
	size_t wl = strlen(w);

	(void)state;
	for (i = 0; i + wl <= n; i += wl)
		memcpy(buf + i, w, wl);
	n = i;
	buf[n] = '\0';
	a = article_from_bytes(buf, n, "long.txt", rules, &e);
	assert_non_null(a);
	assert_int_equal(a->nsections, 1);
	assert_int_equal(a->nsentences, n / wl);
	article_free(a);
}

/* A 100 MB file loads, and the loader's memory stays within 1.5 times
 * the file (not timed here: make bench times it). */
static void test_hundred_mb(void **state)
{
	size_t n = 100u << 20, i = 0, k = 0;
	char *buf = xmalloc(n + 1);
	struct err e = {{0}};
	struct article *a;
	struct rusage ru;
	static const char *const para[] = {
		"Kim Jong Un said on Friday that 3,000 troops moved. ",
		"The U.S. and South Korea held drills near the border. ",
		"Officials in Seoul said more than 10,000 shells were sent.\n\n",
	};

	(void)state;
	while (i + 80 < n) {
		size_t l = strlen(para[k % 3]);

		memcpy(buf + i, para[k % 3], l);
		i += l;
		k++;
	}
	n = i;
	buf[n] = '\0';
	a = article_from_bytes(buf, n, "big.txt", rules, &e);
	assert_non_null(a);
	assert_true(a->nsections > 600000);
	assert_true(a->nsentences >= a->nsections * 3);
	getrusage(RUSAGE_SELF, &ru);
#if !defined(__SANITIZE_ADDRESS__)
	/* the buffer is the article's text: only the structures come on top */
	assert_true((size_t)ru.ru_maxrss * 1024 < n + n / 2 + (32u << 20));
#endif
	article_free(a);
}

static void test_id(void **state)
{
	struct article *a = text_article(rules, "a", "Same text.\n");
	struct article *b = text_article(rules, "b", "Same text.\n");
	struct article *c = text_article(rules, "c", "Same text!\n");

	(void)state;
	assert_string_equal(article_id(a), article_id(b));
	assert_string_not_equal(article_id(a), article_id(c));
	article_free(a);
	article_free(b);
	article_free(c);
}

/* The kinds of a's sections, one letter each (h headline, l lead, b
 * body, x boilerplate), to compare with what a layout should give. */
static char *kinds(const struct article *a)
{
	char *k = xcalloc(a->nsections + 1, 1);
	size_t i;

	for (i = 0; i < a->nsections; i++)
		k[i] = "lbxh"[a->sections[i].kind];
	return k;
}

static void assert_kinds(const struct article *a, const char *want)
{
	char *k = kinds(a);

	assert_string_equal(k, want);
	free(k);
}

/* The text of section i starts with prefix. */
static void assert_sec_starts(const struct article *a, size_t i,
			      const char *prefix)
{
	char *t = sec_text(a, i);

	if (strncmp(t, prefix, strlen(prefix)) != 0)
		fail_msg("section %zu is '%s', not '%s...'", i, t, prefix);
	free(t);
}

/* A press release: the header line and the contact line are
 * boilerplate; a dateline with the month's full name and the year gives
 * the place and the date (over the date in the file's name); "###" ends
 * the story: what follows it is boilerplate. */
static void test_release_dateline_end_mark(void **state)
{
	struct article *a = seed("tests/fixtures/text/2024-01-12-release.txt");

	(void)state;
	assert_string_equal(a->date, "2025-12-17");
	assert_string_equal(a->place, "WASHINGTON");
	assert_string_equal(a->title, "Navy Orders Two More Survey Ships");
	assert_kinds(a, "xxhlbxx");
	assert_sec_starts(a, 0, "FOR IMMEDIATE RELEASE");
	assert_sec_starts(a, 1, "Media Contact: Jane Roe");
	assert_sec_starts(a, 5, "###");
	assert_sec_starts(a, 6, "About the Office");
	/* the dateline stays at the head of the lead, up to the story */
	assert_int_equal(a->dateline.start, a->sections[3].start);
	assert_true(strncmp(a->text + a->dateline.end, "The Navy on", 11) == 0);
	check_nothing_lost(a);
	article_free(a);

	/* other ways of writing a dated dateline */
	a = text_article(rules, "d.txt",
			 "LONDON (17 December 2025) – Ministers met.\n\n"
			 "They talked.\n");
	assert_string_equal(a->date, "2025-12-17");
	assert_string_equal(a->place, "LONDON");
	article_free(a);
	a = text_article(rules, "d.txt",
			 "Washington, D.C., Dec. 3, 2025 - Talks began.\n\n"
			 "They went on.\n");
	assert_string_equal(a->date, "2025-12-03");
	assert_string_equal(a->place, "Washington, D.C.");
	article_free(a);
	a = text_article(rules, "d.txt",
			 "WASHINGTON, Dec. 3, 2025 (Reuters) - Talks began.\n");
	assert_string_equal(a->date, "2025-12-03");
	assert_string_equal(a->source, "Reuters");
	article_free(a);
	/* without a year there is no date to take */
	a = text_article(rules, "d.txt",
			 "WASHINGTON, Dec. 3 (Reuters) - Talks began.\n");
	assert_null(a->date);
	assert_string_equal(a->place, "WASHINGTON");
	article_free(a);
	/* an end mark's other forms; "### Heading" is no end mark */
	a = text_article(rules, "e.txt",
			 "Talks began.\n\n\\###\n\nAbout us.\n");
	assert_kinds(a, "lxx");
	article_free(a);
	a = text_article(rules, "e.txt",
			 "Talks began.\n\n### Background\n\nMore talks.\n");
	assert_kinds(a, "lbb");
	article_free(a);
}

/* A date in the file's name is the article's date when nothing in the
 * text gives one; it must be a real day. */
static void test_file_name_date(void **state)
{
	static const struct {
		const char *name, *date;
	} cases[] = {
		{"notes/20240229-readout.txt", "2024-02-29"},
		{"2024_01_12_statement.txt", "2024-01-12"},
		{"statement.2024.01.12.md", "2024-01-12"},
		{"2023-02-29-statement.txt", NULL},  /* no such day */
		{"2024-13-01-statement.txt", NULL},
		{"2024-01-12345.txt", NULL},
		{"2024-01_12.txt", NULL},            /* mixed separators */
		{"2024-01-12/statement.txt", NULL},  /* a folder's name */
		{"-", NULL},
	};
	struct article *a = seed("tests/fixtures/text/2024-01-12-statement.txt");
	size_t i;

	(void)state;
	assert_string_equal(a->date, "2024-01-12");
	assert_kinds(a, "hlb");
	article_free(a);
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		a = text_article(rules, cases[i].name, "Talks began.\n");
		if (cases[i].date == NULL && a->date != NULL)
			fail_msg("%s: date %s", cases[i].name, a->date);
		if (cases[i].date != NULL)
			assert_string_equal(a->date, cases[i].date);
		article_free(a);
	}
}

/* A header block ending in a date ("Press Statement / name, title /
 * JANUARY 12, 2024") is boilerplate and gives the date (over the file's
 * name); contact blocks, phone numbers and e-mail addresses are
 * boilerplate. */
static void test_header_date_contacts(void **state)
{
	struct article *a =
		seed("tests/fixtures/text/2023-05-01-press-statement.txt");

	(void)state;
	assert_string_equal(a->date, "2024-01-12");
	assert_kinds(a, "xlbxxx");
	assert_sec_starts(a, 0, "Press Statement\nJane Roe");
	assert_sec_starts(a, 1, "The United States condemns");
	assert_sec_starts(a, 3, "Public Contact:\n(202) 555-0100");
	assert_sec_starts(a, 4, "Tel: +1 202 555 0199");
	assert_sec_starts(a, 5, "press.office@example.gov");
	assert_string_equal(a->title, "The United States condemns the missile "
				      "launch carried out on Thursday.");
	check_nothing_lost(a);
	article_free(a);

	/* a label, a weekday, a time; "Release" alone is a header */
	a = seed("tests/fixtures/text/dod-release.txt");
	assert_string_equal(a->date, "2025-12-17");
	assert_kinds(a, "xxhlbxx");
	assert_sec_starts(a, 1, "Release | Dec. 17th, 2025");
	assert_sec_starts(a, 5, "- 30 -");
	assert_sec_starts(a, 6, "For more information");
	check_nothing_lost(a);
	article_free(a);
	a = text_article(rules, "h.txt",
			 "Talks Resume\n\nDate: Monday, 3 March 2025\n\n"
			 "Talks resumed.\n");
	assert_string_equal(a->date, "2025-03-03");
	assert_kinds(a, "hxl");
	article_free(a);

	/* a story's sentence ending in a date is no header, and a day that
	 * does not exist is no date */
	a = text_article(rules, "s.txt",
			 "The truce took effect on\nJanuary 12, 2024.\n\n"
			 "February 30, 2024\n");
	assert_null(a->date);
	assert_kinds(a, "lx");
	article_free(a);
}

/* A letter's salutation, closing and signature are boilerplate, and
 * all after the closing; a signature's "THE WHITE HOUSE, January 24,
 * 2024." gives the date. */
static void test_signature(void **state)
{
	struct article *a = seed("tests/fixtures/text/letter-signature.txt");

	(void)state;
	assert_null(a->date); /* a date in the story is no header's */
	assert_kinds(a, "hxlbxxx");
	assert_sec_starts(a, 1, "Dear Mr. Speaker:");
	assert_sec_starts(a, 4, "Sincerely,");
	assert_sec_starts(a, 5, "JOSEPH R. BIDEN JR.");
	assert_sec_starts(a, 6, "President of the United States");
	check_nothing_lost(a);
	article_free(a);

	a = seed("tests/fixtures/text/message-signature.txt");
	assert_string_equal(a->date, "2024-01-24");
	assert_string_equal(a->title, "Message to the Senate on a Veto");
	assert_kinds(a, "hlbxx");
	assert_sec_starts(a, 3, "JOSEPH R. BIDEN JR.");
	assert_sec_starts(a, 4, "THE WHITE HOUSE,\n  January 24, 2024.");
	check_nothing_lost(a);
	article_free(a);

	/* a headline in capitals is no signature */
	a = text_article(rules, "c.txt",
			 "IRAN TALKS COLLAPSE\n\nTalks collapsed.\n\nNo date "
			 "was set.\n");
	assert_kinds(a, "hlb");
	article_free(a);
}

/* Which date wins: front matter > date marker > dateline > a header or
 * signature line > the file's name, whatever their order in the text. */
static void test_date_priority(void **state)
{
	static const char dateline[] =
		"WASHINGTON, December 17, 2025 — Talks began.\n\n"
		"They went on.\n\nTHE WHITE HOUSE,\nJanuary 24, 2024.\n";
	struct article *a;
	char *s;

	(void)state;
	s = xasprintf("---\ntitle: T\ndate: 2020-05-05\n---\n"
		      "date 2021-06-06\n\n%s", dateline);
	a = text_article(rules, "2019-01-01.txt", s);
	assert_string_equal(a->date, "2020-05-05");
	article_free(a);
	free(s);
	s = xasprintf("date 2021-06-06\n\n%s", dateline);
	a = text_article(rules, "2019-01-01.txt", s);
	assert_string_equal(a->date, "2021-06-06");
	article_free(a);
	free(s);
	/* the header's date comes first in the text, the dateline wins */
	s = xasprintf("January 1, 2025\n\n%s", dateline);
	a = text_article(rules, "2019-01-01.txt", s);
	assert_string_equal(a->date, "2025-12-17");
	article_free(a);
	free(s);
	/* of two header or signature dates, the first */
	a = text_article(rules, "2019-01-01.txt",
			 "January 1, 2025\n\nTalks began.\n\n"
			 "THE WHITE HOUSE,\nJanuary 24, 2024.\n");
	assert_string_equal(a->date, "2025-01-01");
	article_free(a);
	a = text_article(rules, "2019-01-01.txt", "Talks began.\n");
	assert_string_equal(a->date, "2019-01-01");
	article_free(a);
}

/* The rules file's new keys are checked: months, where: name,
 * max_length on a metadata rule. */
static void test_rules_checked(void **state)
{
	static const struct {
		const char *yaml, *msg;
	} cases[] = {
		{"months:\n  Jan: 13\n", ":2:3: 'months' maps a month's name to 1 to 12"},
		{"months: [Jan]\n", ":1:9: 'months' must be a mapping"},
		{"metadata:\n  - where: file\n    pattern: x\n",
		 ":2:12: 'where' must be start, head, lead, paragraph or name"},
		{"metadata:\n  - where: name\n    pattern: x\n    max_length: 0\n",
		 ":4:17: max_length must be a positive number"},
	};
	char *dir = temp_dir_new("rules");
	size_t i;

	(void)state;
	assert_non_null(dir);
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *path = xasprintf("%s/r.yaml", dir);
		FILE *f = fopen(path, "w");
		struct err e = {{0}};
		struct article_rules *r;

		assert_non_null(f);
		fputs(cases[i].yaml, f);
		fclose(f);
		r = article_rules_load(path, &e);
		assert_null(r);
		if (strstr(e.text, cases[i].msg) == NULL)
			fail_msg("%s: '%s', not '%s'", cases[i].yaml, e.text,
				 cases[i].msg);
		free(path);
	}
	assert_int_equal(temp_dir_remove(dir), 0);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_a),
		cmocka_unit_test(test_seed_b),
		cmocka_unit_test(test_other_layouts),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_late_bytes),
		cmocka_unit_test(test_late_bytes_random),
		cmocka_unit_test(test_probe_bytes_random),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_hundred_mb),
		cmocka_unit_test(test_id),
		cmocka_unit_test(test_release_dateline_end_mark),
		cmocka_unit_test(test_file_name_date),
		cmocka_unit_test(test_header_date_contacts),
		cmocka_unit_test(test_signature),
		cmocka_unit_test(test_date_priority),
		cmocka_unit_test(test_rules_checked),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, rules_setup, rules_teardown);
}
