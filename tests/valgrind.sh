#!/bin/sh
# make valgrind: the command-line tests of batch modes, formats, PDFs and
# control characters, and two terminal scenarios with
# brief running under valgrind.  Any error, or a definite or indirect
# leak, makes brief exit 99, which the tests report.
cd "$(dirname "$0")/.." || exit 2
mkdir -p build/valgrind
cat >build/valgrind/brief <<W
#!/bin/sh
BRIEF_NO_JIT=1 exec valgrind -q --error-exitcode=99 --leak-check=full \\
	--errors-for-leak-kinds=definite,indirect \\
	--show-leak-kinds=definite,indirect \\
	--suppressions="$PWD/tests/valgrind.supp" \\
	--log-file="$PWD/build/valgrind/log.%p" "$PWD/brief" "\$@"
W
chmod +x build/valgrind/brief
rm -f build/valgrind/log.*
fail=0
for t in tests/cli/batch.sh tests/cli/formats.sh tests/cli/pdf.sh \
	tests/cli/controls.sh tests/e2e/reader.sh tests/e2e/compare.sh; do
	echo "== $t"
	BRIEF=build/valgrind/brief E2E_DEADLINE=60 sh "$t" >build/valgrind/out 2>&1 || fail=1
	grep -E '^(not ok|1\.\.)' build/valgrind/out
done
if cat build/valgrind/log.* 2>/dev/null | grep -q .; then
	echo "valgrind reported:"
	cat build/valgrind/log.* | head -60
	fail=1
fi
[ $fail -eq 0 ] && echo "valgrind: clean"
exit $fail
