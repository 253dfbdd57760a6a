# tap.sh: TAP helpers for the shell tests (sourced).  The test sets $T, a
# temporary directory; a failed check shows what the command under test
# left in $T/err and $T/out.
n=0
failed=0

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

done_testing() {
	echo "1..$n"
	[ "$failed" -eq 0 ]
}
