# Notes are never lost: kill -9 at any moment leaves the old or the new
# file, and two processes adding notes at once keep all of them.
. tests/cli/lib.sh
A=articles/000_b6812c9593b6cfb0.txt
N="$TMP/notes.yaml"
: >"$TMP/saved"

# crash safety: start an add, kill it at varied moments; every id that
# was printed (reported saved) must be in the file, which must parse
i=0
while [ $i -lt 120 ]; do
	"$BRIEF" --notes "$N" --add-note "kill test $i" --at "Kim" "$A" \
		>"$TMP/id.$i" 2>/dev/null &
	pid=$!
	case $((i % 4)) in
	0) kill -9 $pid 2>/dev/null ;;
	1) : ;;
	2) kill -0 $pid 2>/dev/null && kill -9 $pid 2>/dev/null ;;
	3) wait $pid ;;
	esac
	wait $pid 2>/dev/null
	cat "$TMP/id.$i" >>"$TMP/saved" 2>/dev/null
	i=$((i + 1))
done
run --notes "$N" --export-notes yaml "$A"
expect_rc "after kill -9s the notes file parses" 0
missing=0
while read -r id; do
	[ -n "$id" ] || continue
	grep -q "id: '$id'" "$TMP/out" || missing=$((missing + 1))
done <"$TMP/saved"
expect_eq "some notes were saved" "$([ -s "$TMP/saved" ] && echo yes)" yes
gate
expect_eq "every note reported saved is there" "$missing" 0
if ls "$TMP"/.notes.yaml.* >/dev/null 2>&1; then
	ok "temporary files of killed writers may remain # harmless, never read"
else ok "no temporary file left"; fi
ungate

# concurrency: two writers, 40 notes each, at the same time
M="$TMP/shared.yaml"
writer() {
	j=0
	while [ $j -lt 40 ]; do
		"$BRIEF" --notes "$M" --add-note "$1 $j" --at "Trump" "$A" >>"$TMP/ids.$1" ||
			echo "failed $1 $j" >>"$TMP/fail"
		j=$((j + 1))
	done
}
writer one &
p1=$!
writer two &
p2=$!
wait $p1 $p2
run --notes "$M" --export-notes yaml "$A"
expect_rc "shared file parses" 0
expect_eq "no add failed" "$(cat "$TMP/fail" 2>/dev/null | wc -l)" 0
expect_eq "all 80 notes from both writers" "$(grep -c "^- id:" "$TMP/out")" 80

# a directory that cannot be written: nothing is saved, and brief says so
# (as root, permissions do not stop writes: a path under a regular file
# is unwritable for everyone)
mkdir "$TMP/ro"
chmod 555 "$TMP/ro"
if touch "$TMP/ro/probe" 2>/dev/null; then
	rm -f "$TMP/ro/probe"
	chmod 755 "$TMP/ro"
	rmdir "$TMP/ro"
	: >"$TMP/ro"
fi
run --notes "$TMP/ro/notes.yaml" --add-note 'x' --at 'Kim' "$A"
expect_err "unwritable directory: says notes cannot be saved" "cannot be saved"
gate
expect_rc "unwritable directory: add fails" 1
[ -d "$TMP/ro" ] && chmod 755 "$TMP/ro"
if [ -e "$TMP/ro/notes.yaml" ]; then not_ok "unwritable directory: nothing written"; else
	ok "unwritable directory: nothing written"; fi
ungate
finish
