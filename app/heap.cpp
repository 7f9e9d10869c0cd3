#include "app/heap.h"

#include <malloc.h>

namespace icetrack {

void KeepFreedMemory() {
  // Fixed values also switch off glibc's own adjustment of them. 32 MiB is
  // the largest mmap threshold glibc takes on a 64-bit system.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
}

void ReturnFreedMemory() { malloc_trim(0); }

}  // namespace icetrack
