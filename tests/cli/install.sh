# make install honours PREFIX and DESTDIR; the installed brief finds its
# data; make uninstall removes it all.
. tests/cli/lib.sh
MAKE=${MAKE:-make}
P="$TMP/prefix"
if ! $MAKE -s install PREFIX="$P" >"$TMP/out" 2>"$TMP/err"; then
	not_ok "make install PREFIX" "$(cat "$TMP/err")"
	finish
	exit 1
fi
ok "make install PREFIX"
for f in bin/brief share/man/man1/brief.1 share/brief/lexicon.yaml \
	share/brief/highlight.yaml share/brief/article.yaml \
	share/brief/compare.yaml share/brief/topics.yaml \
	share/brief/themes/dark.yaml share/brief/themes/light.yaml \
	share/brief/themes/mono.yaml; do
	if [ -f "$P/$f" ]; then ok "installed $f"; else not_ok "installed $f"; fi
done
"$P/bin/brief" --mentions articles/000_b6812c9593b6cfb0.txt >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc "installed brief runs" 0
expect_out "installed brief uses the installed lexicon" "actor	Kim Jong Un	Kim"
$MAKE -s install DESTDIR="$TMP/stage" PREFIX=/usr >/dev/null 2>&1
if [ -f "$TMP/stage/usr/bin/brief" ] && [ -f "$TMP/stage/usr/share/brief/lexicon.yaml" ]; then
	ok "make install DESTDIR stages under it"; else not_ok "make install DESTDIR stages under it"; fi
$MAKE -s uninstall PREFIX="$P" >/dev/null 2>&1
if [ -e "$P/bin/brief" ] || [ -e "$P/share/brief" ] || [ -e "$P/share/man/man1/brief.1" ]; then
	not_ok "make uninstall removes everything"; else ok "make uninstall removes everything"; fi
finish
