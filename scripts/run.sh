#!/usr/bin/env bash
# The main job: the emulator serving template.json (lambda-local start); extra arguments go to `start`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
exec swift run lambda-local start "$@"
