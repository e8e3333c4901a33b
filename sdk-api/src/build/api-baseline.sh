#!/usr/bin/env bash
# Builds sdk-api as it was released in 0.1.0 into a jar, for the API compatibility check (japicmp, issue 14).
# The baseline comes from git history, not from a tag or a repository: a CI checkout may carry no tags, and 0.1.0
# was never deployed. Without that history the build FAILS (it never skips the check): fetch it, for example with
# `git fetch --unshallow` (or `actions/checkout` with fetch-depth: 0).
#
# usage: api-baseline.sh ROOT OUT COMMIT VERSION   (ROOT: the repository's top; OUT: a directory under target/)
set -euo pipefail
root=$1 out=$2 commit=$3 version=$4
javac="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
jar="${JAVA_HOME:+$JAVA_HOME/bin/}jar"

fail() {
  echo "ERROR: the API compatibility check cannot build its baseline (sdk-api $version = commit $commit): $1" >&2
  exit 1
}

command -v git >/dev/null 2>&1 || fail "git is not installed"
git -C "$root" rev-parse --git-dir >/dev/null 2>&1 || fail "$root is not a git checkout"
git -C "$root" cat-file -e "$commit^{commit}" 2>/dev/null \
  || fail "the commit is not in this checkout's history (a shallow clone?); run: git fetch --unshallow"

rm -rf "$out"
mkdir -p "$out/src" "$out/classes"
git -C "$root" archive "$commit" sdk-api/src/main/java | tar -x -C "$out/src"
find "$out/src" -name '*.java' > "$out/sources.txt"
[ -s "$out/sources.txt" ] || fail "the commit has no sdk-api sources"
"$javac" --release 17 -nowarn -encoding UTF-8 -d "$out/classes" "@$out/sources.txt"
"$jar" --create --file "$out/sferum-sdk-api-$version.jar" -C "$out/classes" .
echo "API baseline: sferum-sdk-api $version from commit $commit -> $out/sferum-sdk-api-$version.jar"
