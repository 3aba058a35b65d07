# Classes of marks found on the second, third and fourth blind genre
# batches (issue 21, BLIND21B, BLIND21C and BLIND21D), through --mentions on a fixture of made-up sentences: one
# check per class of rule.  A mark is the line's category, entity and
# surface text.
. tests/cli/lib.sh
F=tests/fixtures/text/genre-blind.txt
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
lacks "a law's number after a line break is a label" figure "93-148"
lacks "the second law's number too" figure "107-243"
has "a count is still a figure" figure "troops" "40"
lacks "a demonym before a population on the next line" actor "American"
has "the state named after it still is" actor "Russia" "Russia"
lacks "two demonyms before a population" actor "Lebanese"
lacks "a demonym before financial institutions" actor "Russian"
lacks "a demonym before population centers" actor "Yemeni"
has "the reporter called on with an outlet" actor "Molly" "Molly"
has "HAWK by its plural" weapon "HAWK" "HAWKs"
has "an IRIS-T variant" weapon "IRIS-T" "IRIS T-SLM"
has "GMLRS" weapon "GMLRS" "GMLRS"
has "projectiles" weapon "rockets" "projectiles"
lacks "a plan is a document, no actor" actor "Harbor Renewal Plan"
lacks "nor its acronym" actor "HRP"
has "a vehicle's variant alone" weapon "M1A1" "M1A1"
has "another variant" weapon "M2A3" "M2A3"
has "a designation with a popular name and a class word" weapon "M88 Recovery Vehicles" "M88 Recovery Vehicles"
lacks "a bare designation is no vehicle" weapon "M23"
has "defensive weapons" weapon "defensive weapons" "defensive weapons"
has "offensive weapons" weapon "offensive weapons" "offensive weapons"
has "weapon systems" weapon "conventional arms" "weapon systems"
lacks "no ship named after a capitalised class word" weapon "Submarine Industrial Base"
has "a ship after a class word still" weapon "Chokai" "Chokai"
has "a qualifier before a time of day" figure "time" "around 7:30"
lacks "not the hour alone" figure "around 7"
has "another time after a qualifier" figure "time" "about 8:15"
lacks "an enumerator at a sentence's start" figure "Two"
lacks "an enumerator after And" figure "three"
lacks "an enumerator after Number" figure "four"
has "a count is still a figure" figure "leaders" "two"
lacks "a demonym before investment" actor "Saudi"
lacks "a demonym before employment" actor "American"
lacks "a demonym before heritage" actor "German"
lacks "a demonym before friends" actor "Israeli"
lacks "a person's nationality" actor "Russian"
has "a demonym before armed forces acts" actor "Saudi Arabia armed forces" "Saudi armed forces"
lacks "a class of treaty information" actor "Naval Nuclear Propulsion Information"
lacks "nor its acronym" actor "NNPI"
lacks "restricted data" actor "Restricted Data"
lacks "nor RD" actor "RD"
has "a state after its own seat is the place" place "Germany" "Germany"
has "another" place "Haiti" "Haiti"
lacks "not a demonym after a seat" place "Serbian"
has "a state's long form" actor "United Kingdom" "United Kingdom of Great Britain and Northern Ireland"
has "an island is a place" place "Diego Garcia" "Diego Garcia"
lacks "a ghost fleet is no actor" actor "Ghost Fleet"
has "a seat all the way to is the place" place "Kyiv" "Kyiv"
has "a ship by name" weapon "USS Nevada" "USS Nevada"
has "a formation named after its ship is an actor" actor "USS Boxer Amphibious Ready Group" "USS Boxer Amphibious Ready Group"
has "fighter generations" weapon "fighter jets" "Fourth and Fifth Generation Fighters"
has "advanced weaponry" weapon "weaponry" "advanced weaponry"
has "warfighting equipment" weapon "weaponry" "warfighting equipment"
has "a vague duration ago" figure "weeks" "a few weeks"
has "a vague duration lasting" figure "months" "many months"
has "after the last" figure "months" "several months"
has "one week" figure "week" "one week"
lacks "not a time to come" figure "a couple of hours"
lacks "not a vague count of things" figure "a few"
has "an ordinal of rank" figure "-" "second-largest"
has "an ordinal before capitals" figure "exercise" "second"
lacks "not before a name in title case" figure "11th"
ungate
finish
