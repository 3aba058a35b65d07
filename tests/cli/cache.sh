# The engine cache ($XDG_CACHE_HOME/brief/engine.cache): used when good,
# rebuilt when a data file changed or the file is damaged (truncated,
# bytes flipped, another version's), left good by two processes building
# it at once, and the output is the same with it and without it.
. tests/cli/lib.sh
A=articles/000_b6812c9593b6cfb0.txt
B=articles/001_ac23be4cfe9d2cdd.txt
C="$XDG_CACHE_HOME/brief/engine.cache"

inode() { ls -i "$1" 2>/dev/null | cut -d' ' -f1; }
# good NAME: the cache is the good one again (byte for byte)
good() {
	if cmp -s "$C" "$TMP/good.cache"; then ok "$1"; else
		not_ok "$1" "the cache is not the one a clean build writes" \
			"size $(wc -c <"$C" 2>/dev/null) against $(wc -c <"$TMP/good.cache")"
	fi
}
# same_mentions NAME: --mentions of A gives what it gave without a cache
same_mentions() {
	run --mentions "$A"
	if [ "$RC" -eq 0 ] && cmp -s "$TMP/out" "$TMP/want"; then ok "$1"; else
		not_ok "$1" "exit $RC; output differs from the uncached run" \
			"stderr: $ERR"
	fi
}
# flip OFFSET: overwrite one byte of the cache at OFFSET
flip() {
	printf '\377' | dd of="$C" bs=1 seek="$1" conv=notrunc 2>/dev/null
}

BRIEF_NO_CACHE=1 run --mentions "$A"
expect_rc "brief runs without a cache" 0
gate
cp "$TMP/out" "$TMP/want"
if [ -s "$TMP/want" ] && [ ! -e "$C" ]; then ok "BRIEF_NO_CACHE=1 writes no cache"
else not_ok "BRIEF_NO_CACHE=1 writes no cache" "$(ls -l "$C" 2>&1)"; fi

same_mentions "the first run builds the engine (same output)"
if [ -s "$C" ]; then ok "the first run writes the cache"; else
	not_ok "the first run writes the cache" "no $C"; fi
cp "$C" "$TMP/good.cache"
i1=$(inode "$C")
same_mentions "a run from the cache gives the same output"
expect_eq "a good cache is used, not rewritten" "$(inode "$C")" "$i1"
ungate

# damage it in every way; each time it must be refused and rebuilt
head -c 1000 "$TMP/good.cache" >"$C"
same_mentions "a truncated cache: same output"
good "a truncated cache is rebuilt"
size=$(wc -c <"$C")
head -c $((size - 1)) "$TMP/good.cache" >"$C"
same_mentions "a cache one byte short: same output"
good "a cache one byte short is rebuilt"
for off in 0 12 20 28 100 $((size / 2)) $((size - 1)); do
	cp "$TMP/good.cache" "$C"
	flip "$off"
	same_mentions "a byte flipped at $off: same output"
	good "a byte flipped at $off: rebuilt"
done
cp "$TMP/good.cache" "$C"
printf 'extra' >>"$C"
same_mentions "bytes appended: same output"
good "bytes appended: rebuilt"
: >"$C"
same_mentions "an empty cache: same output"
good "an empty cache is rebuilt"
# another version's cache: its key differs (the key hashes brief's
# version and the format); stand in by changing the key's bytes
cp "$TMP/good.cache" "$C"
printf 'XXXXXXXX' | dd of="$C" bs=1 seek=8 conv=notrunc 2>/dev/null
same_mentions "a cache of another version: same output"
good "a cache of another version is rebuilt"
# a cache that is no file at all
rm -f "$C"
mkdir "$C"
same_mentions "a directory where the cache goes: same output"
rmdir "$C"

