#!/usr/bin/env bash
# A throwaway PostgreSQL + PostGIS cluster on 127.0.0.1 for the tests.
# Usage: postgis-cluster.sh start DIR          creates and starts it, prints its URL
#        postgis-cluster.sh restart DIR MODE   pg_ctl restart -m fast|immediate
#        postgis-cluster.sh down DIR | up DIR  stops it (keeping its data) | starts it again
#        postgis-cluster.sh stop DIR           stops it and removes DIR
set -euo pipefail
cmd=$1 dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "no PostgreSQL server binaries under /usr/lib/postgresql" >&2; exit 1; }
# From /: the postgres user may not enter the caller's folder (a 0700 temporary clone).
as_db_user() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
# fsync off (no OS crash to survive) but commits stay synchronous: an immediate restart must not lose what was acknowledged.
run_server() {
	as_db_user "$bin/pg_ctl" -D "$dir/pg" -l "$dir/pg.log" -w start \
		-o "-h 127.0.0.1 -p $(cat "$dir/port") -k $dir -c fsync=off -c full_page_writes=off" >/dev/null
}

case $cmd in
start)
	mkdir -p "$dir"
	[ "$(id -u)" = 0 ] && chown postgres "$dir"
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' >"$dir/port"
	as_db_user "$bin/initdb" -D "$dir/pg" -U postgres --auth=trust --no-sync -E UTF8 >"$dir/initdb.log"
	run_server
	as_db_user "$bin/createdb" -h 127.0.0.1 -p "$(cat "$dir/port")" -U postgres kckmap
	echo "postgres://postgres@127.0.0.1:$(cat "$dir/port")/kckmap"
	;;
restart)
	# pg_ctl restart keeps the options the cluster was started with (postmaster.opts).
	as_db_user "$bin/pg_ctl" -D "$dir/pg" -l "$dir/pg.log" -m "${3:-fast}" -w restart >/dev/null
	;;
down)
	as_db_user "$bin/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null
	;;
up)
	run_server
	;;
stop)
	as_db_user "$bin/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null || true
	rm -rf "$dir"
	;;
*) echo "usage: $0 start DIR | restart DIR fast|immediate | down DIR | up DIR | stop DIR" >&2; exit 2 ;;
esac
