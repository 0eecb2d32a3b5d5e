#ifndef CTEVREDENSHA_H
#define CTEVREDENSHA_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor has the SHA extensions (and the SSSE3 and SSE4.1 they are used with here).
int tevreden_sha256_hardware_available(void);

/// SHA-256's 64 round constants (FIPS 180-4, 4.2.2), for every implementation.
const uint32_t *tevreden_sha256_round_constants(void);

/// Processes `blocks` 64-byte blocks at `data` into `state` (a, b, ..., h) with the processor's SHA instructions.
/// Call only when tevreden_sha256_hardware_available() returned 1.
void tevreden_sha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
