# Notes are never lost: kill -9 at any moment leaves the old or the new
# file, and the next save removes what the killed writer left; two
# processes adding notes at once keep all of them.
. tests/cli/lib.sh
A=articles/000_b6812c9593b6cfb0.txt
N="$TMP/notes.yaml"
: >"$TMP/saved"

# crash safety: a loop of saves, each killed with kill -9 at a moment
# drawn from a seeded sequence (KILL_SEED replays one); every id that was
# printed (reported saved) must be in the file, which must parse.  The
# kills land over a whole run: first count how many steps of a busy shell
# loop one add takes (no sleeping), then kill after 0-130 % of that.
add_life "$TMP" "$A"
life=$LIFE
r=${KILL_SEED:-15}
echo "# kill moments from KILL_SEED=$r, one add = $life steps"
i=0
while [ $i -lt 120 ]; do
	"$BRIEF" --notes "$N" --add-note "kill test $i" --at "Kim" "$A" \
		>"$TMP/id.$i" 2>/dev/null &
	pid=$!
	r=$(((r * 1103515245 + 12345) % 2147483648))
	steps=$((life * (r / 65536 % 131) / 100))
	s=0
	while [ $s -lt $steps ] && kill -0 $pid 2>/dev/null; do s=$((s + 1)); done
	kill -9 $pid 2>/dev/null
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
ungate
echo "# notes reported saved: $(grep -c . "$TMP/saved"), temporary files the kills left: $(ls -A "$TMP" | grep -c '^\.notes\.yaml\.')"

# the next save removes the temporary files of the killed writers (and
# of any dead writer: one is planted, so that this is always tested), and
# leaves a live process's and files of other names alone
dead=$(sh -c 'echo $$')
: >"$TMP/.notes.yaml.tmp.$dead.Zz9Yy8"
: >"$TMP/.notes.yaml.tmp.$$.Zz9Yy8"
: >"$TMP/.notes.yaml.backup"
run --notes "$N" --add-note "after the kills" --at "Kim" "$A"
expect_rc "after the kills: the next save works" 0
expect_eq "after the kills: no temporary file of a dead writer is left" \
	"$(ls -A "$TMP" | grep '^\.notes\.yaml\.' | grep -vxF -e ".notes.yaml.backup" \
		-e ".notes.yaml.tmp.$$.Zz9Yy8")" ""
if [ -e "$TMP/.notes.yaml.tmp.$$.Zz9Yy8" ] && [ -e "$TMP/.notes.yaml.backup" ]; then
	ok "after the kills: a live writer's file and other names stay"
else not_ok "after the kills: a live writer's file and other names stay" "$(ls -A "$TMP")"; fi
rm -f "$TMP/.notes.yaml.tmp.$$.Zz9Yy8" "$TMP/.notes.yaml.backup"
run --notes "$N" --export-notes yaml "$A"
expect_eq "after the kills: the file still holds every note reported saved" \
	"$(while read -r id; do grep -c "id: '$id'" "$TMP/out"; done <"$TMP/saved" | grep -cx 1)" \
	"$(grep -c . "$TMP/saved")"

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
expect_rc "unwritable directory: add fails (exit 2: the note is lost)" 2
[ -d "$TMP/ro" ] && chmod 755 "$TMP/ro"
if [ -e "$TMP/ro/notes.yaml" ]; then not_ok "unwritable directory: nothing written"; else
	ok "unwritable directory: nothing written"; fi
ungate
finish
