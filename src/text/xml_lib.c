/* xml_lib: libxml2's functions, found when the first web page, feed or
 * PDF is read. */
#define XML_LIB_TABLE
#include "xml_lib.h"

/* libxml2.so.2: the soname of the ABI brief is built against */
DYNLIB_DEFINE(xml_lib, XML_LIB_SYMS, "libxml2.so.2",
	      "reading web pages, feeds and PDFs", NULL)
