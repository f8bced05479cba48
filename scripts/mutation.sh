#!/usr/bin/env bash
# Mutation testing of the voting, election and mediation engines and the audit (mutmut 3, configured
# in pyproject.toml under [tool.mutmut]). See docs/how-to/mutation-testing.md.
#
#   scripts/mutation.sh                          # every default module, then the scores
#   scripts/mutation.sh voting.checks audit.*    # some modules (names under community_governance)
#   scripts/mutation.sh --score                  # only print the scores of the last runs
#
# Environment:
#   MUTATION_BUDGET  seconds allowed per module (default 900); a module over budget is stopped
#                    and its untested mutants are reported as "not checked".
#   MUTATION_CHILDREN  parallel test processes (default 1: the machine is shared).
#   PYTHON           the interpreter whose environment has mutmut (default: .venv or python3).
#
# Survivors judged equivalent (no test can tell them from the original) are listed in
# mutmut-equivalent*.txt, one per line with a reason; the score counts them apart.
set -euo pipefail
cd "$(dirname "$0")/.."

DEFAULT_MODULES=(
  voting.checks voting.ballots voting._tally voting.decision voting.decide
  voting._freeze voting._estate_notices voting._members voting.procedure
  audit.attribution audit.decision audit.election audit.findings audit.percentages
  audit.report audit._report rules.thresholds
  elections._count elections._decide elections._seats elections.ballots elections.candidates
  elections.composition elections.elect elections.eligibility elections.groups elections.options
  elections.result elections.rules elections.slate
  mediation.events mediation.engine mediation.progress mediation.case
  mediation.phases.intake mediation.phases.session mediation.phases.agreement
  mediation.phases.confirmation mediation.phases.performance
  voting.size
  money.apportion money.charges money.emergency money.fund money._rules
  committee.model committee.events committee.cadence committee.posting committee.progress
  committee.temporary committee.timeline committee.vacancy committee.attendance
  committee.inactivity committee.freeze
)
PYTHON="${PYTHON:-}"
if [[ -z "$PYTHON" ]]; then
  for candidate in .venv/bin/python /work/main/.venv/bin/python python3; do
    if command -v "$candidate" >/dev/null 2>&1; then PYTHON="$candidate"; break; fi
  done
fi
MUTMUT=("$PYTHON" -m mutmut)
BUDGET="${MUTATION_BUDGET:-900}"
CHILDREN="${MUTATION_CHILDREN:-1}"

score() {
  "${MUTMUT[@]}" results --all true 2>/dev/null | "$PYTHON" scripts/mutation_score.py "$@"
}

if [[ "${1:-}" == "--score" ]]; then
  shift
  score "$@"
  exit 0
fi

MODULES=("$@")
if [[ ${#MODULES[@]} -eq 0 ]]; then MODULES=("${DEFAULT_MODULES[@]}"); fi
for module in "${MODULES[@]}"; do
  echo "=== mutmut: community_governance.${module} (budget ${BUDGET}s)"
  # mutmut prints a progress line per mutant; keep the log short
  mkdir -p mutants
  if ! timeout "$BUDGET" "${MUTMUT[@]}" run --max-children "$CHILDREN" "community_governance.${module}.*" \
    >"mutants/run-${module}.log" 2>&1; then
    echo "    stopped or failed: see mutants/run-${module}.log"
  fi
done
score "${MODULES[@]}"
