/* Unit tests: the e-mail reader (mail_sniff, mail_extract) on the
 * messages of tests/fixtures/mail and on messages made here. */
#include "partslib.h"

static void test_alternative(void **state)
{
	struct run r;
	const struct xmeta *m;

	(void)state;
	run_file(&r, mail_extract, "mail", "alternative.eml");
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.parts[0].start, 0);
	assert_int_equal(r.parts[0].end, r.len);
	m = &r.parts[0].doc->meta;
	/* RFC 2047 subject, decoded */
	assert_string_equal(m->title,
			    "Seoul and Tokyo agree on drills \u2014 morning "
			    "edition");
	assert_string_equal(m->date, "2024-03-05");
	assert_string_equal(m->date_raw, "Tue, 5 Mar 2024 07:30:00 +0900");
	assert_string_equal(m->source, "The Morning Dispatch");
	assert_string_equal(m->charset, "UTF-8");
	assert_kinds(&r, 0, XB_HEADLINE, m->title);
	/* text/plain preferred; quoted-printable soft breaks joined */
	assert_kinds(&r, 0, XB_LEAD,
		     "South Korea and Japan agreed on Monday to hold joint "
		     "naval drills in the East Sea next month, the first "
		     "such exercise in five years, officials in Seoul said.");
	assert_kinds(&r, 0, XB_BODY,
		     "The drills will involve six destroyers and two "
		     "submarines, according to the defense ministry \u2014 "
		     "a sign of warming ties.");
	/* footers and the signature */
	assert_kinds(&r, 0, XB_BOILERPLATE,
		     "View this email in your browser|You are receiving this "
		     "email because you subscribed. Unsubscribe here.|The "
		     "Morning Dispatch 12 Example Street");
	run_free(&r);
}

static void test_reply(void **state)
{
	struct run r;

	(void)state;
	run_file(&r, mail_extract, "mail", "reply.eml");
	assert_int_equal(r.rc, 0);
	assert_kinds(&r, 0, XB_LEAD,
		     "The ministry confirmed the new export rules will take "
		     "effect in April, covering 14 companies.");
	assert_kinds(&r, 0, XB_BODY, "A second paragraph follows here.");
	/* the attribution over two lines, the quote, the "--" signature */
	assert_kinds(&r, 0, XB_BOILERPLATE,
		     "On Tue, 5 Mar 2024 at 09:00, Jane Roe "
		     "<jane@example.org> wrote:|Can you check the sanctions "
		     "list? Thanks.|Desk");
	run_free(&r);
}

static void test_windows_1252(void **state)
{
	struct run r;

	(void)state;
	run_file(&r, mail_extract, "mail", "cp1252.eml");
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.parts[0].doc->meta.title, "Caf\u00e9 talks");
	assert_kinds(&r, 0, XB_LEAD,
		     "Caf\u00e9 caf\u00e9 \u201cquoted\u201d text in "
		     "windows-1252.");
	run_free(&r);
}

/* ISO-8859-1 is read as windows-1252 (curly quotes in 0x80-0x9f); a
 * charset the message does not declare: UTF-8 when valid. */
static void test_latin1_and_undeclared(void **state)
{
	static const char latin1[] =
		"From: a@example.org\nSubject: s\n"
		"Content-Type: text/plain; charset=ISO-8859-1\n\n"
		"\x93Na\xefve\x94 text.\n";
	static const char undeclared[] =
		"From: a@example.org\nSubject: s\n\n"
		"Gr\xc3\xbc\xc3\x9f" "e aus K\xc3\xb6ln.\n";
	struct run r;

	(void)state;
	run_bytes(&r, mail_extract, latin1, sizeof latin1 - 1, "l.eml");
	assert_int_equal(r.rc, 0);
	assert_kinds(&r, 0, XB_LEAD, "\u201cNa\u00efve\u201d text.");
	run_free(&r);
	run_bytes(&r, mail_extract, undeclared, sizeof undeclared - 1,
		  "u.eml");
	assert_int_equal(r.rc, 0);
	assert_kinds(&r, 0, XB_LEAD, "Gr\u00fc\u00dfe aus K\u00f6ln.");
	assert_null(r.parts[0].doc->meta.date);
	run_free(&r);
}

/* A nested multipart with only an HTML part (base64) and an attached
 * PDF: the HTML goes through the extractor. */
static void test_html_only(void **state)
{
	struct run r;

	(void)state;
	run_file(&r, mail_extract, "mail", "html-only.eml");
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.parts[0].doc->meta.title,
			    "Weekly Brief: Talks resume");
	assert_string_equal(r.parts[0].doc->meta.date, "2024-03-07");
	assert_kinds(&r, 0, XB_HEADLINE, "Weekly Brief: Talks resume");
	assert_kinds(&r, 0, XB_LEAD,
		     "Negotiators from both sides returned to Geneva on "
		     "Thursday for a third round of talks, diplomats said, "
		     "after a pause of two months.");
	assert_kinds(&r, 0, XB_BOILERPLATE, "Unsubscribe from this list.");
	run_free(&r);
}

static void test_no_text_part(void **state)
{
	struct run r;

	(void)state;
	run_file(&r, mail_extract, "mail", "no-text.eml");
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.n, 0);
	assert_null(r.parts);
	assert_string_equal(r.e.text, "no-text.eml: no text part");
	run_free(&r);
}

