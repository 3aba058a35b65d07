# The comparison view and the topic filter, as a person uses them.
. tests/e2e/lib.sh
A=articles/000_b6812c9593b6cfb0.txt
B=articles/001_ac23be4cfe9d2cdd.txt

start 160 50 articles
check "reader open" "│B North Korean leader"
keys c
check "c opens the comparison" "Comparison of A and B"
check "entities section" "ENTITIES — only in A"
check_line "an entity only in A" "only in A +Yoon Suk Yeol"
check_line "an entity only in B" "only in B +Volodymyr Zelensky"
keys Tab
check_line "Tab moves to the figures" "FIGURES"
keys Tab
check "quotes section" "QUOTES — by speaker"
check_line "a quote with its speaker" "Kim Jong Un +A “thoroughly annihilate”"
# Enter on the selected quote row (the first by speaker: Donald Trump's,
# in B) jumps to its passage in the right pane
keys Enter
check_gone "Enter closes the view" "Comparison of A and B"
check_line "focus is on report B" "^ B $B"
keys c Tab Tab Tab
check "topics section" "TOPICS — what each report says"
keys Down
keys Enter
check_gone "Enter on a topic row jumps" "Comparison of A and B"
keys c Escape
check_gone "Esc closes the comparison" "Comparison of A and B"

# t filters both panes to one topic
keys g t
check "t lists the topics" "Show only the paragraphs of which topic?"
type_text "casualt"
keys Enter
check "status names the topic" "topic: casualties (t shows all)"
check "B shows its paragraph on the topic" "said last week that 3,000 North Korean"
check "A has none" "(no paragraph on this topic)"
keys t
check "t again shows all" "all paragraphs shown"
check "A's text is back" "North Korean leader Kim Jong Un has recently"

# s aligns by content: B follows A's paragraph
keys g s
check "sync on" "[sync]"
keys Space
check_line "still in sync after a page" "\\[sync\\]"
quit_ok "quit after comparing"
finish
