# Snapshots of the batch outputs: each case runs brief from the top of the
# tree with relative paths and compares stdout, byte for byte, with a file
# saved in tests/snapshots/.  `make snapshots` (SNAPSHOT_UPDATE=1) writes
# the files instead, for a change that means to alter an output; review
# the diff before committing it.
. tests/cli/lib.sh
S=tests/snapshots
A=articles/000_b6812c9593b6cfb0.txt
B=articles/001_ac23be4cfe9d2cdd.txt
E=tests/eval
# the notes fixture, copied so that nothing can write the original; its
# times are fixed, and no output names its (temporary) path
cp tests/fixtures/notes/briefing.yaml "$TMP/notes.yaml"
N="$TMP/notes.yaml"
# notes show their times in the local time zone: a fixed one
TZ=KST-9
export TZ

# snap NAME ARGS...: brief ARGS exits 0, prints something, and prints
# exactly tests/snapshots/NAME
snap() {
	name=$1
	shift
	run "$@" </dev/null
	if [ "$RC" -ne 0 ] || [ ! -s "$TMP/out" ]; then
		not_ok "$name: brief ran" "exit status $RC, $(wc -c <"$TMP/out") bytes" \
			"stderr: $ERR"
		return
	fi
	if [ -n "$SNAPSHOT_UPDATE" ]; then
		cp "$TMP/out" "$S/$name"
		ok "$name: written"
	elif [ ! -f "$S/$name" ]; then
		not_ok "$name: snapshot saved" "no $S/$name (make snapshots)"
	elif cmp -s "$TMP/out" "$S/$name"; then
		ok "$name: same as $S/$name"
	else
		not_ok "$name: same as $S/$name" \
			"$(diff "$S/$name" "$TMP/out" | head -12)"
	fi
}

snap dump.txt --dump "$A" "$B" "$E"/*.txt
snap mentions.tsv --mentions "$A" "$B" "$E"/*.txt
snap entities-seeds.tsv --entities "$A" "$B"
snap entities-eval.tsv --entities "$E"/*.txt
snap aliases.tsv --aliases

# comparisons: the seed pair and eval pairs on one subject
while IFS=: read -r pair a b; do
	snap "compare-$pair.md" --compare "$a" "$b"
	snap "compare-$pair.yaml" --compare --format yaml "$a" "$b"
	snap "briefing-$pair.md" --notes "$N" --briefing "$a" "$b"
done <<PAIRS
seeds:$A:$B
israel-iran:$E/israel-iran.txt:$E/iran-drones.txt
korea:$E/korea-arms.txt:$E/analysis-north-korea-russia.txt
south-china-sea:$E/scs-collision.txt:$E/briefing-south-china-sea.txt
sahel:$E/sahel-mali.txt:$E/sahel-russia-africa-corps.txt
taiwan:$E/taiwan-drills.txt:$E/us-arms-taiwan.txt
PAIRS

snap export-notes.md --notes "$N" --export-notes markdown "$A" "$B"
snap export-notes.yaml --notes "$N" --export-notes yaml "$A" "$B"
snap export-notes-b.md --notes "$N" --export-notes markdown "$B"
if cmp -s "$N" tests/fixtures/notes/briefing.yaml; then
	ok "the notes fixture is left as it was"
else
	not_ok "the notes fixture is left as it was"
fi
finish
