#ifndef CPREFETCH_H
#define CPREFETCH_H

/// A software prefetch: asks the processor to start bringing the cache line holding `address`
/// into the caches now, without waiting for it (x86 `prefetcht0`, ARM `prfm pldl1keep`). Swift
/// cannot call `_mm_prefetch` (a C macro) or `__builtin_prefetch` directly; this inline function
/// compiles to the one instruction. The HNSW search calls it for the next neighbours' vectors
/// while it computes the current one's distance, as hnswlib does.
static inline void embedlab_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
