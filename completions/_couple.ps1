
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
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('prompt', 'prompt', [CompletionResultType]::ParameterValue, 'Print the question of the day, or browse the deck')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Record a ritual: a talk, time together, a small act of care, …')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'How it is going, and what is due')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the log, the goals or the deck as CSV or JSON')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Regenerate completions/ and man/ (for maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'couple;prompt' {
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Only prompts of this theme (repeat for several)')
            [CompletionResult]::new('--depth', '--depth', [CompletionResultType]::ParameterName, 'Only light or only deep prompts')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The question of this day instead of today''s (2026-03-01, tomorrow, …)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The prompt with this id (or a unique prefix of it)')
            [CompletionResult]::new('--deck', '--deck', [CompletionResultType]::ParameterName, 'Use this deck instead of the built-in one (columns id,theme,depth,text)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--random', '--random', [CompletionResultType]::ParameterName, 'Any prompt at random, instead of the question of the day')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'Every prompt of the (filtered) deck')
            [CompletionResult]::new('--themes', '--themes', [CompletionResultType]::ParameterName, 'Each theme with its number of prompts')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;log' {
            [CompletionResult]::new('--minutes', '--minutes', [CompletionResultType]::ParameterName, 'How long it lasted, in minutes (0–1440)')
            [CompletionResult]::new('--mood', '--mood', [CompletionResultType]::ParameterName, 'How you feel, from 1 (low) to 5 (high)')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The day it happened, if not today (2026-11-20, yesterday, last friday, …)')
            [CompletionResult]::new('--prompt', '--prompt', [CompletionResultType]::ParameterName, 'The prompt it is about [default for answer: that day''s question]')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--undo', '--undo', [CompletionResultType]::ParameterName, 'Remove your own most recent entry instead')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;review' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The first day of a period of your own')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The last day of a period of your own')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The day to review as of [default: today]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--week', '--week', [CompletionResultType]::ParameterName, 'The ISO week holding the as-of date (the default)')
            [CompletionResult]::new('--month', '--month', [CompletionResultType]::ParameterName, 'The calendar month holding the as-of date')
            [CompletionResult]::new('--year', '--year', [CompletionResultType]::ParameterName, 'The calendar year holding the as-of date')
            [CompletionResult]::new('--due', '--due', [CompletionResultType]::ParameterName, 'Print only what is due now, one line each; nothing when all is well')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit with 1 when something is due (0 when nothing is)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no confirmations')
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
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;completions' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The data directory [default: $XDG_DATA_HOME/couple]')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;generate' {
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Who you are [default: your login name]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never ask anything interactively')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no confirmations')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no confirmations')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'couple;help' {
            [CompletionResult]::new('prompt', 'prompt', [CompletionResultType]::ParameterValue, 'Print the question of the day, or browse the deck')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Record a ritual: a talk, time together, a small act of care, …')
            [CompletionResult]::new('review', 'review', [CompletionResultType]::ParameterValue, 'How it is going, and what is due')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the log, the goals or the deck as CSV or JSON')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Regenerate completions/ and man/ (for maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'couple;help;prompt' {
            break
        }
        'couple;help;log' {
            break
        }
        'couple;help;review' {
            break
        }
        'couple;help;export' {
            break
        }
        'couple;help;completions' {
            break
        }
        'couple;help;generate' {
            break
        }
        'couple;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
