# Reopen where you left off (issue 20): the position, the panes and the
# selection per article, kept in $XDG_STATE_HOME/brief/places; --fresh
# and `set reopen = off` skip it; a damaged places file is no reason not
# to start.
. tests/e2e/lib.sh

cp -R articles "$TMP/articles"
E2E_DIR=$TMP
A=articles/000_b6812c9593b6cfb0.txt
B=articles/001_ac23be4cfe9d2cdd.txt
printf 'set reopen = on\n' >"$XDG_CONFIG_HOME/brief/config"

start 100 24 "$A" "$B"
check "first session open" "North Korean leader Kim Jong Un has recently"
keys 5 G
check_line "moved to §5" " A articles/000_b6812c9593b6cfb0.txt  §5"
keys e
check_line "a mention selected" ": [0-9]+ in A, [0-9]+ in B"
quit_ok "quit the first session"
if [ -s "$XDG_STATE_HOME/brief/places" ]; then ok "the places file is written"; else
	not_ok "the places file is written" "no $XDG_STATE_HOME/brief/places"; fi

start 100 24 "$A" "$B"
check_line "reopened at §5" " A articles/000_b6812c9593b6cfb0.txt  §5"
check_line "the selection is back" ": [0-9]+ in A, [0-9]+ in B"
quit_ok "quit the second session"

# a moved copy of the article (another path, same bytes) is found by id
cp "$A" "$TMP/copy.txt"
touch -d '2001-01-01' "$TMP/copy.txt"
start 100 24 copy.txt "$B"
check_line "a copy elsewhere reopens where the article was left" " A copy.txt  §5"
quit_ok "quit the copy"

start 100 24 --fresh "$A" "$B"
check_line "--fresh opens at the top" " A articles/000_b6812c9593b6cfb0.txt  §1–"
quit_ok "quit the fresh session"

# the panes: B shown in A's place with another article beside it
start 100 24 "$B" "$A"
keys Tab 2 G
quit_ok "quit with B first"
start 100 24 "$B" "$A"
check "B first, B's pane as left" "B North Korean leader Kim Jong Un has recently"
check_line "the focus is back on pane B at §2" " B articles/000_b6812c9593b6cfb0.txt  §2"
quit_ok "quit again"

# a large article (more than its quick id's two ends) copied elsewhere is
# found by its quick id, which the record holds after its content id
i=0
while [ $i -lt 50 ]; do cat "$A"; echo; i=$((i + 1)); done >"$TMP/big.txt"
start 100 24 big.txt
check "the large article open" "North Korean leader Kim Jong Un has recently"
keys 7 G
check_line "the large article at §7" " A big.txt  §7"
quit_ok "quit the large article"
if grep -Eq '^[0-9a-f]{16}:[0-9a-f]{16} [0-9]+ .* big\.txt$' \
	"$XDG_STATE_HOME/brief/places"; then
	ok "the record holds the quick id"
else
	not_ok "the record holds the quick id" "$(cat "$XDG_STATE_HOME/brief/places")"
fi
cp "$TMP/big.txt" "$TMP/big-copy.txt"
touch -d '2001-01-01' "$TMP/big-copy.txt"
start 100 24 big-copy.txt
check_line "its copy reopens at §7" " A big-copy.txt  §7"
quit_ok "quit the large copy"

# a record written without a quick id is found by the content id
sed -E 's/^([0-9a-f]{16}):[0-9a-f]{16} /\1 /; s/ ([0-9a-f]{16}):[0-9a-f]{16} / \1 /' \
	"$XDG_STATE_HOME/brief/places" >"$TMP/places.old"
if grep -q ':' "$TMP/places.old"; then
	not_ok "the old form made" "$(cat "$TMP/places.old")"
else
	ok "the old form made"
fi
cp "$TMP/places.old" "$XDG_STATE_HOME/brief/places"
cp "$TMP/big.txt" "$TMP/big-other.txt"
touch -d '2002-02-02' "$TMP/big-other.txt"
start 100 24 big-other.txt
check_line "an old record: the copy reopens at §7 by content id" " A big-other.txt  §7"
quit_ok "quit the old record's copy"

# ... but only a file of at most 1 MiB: a larger one is not hashed whole
# before its first screen for a record that has no quick id
i=0
while [ $i -lt 8 ]; do cat "$TMP/big.txt"; i=$((i + 1)); done >"$TMP/huge.txt"
start 100 24 huge.txt
check "the 1.4 MB article open" "North Korean leader Kim Jong Un has recently"
keys 7 G
check_line "the 1.4 MB article at §7" " A huge.txt  §7"
quit_ok "quit the 1.4 MB article"
sed -E 's/^([0-9a-f]{16}):[0-9a-f]{16} /\1 /' "$XDG_STATE_HOME/brief/places" \
	>"$TMP/places.old"
cp "$TMP/places.old" "$XDG_STATE_HOME/brief/places"
cp "$TMP/huge.txt" "$TMP/huge-other.txt"
touch -d '2002-02-02' "$TMP/huge-other.txt"
start 100 24 huge-other.txt
check_line "an old record, a copy over 1 MiB: at the top, not hashed" \
	" A huge-other.txt  §1–"
quit_ok "quit the old record's large copy"

# a damaged places file: ignored, the article opens at the top
printf 'garbage\n\001\002 1 2 3\nx y z\n' >"$XDG_STATE_HOME/brief/places"
start 100 24 "$A" "$B"
check_line "a damaged places file: opens at the top" " A articles/000_b6812c9593b6cfb0.txt  §1–"
quit_ok "quit after the damaged file"

# off in the config
printf 'set reopen = off\n' >"$XDG_CONFIG_HOME/brief/config"
start 100 24 "$A" "$B"
keys 4 G
quit_ok "quit with reopen off"
start 100 24 "$A" "$B"
check_line "reopen off: at the top" " A articles/000_b6812c9593b6cfb0.txt  §1–"
quit_ok "quit"
finish
