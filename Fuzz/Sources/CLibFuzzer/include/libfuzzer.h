// libFuzzer's driver, from libclang_rt.fuzzer (linked by -sanitize=fuzzer; ships with the Swift toolchain).
#include <stddef.h>
#include <stdint.h>

/// Parses libFuzzer's command line and runs `callback` on each input, exactly as libFuzzer's own `main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// Runs libFuzzer's driver on the harness's `LLVMFuzzerTestOneInput` (each harness defines it). Every
/// harness's entry point calls this, so the driver glue is written once.
int corridor_fuzz_main(int argc, char **argv);
