#!/usr/bin/env bash
# Moves the emulator out of sdk-testkit into its own module sdk-emulator (artifact sferum-emulator, issue 14):
#   package org.sferum.sdk.testkit.emulator (main and test, with vkscript/) -> org.sferum.sdk.emulator in sdk-emulator,
#   sdk-testkit's simplelogger.properties (the runnable jar's logging) -> sdk-emulator,
#   every reference in Java sources, poms, docs and scripts: the package name, its directory, the jar's path.
#
# Re-runnable: it moves whatever is still in the old directories (so a branch merged after the move, which added or
# changed files there, is moved too) and the rewrites only turn old names into new ones. Run it from anywhere in the
# repository, then build: `mvn -q -o -pl sdk-emulator -am -DskipTests compile`.
# It does not write the module's pom or module-info, nor the poms of the modules that use the emulator: those are
# ordinary commits on the branch emulator-artifact.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"

old_main=sdk-testkit/src/main/java/org/sferum/sdk/testkit/emulator
old_test=sdk-testkit/src/test/java/org/sferum/sdk/testkit/emulator
new_main=sdk-emulator/src/main/java/org/sferum/sdk/emulator
new_test=sdk-emulator/src/test/java/org/sferum/sdk/emulator

# Moves every file under $1 to the same place under $2 (git mv, file by file, so that it also works when $2 exists).
move_tree() {
  local from=$1 to=$2 file
  [ -d "$from" ] || return 0
  while IFS= read -r -d '' file; do
    local dest="$to/${file#"$from"/}"
    mkdir -p "$(dirname "$dest")"
    if git ls-files --error-unmatch "$file" >/dev/null 2>&1; then
      git mv -f "$file" "$dest"
    else
      mv -f "$file" "$dest" && git add "$dest"
    fi
  done < <(find "$from" -type f -print0)
  find "$from" -depth -type d -empty -delete
}

move_tree "$old_main" "$new_main"
move_tree "$old_test" "$new_test"

# The executable jar's logging configuration belongs to the jar's module.
if [ -f sdk-testkit/src/main/resources/simplelogger.properties ]; then
  mkdir -p sdk-emulator/src/main/resources
  git mv -f sdk-testkit/src/main/resources/simplelogger.properties sdk-emulator/src/main/resources/simplelogger.properties
fi
# The emulator's tests keep the testkit's test configuration (a copy: the testkit's own tests still use it).
mkdir -p sdk-emulator/src/test/resources
for f in junit-platform.properties logback-test.xml; do
  if [ -f "sdk-testkit/src/test/resources/$f" ] && [ ! -f "sdk-emulator/src/test/resources/$f" ]; then
    cp "sdk-testkit/src/test/resources/$f" "sdk-emulator/src/test/resources/$f"
    git add "sdk-emulator/src/test/resources/$f"
  fi
done

# Rewrites, most specific first. Only tracked text files, never build output or this script.
files=$(git ls-files -z -- '*.java' '*.xml' '*.md' '*.properties' '*.sh' '*.json' '*.mjs' '*.js' '*.html' '.ci/run' \
          'META-INF/services/*' | tr '\0' '\n' | sort -u | grep -v '^tools/move-emulator.sh$' | grep -v '/node_modules/' || true)
# shellcheck disable=SC2086
printf '%s\n' $files | xargs -r grep -l -E 'testkit[./]emulator|sdk-testkit/target/sferum-emulator|sdk-testkit.s simplelogger|sdk-testkit ships simplelogger' 2>/dev/null \
  | { grep -v '^$' || true; } | while IFS= read -r f; do
      sed -i \
        -e 's#sdk-testkit/src/main/java/org/sferum/sdk/testkit/emulator#sdk-emulator/src/main/java/org/sferum/sdk/emulator#g' \
        -e 's#sdk-testkit/src/test/java/org/sferum/sdk/testkit/emulator#sdk-emulator/src/test/java/org/sferum/sdk/emulator#g' \
        -e 's#org/sferum/sdk/testkit/emulator#org/sferum/sdk/emulator#g' \
        -e 's#org\.sferum\.sdk\.testkit\.emulator#org.sferum.sdk.emulator#g' \
        -e 's#sdk-testkit/target/sferum-emulator\.jar#sdk-emulator/target/sferum-emulator.jar#g' \
        -e "s#sdk-testkit's simplelogger\.properties#sdk-emulator's simplelogger.properties#g" \
        -e 's#sdk-testkit ships simplelogger\.properties#sdk-emulator ships simplelogger.properties#g' \
        "$f"
      # A file with merge markers stays unmerged: resolve it by hand, then git add it. A file that was only in the
      # wrong place (a merge's "file location" conflict) is settled by the move and the rewrite.
      if grep -qE '^(<<<<<<<|>>>>>>>) ' "$f"; then echo "move-emulator: still in conflict: $f"; else git add "$f"; fi
    done || true

unmerged=$(git diff --name-only --diff-filter=U | wc -l)
[ "$unmerged" = 0 ] || echo "move-emulator: $unmerged file(s) still in conflict (git diff --name-only --diff-filter=U)"
echo "move-emulator: done; left in the old package:" \
  "$(find "$old_main" "$old_test" -type f 2>/dev/null | wc -l) file(s)"
