# The reader's background index on worker threads (issue 22, -j N and the
# setting jobs): the index, the entity's reports and the x list of a
# generated article of many sections (the evaluation articles' story
# paragraphs shuffled, so that names learnt in one chunk are met in later
# ones, and no line ends the story before its end; the counts in A follow
# the evaluation set as it grows, B is a seed article) are the
# same screens with -j 1, -j 2, -j 4 and the setting jobs = 3; a key
# script (tests/screens' way) runs after the index is complete, so the
# runs are alike.  Then, in a terminal, q and SIGTERM while a large
# article is being indexed end brief at once (the workers joined).
# make check also runs this suite under ThreadSanitizer.
. tests/e2e/lib.sh

E2E_DIR=$TMP
# real [BYTES]: story paragraphs (the short ones hold the lines that end a
# story) of the evaluation articles, drawn at random (seeded)
real() {
	awk -v target="$1" 'BEGIN { srand(42); RS = "" }
		length($0) >= 200 { p[n++] = $0 }
		END { while (size < target) { x = p[int(rand() * n)]
			print x "\n"; size += length(x) + 2 } }' tests/eval/*.txt
}
real 600000 >"$TMP/big.txt"
cp articles/000_b6812c9593b6cfb0.txt "$TMP/b.txt"
cat >"$TMP/index.keys" <<'EOF'
i<dump index>
<PgDn><PgDn><dump index page 3>
<PgUp><PgUp>Kim Jong<Enter><dump reports naming Kim Jong Un>
<Enter><dump opened>
x<dump x list>
<PgDn><dump x list later>
<End><dump x list end>
EOF

# index_run NAME ARGS...: the script's screens with brief ARGS into
# $TMP/NAME; 0 when brief ran it
index_run() {
	name=$1
	shift
	rm -f "$TMP/$name"
	(cd "$TMP" && TERM=xterm-256color COLUMNS=100 LINES=30 \
		BRIEF_KEYS="$TMP/index.keys" BRIEF_SCREEN_DUMP="$TMP/$name" \
		$BRIEF_WRAP "$brief_abs" --fresh "$@" big.txt b.txt \
		</dev/null >"$TMP/out" 2>"$TMP/err")
	RC=$?
	[ "$RC" -eq 0 ] && head -1 "$TMP/$name" 2>/dev/null | grep -q '^=== '
}
case $BRIEF in /*) brief_abs=$BRIEF ;; *) brief_abs=$PWD/$BRIEF ;; esac

if index_run j1 -j 1; then ok "-j 1: brief ran the key script"; else
	not_ok "-j 1: brief ran the key script" "exit status $RC" \
		"stderr: $(head -c 300 "$TMP/err")"; fi
gate
if grep -q '^=== x list end' "$TMP/j1" &&
	grep -Eq 'actor +United States +[1-9][0-9]{2} +8 +[1-9][0-9]{2}' "$TMP/j1" &&
	grep -Eq 'Kim Jong Un — [1-9][0-9]* mentions in A, 8 in B' "$TMP/j1" &&
	[ "$(grep -c '§[0-9]* .*Kim Jong Un' "$TMP/j1")" -gt 20 ]; then
	ok "-j 1: the index and the x list of Kim Jong Un are shown"
else
	not_ok "-j 1: the index and the x list of Kim Jong Un are shown" \
		"$(head -30 "$TMP/j1")"
fi
# same_as_j1 NAME FILE ARGS...: the screens with ARGS are those of -j 1
same_as_j1() {
	what=$1 file=$2
	shift 2
	if ! index_run "$file" "$@"; then
		not_ok "$what: the screens are those of -j 1" "exit status $RC" \
			"stderr: $(head -c 300 "$TMP/err")"
	elif cmp -s "$TMP/j1" "$TMP/$file"; then
		ok "$what: the screens are those of -j 1"
	else
		not_ok "$what: the screens are those of -j 1" \
			"$(diff "$TMP/j1" "$TMP/$file" | head -20)"
	fi
}
same_as_j1 "-j 2" j2 -j 2
same_as_j1 "-j 4" j4 -j 4
printf 'set reopen = off\nset jobs = 3\n' >"$XDG_CONFIG_HOME/brief/config"
same_as_j1 "set jobs = 3" set3
printf 'set reopen = off\n' >"$XDG_CONFIG_HOME/brief/config"
ungate

# a large article: quitting while it is being indexed
real 12000000 >"$TMP/large.txt"
start 100 30 -j 2 large.txt
check "-j 2 on a large article: the reader started, indexing" "indexing"
quit_ok "q while indexing quits with status 0"
gate
if [ -s "$TMP/stderr" ]; then
	not_ok "q while indexing: nothing on stderr" "$(head -c 300 "$TMP/stderr")"
else
	ok "q while indexing: nothing on stderr"
fi
ungate
start 100 30 -j 2 large.txt
check "-j 2 again: the reader started, indexing" "indexing"
pid=$(brief_pid)
if [ -n "$pid" ] && kill -TERM "$pid" && wait_exit && [ "$RC" = 143 ]; then
	ok "SIGTERM while indexing ends brief with status 143"
else
	not_ok "SIGTERM while indexing ends brief with status 143" \
		"pid '$pid', exit status $RC" "stderr: $(head -c 300 "$TMP/stderr")"
fi
finish
