#!/bin/bash
# Re-run held-out text rounds on the current code, four at a time, without touching them.
#
# usage: benchmarks/run_text_rounds.sh ROUNDS_DIR TAG N...
#   ROUNDS_DIR holds textcheckN folders (each with case texts, frozen expectations, run.sh and
#   score.py, as written by the reviewers); each round is copied to /tmp/r<TAG>_<N> and its
#   run.sh run there with the shared cache, so the reviewer's own outputs stay as they were.
#   Prints each round's TOTAL line (observed P / R, excluded P / R, labs, family).
# To score older code, set PYTHONPATH to that commit's src (git archive <commit> src | tar -x).
set -u
ROOT=$1; TAG=$2; shift 2
for N in "$@"; do
  (
  D=/tmp/r${TAG}_$N; rm -rf "$D"; cp -r "$ROOT/textcheck$N" "$D"; cd "$D" || exit 1; rm -rf out
  sed -i "s#OSTEODX_CACHE_DIR=[^ ]*#OSTEODX_CACHE_DIR=${OSTEODX_CACHE_DIR:-/tmp/oxcache}#" run.sh
  PYTHONHASHSEED=0 bash run.sh > run.log 2>&1
  echo "round $N: $(grep '^| TOTAL' out/scores.txt)"
  ) &
  while [ "$(jobs -r | wc -l)" -ge 4 ]; do sleep 2; done
done
wait
