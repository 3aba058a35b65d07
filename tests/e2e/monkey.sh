# Monkey test: tens of thousands of random keys, resizes, mouse clicks and escape
# sequences against brief (make check: the sanitized build too), with
# notes being added.  The seed is printed so that a failure can be
# replayed: MONKEY_SEED=N MONKEY_KEYS=N sh tests/e2e/monkey.sh
. tests/e2e/lib.sh
SEED=${MONKEY_SEED:-20261122}
KEYS=${MONKEY_KEYS:-20000}
echo "# monkey: seed $SEED, $KEYS keys"
N="$TMP/notes.yaml"
start 120 40 --notes "$N" articles
check "monkey: reader open" "North Korean leader"

# the plan: one action per line, from a seeded generator
awk -v seed="$SEED" -v n="$KEYS" 'BEGIN {
	srand(seed)
	split("j k g G d u b n N e E ] [ x i z s Tab Space Up Down PgUp PgDn Home End Left Right Enter Escape BSpace a A > < U c t o ? / C-l C-o C-j C-a C-e C-u w h l 0 $ ( ) H M L v V y C-y", K, " ")
	nk = 0; for (i in K) nk++
	for (i = 0; i < n; i++) {
		r = rand()
		if (r < 0.01) printf "resize %d %d\n", 10 + int(rand() * 240), 4 + int(rand() * 76)
		else if (r < 0.02) printf "mouse %d %d\n", int(rand() * 100), int(rand() * 30)
		else if (r < 0.04) printf "text Note %d #t%d é中\n", i, int(rand() * 3)
		else if (r < 0.05) print "note"
		else printf "key %s\n", K[1 + int(rand() * nk)]
	}
}' >"$TMP/plan"

batch=""
flush() { [ -n "$batch" ] && tmux -L "$SOCK" send-keys $batch; batch=""; }
while read -r kind a b; do
	case $kind in
	key) batch="$batch $a"
	     [ ${#batch} -gt 150 ] && flush ;;
	resize) flush; resize "$a" "$b" ;;
	mouse) flush
	       # an X10 mouse click (button 1 press) at column a, row b
	       tmux -L "$SOCK" send-keys -H 1b 5b 4d 20 \
		       "$(printf '%x' $((a % 200 + 33)))" "$(printf '%x' $((b % 60 + 33)))" ;;
	text) flush; type_text "$a $b" ;;
	note) flush; keys Escape Escape Escape e a; type_text "monkey note"; keys Enter ;;
	esac
	# stop early if brief died
	[ -s "$TMP/rc" ] && break
done <"$TMP/plan"
flush
resize 120 40
# one more note at a known size, so that the file has at least one
keys Escape Escape Escape e a
type_text "final monkey note"
keys Enter
wait_for "note saved" >/dev/null || :
if [ -s "$TMP/rc" ]; then
	not_ok "monkey: brief still running after the keys (seed $SEED)" \
		"exit status $(cat "$TMP/rc")" "$(cat "$TMP/stderr" | head -20)"
else
	ok "monkey: brief still running after the keys"
fi
# leave whatever is open, then quit
i=0
while [ ! -s "$TMP/rc" ] && [ $i -lt 30 ]; do
	keys Escape Escape q
	i=$((i + 1))
	wait_for "no such text" >/dev/null 2>&1 || :
done
wait_exit
expect_eq "monkey: exits with status 0 (seed $SEED)" "$RC" 0
gate
if grep -qE 'Sanitizer|runtime error' "$TMP/stderr"; then
	not_ok "monkey: no sanitizer report (seed $SEED)" "$(head -20 "$TMP/stderr")"
else ok "monkey: no sanitizer report"; fi
ungate
run --notes "$N" --export-notes yaml articles
expect_rc "monkey: the notes file still parses" 0
# (counting deleted ones too: the monkey presses U and d as well)
if [ "$(grep -c "^- id:" "$N" 2>/dev/null)" -ge 1 ]; then
	ok "monkey: notes were added on the way"
else
	not_ok "monkey: notes were added on the way" "no note in $N"
fi
finish
