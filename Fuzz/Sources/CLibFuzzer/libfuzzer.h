// libFuzzer's driver, from libclang_rt.fuzzer (linked by -sanitize=fuzzer; ships with the Swift toolchain).
#include <stddef.h>
#include <stdint.h>

/// Parses libFuzzer's command line and runs `callback` on each input, exactly as libFuzzer's own `main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
