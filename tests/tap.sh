# tap.sh: TAP helpers for the shell tests (sourced).  The test sets $T, a
# temporary directory; a failed check shows what the command under test
# left in $T/err and $T/out.  A test that knows how many checks it makes
# declares them first with plan N, so that a check that vanishes fails.
n=0
failed=0
planned=

plan() {	# plan N: the number of checks, before the first one
	planned=$1
	echo "1..$1"
}

ok() {		# ok STATUS DESCRIPTION: a check passes when STATUS is 0
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=$((failed + 1))
		[ -s "$T/err" ] && sed 's/^/#   stderr: /' "$T/err" | head -5
		[ -s "$T/out" ] && sed 's/^/#   stdout: /' "$T/out" | head -5
	fi
	return 0
}

skip() {	# skip DESCRIPTION WHY
	n=$((n + 1))
	echo "ok $n - $1 # SKIP $2"
}

# need TOOL...: the tools a test cannot run without.  Outside CI a missing
# tool skips the whole test (before its plan); in CI (CI=true), where
# .ci/setup installs them all, it is a failure.
need() {
	for tool in "$@"; do
		command -v "$tool" >/dev/null 2>&1 && continue
		if [ "${CI:-}" = true ]; then
			echo "Bail out! $tool is missing (.ci/setup installs it)"
			exit 1
		fi
		echo "1..0 # SKIP $tool is not installed"
		exit 0
	done
}

done_testing() {
	if [ -z "$planned" ]; then
		echo "1..$n"
	elif [ "$n" -ne "$planned" ]; then
		echo "# planned $planned checks, ran $n"
		return 1
	fi
	[ "$failed" -eq 0 ]
}
