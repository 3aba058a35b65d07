/* xml_lib: libxml2, loaded with dlopen when the first web page, feed or
 * PDF is read, not at start-up (it needs ICU and the C++ library).  Every
 * libxml2 header brief uses is included here, before the names below
 * are bound to the table. */
#ifndef BRIEF_XML_LIB_H
#define BRIEF_XML_LIB_H

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include "brief/base/dynlib.h"

/* The functions (and variables) brief uses, as X(T, name) entries. */
#define XML_LIB_SYMS(X, T) \
	X(T, htmlCtxtReadMemory) \
	X(T, htmlFreeParserCtxt) \
	X(T, htmlNewParserCtxt) \
	X(T, xmlBufferContent) \
	X(T, xmlBufferCreate) \
	X(T, xmlBufferFree) \
	X(T, xmlCharEncCloseFunc) \
	X(T, xmlCtxtGetLastError) \
	X(T, xmlCtxtReadMemory) \
	X(T, xmlDocGetRootElement) \
	X(T, xmlFindCharEncodingHandler) \
	X(T, xmlFree) \
	X(T, xmlFreeDoc) \
	X(T, xmlFreeParserCtxt) \
	X(T, xmlFreeTextReader) \
	X(T, xmlGetProp) \
	X(T, xmlHasProp) \
	X(T, xmlNewParserCtxt) \
	X(T, xmlNodeDump) \
	X(T, xmlNodeGetContent) \
	X(T, xmlReaderForMemory) \
	X(T, xmlSetGenericErrorFunc) \
	X(T, xmlSetStructuredErrorFunc) \
	X(T, xmlTextReaderConstLocalName) \
	X(T, xmlTextReaderGetAttribute) \
	X(T, xmlTextReaderNodeType) \
	X(T, xmlTextReaderRead) \
	X(T, xmlTextReaderReadString)

/* A pointer to each, filled by xml_lib_load. */
struct xml_lib {
	XML_LIB_SYMS(DYNLIB_MEMBER, xml_lib)
};

extern struct xml_lib xml_lib;

/* Load libxml2 once; 0, or -1 with e set, for the file name. */
int xml_lib_load(const char *name, struct err *e);

/* Below, each name calls through the table (XML_LIB_TABLE: the loader's
 * file, which needs the names themselves). */
#ifndef XML_LIB_TABLE
#define htmlCtxtReadMemory (xml_lib.htmlCtxtReadMemory)
#define htmlFreeParserCtxt (xml_lib.htmlFreeParserCtxt)
#define htmlNewParserCtxt (xml_lib.htmlNewParserCtxt)
#define xmlBufferContent (xml_lib.xmlBufferContent)
#define xmlBufferCreate (xml_lib.xmlBufferCreate)
#define xmlBufferFree (xml_lib.xmlBufferFree)
#define xmlCharEncCloseFunc (xml_lib.xmlCharEncCloseFunc)
#define xmlCtxtGetLastError (xml_lib.xmlCtxtGetLastError)
#define xmlCtxtReadMemory (xml_lib.xmlCtxtReadMemory)
#define xmlDocGetRootElement (xml_lib.xmlDocGetRootElement)
#define xmlFindCharEncodingHandler (xml_lib.xmlFindCharEncodingHandler)
#define xmlFree (*xml_lib.xmlFree)
#define xmlFreeDoc (xml_lib.xmlFreeDoc)
#define xmlFreeParserCtxt (xml_lib.xmlFreeParserCtxt)
#define xmlFreeTextReader (xml_lib.xmlFreeTextReader)
#define xmlGetProp (xml_lib.xmlGetProp)
#define xmlHasProp (xml_lib.xmlHasProp)
#define xmlNewParserCtxt (xml_lib.xmlNewParserCtxt)
#define xmlNodeDump (xml_lib.xmlNodeDump)
#define xmlNodeGetContent (xml_lib.xmlNodeGetContent)
#define xmlReaderForMemory (xml_lib.xmlReaderForMemory)
#define xmlSetGenericErrorFunc (xml_lib.xmlSetGenericErrorFunc)
#define xmlSetStructuredErrorFunc (xml_lib.xmlSetStructuredErrorFunc)
#define xmlTextReaderConstLocalName (xml_lib.xmlTextReaderConstLocalName)
#define xmlTextReaderGetAttribute (xml_lib.xmlTextReaderGetAttribute)
#define xmlTextReaderNodeType (xml_lib.xmlTextReaderNodeType)
#define xmlTextReaderRead (xml_lib.xmlTextReaderRead)
#define xmlTextReaderReadString (xml_lib.xmlTextReaderReadString)
#endif

#endif
