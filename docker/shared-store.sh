#!/usr/bin/env bash
# The embedded store as a database server of its own, for several backend nodes on one machine (README, "Several
# backend nodes"); each node connects with CABINET_MONGODB_URI=mongodb://HOST:PORT as it would to a replica set.
#   docker/shared-store.sh ./data-shared 127.0.0.1:27018
# Every write is forced to the disk before it is acknowledged. Ctrl-C (or kill) stops it.
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: docker/shared-store.sh DATA_DIRECTORY [HOST:PORT]   (default 127.0.0.1:27018)" >&2; exit 2
fi
jar=$(ls "$(dirname "$0")"/../backend/target/backend-*-exec.jar 2>/dev/null | head -1)
if [ -z "$jar" ]; then
  echo "Build first: mvn -q install -DskipTests" >&2; exit 2
fi
exec java -Dloader.main=org.ecabinet.platform.storage.EmbeddedMongo -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher \
  "$1" true "${2:-127.0.0.1:27018}"
