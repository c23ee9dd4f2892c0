#!/usr/bin/env bash
# The main job: the emulator serving template.json (lambda-local start); extra arguments go to `start`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
if [[ -z "${AWS_ACCESS_KEY_ID:-}" || -z "${AWS_REGION:-${AWS_DEFAULT_REGION:-}}" ]]; then
    # The AWS CLI and boto3 refuse to send a request without a region and some credentials; the emulator checks
    # neither, so any values do.
    echo "run.sh: for the AWS CLI and boto3 in another terminal: export AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local" >&2
fi
exec swift run lambda-local start "$@"
