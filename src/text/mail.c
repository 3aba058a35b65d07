/* mail: e-mail newsletters, one .eml message or an mbox of many, read
 * with GMime.  An mbox is cut into messages at its "From " lines (at the
 * start or after a blank line, holding a time of day); each message's
 * bytes run from its "From " line to the next, and ">From " lines in it
 * are unescaped (mboxrd) before GMime parses it.  Transfer encodings are
 * decoded by GMime, charsets by iconv (GLib): the declared one, else
 * UTF-8, else windows-1252 (which ISO-8859-1 and ASCII are read as).
 * The first text/plain part that is not an attachment is the body, else
 * the first text/html part (through the HTML extractor).  Subject is the
 * title and the headline, Date the date, From (its name, else its
 * address) the source.
 *
 * GMime is loaded and initialised by mail_extract itself (mailtext_init),
 * once, on its first call; nobody shuts it down: its one-time tables stay
 * reachable until the process ends. */
#include "mail_priv.h"

#include <stdlib.h>
#include <string.h>

#include "brief/base/utf8.h"

/* A message with more Content-Type lines than this is refused before
 * GMime parses it: GMime's parser recurses once per nested multipart. */
#define MAX_PARTS 500

/* Does line s (n bytes) start a header: "Name:" of printable ASCII? */
static size_t header_name(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && i < 80; i++) {
		if (s[i] == ':')
			return i;
		if (s[i] <= ' ' || s[i] > '~')
			return 0;
	}
	return 0;
}

static const char *const mail_headers[] = {
	"from", "to", "cc", "subject", "date", "message-id", "received",
	"return-path", "mime-version", "content-type", "delivered-to",
	"reply-to", "sender", "list-unsubscribe", "x-mailer",
	"dkim-signature", "in-reply-to", "references", "list-id"
};

/* Is name (n bytes) one of the headers every mailer writes? */
static int known_header(const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof mail_headers / sizeof *mail_headers; i++)
		if (strlen(mail_headers[i]) == n &&
		    strncasecmp(mail_headers[i], name, n) == 0)
			return 1;
	return 0;
}

/* Does the From_ line at s (n bytes) hold a time of day (hh:mm)? */
static int from_line(const char *s, size_t n)
{
	size_t i;

	if (n < 5 || memcmp(s, "From ", 5) != 0)
		return 0;
	for (i = 5; i + 5 <= n; i++)
		if (s[i + 2] == ':' && s[i] >= '0' && s[i] <= '9' &&
		    s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 3] >= '0' &&
		    s[i + 3] <= '9' && s[i + 4] >= '0' && s[i + 4] <= '9')
			return 1;
	return 0;
}

static size_t line_len(const char *s, size_t n)
{
	const char *nl = memchr(s, '\n', n);

	return nl ? (size_t)(nl - s) : n;
}

int mail_sniff(const char *bytes, size_t len)
{
	size_t at = 0, n, name, known = 0, lines = 0;

	if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
		at = 3;
	n = line_len(bytes + at, len - at);
	if (from_line(bytes + at, n))
		return 1;
	/* a header block: every line a header or its continuation, at
	 * least two of the headers every mailer writes */
	while (at < len && lines < 200) {
		n = line_len(bytes + at, len - at);
		if (n && bytes[at + n - 1] == '\r')
			n--;
		if (n == 0)
			break;
		if (bytes[at] == ' ' || bytes[at] == '\t') {
			if (lines == 0)
				return 0;
		} else if ((name = header_name(bytes + at, n)) == 0) {
			return 0;
		} else {
			known += known_header(bytes + at, name);
		}
		lines++;
		at += line_len(bytes + at, len - at) + 1;
	}
	return known >= 2;
}

/* The message's text in UTF-8 (a fresh string of *n bytes) from raw
 * bytes in charset cs (may be NULL); *used gets the charset read. */
