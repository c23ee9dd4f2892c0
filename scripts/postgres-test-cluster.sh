#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, never a system one.
#   scripts/postgres-test-cluster.sh start DIR   initdb in DIR/data, start it on 127.0.0.1 on a free port (its unix
#                                               socket in DIR), print its connection URL
#   scripts/postgres-test-cluster.sh stop DIR    stop it (a no-op when it is not running) and remove DIR
# initdb refuses root: as root the cluster runs as the `postgres` system user that Debian's package creates.
set -euo pipefail

command=${1:?usage: $0 start|stop DIR}
dir=${2:?usage: $0 start|stop DIR}

bindir() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    if [[ -z $found ]] && command -v pg_config >/dev/null; then found=$(pg_config --bindir); fi
    if [[ -z $found || ! -x $found/initdb ]]; then
        echo "postgres-test-cluster: no PostgreSQL server binaries (initdb) under /usr/lib/postgresql/*/bin;" \
            "install Debian's postgresql package (scripts/install-deps.sh --test does)" >&2
        exit 1
    fi
    echo "$found"
}

# Runs a command as the cluster's owner: the postgres user when we are root, ourselves otherwise.
as_owner() {
    if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case $command in
start)
    bin=$(bindir)
    mkdir -p "$dir"
    if [[ $(id -u) == 0 ]]; then chown postgres: "$dir"; fi
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-sync >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        exit 1
    }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null || {
        cat "$dir/server.log" >&2
        exit 1
    }
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
stop)
    if [[ -f $dir/data/postmaster.pid ]]; then
        as_owner "$(bindir)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
