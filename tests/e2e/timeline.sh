# The timeline of the comparison view on a pair whose reports spell one day
# differently (tests/fixtures/dates/talks-*.txt): one row per day, with the
# reports that mention it and the first mention in its sentence; Enter goes
# to that mention.
. tests/e2e/lib.sh
E2E_DIR=tests/fixtures/dates
A=talks-a.txt
B=talks-b-2024-01.txt

start 160 40 "$A" "$B"
check "reader open" "Ceasefire talks stall"
keys c
check "c opens the comparison" "Comparison of A and B"
keys 5
check "5 goes to the timeline" "TIMELINE — each date once"
# 'Jan. 9' (A) and 'January 9, 2024' (B) are one row, shown by A's
check_line "one row for January 9 in both reports" \
	"  2024-01-09 +A, B +.*talks begun on Jan\\. 9 had stalled"
rows=$(screen | grep -c "  2024-01-09 ")
if [ "$rows" = 1 ]; then ok "January 9 has one row"; else
	not_ok "January 9 has one row" "$rows rows" "$(screen)"; fi
# 'yesterday' in B, dated Jan. 13 by its dateline and the month of its
# file name, is A's date: one row
check_line "yesterday in B is A's date" "  2024-01-12 +A, B "
check_line "B's own date" "  2024-01-13 +B +GENEVA, Jan\\. 13"
# Enter on the January 9 row (the second) goes to A's mention
keys Down
keys Enter
check_gone "Enter closes the view" "Comparison of A and B"
check_line "focus is on report A" "^ A $A"
quit_ok "quit after the timeline"
finish
