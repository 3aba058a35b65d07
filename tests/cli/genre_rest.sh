# The remaining classes of marks on genres beyond wire copy (issue 21),
# through --mentions on a fixture of made-up sentences: one check per
# class of rule.  A mark is the line's category, entity and surface text.
. tests/cli/lib.sh
F=tests/fixtures/text/genre-rest.txt
# has NAME CATEGORY ENTITY TEXT: a mark of ENTITY reads TEXT
has() { expect_out "$1" "	$2	$3	$4"; }
# lacks NAME CATEGORY TEXT: no mark of CATEGORY reads TEXT
lacks() {
	if awk -F'\t' -v c="$2" -v w="$3" '$5 == c && $7 == w { f = 1 } END { exit !f }' "$TMP/out"
	then not_ok "$1" "marked as $2: $3"; else ok "$1"; fi
}

run --mentions "$F"
expect_rc "brief reads the fixture" 0
gate
has "a heading in capitals before a colon" actor "United States" \
	"THE UNITED STATES"
has "the sentence after the heading as usual" actor "Japan" "Japan"
lacks "missile defense as a cooperation is none" weapon \
	"ballistic missile defense"
has "a missile defense shield is a weapon" weapon "air defense" \
	"missile defense shield"
has "a force's word before a generic weapon: the state" actor \
	"United Kingdom" "United Kingdom"
has "a force's word before a generic weapon: the weapon" weapon \
	"warships" "Navy vessels"
lacks "no navy of the state" actor "United Kingdom Navy"
has "a company by its predicate" actor "Kolva Terran Works" \
	"Kolva Terran Works"
has "a company listed after 'designating'" actor "Vask Orlen Trading" \
	"Vask Orlen Trading"
has "the second company listed" actor "Pell Marrow Ventures" \
	"Pell Marrow Ventures"
lacks "a demonym before a product is none" actor "American"
has "a unit with its number" actor "Task Force 58" "Task Force 58"
has "a shape, 'of' and a name: one place" place "Gulf of Guinea" \
	"Gulf of Guinea"
lacks "no state inside the place" actor "Guinea"
lacks "no city inside a university's name" place "Georgetown"
# third pass: councils before their own words, calibres, hyphened
# popular names and variants of designations, the IRGC's navy
has "a council before its resolutions is the lexicon's" actor \
	"UN Security Council" "United Nations Security Council"
lacks "the resolutions are no actor" actor \
	"Nations Security Council Resolutions"
lacks "resolution numbers are labels" figure "1718"
has "a head with 'of' still names an organisation" actor \
	"Council of Elders" "Council of Elders"
has "a calibre with its weapon" weapon "50 caliber machine guns" \
	"50 caliber machine guns"
has "a calibre with ammunition" weapon "50 caliber ammunition" \
	"50 caliber ammunition"
has "a calibre, a maker and the weapon" weapon \
	"50-caliber Barrett rifles" "50-caliber Barrett rifles"
lacks "a calibre is no figure" figure "50"
has "the weapons are still counted" figure "m2" "120"
has "a designation with a hyphened popular name" weapon \
	"AGM-88G Advanced Anti-Radiation Guided" \
	"AGM-88G Advanced Anti-Radiation Guided Missile"
has "a designation's variant and a long popular name" weapon \
	"AIM-120C-8 Advanced Medium-Range Air-to-Air" \
	"AIM-120C-8 Advanced Medium-Range Air-to-Air Missiles"
has "the IRGC's navy is an actor of its own" actor "IRGC Navy" "IRGC Navy"
has "the IRGC apart" actor "IRGC" "IRGC"
ungate
finish
