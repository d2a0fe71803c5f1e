// SHA-256 (FIPS 180-4) for TradeIO's file fingerprints: a streaming context, the
// x86 SHA extensions when the processor has them, portable C otherwise.
#ifndef CTRADEIO_SHA256_H
#define CTRADEIO_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t state[8];
    uint64_t length;      // bytes hashed so far
    uint8_t buffer[64];   // a partial block
    size_t buffered;      // bytes in `buffer`
} ctradeio_sha256_context;

void ctradeio_sha256_init(ctradeio_sha256_context *context);
void ctradeio_sha256_update(ctradeio_sha256_context *context, const void *bytes, size_t count);
void ctradeio_sha256_final(ctradeio_sha256_context *context, uint8_t digest[32]);
/// 1 when the x86 SHA extensions are used, 0 for the portable code.
int ctradeio_sha256_uses_hardware(void);
/// Forces the portable code (1) or allows the hardware path again (0); for tests.
void ctradeio_sha256_force_portable(int portable);

#endif
