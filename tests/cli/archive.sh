#!/bin/sh
# The archive: --add (incremental, removed files, kill -9, two at once),
# --search (the query language, table, tsv, json, errors, values that
# look like SQL), --entity, and files that are not brief's archive.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
. tests/nobody.sh

. tests/pg.sh

# The same tests run on each backend; what differs is how a location is
# made (loc NAME), how to tell that an --add has written something, and
# the checks of foreign and read-only archives.  P prefixes the names.

# ---- SQLite ----
sqlite_loc() { echo "$TMP/$1.db"; }
# holds_some DB PID: the archive has something written, or brief ended
sqlite_holds_some() { test -s "$1-wal" || test -s "$1" || ! kill -0 "$2" 2>/dev/null; }
sqlite_foreign_checks() {
	python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("CREATE TABLE accounts(id INTEGER, name TEXT)")
c.execute("INSERT INTO accounts VALUES(1, ?)", ("x",))
c.commit()
' "$TMP/foreign.db"
	cksum "$TMP/foreign.db" >"$TMP/foreign.before"
	run --archive "$TMP/foreign.db" --add "$IN"
	expect_rc "${P}a foreign database: exit 2" 2
	expect_err "${P}a foreign database: not a brief archive" "brief: $TMP/foreign.db: not a brief archive"
	expect_eq "${P}a foreign database: untouched" "$(cksum "$TMP/foreign.db")" "$(cat "$TMP/foreign.before")"
	run --archive "$TMP/foreign.db" --search Kim
	expect_rc "${P}a foreign database, --search: exit 2" 2
	head -c 3000 /dev/urandom | od -An -tx1 >"$TMP/corrupt.db"
	cksum "$TMP/corrupt.db" >"$TMP/corrupt.before"
	run --archive "$TMP/corrupt.db" --add "$IN"
	expect_rc "${P}a file that is no database: exit 2" 2
	expect_err "${P}a file that is no database: not a brief archive" "brief: $TMP/corrupt.db: not a brief archive"
	expect_eq "${P}a file that is no database: untouched" "$(cksum "$TMP/corrupt.db")" "$(cat "$TMP/corrupt.before")"
	ls "$TMP" | grep -c 'corrupt.db-' >"$TMP/side" || true
	expect_eq "${P}a file that is no database: no -wal or -shm made beside it" "$(cat "$TMP/side")" 0
	run --archive "$TMP/none.db" --search Kim
	expect_rc "${P}--search on no archive: exit 2" 2
	expect_err "${P}--search on no archive: says how to make one" "no archive there"

	# ---- the default location ----
	run --add "$IN/a.txt"
	expect_rc "${P}--add without --archive: exit 0" 0
	if [ -f "$XDG_DATA_HOME/brief/archive.db" ]; then ok "${P}the default archive is \$XDG_DATA_HOME/brief/archive.db"
	else not_ok "${P}the default archive is \$XDG_DATA_HOME/brief/archive.db" "$(ls -R "$XDG_DATA_HOME" 2>&1)"; fi


	# ---- the default location ----
	run --add "$IN/a.txt"
	expect_rc "${P}--add without --archive: exit 0" 0
	if [ -f "$XDG_DATA_HOME/brief/archive.db" ]; then ok "${P}the default archive is \$XDG_DATA_HOME/brief/archive.db"
	else not_ok "${P}the default archive is \$XDG_DATA_HOME/brief/archive.db" "$(ls -R "$XDG_DATA_HOME" 2>&1)"; fi
}
sqlite_read_only_checks() {
	# ---- a read-only archive: a clear message, exit 2, untouched ----
	RO=$TMP/ro
	ROOT=
	if ignores_permissions; then
		if nobody_wrap; then RO=$NOBODY/ro; else ROOT=1; fi
	fi
	mkdir -p "$RO"
	cp "$DB" "$RO/arch.db"
	cp "$IN/a.txt" "$RO/new.txt"
	printf '\nA fresh line for the read-only test.\n' >>"$RO/new.txt"
	chmod 444 "$RO/arch.db"
	chmod 555 "$RO"
	cksum "$RO/arch.db" >"$TMP/ro.before"
	if [ -n "$ROOT" ]; then
		ok "${P}read-only archive: exit 2 # SKIP root ($NOBODY_WHY)"
		ok "${P}read-only archive: says it cannot write # SKIP root"
		ok "${P}read-only archive: untouched # SKIP root"
	else
		run --archive "$RO/arch.db" --add "$RO/new.txt"
		expect_rc "${P}read-only archive: exit 2" 2
		expect_err "${P}read-only archive: says it cannot write" "cannot write the archive"
		expect_eq "${P}read-only archive: untouched" "$(cksum "$RO/arch.db")" "$(cat "$TMP/ro.before")"
	fi
	chmod 755 "$RO"
	nobody_end
}

