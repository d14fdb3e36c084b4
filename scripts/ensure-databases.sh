#!/usr/bin/env bash
# Makes sure the local PostgreSQL and MariaDB/MySQL servers that the backend
# tests use are up, starting them when they are installed but stopped.
set -u

wait_for() { # name, check command...
  local name=$1; shift
  for _ in $(seq 1 30); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "✖ $name did not come up" >&2
  return 1
}

if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  if [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "› Starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    wait_for PostgreSQL pg_isready -h 127.0.0.1 -p 5432 -q
  fi
fi

if command -v mysqladmin >/dev/null 2>&1 && ! mysqladmin -h 127.0.0.1 -uroot ping >/dev/null 2>&1; then
  if [ -x /usr/sbin/mariadbd ]; then
    echo "› Starting MariaDB"
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
    wait_for MariaDB mysqladmin -h 127.0.0.1 -uroot ping
  fi
fi

# The MySQL test databases are created by a dedicated user (TestDatabases needs
# a user name and password in its connection string).
if command -v mysql >/dev/null 2>&1; then
  mysql -h 127.0.0.1 -uroot -e "CREATE USER IF NOT EXISTS 'scorecards_test'@'127.0.0.1' IDENTIFIED BY 'scorecards_test'; CREATE USER IF NOT EXISTS 'scorecards_test'@'localhost' IDENTIFIED BY 'scorecards_test'; GRANT ALL PRIVILEGES ON *.* TO 'scorecards_test'@'127.0.0.1'; GRANT ALL PRIVILEGES ON *.* TO 'scorecards_test'@'localhost'; FLUSH PRIVILEGES;" ||
    echo "✖ Could not create the MySQL test user scorecards_test" >&2
fi
exit 0
