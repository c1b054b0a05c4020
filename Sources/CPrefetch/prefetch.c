// Everything is in include/CPrefetch.h (an inline function); a C target needs one source file.
#include "CPrefetch.h"
