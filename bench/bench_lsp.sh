#!/bin/sh
# bench/bench_lsp.sh VERBATIM: the language server's latency and memory (bench/lsp.py).
exec python3 "$(dirname "$0")/lsp.py" "${1:-build/verbatim}"
