" Quarto documents, for Neovim versions whose runtime does not know them yet (0.9 and
" later detect .qmd themselves; :setfiletype leaves a filetype already set alone).
autocmd BufRead,BufNewFile *.qmd setfiletype quarto
