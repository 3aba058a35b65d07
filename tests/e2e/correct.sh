# The correction menu (C) in the reader, as an analyst uses it: each kind
# of correction, seen at once in both panes, the index and the
# comparison, undone with U; a file that cannot take the change leaves
# everything as it was; the corrections hold after a restart (--mentions).
. tests/e2e/lib.sh
A=articles/000_b6812c9593b6cfb0.txt
CF="$TMP/corrections.yaml"
N="$TMP/notes.yaml"

# check_no_row NAME REGEX: brief, still running, shows no line matching
# REGEX (waiting for it to go).
hides_line() { ! screen | grep -qE -- "$1"; }
check_no_row() {
	if poll "$DEADLINE" hides_line "$2" && ! ended; then ok "$1"; else
		not_ok "$1" "a line still matches: $2" "$(why_not)"; fi
}
# mentions_of ENTITY: the lines of --mentions naming ENTITY, both reports
mentions_of() {
	"$BRIEF" --mentions --corrections "$CF" articles 2>&1 |
		awk -F '\t' -v e="$1" '$6 == e'
}

start 160 45 --corrections "$CF" --notes "$N" articles
check "reader open" "│B North Korean leader"

# rename, everywhere: the other pane, the index and the comparison follow
keys e e C
check "C opens the menu on the mention" "Correct the mention «Kim Jong Un» of Kim Jong Un"
check "the menu offers a rename" "rename Kim Jong Un (its canonical name)…"
keys Enter
check "rename asks where" "Where does it apply?"
keys Down Enter
check "then the new name" "The name of the entity «Kim Jong Un» is"
keys C-u
type_text "Supreme Leader"
keys Enter
check "renamed, saved" "Kim Jong Un renamed Supreme Leader — everywhere (saved; U undoes)"
check "the selection names the new entity, both reports counted" "Supreme Leader: 8 in A, 12 in B"
if grep -q "name: 'Supreme Leader'" "$CF"; then ok "the rename is in the file at once"; else
	not_ok "the rename is in the file at once" "$(cat "$CF" 2>&1)"; fi
keys Tab Escape g e e
check "the other pane shows it" "Supreme Leader: 8 in A, 12 in B"
keys Tab i
check_line "the index lists the new name" "actor +Supreme Leader +8 +12 +20"
check_no_row "and not the old one" "actor +Kim Jong Un +[0-9]"
keys Escape c
check "the comparison names it" "Supreme Leader"
keys Escape U
check "U undoes the correction" "correction undone"
check "the old name is back" "Kim Jong Un: 8 in A, 12 in B"
keys i
check_line "in the index too" "actor +Kim Jong Un +8 +12 +20"
keys Escape
if ! grep -q "Supreme Leader" "$CF"; then ok "the file no longer holds it"; else
	not_ok "the file no longer holds it" "$(cat "$CF")"; fi

# merge with another entity, chosen from the index with a filter
keys Escape g e e C Down Enter
check "merge lists the entities" "Merge Kim Jong Un with which entity? (type to filter)"
type_text "north korea"
check_no_row "the filter leaves out the rest" "actor +United States +[0-9]"
keys Enter
check "merge asks where" "Where does it apply?"
keys Enter
check "merged in this article" "Kim Jong Un merged with North Korea — in this article"
check "the mention is North Korea's now, B unchanged" "North Korea: 18 in A, 10 in B"
keys U
check "merge undone" "Kim Jong Un: 8 in A, 12 in B"

# split this mention off
keys Escape g e e C Down Down Enter
check "split asks for the name" "The name of the entity «Kim Jong Un» is"
type_text "Kim the younger"
keys Enter
check "split saved" "«Kim Jong Un» split off as Kim the younger — this mention"
check "one mention of its own" "Kim the younger: 1 in A, 0 in B"
keys e
check "the next mention is still another entity's" "United States: "
keys U
check "split undone" "correction undone"

