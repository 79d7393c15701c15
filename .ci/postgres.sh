# Starts a throwaway PostgreSQL cluster (Debian's packages) on 127.0.0.1 and a free port, with a
# random password; exports CI_POSTGRES_URL and stops the cluster by its PID when the shell exits.
# Used by .ci/run; source it and call start_postgres.
start_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_DIR=$(mktemp -d /tmp/agii-postgres.XXXXXX)
  local password port as=()
  password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # initdb refuses to run as root: run the server as the postgres user then.
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$PG_DIR"
    as=(runuser -u postgres --)
  fi
  printf '%s\n' "$password" >"$PG_DIR/password"
  "${as[@]}" "$bin/initdb" -D "$PG_DIR/data" -U agii --pwfile="$PG_DIR/password" --auth=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log"
  rm -f "$PG_DIR/password"
  "${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c timezone=UTC -c max_connections=200" start >/dev/null
  PG_PID=$(head -n 1 "$PG_DIR/data/postmaster.pid")
  trap stop_postgres EXIT
  export CI_POSTGRES_URL="postgresql://agii:${password}@127.0.0.1:${port}/agii"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') luistert op 127.0.0.1:${port} (pid ${PG_PID})"
}

stop_postgres() {
  if [ -n "${PG_PID:-}" ] && kill -0 "$PG_PID" 2>/dev/null; then
    kill -INT "$PG_PID" # fast shutdown
    for _ in $(seq 1 50); do kill -0 "$PG_PID" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -rf "${PG_DIR:-/nonexistent}"
}
