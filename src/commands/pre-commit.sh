#!/bin/sh
# Git pre-commit hook for a repository of plans, written by `plan hook --install`.
# Before each commit it runs `plan hook --pre-commit`: every plans/*.toml the commit adds or
# changes must load, and the commit stops only for findings that the staged plan has and the
# last commit's has not. A breach already committed (a meeting held late in July) never stops
# a later commit. The staged version is judged, not the working copy.
# Skip it once with `git commit --no-verify`; set PLAN_HOOK_ARGS to pass global options
# (for example PLAN_HOOK_ARGS="--as-of 2019-12-31").
if ! command -v plan >/dev/null 2>&1; then
    # `plan` is what speaks the user's language; without it, this one message is chosen here.
    case "${PLAN_LANG:-${LC_ALL:-${LC_MESSAGES:-$LANG}}}" in
        ru*) echo "pre-commit: программа \`plan\` не найдена в PATH; установите её: \`cargo install --path .\`" >&2 ;;
        *) echo "pre-commit: \`plan\` is not on PATH; install it with \`cargo install --path .\`" >&2 ;;
    esac
    exit 1
fi
# shellcheck disable=SC2086 # PLAN_HOOK_ARGS is split on purpose
exec plan $PLAN_HOOK_ARGS hook --pre-commit
