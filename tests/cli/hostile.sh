# Hostile YAML and inputs that must be refused: each ends in a clear
# message and exit 2, quickly and in bounded memory.
. tests/cli/lib.sh
A=articles/000_b6812c9593b6cfb0.txt

# deep nesting, a huge scalar, aliases that multiply work
deep() { i=0; s=""; while [ $i -lt 200 ]; do s="$s["; i=$((i + 1)); done; echo "$s"; }
printf 'entities: %s\n' "$(deep)" >"$TMP/deep.yaml"
awk 'BEGIN { printf "entities:\n  - name: \""; for (i = 0; i < 5000000; i++) printf "x"; print "\"\n    category: actor" }' >"$TMP/huge.yaml"
cat >"$TMP/laughs.yaml" <<'Y'
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]
Y
# (no memory limit for the sanitized build: ASan reserves terabytes of
# address space)
case "$BRIEF" in
*asan*) limit() { timeout 60 "$@"; } ;;
*) limit() { ( ulimit -v 1048576 2>/dev/null; timeout 20 "$@" ); } ;;
esac

for f in deep huge laughs; do
	limit "$BRIEF" --lexicon "$TMP/$f.yaml" --entities "$A" >"$TMP/out" 2>"$TMP/err"
	RC=$?
	expect_rc "lexicon: $f refused" 2
	expect_err "lexicon: $f message names the file" "brief: $TMP/$f.yaml:"
	limit "$BRIEF" --theme "$TMP/$f.yaml" "$A" >"$TMP/out" 2>"$TMP/err" </dev/null
	RC=$?
	expect_rc "theme: $f refused" 2
	expect_err "theme: $f message names the file" "brief: $TMP/$f.yaml:"
	limit "$BRIEF" --notes "$TMP/$f.yaml" --export-notes yaml "$A" >"$TMP/out" 2>"$TMP/err"
	RC=$?
	expect_rc "notes: $f refused" 2
	expect_err "notes: $f message names the file" "brief: $TMP/$f.yaml:"
	# as front matter
	{ echo ---; cat "$TMP/$f.yaml"; echo ---; echo "Text."; } >"$TMP/fm-$f.md"
	limit "$BRIEF" --dump "$TMP/fm-$f.md" >"$TMP/out" 2>"$TMP/err"
	RC=$?
	expect_rc "front matter: $f refused" 2
	expect_err "front matter: $f message names the file" "brief: $TMP/fm-$f.md:"
done
expect_err "aliases are named in the message" "alias"

# a file that disappears while loading: a directory entry that is gone
mkdir "$TMP/dir"
cp "$A" "$TMP/dir/a.txt"
ln -s "$TMP/dir/vanished" "$TMP/dir/b.txt"
run --dump "$TMP/dir"
expect_rc "vanished file exits 2" 2
expect_err "vanished file named" "brief: $TMP/dir/b.txt: No such file or directory"

# an article of 4 GiB (sparse: no disk used) is refused before it is read
if truncate -s 4294967296 "$TMP/big.txt" 2>/dev/null; then
	run --dump "$TMP/big.txt"
	expect_rc "4 GiB article exits 2" 2
	expect_err "4 GiB article: too large" "brief: $TMP/big.txt: too large (articles must be under 4 GiB)"
	rm -f "$TMP/big.txt"
fi

# a NUL after the first MiB of a large file is mended, not binary
awk 'BEGIN { for (i = 0; i < 25000; i++) print "Kim met Trump in Hanoi and they talked about missiles.\n" }' >"$TMP/late.txt"
printf 'Late\000byte.\n' >>"$TMP/late.txt"
run --dump "$TMP/late.txt"
expect_rc "late NUL: accepted" 0
expect_out "late NUL: shown as ?" "Late?byte."
finish
