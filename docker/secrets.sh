#!/usr/bin/env bash
# Generates the secrets docker/compose.yml mounts (docker/secrets/, kept out of git); an existing one is kept.
# Back up cabinet_master_key apart from the database: without it the store's secrets do not open.
set -euo pipefail
dir="$(dirname "$0")/secrets"
mkdir -p "$dir"
chmod 700 "$dir"
make() { # name, command
  if [ ! -s "$dir/$1" ]; then
    (umask 077; eval "$2" > "$dir/$1")
    echo "created $dir/$1"
  fi
}
make mongo_keyfile "openssl rand -base64 756"
make mongo_root_password "openssl rand -base64 24 | tr -d '/+='"
make cabinet_db_password "openssl rand -base64 24 | tr -d '/+='"
make cabinet_master_key "openssl rand -base64 32"
make cabinet_proxy_key "openssl rand -base64 32"
make admin_password "openssl rand -base64 18 | tr -d '/+='"
# The containers read them as other users than yours: readable, inside a directory only you can enter.
chmod 644 "$dir"/*
echo "First administrator: admin / $(cat "$dir/admin_password")"
