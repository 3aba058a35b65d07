#!/bin/sh
# A private PostgreSQL server for the archive's tests, in a fresh folder:
# initdb, then pg_ctl on a socket in that folder only (listen_addresses
# is empty: no TCP), so the port number cannot meet another server's and
# nothing is left behind.  As root (initdb refuses to run as root) the
# server runs as the user nobody (setpriv, as tests/nobody.sh does).
#
# Sourced:  pg_start (sets PG_DIR, PG_PORT; 1 with PG_WHY when there is
#           no server: PG_SKIP=1 when the binaries are absent, the one
#           case a suite may skip), pg_createdb NAME, pg_uri NAME,
#           pg_psql NAME SQL, pg_stop.
# Run:      sh tests/pg.sh start   prints "DIR PORT", or the reason and
#                                  exits 77 (skip) or 1 (failure)
#           sh tests/pg.sh stop DIR
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${PG_PORT:-5432}

# pg_as COMMAND...: run COMMAND as the server's user.
pg_as() {
	if [ "$(id -u)" = 0 ]; then
		setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
	else
		"$@"
	fi
}

pg_start() {
	PG_WHY=
	PG_SKIP=
	PG_DIR=
	if [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pg_ctl" ] ||
		[ ! -x "$PG_BIN/postgres" ]; then
		PG_WHY="PostgreSQL server binaries not found ($PG_BIN)"
		PG_SKIP=1
		return 1
	fi
	if [ "$(id -u)" = 0 ] && ! { command -v setpriv >/dev/null 2>&1 &&
		pg_as true 2>/dev/null; }; then
		PG_WHY="root, and the server cannot be run as nobody (setpriv)"
		PG_SKIP=1
		return 1
	fi
	# a socket's path is at most 107 bytes: a long $TMPDIR gives way to
	# /tmp; the folder must be the server user's
	for base in "${TMPDIR:-/tmp}" /tmp /var/tmp; do
		[ ${#base} -le 60 ] || continue
		d=$(mktemp -d "$base/brief-pg.XXXXXX" 2>/dev/null) || continue
		if [ "$(id -u)" = 0 ]; then chown 65534:65534 "$d"; fi
		if pg_as test -w "$d" 2>/dev/null; then PG_DIR=$d; break; fi
		rm -rf "$d"
	done
	if [ -z "$PG_DIR" ]; then
		PG_WHY="no short folder the server's user can write"
		return 1
	fi
	if ! pg_as "$PG_BIN/initdb" -D "$PG_DIR/data" -U brief --auth=trust \
		--no-locale -E UTF8 --no-sync >"$PG_DIR/initdb.log" 2>&1; then
		PG_WHY="initdb failed: $(tail -3 "$PG_DIR/initdb.log" | tr '\n' ' ')"
		rm -rf "$PG_DIR"
		PG_DIR=
		return 1
	fi
	# -w: pg_ctl polls until the server accepts connections (at most
	# -t seconds)
	if ! pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
		-t 60 -o "-k $PG_DIR -p $PG_PORT -c listen_addresses='' -c fsync=off" \
		start >/dev/null 2>&1; then
		PG_WHY="the server did not start: $(tail -3 "$PG_DIR/log" | tr '\n' ' ')"
		pg_stop
		return 1
	fi
	return 0
}

pg_stop() {
	[ -n "$PG_DIR" ] || return 0
	pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop \
		>/dev/null 2>&1
	rm -rf "$PG_DIR"
	PG_DIR=
}

# pg_uri NAME: the URI of the database NAME on the server.
pg_uri() {
	echo "postgresql://brief@/$1?host=$PG_DIR&port=$PG_PORT"
}

# pg_psql NAME SQL: run SQL on the database NAME; its output unaligned.
pg_psql() {
	"$PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$PG_DIR" -p "$PG_PORT" \
		-U brief -d "$1" -c "$2"
}

# pg_createdb NAME: a new empty database.
pg_createdb() {
	pg_psql postgres "CREATE DATABASE \"$1\"" >/dev/null
}

case ${0##*/} in
pg.sh)
	case $1 in
	start)
		if pg_start; then echo "$PG_DIR $PG_PORT"; exit 0; fi
		echo "$PG_WHY"
		if [ -n "$PG_SKIP" ]; then exit 77; fi
		exit 1 ;;
	stop)
		PG_DIR=$2
		pg_stop ;;
	*)
		echo "usage: sh tests/pg.sh start | stop DIR" >&2
		exit 2 ;;
	esac ;;
esac
