#!/usr/bin/env bash
# Builds what a hub installs into dist/ (see README, "Install"):
#   carehub-VERSION-linux-amd64.tar.xz    the program, desktop file and icon (fyne package)
#   carehub-VERSION-windows-amd64.exe     one Windows GUI program with its icon and version
#                                         details embedded (fyne package, MinGW-w64)
#   SHA256SUMS                            to check a download or a copy from a USB stick
# VERSION is FyneApp.toml's. Both are release builds (fyne's "release" tag, -trimpath, no
# symbols), stamped with the commit and build date like `make build`.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' FyneApp.toml | head -n 1)
if [ -z "$version" ]; then
  echo "package: FyneApp.toml has no Version" >&2
  exit 1
fi
linux="carehub-$version-linux-amd64.tar.xz"
windows="carehub-$version-windows-amd64.exe"

# While it works, fyne package writes into the source folder (a metadata file, the Windows
# resource object fyne.syso, the program) and afterwards counts Build up in FyneApp.toml.
# Put all of that back however this ends: a stray fyne.syso would break every later build.
work=$(mktemp -d)
cp FyneApp.toml "$work/FyneApp.toml"
leftovers=(fyne_metadata_init.go fyne.syso carehub carehub.exe carehub.tar.xz)
rm -f "${leftovers[@]}"
cleanup() {
  cp "$work/FyneApp.toml" FyneApp.toml
  rm -f "${leftovers[@]}"
  rm -rf "$work"
}
trap cleanup EXIT

# The fyne tool is a module of its own, vendored: see tools/fyne/go.mod for why.
"${GO:-go}" -C tools/fyne build -o "$work/fyne" fyne.io/tools/cmd/fyne

# fyne package takes linker flags from GOFLAGS, as -ldflags=WORD for each word.
goflags="${GOFLAGS:-}"
for word in $(./.ci/ldflags.sh); do
  goflags="$goflags -ldflags=$word"
done

rm -rf dist
mkdir dist

# fyne_package runs fyne package, then puts FyneApp.toml back: both packages carry its Build.
fyne_package() {
  GOFLAGS="$goflags" "$work/fyne" package --release --src . "$@"
  cp "$work/FyneApp.toml" FyneApp.toml
}

echo "package: $linux"
fyne_package --target linux
mv carehub.tar.xz "dist/$linux"

echo "package: $windows"
# fyne package builds a Windows program twice (without, then with, its resources) and the
# first build uses up the linker flags, so the second would lose the commit and date. Naming
# an existing file as the executable skips the first build.
: >carehub.exe
GOARCH=amd64 CC=x86_64-w64-mingw32-gcc fyne_package --target windows --executable carehub.exe
mv carehub.exe "dist/$windows"

(cd dist && sha256sum "$linux" "$windows" >SHA256SUMS)
echo "package: dist/ has $linux, $windows and SHA256SUMS"
