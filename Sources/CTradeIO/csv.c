// The CSV byte classifier declared in ctradeio_csv.h. The portable loop states what is
// computed; the SSE2 path computes the same masks 16 bytes per instruction, and tests
// compare the two on random text.
#include "ctradeio_csv.h"
#include <string.h>

/// One byte at a time: the definition of the masks.
int ctradeio_csv_classify_portable(const uint8_t *bytes, size_t count, uint64_t *commas, uint64_t *specials) {
    uint8_t high = 0;
    size_t words = (count + 63) / 64;
    memset(commas, 0, words * sizeof *commas);
    memset(specials, 0, words * sizeof *specials);
    for (size_t i = 0; i < count; i++) {
        uint8_t byte = bytes[i];
        uint64_t bit = (uint64_t)1 << (i % 64);
        high |= byte;
        if (byte == ',') commas[i / 64] |= bit;
        if (byte == '"' || byte == '\n' || byte == '\r') specials[i / 64] |= bit;
    }
    return (high & 0x80) == 0;
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <emmintrin.h>
#define CTRADEIO_HAVE_SSE2 1

/// 64 bytes per step: each 16-byte load is compared with the four structural bytes,
/// and `_mm_movemask_epi8` packs the top bit of each compared byte (0xFF or 0) into
/// 16 bits; four of those make a 64-bit word. The bytes are also ORed together, so the
/// top bit of the OR says whether any byte was >= 0x80. A last partial block is copied
/// into a zeroed 64-byte buffer first (zero bytes match nothing).
static int classify_sse2(const uint8_t *bytes, size_t count, uint64_t *commas, uint64_t *specials) {
    const __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"');
    const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    __m128i high = _mm_setzero_si128();
    size_t word = 0;
    uint8_t tail[64];
    for (size_t at = 0; at < count; at += 64, word++) {
        const uint8_t *block = bytes + at;
        if (count - at < 64) {
            memset(tail, 0, sizeof tail);
            memcpy(tail, block, count - at);
            block = tail;
        }
        uint64_t commaBits = 0, specialBits = 0;
        for (int part = 0; part < 4; part++) {
            __m128i v = _mm_loadu_si128((const __m128i *)(block + 16 * part));
            high = _mm_or_si128(high, v);
            __m128i isComma = _mm_cmpeq_epi8(v, comma);
            __m128i isSpecial = _mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                             _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
            commaBits |= (uint64_t)(uint16_t)_mm_movemask_epi8(isComma) << (16 * part);
            specialBits |= (uint64_t)(uint16_t)_mm_movemask_epi8(isSpecial) << (16 * part);
        }
        commas[word] = commaBits;
        specials[word] = specialBits;
    }
    return _mm_movemask_epi8(high) == 0;
}
#endif

int ctradeio_csv_classify(const uint8_t *bytes, size_t count, uint64_t *commas, uint64_t *specials) {
#ifdef CTRADEIO_HAVE_SSE2
    return classify_sse2(bytes, count, commas, specials);
#else
    return ctradeio_csv_classify_portable(bytes, count, commas, specials);
#endif
}
