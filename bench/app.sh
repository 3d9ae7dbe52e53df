# Sourced by the bench scripts: starts the packaged app on loopback at -Xmx512m with a throwaway H2 file (or the
# database the caller's arguments name), stops it and removes its files on exit, and waits for its health.
#   start_app PORT [app arguments ...]     sets APP (pid), DATA (its folder) and BASE (its URL)
# The jar is copied first, so a rebuild while a bench runs cannot pull classes from under the running JVM.
start_app() {
  local port="$1"
  shift
  local jar
  jar=$(ls target/gemmavision-quantadvisor-*.jar 2>/dev/null | head -1 || true)
  if [ -z "$jar" ]; then
    mvn -q -DskipTests package
    jar=$(ls target/gemmavision-quantadvisor-*.jar | head -1)
  fi
  DATA=$(mktemp -d)
  BASE="http://127.0.0.1:${port}"
  cp "$jar" "${DATA}/app.jar"
  java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar "${DATA}/app.jar" --server.port="$port" --server.address=127.0.0.1 \
    --spring.datasource.url="jdbc:h2:file:${DATA}/bench;DB_CLOSE_ON_EXIT=FALSE" "$@" ${BENCH_APP_ARGS:-} \
    > "${DATA}/app.log" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
  for _ in $(seq 1 120); do
    curl -fs "${BASE}/actuator/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "the app did not answer its health check; its log: ${DATA}/app.log" >&2
  return 1
}
