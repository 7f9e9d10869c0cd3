// How the process's heap behaves, set once at start.
//
// glibc gives every allocation of 128 KiB or more its own mmap and unmaps it
// when it is freed; it also trims the heap's top back to the kernel. An
// import allocates such blocks for every workbook (its bytes, the sheet kept
// for its second reading, the roster's rows) and so touched fresh pages for
// each one: 21,008 page faults for 60 history workbooks, against 3,882 with
// freed memory kept for reuse (perf stat, 2026-12-02), with the same peak
// RSS (25 MiB). The daemon hands what is free back after each cycle.
#pragma once

namespace icetrack {

// Keeps freed memory (blocks up to 32 MiB, the heap's top up to 64 MiB) for
// reuse instead of handing it back to the kernel at once.
void KeepFreedMemory();

// Hands free memory back to the kernel: for a process that will now idle.
void ReturnFreedMemory();

}  // namespace icetrack
