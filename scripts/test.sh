#!/usr/bin/env bash
# The whole test suite: unit tests of every module, then end-to-end tests through the built CLI, boto3, the AWS CLI,
# curl and moto_server. The end-to-end tests wait on child processes synchronously, so they run in their own pass:
# sharing the two-thread cooperative pool of a 2-core machine with them would starve the unit tests' async waits.
# The PostgreSQL tests use a throwaway cluster this script starts (scripts/postgres-test-cluster.sh) and stops on
# any exit; its URL reaches them as LAMBDALOCAL_TEST_POSTGRES_URL.
# Extra arguments (e.g. --filter X) go to both passes. Afterwards, any process still running from .build* fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
swift build --build-tests
postgres_dir=$(mktemp -d)
trap 'scripts/postgres-test-cluster.sh stop "$postgres_dir"' EXIT
LAMBDALOCAL_TEST_POSTGRES_URL=$(scripts/postgres-test-cluster.sh start "$postgres_dir")
export LAMBDALOCAL_TEST_POSTGRES_URL
swift test --skip-build --skip EndToEndTests "$@"
swift test --skip-build --filter EndToEndTests "$@"
# Nothing the suite started may outlive it.
scripts/check-leftovers.sh
