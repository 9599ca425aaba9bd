
use builtin;
use str;

set edit:completion:arg-completer[couple] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'couple'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'couple'= {
            cand --dir 'The data directory [default: $XDG_DATA_HOME/couple]'
            cand --partner 'Who you are [default: your login name]'
            cand --color 'When to use colour'
            cand --no-input 'Never ask anything interactively'
            cand -q 'Print only what was asked for: no new ids, no confirmations'
            cand --quiet 'Print only what was asked for: no new ids, no confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand prompt 'Print the question of the day, or browse the deck'
            cand log 'Record a ritual: a talk, time together, a small act of care, …'
            cand goals 'Shared goals, dreams and bucket-list ideas, and the monthly sit-down'
            cand review 'How it is going, and what is due'
            cand history 'Read each other: the shared journal, newest first'
            cand export 'Write the log, the goals or the deck as CSV, JSON or a spreadsheet'
            cand talk 'The daily talk, timed and calm; or the weekly "state of us"'
            cand rituals 'Your own rituals and targets, and breaks that keep a streak'
            cand completions 'Print the shell completion script'
            cand merge-driver 'Merge two versions of a data file: git''s merge driver for couple'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'couple;prompt'= {
            cand -t 'Only prompts of this theme (repeat for several)'
            cand --theme 'Only prompts of this theme (repeat for several)'
            cand --depth 'Only light or only deep prompts'
            cand -d 'The question of this day instead of today''s (2026-03-01, tomorrow, …)'
            cand --date 'The question of this day instead of today''s (2026-03-01, tomorrow, …)'
            cand --id 'The prompt with this id (or a unique prefix of it)'
            cand --idea 'An idea for time together (us-time) or a small act of care (care)'
            cand --deck 'Use this deck instead of the built-in one (columns id,theme,depth,text)'
            cand --format 'Output format'
            cand --dir 'The data directory [default: $XDG_DATA_HOME/couple]'
            cand --partner 'Who you are [default: your login name]'
            cand --color 'When to use colour'
            cand --random 'Any prompt at random, instead of the question of the day'
            cand --list 'Every prompt of the (filtered) deck'
            cand --themes 'Each theme with its number of prompts'
            cand --skip 'Skip today''s question for you both, and print the next one'
            cand --upgrade-deck 'Move the couple to the newest deck edition from today on'
            cand --raw 'CSV cells exactly as stored, formulas and all (no leading '')'
            cand --no-input 'Never ask anything interactively'
            cand -q 'Print only what was asked for: no new ids, no confirmations'
            cand --quiet 'Print only what was asked for: no new ids, no confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'couple;log'= {
            cand -m 'How long it lasted, in minutes (0–1440)'
            cand --minutes 'How long it lasted, in minutes (0–1440)'
            cand --mood 'How you feel, from 1 (low) to 5 (high)'
            cand -d 'The day it happened, if not today (2026-11-20, yesterday, last friday, …)'
            cand --date 'The day it happened, if not today (2026-11-20, yesterday, last friday, …)'
            cand --prompt 'The prompt it is about [default for answer: that day''s question]'
            cand --dir 'The data directory [default: $XDG_DATA_HOME/couple]'
            cand --partner 'Who you are [default: your login name]'
            cand --color 'When to use colour'
            cand --undo 'Remove your own most recent entry instead'
            cand --no-input 'Never ask anything interactively'
            cand -q 'Print only what was asked for: no new ids, no confirmations'
            cand --quiet 'Print only what was asked for: no new ids, no confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'couple;goals'= {
            cand --status 'Which goals to list'
            cand --horizon 'Only goals of this horizon'
            cand --format 'Output format'
            cand --dir 'The data directory [default: $XDG_DATA_HOME/couple]'
            cand --partner 'Who you are [default: your login name]'
            cand --color 'When to use colour'
            cand --raw 'CSV cells exactly as stored, formulas and all (no leading '')'
            cand --no-input 'Never ask anything interactively'
            cand -q 'Print only what was asked for: no new ids, no confirmations'
            cand --quiet 'Print only what was asked for: no new ids, no confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand add 'Add a goal; prints its new id'
            cand list 'List goals: the open ones, overdue first'
            cand done 'Mark a goal done'
            cand drop 'Drop a goal you no longer want (it stays in the file, as dropped)'
            cand reopen 'Open a done or dropped goal again'
            cand edit 'Change a goal''s title, horizon, due date, owner or note'
            cand review 'The monthly sit-down: go through the open goals together'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'couple;goals;add'= {
            cand --horizon 'How far away it is [default: month if due within a month, year if within a year, else someday]'
            cand --due 'When you want it done (2026-12-24, "next friday", …)'
            cand --owner 'Whose goal it is: us (both of you), me, or a partner''s name'
            cand --note 'A note to keep with it'
            cand --dir 'The data directory [default: $XDG_DATA_HOME/couple]'
            cand --partner 'Who you are [default: your login name]'
            cand --color 'When to use colour'
            cand --no-input 'Never ask anything interactively'
            cand -q 'Print only what was asked for: no new ids, no confirmations'
            cand --quiet 'Print only what was asked for: no new ids, no confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'couple;goals;list'= {
            cand --status 'Which goals to list'
            cand --horizon 'Only goals of this horizon'
            cand --format 'Output format'
            cand --dir 'The data directory [default: $XDG_DATA_HOME/couple]'
            cand --partner 'Who you are [default: your login name]'
            cand --color 'When to use colour'
            cand --raw 'CSV cells exactly as stored, formulas and all (no leading '')'
            cand --no-input 'Never ask anything interactively'
            cand -q 'Print only what was asked for: no new ids, no confirmations'
            cand --quiet 'Print only what was asked for: no new ids, no confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'couple;goals;done'= {
            cand --dir 'The data directory [default: $XDG_DATA_HOME/couple]'
            cand --partner 'Who you are [default: your login name]'
            cand --color 'When to use colour'
            cand --no-input 'Never ask anything interactively'
            cand -q 'Print only what was asked for: no new ids, no confirmations'
            cand --quiet 'Print only what was asked for: no new ids, no confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'couple;goals;drop'= {
            cand --dir 'The data directory [default: $XDG_DATA_HOME/couple]'
            cand --partner 'Who you are [default: your login name]'
            cand --color 'When to use colour'
            cand --no-input 'Never ask anything interactively'
            cand -q 'Print only what was asked for: no new ids, no confirmations'
            cand --quiet 'Print only what was asked for: no new ids, no confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'couple;goals;reopen'= {
            cand --dir 'The data directory [default: $XDG_DATA_HOME/couple]'
            cand --partner 'Who you are [default: your login name]'
            cand --color 'When to use colour'
            cand --no-input 'Never ask anything interactively'
            cand -q 'Print only what was asked for: no new ids, no confirmations'
            cand --quiet 'Print only what was asked for: no new ids, no confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'couple;goals;edit'= {
            cand --title 'A new title'
            cand --horizon 'A new horizon'
            cand --due 'A new due date'
            cand --owner 'A new owner: us, me, or a partner''s name'
            cand --note 'A new note, in place of the old one ("" removes it)'
            cand --dir 'The data directory [default: $XDG_DATA_HOME/couple]'
            cand --partner 'Who you are [default: your login name]'
            cand --color 'When to use colour'
            cand --no-due 'Remove the due date'
            cand --no-input 'Never ask anything interactively'
            cand -q 'Print only what was asked for: no new ids, no confirmations'
            cand --quiet 'Print only what was asked for: no new ids, no confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'couple;goals;review'= {
            cand -d 'The day of the sit-down [default: today]'
            cand --date 'The day of the sit-down [default: today]'
            cand --dir 'The data directory [default: $XDG_DATA_HOME/couple]'
            cand --partner 'Who you are [default: your login name]'
            cand --color 'When to use colour'
            cand --no-input 'Never ask anything interactively'
            cand -q 'Print only what was asked for: no new ids, no confirmations'
            cand --quiet 'Print only what was asked for: no new ids, no confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'couple;goals;help'= {
            cand add 'Add a goal; prints its new id'
            cand list 'List goals: the open ones, overdue first'
            cand done 'Mark a goal done'
            cand drop 'Drop a goal you no longer want (it stays in the file, as dropped)'
            cand reopen 'Open a done or dropped goal again'
            cand edit 'Change a goal''s title, horizon, due date, owner or note'
            cand review 'The monthly sit-down: go through the open goals together'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'couple;goals;help;add'= {
        }
        &'couple;goals;help;list'= {
        }
        &'couple;goals;help;done'= {
        }
        &'couple;goals;help;drop'= {
        }
        &'couple;goals;help;reopen'= {
        }
        &'couple;goals;help;edit'= {
        }
        &'couple;goals;help;review'= {
        }
        &'couple;goals;help;help'= {
        }
        &'couple;review'= {
            cand --from 'The first day of a period of your own'
            cand --to 'The last day of a period of your own'
            cand -d 'The day to review as of [default: today; with --to, the earlier of it and today]'
            cand --date 'The day to review as of [default: today; with --to, the earlier of it and today]'
            cand --format 'Output format'
            cand -o 'Write the page to FILE instead of stdout (html; atomically, mode 0600)'
            cand --output 'Write the page to FILE instead of stdout (html; atomically, mode 0600)'
            cand --dir 'The data directory [default: $XDG_DATA_HOME/couple]'
            cand --partner 'Who you are [default: your login name]'
            cand --color 'When to use colour'
            cand --week 'The ISO week holding the as-of date (the default)'
            cand --month 'The calendar month holding the as-of date'
            cand --year 'The calendar year holding the as-of date'
            cand --due 'Print only what is due now, one line each; nothing when all is well'
            cand --exit-code 'Exit with 1 when something is due (0 when nothing is)'
            cand --raw 'CSV cells exactly as stored, formulas and all (no leading '')'
            cand --no-input 'Never ask anything interactively'
            cand -q 'Print only what was asked for: no new ids, no confirmations'
            cand --quiet 'Print only what was asked for: no new ids, no confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'couple;history'= {
            cand --from 'Only days on or after this date'
            cand --to 'Only days on or before this date'
            cand --kind 'Only entries of this kind (repeat for several)'
            cand --grep 'Only entries whose note, answer or question holds TEXT (any case)'
            cand --format 'Output format'
            cand --dir 'The data directory [default: $XDG_DATA_HOME/couple]'
            cand --partner 'Who you are [default: your login name]'
            cand --color 'When to use colour'
            cand --on-this-day 'Only this day in earlier years, and a month ago'
            cand --raw 'CSV cells exactly as stored, formulas and all (no leading '')'
            cand --no-pager 'Print to stdout even on a terminal, without the pager'
            cand --no-input 'Never ask anything interactively'
            cand -q 'Print only what was asked for: no new ids, no confirmations'
            cand --quiet 'Print only what was asked for: no new ids, no confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'couple;export'= {
            cand --from 'Only entries on or after this date (log)'
            cand --to 'Only entries on or before this date (log)'
            cand --kind 'Only entries of this kind (log; repeat for several)'
            cand --status 'Only goals with this status (goals) [default: all]'
            cand --horizon 'Only goals of this horizon (goals)'
            cand -t 'Only prompts of this theme (prompts; repeat for several)'
            cand --theme 'Only prompts of this theme (prompts; repeat for several)'
            cand --format 'Output format'
            cand -o 'Write to FILE instead of stdout (atomically, mode 0600)'
            cand --output 'Write to FILE instead of stdout (atomically, mode 0600)'
            cand --dir 'The data directory [default: $XDG_DATA_HOME/couple]'
            cand --partner 'Who you are [default: your login name]'
            cand --color 'When to use colour'
            cand --raw 'CSV cells exactly as stored, formulas and all (no leading '')'
            cand --excel 'CSV for Excel: a UTF-8 byte-order mark and CRLF line ends'
            cand --no-input 'Never ask anything interactively'
            cand -q 'Print only what was asked for: no new ids, no confirmations'
            cand --quiet 'Print only what was asked for: no new ids, no confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'couple;talk'= {
            cand --for 'How long to talk: 15m, 10m, 90s, 1h 30m (a bare number is minutes)'
            cand -t 'A question of this theme (repeat for several)'
            cand --theme 'A question of this theme (repeat for several)'
            cand --depth 'Only light or only deep questions'
            cand --id 'The question with this id (or a unique prefix of it)'
            cand --dir 'The data directory [default: $XDG_DATA_HOME/couple]'
            cand --partner 'Who you are [default: your login name]'
            cand --color 'When to use colour'
            cand --random 'Any question at random, instead of the question of the day'
            cand --weekly 'The weekly "state of us" instead of the daily talk'
            cand --no-input 'Never ask anything interactively'
            cand -q 'Print only what was asked for: no new ids, no confirmations'
            cand --quiet 'Print only what was asked for: no new ids, no confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'couple;rituals'= {
            cand --dir 'The data directory [default: $XDG_DATA_HOME/couple]'
            cand --partner 'Who you are [default: your login name]'
            cand --color 'When to use colour'
            cand --no-input 'Never ask anything interactively'
            cand -q 'Print only what was asked for: no new ids, no confirmations'
            cand --quiet 'Print only what was asked for: no new ids, no confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand set 'Set a ritual''s target (adding the ritual if it is new)'
            cand pause 'Pause some rituals, or all, from one day to another'
            cand unpause 'Remove a pause, by its id or a unique prefix of it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'couple;rituals;set'= {
            cand --kind 'A kind it counts (repeat for several) [default: the kind it is named after]'
            cand --minutes 'Count only entries of at least this many minutes'
            cand --dir 'The data directory [default: $XDG_DATA_HOME/couple]'
            cand --partner 'Who you are [default: your login name]'
            cand --color 'When to use colour'
            cand --any-length 'Count entries of any length again'
            cand --no-input 'Never ask anything interactively'
            cand -q 'Print only what was asked for: no new ids, no confirmations'
            cand --quiet 'Print only what was asked for: no new ids, no confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'couple;rituals;pause'= {
            cand --from 'The first day of the break'
            cand --to 'The last day of the break'
            cand --dir 'The data directory [default: $XDG_DATA_HOME/couple]'
            cand --partner 'Who you are [default: your login name]'
            cand --color 'When to use colour'
            cand --no-input 'Never ask anything interactively'
            cand -q 'Print only what was asked for: no new ids, no confirmations'
            cand --quiet 'Print only what was asked for: no new ids, no confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'couple;rituals;unpause'= {
            cand --dir 'The data directory [default: $XDG_DATA_HOME/couple]'
            cand --partner 'Who you are [default: your login name]'
            cand --color 'When to use colour'
            cand --no-input 'Never ask anything interactively'
            cand -q 'Print only what was asked for: no new ids, no confirmations'
            cand --quiet 'Print only what was asked for: no new ids, no confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'couple;rituals;help'= {
            cand set 'Set a ritual''s target (adding the ritual if it is new)'
            cand pause 'Pause some rituals, or all, from one day to another'
            cand unpause 'Remove a pause, by its id or a unique prefix of it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'couple;rituals;help;set'= {
        }
        &'couple;rituals;help;pause'= {
        }
        &'couple;rituals;help;unpause'= {
        }
        &'couple;rituals;help;help'= {
        }
        &'couple;completions'= {
            cand --dir 'The data directory [default: $XDG_DATA_HOME/couple]'
            cand --partner 'Who you are [default: your login name]'
            cand --color 'When to use colour'
            cand --no-input 'Never ask anything interactively'
            cand -q 'Print only what was asked for: no new ids, no confirmations'
            cand --quiet 'Print only what was asked for: no new ids, no confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'couple;merge-driver'= {
            cand --dir 'The data directory [default: $XDG_DATA_HOME/couple]'
            cand --partner 'Who you are [default: your login name]'
            cand --color 'When to use colour'
            cand --no-input 'Never ask anything interactively'
            cand -q 'Print only what was asked for: no new ids, no confirmations'
            cand --quiet 'Print only what was asked for: no new ids, no confirmations'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'couple;help'= {
            cand prompt 'Print the question of the day, or browse the deck'
            cand log 'Record a ritual: a talk, time together, a small act of care, …'
            cand goals 'Shared goals, dreams and bucket-list ideas, and the monthly sit-down'
            cand review 'How it is going, and what is due'
            cand history 'Read each other: the shared journal, newest first'
            cand export 'Write the log, the goals or the deck as CSV, JSON or a spreadsheet'
            cand talk 'The daily talk, timed and calm; or the weekly "state of us"'
            cand rituals 'Your own rituals and targets, and breaks that keep a streak'
            cand completions 'Print the shell completion script'
            cand merge-driver 'Merge two versions of a data file: git''s merge driver for couple'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'couple;help;prompt'= {
        }
        &'couple;help;log'= {
        }
        &'couple;help;goals'= {
            cand add 'Add a goal; prints its new id'
            cand list 'List goals: the open ones, overdue first'
            cand done 'Mark a goal done'
            cand drop 'Drop a goal you no longer want (it stays in the file, as dropped)'
            cand reopen 'Open a done or dropped goal again'
            cand edit 'Change a goal''s title, horizon, due date, owner or note'
            cand review 'The monthly sit-down: go through the open goals together'
        }
        &'couple;help;goals;add'= {
        }
        &'couple;help;goals;list'= {
        }
        &'couple;help;goals;done'= {
        }
        &'couple;help;goals;drop'= {
        }
        &'couple;help;goals;reopen'= {
        }
        &'couple;help;goals;edit'= {
        }
        &'couple;help;goals;review'= {
        }
        &'couple;help;review'= {
        }
        &'couple;help;history'= {
        }
        &'couple;help;export'= {
        }
        &'couple;help;talk'= {
        }
        &'couple;help;rituals'= {
            cand set 'Set a ritual''s target (adding the ritual if it is new)'
            cand pause 'Pause some rituals, or all, from one day to another'
            cand unpause 'Remove a pause, by its id or a unique prefix of it'
        }
        &'couple;help;rituals;set'= {
        }
        &'couple;help;rituals;pause'= {
        }
        &'couple;help;rituals;unpause'= {
        }
        &'couple;help;completions'= {
        }
        &'couple;help;merge-driver'= {
        }
        &'couple;help;help'= {
        }
    ]
    $completions[$command]
}
