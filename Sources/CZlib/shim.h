// zlib (Debian zlib1g-dev) for TradeIO's gzip input: inflate of .csv.gz files and streams.
#include <zlib.h>