# a data file changes: the cache is stale and rebuilt, and the change
# is seen
mkdir -p "$TMP/data"
cp data/*.yaml "$TMP/data/"
printf '\n  - name: Zorblax Institute\n    category: actor\n    kind: organisation\n' \
	>>"$TMP/data/lexicon.yaml"
printf 'Officials at the Zorblax Institute said nothing.\n' >"$TMP/z.txt"
BRIEF_DATADIR="$TMP/data" run --mentions "$TMP/z.txt"
expect_rc "a changed lexicon: brief runs" 0
expect_out "a changed lexicon is seen (not the stale cache)" "Zorblax Institute"
if cmp -s "$C" "$TMP/good.cache"; then
	not_ok "a stale cache is replaced" "the cache still holds the old lexicon"
else ok "a stale cache is replaced"; fi
BRIEF_DATADIR="$TMP/data" run --mentions "$TMP/z.txt"
expect_out "the new cache gives the change too" "Zorblax Institute"
same_mentions "back to the shipped data: same output"
good "back to the shipped data: the cache is rebuilt"

# the data files' stat records stand in for their content only while
# nothing changed: files copied (new inodes, same content) are hashed,
# the cache is used and kept with their records; an edit that keeps the
# size, the inode and the modification time is still seen (the change
# time moves on every write and cannot be set back)
mkdir -p "$TMP/d2"
cp data/*.yaml "$TMP/d2/"
printf '\n  - name: Zorblax Institute\n    category: actor\n    kind: organisation\n    aliases: [Krembo]\n' \
	>>"$TMP/d2/lexicon.yaml"
touch -d '2020-01-02 03:04:05' "$TMP/d2/lexicon.yaml"
printf 'Officials said Krembo would not comment.\n' >"$TMP/k.txt"
BRIEF_DATADIR="$TMP/d2" run --mentions "$TMP/k.txt"
expect_out "copied data files: the engine made from them" "Zorblax Institute"
gate
# a file changed in the last two seconds may change again with the same
# times: its record is kept only once it is older (the next runs hash
# it and write the cache again); until then each run replaces the file
kept() { # 0 when a run leaves the cache file as it was
	k0=$(inode "$C")
	BRIEF_DATADIR="$TMP/d2" "$BRIEF" --mentions "$TMP/k.txt" >"$TMP/out" 2>&1
	[ "$(inode "$C")" = "$k0" ] && [ -n "$k0" ]
}
POLL_STEP=0.1 poll 20 kept
expect_eq "the records kept: a run leaves the cache as it is" $? 0
cp "$C" "$TMP/kept.cache"
cp "$TMP/d2/highlight.yaml" "$TMP/d2/highlight.new"
mv "$TMP/d2/highlight.new" "$TMP/d2/highlight.yaml"
BRIEF_DATADIR="$TMP/d2" run --mentions "$TMP/k.txt"
expect_out "a data file replaced by a copy: still marked" "Zorblax Institute"
if cmp -s "$C" "$TMP/kept.cache"; then
	not_ok "a copy: the cache is kept with the new record" "the same file"
elif hl=$(od -An -t u8 -j 40 -N 8 "$C" | tr -d ' ') &&
	[ "$(wc -c <"$C")" -ne "$(wc -c <"$TMP/kept.cache")" ] ||
	! cmp -s -i $((48 + hl * 40)):$((48 + hl * 40)) "$C" "$TMP/kept.cache"; then
	not_ok "a copy: the cache is kept with the new record" \
		"the payload differs from the one before"
else ok "a copy: the cache is kept with the new record"; fi
POLL_STEP=0.1 poll 20 kept
expect_eq "the new records kept in turn" $? 0
# the edit: one byte in place, the modification time put back (the
# header: magic, checksum, four numbers, the count of files at 40, 40
# bytes of record each)
off=$(grep -abo 'Krembo' "$TMP/d2/lexicon.yaml" | cut -d: -f1)
printf 'q' | dd of="$TMP/d2/lexicon.yaml" bs=1 seek=$((off + 5)) \
	conv=notrunc 2>/dev/null
touch -d '2020-01-02 03:04:05' "$TMP/d2/lexicon.yaml"
printf 'Officials said Krembq would not comment.\n' >"$TMP/q.txt"
BRIEF_DATADIR="$TMP/d2" run --mentions "$TMP/q.txt"
expect_out "same size, inode and modification time: the edit is seen" \
	"Zorblax Institute"
ungate

# two processes building it at once leave a good cache
for round in 1 2 3; do
	rm -f "$C"
	"$BRIEF" --mentions "$A" >"$TMP/p1" 2>&1 &
	p1=$!
	"$BRIEF" --mentions "$A" >"$TMP/p2" 2>&1 &
	p2=$!
	wait $p1
	r1=$?
	wait $p2
	r2=$?
	if [ $r1 -eq 0 ] && [ $r2 -eq 0 ] && cmp -s "$TMP/p1" "$TMP/want" &&
		cmp -s "$TMP/p2" "$TMP/want"; then
		ok "two builders at once (round $round): both give the output"
	else
		not_ok "two builders at once (round $round): both give the output" \
			"exit $r1 and $r2"
	fi
	good "two builders at once (round $round): a good cache"
done
left=$(ls -a "$XDG_CACHE_HOME/brief" | grep -c tmp)
expect_eq "no temporary file left in the cache folder" "$left" 0

# the article rules' cache ($XDG_CACHE_HOME/brief/article.cache): made
# by a run, used, rebuilt when damaged or when article.yaml changes
R="$XDG_CACHE_HOME/brief/article.cache"
rm -f "$R"
run --dump "$A"
expect_rc "a run with the rules' cache missing" 0
cp "$TMP/out" "$TMP/dump.want"
if [ -s "$R" ]; then ok "the first run writes the rules' cache"; else
	not_ok "the first run writes the rules' cache" "no $R"; fi
cp "$R" "$TMP/good.rules"
r1=$(inode "$R")
run --dump "$A"
expect_eq "a good rules' cache is used, not rewritten" "$(inode "$R")" "$r1"
if cmp -s "$TMP/out" "$TMP/dump.want"; then ok "the rules from the cache: the same dump"
else not_ok "the rules from the cache: the same dump" "$(head -c 300 "$TMP/out")"; fi
rsize=$(wc -c <"$R")
for off in 12 $((rsize / 2)) $((rsize - 1)); do
	cp "$TMP/good.rules" "$R"
	printf '\377' | dd of="$R" bs=1 seek="$off" conv=notrunc 2>/dev/null
	run --dump "$A"
	if [ "$RC" -eq 0 ] && cmp -s "$TMP/out" "$TMP/dump.want" &&
		cmp -s "$R" "$TMP/good.rules"; then
		ok "the rules' cache with a byte flipped at $off: same dump, rebuilt"
	else
		not_ok "the rules' cache with a byte flipped at $off: same dump, rebuilt" \
			"exit $RC; $(cmp "$R" "$TMP/good.rules" 2>&1)"
	fi
done
# a boilerplate rule added to article.yaml is seen, then the shipped
# rules again
mkdir -p "$TMP/d3"
cp data/*.yaml "$TMP/d3/"
awk '{ print } /^boilerplate:/ { print "  - name: zorblax"; print "    pattern: \x27^Zorblax notice\x27" }' \
	data/article.yaml >"$TMP/d3/article.yaml"
printf 'Officials said the talks went on for a day.\n\nZorblax notice: the river is wide and the hills are green.\n\nThe talks ended on Friday.\n' >"$TMP/zr.txt"
kinds() { grep "kind:" "$TMP/out" | tr -d "\n -"; }
BRIEF_DATADIR="$TMP/d3" run --dump "$TMP/zr.txt"
expect_eq "a changed article.yaml is seen (not the stale rules)" "$(kinds)" \
	"kind:'lead'kind:'boilerplate'kind:'body'"
run --dump "$TMP/zr.txt"
expect_eq "back to the shipped article.yaml: its rules" "$(kinds)" \
	"kind:'lead'kind:'body'kind:'body'"
if cmp -s "$R" "$TMP/good.rules"; then ok "back to the shipped rules: the cache is rebuilt"
else not_ok "back to the shipped rules: the cache is rebuilt" "it differs"; fi

# the same output with and without the cache, on the seeds and the
# evaluation articles
same_all() { # NAME ARGS...
	name=$1
	shift
	BRIEF_NO_CACHE=1 "$BRIEF" "$@" >"$TMP/nc" 2>&1
	r0=$?
	"$BRIEF" "$@" >"$TMP/wc" 2>&1
	r1=$?
	if [ $r0 -eq 0 ] && [ $r1 -eq 0 ] && [ -s "$TMP/nc" ] &&
		cmp -s "$TMP/nc" "$TMP/wc"; then ok "$name"; else
		not_ok "$name" "exit $r0 and $r1; $(wc -c <"$TMP/nc") and $(wc -c <"$TMP/wc") bytes"
	fi
}
same_all "--dump on the seeds and evaluation articles: the same with the caches" \
	--dump "$A" "$B" tests/eval/*.txt
same_all "--mentions on the seeds: the same with the cache" --mentions "$A" "$B"
same_all "--entities on the seeds: the same" --entities "$A" "$B"
same_all "--compare on the seeds: the same" --compare "$A" "$B"
same_all "--mentions on the evaluation articles: the same" --mentions tests/eval/*.txt
same_all "--entities on the evaluation articles: the same" --entities tests/eval/*.txt
same_all "--compare on evaluation articles: the same" --compare \
	tests/eval/armenia-azerbaijan.txt tests/eval/arctic-northern-fleet.txt

cleanup
finish