# change the category and the kind, everywhere
keys Escape g e e C Down Down Down Down Enter
check "category asked" "Which category?"
keys Down Enter
check "kind asked" "The kind of Kim Jong Un"
keys C-u
type_text "missile"
keys Enter Down Enter
check "recategorised" "Kim Jong Un is weapon, missile — everywhere"
keys i
check_line "the index has it as a weapon" "weapon +Kim Jong Un +[0-9]"
keys Escape U
check "recategorisation undone" "correction undone"
keys i
check_line "an actor again" "actor +Kim Jong Un +8 +12 +20"
keys Escape

# dismiss this mention, then the form everywhere
keys Escape g e e C Down Down Down Down Down Enter
check "dismissed" "«Kim Jong Un» dismissed — this mention"
keys i
check_line "one mention fewer in A" "actor +Kim Jong Un +7 +12 +19"
keys Escape U
check "dismissal undone" "correction undone"
keys Escape g e e C Down Down Down Down Down Down Enter Down Enter
check "form dismissed everywhere" "«Kim Jong Un» dismissed — everywhere"
keys i
check_line "no mention of that form is left" "actor +Kim Jong Un +7 +11 +18"
keys Escape U
check "dismissal everywhere undone" "correction undone"

# mark a missed entity at a passage found by search, then every occurrence
keys Escape g / "ruling party" Enter C
check "a passage: the menu offers to mark it" "mark «ruling party» as a missed entity, this occurrence…"
keys Enter Enter
check "then its name" "The name of the entity «ruling party» is"
keys C-u
type_text "Workers' Party"
keys Enter
check "marked once" "«ruling party» marked as Workers' Party (actor) — this mention"
keys Escape Tab / "anti-US" Enter C Down Enter
check "every occurrence: a category" "Which category?"
keys Enter Down Enter
check "every occurrence: the name" "The name of the entity «anti-US» is"
keys C-u
type_text "Anti-US camp"
keys Enter
check "marked everywhere" "«anti-US» marked as Anti-US camp (actor) — everywhere"
keys Tab i
type_text "anti-us"
check_line "the index counts every occurrence" "actor +Anti-US camp +0 +3 +3"
keys Escape

# U takes the last change first, a note's or a correction's
keys Escape g e a
type_text "a note"
keys Enter
check "a note saved" "note saved"
keys Escape g e e C Down Down Down Down Down Enter
check "a correction after it" "dismissed — this mention"
keys U
check "U undoes the correction first" "correction undone"
keys U
check "then the note" "│ undone"
if grep -q "deleted: 1" "$N" 2>/dev/null; then ok "the note is gone"; else
	not_ok "the note is gone" "$(cat "$N")"; fi

# a corrections file another hand broke: refused, left as it is, nothing
# applied
cp "$CF" "$TMP/kept.yaml"
printf 'corrections: [\n' >"$CF"
keys Escape g e e C Down Down Down Down Down Enter
check "a broken file: the correction is refused" "not corrected: "
check "with the file's line and column" "corrections.yaml:2:"
check "nothing applied" "Kim Jong Un: 8 in A, 12 in B"
if [ "$(cat "$CF")" = "corrections: [" ]; then ok "the broken file is not overwritten"; else
	not_ok "the broken file is not overwritten" "$(cat "$CF")"; fi
check "the menu stays, to try again" "Correct the mention «Kim Jong Un»"
cp "$TMP/kept.yaml" "$CF"
keys q
check_gone "q closes the menu" "Correct the mention"
quit_ok "quit"

# after a restart: the reader and --mentions both apply them
start 160 45 --corrections "$CF" --notes "$N" articles
check "reader open again" "│B North Korean leader"
keys i
type_text "workers"
check_line "the reader marks the added entity" "actor +Workers' Party +1 +0 +1"
keys Escape
quit_ok "quit again"
if mentions_of "Workers' Party" | grep -q "ruling party"; then
	ok "--mentions --corrections applies the menu's corrections"; else
	not_ok "--mentions --corrections applies the menu's corrections" \
		"$("$BRIEF" --mentions --corrections "$CF" articles 2>&1 | head -5)"; fi
if [ "$(mentions_of "Kim Jong Un" | wc -l)" -eq 20 ]; then
	ok "--mentions: the undone corrections are not applied"; else
	not_ok "--mentions: the undone corrections are not applied" \
		"$(mentions_of "Kim Jong Un" | wc -l) mentions of Kim Jong Un"; fi
finish
