#!/usr/bin/env bash
# Prints the linker settings that stamp a build with the commit it was built from and when
# (read by app/buildinfo). CI builds with -buildvcs=false, so Go's own stamp is not there to
# read; this works in any git checkout and says "unknown" outside one. A tree with uncommitted
# changes gets "-modified" after the commit. SOURCE_DATE_EPOCH, when set, fixes the date for a
# reproducible build.
set -euo pipefail
cd "$(dirname "$0")/.."

commit=unknown
if git rev-parse --verify -q HEAD >/dev/null 2>&1; then
  commit=$(git rev-parse --short=12 HEAD)
  if ! git diff --quiet HEAD -- 2>/dev/null; then
    commit="$commit-modified"
  fi
fi
if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
  built=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
else
  built=$(date -u +%Y-%m-%dT%H:%M:%SZ)
fi
# One word per setting, so `fyne package` can take them from GOFLAGS as -ldflags=WORD.
echo "-X=carehub/app/buildinfo.commit=$commit -X=carehub/app/buildinfo.date=$built"
