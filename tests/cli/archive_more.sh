#!/bin/sh
# The archive, continued: a damaged SQLite archive (a valid header,
# broken pages) is refused and never written; --add -j N gives the output
# and the database of -j 1.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh

IN="$TMP/in"
mkdir -p "$IN"
cp articles/*.txt "$IN/"
cp tests/eval/*.txt "$IN/"

run --archive "$TMP/good.db" --add "$IN"
expect_rc "the archive to damage is made" 0
gate

# damage FILE: flip bytes in pages 2 to 4 (page 1, the header, stays)
damage() {
	python3 -c '
import sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read())
for i in range(4096 + 100, min(len(b), 4 * 4096), 7):
    b[i] ^= 0x5a
open(p, "wb").write(b)
' "$1"
}

# refused NAME FILE: --add and --search leave FILE as it was, exit 2
refused() {
	cksum <"$2" >"$TMP/before"
	run --archive "$2" --add "$IN"
	expect_rc "$1: --add exits 2" 2
	if grep -qE "^brief: $2: (the archive is damaged|not a brief archive)" "$TMP/err"; then
		ok "$1: --add says the archive is damaged"
	else not_ok "$1: --add says the archive is damaged" "stderr: $ERR"; fi
	expect_eq "$1: --add leaves the file as it was" "$(cksum <"$2")" "$(cat "$TMP/before")"
	expect_eq "$1: the message is one line" "$(wc -l <"$TMP/err")" 1
	run --archive "$2" --add "$IN" -j 2
	expect_rc "$1: --add -j 2 exits 2" 2
	expect_eq "$1: --add -j 2 leaves the file as it was" "$(cksum <"$2")" "$(cat "$TMP/before")"
}

head -c 16 "$TMP/good.db" >"$TMP/magic"
expect_eq "the archive has SQLite's header" "$(cat "$TMP/magic")" "SQLite format 3"
cp "$TMP/good.db" "$TMP/cut.db"
truncate -s 8192 "$TMP/cut.db"
refused "a truncated archive" "$TMP/cut.db"
run --archive "$TMP/cut.db" --search Kim
expect_rc "a truncated archive: --search exits 2" 2
expect_err "a truncated archive: --search says it is damaged" "the archive is damaged"

cp "$TMP/good.db" "$TMP/flip.db"
damage "$TMP/flip.db"
refused "an archive with broken pages" "$TMP/flip.db"

# ---- -j N: the output and the database of -j 1 ----
# dump DB: every row of every table but the dated schema_version
dump() {
	python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for line in c.iterdump():
    if "schema_version" not in line:
        print(line)
' "$1"
}
for j in 1 2 3; do
	run --archive "$TMP/j$j.db" --add "$IN" -j "$j"
	expect_rc "--add -j $j: exit 0" 0
	printf '%s\n' "$OUT" >"$TMP/j$j.out"
	dump "$TMP/j$j.db" >"$TMP/j$j.dump"
done
expect_out "--add -j 3: says what it added" "$(ls "$IN" | wc -l | tr -d ' ') added, 0 updated"
if grep -q "INSERT INTO \"mentions\"" "$TMP/j1.dump"; then ok "--add -j 1: the archive holds mentions"
else not_ok "--add -j 1: the archive holds mentions" "$(head -c 300 "$TMP/j1.dump")"; fi
for j in 2 3; do
	if cmp -s "$TMP/j1.out" "$TMP/j$j.out"; then ok "--add -j $j: the output of -j 1"
	else not_ok "--add -j $j: the output of -j 1" "$(cat "$TMP/j$j.out")"; fi
	if cmp -s "$TMP/j1.dump" "$TMP/j$j.dump"; then ok "--add -j $j: the database of -j 1, row for row"
	else not_ok "--add -j $j: the database of -j 1, row for row" "$(diff "$TMP/j1.dump" "$TMP/j$j.dump" | head -5)"; fi
done
# the files in another order give each article the same marks
mkdir -p "$TMP/rev"
for f in $(ls "$IN" | sort -r | head -20); do cp "$IN/$f" "$TMP/rev/"; done
run --archive "$TMP/one.db" --add $(ls "$IN"/* | sort | tail -1)
run --archive "$TMP/rev.db" --add "$TMP/rev" -j 2
expect_rc "--add -j 2 of 20 files: exit 0" 0
q="SELECT e.name, m.first, m.last FROM mentions m JOIN entities e ON e.id = m.entity ORDER BY 2, 3, 1"
last=$(ls "$IN" | sort | tail -1)
a=$(python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute(sys.argv[2]).fetchall())' "$TMP/one.db" "$q")
b=$(python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute(sys.argv[2].replace("ORDER", "JOIN articles a ON a.id = m.article WHERE a.file LIKE ? ORDER"), ("%/" + sys.argv[3],)).fetchall())' "$TMP/rev.db" "$q" "$last")
if [ "${#a}" -gt 10 ] && [ "$a" = "$b" ]; then ok "an article's marks do not depend on the files added before it"
else not_ok "an article's marks do not depend on the files added before it" "alone: $(echo "$a" | head -c 200)" "after others: $(echo "$b" | head -c 200)"; fi

finish
