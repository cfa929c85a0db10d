#!/bin/bash
# Entry point of the "odoo" service: on the first start, create the database
# "property" with every addon of addons/ and demo data; then serve it.
set -euo pipefail
db=${PROPERTY_DB:-property}
addons=$(cd /opt/property/addons && for d in */; do
  [ -f "$d/__manifest__.py" ] && printf '%s,' "${d%/}"; done)
addons=${addons%,}
export PGHOST=${PGHOST:-db} PGUSER=${PGUSER:-odoo} PGPASSWORD=${PGPASSWORD:-odoo}

for _ in $(seq 60); do pg_isready -q && break; sleep 1; done

init=()
if ! psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
  echo "Creating database $db with: $addons (and demo data)"
  [ -n "$addons" ] && init=(-i "$addons")
fi
exec odoo -c /etc/odoo/odoo.conf -d "$db" --db-filter="^$db\$" "${init[@]}" "$@"
