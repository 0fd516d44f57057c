#!/usr/bin/env bash
# Starts carehub's real window under Xvfb on a fresh store and checks it is still running
# after a few seconds (a crash at start-up fails), then takes a screenshot when ImageMagick is
# there.
set -uo pipefail
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

export XDG_CONFIG_HOME="$dir/config" XDG_CACHE_HOME="$dir/cache"
# a display number nobody else is using
n=97
while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >"$dir/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$dir"' EXIT
sleep 1
DISPLAY=":$n" LIBGL_ALWAYS_SOFTWARE=1 "$bin" --db "$dir/smoke.db" >"$dir/app.log" 2>&1 &
app=$!
sleep 6
if ! kill -0 $app 2>/dev/null; then
  echo "smoke: carehub exited at start-up:" >&2
  cat "$dir/app.log" >&2
  exit 1
fi
if [ -n "${SMOKE_SCREENSHOT:-}" ] && command -v import >/dev/null 2>&1; then
  DISPLAY=":$n" import -window root "$SMOKE_SCREENSHOT" || true
fi
kill $app 2>/dev/null
wait $app 2>/dev/null
echo "smoke: the desktop app started and stayed up"
