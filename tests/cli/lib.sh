# Shared helpers for the command-line tests: TAP output, assertions.
# BRIEF is the binary under test (./brief or the sanitized build).
: "${BRIEF:=./brief}"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset NO_COLOR
T_N=0
T_FAIL=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/brief-test.XXXXXX")
export XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data" \
	XDG_STATE_HOME="$TMP/state" HOME="$TMP/home"
mkdir -p "$HOME"
trap 'rm -rf "$TMP"' EXIT

ok() { T_N=$((T_N + 1)); echo "ok $T_N - $1"; }
not_ok() {
	T_N=$((T_N + 1)); T_FAIL=$((T_FAIL + 1))
	echo "not ok $T_N - $1"
	shift
	for line in "$@"; do echo "#   $line"; done
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
expect_no_out() {
	if grep -qF -- "$2" "$TMP/out"; then
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
