// The CSV byte classifier declared in ctradeio_csv.h. The portable loop states what is
// computed; the SSE2 path computes the same masks 16 bytes per instruction, and tests
// compare the two on random text.
#include "ctradeio_csv.h"
#include <string.h>

/// One byte at a time: the definition of the masks.
int ctradeio_csv_classify_portable(const uint8_t *bytes, size_t count, uint64_t *commas, uint64_t *specials, uint64_t *high) {
    int ascii = 1;
    size_t words = (count + 63) / 64;
    memset(commas, 0, words * sizeof *commas);
    memset(specials, 0, words * sizeof *specials);
    memset(high, 0, words * sizeof *high);
    for (size_t i = 0; i < count; i++) {
        uint8_t byte = bytes[i];
        uint64_t bit = (uint64_t)1 << (i % 64);
        if (byte == ',') commas[i / 64] |= bit;
        if (byte == '"' || byte == '\n' || byte == '\r') specials[i / 64] |= bit;
        if (byte >= 0x80) {
            high[i / 64] |= bit;
            ascii = 0;
        }
    }
    return ascii;
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <emmintrin.h>
#define CTRADEIO_HAVE_SSE2 1

/// 64 bytes per step: each 16-byte load is compared with the four structural bytes,
/// and `_mm_movemask_epi8` packs the top bit of each compared byte (0xFF or 0) into
/// 16 bits; four of those make a 64-bit word. The same instruction on the loaded bytes
/// themselves gives their top bits, the non-ASCII mask. A last partial block is copied
/// into a zeroed 64-byte buffer first (zero bytes match nothing).
static int classify_sse2(const uint8_t *bytes, size_t count, uint64_t *commas, uint64_t *specials, uint64_t *high) {
    const __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"');
    const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    uint64_t anyHigh = 0;
    size_t word = 0;
    uint8_t tail[64];
    for (size_t at = 0; at < count; at += 64, word++) {
        const uint8_t *block = bytes + at;
        if (count - at < 64) {
            memset(tail, 0, sizeof tail);
            memcpy(tail, block, count - at);
            block = tail;
        }
        uint64_t commaBits = 0, specialBits = 0, highBits = 0;
        for (int part = 0; part < 4; part++) {
            __m128i v = _mm_loadu_si128((const __m128i *)(block + 16 * part));
            highBits |= (uint64_t)(uint16_t)_mm_movemask_epi8(v) << (16 * part);
            __m128i isComma = _mm_cmpeq_epi8(v, comma);
            __m128i isSpecial = _mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                             _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
            commaBits |= (uint64_t)(uint16_t)_mm_movemask_epi8(isComma) << (16 * part);
            specialBits |= (uint64_t)(uint16_t)_mm_movemask_epi8(isSpecial) << (16 * part);
        }
        commas[word] = commaBits;
        specials[word] = specialBits;
        high[word] = highBits;
        anyHigh |= highBits;
    }
    return anyHigh == 0;
}
#endif

int ctradeio_csv_classify(const uint8_t *bytes, size_t count, uint64_t *commas, uint64_t *specials, uint64_t *high) {
#ifdef CTRADEIO_HAVE_SSE2
    return classify_sse2(bytes, count, commas, specials, high);
#else
    return ctradeio_csv_classify_portable(bytes, count, commas, specials, high);
#endif
}
