# Sourced by ./rankforge, bench/run and .ci/run: runs the JVMs (and the services they start) on jemalloc that keeps
# freed pages. libtorch's CPU tensors of a training step (SASRec's attention at length 200: 40 MB each) lie above
# glibc malloc's 32 MB mmap ceiling, so under glibc every one is a fresh mmap and page faults on every step; measured
# side by side in bench/results/allocator.json (2-3x faster transformer training). Debian package libjemalloc2;
# RANKFORGE_ALLOCATOR=glibc turns it off. Without the library everything runs as before, on glibc.
rankforge_jemalloc() {
  local lib
  [[ "${RANKFORGE_ALLOCATOR:-jemalloc}" == "jemalloc" ]] || return 0
  lib=$({ /sbin/ldconfig -p 2>/dev/null || true; } | awk '/libjemalloc\.so\.2 /{print $NF; exit}')
  if [[ -z "$lib" ]]; then
    echo "note: libjemalloc2 is not installed; training runs on glibc malloc, 2-3x slower for transformers (apt-get install libjemalloc2)" >&2
    return 0
  fi
  # never purge: a decay of any length gave back the pages a step reuses (slower than glibc, measured)
  export LD_PRELOAD="$lib${LD_PRELOAD:+:$LD_PRELOAD}" MALLOC_CONF="dirty_decay_ms:-1,muzzy_decay_ms:-1"
}
rankforge_jemalloc
