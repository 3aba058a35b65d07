#!/bin/sh
# The reader's keys, with the action names bind takes, as the README's
# table (md) or the man page's KEYS entries (man), made from include/brief/ui/actions.def -- the list the
# reader's bindings and its ? screen are made from.  A test compares the
# README and the man page with this; `sh tests/tools/keys-doc.sh md`
# prints what to paste after a change of keys.
form=${1:-md}
if [ "$form" = settings ]; then
	# the settings (include/brief/ui/settings.def) as the README's table
	sed -n 's/^SETTING(\([a-z_0-9]*\), \([A-Z]*\), "\([^"]*\)", "\(.*\)")$/\1\t\2\t\3\t\4/p' \
		include/brief/ui/settings.def |
		awk -F'\t' '{
			kind = $2 == "BOOL" ? "on/off" : $2 == "NUM" ? "number" : "text"
			def = $3 == "" ? "(none)" : $3
			print "| `" $1 "` | " kind " | " def " | " $4 " |"
		}'
	exit 0
fi
sed -n 's/^ACTION(\([A-Z_]*\), "\([^"]*\)", "\(.*\)",$/\1\t\2\t\3/p' \
	include/brief/ui/actions.def |
	awk -F'\t' -v form="$form" '
	{
		name = tolower($1)
		gsub(/_/, "-", name)
		n = split($2, k, " ")
		help = $3
		gsub(/\\"/, "\"", help)
		if (form == "md") {
			s = ""
			for (i = 1; i <= n; i++)
				s = s (i > 1 ? ", " : "") "`" k[i] "`"
			gsub(/\|/, "\\|", help)
			print "| " s " | `" name "` | " help " |"
		} else {
			s = ""
			for (i = 1; i <= n; i++)
				s = s (i > 1 ? ", " : "") k[i]
			gsub(/-/, "\\-", s)
			gsub(/-/, "\\-", help)
			gsub(/-/, "\\-", name)
			print ".TP"
			print ".B " s
			print "(" name ") " help
		}
	}'
