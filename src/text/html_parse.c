/* html_parse: whether bytes are HTML, which charset they are in, and the
 * parse into libxml2's tree (recovering, silent, never the network);
 * the text and tree helpers the other html modules share. */
#include "html_dom.h"

#include <ctype.h>
#include <limits.h>
#include <string.h>
#include <strings.h>


#include "brief/base/utf8.h"

/* Case-insensitive: does s (n bytes) start with lower-case word w? */
static int starts(const char *s, size_t n, const char *w)
{
	size_t l = strlen(w);

	return n >= l && strncasecmp(s, w, l) == 0;
}

/* Skip a BOM, white space, comments, an XML declaration. */
static size_t skip_prolog(const char *s, size_t n)
{
	size_t i = 0;

	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (;;) {
		while (i < n && isspace((unsigned char)s[i]))
			i++;
		if (starts(s + i, n - i, "<!--")) {
			const char *e = memmem(s + i + 4, n - i - 4, "-->", 3);

			if (e == NULL)
				return n;
			i = (size_t)(e - s) + 3;
		} else if (starts(s + i, n - i, "<?xml")) {
			const char *e = memchr(s + i, '>', n - i);

			if (e == NULL)
				return n;
			i = (size_t)(e - s) + 1;
		} else {
			return i;
		}
	}
}

/* Tags a fragment of a page commonly opens with or holds. */
static const char *const fragment_tags[] = {
	"a", "article", "aside", "b", "blockquote", "br", "div", "em",
	"figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
	"hr", "i", "img", "li", "link", "main", "meta", "nav", "ol", "p",
	"section", "span", "strong", "style", "table", "td", "title", "tr",
	"ul", "script"
};

/* Length of the known tag opening at s ("<p>", "</div ", "<br/>"), or 0. */
static size_t known_tag(const char *s, size_t n)
{
	size_t i = 1, k, l;

	if (n < 3 || s[0] != '<')
		return 0;
	if (s[1] == '/')
		i = 2;
	for (k = 0; k < sizeof fragment_tags / sizeof *fragment_tags; k++) {
		l = strlen(fragment_tags[k]);
		if (n > i + l && strncasecmp(s + i, fragment_tags[k], l) == 0 &&
		    (s[i + l] == '>' || s[i + l] == ' ' || s[i + l] == '/' ||
		     s[i + l] == '\n' || s[i + l] == '\t' || s[i + l] == '\r'))
			return i + l;
	}
	return 0;
}

int html_sniff(const char *bytes, size_t len)
{
	size_t n = len < 1024 ? len : 1024, i, tags = 0;

	if (bytes == NULL || memchr(bytes, '\0', n))
		return 0;
	i = skip_prolog(bytes, n);
	if (starts(bytes + i, n - i, "<!doctype html") ||
	    starts(bytes + i, n - i, "<html") ||
	    starts(bytes + i, n - i, "<head") ||
	    starts(bytes + i, n - i, "<body"))
		return 1;
	/* a fragment: opens with a known tag and holds a few more */
	if (known_tag(bytes + i, n - i) == 0)
		return 0;
	for (; i < n; i++)
		if (bytes[i] == '<' && known_tag(bytes + i, n - i))
			tags++;
	return tags >= 3;
}

/* Charset names pages give, and what libxml2 (iconv) reads them as. */
static const struct {
	const char *label, *name;
} charsets[] = {
	{"utf-8", "UTF-8"}, {"utf8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"},
	/* a page declared UTF-16 reached here as bytes: browsers read UTF-8 */
	{"utf-16", "UTF-8"}, {"utf-16le", "UTF-8"}, {"utf-16be", "UTF-8"},
	{"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"},
	{"latin1", "WINDOWS-1252"}, {"l1", "WINDOWS-1252"},
	{"us-ascii", "WINDOWS-1252"}, {"ascii", "WINDOWS-1252"},
	{"windows-1252", "WINDOWS-1252"}, {"cp1252", "WINDOWS-1252"},
	{"x-cp1252", "WINDOWS-1252"},
	{"windows-1250", "WINDOWS-1250"}, {"windows-1251", "WINDOWS-1251"},
	{"windows-1253", "WINDOWS-1253"}, {"windows-1254", "WINDOWS-1254"},
	{"windows-1255", "WINDOWS-1255"}, {"windows-1256", "WINDOWS-1256"},
	{"windows-1257", "WINDOWS-1257"}, {"windows-1258", "WINDOWS-1258"},
	{"iso-8859-2", "ISO-8859-2"}, {"iso-8859-5", "ISO-8859-5"},
	{"iso-8859-7", "ISO-8859-7"}, {"iso-8859-9", "WINDOWS-1254"},
	{"iso-8859-15", "ISO-8859-15"}, {"koi8-r", "KOI8-R"},
	{"koi8-u", "KOI8-U"},
	{"shift_jis", "SHIFT_JIS"}, {"shift-jis", "SHIFT_JIS"},
	{"sjis", "SHIFT_JIS"}, {"x-sjis", "SHIFT_JIS"},
	{"ms_kanji", "SHIFT_JIS"}, {"windows-31j", "CP932"},
	{"cp932", "CP932"}, {"euc-jp", "EUC-JP"},
	{"iso-2022-jp", "ISO-2022-JP"}, {"gb2312", "GBK"}, {"gbk", "GBK"},
	{"x-gbk", "GBK"}, {"gb18030", "GB18030"}, {"big5", "BIG5"},
	{"euc-kr", "EUC-KR"}, {"windows-874", "CP874"},
};

