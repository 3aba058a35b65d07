# Key-script screens (tig's way, beside the tmux tests): each
# tests/screens/NAME.keys is fed to brief's real input loop (BRIEF_KEYS),
# the screen is rendered with no terminal at the fixed size the script
# gives (LINES, COLUMNS), and where the script says <dump TITLE> it is
# written as text (BRIEF_SCREEN_DUMP); every dump must equal its part of
# tests/screens/NAME.screen.  The script's "# args:" line gives brief's
# arguments (NOTES: a copy of the notes fixture, CORRECTIONS: an empty
# corrections file of its own), "# size:" the screen.
# Nothing on these screens depends on the machine: relative paths, the
# fixture's fixed times; the only clock on screen, the time of a note
# written during the run (any time the fixture does not hold), is masked
# as YYYY-MM-DDThh:mm.
# `make screens` (SCREENS_UPDATE=1) writes the .screen files instead, for
# a change meant to alter a screen; review the diff before committing.
. tests/cli/lib.sh
S=tests/screens

# screens NAME: run NAME.keys and compare each dump
screens() {
	name=$1 keys=$S/$1.keys
	args=$(sed -n 's/^# args: //p' "$keys")
	size=$(sed -n 's/^# size: //p' "$keys")
	cp tests/fixtures/notes/briefing.yaml "$TMP/notes.yaml"
	rm -f "$TMP/dump" "$TMP/corrections.yaml"
	# shellcheck disable=SC2086
	set -- $(echo "$args" | sed -e "s|NOTES|$TMP/notes.yaml|" \
		-e "s|CORRECTIONS|$TMP/corrections.yaml|")
	TERM=xterm-256color COLUMNS=${size%x*} LINES=${size#*x} \
		BRIEF_KEYS=$keys BRIEF_SCREEN_DUMP=$TMP/dump \
		$BRIEF_WRAP "$BRIEF" "$@" </dev/null >"$TMP/out" 2>"$TMP/err"
	RC=$?
	ERR=$(cat "$TMP/err")
	if [ "$RC" -ne 0 ] || ! head -1 "$TMP/dump" 2>/dev/null | grep -q '^=== '; then
		not_ok "$name: brief ran the script" "exit status $RC" "stderr: $ERR"
		return
	fi
	ok "$name: brief ran the script"
	mask_clock "$TMP/dump" >"$TMP/got"
	if [ -n "$SCREENS_UPDATE" ]; then
		cp "$TMP/got" "$S/$name.screen"
		ok "$name: written"
		return
	fi
	if [ ! -f "$S/$name.screen" ]; then
		not_ok "$name: screens saved" "no $S/$name.screen (make screens)"
		return
	fi
	# each dump on its own, by title
	grep '^=== ' "$S/$name.screen" | sed 's/^=== //' >"$TMP/titles"
	while IFS= read -r title; do
		part "$S/$name.screen" "$title" >"$TMP/want"
		part "$TMP/got" "$title" >"$TMP/have"
		if [ ! -s "$TMP/have" ]; then
			not_ok "$name: $title" "no such screen in the dump"
		elif cmp -s "$TMP/want" "$TMP/have"; then
			ok "$name: $title"
		else
			not_ok "$name: $title" "$(diff "$TMP/want" "$TMP/have" | head -20)"
		fi
	done <"$TMP/titles"
	if cmp -s "$TMP/got" "$S/$name.screen"; then ok "$name: no other screen"; else
		not_ok "$name: no other screen" "$(diff "$S/$name.screen" "$TMP/got" | head -5)"; fi
}
# mask_clock FILE: FILE with each minute (2024-03-01T09:15) that the
# notes fixture does not hold masked
mask_clock() {
	awk -v fixture=tests/fixtures/notes/briefing.yaml '
	BEGIN {
		re = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]"
		while ((getline l < fixture) > 0)
			while (match(l, re)) {
				known[substr(l, RSTART, RLENGTH)] = 1
				l = substr(l, RSTART + RLENGTH)
			}
	}
	{
		out = ""
		while (match($0, re)) {
			t = substr($0, RSTART, RLENGTH)
			out = out substr($0, 1, RSTART - 1) \
			      (t in known ? t : "YYYY-MM-DDThh:mm")
			$0 = substr($0, RSTART + RLENGTH)
		}
		print out $0
	}' "$1"
}
# part FILE TITLE: the rows of the dump titled TITLE
part() {
	awk -v t="=== $2" '$0 == t { on = 1; next } /^=== / { on = 0 } on' "$1"
}

for k in "$S"/*.keys; do
	screens "$(basename "$k" .keys)"
done
finish