/* An mbox: the broken message is named, the good ones load, each with
 * its own bytes (From_ line to the next), ">From" unescaped. */
static void test_mbox(void **state)
{
	struct run r;

	(void)state;
	run_file(&r, mail_extract, "mail", "letters.mbox");
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.n, 3);
	assert_string_equal(r.parts[0].doc->meta.title, "First letter");
	assert_kinds(&r, 0, XB_LEAD,
		     "The first letter reports that talks resumed in Geneva. "
		     "From the start, both sides said progress would be "
		     "slow.");
	assert_null(r.parts[1].doc);
	assert_string_equal(r.parts[1].error,
			    "letters.mbox: message 2: no message headers");
	assert_string_equal(r.parts[2].doc->meta.title, "Third letter");
	assert_string_equal(r.parts[2].doc->meta.date, "2024-03-06");
	assert_int_equal(r.parts[0].start, 0);
	assert_int_equal(r.parts[0].end, r.parts[1].start);
	assert_int_equal(r.parts[1].end, r.parts[2].start);
	assert_int_equal(r.parts[2].end, r.len);
	assert_range(&r, 1, "From dispatch@example.org Tue", "\n\n");
	assert_range(&r, 2, "From dispatch@example.org Wed",
		     "held overnight.\n\n");
	run_free(&r);
}

/* Every message broken: -1, the first one's reason. */
static void test_mbox_all_broken(void **state)
{
	static const char box[] =
		"From x@example.org Mon Mar  4 08:00:00 2024\n"
		"not a header\n\n"
		"From x@example.org Mon Mar  4 09:00:00 2024\n"
		"From: x@example.org\nSubject: only a file\n"
		"Content-Type: application/octet-stream\n\nAAAA\n";
	struct run r;

	(void)state;
	run_bytes(&r, mail_extract, box, sizeof box - 1, "box");
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.n, 0);
	assert_string_equal(r.e.text, "box: no message could be read "
				      "(message 1: no message headers)");
	run_free(&r);
}

/* A "From " line in a body after a blank line but without a time of
 * day does not start a message. */
static void test_mbox_from_in_body(void **state)
{
	static const char box[] =
		"From x@example.org Mon Mar  4 08:00:00 2024\n"
		"From: x@example.org\nSubject: one\n\n"
		"First paragraph.\n\nFrom here on, the talks went well.\n";
	struct run r;

	(void)state;
	run_bytes(&r, mail_extract, box, sizeof box - 1, "box");
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.n, 1);
	assert_kinds(&r, 0, XB_BODY, "From here on, the talks went well.");
	run_free(&r);
}

/* Hard-wrapped lines joined, list items kept apart, rules dropped,
 * "-----Original Message-----" and all after it boilerplate. */
static void test_paragraphs(void **state)
{
	static const char msg[] =
		"From: a@example.org\r\nSubject: Notes\r\n\r\n"
		"The council met\r\non Monday.\r\n\r\n"
		"- first point\r\n- second point\r\n"
		"----------\r\n"
		"Last words.\r\n\r\n"
		"-----Original Message-----\r\nFrom: b\r\nOld text.\r\n";
	struct run r;

	(void)state;
	run_bytes(&r, mail_extract, msg, sizeof msg - 1, "n.eml");
	assert_int_equal(r.rc, 0);
	assert_kinds(&r, 0, XB_LEAD, "The council met on Monday.");
	assert_kinds(&r, 0, XB_BODY, "- first point|- second point|"
				     "Last words.");
	assert_kinds(&r, 0, XB_BOILERPLATE,
		     "-----Original Message----- From: b Old text.");
	run_free(&r);
}

static void test_sniff(void **state)
{
	static const char *const yes[] = {
		"From x@example.org Mon Mar  4 08:00:00 2024\nFrom: x\n",
		"Return-Path: <a@b>\nReceived: from x\n\tby y\nSubject: s\n\n",
		"\xEF\xBB\xBF" "From: a\r\nTo: b\r\nSubject: c\r\n\r\nbody",
	};
	static const char *const no[] = {
		"Subject: only one known header\n\nbody",
		"From here on, a story.\nSubject: x\n",
		"Title: Notes\nDate: 2024-01-01\n\nnot a mail",
		"<html><body>From: a</body></html>",
		"",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof yes / sizeof *yes; i++)
		assert_int_equal(mail_sniff(yes[i], strlen(yes[i])), 1);
	for (i = 0; i < sizeof no / sizeof *no; i++)
		assert_int_equal(mail_sniff(no[i], strlen(no[i])), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alternative),
		cmocka_unit_test(test_reply),
		cmocka_unit_test(test_windows_1252),
		cmocka_unit_test(test_latin1_and_undeclared),
		cmocka_unit_test(test_html_only),
		cmocka_unit_test(test_no_text_part),
		cmocka_unit_test(test_mbox),
		cmocka_unit_test(test_mbox_all_broken),
		cmocka_unit_test(test_mbox_from_in_body),
		cmocka_unit_test(test_paragraphs),
		cmocka_unit_test(test_sniff),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, setup, teardown);
}
