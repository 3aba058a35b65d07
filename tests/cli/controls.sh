# Text must never drive the terminal: control characters from articles,
# front matter, notes, lexicons, themes and file names reach no batch
# output and no message raw.  Markdown and messages show them visibly
# (^[, <9B>); tab-separated outputs escape them (\x1b); YAML escapes them.
. tests/cli/lib.sh

ESC=$(printf '\033')
RAW9B=$(printf '\233')
# ESC [ 2 J, BEL, OSC 52 (clipboard), OSC 0 (title), OSC 8 (link) and the
# C1 control U+009B (CSI) as UTF-8
cat >"$TMP/lex.yaml" <<'Y'
entities:
  - name: "Evil\e]52;c;aGk=\aCorp\x9b"
    category: actor
    kind: "org\e[2J"
    aliases: ["Evilcorp", "Bad\e[2JCorp"]
  - name: Kim Jong Un
    category: actor
    kind: person
    aliases: [Kim]
Y
# the file name holds ESC [ 2 J and a raw 0x9B byte (not UTF-8)
A="$TMP/a${ESC}[2J${RAW9B}.txt"
printf -- '---\ntitle: "Drills \\e[2J\\a \\x9b"\nsource: "AP \\e]0;pwned\\a"\n---\nKim met Evilcorp in Hanoi. Bad\033[2JCorp said \033]8;;http://x\033\\link\033]8;;\033\\ and \302\233 31m here\007.\n\nEvilcorp sent 10 missiles.\n' >"$A"
printf 'Kim met Bad\033[2JCorp. 12 missiles were seen.\n' >"$TMP/b.txt"
B="$TMP/b.txt"
NOTES="$TMP/notes.yaml"

# clean NAME FILE: FILE is UTF-8 and holds no control byte but tab and
# line feed, no DEL and no C1 control
C1_RE=$(printf '\302[\200-\237]')
clean() {
	c0=$(LC_ALL=C tr -d '\t\n\040-\176\200-\377' <"$2" | wc -c)
	if [ "$c0" -ne 0 ]; then
		not_ok "$1" "$c0 raw control bytes" "$(od -c "$2" | head -5)"
	elif LC_ALL=C grep -q "$C1_RE" "$2"; then
		not_ok "$1" "a raw C1 control" "$(LC_ALL=C grep "$C1_RE" "$2" | od -c | head -5)"
	elif ! iconv -f UTF-8 -t UTF-8 "$2" >/dev/null 2>&1; then
		not_ok "$1" "not UTF-8 (a raw byte)" "$(od -c "$2" | head -5)"
	else
		ok "$1"
	fi
}
# both outputs of the last run clean, and it started (stdout not empty)
both_clean() {
	if [ ! -s "$TMP/out" ]; then
		not_ok "$1: brief printed something" "exit $RC" "stderr: $ERR"
	else
		ok "$1: brief printed something"
	fi
	clean "$1: stdout" "$TMP/out"
	clean "$1: stderr" "$TMP/err"
}

run --notes "$NOTES" \
	--add-note "$(printf 'note \033]52;c;aGk=\007 \302\233 \033[2J end')" \
	--at "$(printf 'Bad\033[2JCorp')" "$A"
expect_rc "a note with controls is added" 0

run --lexicon "$TMP/lex.yaml" --compare "$A" "$B"
expect_rc "--compare runs" 0
both_clean "--compare"
expect_out "--compare: the title shown visibly" "Drills ^[[2J^G <9B>"
expect_out "--compare: the file name shown visibly" "a^[[2J<9B>.txt"
# (an entity is shown by the form both reports write)
expect_out "--compare: the entity shown visibly" "Bad^[[2JCorp (3 / 1)"
expect_out "--compare: the source shown visibly" "AP ^[]0;pwned^G"

run --lexicon "$TMP/lex.yaml" --notes "$NOTES" --briefing "$A" "$B"
expect_rc "--briefing runs" 0
both_clean "--briefing"
expect_out "--briefing: the note shown visibly" "note ^[]52;c;aGk=^G <9B> ^[[2J end"
expect_out "--briefing: the quote shown visibly" "**Bad^[[2JCorp**"

run --notes "$NOTES" --export-notes markdown "$A" "$B"
expect_rc "--export-notes markdown runs" 0
both_clean "--export-notes markdown"
expect_out "--export-notes markdown: the note shown visibly" "note ^[]52;c;aGk=^G <9B> ^[[2J end"
expect_out "--export-notes markdown: the heading shown visibly" "## Drills ^[[2J^G <9B>"

run --lexicon "$TMP/lex.yaml" --mentions "$A" "$B"
expect_rc "--mentions runs" 0
both_clean "--mentions"
expect_out "--mentions: the entity escaped" "$(printf 'actor\tEvil\\x1b]52;c;aGk=\\x07Corp\\xc2\\x9b\tBad\\x1b[2JCorp')"
expect_out "--mentions: the file name escaped" "$(printf 'a\\x1b[2J\\x9b.txt\t0\t')"

