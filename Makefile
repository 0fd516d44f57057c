# carehub: two commands for people — `make run` and `make test` — plus a few for developers.
# Each installs the system packages it needs first (see .ci/deps.sh).

GO      ?= go
DB      ?=
# Every package except the ones that link the windowing system (GLFW) runs under the race
# detector; those two are built and tested without it to keep CI inside its time limit.
GUI_PKGS := carehub carehub/app/desktop

.PHONY: run test deps fhir-server build vet fmt-check race gui-test smoke screenshots bench

run: deps
	$(GO) run . $(if $(DB),--db $(DB))

test: deps fhir-server fmt-check vet race gui-test smoke

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
	$(GO) build -o carehub .

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

race:
	$(GO) test -race -count=1 $$($(GO) list ./... | grep -v -x -e carehub -e carehub/app/desktop)

gui-test:
	$(GO) test -count=1 $(GUI_PKGS)

# Starts the real desktop binary under a virtual X display and checks it stays up: proves
# `make run` works on a machine with no screen attached.
smoke: build
	@./.ci/smoke.sh ./carehub

# Writes PNGs of the main screens, drawn headless by Fyne's test driver, to docs/screenshots/.
screenshots:
	CAREHUB_SCREENSHOTS=$(CURDIR)/docs/screenshots $(GO) test -count=1 -run TestScreenshots ./ui/

# The speed targets in ../shared/design.md; figures are recorded in docs/benchmarks.md.
bench:
	$(GO) test -run XXX -bench . -benchtime 20x ./store/ ./careplan/caseload/ ./careplan/printout/
	$(GO) test -run XXX -bench SavePlanEdit -benchtime 500x ./store/
	$(GO) test -run XXX -bench . ./careplan/evaluation/
	$(GO) test -run XXX -bench 'SyncBundle(Export|Import)30k' -benchtime 2x -count 2 ./app/service/
	$(GO) test -run XXX -bench FHIRExportStore30k -benchtime 2x -count 2 ./app/service/
