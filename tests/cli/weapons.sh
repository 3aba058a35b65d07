# Weapons on genres beyond wire copy (issue 21), through --mentions on a
# fixture of made-up sentences: one check per class of rule.  A mark is
# the line's category, entity and surface text.
. tests/cli/lib.sh
F=tests/fixtures/text/weapons-genres.txt
# has NAME ENTITY TEXT: a weapon mark of ENTITY reads TEXT
has() { expect_out "$1" "	weapon	$2	$3"; }
# lacks NAME TEXT: no weapon mark reads TEXT
lacks() {
	if awk -F'\t' -v w="$2" '$5 == "weapon" && $7 == w { f = 1 } END { exit !f }' "$TMP/out"
	then not_ok "$1" "marked as a weapon: $2"; else ok "$1"; fi
}

run --mentions "$F"
expect_rc "brief reads the fixture" 0
gate
has "a designation: letter and digit after the number" "M7A3" "M7A3 carbines"
has "a designation with a space" "MK 61" "MK 61 lightweight torpedoes"
has "a designation with a slash variant and a popular name" \
	"QBU-71/B Quiet Lantern Bombs" "QBU-71/B Quiet Lantern Bombs"
has "a popular name of three words" "QIM-404 Silver Grey Heron" \
	"QIM-404 Silver Grey Heron Missiles"
has "a block's number ends a designation" "F-63 Block 90" \
	"F-63 Block 90 aircraft"
has "an artillery calibre joins its weapon" "155mm" "155mm artillery rounds"
has "anti-armor systems after a name" "Javelin" "Javelin anti-armor systems"
has "MRAPs by their long name" "MRAP" \
	"Mine Resistant Ambush Protected vehicles"
has "ships listed with aircraft" "ships" "ships"
has "public vessels listed with aircraft" "public vessels" "public vessels"
has "vehicles after a military qualifier" "military vehicles" \
	"military vehicles"
has "a nuclear device is a nuclear weapon" "nuclear weapons" "nuclear device"
has "a ship named after 'Navy ship'" "Orwen" "Orwen"
lacks "commercial ships are none" "Commercial ships"
lacks "vehicles alone are none" "vehicles"
lacks "public vessels alone are none" "Philippine public vessels"
lacks "fissile material is none" "fissile material"
lacks "enriched uranium is none" "enriched uranium"
ungate

# the generic words' section must be a mapping
sed 's/^generic_weapons:$/generic_weapons: [ships]/; /^  words: \[ships/,/^    emergency, research, government\]$/d' \
	data/highlight.yaml >"$TMP/hl.yaml"
run --highlight-rules "$TMP/hl.yaml" --mentions "$F"
expect_rc "generic_weapons as a list exits 2" 2
expect_err "generic_weapons as a list: FILE:LINE:COL and why" \
	"brief: $TMP/hl.yaml:$(grep -n '^generic_weapons:' data/highlight.yaml | cut -d: -f1):18: 'persons', 'organisations' and 'generic_weapons' must be mappings"
finish
