/* gmime_lib: GMime (and GLib through it), loaded with dlopen when the first
 * e-mail or feed is read, not at start-up, and initialised then, once.
 * Every GMime and GLib header brief uses is included here, before the
 * names below are bound to the table. */
#ifndef BRIEF_GMIME_LIB_H
#define BRIEF_GMIME_LIB_H

#include <glib.h>
#include <gmime/gmime.h>

#include "brief/base/dynlib.h"

/* The functions (and variables) brief uses, as X(T, name) entries. */
#define GMIME_LIB_SYMS(X, T) \
	X(T, g_ascii_strcasecmp) \
	X(T, g_convert) \
	X(T, g_date_time_format) \
	X(T, g_date_time_new_from_iso8601) \
	X(T, g_date_time_unref) \
	X(T, g_free) \
	X(T, g_mime_charset_iconv_name) \
	X(T, g_mime_content_disposition_is_attachment) \
	X(T, g_mime_content_type_is_type) \
	X(T, g_mime_data_wrapper_write_to_stream) \
	X(T, g_mime_init) \
	X(T, g_mime_message_get_date) \
	X(T, g_mime_message_get_from) \
	X(T, g_mime_message_get_mime_part) \
	X(T, g_mime_message_get_subject) \
	X(T, g_mime_message_part_get_message) \
	X(T, g_mime_message_part_get_type) \
	X(T, g_mime_multipart_get_count) \
	X(T, g_mime_multipart_get_part) \
	X(T, g_mime_multipart_get_type) \
	X(T, g_mime_object_get_content_disposition) \
	X(T, g_mime_object_get_content_type) \
	X(T, g_mime_object_get_content_type_parameter) \
	X(T, g_mime_object_get_header) \
	X(T, g_mime_object_get_type) \
	X(T, g_mime_parser_construct_message) \
	X(T, g_mime_parser_new_with_stream) \
	X(T, g_mime_parser_set_format) \
	X(T, g_mime_part_get_content) \
	X(T, g_mime_part_get_type) \
	X(T, g_mime_stream_mem_get_byte_array) \
	X(T, g_mime_stream_mem_get_type) \
	X(T, g_mime_stream_mem_new) \
	X(T, g_mime_stream_mem_new_with_buffer) \
	X(T, g_mime_utils_header_decode_date) \
	X(T, g_object_unref) \
	X(T, g_type_check_instance_cast) \
	X(T, g_type_check_instance_is_a) \
	X(T, g_utf8_validate) \
	X(T, internet_address_get_name) \
	X(T, internet_address_list_get_address) \
	X(T, internet_address_list_length) \
	X(T, internet_address_mailbox_get_addr) \
	X(T, internet_address_mailbox_get_type)

/* A pointer to each, filled by gmime_lib_load. */
struct gmime_lib {
	GMIME_LIB_SYMS(DYNLIB_MEMBER, gmime_lib)
};

extern struct gmime_lib gmime_lib;

/* Load GMime once and initialise it; 0, or -1 with e set, for the file
 * name. */
int gmime_lib_load(const char *name, struct err *e);

/* Below, each name calls through the table (GMIME_LIB_TABLE: the loader's
 * file, which needs the names themselves). */
#ifndef GMIME_LIB_TABLE
#define g_ascii_strcasecmp (gmime_lib.g_ascii_strcasecmp)
#define g_convert (gmime_lib.g_convert)
#define g_date_time_format (gmime_lib.g_date_time_format)
#define g_date_time_new_from_iso8601 (gmime_lib.g_date_time_new_from_iso8601)
#define g_date_time_unref (gmime_lib.g_date_time_unref)
#define g_free (gmime_lib.g_free)
#define g_mime_charset_iconv_name (gmime_lib.g_mime_charset_iconv_name)
#define g_mime_content_disposition_is_attachment (gmime_lib.g_mime_content_disposition_is_attachment)
#define g_mime_content_type_is_type (gmime_lib.g_mime_content_type_is_type)
#define g_mime_data_wrapper_write_to_stream (gmime_lib.g_mime_data_wrapper_write_to_stream)
#define g_mime_init (gmime_lib.g_mime_init)
#define g_mime_message_get_date (gmime_lib.g_mime_message_get_date)
#define g_mime_message_get_from (gmime_lib.g_mime_message_get_from)
#define g_mime_message_get_mime_part (gmime_lib.g_mime_message_get_mime_part)
#define g_mime_message_get_subject (gmime_lib.g_mime_message_get_subject)
#define g_mime_message_part_get_message (gmime_lib.g_mime_message_part_get_message)
#define g_mime_message_part_get_type (gmime_lib.g_mime_message_part_get_type)
#define g_mime_multipart_get_count (gmime_lib.g_mime_multipart_get_count)
#define g_mime_multipart_get_part (gmime_lib.g_mime_multipart_get_part)
#define g_mime_multipart_get_type (gmime_lib.g_mime_multipart_get_type)
#define g_mime_object_get_content_disposition (gmime_lib.g_mime_object_get_content_disposition)
#define g_mime_object_get_content_type (gmime_lib.g_mime_object_get_content_type)
#define g_mime_object_get_content_type_parameter (gmime_lib.g_mime_object_get_content_type_parameter)
#define g_mime_object_get_header (gmime_lib.g_mime_object_get_header)
#define g_mime_object_get_type (gmime_lib.g_mime_object_get_type)
#define g_mime_parser_construct_message (gmime_lib.g_mime_parser_construct_message)
#define g_mime_parser_new_with_stream (gmime_lib.g_mime_parser_new_with_stream)
#define g_mime_parser_set_format (gmime_lib.g_mime_parser_set_format)
#define g_mime_part_get_content (gmime_lib.g_mime_part_get_content)
#define g_mime_part_get_type (gmime_lib.g_mime_part_get_type)
#define g_mime_stream_mem_get_byte_array (gmime_lib.g_mime_stream_mem_get_byte_array)
#define g_mime_stream_mem_get_type (gmime_lib.g_mime_stream_mem_get_type)
#define g_mime_stream_mem_new (gmime_lib.g_mime_stream_mem_new)
#define g_mime_stream_mem_new_with_buffer (gmime_lib.g_mime_stream_mem_new_with_buffer)
#define g_mime_utils_header_decode_date (gmime_lib.g_mime_utils_header_decode_date)
#define g_object_unref (gmime_lib.g_object_unref)
#define g_type_check_instance_cast (gmime_lib.g_type_check_instance_cast)
#define g_type_check_instance_is_a (gmime_lib.g_type_check_instance_is_a)
#define g_utf8_validate (gmime_lib.g_utf8_validate)
#define internet_address_get_name (gmime_lib.internet_address_get_name)
#define internet_address_list_get_address (gmime_lib.internet_address_list_get_address)
#define internet_address_list_length (gmime_lib.internet_address_list_length)
#define internet_address_mailbox_get_addr (gmime_lib.internet_address_mailbox_get_addr)
#define internet_address_mailbox_get_type (gmime_lib.internet_address_mailbox_get_type)
#endif

#endif
