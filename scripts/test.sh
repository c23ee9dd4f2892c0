#!/usr/bin/env bash
# The whole test suite: unit tests of every module, then end-to-end tests through the built CLI, boto3, the AWS CLI,
# curl and moto_server. The end-to-end tests wait on child processes synchronously, so they run in their own pass:
# sharing the two-thread cooperative pool of a 2-core machine with them would starve the unit tests' async waits.
# Extra arguments (e.g. --filter X) go to both passes. Afterwards, any process still running from .build* fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
swift build --build-tests
swift test --skip-build --skip EndToEndTests "$@"
swift test --skip-build --filter EndToEndTests "$@"
# Nothing the suite started may outlive it.
scripts/check-leftovers.sh
