#!/bin/sh
# Git pre-commit hook for a repository of plans, written by `plan hook --install`.
# Before each commit it runs `plan check --strict` on every plans/*.toml file the commit
# changes, and stops the commit when a plan is invalid or has findings.
# Skip it once with `git commit --no-verify`; set PLAN_HOOK_ARGS to pass other options
# (for example PLAN_HOOK_ARGS="--as-of 2019-12-31").
command -v plan >/dev/null 2>&1 || { echo "pre-commit: \`plan\` is not on PATH; install it with \`cargo install --path .\`" >&2; exit 1; }
# Names are NUL-separated (-z), so that any name works, `plans/план 2019.toml` included;
# xargs -0 hands them to the checking loop as they are.
git diff --cached --name-only -z --diff-filter=ACMR -- 'plans/*.toml' '*/plans/*.toml' | xargs -0 sh -c '
status=0
for file do
    # The working copy is checked; stage all of a plan'"'"'s changes before committing it.
    if ! git diff --quiet -- "$file"; then
        echo "pre-commit: $file has unstaged changes; the working copy is what gets checked" >&2
    fi
    # shellcheck disable=SC2086 # PLAN_HOOK_ARGS is split on purpose
    plan --quiet --file "$file" $PLAN_HOOK_ARGS check --strict || status=1
done
exit $status
' pre-commit
