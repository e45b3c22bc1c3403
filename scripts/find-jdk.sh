# Sourced by ./banyan and .ci/run: sets BANYAN_JAVA to a java of JDK 21 or newer, looking at
# JAVA_HOME, then PATH, then /usr/lib/jvm/*, and JAVA_HOME to its home. Returns 1 if there is none.

banyan_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

banyan_find_jdk() {
  local candidates=() j major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for j in /usr/lib/jvm/*/bin/java; do candidates+=("$j"); done
  for j in "${candidates[@]}"; do
    [ -x "$j" ] || continue
    # A JDK, not a bare JRE: Maven needs javac next to java.
    [ -x "$(dirname "$j")/javac" ] || continue
    major=$(banyan_java_major "$j")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      BANYAN_JAVA="$j"
      JAVA_HOME="$(cd "$(dirname "$j")/.." && pwd -P)"
      export BANYAN_JAVA JAVA_HOME
      return 0
    fi
  done
  return 1
}
