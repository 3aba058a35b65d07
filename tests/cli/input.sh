# Input that brief must refuse or survive: endless or binary standard
# input, and a mapped article truncated while brief reads it.
. tests/cli/lib.sh
A=articles/000_b6812c9593b6cfb0.txt

# (no memory limit for the sanitized build: ASan reserves terabytes of
# address space)
case "$BRIEF" in
*asan*) limit() { timeout 120 "$@"; } ;;
*) limit() { ( ulimit -v 6291456 2>/dev/null; timeout 60 "$@" ); } ;;
esac

# standard input gets the first-MiB check for NUL bytes as files do,
# while it is read: an endless input ends at once
limit "$BRIEF" --dump - </dev/zero >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc "stdin: /dev/zero exits 2" 2
expect_err "stdin: /dev/zero is a binary file" "brief: -: binary file"
expect_eq "stdin: /dev/zero prints nothing" "$(wc -c <"$TMP/out")" 0

limit "$BRIEF" --dump - </dev/urandom >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc "stdin: /dev/urandom exits 2" 2
expect_err "stdin: /dev/urandom is a binary file" "brief: -: binary file"

# through a pipe, the same
cat /dev/zero | limit "$BRIEF" --mentions - >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc "stdin: a pipe of NUL bytes exits 2" 2
expect_err "stdin: a pipe of NUL bytes is a binary file" "brief: -: binary file"

# a NUL after text, within the first MiB
{ cat "$A"; printf 'x\000y\n'; } | "$BRIEF" --dump - >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc "stdin: a NUL in the first MiB exits 2" 2
expect_err "stdin: a NUL in the first MiB is a binary file" "brief: -: binary file"

# text on stdin still reads
"$BRIEF" --dump - <"$A" >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc "stdin: an article reads" 0
expect_out "stdin: the article's text is there" "file: '-'"

# the size limit of files (under 4 GiB) holds for stdin, checked as it is
# read: an endless text is refused once past it, in bounded memory
yes "Kim met Trump in Hanoi and they talked about missiles." |
	limit "$BRIEF" --dump - >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc "stdin: endless text exits 2" 2
expect_err "stdin: endless text is too large" "brief: -: too large (articles must be under 4 GiB)"
expect_eq "stdin: endless text prints nothing" "$(wc -c <"$TMP/out")" 0

# a file of 4 GiB given as stdin (sparse: no disk used) is refused before
# it is read
if truncate -s 4294967296 "$TMP/big.txt" 2>/dev/null; then
	limit "$BRIEF" --dump - <"$TMP/big.txt" >"$TMP/out" 2>"$TMP/err"
	RC=$?
	expect_rc "stdin: a 4 GiB file exits 2" 2
	expect_err "stdin: a 4 GiB file is too large" "brief: -: too large (articles must be under 4 GiB)"
	rm -f "$TMP/big.txt"
fi
# a mapped article truncated while --mentions reads it: brief must not
# die of SIGBUS (exit 135) but say so and exit 2.  The article is large
# (27 MB: mapped, and read for seconds), and is truncated as soon as
# brief has written its first lines, that is while it is reading.
BIG="$TMP/big.txt"
awk 'BEGIN { for (i = 0; i < 300000; i++) print "Kim Jong Un met Trump in Hanoi on Monday and they talked about 12 missiles and 300 troops.\n" }' >"$BIG"
rm -f "$TMP/out" "$TMP/err"
"$BRIEF" --mentions "$BIG" >"$TMP/out" 2>"$TMP/err" &
pid=$!
# brief has written (0), is still at it (1), or has ended (2)
has_written() {
	[ -s "$TMP/out" ] && return 0
	kill -0 $pid 2>/dev/null || return 2
	return 1
}
POLL_STEP=0 # truncate as soon as the first lines are out
poll 60 has_written
POLL_STEP=
if [ -s "$TMP/out" ]; then started=yes; else started=no; fi
truncate -s 0 "$BIG"
wait $pid
RC=$?
ERR=$(cat "$TMP/err")
expect_eq "truncated under --mentions: brief had started writing" "$started" yes
if [ "$RC" -eq 135 ]; then
	not_ok "truncated under --mentions: no SIGBUS" "exit 135 (SIGBUS)"
else
	ok "truncated under --mentions: no SIGBUS"
fi
expect_rc "truncated under --mentions: exit 2" 2
expect_err "truncated under --mentions: the message" "brief: $BIG: file changed while being read"
finish
