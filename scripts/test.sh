#!/usr/bin/env bash
# The whole test suite: unit tests of every module and end-to-end tests through the built CLI, the AWS CLI and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
swift build --build-tests
swift test --skip-build "$@"