static char *to_utf8(const char *raw, size_t len, const char *cs,
		     const char **used, size_t *n)
{
	const char *tries[4];
	size_t i, k = 0;
	gsize wrote;
	gchar *u;
	char *s;

	if (cs) {
		cs = g_mime_charset_iconv_name(cs);
		if (g_ascii_strcasecmp(cs, "iso-8859-1") == 0 ||
		    g_ascii_strcasecmp(cs, "us-ascii") == 0 ||
		    g_ascii_strcasecmp(cs, "ascii") == 0 ||
		    g_ascii_strcasecmp(cs, "latin1") == 0)
			cs = "windows-1252";
		tries[k++] = cs;
	}
	tries[k++] = "UTF-8";
	tries[k++] = "windows-1252";
	tries[k++] = "ISO-8859-1";
	for (i = 0; i < k; i++) {
		if (g_ascii_strcasecmp(tries[i], "utf-8") == 0 ||
		    g_ascii_strcasecmp(tries[i], "utf8") == 0) {
			if (!g_utf8_validate(raw, (gssize)len, NULL) &&
			    i + 1 < k)
				continue;
			*used = "UTF-8";
			return utf8_sanitize(raw, len, n);
		}
		u = g_convert(raw, (gssize)len, "UTF-8", tries[i], NULL,
			      &wrote, NULL);
		if (u == NULL)
			continue;
		*used = tries[i];
		s = utf8_sanitize(u, wrote, n);
		g_free(u);
		return s;
	}
	*used = "UTF-8";
	return utf8_sanitize(raw, len, n);
}

/* The body: the first text/plain part not attached, else the first
 * text/html one, depth first (into forwarded messages too). */
static void find_body(GMimeObject *o, GMimePart **plain, GMimePart **html,
		      int depth)
{
	GMimeContentDisposition *disp;
	GMimeContentType *ct;
	GMimeMessage *m;
	int i, n;

	if (o == NULL || *plain || depth > MAX_PARTS)
		return;
	if (GMIME_IS_MULTIPART(o)) {
		n = g_mime_multipart_get_count(GMIME_MULTIPART(o));
		for (i = 0; i < n; i++)
			find_body(g_mime_multipart_get_part(GMIME_MULTIPART(o),
							    i),
				  plain, html, depth + 1);
		return;
	}
	if (GMIME_IS_MESSAGE_PART(o)) {
		m = g_mime_message_part_get_message(GMIME_MESSAGE_PART(o));
		if (m)
			find_body(g_mime_message_get_mime_part(m), plain,
				  html, depth + 1);
		return;
	}
	if (!GMIME_IS_PART(o))
		return;
	disp = g_mime_object_get_content_disposition(o);
	if (disp && g_mime_content_disposition_is_attachment(disp))
		return;
	ct = g_mime_object_get_content_type(o);
	if (ct && g_mime_content_type_is_type(ct, "text", "plain"))
		*plain = GMIME_PART(o);
	else if (ct && *html == NULL &&
		 g_mime_content_type_is_type(ct, "text", "html"))
		*html = GMIME_PART(o);
}

/* The part's content, transfer encoding decoded, in UTF-8. */
static char *part_text(GMimePart *part, const char **cs, size_t *n)
{
	GMimeDataWrapper *w = g_mime_part_get_content(part);
	GMimeStream *out;
	GByteArray *ba;
	char *s;

	out = g_mime_stream_mem_new();
	if (w)
		g_mime_data_wrapper_write_to_stream(w, out);
	ba = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out));
	s = to_utf8(ba->len ? (const char *)ba->data : "", ba->len,
		    g_mime_object_get_content_type_parameter(
			    GMIME_OBJECT(part), "charset"),
		    cs, n);
	g_object_unref(out);
	return s;
}

/* The metadata of the headers. */
static void read_meta(GMimeMessage *msg, struct xmeta *m)
{
	InternetAddressList *from = g_mime_message_get_from(msg);
	InternetAddress *a;
	const char *s;

	s = g_mime_message_get_subject(msg);
	if (s)
		m->title = mailtext_clean(s, strlen(s));
	mailtext_date(m, g_mime_message_get_date(msg),
		      g_mime_object_get_header(GMIME_OBJECT(msg), "Date"));
	if (from && internet_address_list_length(from) > 0) {
		a = internet_address_list_get_address(from, 0);
		s = internet_address_get_name(a);
		if (s)
			m->source = mailtext_clean(s, strlen(s));
		if (m->source == NULL && INTERNET_ADDRESS_IS_MAILBOX(a)) {
			s = internet_address_mailbox_get_addr(
				INTERNET_ADDRESS_MAILBOX(a));
			if (s)
				m->source = mailtext_clean(s, strlen(s));
		}
	}
}

/* How many lines of s (n bytes) start "Content-Type:"? */
static size_t content_types(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i + 13 <= n; i++)
		if ((i == 0 || s[i - 1] == '\n') &&
		    strncasecmp(s + i, "content-type:", 13) == 0)
			k++;
	return k;
}

/* One message (n bytes at s, no From_ line): its document, or NULL and
 * *why. */
