#!/usr/bin/env bash
# Installs what building and testing LambdaLocal needs and is missing: libcurl, SQLite and zlib headers (the handler
# library speaks to the Runtime API through libcurl; the table store uses the system SQLite; zips are deflated with
# zlib), curl, and for the tests (--test) Debian's PostgreSQL server (the tests start a throwaway cluster of it), the
# AWS CLI, boto3, moto's server and cfn-lint. apt is used only when running as root.
set -euo pipefail

missing=()
pkg-config --exists libcurl 2>/dev/null || missing+=(libcurl4-openssl-dev)
pkg-config --exists sqlite3 2>/dev/null || missing+=(libsqlite3-dev)
pkg-config --exists zlib 2>/dev/null || missing+=(zlib1g-dev)   # ZIPFoundation (lambda-local package)
command -v curl >/dev/null || missing+=(curl)
command -v pkg-config >/dev/null || missing+=(pkg-config)
if [[ ${1:-} == --test ]] && ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
    missing+=(postgresql)
fi
if ((${#missing[@]})); then
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
        echo "install-deps: apt-get install ${missing[*]}" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "install-deps: please install: ${missing[*]}" >&2
        exit 1
    fi
fi

if [[ ${1:-} == --test ]]; then
    py=()
    command -v aws >/dev/null || py+=(awscli)
    python3 -c "import boto3" 2>/dev/null || py+=(boto3)
    command -v cfn-lint >/dev/null || py+=(cfn-lint)
    command -v moto_server >/dev/null && python3 -c "import joserfc" 2>/dev/null || py+=("moto[server,cognitoidp]")
    if ((${#py[@]})); then
        echo "install-deps: pip install ${py[*]}" >&2
        python3 -m pip install -q "${py[@]}"
    fi
fi
