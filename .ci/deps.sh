#!/usr/bin/env bash
# Installs what carehub needs to build and test on Debian or Ubuntu: the C toolchain and the
# OpenGL/X11 headers Fyne links against, Xvfb for headless runs, and Go itself when missing.
# With the argument "package" it adds what `make package` needs: the MinGW-w64 C compiler for
# the Windows build and xz for the Linux tarball.
# Packages already present are skipped, so a second run is instant and never needs sudo.
set -euo pipefail

# libgl1-mesa-dri gives Xvfb software OpenGL for the headless start-up check; poppler-utils
# lets the print tests read the text back out of the PDFs they make.
packages=(gcc libc6-dev pkg-config libgl-dev libx11-dev libxrandr-dev libxxf86vm-dev
  libxi-dev libxcursor-dev libxinerama-dev xvfb xauth libgl1-mesa-dri poppler-utils)
for group in "$@"; do
  case "$group" in
  package) packages+=(gcc-mingw-w64-x86-64 xz-utils) ;;
  *)
    echo "carehub: deps.sh: unknown group $group" >&2
    exit 2
    ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ! command -v go >/dev/null 2>&1; then
  # Debian's Go may be older than go.mod asks for; Go 1.21+ then fetches the right toolchain
  # through the module proxy by itself (GOTOOLCHAIN=auto).
  missing+=(golang-go)
fi

if ! command -v node >/dev/null 2>&1; then
  # The FHIR push tests run a local FHIR server (test/fhirserver) on Node 20.19 or later.
  missing+=(nodejs npm)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "carehub: please install these packages with your system's package manager: ${missing[*]}" >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "carehub: these packages are missing and installing them needs root: ${missing[*]}" >&2
    exit 1
  fi
fi

echo "carehub: installing ${missing[*]}"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
