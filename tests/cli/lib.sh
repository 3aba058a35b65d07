# Shared helpers for the command-line tests: TAP output, assertions.
# BRIEF is the binary under test (./brief or the sanitized build).
: "${BRIEF:=./brief}"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset NO_COLOR
T_N=0
T_FAIL=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/brief-test.XXXXXX")
export XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data" \
	XDG_STATE_HOME="$TMP/state" XDG_CACHE_HOME="$TMP/cache" HOME="$TMP/home"
# the engine cache is used (each suite builds its own in TMP)
unset BRIEF_NO_CACHE
mkdir -p "$HOME"
# every suite starts brief many times on the same articles and expects
# the top: reopening where an article was left is off unless a suite
# (tests/e2e/reopen.sh) turns it on
mkdir -p "$XDG_CONFIG_HOME/brief"
printf 'set reopen = off\n' >"$XDG_CONFIG_HOME/brief/config"
# cleanup: remove what the suite made (NOBODY: see tests/nobody.sh;
# TMP_ALSO: the first TMP of a suite that moved TMP to a folder every user
# can reach)
cleanup() { rm -rf "$TMP" ${NOBODY:+"$NOBODY"} ${TMP_ALSO:+"$TMP_ALSO"}; }
trap cleanup EXIT

# T_LAST is the number of the last test when it failed, else empty;
# T_GATE is set by gate (below).
T_LAST=
T_GATE=
ok() {
	if [ -n "$T_GATE" ]; then
		not_ok "$1" "not judged: brief did not get this far (test $T_GATE failed)"
		return
	fi
	T_N=$((T_N + 1)); T_LAST=; echo "ok $T_N - $1"
}
not_ok() {
	T_N=$((T_N + 1)); T_FAIL=$((T_FAIL + 1)); T_LAST=$T_N
	echo "not ok $T_N - $1"
	shift
	for line in "$@"; do echo "#   $line"; done
}
# gate: the tests up to ungate judge what brief did (or did not do) after
# the point the last test checked (it started, it read the file): when that
# test failed, they fail too instead of passing on a brief that never ran.
gate() { T_GATE=$T_LAST; }
ungate() { T_GATE=; }

# poll SECONDS COMMAND...: run COMMAND until it succeeds (status 0), gives
# up (status 2 or more) or SECONDS have passed; the status of the last
# try.  POLL_STEP is the pause between tries (0: none).  The one polling
# loop of the suites: never a bare sleep.
poll() {
	poll_end=$(($(date +%s) + $1))
	shift
	while :; do
		"$@"
		poll_rc=$?
		[ $poll_rc -eq 1 ] || return $poll_rc
		[ "$(date +%s)" -ge "$poll_end" ] && return 1
		[ "${POLL_STEP:-0.05}" = 0 ] || sleep "${POLL_STEP:-0.05}"
	done
}

# run: run brief with arguments; sets OUT, ERR, RC.
run() {
	$BRIEF_WRAP "$BRIEF" "$@" >"$TMP/out" 2>"$TMP/err"
	RC=$?
	OUT=$(cat "$TMP/out")
	ERR=$(cat "$TMP/err")
}

# expect_rc NAME CODE
expect_rc() {
	if [ "$RC" -eq "$2" ]; then ok "$1"; else
		not_ok "$1" "exit status $RC, expected $2" "stderr: $ERR"; fi
}
# expect_out NAME STRING: stdout contains STRING (fixed string)
expect_out() {
	if grep -qF -- "$2" "$TMP/out"; then ok "$1"; else
		not_ok "$1" "stdout lacks: $2" "stderr: $ERR"; fi
}
# expect_no_out NAME STRING: stdout, which brief wrote, lacks STRING (an
# empty stdout proves nothing and fails)
expect_no_out() {
	if [ ! -s "$TMP/out" ]; then
		not_ok "$1" "stdout is empty: nothing to judge" "stderr: $ERR"
	elif grep -qF -- "$2" "$TMP/out"; then
		not_ok "$1" "stdout has: $2"; else ok "$1"; fi
}
# expect_err NAME STRING: stderr contains STRING
expect_err() {
	if grep -qF -- "$2" "$TMP/err"; then ok "$1"; else
		not_ok "$1" "stderr lacks: $2" "stderr: $ERR"; fi
}
# expect_eq NAME GOT WANT
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else
		not_ok "$1" "got:  $2" "want: $3"; fi
}

finish() {
	echo "1..$T_N"
	[ "$T_FAIL" -eq 0 ]
}

# add_life DIR ARTICLE: how many steps of a busy shell loop one --add-note
# takes (no sleeping), averaged over three runs; sets LIFE.  The kill -9
# tests kill after a varied share of it, so that kills land over a whole
# run whatever the machine's speed.
add_life() {
	LIFE=0
	for c in 1 2 3; do
		"$BRIEF" --notes "$1/calibrate.yaml" --add-note "c" --at "Kim" "$2" >/dev/null 2>&1 &
		pid=$!
		while kill -0 $pid 2>/dev/null; do LIFE=$((LIFE + 1)); done
		wait $pid
	done
	LIFE=$((LIFE / 3 + 1))
	rm -f "$1/calibrate.yaml" "$1/calibrate.yaml.lock"
}
