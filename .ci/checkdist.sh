#!/usr/bin/env bash
# Checks what `make package` wrote to dist/, as a hub's IT would receive it: the checksums
# match; the Linux tarball holds the program, its desktop file and icon, and the program says
# FyneApp.toml's version and the commit; the Windows program (which cannot run here) is a GUI
# program for x86-64 with its icon, version details and commit (tools/distcheck).
set -euo pipefail
cd "$(dirname "$0")/.."

toml() { sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}.*/\1/p" FyneApp.toml | head -n 1; }
version=$(toml Version)
build=$(toml Build)
commit=$(./.ci/ldflags.sh | sed -n 's/.*buildinfo\.commit=\([^ ]*\).*/\1/p')
linux="carehub-$version-linux-amd64.tar.xz"
windows="carehub-$version-windows-amd64.exe"
fail() {
  echo "checkdist: $*" >&2
  exit 1
}

(cd dist && sha256sum --check --strict SHA256SUMS) || fail "SHA256SUMS does not match dist/"
[ "$(wc -l <dist/SHA256SUMS)" -eq 2 ] || fail "SHA256SUMS should list the two packages"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xJf "dist/$linux" -C "$work"
for f in usr/local/bin/carehub usr/local/share/applications/uk.org.carehub.app.desktop \
  usr/local/share/pixmaps/uk.org.carehub.app.png Makefile; do
  [ -e "$work/carehub/$f" ] || fail "$linux lacks carehub/$f"
done
grep -qx 'Exec=carehub' "$work/carehub/usr/local/share/applications/uk.org.carehub.app.desktop" ||
  fail "the desktop file does not start carehub"
out=$("$work/carehub/usr/local/bin/carehub" version)
sed 's/^/checkdist: linux: /' <<<"$out"
[ "$(head -n 1 <<<"$out")" = "carehub $version (build $build)" ] || fail "carehub version says: $out"
grep -x "commit $commit" <<<"$out" >/dev/null || fail "the Linux program is not stamped with commit $commit"

if command -v file >/dev/null 2>&1; then
  file "dist/$windows" | sed 's/^/checkdist: /'
fi
"${GO:-go}" run ./tools/distcheck -version "$version" -build "$build" -commit "$commit" "dist/$windows"
echo "checkdist: dist/ is complete"
