#!/usr/bin/env bash
# Runs the emulator's OCI image tarball without a container engine, to check that the image is complete (issue 14):
# unpacks its layers in order into a directory, mounts /proc and /dev there in a private mount namespace (as a
# container runtime would), and runs the image's entrypoint and arguments with chroot as the image's user, then asks the
# emulator for its health and the demo school over loopback. Needs root (chroot, mount), Linux, curl.
#
# Usage: tools/check-image.sh [IMAGE_TAR] [PORT]
#   IMAGE_TAR defaults to sdk-emulator/target/sferum-emulator-image.tar (mvn -Pimage -pl sdk-emulator -am package);
#   PORT (default 18080) replaces the image's --port 8080, so that a busy 8080 does not matter.
set -euo pipefail
cd "$(dirname "$0")/.."
tar_file=${1:-sdk-emulator/target/sferum-emulator-image.tar}
port=${2:-18080}
[ -f "$tar_file" ] || { echo "check-image: no $tar_file; build it with mvn -Pimage -pl sdk-emulator -am package" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "check-image: needs root (chroot, mount)" >&2; exit 2; }

work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/image" "$work/root"
tar -xf "$tar_file" -C "$work/image" --warning=no-unknown-keyword

# The layers in the manifest's order, the image's entrypoint, arguments and user.
mapfile -t layers < <(python3 -c 'import json,sys; [print(l) for l in json.load(open(sys.argv[1]))[0]["Layers"]]' \
  "$work/image/manifest.json")
config=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["Config"])' "$work/image/manifest.json")
for layer in "${layers[@]}"; do
  tar -xzf "$work/image/$layer" -C "$work/root" --warning=no-unknown-keyword
done
mapfile -t entry < <(python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["config"]
for a in c["Entrypoint"] + c["Cmd"]: print(a)' "$work/image/$config")
user=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["config"].get("User") or "0:0")' \
  "$work/image/$config")
# Same arguments, another port.
for i in "${!entry[@]}"; do
  if [ "${entry[$i]}" = "--port" ]; then entry[$((i + 1))]=$port; fi
done
echo "check-image: ${#layers[@]} layers, $(du -sh "$work/root" | cut -f1) unpacked; running as $user: ${entry[*]}"

# /proc and /dev as a container runtime gives them (the JVM finds its libraries through /proc/self/exe, and its
# SecureRandom reads /dev/urandom: without it key generation for --tls stalls).
mkdir -p "$work/root/proc" "$work/root/dev"
unshare -m --propagation private sh -c \
  'mount -t proc proc "$1/proc" && mount --bind /dev "$1/dev" && shift && exec chroot --userspec="$@"' \
  sh "$work/root" "$user" "$work/root" "${entry[@]}" > "$work/out.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  grep -q 'Sferum emulator listening on' "$work/out.log" && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
cat "$work/out.log"
grep -q "Sferum emulator listening on http://127.0.0.1:$port" "$work/out.log" \
  || { echo "check-image: FAILED, the emulator in the image did not start" >&2; exit 1; }
health=$(curl -s -m 5 "http://127.0.0.1:$port/_emulator/health")
demo=$(curl -s -m 5 "http://127.0.0.1:$port/_emulator/demo")
token=$(printf '%s' "$demo" | python3 -c 'import json,sys; print(json.load(sys.stdin)["users"][0]["access_token"])')
me=$(curl -s -m 5 "http://127.0.0.1:$port/method/users.get?v=5.199" -H "Authorization: Bearer $token")
echo "check-image: health $health"
echo "check-image: demo school: $(printf '%s' "$demo" | head -c 120)…"
case "$health" in *ok*) ;; *) echo "check-image: FAILED, no healthy answer" >&2; exit 1 ;; esac
case "$demo" in *teacher*) ;; *) echo "check-image: FAILED, no demo school" >&2; exit 1 ;; esac
echo "check-image: users.get as the demo teacher: $me"
case "$me" in *'"response"'*) ;; *) echo "check-image: FAILED, the VK API did not answer" >&2; exit 1 ;; esac
echo "check-image: OK"
