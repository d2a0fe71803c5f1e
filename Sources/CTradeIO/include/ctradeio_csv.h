// Finding the structural bytes of CSV text (`,` `"` LF CR) many bytes at a time, for
// TradeIO's CSV parser: SSE2 on x86-64 (part of every x86-64 processor), portable C otherwise.
#ifndef CTRADEIO_CSV_H
#define CTRADEIO_CSV_H

#include <stddef.h>
#include <stdint.h>

/// Marks the structural bytes of `bytes[0..<count]` in bitmasks of 64 bytes each: bit k of
/// `commas[w]` is set when `bytes[64 * w + k]` is ',', bit k of `specials[w]` when it is
/// '"', '\n' or '\r', and bit k of `high[w]` when it is 0x80 or more (not ASCII).
/// Writes (count + 63) / 64 words to each array; bits past `count` are 0.
/// Returns 1 when every byte is below 0x80 (the text is ASCII), else 0.
int ctradeio_csv_classify(const uint8_t *bytes, size_t count, uint64_t *commas, uint64_t *specials, uint64_t *high);
/// The same with the portable code only (the definition the fast path is tested against).
int ctradeio_csv_classify_portable(const uint8_t *bytes, size_t count, uint64_t *commas, uint64_t *specials, uint64_t *high);

#endif
