# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_couple_global_optspecs
    string join \n dir= partner= no-input color= q/quiet h/help V/version
end

function __fish_couple_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_couple_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_couple_using_subcommand
    set -l cmd (__fish_couple_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c couple -n "__fish_couple_needs_command" -l dir -d 'The data directory [default: $XDG_DATA_HOME/couple]' -r -F
complete -c couple -n "__fish_couple_needs_command" -l partner -d 'Who you are [default: your login name]' -r
complete -c couple -n "__fish_couple_needs_command" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c couple -n "__fish_couple_needs_command" -l no-input -d 'Never ask anything interactively'
complete -c couple -n "__fish_couple_needs_command" -s q -l quiet -d 'Print only what was asked for: no new ids, no confirmations'
complete -c couple -n "__fish_couple_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c couple -n "__fish_couple_needs_command" -s V -l version -d 'Print version'
complete -c couple -n "__fish_couple_needs_command" -f -a "prompt" -d 'Print the question of the day, or browse the deck'
complete -c couple -n "__fish_couple_needs_command" -f -a "log" -d 'Record a ritual: a talk, time together, a small act of care, …'
complete -c couple -n "__fish_couple_needs_command" -f -a "goals" -d 'Shared goals, dreams and bucket-list ideas, and the monthly sit-down'
complete -c couple -n "__fish_couple_needs_command" -f -a "review" -d 'How it is going, and what is due'
complete -c couple -n "__fish_couple_needs_command" -f -a "history" -d 'Read each other: the shared journal, newest first'
complete -c couple -n "__fish_couple_needs_command" -f -a "export" -d 'Write the log, the goals or the deck as CSV, JSON or a spreadsheet'
complete -c couple -n "__fish_couple_needs_command" -f -a "talk" -d 'The daily talk, timed and calm; or the weekly "state of us"'
complete -c couple -n "__fish_couple_needs_command" -f -a "rituals" -d 'Your own rituals and targets, and breaks that keep a streak'
complete -c couple -n "__fish_couple_needs_command" -f -a "completions" -d 'Print the shell completion script'
complete -c couple -n "__fish_couple_needs_command" -f -a "merge-driver" -d 'Merge two versions of a data file: git\'s merge driver for couple'
complete -c couple -n "__fish_couple_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c couple -n "__fish_couple_using_subcommand prompt" -s t -l theme -d 'Only prompts of this theme (repeat for several)' -r -f -a "check-in\t''
listening\t''
vulnerability\t''
reconnecting\t''
transitions\t''
healing\t''
small-moments\t''
blind-spots\t''
passion\t''
dreams\t''
appreciation\t''
play\t''"
complete -c couple -n "__fish_couple_using_subcommand prompt" -l depth -d 'Only light or only deep prompts' -r -f -a "light\t''
deep\t''"
complete -c couple -n "__fish_couple_using_subcommand prompt" -s d -l date -d 'The question of this day instead of today\'s (2026-03-01, tomorrow, …)' -r
complete -c couple -n "__fish_couple_using_subcommand prompt" -l id -d 'The prompt with this id (or a unique prefix of it)' -r
complete -c couple -n "__fish_couple_using_subcommand prompt" -l idea -d 'An idea for time together (us-time) or a small act of care (care)' -r -f -a "us-time\t''
care\t''"
complete -c couple -n "__fish_couple_using_subcommand prompt" -l deck -d 'Use this deck instead of the built-in one (columns id,theme,depth,text)' -r -F
complete -c couple -n "__fish_couple_using_subcommand prompt" -l format -d 'Output format' -r -f -a "text\t''
csv\t''
json\t''"
complete -c couple -n "__fish_couple_using_subcommand prompt" -l dir -d 'The data directory [default: $XDG_DATA_HOME/couple]' -r -F
complete -c couple -n "__fish_couple_using_subcommand prompt" -l partner -d 'Who you are [default: your login name]' -r
complete -c couple -n "__fish_couple_using_subcommand prompt" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c couple -n "__fish_couple_using_subcommand prompt" -l random -d 'Any prompt at random, instead of the question of the day'
complete -c couple -n "__fish_couple_using_subcommand prompt" -l list -d 'Every prompt of the (filtered) deck'
complete -c couple -n "__fish_couple_using_subcommand prompt" -l themes -d 'Each theme with its number of prompts'
complete -c couple -n "__fish_couple_using_subcommand prompt" -l skip -d 'Skip today\'s question for you both, and print the next one'
complete -c couple -n "__fish_couple_using_subcommand prompt" -l upgrade-deck -d 'Move the couple to the newest deck edition from today on'
complete -c couple -n "__fish_couple_using_subcommand prompt" -l raw -d 'CSV cells exactly as stored, formulas and all (no leading \')'
complete -c couple -n "__fish_couple_using_subcommand prompt" -l no-input -d 'Never ask anything interactively'
complete -c couple -n "__fish_couple_using_subcommand prompt" -s q -l quiet -d 'Print only what was asked for: no new ids, no confirmations'
complete -c couple -n "__fish_couple_using_subcommand prompt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c couple -n "__fish_couple_using_subcommand log" -s m -l minutes -d 'How long it lasted, in minutes (0–1440)' -r
complete -c couple -n "__fish_couple_using_subcommand log" -l mood -d 'How you feel, from 1 (low) to 5 (high)' -r
complete -c couple -n "__fish_couple_using_subcommand log" -s d -l date -d 'The day it happened, if not today (2026-11-20, yesterday, last friday, …)' -r
complete -c couple -n "__fish_couple_using_subcommand log" -l prompt -d 'The prompt it is about [default for answer: that day\'s question]' -r
complete -c couple -n "__fish_couple_using_subcommand log" -l dir -d 'The data directory [default: $XDG_DATA_HOME/couple]' -r -F
complete -c couple -n "__fish_couple_using_subcommand log" -l partner -d 'Who you are [default: your login name]' -r
complete -c couple -n "__fish_couple_using_subcommand log" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c couple -n "__fish_couple_using_subcommand log" -l undo -d 'Remove your own most recent entry instead'
complete -c couple -n "__fish_couple_using_subcommand log" -l no-input -d 'Never ask anything interactively'
complete -c couple -n "__fish_couple_using_subcommand log" -s q -l quiet -d 'Print only what was asked for: no new ids, no confirmations'
complete -c couple -n "__fish_couple_using_subcommand log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c couple -n "__fish_couple_using_subcommand goals; and not __fish_seen_subcommand_from add list done drop reopen edit review help" -l status -d 'Which goals to list' -r -f -a "open\t''
done\t''
dropped\t''
all\t''"
complete -c couple -n "__fish_couple_using_subcommand goals; and not __fish_seen_subcommand_from add list done drop reopen edit review help" -l horizon -d 'Only goals of this horizon' -r -f -a "month\t''
year\t''
someday\t''"
complete -c couple -n "__fish_couple_using_subcommand goals; and not __fish_seen_subcommand_from add list done drop reopen edit review help" -l format -d 'Output format' -r -f -a "table\t''
csv\t''
json\t''"
complete -c couple -n "__fish_couple_using_subcommand goals; and not __fish_seen_subcommand_from add list done drop reopen edit review help" -l dir -d 'The data directory [default: $XDG_DATA_HOME/couple]' -r -F
complete -c couple -n "__fish_couple_using_subcommand goals; and not __fish_seen_subcommand_from add list done drop reopen edit review help" -l partner -d 'Who you are [default: your login name]' -r
complete -c couple -n "__fish_couple_using_subcommand goals; and not __fish_seen_subcommand_from add list done drop reopen edit review help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c couple -n "__fish_couple_using_subcommand goals; and not __fish_seen_subcommand_from add list done drop reopen edit review help" -l raw -d 'CSV cells exactly as stored, formulas and all (no leading \')'
complete -c couple -n "__fish_couple_using_subcommand goals; and not __fish_seen_subcommand_from add list done drop reopen edit review help" -l no-input -d 'Never ask anything interactively'
complete -c couple -n "__fish_couple_using_subcommand goals; and not __fish_seen_subcommand_from add list done drop reopen edit review help" -s q -l quiet -d 'Print only what was asked for: no new ids, no confirmations'
complete -c couple -n "__fish_couple_using_subcommand goals; and not __fish_seen_subcommand_from add list done drop reopen edit review help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c couple -n "__fish_couple_using_subcommand goals; and not __fish_seen_subcommand_from add list done drop reopen edit review help" -f -a "add" -d 'Add a goal; prints its new id'
complete -c couple -n "__fish_couple_using_subcommand goals; and not __fish_seen_subcommand_from add list done drop reopen edit review help" -f -a "list" -d 'List goals: the open ones, overdue first'
complete -c couple -n "__fish_couple_using_subcommand goals; and not __fish_seen_subcommand_from add list done drop reopen edit review help" -f -a "done" -d 'Mark a goal done'
complete -c couple -n "__fish_couple_using_subcommand goals; and not __fish_seen_subcommand_from add list done drop reopen edit review help" -f -a "drop" -d 'Drop a goal you no longer want (it stays in the file, as dropped)'
complete -c couple -n "__fish_couple_using_subcommand goals; and not __fish_seen_subcommand_from add list done drop reopen edit review help" -f -a "reopen" -d 'Open a done or dropped goal again'
complete -c couple -n "__fish_couple_using_subcommand goals; and not __fish_seen_subcommand_from add list done drop reopen edit review help" -f -a "edit" -d 'Change a goal\'s title, horizon, due date, owner or note'
complete -c couple -n "__fish_couple_using_subcommand goals; and not __fish_seen_subcommand_from add list done drop reopen edit review help" -f -a "review" -d 'The monthly sit-down: go through the open goals together'
complete -c couple -n "__fish_couple_using_subcommand goals; and not __fish_seen_subcommand_from add list done drop reopen edit review help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from add" -l horizon -d 'How far away it is [default: month if due within a month, year if within a year, else someday]' -r -f -a "month\t''
year\t''
someday\t''"
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from add" -l due -d 'When you want it done (2026-12-24, "next friday", …)' -r
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from add" -l owner -d 'Whose goal it is: us (both of you), me, or a partner\'s name' -r
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from add" -l note -d 'A note to keep with it' -r
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from add" -l dir -d 'The data directory [default: $XDG_DATA_HOME/couple]' -r -F
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from add" -l partner -d 'Who you are [default: your login name]' -r
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from add" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from add" -l no-input -d 'Never ask anything interactively'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only what was asked for: no new ids, no confirmations'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from list" -l status -d 'Which goals to list' -r -f -a "open\t''
done\t''
dropped\t''
all\t''"
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from list" -l horizon -d 'Only goals of this horizon' -r -f -a "month\t''
year\t''
someday\t''"
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from list" -l format -d 'Output format' -r -f -a "table\t''
csv\t''
json\t''"
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from list" -l dir -d 'The data directory [default: $XDG_DATA_HOME/couple]' -r -F
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from list" -l partner -d 'Who you are [default: your login name]' -r
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from list" -l raw -d 'CSV cells exactly as stored, formulas and all (no leading \')'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from list" -l no-input -d 'Never ask anything interactively'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what was asked for: no new ids, no confirmations'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from done" -l dir -d 'The data directory [default: $XDG_DATA_HOME/couple]' -r -F
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from done" -l partner -d 'Who you are [default: your login name]' -r
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from done" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from done" -l no-input -d 'Never ask anything interactively'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from done" -s q -l quiet -d 'Print only what was asked for: no new ids, no confirmations'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from done" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from drop" -l dir -d 'The data directory [default: $XDG_DATA_HOME/couple]' -r -F
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from drop" -l partner -d 'Who you are [default: your login name]' -r
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from drop" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from drop" -l no-input -d 'Never ask anything interactively'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from drop" -s q -l quiet -d 'Print only what was asked for: no new ids, no confirmations'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from drop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from reopen" -l dir -d 'The data directory [default: $XDG_DATA_HOME/couple]' -r -F
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from reopen" -l partner -d 'Who you are [default: your login name]' -r
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from reopen" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from reopen" -l no-input -d 'Never ask anything interactively'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from reopen" -s q -l quiet -d 'Print only what was asked for: no new ids, no confirmations'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from reopen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from edit" -l title -d 'A new title' -r
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from edit" -l horizon -d 'A new horizon' -r -f -a "month\t''
year\t''
someday\t''"
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from edit" -l due -d 'A new due date' -r
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from edit" -l owner -d 'A new owner: us, me, or a partner\'s name' -r
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from edit" -l note -d 'A new note, in place of the old one ("" removes it)' -r
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from edit" -l dir -d 'The data directory [default: $XDG_DATA_HOME/couple]' -r -F
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from edit" -l partner -d 'Who you are [default: your login name]' -r
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from edit" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from edit" -l no-due -d 'Remove the due date'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from edit" -l no-input -d 'Never ask anything interactively'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print only what was asked for: no new ids, no confirmations'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from review" -s d -l date -d 'The day of the sit-down [default: today]' -r
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from review" -l dir -d 'The data directory [default: $XDG_DATA_HOME/couple]' -r -F
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from review" -l partner -d 'Who you are [default: your login name]' -r
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from review" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from review" -l no-input -d 'Never ask anything interactively'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from review" -s q -l quiet -d 'Print only what was asked for: no new ids, no confirmations'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from review" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a goal; prints its new id'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from help" -f -a "list" -d 'List goals: the open ones, overdue first'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from help" -f -a "done" -d 'Mark a goal done'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from help" -f -a "drop" -d 'Drop a goal you no longer want (it stays in the file, as dropped)'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from help" -f -a "reopen" -d 'Open a done or dropped goal again'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change a goal\'s title, horizon, due date, owner or note'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from help" -f -a "review" -d 'The monthly sit-down: go through the open goals together'
complete -c couple -n "__fish_couple_using_subcommand goals; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c couple -n "__fish_couple_using_subcommand review" -l from -d 'The first day of a period of your own' -r
complete -c couple -n "__fish_couple_using_subcommand review" -l to -d 'The last day of a period of your own' -r
complete -c couple -n "__fish_couple_using_subcommand review" -s d -l date -d 'The day to review as of [default: today; with --to, the earlier of it and today]' -r
complete -c couple -n "__fish_couple_using_subcommand review" -l format -d 'Output format' -r -f -a "table\t''
csv\t''
json\t''
html\t'One self-contained web page with charts, to keep or print'"
complete -c couple -n "__fish_couple_using_subcommand review" -s o -l output -d 'Write the page to FILE instead of stdout (html; atomically, mode 0600)' -r -F
complete -c couple -n "__fish_couple_using_subcommand review" -l dir -d 'The data directory [default: $XDG_DATA_HOME/couple]' -r -F
complete -c couple -n "__fish_couple_using_subcommand review" -l partner -d 'Who you are [default: your login name]' -r
complete -c couple -n "__fish_couple_using_subcommand review" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c couple -n "__fish_couple_using_subcommand review" -l week -d 'The ISO week holding the as-of date (the default)'
complete -c couple -n "__fish_couple_using_subcommand review" -l month -d 'The calendar month holding the as-of date'
complete -c couple -n "__fish_couple_using_subcommand review" -l year -d 'The calendar year holding the as-of date'
complete -c couple -n "__fish_couple_using_subcommand review" -l due -d 'Print only what is due now, one line each; nothing when all is well'
complete -c couple -n "__fish_couple_using_subcommand review" -l exit-code -d 'Exit with 1 when something is due (0 when nothing is)'
complete -c couple -n "__fish_couple_using_subcommand review" -l raw -d 'CSV cells exactly as stored, formulas and all (no leading \')'
complete -c couple -n "__fish_couple_using_subcommand review" -l no-input -d 'Never ask anything interactively'
complete -c couple -n "__fish_couple_using_subcommand review" -s q -l quiet -d 'Print only what was asked for: no new ids, no confirmations'
complete -c couple -n "__fish_couple_using_subcommand review" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c couple -n "__fish_couple_using_subcommand history" -l from -d 'Only days on or after this date' -r
complete -c couple -n "__fish_couple_using_subcommand history" -l to -d 'Only days on or before this date' -r
complete -c couple -n "__fish_couple_using_subcommand history" -l kind -d 'Only entries of this kind (repeat for several)' -r -f -a "talk\t''
us-time\t''
care\t''
appreciation\t''
repair\t''
affection\t''
checkin\t''
answer\t''
sit-down\t''
state-of-us\t''
skip\t''"
complete -c couple -n "__fish_couple_using_subcommand history" -l grep -d 'Only entries whose note, answer or question holds TEXT (any case)' -r
complete -c couple -n "__fish_couple_using_subcommand history" -l format -d 'Output format' -r -f -a "text\t''
csv\t''
json\t''"
complete -c couple -n "__fish_couple_using_subcommand history" -l dir -d 'The data directory [default: $XDG_DATA_HOME/couple]' -r -F
complete -c couple -n "__fish_couple_using_subcommand history" -l partner -d 'Who you are [default: your login name]' -r
complete -c couple -n "__fish_couple_using_subcommand history" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c couple -n "__fish_couple_using_subcommand history" -l on-this-day -d 'Only this day in earlier years, and a month ago'
complete -c couple -n "__fish_couple_using_subcommand history" -l raw -d 'CSV cells exactly as stored, formulas and all (no leading \')'
complete -c couple -n "__fish_couple_using_subcommand history" -l no-pager -d 'Print to stdout even on a terminal, without the pager'
complete -c couple -n "__fish_couple_using_subcommand history" -l no-input -d 'Never ask anything interactively'
complete -c couple -n "__fish_couple_using_subcommand history" -s q -l quiet -d 'Print only what was asked for: no new ids, no confirmations'
complete -c couple -n "__fish_couple_using_subcommand history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c couple -n "__fish_couple_using_subcommand export" -l from -d 'Only entries on or after this date (log)' -r
complete -c couple -n "__fish_couple_using_subcommand export" -l to -d 'Only entries on or before this date (log)' -r
complete -c couple -n "__fish_couple_using_subcommand export" -l kind -d 'Only entries of this kind (log; repeat for several)' -r -f -a "talk\t''
us-time\t''
care\t''
appreciation\t''
repair\t''
affection\t''
checkin\t''
answer\t''
sit-down\t''
state-of-us\t''
skip\t''"
complete -c couple -n "__fish_couple_using_subcommand export" -l status -d 'Only goals with this status (goals) [default: all]' -r -f -a "open\t''
done\t''
dropped\t''
all\t''"
complete -c couple -n "__fish_couple_using_subcommand export" -l horizon -d 'Only goals of this horizon (goals)' -r -f -a "month\t''
year\t''
someday\t''"
complete -c couple -n "__fish_couple_using_subcommand export" -s t -l theme -d 'Only prompts of this theme (prompts; repeat for several)' -r -f -a "check-in\t''
listening\t''
vulnerability\t''
reconnecting\t''
transitions\t''
healing\t''
small-moments\t''
blind-spots\t''
passion\t''
dreams\t''
appreciation\t''
play\t''"
complete -c couple -n "__fish_couple_using_subcommand export" -l format -d 'Output format' -r -f -a "csv\t'Comma-separated values with a header row'
json\t'An array of objects, for programs'
xlsx\t'A spreadsheet file (Excel, LibreOffice, Numbers): typed cells'"
complete -c couple -n "__fish_couple_using_subcommand export" -s o -l output -d 'Write to FILE instead of stdout (atomically, mode 0600)' -r -F
complete -c couple -n "__fish_couple_using_subcommand export" -l dir -d 'The data directory [default: $XDG_DATA_HOME/couple]' -r -F
complete -c couple -n "__fish_couple_using_subcommand export" -l partner -d 'Who you are [default: your login name]' -r
complete -c couple -n "__fish_couple_using_subcommand export" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c couple -n "__fish_couple_using_subcommand export" -l raw -d 'CSV cells exactly as stored, formulas and all (no leading \')'
complete -c couple -n "__fish_couple_using_subcommand export" -l excel -d 'CSV for Excel: a UTF-8 byte-order mark and CRLF line ends'
complete -c couple -n "__fish_couple_using_subcommand export" -l no-input -d 'Never ask anything interactively'
complete -c couple -n "__fish_couple_using_subcommand export" -s q -l quiet -d 'Print only what was asked for: no new ids, no confirmations'
complete -c couple -n "__fish_couple_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c couple -n "__fish_couple_using_subcommand talk" -l for -d 'How long to talk: 15m, 10m, 90s, 1h 30m (a bare number is minutes)' -r
complete -c couple -n "__fish_couple_using_subcommand talk" -s t -l theme -d 'A question of this theme (repeat for several)' -r -f -a "check-in\t''
listening\t''
vulnerability\t''
reconnecting\t''
transitions\t''
healing\t''
small-moments\t''
blind-spots\t''
passion\t''
dreams\t''
appreciation\t''
play\t''"
complete -c couple -n "__fish_couple_using_subcommand talk" -l depth -d 'Only light or only deep questions' -r -f -a "light\t''
deep\t''"
complete -c couple -n "__fish_couple_using_subcommand talk" -l id -d 'The question with this id (or a unique prefix of it)' -r
complete -c couple -n "__fish_couple_using_subcommand talk" -l dir -d 'The data directory [default: $XDG_DATA_HOME/couple]' -r -F
complete -c couple -n "__fish_couple_using_subcommand talk" -l partner -d 'Who you are [default: your login name]' -r
complete -c couple -n "__fish_couple_using_subcommand talk" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c couple -n "__fish_couple_using_subcommand talk" -l random -d 'Any question at random, instead of the question of the day'
complete -c couple -n "__fish_couple_using_subcommand talk" -l weekly -d 'The weekly "state of us" instead of the daily talk'
complete -c couple -n "__fish_couple_using_subcommand talk" -l no-input -d 'Never ask anything interactively'
complete -c couple -n "__fish_couple_using_subcommand talk" -s q -l quiet -d 'Print only what was asked for: no new ids, no confirmations'
complete -c couple -n "__fish_couple_using_subcommand talk" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c couple -n "__fish_couple_using_subcommand rituals; and not __fish_seen_subcommand_from set pause unpause help" -l dir -d 'The data directory [default: $XDG_DATA_HOME/couple]' -r -F
complete -c couple -n "__fish_couple_using_subcommand rituals; and not __fish_seen_subcommand_from set pause unpause help" -l partner -d 'Who you are [default: your login name]' -r
complete -c couple -n "__fish_couple_using_subcommand rituals; and not __fish_seen_subcommand_from set pause unpause help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c couple -n "__fish_couple_using_subcommand rituals; and not __fish_seen_subcommand_from set pause unpause help" -l no-input -d 'Never ask anything interactively'
complete -c couple -n "__fish_couple_using_subcommand rituals; and not __fish_seen_subcommand_from set pause unpause help" -s q -l quiet -d 'Print only what was asked for: no new ids, no confirmations'
complete -c couple -n "__fish_couple_using_subcommand rituals; and not __fish_seen_subcommand_from set pause unpause help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c couple -n "__fish_couple_using_subcommand rituals; and not __fish_seen_subcommand_from set pause unpause help" -f -a "set" -d 'Set a ritual\'s target (adding the ritual if it is new)'
complete -c couple -n "__fish_couple_using_subcommand rituals; and not __fish_seen_subcommand_from set pause unpause help" -f -a "pause" -d 'Pause some rituals, or all, from one day to another'
complete -c couple -n "__fish_couple_using_subcommand rituals; and not __fish_seen_subcommand_from set pause unpause help" -f -a "unpause" -d 'Remove a pause, by its id or a unique prefix of it'
complete -c couple -n "__fish_couple_using_subcommand rituals; and not __fish_seen_subcommand_from set pause unpause help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from set" -l kind -d 'A kind it counts (repeat for several) [default: the kind it is named after]' -r -f -a "talk\t''
us-time\t''
care\t''
appreciation\t''
repair\t''
affection\t''
checkin\t''
answer\t''
sit-down\t''
state-of-us\t''"
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from set" -l minutes -d 'Count only entries of at least this many minutes' -r
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from set" -l dir -d 'The data directory [default: $XDG_DATA_HOME/couple]' -r -F
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from set" -l partner -d 'Who you are [default: your login name]' -r
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from set" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from set" -l any-length -d 'Count entries of any length again'
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from set" -l no-input -d 'Never ask anything interactively'
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only what was asked for: no new ids, no confirmations'
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from pause" -l from -d 'The first day of the break' -r
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from pause" -l to -d 'The last day of the break' -r
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from pause" -l dir -d 'The data directory [default: $XDG_DATA_HOME/couple]' -r -F
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from pause" -l partner -d 'Who you are [default: your login name]' -r
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from pause" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from pause" -l no-input -d 'Never ask anything interactively'
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from pause" -s q -l quiet -d 'Print only what was asked for: no new ids, no confirmations'
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from unpause" -l dir -d 'The data directory [default: $XDG_DATA_HOME/couple]' -r -F
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from unpause" -l partner -d 'Who you are [default: your login name]' -r
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from unpause" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from unpause" -l no-input -d 'Never ask anything interactively'
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from unpause" -s q -l quiet -d 'Print only what was asked for: no new ids, no confirmations'
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from unpause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set a ritual\'s target (adding the ritual if it is new)'
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Pause some rituals, or all, from one day to another'
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from help" -f -a "unpause" -d 'Remove a pause, by its id or a unique prefix of it'
complete -c couple -n "__fish_couple_using_subcommand rituals; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c couple -n "__fish_couple_using_subcommand completions" -l dir -d 'The data directory [default: $XDG_DATA_HOME/couple]' -r -F
complete -c couple -n "__fish_couple_using_subcommand completions" -l partner -d 'Who you are [default: your login name]' -r
complete -c couple -n "__fish_couple_using_subcommand completions" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c couple -n "__fish_couple_using_subcommand completions" -l no-input -d 'Never ask anything interactively'
complete -c couple -n "__fish_couple_using_subcommand completions" -s q -l quiet -d 'Print only what was asked for: no new ids, no confirmations'
complete -c couple -n "__fish_couple_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c couple -n "__fish_couple_using_subcommand merge-driver" -l dir -d 'The data directory [default: $XDG_DATA_HOME/couple]' -r -F
complete -c couple -n "__fish_couple_using_subcommand merge-driver" -l partner -d 'Who you are [default: your login name]' -r
complete -c couple -n "__fish_couple_using_subcommand merge-driver" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c couple -n "__fish_couple_using_subcommand merge-driver" -l no-input -d 'Never ask anything interactively'
complete -c couple -n "__fish_couple_using_subcommand merge-driver" -s q -l quiet -d 'Print only what was asked for: no new ids, no confirmations'
complete -c couple -n "__fish_couple_using_subcommand merge-driver" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c couple -n "__fish_couple_using_subcommand help; and not __fish_seen_subcommand_from prompt log goals review history export talk rituals completions merge-driver help" -f -a "prompt" -d 'Print the question of the day, or browse the deck'
complete -c couple -n "__fish_couple_using_subcommand help; and not __fish_seen_subcommand_from prompt log goals review history export talk rituals completions merge-driver help" -f -a "log" -d 'Record a ritual: a talk, time together, a small act of care, …'
complete -c couple -n "__fish_couple_using_subcommand help; and not __fish_seen_subcommand_from prompt log goals review history export talk rituals completions merge-driver help" -f -a "goals" -d 'Shared goals, dreams and bucket-list ideas, and the monthly sit-down'
complete -c couple -n "__fish_couple_using_subcommand help; and not __fish_seen_subcommand_from prompt log goals review history export talk rituals completions merge-driver help" -f -a "review" -d 'How it is going, and what is due'
complete -c couple -n "__fish_couple_using_subcommand help; and not __fish_seen_subcommand_from prompt log goals review history export talk rituals completions merge-driver help" -f -a "history" -d 'Read each other: the shared journal, newest first'
complete -c couple -n "__fish_couple_using_subcommand help; and not __fish_seen_subcommand_from prompt log goals review history export talk rituals completions merge-driver help" -f -a "export" -d 'Write the log, the goals or the deck as CSV, JSON or a spreadsheet'
complete -c couple -n "__fish_couple_using_subcommand help; and not __fish_seen_subcommand_from prompt log goals review history export talk rituals completions merge-driver help" -f -a "talk" -d 'The daily talk, timed and calm; or the weekly "state of us"'
complete -c couple -n "__fish_couple_using_subcommand help; and not __fish_seen_subcommand_from prompt log goals review history export talk rituals completions merge-driver help" -f -a "rituals" -d 'Your own rituals and targets, and breaks that keep a streak'
complete -c couple -n "__fish_couple_using_subcommand help; and not __fish_seen_subcommand_from prompt log goals review history export talk rituals completions merge-driver help" -f -a "completions" -d 'Print the shell completion script'
complete -c couple -n "__fish_couple_using_subcommand help; and not __fish_seen_subcommand_from prompt log goals review history export talk rituals completions merge-driver help" -f -a "merge-driver" -d 'Merge two versions of a data file: git\'s merge driver for couple'
complete -c couple -n "__fish_couple_using_subcommand help; and not __fish_seen_subcommand_from prompt log goals review history export talk rituals completions merge-driver help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c couple -n "__fish_couple_using_subcommand help; and __fish_seen_subcommand_from goals" -f -a "add" -d 'Add a goal; prints its new id'
complete -c couple -n "__fish_couple_using_subcommand help; and __fish_seen_subcommand_from goals" -f -a "list" -d 'List goals: the open ones, overdue first'
complete -c couple -n "__fish_couple_using_subcommand help; and __fish_seen_subcommand_from goals" -f -a "done" -d 'Mark a goal done'
complete -c couple -n "__fish_couple_using_subcommand help; and __fish_seen_subcommand_from goals" -f -a "drop" -d 'Drop a goal you no longer want (it stays in the file, as dropped)'
complete -c couple -n "__fish_couple_using_subcommand help; and __fish_seen_subcommand_from goals" -f -a "reopen" -d 'Open a done or dropped goal again'
complete -c couple -n "__fish_couple_using_subcommand help; and __fish_seen_subcommand_from goals" -f -a "edit" -d 'Change a goal\'s title, horizon, due date, owner or note'
complete -c couple -n "__fish_couple_using_subcommand help; and __fish_seen_subcommand_from goals" -f -a "review" -d 'The monthly sit-down: go through the open goals together'
complete -c couple -n "__fish_couple_using_subcommand help; and __fish_seen_subcommand_from rituals" -f -a "set" -d 'Set a ritual\'s target (adding the ritual if it is new)'
complete -c couple -n "__fish_couple_using_subcommand help; and __fish_seen_subcommand_from rituals" -f -a "pause" -d 'Pause some rituals, or all, from one day to another'
complete -c couple -n "__fish_couple_using_subcommand help; and __fish_seen_subcommand_from rituals" -f -a "unpause" -d 'Remove a pause, by its id or a unique prefix of it'
