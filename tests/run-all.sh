#!/bin/sh
# Run every test suite, plain and under AddressSanitizer + UBSan (and the
# threaded one under ThreadSanitizer), and print one closing summary.
# Exit status 1 when anything failed.
cd "$(dirname "$0")/.." || exit 2
export LANG=C.UTF-8 LC_ALL=C.UTF-8
export CMOCKA_MESSAGE_OUTPUT=TAP
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
log=build/test-logs
mkdir -p "$log"
pass=0
fail=0
skip=0
failed_suites=""

run_suite() { # name command...
	name=$1
	shift
	out="$log/$(echo "$name" | tr '/ ' '__').log"
	"$@" >"$out" 2>&1
	rc=$?
	# a skipped test (TAP "# SKIP", which cmocka writes as "not ok N #
	# SKIP") is neither passed nor failed, and is counted apart
	p=$(grep '^ok ' "$out" | grep -vc '# SKIP')
	f=$(grep '^not ok ' "$out" | grep -vc '# SKIP')
	k=$(grep -cE '^(not )?ok .*# SKIP' "$out")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1 # crashed or failed outside a test
	fi
	pass=$((pass + p))
	fail=$((fail + f))
	skip=$((skip + k))
	if [ "$f" -ne 0 ]; then
		failed_suites="$failed_suites $name"
		echo "FAIL $name ($p passed, $f failed; log: $out)"
		grep -E '^not ok |ERROR|error:|Sanitizer|runtime error' "$out" | head -20
	else
		extra=""
		[ "$k" -gt 0 ] && extra=", $k skipped"
		echo "ok   $name ($p passed$extra)"
	fi
}

for variant in plain asan; do
	if [ $variant = plain ]; then
		bin=./brief
		units=build/tests
	else
		bin=build/asan/brief
		units=build/asan/tests
	fi
	# the tests of today's sources (a binary left in build/ by a test
	# since renamed or removed is not run); a missing binary fails
	for src in tests/unit/test_*.c; do
		t=$units/$(basename "$src" .c)
		# no engine cache in the user's home (the command-line suites
		# keep theirs under their own TMP)
		run_suite "$variant/unit/$(basename "$t")" env BRIEF_NO_CACHE=1 "$t"
	done
	if [ $variant = asan ]; then
		for src in tests/fuzz/fuzz_*.c; do
			name=$(basename "$src" .c)
			name=${name#fuzz_}
			run_suite "asan/fuzz/$name" build/asan/fuzz/replay_$name \
				"tests/fuzz/$name"
		done
	fi
	for t in tests/cli/*.sh tests/e2e/*.sh; do
		[ -f "$t" ] || continue
		case $t in */lib.sh) continue ;; esac
		run_suite "$variant/$(basename "$(dirname "$t")")/$(basename "$t" .sh)" \
			env BRIEF="$bin" sh "$t"
	done
done

# the threaded highlighting (-j N) under ThreadSanitizer: a race fails
run_suite "tsan/cli/jobs" env BRIEF=build/tsan/brief \
	TSAN_OPTIONS=halt_on_error=1:exitcode=66 sh tests/cli/jobs.sh
# and the reader's index on worker threads (key scripts, q and SIGTERM)
run_suite "tsan/e2e/index_jobs" env BRIEF=build/tsan/brief \
	TSAN_OPTIONS=halt_on_error=1:exitcode=66 sh tests/e2e/index_jobs.sh

echo
if [ -n "$failed_suites" ]; then
	echo "failed suites:$failed_suites"
fi
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
