#!/usr/bin/env bash
# Starts a throwaway PostgreSQL + PostGIS cluster on 127.0.0.1 and prints its URL.
# Usage: postgis-cluster.sh start DIR   |   postgis-cluster.sh stop DIR
set -euo pipefail
cmd=$1 dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "no PostgreSQL server binaries under /usr/lib/postgresql" >&2; exit 1; }
as_db_user() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case $cmd in
start)
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	mkdir -p "$dir"
	[ "$(id -u)" = 0 ] && chown postgres "$dir"
	as_db_user "$bin/initdb" -D "$dir/pg" -U postgres --auth=trust --no-sync -E UTF8 >"$dir/initdb.log"
	as_db_user "$bin/pg_ctl" -D "$dir/pg" -l "$dir/pg.log" -w start \
		-o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
	as_db_user "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres kckmap
	echo "postgres://postgres@127.0.0.1:$port/kckmap"
	;;
stop)
	as_db_user "$bin/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null || true
	rm -rf "$dir"
	;;
*) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