run --lexicon "$TMP/lex.yaml" --entities "$A" "$B"
expect_rc "--entities runs" 0
both_clean "--entities"
expect_out "--entities: the header escaped" "$(printf 'category\tentity\t')"
expect_out "--entities: the file name escaped" 'a\x1b[2J\x9b.txt'
expect_out "--entities: the entity escaped" "$(printf 'actor\tEvil\\x1b]52;c;aGk=\\x07Corp\\xc2\\x9b\t3\t1')"

run --lexicon "$TMP/lex.yaml" --aliases
expect_rc "--aliases runs" 0
both_clean "--aliases"
expect_out "--aliases: every field escaped" "$(printf 'Bad\\x1b[2JCorp\tEvil\\x1b]52;c;aGk=\\x07Corp\\xc2\\x9b\tactor\torg\\x1b[2J')"

# the YAML outputs escape them already (each mode with the options that
# go with it)
run --lexicon "$TMP/lex.yaml" --compare --format yaml "$A" "$B"
expect_rc "--compare --format yaml runs" 0
both_clean "--compare --format yaml"
run --notes "$NOTES" --export-notes yaml "$A" "$B"
expect_rc "--export-notes yaml runs" 0
both_clean "--export-notes yaml"
run --dump "$A" "$B"
expect_rc "--dump runs" 0
both_clean "--dump"
expect_out "--dump: the title escaped" 'title: "Drills \e[2J\a \x9B"'

# a tab-separated field: tab, line feed and backslash escaped
printf 'Kim\tmet \\Kim\nagain.\n' >"$TMP/tab.txt"
cat >"$TMP/lex-tab.yaml" <<'Y'
entities:
  - name: "Kim\tJong\\Un"
    category: actor
    aliases: ["Kim"]
Y
run --lexicon "$TMP/lex-tab.yaml" --mentions "$TMP/tab.txt"
expect_rc "--mentions with tabs runs" 0
expect_eq "--mentions: tab and backslash escaped in a field" \
	"$(cut -f6 "$TMP/out" | head -1)" 'Kim\tJong\\Un'

# messages: file names, theme and lexicon errors
run --dump "$TMP/$(printf 'x\033]0;t\007\302\233')"
expect_rc "a missing file with controls in its name exits 2" 2
clean "missing file: stderr" "$TMP/err"
expect_err "missing file: named visibly" "x^[]0;t^G<9B>: No such file or directory"

printf 'roles:\n  text: {fg: "\\e]0;pwned\\a"}\n' >"$TMP/theme.yaml"
"$BRIEF" --theme "$TMP/theme.yaml" "$B" </dev/null >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc "a theme with controls is refused" 2
clean "theme error: stderr" "$TMP/err"
expect_err "theme error: the value shown visibly" "^[]0;pwned^G"

printf 'entities:\n  - name: X\n    category: actor\n    patterns: ["\\e[2J("]\n' >"$TMP/lex-bad.yaml"
run --lexicon "$TMP/lex-bad.yaml" --entities "$B"
expect_rc "a lexicon with a bad pattern is refused" 2
clean "lexicon error: stderr" "$TMP/err"
expect_err "lexicon error: the pattern shown visibly" "bad pattern '^[[2J('"

run --theme "$(printf 'n\033]0;t\007')" "$B" </dev/null
expect_rc "an unknown theme name is refused" 2
clean "theme name: stderr" "$TMP/err"
expect_err "theme name: shown visibly" "n^[]0;t^G: no such theme"

run "$(printf -- '--\033[2J')"
expect_rc "an unknown option is refused" 2
clean "unknown option: stderr" "$TMP/err"
expect_err "unknown option: shown visibly" "unknown option '--^[[2J'"

run --notes "$NOTES" --add-note x --at "$(printf 'gone\033[2J')" "$B"
expect_rc "a quote not found exits 2" 2
clean "quote not found: stderr" "$TMP/err"
expect_err "quote not found: shown visibly" "quote not found: gone^[[2J"
# a bidirectional override (U+202E) would reorder what the terminal shows:
# Markdown shows it as <U+202E>, tab-separated output escapes its bytes
printf 'Kim met Evilcorp \342\200\256 in Hanoi.\n\nEvilcorp sent 10 missiles.\n' >"$TMP/bidi.txt"
RLO=$(printf '\342\200\256')
run --lexicon "$TMP/lex.yaml" --compare "$TMP/bidi.txt" "$B"
expect_rc "compare with a bidi override" 0
expect_out "compare: the override shown visibly" "<U+202E>"
if grep -q "$RLO" "$TMP/out"; then
	not_ok "compare: no raw override" "$(grep "$RLO" "$TMP/out" | od -c | head -3)"
else
	ok "compare: no raw override"
fi
cp "$TMP/bidi.txt" "$TMP/bidi${RLO}.txt"
run --lexicon "$TMP/lex.yaml" --mentions "$TMP/bidi${RLO}.txt"
expect_rc "mentions of a file whose name holds a bidi override" 0
expect_out "mentions: the override's bytes escaped" 'bidi\xe2\x80\xae.txt' 
if grep -q "$RLO" "$TMP/out"; then
	not_ok "mentions: no raw override" "$(grep "$RLO" "$TMP/out" | od -c | head -3)"
else
	ok "mentions: no raw override"
fi
finish
