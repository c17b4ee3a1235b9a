#!/bin/sh
# First start of the compose database only: the runtime role the app connects as. It owns
# nothing and cannot bypass row-level security; `liaison db upgrade` (as the owner) grants
# it data access after each migration.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v runtime_password="$LIAISON_APP_PASSWORD" <<'SQL'
CREATE ROLE liaison_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE
    PASSWORD :'runtime_password';
SQL
