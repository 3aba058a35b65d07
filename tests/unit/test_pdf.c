/* Unit tests: the PDF extractor (formats.h) on PDFs made here from the
 * descriptions in tests/fixtures/pdf/ and below (tests/tools/pdfgen.h),
 * read by the real pdftotext; its failures with fake tools. */
#include "testlib.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "brief/text/formats.h"
#include "../tools/pdfgen.h"

/* A scratch folder for fake tools and encrypted copies. */
static char scratch[] = "build/pdf-test-XXXXXX";

static int setup(void **state)
{
	(void)state;
	if (mkdtemp(scratch) == NULL) {
		perror(scratch);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", scratch);
	int rc = system(cmd);

	(void)state;
	free(cmd);
	return rc == 0 ? 0 : -1;
}

/* The PDF a description makes. */
static struct buf make(const char *spec)
{
	struct buf pdf;

	if (pdfgen_build(spec, &pdf) != 0)
		fail_msg("cannot build the PDF of:\n%s", spec);
	return pdf;
}

/* The PDF of tests/fixtures/pdf/NAME.spec. */
static struct buf fixture(const char *name)
{
	struct err e = {{0}};
	char *path = xasprintf("tests/fixtures/pdf/%s.spec", name);
	size_t n;
	char *spec = file_read(path, &n, &e);
	struct buf pdf;

	if (spec == NULL)
		fail_msg("%s", e.text);
	pdf = make(spec);
	free(spec);
	free(path);
	return pdf;
}

/* Extract with the real pdftotext (from PATH); fails the test on an
 * error. */
static struct xdoc *extract(const struct buf *pdf, const char *name)
{
	struct err e = {{0}};
	struct pdf_opts o = {"pdftotext", 0, 0};
	struct xdoc *d = pdf_extract(pdf->data, pdf->len, name, &o, &e);

	if (d == NULL)
		fail_msg("%s", e.text);
	return d;
}

/* The error extracting gives (with tool, timeout and memory limit). */
static void expect_error(const char *bytes, size_t len, const char *tool,
			 unsigned timeout_s, unsigned long mem_mb,
			 const char *want)
{
	struct err e = {{0}};
	struct pdf_opts o = {tool, timeout_s, mem_mb};

	assert_null(pdf_extract(bytes, len, "doc.pdf", &o, &e));
	assert_string_equal(e.text, want);
}

/* The blocks as "kind pN: text" lines. */
static char *blocks(const struct xdoc *d)
{
	struct buf b = {0};
	size_t i;

	buf_adds(&b, "");
	for (i = 0; i < d->nblocks; i++)
		buf_printf(&b, "%s p%d: %s\n",
			   xblock_kind_name(d->blocks[i].kind), d->blocks[i].page,
			   d->blocks[i].text);
	return buf_take(&b);
}

/* Extract pdf (then freed) and compare its blocks with want. */
static void expect_blocks(struct buf pdf, const char *name, const char *want)
{
	struct xdoc *d = extract(&pdf, name);
	char *s = blocks(d);

	assert_string_equal(s, want);
	free(s);
	xdoc_free(d);
	buf_free(&pdf);
}

static void test_report(void **state)
{
	(void)state;
	expect_blocks(fixture("report"), "report.pdf",
		"headline p1: Regional Security Outlook\n"
		"boilerplate p1: Ministry of Defence - Annual Review 2024\n"
		"lead p1: The ministry expects naval activity in the region to "
		"grow over the coming year, as new patrol vessels enter "
		"service and exercises expand.\n"
		"body p1: Fuel for the fleet is moved by sea, and the transport "
		"of supplies depends on ports that remain exposed to attack.\n"
		"body p1: Planners tracked a short flight of a range of "
		"missiles; the short-range systems on the coast were moved "
		"inland during the spring.\n"
		"heading p1: Air defence\n"
		"body p1: Air defence units received new radars and were placed "
		"along the northern border, where most incidents were recorded "
		"last year, and the command asked for more crews to keep the "
		"new systems running through the winter months without a "
		"break in coverage.\n"
		"boilerplate p1: Page 1 of 3\n"
		"boilerplate p2: Ministry of Defence - Annual Review 2024\n"
		"body p2: Training with allied forces continued in the autumn, "
		"when two large exercises were held at sea and ashore.\n"
		"boilerplate p2: Page 2 of 3\n"
		"boilerplate p3: Ministry of Defence - Annual Review 2024\n"
		"body p3: The review closes with the budget for the coming "
		"year, which adds funds for maintenance and for the training "
		"of reserve units.\n"
		"boilerplate p3: Page 3 of 3\n");
}

static void test_report_meta(void **state)
{
	struct buf pdf = fixture("report");
	struct xdoc *d = extract(&pdf, "report.pdf");

	(void)state;
	assert_string_equal(d->meta.title,
			    "Annual Review of Regional Security");
	assert_string_equal(d->meta.author, "Office of Net Assessment");
	assert_string_equal(d->meta.date, "2024-03-12");
	assert_string_equal(d->meta.date_raw, "2024-03-12T09:30:00Z");
	assert_null(d->meta.url);
	xdoc_free(d);
	buf_free(&pdf);
}

/* Without a title in the Info dictionary, or with a file's name there,
 * the headline is the title. */
static void test_title_from_headline(void **state)
{
	struct buf pdf = make("title Microsoft Word - draft3.docx\npage\n"
			      "bold 72 700 18 Talks Resume in Geneva\n"
			      "text 72 650 11 Delegations met on Monday.\n");
	struct xdoc *d = extract(&pdf, "t.pdf");

	(void)state;
	assert_string_equal(d->meta.title, "Talks Resume in Geneva");
	assert_null(d->meta.date);
	assert_int_equal(d->blocks[0].kind, XB_HEADLINE);
	xdoc_free(d);
	buf_free(&pdf);
}

/* Two columns are read one after the other, and the paragraph that
 * runs from the foot of one to the top of the next is one. */
static void test_columns(void **state)
{
	(void)state;
	expect_blocks(fixture("columns"), "columns.pdf",
		"headline p1: Fleet Moves North\n"
		"lead p1: Left one: the fleet left port on Monday morning and "
		"sailed north along the coast in calm weather.\n"
		"body p1: Left two: escorts joined the group near the strait, "
		"where the ships slowed to wait for a tanker that was late "
		"because of heavy traffic in the approaches to the harbour.\n"
		"body p1: Right two: by Wednesday the group had reached the "
		"exercise area and the first drills began at dawn.\n");
}

/* Paragraphs inside one block: an indented first line, a short line
 * that ends a sentence. */
static void test_paragraph_breaks(void **state)
{
	(void)state;
	expect_blocks(make(
		"page\n"
		"text 90 700 11 The first paragraph opens with an indent, as "
		"books set\n"
		"text 72 687 11 them, and runs on over a second and a third "
		"line until\n"
		"text 72 674 11 it ends here without a gap below it, at all.\n"
		"text 90 661 11 The second paragraph follows with no space "
		"above it,\n"
		"text 72 648 11 only the indent of its first line to tell it "
		"apart from\n"
		"text 72 635 11 the one before.\n"
		"text 72 622 11 A third one, flush, starts after a short line "
		"and goes\n"
		"text 72 609 11 on to the end of the block.\n"), "p.pdf",
		"lead p1: The first paragraph opens with an indent, as books "
		"set them, and runs on over a second and a third line until it "
		"ends here without a gap below it, at all.\n"
		"body p1: The second paragraph follows with no space above it, "
		"only the indent of its first line to tell it apart from the "
		"one before.\n"
		"body p1: A third one, flush, starts after a short line and "
		"goes on to the end of the block.\n");
}

/* The hyphen at a line end: a cut word is joined; a compound the
 * document knows, a capital or a digit after it, or a hyphen before it
 * keep it. */
static void test_hyphens(void **state)
{
	struct buf pdf = make(
		"page\n"
		"text 72 700 11 Reports on the Indo-Pacific name many known "
		"risks, and as\n"
		"text 72 687 11 well the Indo-\n"
		"text 72 674 11 Pacific fleets; a state-of-the-\n"
		"text 72 661 11 art radar, the COVID-\n"
		"text 72 648 11 19 rules, a well-\n"
		"text 72 635 11 known pattern, a trans-\n"
		"text 72 622 11 port ship and a re-\n"
		"text 72 609 11 port that the report sums up.\n");
	struct xdoc *d = extract(&pdf, "h.pdf");

	(void)state;
	assert_int_equal(d->nblocks, 1);
	assert_string_equal(d->blocks[0].text,
		"Reports on the Indo-Pacific name many known risks, and as "
		"well the Indo-Pacific fleets; a state-of-the-art radar, the "
		"COVID-19 rules, a well-known pattern, a transport ship and a "
		"report that the report sums up.");
	xdoc_free(d);
	buf_free(&pdf);
}

/* Page numbers in their usual dress at the foot or head of a page;
 * a number in the text is text. */
static void test_page_numbers(void **state)
{
	(void)state;
	expect_blocks(make(
		"page\n"
		"text 72 700 11 The first page says what the study is about.\n"
		"text 300 40 9 - 1 -\n"
		"page\n"
		"text 300 760 9 vii\n"
		"text 72 700 11 The second page gives the numbers.\n"
		"text 300 400 11 42\n"
		"page\n"
		"text 72 700 11 The third page ends it.\n"
		"text 500 40 9 p. 3 / 3\n"), "n.pdf",
		"lead p1: The first page says what the study is about.\n"
		"boilerplate p1: - 1 -\n"
		"boilerplate p2: vii\n"
		"body p2: The second page gives the numbers.\n"
		"body p2: 42\n"
		"body p3: The third page ends it.\n"
		"boilerplate p3: p. 3 / 3\n");
}

/* A line at the head of one page only is not a running header. */
static void test_header_once(void **state)
{
	struct buf pdf = make(
		"page\n"
		"text 72 760 9 Issued by the press office\n"
		"text 72 700 11 The first page of the statement.\n"
		"page\n"
		"text 72 700 11 The second page of the statement.\n"
		"page\n"
		"text 72 700 11 The third page of the statement.\n");
	struct xdoc *d = extract(&pdf, "o.pdf");

	(void)state;
	assert_int_equal(d->nblocks, 4);
	assert_int_equal(d->blocks[0].kind, XB_LEAD);
	assert_string_equal(d->blocks[0].text, "Issued by the press office");
	assert_int_equal(d->blocks[1].kind, XB_BODY);
	xdoc_free(d);
	buf_free(&pdf);
}

/* Running heads that change with the chapter: beside the page number,
 * or on three pages or more. */
static void test_chapter_heads(void **state)
{
	(void)state;
	expect_blocks(make(
		"page\ntext 72 760 9 Chapter 1: Origins\ntext 530 760 9 1\n"
		"text 72 700 11 The first page tells its part of the story.\n"
		"page\ntext 72 760 9 Chapter 1: Origins\ntext 530 760 9 2\n"
		"text 72 700 11 The second page tells its part of the story.\n"
		"page\ntext 72 760 9 Chapter 2: Forces\ntext 530 760 9 3\n"
		"text 72 700 11 The third page tells its part of the story.\n"
		"page\ntext 72 760 9 Chapter 2: Forces\ntext 530 760 9 4\n"
		"text 72 700 11 The fourth page tells its part of the story.\n"
		"page\ntext 72 760 9 Chapter 2: Forces\n"
		"text 72 700 11 The fifth page tells its part of the story.\n"),
		"c.pdf",
		"boilerplate p1: Chapter 1: Origins\n"
		"lead p1: The first page tells its part of the story.\n"
		"boilerplate p1: 1\n"
		"boilerplate p2: Chapter 1: Origins\n"
		"body p2: The second page tells its part of the story.\n"
		"boilerplate p2: 2\n"
		"boilerplate p3: Chapter 2: Forces\n"
		"body p3: The third page tells its part of the story.\n"
		"boilerplate p3: 3\n"
		"boilerplate p4: Chapter 2: Forces\n"
		"body p4: The fourth page tells its part of the story.\n"
		"boilerplate p4: 4\n"
		"boilerplate p5: Chapter 2: Forces\n"
		"body p5: The fifth page tells its part of the story.\n");
}

/* List items: a bullet starts a paragraph, also when pdftotext sets
 * the bullets apart from their items. */
static void test_lists(void **state)
{
	(void)state;
	expect_blocks(make(
		"page\n"
		"text 72 700 11 The plan has three parts:\n"
		"text 72 680 11 \x95\n"
		"text 100 680 11 ships are moved north;\n"
		"text 72 666 11 \x95\n"
		"text 100 666 11 aircraft stay at home;\n"
		"text 72 640 11 \x95 and the reserve is called up.\n"
		"text 72 626 11 \x95 Nothing else changes.\n"), "l.pdf",
		"lead p1: The plan has three parts:\n"
		"body p1: \xE2\x80\xA2 ships are moved north;\n"
		"body p1: \xE2\x80\xA2 aircraft stay at home;\n"
		"body p1: \xE2\x80\xA2 and the reserve is called up.\n"
		"body p1: \xE2\x80\xA2 Nothing else changes.\n");
}

static void test_scanned(void **state)
{
	struct buf pdf = fixture("scanned");

	(void)state;
	expect_error(pdf.data, pdf.len, "pdftotext", 0, 0,
		     "doc.pdf: no text layer (a scanned PDF?)");
	buf_free(&pdf);
}

static void test_empty_and_not_pdf(void **state)
{
	(void)state;
	expect_error("", 0, "pdftotext", 0, 0, "doc.pdf: empty file");
	expect_error("Dear reader,\n", 13, "pdftotext", 0, 0,
		     "doc.pdf: not a PDF (no %PDF- header)");
}

/* The first half of a PDF: no xref table, no trailer. */
static void test_damaged(void **state)
{
	struct buf pdf = fixture("report");

	(void)state;
	expect_error(pdf.data, pdf.len / 2, "pdftotext", 0, 0,
		     "doc.pdf: damaged PDF");
	buf_free(&pdf);
}

/* Run a command line; fails the test when it does not succeed. */
static void run(const char *cmd)
{
	if (system(cmd) != 0)
		fail_msg("failed: %s", cmd);
}

/* A PDF that needs a user password (made with qpdf), and one with only
 * an owner password, which opens without one. */
static void test_encrypted(void **state)
{
	struct buf pdf = fixture("report"), enc = {0};
	char *plain = xasprintf("%s/plain.pdf", scratch);
	char *locked = xasprintf("%s/locked.pdf", scratch);
	char *cmd;
	struct err e = {{0}};
	struct xdoc *d;
	size_t n;
	char *bytes;
	FILE *f = fopen(plain, "wb");

	(void)state;
	assert_non_null(f);
	assert_int_equal(fwrite(pdf.data, 1, pdf.len, f), pdf.len);
	assert_int_equal(fclose(f), 0);
	cmd = xasprintf("qpdf --encrypt user owner 256 -- '%s' '%s'", plain,
			locked);
	run(cmd);
	free(cmd);
	bytes = file_read(locked, &n, &e);
	assert_non_null(bytes);
	expect_error(bytes, n, "pdftotext", 0, 0,
		     "doc.pdf: encrypted PDF (it needs a password)");
	free(bytes);
	cmd = xasprintf("qpdf --encrypt '' owner 256 -- '%s' '%s'", plain,
			locked);
	run(cmd);
	free(cmd);
	bytes = file_read(locked, &n, &e);
	assert_non_null(bytes);
	enc.data = bytes;
	enc.len = n;
	d = extract(&enc, "owner.pdf");
	assert_string_equal(d->blocks[0].text, "Regional Security Outlook");
	xdoc_free(d);
	free(bytes);
	free(plain);
	free(locked);
	buf_free(&pdf);
}

/* A fake pdftotext in the scratch folder: a shell script. */
static char *fake_tool(const char *name, const char *script)
{
	char *path = xasprintf("%s/%s", scratch, name);
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fprintf(f, "#!/bin/sh\n%s\n", script);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(chmod(path, 0755), 0);
	return path;
}

static void test_tool_missing(void **state)
{
	struct buf pdf = fixture("report");
	char *path = xasprintf("%s/no-such-dir/pdftotext", scratch);

	(void)state;
	expect_error(pdf.data, pdf.len, path, 0, 0,
		     "doc.pdf: pdftotext not found: install poppler-utils");
	expect_error(pdf.data, pdf.len, "brief-no-such-pdftotext", 0, 0,
		     "doc.pdf: pdftotext not found: install poppler-utils");
	free(path);
	buf_free(&pdf);
}

static double seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* A tool that hangs (a shell that waits on a child holding the pipe)
 * is killed, with its child, at the deadline. */
static void test_tool_hangs(void **state)
{
	struct buf pdf = fixture("report");
	char *tool = fake_tool("hang", "sleep 60\necho never");
	double t0 = seconds();

	(void)state;
	expect_error(pdf.data, pdf.len, tool, 1, 0,
		     "doc.pdf: pdftotext took longer than 1 s");
	assert_true(seconds() - t0 < 20);
	assert_true(seconds() - t0 >= 0.9);
	free(tool);
	buf_free(&pdf);
}

/* Over the memory limit: the real pdftotext cannot even load its
 * libraries in 8 MiB; a tool that grows until it fails. */
static void test_tool_memory(void **state)
{
	struct buf pdf = fixture("report");
	char *hog = fake_tool("hog", "exec awk 'BEGIN { s = \"x\"; "
					    "while (1) s = s s }'");

	(void)state;
	expect_error(pdf.data, pdf.len, "pdftotext", 0, 8,
		     "doc.pdf: pdftotext ran out of memory (limit 8 MiB)");
	expect_error(pdf.data, pdf.len, hog, 20, 64,
		     "doc.pdf: pdftotext ran out of memory (limit 64 MiB)");
	free(hog);
	buf_free(&pdf);
}

/* A tool that fails in another way, or gives what is not its XHTML. */
static void test_tool_fails(void **state)
{
	struct buf pdf = fixture("report");
	char *fail = fake_tool("fail", "echo 'Internal: broken here' >&2\n"
				       "exit 5");
	char *junk = fake_tool("junk", "cat >/dev/null\necho '<html><p>'");
	char *crash = fake_tool("crash", "kill -SEGV $$");

	(void)state;
	expect_error(pdf.data, pdf.len, fail, 0, 0,
		     "doc.pdf: pdftotext failed (exit 5): Internal: broken "
		     "here");
	expect_error(pdf.data, pdf.len, junk, 0, 0,
		     "doc.pdf: cannot read the output of pdftotext");
	expect_error(pdf.data, pdf.len, crash, 0, 0,
		     "doc.pdf: pdftotext crashed (signal 11): damaged PDF?");
	free(fail);
	free(junk);
	free(crash);
	buf_free(&pdf);
}

/* What pdftotext may write that XML does not allow (a control
 * character from a font's odd mapping) is not a reason to lose the
 * text; entities are read. */
static void test_tool_output_controls(void **state)
{
	struct buf pdf = fixture("report");
	struct err e = {{0}};
	char *tool = fake_tool("ctl", "printf '<html xmlns=\"http://www.w3."
		"org/1999/xhtml\"><head><title>T</title></head><body><doc>"
		"<page width=\"612\" height=\"792\"><flow><block xMin=\"72\" "
		"yMin=\"300\" xMax=\"300\" yMax=\"312\"><line xMin=\"72\" "
		"yMin=\"300\" xMax=\"300\" yMax=\"312\"><word>A\\001B</word>"
		"<word>&amp;</word><word>C.</word></line></block></flow></page>"
		"</doc></body></html>'");
	struct pdf_opts o = {tool, 0, 0};
	struct xdoc *d = pdf_extract(pdf.data, pdf.len, "doc.pdf", &o, &e);

	(void)state;
	if (d == NULL)
		fail_msg("%s", e.text);
	assert_int_equal(d->nblocks, 1);
	assert_string_equal(d->blocks[0].text, "AB & C.");
	assert_string_equal(d->meta.title, "T");
	xdoc_free(d);
	free(tool);
	buf_free(&pdf);
}

/* The tool gets none of the caller's other open files. */
static void test_tool_no_fds(void **state)
{
	struct buf pdf = fixture("report");
	int fd = open("tests/fixtures/pdf/report.spec", O_RDONLY);
	char *script, *tool;

	(void)state;
	assert_true(fd > 2);
	script = xasprintf("if [ -e /proc/$$/fd/%d ]; then echo open >&2; "
			   "else echo closed >&2; fi\nexit 5", fd);
	tool = fake_tool("fds", script);
	expect_error(pdf.data, pdf.len, tool, 0, 0,
		     "doc.pdf: pdftotext failed (exit 5): closed");
	close(fd);
	free(script);
	free(tool);
	buf_free(&pdf);
}

static void test_sniff(void **state)
{
	struct buf pdf = fixture("report");
	char late[1100];

	(void)state;
	assert_int_equal(pdf_sniff(pdf.data, pdf.len), 1);
	assert_int_equal(pdf_sniff("%PDF", 4), 0);
	assert_int_equal(pdf_sniff("<html>%PDF-1.4", 14), 1);
	memset(late, ' ', sizeof late);
	memcpy(late + 1050, "%PDF-1.4", 8);
	assert_int_equal(pdf_sniff(late, sizeof late), 0);
	assert_int_equal(pdf_sniff("", 0), 0);
	buf_free(&pdf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report),
		cmocka_unit_test(test_report_meta),
		cmocka_unit_test(test_title_from_headline),
		cmocka_unit_test(test_columns),
		cmocka_unit_test(test_paragraph_breaks),
		cmocka_unit_test(test_hyphens),
		cmocka_unit_test(test_page_numbers),
		cmocka_unit_test(test_header_once),
		cmocka_unit_test(test_chapter_heads),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_scanned),
		cmocka_unit_test(test_empty_and_not_pdf),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_encrypted),
		cmocka_unit_test(test_tool_missing),
		cmocka_unit_test(test_tool_hangs),
		cmocka_unit_test(test_tool_memory),
		cmocka_unit_test(test_tool_fails),
		cmocka_unit_test(test_tool_output_controls),
		cmocka_unit_test(test_tool_no_fds),
		cmocka_unit_test(test_sniff),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, setup, teardown);
}