# ---- PostgreSQL ----
postgresql_loc() { pg_createdb "$1" && pg_uri "$1"; }
postgresql_holds_some() {
	hs_db=${1#*@/}
	[ "$(pg_psql "${hs_db%%\?*}" 'SELECT count(*) FROM articles' 2>/dev/null)" -gt 0 ] 2>/dev/null ||
		! kill -0 "$2" 2>/dev/null
}
postgresql_foreign_checks() {
	pg_createdb foreign
	pg_psql foreign "CREATE TABLE accounts(id INTEGER, name TEXT); INSERT INTO accounts VALUES(1, 'x')" >/dev/null
	rels="SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
	before=$(pg_psql foreign "$rels")
	run --archive "$(pg_uri foreign)" --add "$IN"
	expect_rc "${P}a foreign database: exit 2" 2
	expect_err "${P}a foreign database: not a brief archive" "brief: $(pg_uri foreign): not a brief archive"
	expect_eq "${P}a foreign database: nothing added" "$(pg_psql foreign "$rels")" "$before"
	expect_eq "${P}a foreign database: its rows are there" "$(pg_psql foreign 'SELECT name FROM accounts')" x
	run --archive "$(pg_uri foreign)" --search Kim
	expect_rc "${P}a foreign database, --search: exit 2" 2
	pg_createdb empty
	run --archive "$(pg_uri empty)" --search Kim
	expect_rc "${P}--search on an empty database: exit 2" 2
	expect_err "${P}--search on an empty database: says how to fill it" "an empty archive (brief --add"
	run --archive "postgresql://brief@/none?host=$PG_DIR&port=$PG_PORT" --search Kim
	expect_rc "${P}--search on no database: exit 2" 2
	expect_err "${P}--search on no database: cannot reach it" "cannot reach the archive"
	run --archive "postgresql://brief:secret@/none?host=$PG_DIR&port=$PG_PORT" --search Kim
	if grep -q secret "$TMP/err"; then not_ok "${P}a password is not shown in messages" "$ERR"
	else ok "${P}a password is not shown in messages"; fi
}
postgresql_read_only_checks() {
	pg_psql arch "CREATE ROLE reader LOGIN; GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader" >/dev/null
	before=$(pg_psql arch 'SELECT count(*) FROM files')
	cp "$IN/a.txt" "$TMP/new.txt"
	printf '\nA fresh line for the read-only test.\n' >>"$TMP/new.txt"
	run --archive "postgresql://reader@/arch?host=$PG_DIR&port=$PG_PORT" --add "$TMP/new.txt"
	expect_rc "${P}a read-only role: exit 2" 2
	expect_err "${P}a read-only role: says it cannot write" "cannot write the archive"
	expect_eq "${P}a read-only role: nothing written" "$(pg_psql arch 'SELECT count(*) FROM files')" "$before"
}

suite() {
	loc() { "${BACKEND}_loc" "$@"; }
	holds_some() { "${BACKEND}_holds_some" "$@"; }
	foreign_checks() { "${BACKEND}_foreign_checks"; }
	read_only_checks() { "${BACKEND}_read_only_checks"; }
	P="$BACKEND: "
	IN=$TMP/$BACKEND-in
	rm -rf "$IN"
	DB=$(loc arch)
	IN=$TMP/in
	mkdir -p "$IN"
	cp articles/000_b6812c9593b6cfb0.txt "$IN/a.txt"
	cp articles/001_ac23be4cfe9d2cdd.txt "$IN/b.txt"
	cp tests/eval/black-sea-drones.txt "$IN/c.txt"

	# every article of the archive, one file name a line (tsv)
	all_files() {
		"$BRIEF" --archive "$DB" --search 'category:actor OR NOT category:actor' \
			--limit 100000 --format tsv | cut -f1
	}

	# ---- --add ----
	run --archive "$DB" --add "$IN"
	expect_rc "${P}--add DIR: exit 0" 0
	gate
	expect_out "${P}--add DIR: three added" "3 added, 0 updated, 0 unchanged, 0 removed"
	ungate
	run --archive "$DB" --add "$IN"
	expect_out "${P}--add again: all unchanged" "0 added, 0 updated, 3 unchanged, 0 removed"
	touch -d '2001-01-01' "$IN/a.txt"
	run --archive "$DB" --add "$IN"
	expect_out "${P}--add, one file touched: the same bytes, unchanged" "0 added, 0 updated, 3 unchanged"
	printf '\nThe Hwasong-19 was shown to Zelenskyporridge observers.\n' >>"$IN/c.txt"
	run --archive "$DB" --add "$IN"
	expect_out "${P}--add, one file changed: updated" "0 added, 1 updated, 2 unchanged"
	run --archive "$DB" --search zelenskyporridge --format tsv
	expect_out "${P}--search: the changed text is found" "$IN/c.txt"

	# ---- --search ----
	run --archive "$DB" --search 'Kim'
	expect_rc "${P}--search word: exit 0" 0
	expect_out "${P}--search word: a table with the title" "North Korean leader Kim Jong Un"
	expect_out "${P}--search word: the snippet marks the word" "[Kim]"
	run --archive "$DB" --search '"sea drones"' --format tsv
	expect_eq "${P}--search \"phrase\": one hit, the right file" "$(cut -f1 "$TMP/out")" "$IN/c.txt"
	run --archive "$DB" --search 'entity:"Kim Jong Un"' --format tsv
	expect_eq "${P}--search entity:\"A B\": both seeds" "$(cut -f1 "$TMP/out" | sort | tr '\n' ' ')" "$IN/a.txt $IN/b.txt "
	run --archive "$DB" --search 'entity:"Kim Jong Un" NOT source:Canadian' --format tsv
	expect_eq "${P}--search NOT source:: the other seed" "$(cut -f1 "$TMP/out")" "$IN/a.txt"
	run --archive "$DB" --search 'source:anadian Kim' --format tsv
	expect_eq "${P}--search source:S word: the seed of that source" "$(cut -f1 "$TMP/out")" "$IN/b.txt"
	if [ "$BACKEND" = sqlite ]; then
		side=$(ls "$DB-wal" "$DB-shm" 2>/dev/null)
		expect_eq "${P}--search: no -wal or -shm left beside the archive" "$side" ""
	fi
	run --archive "$DB" --search 'date:2024-01..2024-03' --format tsv
	expect_eq "${P}--search date:FROM..TO: the dated seed" "$(cut -f1 "$TMP/out")" "$IN/a.txt"
	run --archive "$DB" --search 'date:2025..' --format tsv
	expect_eq "${P}--search date:FROM..: none" "$(cat "$TMP/out")" ""
	run --archive "$DB" --search 'drones OR "Kim Jong Un"' --format tsv
	expect_eq "${P}--search OR: three hits" "$(wc -l <"$TMP/out" | tr -d ' ')" 3
	run --archive "$DB" --search 'Kim' --limit 1 --format tsv
	expect_eq "${P}--limit 1: one hit" "$(wc -l <"$TMP/out" | tr -d ' ')" 1
	run --archive "$DB" --search 'category:weapon (drones OR missile)' --format json
	expect_rc "${P}--format json: exit 0" 0
	if python3 -c '
import json, sys
v = json.load(open(sys.argv[1]))
assert isinstance(v, list) and len(v) >= 1, v
for h in v:
    assert set(h) == {"file", "id", "title", "date", "source", "score", "snippet"}, h
    assert h["score"] > 0, h
assert any(h["file"].endswith("/c.txt") for h in v), v
' "$TMP/out"; then ok "${P}--format json: a list of {file, id, title, date, source, score, snippet}"
	else not_ok "${P}--format json: a list of {file, id, title, date, source, score, snippet}" "$(head -c 400 "$TMP/out")"; fi

	# values that look like SQL or FTS5 syntax are searched for, never run
	for q in "\"x'); DROP TABLE articles; --\"" 'NEAR(Kim drones)' 'Kim*' \
		"entity:\"Robert'); DELETE FROM files; --\"" 'source:%' 'title:'"'"'x'; do
		run --archive "$DB" --search "$q" --format tsv
		case $q in title:*) want=2 ;; *) want=0 ;; esac
		expect_rc "${P}--search '$q': exit $want" $want
	done
	expect_eq "${P}after those queries: every article is still there" \
		"$(all_files | sort | tr '\n' ' ')" "$IN/a.txt $IN/b.txt $IN/c.txt "

	# query errors: a clear message, exit 2, never SQL's words
	for q in '"not closed' 'Kim OR' 'AND Kim' '(Kim' 'Kim)' 'foo:bar' \
		'date:2024-1' 'category:tank' "x'); DROP TABLE articles; --" ''; do
		run --archive "$DB" --search "$q"
		expect_rc "${P}--search '$q': exit 2" 2
		expect_err "${P}--search '$q': says what is wrong" "brief: query: "
	done
	run --archive "$DB" --search '"not closed'
	expect_err "${P}--search: an unclosed quote is named" "a quote is not closed"
	run --archive "$DB" --search 'foo:bar'
	expect_err "${P}--search: an unknown field lists the known ones" "unknown field (entity, actor"
	run --archive "$DB" --search Kim --format yaml
	expect_rc "${P}--search --format yaml: refused" 2
	run --archive "$DB" --compare --format json "$IN/a.txt" "$IN/b.txt"
	expect_rc "${P}--compare --format json: refused" 2
	run --archive "$DB" --search Kim --limit 0
	expect_rc "${P}--limit 0: refused" 2

	# ---- --entity ----
	run --archive "$DB" --entity 'kim jong un'
	expect_rc "${P}--entity: exit 0" 0
	expect_out "${P}--entity: the name and its count" "Kim Jong Un (actor): "
	expect_out "${P}--entity: by month" "2024-01"
	expect_out "${P}--entity: by source" "The Canadian Press"
	expect_out "${P}--entity: the entities of its sentences" "North Korea (actor)"
	run --archive "$DB" --entity 'Kim Jong Un' --format json
	if python3 -c '
