#include "libfuzzer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int corridor_fuzz_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
