# The README's key table and the man page's KEYS list are the reader's
# bindings as declared (include/brief/ui/actions.def, from which ? is
# drawn): a key added or changed there and not in the documents fails.
. tests/cli/lib.sh

sh tests/tools/keys-doc.sh md >"$TMP/md"
sh tests/tools/keys-doc.sh man >"$TMP/man"
n=$(grep -c '^ACTION(' include/brief/ui/actions.def)
if [ "$(wc -l <"$TMP/md")" -eq "$n" ] && [ "$n" -gt 30 ]; then
	ok "every declared key is made into a table row"
else
	not_ok "every declared key is made into a table row" "$(wc -l <"$TMP/md") rows for $n actions"
fi
if grep -qF '| `m` | `mark` | set a mark' "$TMP/md"; then ok "the table names m"; else
	not_ok "the table names m" "$(head -3 "$TMP/md")"; fi
# the README holds the rows in order, as one block
awk 'FNR == NR { want = want $0 "\n"; next }
	/^\| keys \| name \(for `bind`\) \| action \|$/ { on = 1; next }
	on && /^\| --- / { next }
	on && /^\| / { got = got $0 "\n"; next }
	on { exit }
	END { exit got != want }' "$TMP/md" README.md
expect_eq "README's key table is actions.def" "$?" 0
awk 'FNR == NR { want = want $0 "\n"; next }
	/^\.SH KEYS$/ { on = 1; next }
	on && /^\.(PP|SH)/ { exit }
	on { got = got $0 "\n" }
	END { exit got != want }' "$TMP/man" doc/brief.1
expect_eq "the man page's KEYS are actions.def" "$?" 0
# the settings table is settings.def
sh tests/tools/keys-doc.sh settings >"$TMP/set"
if [ "$(wc -l <"$TMP/set")" -eq "$(grep -c '^SETTING(' include/brief/ui/settings.def)" ] &&
	grep -qF '| `gutter` | on/off | off |' "$TMP/set"; then
	ok "every setting is made into a table row"
else
	not_ok "every setting is made into a table row" "$(cat "$TMP/set")"
fi
awk 'FNR == NR { want = want $0 "\n"; next }
	/^\| setting \| kind \| default \| what it does \|$/ { on = 1; next }
	on && /^\| --- / { next }
	on && /^\| / { got = got $0 "\n"; next }
	on { exit }
	END { exit got != want }' "$TMP/set" README.md
expect_eq "README's settings table is settings.def" "$?" 0
finish
