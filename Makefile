# A thin, non-interactive wrapper over Maven. `make help` lists the targets.
# DB recipes capture `db.sh ensure` in a variable before eval: a bare `eval "$(cmd)"` would hide a failure of cmd.
MVN ?= mvn -B --no-transfer-progress
DB := deploy/scripts/db.sh
JAR := target/quarkus-app/quarkus-run.jar
CLUSTER := deploy/cluster/cluster.sh

.DEFAULT_GOAL := help
.PHONY: help run dev test bench package db-start db-stop db-status cluster cluster-stop cluster-test clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{ printf "  make %-13s %s\n", $$1, $$2 }'

# The build's output goes to target/build.log and is shown only if it fails (Debian's Maven prints stray
# colour codes). Ctrl-C (130) or a TERM (143) is how a person stops `make run`: a clean stop, not an error.
run: ## Build and start the portal with demo data on http://localhost:8080 (finds or starts MariaDB)
	@db_env="$$($(DB) ensure)" && eval "$$db_env" && \
	echo "Building the portal (about a minute)..." && \
	mkdir -p target && { $(MVN) -DskipTests package >target/build.log 2>&1 || \
	  { sed 's/\x1b\[[0-9;]*m//g' target/build.log; echo "The build failed: the lines above say why."; exit 1; }; } && \
	echo "Starting the portal with demo data; it says the address to open when it is ready. Ctrl-C stops it." && \
	{ java -Dquarkus.profile=dev -jar $(JAR); rc=$$?; \
	  if [ $$rc -eq 130 ] || [ $$rc -eq 143 ]; then echo "S11 Portal stopped."; exit 0; fi; exit $$rc; }

dev: ## Quarkus dev mode with live reload and demo data
	db_env="$$($(DB) ensure)" && eval "$$db_env" && \
	$(MVN) quarkus:dev -Dquarkus.analytics.disabled=true -Dquarkus.console.enabled=false

test: ## Run every test against a real MariaDB, pages in headless Chromium
	db_env="$$($(DB) ensure)" && eval "$$db_env" && \
	S11_CHROMIUM="$$(deploy/scripts/chromium.sh ensure)" && export S11_CHROMIUM && \
	$(MVN) verify

bench: ## Load-test the survey submit path, the pages, then panel letters; writes target/bench/survey.json, pages.json, letters.json
	$(MVN) -DskipTests package && deploy/bench/survey-bench.sh && deploy/bench/pages-bench.sh && deploy/bench/letters-bench.sh

package: ## Build the runnable jar under target/quarkus-app
	$(MVN) -DskipTests package

db-start: ## Find or start the MariaDB the portal uses
	@$(DB) ensure >/dev/null && $(DB) status

db-stop: ## Stop the project-local MariaDB (never the system's own)
	@$(DB) stop

db-status: ## Say which MariaDB would be used
	@$(DB) status

cluster: ## Start 3 Galera nodes, HAProxy and 2 portal instances on 127.0.0.1 (root; docs/reliability.md)
	@$(CLUSTER) start

cluster-stop: ## Stop everything make cluster started, by PID (never the system's MariaDB)
	@$(CLUSTER) stop

# The suite needs its own settings in the portals (scheduled jobs every minute, the per-address survey limit lifted:
# every request comes from 127.0.0.1), so it starts them afresh; nodes and HAProxy are reused when running.
cluster-test: ## Run the fault suite against the cluster; writes target/cluster/report.json and docs/reliability.md
	@$(CLUSTER) stop-portals && \
	S11_HOUSEKEEPING_CRON='0 * * * * ?' S11_REMINDERS_CRON='30 * * * * ?' \
	S11_SURVEY_SUBMIT_BURST=1000000000 S11_SURVEY_SUBMITS_PER_MINUTE=1000000000 $(CLUSTER) start && \
	java deploy/cluster/FaultSuite.java

clean: ## Delete build output (the local database in .local/ is kept)
	$(MVN) clean
