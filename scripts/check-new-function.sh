#!/usr/bin/env bash
# Opt-in end-to-end check of `lambda-local new` (minutes: it builds a copy of the package from scratch), as a new
# user would run it: on a temporary copy of the repository (without .build), `new Greeter --stream MessagesTable`,
# `swift build`, the generated test, and `lambda-local invoke Greeter` with the generated sample event.
# The fast checks of the file edits are in the test suite (FunctionScaffoldingTests).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
copy=$(mktemp -d "${TMPDIR:-/tmp}/lambda-local-new-XXXXXX")
trap 'rm -rf "$copy"' EXIT
git ls-files -z | xargs -0 -I{} cp --parents {} "$copy"/
# Uncommitted changes to tracked files are copied too (git ls-files lists them; cp takes the working copy).
cd "$copy"
echo "== copy at $copy"
nice -n 10 swift build --product lambda-local
./.build/debug/lambda-local new Greeter --stream MessagesTable
echo "== what new changed in Package.swift and template.json"
diff -u "$repo/Package.swift" Package.swift || true
diff -u "$repo/template.json" template.json || true
nice -n 10 swift build --build-tests
nice -n 10 swift test --skip-build --filter GreeterTests
./.build/debug/lambda-local invoke Greeter --event events/greeter.json --in-memory
echo "== check-new-function: OK"
