/* An SPGRID-like instance (after Cherkassky, Goldberg and Radzik's SPGRID, 9th DIMACS Challenge):
 * a grid of `layers` x `width` nodes. Within each layer the nodes form a doubly linked cycle with
 * short arcs; between consecutive layers every node has an arc to the same position and to a
 * random position of the next layer, with longer random lengths; a few long backward arcs make
 * nodes of earlier layers reachable again. Lengths are uniform integers, reproducible from the seed.
 *
 * usage: gen-spgrid LAYERS WIDTH SEED > FILE.gr
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state;
static uint64_t next_random(void) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
static long uniform(long low, long high) { return low + (long)(next_random() % (uint64_t)(high - low + 1)); }

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s LAYERS WIDTH SEED > FILE.gr\n", argv[0]);
        return 2;
    }
    long layers = atol(argv[1]), width = atol(argv[2]);
    state = strtoull(argv[3], NULL, 10);
    if (layers < 2 || width < 2) {
        fprintf(stderr, "LAYERS and WIDTH must be at least 2\n");
        return 2;
    }
    long nodes = layers * width;
    long arcs = layers * width * 2 + (layers - 1) * width * 2 + (layers - 1);
    printf("c SPGRID-like grid: %ld layers x %ld nodes, seed %s\n", layers, width, argv[3]);
    printf("p sp %ld %ld\n", nodes, arcs);
    for (long layer = 0; layer < layers; layer++) {
        for (long position = 0; position < width; position++) {
            long node = layer * width + position + 1;
            long right = layer * width + (position + 1) % width + 1;
            long left = layer * width + (position + width - 1) % width + 1;
            printf("a %ld %ld %ld\n", node, right, uniform(1, 1000));
            printf("a %ld %ld %ld\n", node, left, uniform(1, 1000));
            if (layer + 1 < layers) {
                printf("a %ld %ld %ld\n", node, node + width, uniform(1000, 10000));
                printf("a %ld %ld %ld\n", node, (layer + 1) * width + uniform(0, width - 1) + 1, uniform(1000, 100000));
            }
        }
        if (layer + 1 < layers) printf("a %ld %ld %ld\n", (layer + 1) * width + 1, uniform(0, width - 1) + 1, uniform(10000, 1000000));
    }
    return 0;
}
