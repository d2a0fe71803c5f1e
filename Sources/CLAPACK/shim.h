// CLAPACK: the C surface of OpenBLAS/LAPACK that NumericCore calls.
// This module provides no Swift API of its own; only NumericCore imports it
// (with `internal import`). Prototypes follow Debian's lapack.h (LAPACK 3.11):
// Fortran subroutines return void, every argument is passed by pointer, and
// each CHARACTER argument has a trailing hidden length of type size_t.
#ifndef TRADESCOPE_CLAPACK_SHIM_H
#define TRADESCOPE_CLAPACK_SHIM_H

#include <stddef.h>
#include <cblas.h>

#endif