/* The charset a <meta> among the first bytes declares, or NULL. */
static const char *declared(const char *s, size_t n)
{
	size_t i;

	if (n > 4096)
		n = 4096;
	for (i = 0; i + 5 < n; i++) {
		const char *end, *c;
		size_t k, l;
		char label[32];

		if (s[i] != '<' || !starts(s + i, n - i, "<meta"))
			continue;
		end = memchr(s + i, '>', n - i);
		if (end == NULL)
			break;
		for (c = s + i; c + 7 <= end; c++)
			if (strncasecmp(c, "charset", 7) == 0)
				break;
		if (c + 7 > end)
			continue;
		c += 7;
		while (c < end && (*c == ' ' || *c == '='))
			c++;
		while (c < end && (*c == '"' || *c == '\''))
			c++;
		for (l = 0; c + l < end && l + 1 < sizeof label &&
			    (isalnum((unsigned char)c[l]) || c[l] == '-' ||
			     c[l] == '_' || c[l] == ':' || c[l] == '.');
		     l++)
			label[l] = (char)tolower((unsigned char)c[l]);
		label[l] = '\0';
		for (k = 0; k < sizeof charsets / sizeof *charsets; k++)
			if (strcmp(label, charsets[k].label) == 0)
				return charsets[k].name;
		return NULL;
	}
	return NULL;
}

const char *html_charset(const char *bytes, size_t len)
{
	const char *d;

	if (len >= 2 && memcmp(bytes, "\xFF\xFE", 2) == 0)
		return "UTF-16LE";
	if (len >= 2 && memcmp(bytes, "\xFE\xFF", 2) == 0)
		return "UTF-16BE";
	if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
		return "UTF-8";
	d = declared(bytes, len);
	if (d)
		return d;
	/* a file cut inside a character is UTF-8 all the same */
	return utf8_valid_prefix(bytes, len) + 4 > len ? "UTF-8"
						       : "WINDOWS-1252";
}

static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void quiet_structured(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	(void)err;
}

htmlDocPtr html_parse(const char *bytes, size_t len, const char *name,
		      const char **charset, struct err *e)
{
	xmlCharEncodingHandlerPtr handler;
	htmlParserCtxtPtr ctxt;
	htmlDocPtr doc;
	const char *cs;

	if (xml_lib_load(name, e) != 0)
		return NULL;
	if (len > INT_MAX) {
		err_set(e, "%s: too large", name);
		return NULL;
	}
	cs = html_charset(bytes, len);
	/* a charset iconv cannot read is read as UTF-8 */
	handler = xmlFindCharEncodingHandler(cs);
	if (handler == NULL)
		cs = "UTF-8";
	else
		xmlCharEncCloseFunc(handler);
	if (charset)
		*charset = cs;
	/* libxml2 writes some encoding errors despite NOERROR: silence */
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(NULL, quiet_structured);
	ctxt = htmlNewParserCtxt();
	if (ctxt == NULL) {
		err_set(e, "%s: cannot parse HTML", name);
		return NULL;
	}
	doc = htmlCtxtReadMemory(ctxt, len ? bytes : " ", len ? (int)len : 1,
				 NULL, cs,
				 HTML_PARSE_RECOVER | HTML_PARSE_NONET |
					 HTML_PARSE_NOERROR |
					 HTML_PARSE_NOWARNING);
	/* libxml2 stops at its depth limit (HTML_PARSE_HUGE is never set):
	 * what it read is not the page */
	if (doc && ctxt->lastError.code == XML_ERR_INTERNAL_ERROR &&
	    ctxt->lastError.message &&
	    strstr(ctxt->lastError.message, "depth")) {
		xmlFreeDoc(doc);
		htmlFreeParserCtxt(ctxt);
		err_set(e, "%s: elements nested too deeply", name);
		return NULL;
	}
	htmlFreeParserCtxt(ctxt);
	if (doc == NULL)
		err_set(e, "%s: cannot parse HTML", name);
	return doc;
}

/* Is cp a space, as pages write them? */
static int is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	       cp == '\f' || cp == '\v' || cp == 0xA0 ||
	       (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
	       cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
	       cp == 0x1680;
}

/* Is cp invisible and not a space (dropped)? */
static int is_invisible(uint32_t cp)
{
	return cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 ||
	       cp == 0xFEFF || (cp < 0x20 && cp != '\t' && cp != '\n');
}

void html_text_add(struct buf *b, const char *s, int *space)
{
	size_t n = strlen(s), i = 0, run = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t k;

		/* plain ASCII runs are copied as they are */
		if (c > ' ' && c < 0x7F) {
			run = i;
			while (i < n && (unsigned char)s[i] > ' ' &&
			       (unsigned char)s[i] < 0x7F)
				i++;
			buf_add(b, s + run, i - run);
			*space = 0;
			continue;
		}
		k = utf8_decode(s + i, n - i, &cp);
		if (is_space(cp)) {
			if (!*space && b->len) {
				buf_addc(b, ' ');
				*space = 1;
			}
		} else if (!is_invisible(cp)) {
			/* a byte that is not UTF-8 (libxml2 passes some) */
			if (cp == 0xFFFD && k == 1)
				buf_adds(b, "\xEF\xBF\xBD");
			else
				buf_add(b, s + i, k);
			*space = 0;
		}
		i += k;
	}
}

char *html_text_take(struct buf *b)
{
	if (b->len && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
	if (b->len == 0) {
		buf_free(b);
		return NULL;
	}
	return buf_take(b);
}

char *html_attr(xmlNode *n, const char *name)
{
	return (char *)xmlGetProp(n, (const xmlChar *)name);
}

int html_is(const xmlNode *n, const char *tag)
{
	return n && n->type == XML_ELEMENT_NODE && n->name &&
	       strcmp((const char *)n->name, tag) == 0;
}

xmlNode *html_next(xmlNode *n, const xmlNode *root, int skip_kids)
{
	if (!skip_kids && n->children)
		return n->children;
	while (n && n != root) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}
