# Marks on genres beyond wire copy (issue 21), on fixtures written for
# the test (tests/fixtures/genre): speakers' labels, reporters called on
# with their outlets and by their given names, persons in apposition with
# a trade, companies by their last word, offices with no name (the
# office, an actor), labels and ordinals that do not count.
. tests/cli/lib.sh
FIX=tests/fixtures/genre
# marks CATEGORY TEXT: a line of --mentions output (category, text)
marks() { awk -F'\t' -v c="$1" -v t="$2" '$5 == c && $7 == t' "$TMP/out"; }
# expect_mark NAME CATEGORY TEXT / expect_no_mark NAME CATEGORY TEXT
expect_mark() {
	if [ -n "$(marks "$2" "$3")" ]; then ok "$1"; else
		not_ok "$1" "no $2 '$3' in:" "$(cut -f5,7 "$TMP/out")"; fi
}
expect_no_mark() {
	if [ ! -s "$TMP/out" ]; then not_ok "$1" "no output to judge"
	elif [ -n "$(marks "$2" "$3")" ]; then not_ok "$1" "$2 '$3' marked"
	else ok "$1"; fi
}

run --mentions "$FIX/transcript-call.txt"
expect_rc "brief reads the transcript" 0
gate
expect_mark "a reporter before 'of' and an outlet" actor "Oriana Feldtmann"
expect_mark "the outlet is an actor" actor "NPR"
expect_mark "a reporter before 'with' and an outlet" actor "Dalibor Kranjcevic"
expect_mark "an outlet by its short name" actor "VOA"
expect_mark "the given name addressed later is the reporter" actor "Oriana"
expect_mark "a given name opening a turn is the reporter" actor "Dalibor"
expect_mark "a name alone after 'Go ahead,' is the one called on" actor "Kaitlan"
expect_no_mark "'Sir' after 'Thank you,' is no one" actor "Sir"
expect_no_mark "an unnamed official's label is no one" actor "OFFICIAL"
expect_no_mark "'a second question' counts nothing" figure "second"
expect_mark "a count in a turn is a figure" figure "14"
expect_no_mark "the time stamp is no figure" figure "4:05 P.M."
expect_no_mark "nor its digits" figure "4:05"
ungate

run --mentions "$FIX/order-blocking.txt"
expect_rc "brief reads the order" 0
gate
expect_mark "a person in apposition with a trade" actor "Tendekai Murozvi"
expect_mark "a company by 'Ltd'" actor "Zambezi Copper Holdings Ltd"
expect_mark "a company by 'Company'" actor "Harare Freight Company"
expect_mark "an office after 'the' is an actor" actor "Secretary of the Treasury"
expect_no_mark "nor a part of it" actor "Treasury"
expect_no_mark "a number after a label's short form" figure "14312"
expect_no_mark "a CFR title" figure "31"
expect_no_mark "a Federal Register volume" figure "89"
expect_no_mark "a section heading names no one" actor "Provisions"
expect_no_mark "a license names no one" actor "License"
expect_mark "a count beside the labels" figure "15"
expect_mark "a span of days" figure "60 days"
ungate
finish
