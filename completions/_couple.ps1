
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'couple' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'couple'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'couple' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('prompt', 'prompt', [CompletionResultType]::ParameterValue, 'Print the question of the day, or browse the deck')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Record a ritual: a talk, time together, a small act of care, …')
            [CompletionResult]::new('goals', 'goals', [CompletionResultType]::ParameterValue, 'Shared goals, dreams and bucket-list ideas, and the monthly sit-down')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'How it is going, and what is due')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Read each other: the shared journal, newest first')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the log, the goals or the deck as CSV, JSON or a spreadsheet')
            [CompletionResult]::new('talk', 'talk', [CompletionResultType]::ParameterValue, 'The daily talk, timed and calm; or the weekly "state of us"')
            [CompletionResult]::new('rituals', 'rituals', [CompletionResultType]::ParameterValue, 'Your own rituals and targets, and breaks that keep a streak')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script')
            [CompletionResult]::new('merge-driver', 'merge-driver', [CompletionResultType]::ParameterValue, 'Merge two versions of a data file: git''s merge driver for couple')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'couple;prompt' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only prompts of this theme (repeat for several)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Only prompts of this theme (repeat for several)')
            [CompletionResult]::new('--depth', '--depth', [CompletionResultType]::ParameterName, 'Only light or only deep prompts')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'The question of this day instead of today''s (2026-03-01, tomorrow, …)')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The question of this day instead of today''s (2026-03-01, tomorrow, …)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The prompt with this id (or a unique prefix of it)')
            [CompletionResult]::new('--idea', '--idea', [CompletionResultType]::ParameterName, 'An idea for time together (us-time) or a small act of care (care)')
            [CompletionResult]::new('--deck', '--deck', [CompletionResultType]::ParameterName, 'Use this deck instead of the built-in one (columns id,theme,depth,text)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--random', '--random', [CompletionResultType]::ParameterName, 'Any prompt at random, instead of the question of the day')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'Every prompt of the (filtered) deck')
            [CompletionResult]::new('--themes', '--themes', [CompletionResultType]::ParameterName, 'Each theme with its number of prompts')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Skip today''s question for you both, and print the next one')
            [CompletionResult]::new('--upgrade-deck', '--upgrade-deck', [CompletionResultType]::ParameterName, 'Move the couple to the newest deck edition from today on')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'CSV cells exactly as stored, formulas and all (no leading '')')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;log' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'How long it lasted, in minutes (0–1440)')
            [CompletionResult]::new('--minutes', '--minutes', [CompletionResultType]::ParameterName, 'How long it lasted, in minutes (0–1440)')
            [CompletionResult]::new('--mood', '--mood', [CompletionResultType]::ParameterName, 'How you feel, from 1 (low) to 5 (high)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'The day it happened, if not today (2026-11-20, yesterday, last friday, …)')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The day it happened, if not today (2026-11-20, yesterday, last friday, …)')
            [CompletionResult]::new('--prompt', '--prompt', [CompletionResultType]::ParameterName, 'The prompt it is about [default for answer: that day''s question]')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--undo', '--undo', [CompletionResultType]::ParameterName, 'Remove your own most recent entry instead')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;goals' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Which goals to list')
            [CompletionResult]::new('--horizon', '--horizon', [CompletionResultType]::ParameterName, 'Only goals of this horizon')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'CSV cells exactly as stored, formulas and all (no leading '')')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a goal; prints its new id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List goals: the open ones, overdue first')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark a goal done')
            [CompletionResult]::new('drop', 'drop', [CompletionResultType]::ParameterValue, 'Drop a goal you no longer want (it stays in the file, as dropped)')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Open a done or dropped goal again')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a goal''s title, horizon, due date, owner or note')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'The monthly sit-down: go through the open goals together')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'couple;goals;add' {
            [CompletionResult]::new('--horizon', '--horizon', [CompletionResultType]::ParameterName, 'How far away it is [default: month if due within a month, year if within a year, else someday]')
            [CompletionResult]::new('--due', '--due', [CompletionResultType]::ParameterName, 'When you want it done (2026-12-24, "next friday", …)')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Whose goal it is: us (both of you), me, or a partner''s name')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note to keep with it')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;goals;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Which goals to list')
            [CompletionResult]::new('--horizon', '--horizon', [CompletionResultType]::ParameterName, 'Only goals of this horizon')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'CSV cells exactly as stored, formulas and all (no leading '')')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;goals;done' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;goals;drop' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;goals;reopen' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;goals;edit' {
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'A new title')
            [CompletionResult]::new('--horizon', '--horizon', [CompletionResultType]::ParameterName, 'A new horizon')
            [CompletionResult]::new('--due', '--due', [CompletionResultType]::ParameterName, 'A new due date')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'A new owner: us, me, or a partner''s name')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A new note, in place of the old one ("" removes it)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-due', '--no-due', [CompletionResultType]::ParameterName, 'Remove the due date')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;goals;review' {
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'The day of the sit-down [default: today]')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The day of the sit-down [default: today]')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;goals;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a goal; prints its new id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List goals: the open ones, overdue first')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark a goal done')
            [CompletionResult]::new('drop', 'drop', [CompletionResultType]::ParameterValue, 'Drop a goal you no longer want (it stays in the file, as dropped)')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Open a done or dropped goal again')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a goal''s title, horizon, due date, owner or note')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'The monthly sit-down: go through the open goals together')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'couple;goals;help;add' {
            break
        }
        'couple;goals;help;list' {
            break
        }
        'couple;goals;help;done' {
            break
        }
        'couple;goals;help;drop' {
            break
        }
        'couple;goals;help;reopen' {
            break
        }
        'couple;goals;help;edit' {
            break
        }
        'couple;goals;help;review' {
            break
        }
        'couple;goals;help;help' {
            break
        }
        'couple;review' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The first day of a period of your own')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The last day of a period of your own')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'The day to review as of [default: today; with --to, the earlier of it and today]')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The day to review as of [default: today; with --to, the earlier of it and today]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the page to FILE instead of stdout (html; atomically, mode 0600)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the page to FILE instead of stdout (html; atomically, mode 0600)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--week', '--week', [CompletionResultType]::ParameterName, 'The ISO week holding the as-of date (the default)')
            [CompletionResult]::new('--month', '--month', [CompletionResultType]::ParameterName, 'The calendar month holding the as-of date')
            [CompletionResult]::new('--year', '--year', [CompletionResultType]::ParameterName, 'The calendar year holding the as-of date')
            [CompletionResult]::new('--due', '--due', [CompletionResultType]::ParameterName, 'Print only what is due now, one line each; nothing when all is well')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit with 1 when something is due (0 when nothing is)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'CSV cells exactly as stored, formulas and all (no leading '')')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;history' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Only days on or after this date')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Only days on or before this date')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only entries of this kind (repeat for several)')
            [CompletionResult]::new('--grep', '--grep', [CompletionResultType]::ParameterName, 'Only entries whose note, answer or question holds TEXT (any case)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--on-this-day', '--on-this-day', [CompletionResultType]::ParameterName, 'Only this day in earlier years, and a month ago')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'CSV cells exactly as stored, formulas and all (no leading '')')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Print to stdout even on a terminal, without the pager')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;export' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Only entries on or after this date (log)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Only entries on or before this date (log)')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only entries of this kind (log; repeat for several)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only goals with this status (goals) [default: all]')
            [CompletionResult]::new('--horizon', '--horizon', [CompletionResultType]::ParameterName, 'Only goals of this horizon (goals)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only prompts of this theme (prompts; repeat for several)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Only prompts of this theme (prompts; repeat for several)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout (atomically, mode 0600)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout (atomically, mode 0600)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'CSV cells exactly as stored, formulas and all (no leading '')')
            [CompletionResult]::new('--excel', '--excel', [CompletionResultType]::ParameterName, 'CSV for Excel: a UTF-8 byte-order mark and CRLF line ends')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;talk' {
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'How long to talk: 15m, 10m, 90s, 1h 30m (a bare number is minutes)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'A question of this theme (repeat for several)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'A question of this theme (repeat for several)')
            [CompletionResult]::new('--depth', '--depth', [CompletionResultType]::ParameterName, 'Only light or only deep questions')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The question with this id (or a unique prefix of it)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--random', '--random', [CompletionResultType]::ParameterName, 'Any question at random, instead of the question of the day')
            [CompletionResult]::new('--weekly', '--weekly', [CompletionResultType]::ParameterName, 'The weekly "state of us" instead of the daily talk')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;rituals' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a ritual''s target (adding the ritual if it is new)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause some rituals, or all, from one day to another')
            [CompletionResult]::new('unpause', 'unpause', [CompletionResultType]::ParameterValue, 'Remove a pause, by its id or a unique prefix of it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'couple;rituals;set' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'A kind it counts (repeat for several) [default: the kind it is named after]')
            [CompletionResult]::new('--minutes', '--minutes', [CompletionResultType]::ParameterName, 'Count only entries of at least this many minutes')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--any-length', '--any-length', [CompletionResultType]::ParameterName, 'Count entries of any length again')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;rituals;pause' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The first day of the break')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The last day of the break')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;rituals;unpause' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;rituals;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a ritual''s target (adding the ritual if it is new)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause some rituals, or all, from one day to another')
            [CompletionResult]::new('unpause', 'unpause', [CompletionResultType]::ParameterValue, 'Remove a pause, by its id or a unique prefix of it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'couple;rituals;help;set' {
            break
        }
        'couple;rituals;help;pause' {
            break
        }
        'couple;rituals;help;unpause' {
            break
        }
        'couple;rituals;help;help' {
            break
        }
        'couple;completions' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;merge-driver' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no new ids, no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;help' {
            [CompletionResult]::new('prompt', 'prompt', [CompletionResultType]::ParameterValue, 'Print the question of the day, or browse the deck')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Record a ritual: a talk, time together, a small act of care, …')
            [CompletionResult]::new('goals', 'goals', [CompletionResultType]::ParameterValue, 'Shared goals, dreams and bucket-list ideas, and the monthly sit-down')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'How it is going, and what is due')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Read each other: the shared journal, newest first')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the log, the goals or the deck as CSV, JSON or a spreadsheet')
            [CompletionResult]::new('talk', 'talk', [CompletionResultType]::ParameterValue, 'The daily talk, timed and calm; or the weekly "state of us"')
            [CompletionResult]::new('rituals', 'rituals', [CompletionResultType]::ParameterValue, 'Your own rituals and targets, and breaks that keep a streak')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script')
            [CompletionResult]::new('merge-driver', 'merge-driver', [CompletionResultType]::ParameterValue, 'Merge two versions of a data file: git''s merge driver for couple')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'couple;help;prompt' {
            break
        }
        'couple;help;log' {
            break
        }
        'couple;help;goals' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a goal; prints its new id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List goals: the open ones, overdue first')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark a goal done')
            [CompletionResult]::new('drop', 'drop', [CompletionResultType]::ParameterValue, 'Drop a goal you no longer want (it stays in the file, as dropped)')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Open a done or dropped goal again')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a goal''s title, horizon, due date, owner or note')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'The monthly sit-down: go through the open goals together')
            break
        }
        'couple;help;goals;add' {
            break
        }
        'couple;help;goals;list' {
            break
        }
        'couple;help;goals;done' {
            break
        }
        'couple;help;goals;drop' {
            break
        }
        'couple;help;goals;reopen' {
            break
        }
        'couple;help;goals;edit' {
            break
        }
        'couple;help;goals;review' {
            break
        }
        'couple;help;review' {
            break
        }
        'couple;help;history' {
            break
        }
        'couple;help;export' {
            break
        }
        'couple;help;talk' {
            break
        }
        'couple;help;rituals' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a ritual''s target (adding the ritual if it is new)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause some rituals, or all, from one day to another')
            [CompletionResult]::new('unpause', 'unpause', [CompletionResultType]::ParameterValue, 'Remove a pause, by its id or a unique prefix of it')
            break
        }
        'couple;help;rituals;set' {
            break
        }
        'couple;help;rituals;pause' {
            break
        }
        'couple;help;rituals;unpause' {
            break
        }
        'couple;help;completions' {
            break
        }
        'couple;help;merge-driver' {
            break
        }
        'couple;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
