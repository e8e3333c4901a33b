#!/usr/bin/env bash
# The file system the emulator's OCI image adds on top of the empty base ("scratch"): a Java runtime made by jlink
# from the JDK that runs the build, the shared libraries it loads (glibc and friends, copied from this machine as
# ldd lists them), and /tmp. Used by `mvn -Pimage package` in sdk-emulator (issue 14), before Jib packs the image.
# No registry is asked for a base image, so the image builds offline once the Maven plugins are in ~/.m2.
#
# Usage: tools/image-rootfs.sh OUTPUT_DIR   (Linux x86-64 or arm64 with a full JDK: bin/jlink and jmods/)
set -euo pipefail
out=${1:?usage: tools/image-rootfs.sh OUTPUT_DIR}
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
[ -x "$java_home/bin/jlink" ] || { echo "image-rootfs: no jlink in $java_home (JAVA_HOME must be a JDK)" >&2; exit 2; }

# What the emulator's classes need (jdeps --print-module-deps on sferum-emulator.jar says java.base, java.management,
# java.naming, java.net.http, java.sql and java.desktop, the last only for Jackson's optional java.beans support);
# jdk.crypto.ec for TLS's elliptic curves, jdk.unsupported for libraries that look for sun.misc.Unsafe,
# java.logging for the JDK's own System.Logger.
modules=java.base,java.logging,java.management,java.naming,java.net.http,java.sql,jdk.crypto.ec,jdk.unsupported

rm -rf "$out"
mkdir -p "$out/opt" "$out/tmp"
# --compress=2 until JDK 20, zip-6 from JDK 21 on (where the numbered levels are deprecated).
feature=$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
compress=--compress=2
[ "${feature%%.*}" -ge 21 ] 2>/dev/null && compress=--compress=zip-6
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages "$compress" \
  --output "$out/opt/java"

# The shared libraries the runtime's binaries load, at the paths the loader looks for them.
find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
  | xargs -0 -r ldd 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// && $1 !~ /:$/ {print $1}' \
  | sort -u \
  | while IFS= read -r lib; do
      mkdir -p "$out$(dirname "$lib")"
      cp -L "$lib" "$out$lib"
    done
echo "image-rootfs: $(du -sh "$out" | cut -f1) in $out (modules $modules)"
