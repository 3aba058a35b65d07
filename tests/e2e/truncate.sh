# A large article truncated while the reader indexes it in the background
# (issue 15, item 10): brief must not die of SIGBUS (exit 135, leaving the
# terminal in the alternate screen with the mouse on); it reads on
# (the lost bytes read as NUL) and quits normally.
. tests/e2e/lib.sh

# brief runs in $TMP and names the file briefly, so that its message fits
# whatever the length of the temporary path
E2E_DIR=$TMP
BIG="$TMP/big.txt"
awk 'BEGIN { for (i = 0; i < 400000; i++) print "Kim Jong Un met Trump in Hanoi on Monday and they talked about 12 missiles and 300 troops.\n" }' >"$BIG"
start 80 24 big.txt
check "the reader started, indexing in the background" "indexing"
truncate -s 0 "$BIG"
check_gone "the indexing ends after the truncation" "indexing"
check "the status line says the file changed" "file changed while being read"
if [ -s "$TMP/rc" ]; then
	not_ok "brief still runs after the truncation" "exit status $(cat "$TMP/rc")" \
		"stderr: $(cat "$TMP/stderr")"
else
	ok "brief still runs after the truncation"
fi
quit_ok "q quits with status 0"
finish
