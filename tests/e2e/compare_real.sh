# The comparison view on a real pair (issue 18): the joint statement of ten
# governments and the President's statement on the coalition strikes in
# Yemen, 2024-01-11 (U.S. Government works, tests/eval/compare/).
. tests/e2e/lib.sh
P=tests/eval/compare/houthi-coalition-strikes

start 160 50 $P/a.txt $P/b.txt
check "reader open on the real pair" "Joint Statement from the Governments of Australia"
check "both reports carry their date" "2024-01-11"
keys c
check "c opens the comparison" "Comparison of A and B"
check_line "an actor in both, with its counts" "actor +both +Houthis +[0-9]+ +[0-9]+"
check_line "an actor only in B" "actor +only in B +Joe Biden"
check_line "a place in both" "place +both +Red Sea"
keys Tab
check_line "Tab: the figures" "FIGURES"
check_line "44 countries (A) and more than 40 nations (B) are one group: A" "countries \\(condemn\\) +A +44"
check_line "... and B" "countries \\(condemn\\) +B +more than 40"
check_line "more than two dozen attacks (A) beside 27 (B)" "attacks +A +more than two dozen +\\(more than 24\\)"
check_gone "they agree: no ⚠ on the attacks" "⚠ attacks"
keys 3
check "3: the quotes, none here" "(no quotation in either report)"
check "3: an empty section says so" "that section is empty"
keys 4
check "4: the topics (a label)" "attacks and strikes"
check_line "a topic row shows the sentence that matched" "A §1 +Despite this strong warning, attacks in the Red Sea"
# Enter on the selected topic sentence selects it in its report
keys Enter
check_gone "Enter closes the view" "Comparison of A and B"
check_line "the focus is on a report" "^ [AB] tests/eval/compare/houthi-coalition-strikes/[ab].txt"
keys c 5
check "5: the timeline, each date once" "TIMELINE — each date once"
keys NPage
check_line "January 9 (January 9, 2024 in A, January 9 in B) is one entry" "2024-01-09 +A, B"
check_line "'yesterday' in B is resolved against its date: January 10" "2024-01-10 +A, B"
keys Escape
check_gone "Esc closes the view" "Comparison of A and B"
quit_ok "quit after the comparison"
finish
