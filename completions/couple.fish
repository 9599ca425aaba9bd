complete --keep-order --exclusive --command couple --arguments "(COMPLETE=fish couple -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
