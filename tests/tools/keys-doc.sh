#!/bin/sh
# The reader's keys as the README's table (md) or the man page's KEYS
# entries (man), made from include/brief/ui/actions.def -- the list the
# reader's bindings and its ? screen are made from.  A test compares the
# README and the man page with this; `sh tests/tools/keys-doc.sh md`
# prints what to paste after a change of keys.
form=${1:-md}
sed -n 's/^ACTION([A-Z_]*, "\([^"]*\)", "\(.*\)",$/\1\t\2/p' \
	include/brief/ui/actions.def |
	awk -F'\t' -v form="$form" '
	{
		n = split($1, k, " ")
		help = $2
		gsub(/\\"/, "\"", help)
		if (form == "md") {
			s = ""
			for (i = 1; i <= n; i++)
				s = s (i > 1 ? ", " : "") "`" k[i] "`"
			gsub(/\|/, "\\|", help)
			print "| " s " | " help " |"
		} else {
			s = ""
			for (i = 1; i <= n; i++)
				s = s (i > 1 ? ", " : "") k[i]
			gsub(/-/, "\\-", s)
			gsub(/-/, "\\-", help)
			print ".TP"
			print ".B " s
			print help
		}
	}'
