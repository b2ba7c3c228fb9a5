# Sourced by the benchmark scripts: `keep_run NAME COMMAND-LINE` sends all
# that the script prints from then on to the terminal and to a dated file,
# benchmarks/runs/YYYY-MM-DD-NAME.txt (-2, -3, ... for more runs that day),
# headed by the time, the command, the commit and the machine. Figures are
# quoted from these files, never edited into prose.
# BENCH_RUNS_DIR=DIR keeps the files elsewhere; BENCH_RUNS_DIR=- keeps none.
keep_run() {
    local name=$1 command=$2
    local dir=${BENCH_RUNS_DIR:-benchmarks/runs}
    [ "$dir" = - ] && return 0
    mkdir -p "$dir"
    local day file n=1
    day=$(date -u +%F)
    file=$dir/$day-$name.txt
    while [ -e "$file" ]; do
        n=$((n + 1))
        file=$dir/$day-$name-$n.txt
    done
    exec > >(tee "$file") 2>&1
    local commit
    commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
    git diff --quiet HEAD 2>/dev/null || commit="$commit, with uncommitted changes"
    echo "# $name, $(date -u '+%F %H:%M UTC')"
    echo "# command: $command"
    echo "# commit: $commit"
    echo "# machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) (other work may share it)"
    echo "# kept in $file"
    echo
}