static struct xdoc *message(const char *s, size_t n, const char *name,
			    const struct extract_rules *rules,
			    const char **why, struct err *e)
{
	GMimeStream *stream;
	GMimeParser *parser;
	GMimeMessage *msg;
	GMimePart *plain = NULL, *html = NULL;
	struct xdoc *d;
	const char *cs = NULL;
	size_t tn;
	char *text;
	int ok = 1;

	if (content_types(s, n) > MAX_PARTS) {
		*why = "too many MIME parts";
		return NULL;
	}
	if (!mail_sniff(s, n) && header_name(s, line_len(s, n)) == 0) {
		*why = "no message headers";
		return NULL;
	}
	stream = g_mime_stream_mem_new_with_buffer(s, n);
	parser = g_mime_parser_new_with_stream(stream);
	g_object_unref(stream);
	g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE);
	msg = g_mime_parser_construct_message(parser, NULL);
	g_object_unref(parser);
	if (msg == NULL) {
		*why = "cannot parse the message";
		return NULL;
	}
	find_body(g_mime_message_get_mime_part(msg), &plain, &html, 0);
	if (plain == NULL && html == NULL) {
		g_object_unref(msg);
		*why = "no text part";
		return NULL;
	}
	d = xdoc_new();
	read_meta(msg, &d->meta);
	if (d->meta.title)
		xdoc_add(d, XB_HEADLINE, d->meta.title, 0);
	text = part_text(plain ? plain : html, &cs, &tn);
	d->meta.charset = xstrdup(cs);
	if (plain) {
		ok = mailtext_blocks(d, text, tn, rules) > 0;
		*why = "no text in the message";
	} else if (mailtext_html(d, text, tn, name, rules, e) < 0) {
		ok = 0;
		*why = "no text in its HTML part";
	}
	free(text);
	g_object_unref(msg);
	if (!ok) {
		xdoc_free(d);
		return NULL;
	}
	return d;
}

/* Where the message that starts at at ends: the next From_ line at the
 * start of a line after a blank one, or len. */
static size_t next_from(const char *b, size_t len, size_t at)
{
	const char *p;
	size_t i = at;

	while (i < len && (p = memchr(b + i, '\n', len - i)) != NULL) {
		i = (size_t)(p - b) + 1;
		if (i + 5 <= len && memcmp(b + i, "From ", 5) == 0 &&
		    i >= 2 && (b[i - 2] == '\n' ||
			       (b[i - 2] == '\r' && i >= 3 &&
				b[i - 3] == '\n')) &&
		    from_line(b + i, line_len(b + i, len - i)))
			return i;
	}
	return len;
}

/* Bytes [at, end) after the From_ line, with ">From " lines (and
 * ">>From " ...) unescaped by one '>'. */
static char *unescape(const char *b, size_t at, size_t end, size_t *n)
{
	struct buf out = {0};
	size_t i = at, l, q;

	while (i < end) {
		l = line_len(b + i, end - i);
		l += i + l < end; /* with its line feed */
		for (q = 0; q < l && b[i + q] == '>'; q++)
			;
		if (q > 0 && l - q >= 5 && memcmp(b + i + q, "From ", 5) == 0)
			buf_add(&out, b + i + 1, l - 1);
		else
			buf_add(&out, b + i, l);
		i += l;
	}
	*n = out.len;
	buf_addc(&out, '\0');
	return buf_take(&out);
}

int mail_extract(const char *bytes, size_t len, const char *name,
		 const struct extract_rules *rules, struct xpart **parts,
		 size_t *n, struct err *e)
{
	size_t at = 0, end, body, mlen, cap = 0, num = 0;
	const char *why = NULL;
	struct err he = {{0}};
	struct xdoc *d;
	char *m;
	int mbox;

	*parts = NULL;
	*n = 0;
	if (mailtext_init(name, e) != 0)
		return -1;
	if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
		at = 3;
	mbox = from_line(bytes + at, line_len(bytes + at, len - at));
	if (!mbox) {
		d = message(bytes + at, len - at, name, rules, &why, &he);
		mailtext_part(parts, n, &cap, d, 0, len, name, "message", 0,
			      why);
		return mailtext_finish(parts, n, name, "message", e);
	}
	while (at < len) {
		end = next_from(bytes, len, at);
		body = at + line_len(bytes + at, end - at);
		body += body < end;
		m = unescape(bytes, body, end, &mlen);
		d = message(m, mlen, name, rules, &why, &he);
		free(m);
		mailtext_part(parts, n, &cap, d, at, end, name, "message",
			      ++num, why);
		at = end;
	}
	return mailtext_finish(parts, n, name, "message", e);
}
