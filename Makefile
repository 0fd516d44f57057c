# carehub: two commands for people — `make run` and `make test` — plus a few for developers
# and `make package` for the files a hub installs.
# Each installs the system packages it needs first (see .ci/deps.sh).
# Every Go module is vendored (vendor/, tools/fyne/vendor/): nothing here downloads modules.

GO      ?= go
DB      ?=
# Every package except the ones that link the windowing system (GLFW) runs under the race
# detector; those two are built and tested without it to keep CI inside its time limit.
GUI_PKGS := carehub carehub/app/desktop
# The commit and build date `carehub version` and the About box show (see app/buildinfo).
LDFLAGS = $(shell ./.ci/ldflags.sh)
# Go files of our own: gofmt leaves vendored code as its authors wrote it.
GO_FILES = $$(git ls-files '*.go' ':(exclude,glob)**/vendor/**' 2>/dev/null || find . -name '*.go' -not -path '*/vendor/*')

.PHONY: run test ci deps fhir-server build vet vet-windows staticcheck fmt-check race gui-test smoke \
	package package-check screenshots bench

run: deps
	$(GO) run -ldflags '$(LDFLAGS)' . $(if $(DB),--db $(DB))

test: deps fhir-server fmt-check vet vet-windows staticcheck race gui-test smoke

# What CI runs (.ci/run): the tests, then both packages built and inspected, so a change that
# breaks the Windows build fails CI.
ci: test package-check

deps:
	@./.ci/deps.sh

# The local FHIR server the push tests publish to (Medplum's FHIR engine, test/fhirserver):
# its packages exactly as package-lock.json pins them, installed again only when the lock file
# changes. Without node the push tests skip on a developer's machine and fail in CI (CI=true).
FHIR_SERVER := test/fhirserver
fhir-server:
	@if ! command -v npm >/dev/null 2>&1; then \
		echo "carehub: npm is missing: the FHIR push tests cannot start their local server"; \
	elif [ ! -f $(FHIR_SERVER)/node_modules/.package-lock.json ] || \
		[ $(FHIR_SERVER)/package-lock.json -nt $(FHIR_SERVER)/node_modules/.package-lock.json ]; then \
		cd $(FHIR_SERVER) && npm ci --no-audit --no-fund; \
	fi

build: deps
	$(GO) build -ldflags '$(LDFLAGS)' -o carehub .

fmt-check:
	@out=$$(gofmt -l $(GO_FILES)); \
	if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

# The same for Windows, test files included, for every package that builds without cgo (all
# but the two that link GLFW; `make package` compiles those for Windows).
vet-windows:
	GOOS=windows CGO_ENABLED=0 $(GO) vet $$($(GO) list ./... | grep -v -x -e carehub -e carehub/app/desktop)

# staticcheck is pinned in go.mod's tool directive (honnef.co/go/tools v0.8.2) and vendored.
staticcheck:
	$(GO) tool staticcheck ./...

# The ui package under the race detector takes several minutes; on a loaded machine more than
# go test's default ten, so the limit is raised (CI's own limit is 90 minutes).
race:
	$(GO) test -race -count=1 -timeout 40m $$($(GO) list ./... | grep -v -x -e carehub -e carehub/app/desktop)

gui-test:
	$(GO) test -count=1 -timeout 20m $(GUI_PKGS)

# Starts the real desktop binary under a virtual X display and checks it stays up: proves
# `make run` works on a machine with no screen attached.
smoke: build
	@./.ci/smoke.sh ./carehub

# dist/carehub-VERSION-linux-amd64.tar.xz and dist/carehub-VERSION-windows-amd64.exe, made by
# `fyne package` (fyne.io/tools, pinned in tools/fyne), and dist/SHA256SUMS. VERSION is
# FyneApp.toml's.
package:
	@./.ci/deps.sh package
	./.ci/package.sh

# Checks what `make package` wrote: the checksums, the tarball's program, desktop file and
# icon, the Linux program's `carehub version`, and that the .exe is a Windows GUI program for
# x86-64 carrying the version, icon and commit.
package-check: package
	./.ci/checkdist.sh

# Writes PNGs of the main screens, drawn headless by Fyne's test driver, and of printed pages
# (pdftoppm), to docs/screenshots/.
screenshots:
	CAREHUB_SCREENSHOTS=$(CURDIR)/docs/screenshots $(GO) test -count=1 -run TestScreenshots ./ui/ ./careplan/printout/

# The speed targets in ../shared/design.md; figures are recorded in docs/benchmarks.md.
bench:
	$(GO) test -run XXX -bench . -benchtime 20x ./store/ ./careplan/caseload/ ./careplan/printout/
	$(GO) test -run XXX -bench SavePlanEdit -benchtime 25x ./store/
	$(GO) test -run XXX -bench . ./careplan/evaluation/
	$(GO) test -run XXX -bench 'SyncBundle(Export|Import)30k' -benchtime 2x -count 2 ./app/service/
	$(GO) test -run XXX -bench FHIRExportStore30k -benchtime 2x -count 2 ./app/service/
	$(GO) test -run '^$$' -bench . -benchtime 3x ./...