import json, sys
v = json.load(open(sys.argv[1]))
assert v["entity"] == "Kim Jong Un" and v["mentions"] > 0, v
assert any(c["key"] == "2024-01" for c in v["months"]), v
assert len(v["cooccurring"]) > 0
' "$TMP/out"; then ok "${P}--entity --format json: months, co-occurring"
	else not_ok "${P}--entity --format json: months, co-occurring" "$(head -c 400 "$TMP/out")"; fi
	run --archive "$DB" --entity 'Nobody Anyone'
	expect_rc "${P}--entity unknown: exit 2" 2
	expect_err "${P}--entity unknown: says so" "no entity 'Nobody Anyone' in the archive"

	# ---- tags from the notes ----
	run --notes "$TMP/notes.yaml" --add-note 'watch this #urgent' --at 'Kim' "$IN/b.txt"
	expect_rc "${P}a note with a tag" 0
	run --archive "$DB" --notes "$TMP/notes.yaml" --add "$IN"
	run --archive "$DB" --search 'tag:urgent' --format tsv
	expect_eq "${P}--search tag:: the noted article" "$(cut -f1 "$TMP/out")" "$IN/b.txt"

	# ---- removed files ----
	rm "$IN/c.txt"
	run --archive "$DB" --add "$IN"
	expect_out "${P}--add after a file went: noted removed" "0 added, 0 updated, 2 unchanged, 1 removed"
	expect_eq "${P}a removed file is not searched" "$(all_files | sort | tr '\n' ' ')" "$IN/a.txt $IN/b.txt "
	# the text index still holds its words: the search leaves it out
	run --archive "$DB" --search 'zelenskyporridge OR "sea drones"' --format tsv
	expect_rc "${P}a removed file's words: exit 0" 0
	expect_eq "${P}a removed file's words find nothing" "$(cat "$TMP/out")" ""

	# ---- archives that are not brief's: refused, untouched ----
	foreign_checks
	# ---- kill -9 during --add, then --add finishes the job ----
	BIG=$TMP/big
	mkdir -p "$BIG"
	for f in tests/eval/*.txt; do cp "$f" "$BIG/"; done
	n=$(ls "$BIG" | wc -l | tr -d ' ')
	KDB=$(loc kill)
	"$BRIEF" --archive "$KDB" --add "$BIG" >/dev/null 2>&1 &
	pid=$!
	# kill once the archive holds something (or it is done)
	poll 20 holds_some "$KDB" $pid
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	run --archive "$KDB" --add "$BIG"
	expect_rc "${P}after kill -9: --add again, exit 0" 0
	got=$(DB=$KDB all_files | wc -l | tr -d ' ')
	DB0=$DB; DB=$KDB
	expect_eq "${P}after kill -9: every article is in the archive" "$(all_files | wc -l | tr -d ' ')" "$n"
	run --archive "$KDB" --add "$BIG"
	expect_out "${P}after kill -9: a third --add finds nothing to do" "0 added, 0 updated, $n unchanged"
	DB=$DB0
	: "$got"

	# ---- two --add at once: one waits, nothing lost ----
	TDB=$(loc two)
	mkdir -p "$TMP/two1" "$TMP/two2"
	for f in tests/eval/[a-m]*.txt; do cp "$f" "$TMP/two1/"; done
	for f in tests/eval/[n-z]*.txt; do cp "$f" "$TMP/two2/"; done
	"$BRIEF" --archive "$TDB" --add "$TMP/two1" >"$TMP/two1.out" 2>&1 &
	p1=$!
	"$BRIEF" --archive "$TDB" --add "$TMP/two2" >"$TMP/two2.out" 2>&1 &
	p2=$!
	wait $p1; r1=$?
	wait $p2; r2=$?
	[ "$r1 $r2" = "0 0" ] || cat "$TMP/two1.out" "$TMP/two2.out" >&2
	expect_eq "${P}two --add at once: both exit 0" "$r1 $r2" "0 0"
	DB0=$DB; DB=$TDB
	expect_eq "${P}two --add at once: every article is there" "$(all_files | wc -l | tr -d ' ')" "$n"
	DB=$DB0

	# ---- a read-only archive: a clear message, exit 2, untouched ----
	read_only_checks

}

# libpq is loaded when a PostgreSQL archive is opened, not at start-up
# (its TLS, Kerberos and LDAP libraries cost milliseconds there)
LD_DEBUG=files "$BRIEF" --dump articles/000_b6812c9593b6cfb0.txt \
	>"$TMP/out" 2>"$TMP/ld"
if ! grep -q 'file=libc\.so' "$TMP/ld"; then
	not_ok "start-up: the loader's list is there" "$(head -5 "$TMP/ld")"
elif grep -q 'file=libpq' "$TMP/ld"; then
	not_ok "start-up: libpq is not loaded" "$(grep 'file=libpq' "$TMP/ld")"
else
	ok "start-up: libpq is not loaded"
fi

BACKEND=sqlite
suite
BACKEND=postgresql
if pg_start; then
	trap 'pg_stop; cleanup' EXIT
	suite
	LD_DEBUG=files "$BRIEF" --archive "$DB" --search Kim >"$TMP/out" \
		2>"$TMP/ld"
	if grep -q 'file=libpq' "$TMP/ld" && grep -q 'Kim' "$TMP/out"; then
		ok "postgresql: libpq is loaded for the archive, which answers"
	else
		not_ok "postgresql: libpq is loaded for the archive, which answers" \
			"$(grep 'file=libpq' "$TMP/ld")" "$(head -3 "$TMP/out")"
	fi
	pg_stop
	trap cleanup EXIT
elif [ -n "${P}G_SKIP" ]; then
	ok "postgresql: every test # SKIP skipped: $PG_WHY"
else
	not_ok "postgresql: the test server starts" "${P}G_WHY"
fi

finish
